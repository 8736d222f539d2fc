package scoring_test

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/analysis"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// fewestByEnumeration is LeastToDecide's definition, by brute force
// over every subset of full's answers: the fewest that decide the full
// form's top role.
func fewestByEnumeration(m *scoring.Model, full quiz.Answers) int {
	n := len(full)
	if !m.Decide(full).Decided {
		return n
	}
	fewest := n
	part := make(quiz.Answers, n)
	for s := 0; s < 1<<uint(n); s++ {
		k := bits.OnesCount(uint(s))
		if k >= fewest {
			continue
		}
		for qi := range part {
			part[qi] = quiz.Answer{}
			if s&(1<<uint(qi)) != 0 {
				part[qi] = full[qi]
			}
		}
		if m.Decide(part).Decided {
			fewest = k
		}
	}
	return fewest
}

func floorBanks(t *testing.T) map[string]*quiz.Bank {
	return map[string]*quiz.Bank{
		"small":          loadSmall(t),
		"worked-example": loadBank(t, "testdata/worked-example.yaml"),
		"shared":         loadBank(t, "testdata/shared.yaml"),
	}
}

// TestLeastToDecideIsExact checks the search against enumeration on
// small banks, with and without questions measuring several dimensions,
// and that the short quiz never stops sooner.
func TestLeastToDecideIsExact(t *testing.T) {
	for name, b := range floorBanks(t) {
		m := scoring.New(b)
		rng := rand.New(rand.NewPCG(51, 52))
		full := b.NewAnswers()
		below := 0
		for trial := 0; trial < 150; trial++ {
			uniformAnswers(b, rng, full)
			got, exact := m.LeastToDecide(full)
			want := fewestByEnumeration(m, full)
			if got != want || !exact {
				t.Fatalf("%s, trial %d: LeastToDecide = %d, enumeration %d (answers %v)", name, trial, got, want, full)
			}
			part, asked := b.NewAnswers(), 0
			for qi := m.NextQuestion(part); qi >= 0; qi = m.NextQuestion(part) {
				part[qi] = full[qi]
				asked++
			}
			if asked < got {
				t.Fatalf("%s, trial %d: the short quiz stopped after %d, below the bound %d", name, trial, asked, got)
			}
			if got < len(full) {
				below++
			}
		}
		if below == 0 {
			t.Errorf("%s: the bound was never below the whole bank", name)
		}
	}
}

// TestLeastToDecideRelaxesSoundly: past its enumeration limits or its
// search budget (lowered here to reach them on small banks) the count
// gets weaker, never wrong: at most the exact count, at least 0, and
// not claimed exact when the budget ran out.
func TestLeastToDecideRelaxesSoundly(t *testing.T) {
	for _, limits := range [][3]int{{0, 10, 1 << 20}, {10, 0, 1 << 20}, {0, 0, 1 << 20}, {1, 1, 1 << 20}, {10, 10, 30}} {
		restore := scoring.SetFloorLimits(limits[0], limits[1], limits[2])
		weaker := 0
		for name, b := range floorBanks(t) {
			m := scoring.New(b)
			rng := rand.New(rand.NewPCG(61, 62))
			full := b.NewAnswers()
			for trial := 0; trial < 60; trial++ {
				uniformAnswers(b, rng, full)
				got, claimed := m.LeastToDecide(full)
				exact := fewestByEnumeration(m, full)
				if got > exact || got < 0 || claimed && limits[2] < 1<<20 && got != exact {
					t.Fatalf("limits %v, %s, trial %d: relaxed bound %d (exact: %v), enumeration %d", limits, name, trial, got, claimed, exact)
				}
				if got < exact {
					weaker++
				}
			}
		}
		restore()
		if weaker == 0 {
			t.Errorf("limits %v: the relaxation never weakened the bound; is it used?", limits)
		}
	}
}

// TestFewestForAnyExactRule bounds how short any exact stop rule could
// make the short quiz on the default bank, not only pmfit's: with the
// questions that measure several dimensions counted as answered for
// free, every dimension's reachable scores are exact, so the count is a
// lower bound for a rule that knew the reachable scores exactly. It is
// at most LeastToDecide's count, respondent by respondent; docs/adaptive.md
// quotes both medians (-v prints them) for the first respondents of
// pmfit analyze --seed 1.
func TestFewestForAnyExactRule(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	sim := analysis.NewSimulator(b, analysis.DefaultNoise)
	theta := make([]float64, len(b.Dimensions))
	full := b.NewAnswers()
	n := 300
	if testing.Short() {
		n = 30
	}
	rule, anyRule := make([]int, n), make([]int, n)
	for i := range n {
		rng := rand.New(rand.NewPCG(1, 1<<40+uint64(i))) // analyze's respondent i
		sim.Theta(rng, theta)
		sim.Answer(rng, theta, full)
		var exact bool
		if rule[i], exact = m.LeastToDecide(full); !exact {
			t.Fatalf("respondent %d: LeastToDecide ran out of budget on the default bank", i)
		}
		restore := scoring.SetFloorLimits(10, 0, 1<<20)
		anyRule[i], _ = m.LeastToDecide(full)
		restore()
		if anyRule[i] > rule[i] {
			t.Fatalf("respondent %d: %d with the shared questions free, %d without", i, anyRule[i], rule[i])
		}
	}
	slices.Sort(rule)
	slices.Sort(anyRule)
	t.Logf("fewest questions, median of %d respondents: %d for pmfit's rule, at least %d for any exact rule", n, rule[(n-1)/2], anyRule[(n-1)/2])
}

// hugeBank is a bank built to make LeastToDecide's enumeration explode:
// many dimensions, a dozen agreement questions on each with weights that
// keep every sum distinct, and multi-selects touching every dimension.
func hugeBank(t testing.TB) *quiz.Bank {
	var y strings.Builder
	y.WriteString("version: 1\nid: huge\ndimensions:\n")
	const dims, perDim, multis = 12, 12, 10
	for d := range dims {
		fmt.Fprintf(&y, "  - {id: d%d, name: D%d, low: Low, high: High}\n", d, d)
	}
	y.WriteString("roles:\n")
	for r := range 7 {
		fmt.Fprintf(&y, "  - {id: r%d, name: R%d, summary: Role., profile: {", r, r)
		for d := range dims {
			if d > 0 {
				y.WriteString(", ")
			}
			fmt.Fprintf(&y, "d%d: {target: %d, weight: %d}", d, (r*37+d*11)%100, 1+(r+d)%3)
		}
		y.WriteString("}}\n")
	}
	y.WriteString("questions:\n")
	for d := range dims {
		for i := range perDim {
			fmt.Fprintf(&y, "  - {id: q%d-%d, type: likert, dimension: d%d, weight: %g, text: Q.}\n", d, i, d, 1+float64(i)/7)
		}
	}
	for i := range multis {
		fmt.Fprintf(&y, "  - id: m%d\n    type: multi\n    text: Pick.\n    options:\n", i)
		for d := range dims {
			fmt.Fprintf(&y, "      - {value: o%d, label: O%d, counts: [d%d, d%d]}\n", d, d, d, (d+i+1)%dims)
		}
	}
	b, err := quiz.LoadBank("huge.yaml", []byte(y.String()), quiz.LoadOptions{})
	if err != nil {
		t.Fatalf("%v", err)
	}
	return b
}

// TestLeastToDecideIsBounded: on a bank built to explode the enumeration,
// LeastToDecide stops within its budget (plus at most one dimension's
// reachable scores, which the budget cannot split), says it is not exact,
// and still never claims more than the short quiz asks.
func TestLeastToDecideIsBounded(t *testing.T) {
	b := hugeBank(t)
	m := scoring.New(b)
	const budget = 1 << 18
	restore := scoring.SetFloorLimits(10, 10, budget)
	defer restore()
	options := 0
	for _, q := range b.Questions {
		options += len(q.EveryAnswer(1 << 20))
	}
	slack := scoring.MaxExactStates * options
	rng := rand.New(rand.NewPCG(71, 72))
	full := b.NewAnswers()
	for trial := range 3 {
		uniformAnswers(b, rng, full)
		n, exact, work := m.LeastToDecideWork(full)
		if work > budget+slack {
			t.Fatalf("trial %d: %d units of work, budget %d (+%d)", trial, work, budget, slack)
		}
		if exact && work > budget {
			t.Fatalf("trial %d: past its budget, yet exact", trial)
		}
		if n < 0 || n > len(full) {
			t.Fatalf("trial %d: %d questions", trial, n)
		}
	}
}

// TestAlwaysAboveIsAProof: on every small bank, a role AlwaysAbove names
// ranks above the role on every complete answer set (by enumeration),
// and on the bank built for it, the dominated roles are named and the
// others are not.
func TestAlwaysAboveIsAProof(t *testing.T) {
	banks := floorBanks(t)
	banks["dominated"] = loadBank(t, "testdata/dominated.yaml")
	for name, b := range banks {
		m := scoring.New(b)
		for r := range b.Roles {
			above := m.AlwaysAbove(r)
			if above < 0 {
				continue
			}
			completions(b, b.NewAnswers(), func(c quiz.Answers) {
				res := m.Score(c, scoring.Options{})
				for _, rf := range res.Roles {
					if rf.Role == r {
						t.Fatalf("%s: %s is always above %s, yet %s ranks above it on %v", name, b.Roles[above].ID, b.Roles[r].ID, b.Roles[r].ID, c)
					}
					if rf.Role == above {
						break
					}
				}
			})
		}
	}
	b := banks["dominated"]
	m := scoring.New(b)
	want := map[string]string{"first": "", "near": "", "copy": "first", "far": "first", "low": ""}
	for r, role := range b.Roles {
		got := ""
		if above := m.AlwaysAbove(r); above >= 0 {
			got = b.Roles[above].ID
		}
		if got != want[role.ID] {
			t.Errorf("AlwaysAbove(%s) = %q, want %q", role.ID, got, want[role.ID])
		}
	}
}
