package scoring_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pmfit/pmfit/internal/analysis"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// smallBank has questions that each measure one dimension, so the short
// quiz's reachable scores are exact and its rule an "if and only if".
const smallBank = `version: 1
id: small
dimensions:
  - {id: a, name: A, low: Low A, high: High A}
  - {id: b, name: B, low: Low B, high: High B}
  - {id: c, name: C, low: Low C, high: High C}
roles:
  - {id: r1, name: R1, summary: One., profile: {a: 80, b: {target: 30, weight: 2}}}
  - {id: r2, name: R2, summary: Two., profile: {a: 30, b: 70, c: 60}}
  - {id: r3, name: R3, summary: Three., profile: {b: 50, c: {target: 10, weight: 3}}}
questions:
  - {id: a1, type: likert, dimension: a, text: A one.}
  - {id: a2, type: likert, dimension: a, reverse: true, text: A two.}
  - id: a3
    type: single
    text: A three?
    options:
      - {value: lo, label: Lo, scores: {a: 10}}
      - {value: hi, label: Hi, scores: {a: 90}}
      - {value: skip, label: Neither}
  - {id: b1, type: likert, dimension: b, text: B one.}
  - {id: b2, type: likert, dimension: b, reverse: true, text: B two.}
  - id: b3
    type: multi
    text: B three?
    options:
      - {value: x, label: X, counts: [b]}
      - {value: y, label: Y, counts: [b]}
      - {value: none, label: None, none: true}
  - {id: c1, type: likert, dimension: c, text: C one.}
  - {id: c2, type: likert, dimension: c, reverse: true, text: C two.}
  - id: c3
    type: single
    text: C three?
    options:
      - {value: lo, label: Lo, scores: {c: 0}}
      - {value: mid, label: Mid, scores: {c: 50}}
      - {value: hi, label: Hi, scores: {c: 100}}
`

func loadSmall(t testing.TB) *quiz.Bank {
	t.Helper()
	b, err := quiz.LoadBank("small.yaml", []byte(smallBank), quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// everyAnswer lists every valid answer to question qi.
func everyAnswer(b *quiz.Bank, qi int) []quiz.Answer {
	return b.Questions[qi].EveryAnswer(math.MaxInt)
}

// completions calls fn with every completion of answers.
func completions(b *quiz.Bank, answers quiz.Answers, fn func(quiz.Answers)) {
	for qi := range answers {
		if answers[qi].Set {
			continue
		}
		for _, a := range everyAnswer(b, qi) {
			answers[qi] = a
			completions(b, answers, fn)
		}
		answers[qi] = quiz.Answer{}
		return
	}
	fn(answers)
}

// uniformAnswers answers each question at random, every answer equally likely.
func uniformAnswers(b *quiz.Bank, rng *rand.Rand, out quiz.Answers) {
	for qi := range b.Questions {
		all := everyAnswer(b, qi)
		out[qi] = all[rng.IntN(len(all))]
	}
}

// sqDistance is a role's weighted mean squared distance, from its fit.
func sqDistance(res *scoring.Result, role int) float64 {
	for _, rf := range res.Roles {
		if rf.Role == role {
			return (100 - rf.Fit) * (100 - rf.Fit)
		}
	}
	return math.NaN()
}

// TestShortQuizIsExactOnSingleDimensionBanks checks the rule both ways,
// by enumeration, on partial answer sets of a bank whose questions each
// measure one dimension: when it says decided, every completion ranks
// that role first; when it says undecided, for every role there is a
// completion where another role beats it or comes within Tau, and
// Witness builds it, with D_R − D_L equal to the bound.
func TestShortQuizIsExactOnSingleDimensionBanks(t *testing.T) {
	b := loadSmall(t)
	m := scoring.New(b)
	rng := rand.New(rand.NewPCG(11, 12))
	full := b.NewAnswers()
	decided, undecided := 0, 0
	for trial := 0; trial < 400; trial++ {
		uniformAnswers(b, rng, full)
		part := b.NewAnswers()
		for qi := range part {
			if rng.IntN(10) < 5+trial%5 {
				part[qi] = full[qi]
			}
		}
		if part.Count() < len(part)-5 {
			continue // keep the enumeration small
		}
		d := m.Decide(part)
		if !d.Exact {
			t.Fatalf("a single-dimension bank gave inexact reachable sets")
		}
		if d.Decided {
			decided++
			completions(b, part, func(c quiz.Answers) {
				res := m.Score(c, scoring.Options{})
				if res.Top() != d.Top {
					t.Fatalf("decided on %s, but a completion ranks %s first", b.Roles[d.Top].ID, b.Roles[res.Top()].ID)
				}
			})
			continue
		}
		undecided++
		for l := range b.Roles {
			found := false
			for r := range b.Roles {
				if r == l {
					continue
				}
				c, ok := m.Witness(part, l, r)
				if !ok {
					t.Fatal("no witness on an exact bank")
				}
				res := m.Score(c, scoring.Options{})
				if sqDistance(&res, r)-sqDistance(&res, l) <= scoring.Tau+1e-6 {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("undecided, yet %s beats every rival by more than Tau in every witness", b.Roles[l].ID)
			}
		}
	}
	if decided < 20 || undecided < 20 {
		t.Errorf("too few cases of each kind: %d decided, %d undecided", decided, undecided)
	}
}

// TestShortQuizAgreesWithTheFullForm: on the default bank, over
// thousands of simulated and uniformly random respondents answering in a
// random order, whenever the rule says decided, the full form ranks that
// role first: in 100% of cases.
func TestShortQuizAgreesWithTheFullForm(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	sim := analysis.NewSimulator(b, analysis.DefaultNoise)
	rng := rand.New(rand.NewPCG(21, 22))
	theta := make([]float64, len(b.Dimensions))
	full := b.NewAnswers()
	n, stops := 3000, 0
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			sim.Theta(rng, theta)
			sim.Answer(rng, theta, full)
		} else {
			analysis.Random(b, rng, full)
		}
		res := m.Score(full, scoring.Options{})
		part := b.NewAnswers()
		for _, qi := range rng.Perm(len(full)) {
			part[qi] = full[qi]
			if d := m.Decide(part); d.Decided {
				if d.Top != res.Top() {
					t.Fatalf("respondent %d: decided %s after %d answers; the full form ranks %s first", i, b.Roles[d.Top].ID, part.Count(), b.Roles[res.Top()].ID)
				}
				if part.Count() < len(part) {
					stops++
				}
				break
			}
		}
	}
	if stops == 0 {
		t.Error("the rule never stopped early")
	}
}

// TestShortQuizPlannerAgrees: the same with the questions in the order
// the short quiz asks them.
func TestShortQuizPlannerAgrees(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	sim := analysis.NewSimulator(b, analysis.DefaultNoise)
	rng := rand.New(rand.NewPCG(31, 32))
	theta := make([]float64, len(b.Dimensions))
	full := b.NewAnswers()
	n := 200
	if testing.Short() {
		n = 20
	}
	for i := 0; i < n; i++ {
		sim.Theta(rng, theta)
		sim.Answer(rng, theta, full)
		res := m.Score(full, scoring.Options{})
		part := b.NewAnswers()
		for {
			qi := m.NextQuestion(part)
			if qi < 0 {
				break
			}
			if part[qi].Set {
				t.Fatalf("asked question %d twice", qi)
			}
			part[qi] = full[qi]
		}
		d := m.Decide(part)
		switch {
		case d.Decided && d.Top != res.Top():
			t.Fatalf("respondent %d: the short quiz stops on %s, the full form ranks %s first", i, b.Roles[d.Top].ID, b.Roles[res.Top()].ID)
		case !d.Decided && part.Count() != len(part):
			t.Fatalf("respondent %d: the planner stopped undecided with %d answered", i, part.Count())
		}
	}
}

// TestNextQuestionServesTheLeader checks the choice rule of
// docs/adaptive.md against a re-implementation from the exported parts:
// the role ranked first so far is the leader; each unanswered question
// is given the answer nearest the current score on its dimension (50
// when nothing there is answered; the lower position on a tie); the
// question chosen leaves the leader the least total shortfall,
// Σ_R min(Δ(L, R) − Tau, 0).
func TestNextQuestionServesTheLeader(t *testing.T) {
	b := loadSmall(t)
	m := scoring.New(b)
	rng := rand.New(rand.NewPCG(41, 42))
	full := b.NewAnswers()
	checked := 0
	for trial := 0; trial < 300; trial++ {
		uniformAnswers(b, rng, full)
		part := b.NewAnswers()
		for qi := range part {
			if rng.IntN(3) == 0 {
				part[qi] = full[qi]
			}
		}
		got := m.NextQuestion(part)
		if m.Decide(part).Decided {
			if got != -1 {
				t.Fatalf("decided, yet NextQuestion = %d", got)
			}
			continue
		}
		res := m.Score(part, scoring.Options{})
		lead := res.Top()
		value := map[int]float64{}
		best := math.Inf(-1)
		for qi := range part {
			if part[qi].Set {
				continue
			}
			dim := b.Questions[qi].Dimensions[0]
			current := 50.0
			if ds := res.Dimensions[dim]; ds.Scored {
				current = ds.Score
			}
			var predicted quiz.Answer
			bestDist, bestPos := math.Inf(1), math.Inf(1)
			for _, a := range everyAnswer(b, qi) {
				items := m.Items(nil, qi, a)
				if len(items) == 0 || items[0].Weight == 0 {
					continue
				}
				pos := items[0].Position
				dist := math.Abs(pos - current)
				if dist < bestDist || dist == bestDist && pos < bestPos {
					predicted, bestDist, bestPos = a, dist, pos
				}
			}
			part[qi] = predicted
			v := 0.0
			for r := range b.Roles {
				if d := m.Delta(part, lead, r); r != lead && d < scoring.Tau {
					v += d - scoring.Tau
				}
			}
			part[qi] = quiz.Answer{}
			value[qi] = v
			best = math.Max(best, v)
		}
		if v, ok := value[got]; !ok || v < best-1e-9 {
			t.Fatalf("trial %d: NextQuestion chose %d (value %v); the best value is %v (%v)", trial, got, v, best, value)
		}
		checked++
	}
	if checked < 100 {
		t.Errorf("only %d undecided answer sets checked", checked)
	}
}

// TestAdaptiveWorkedExample checks the numbers docs/adaptive.md quotes.
func TestAdaptiveWorkedExample(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	m := scoring.New(b)
	as := b.NewAnswers()
	answer(t, b, as, "q3", "how")
	answer(t, b, as, "q4", "large")
	how, _ := b.Role("how-pm")
	why, _ := b.Role("why-pm")
	if got := m.Delta(as, how, why); math.Abs(got-(-1597.33)) > 0.01 {
		t.Errorf("after q3, q4: Δ(how-pm, why-pm) = %.2f, want -1597.33", got)
	}
	if d := m.Decide(as); d.Decided || len(d.Contenders) != 2 || d.Exact {
		t.Errorf("after q3, q4: %+v, want undecided, both roles in the running, bounds not exact", d)
	}
	answer(t, b, as, "q1", "5")
	answer(t, b, as, "q2", "1")
	if got := m.Delta(as, how, why); math.Abs(got-1282.67) > 0.01 {
		t.Errorf("after q1–q4: Δ(how-pm, why-pm) = %.2f, want 1282.67", got)
	}
	d := m.Decide(as)
	if !d.Decided || d.Top != how || d.Asked != 4 || d.Remaining != 1 {
		t.Errorf("after q1–q4: %+v, want how-pm decided with q5 left", d)
	}
	// Every answer to q5 agrees.
	for _, a := range everyAnswer(b, 4) {
		as[4] = a
		if res := m.Score(as, scoring.Options{}); res.Top() != how {
			t.Errorf("q5 = %+v ranks %s first", a, b.Roles[res.Top()].ID)
		}
	}
	as[4] = quiz.Answer{}
	if q := m.NextQuestion(as); q != -1 {
		t.Errorf("NextQuestion after deciding = %d, want -1", q)
	}
}

func BenchmarkNextQuestion(b *testing.B) {
	bank := defaultBank(b)
	m := scoring.New(bank)
	full := bank.NewAnswers()
	analysis.Random(bank, rand.New(rand.NewPCG(5, 2)), full)
	part := bank.NewAnswers()
	copy(part[:12], full[:12])
	for b.Loop() {
		m.NextQuestion(part)
	}
}

// eightAsked is a generalist PM part way through the quick quiz: the
// model, and the first eight answers it asked for.
func eightAsked(b *testing.B) (*scoring.Model, quiz.Answers) {
	bank := defaultBank(b)
	m := scoring.New(bank)
	full := loadPersona(b, bank, "pm-generalist.yaml").Answers
	part := bank.NewAnswers()
	for range 8 {
		qi := m.NextLikely(part)
		part[qi] = full[qi]
	}
	return m, part
}

func BenchmarkLikelyStep(b *testing.B) {
	m, part := eightAsked(b)
	b.ResetTimer()
	for b.Loop() {
		_ = m.Likely(part)
		_ = m.NextLikely(part)
	}
}

func BenchmarkDecidePartial(b *testing.B) {
	m, part := eightAsked(b)
	b.ResetTimer()
	for b.Loop() {
		_ = m.Decide(part)
	}
}

// BenchmarkNextStep is `pmfit next`'s work on the default bank, after
// eight answers, by either rule: well under the 20 ms a front end waits.
func BenchmarkNextStep(b *testing.B) {
	m, part := eightAsked(b)
	for _, tc := range []struct {
		name string
		rule scoring.StopRule
	}{{"likely", scoring.StopLikely}, {"proof", scoring.StopProof}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				_ = m.NextStep(part, tc.rule)
			}
		})
	}
}
