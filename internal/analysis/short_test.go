package analysis

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// TestShortQuizOnPersonas takes both short quizzes for every calibration
// persona: the proof ends on the role the full form ranks first, always;
// the quick stop here too (personas answer as their role would), and
// both ask no more than docs/adaptive.md reports (run with -v for the
// distributions).
func TestShortQuizOnPersonas(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	a := New(m)
	dir := "../../testdata/personas"
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	main := slices.Index(QuickThresholds, scoring.LikelyThreshold)
	var proof, quick []int
	for _, e := range ents {
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		set, err := quiz.ParseAnswerFile(b, e.Name(), data)
		if err != nil {
			t.Fatal(err)
		}
		take := a.shortTake(set.Answers, false)
		if take.Proof.Rank != 0 || take.Quick[main].Rank != 0 {
			t.Errorf("%s: a short quiz ends on another role than the full form's (proof rank %d, quick rank %d)", e.Name(), take.Proof.Rank, take.Quick[main].Rank)
		}
		for i := 1; i < len(QuickThresholds); i++ {
			if take.Quick[i].Asked < take.Quick[i-1].Asked {
				t.Errorf("%s: the quick stop asks less at %.2f than at %.2f", e.Name(), QuickThresholds[i], QuickThresholds[i-1])
			}
		}
		proof, quick = append(proof, take.Proof.Asked), append(quick, take.Quick[main].Asked)
	}
	if len(proof) < 30 {
		t.Fatalf("only %d personas", len(proof))
	}
	ps, qs := spreadOf(proof), spreadOf(quick)
	t.Logf("%d personas: proof median %d, p90 %d, max %d; quick median %d, p90 %d, max %d of %d", len(proof), ps.Median, ps.P90, ps.Max, qs.Median, qs.P90, qs.Max, len(b.Questions))
	// docs/adaptive.md quotes these; a worse question choice fails here.
	if ps.Median > 23 || ps.P90 > 29 || ps.Max > 33 {
		t.Errorf("the proof asks the personas more than docs/adaptive.md reports (median 23, p90 29, max 33)")
	}
	if qs.Median > 9 {
		t.Errorf("the quick stop asks the personas a median of %d, more than docs/adaptive.md reports (9)", qs.Median)
	}
}

// TestQuickStopsAsTheQuizDoes: an analyze take's quick stop at the
// quiz's threshold is where `pmfit quiz --short` stops (NextStep), on the
// same role, for simulated respondents.
func TestQuickStopsAsTheQuizDoes(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	a := New(m)
	main := slices.Index(QuickThresholds, scoring.LikelyThreshold)
	var res scoring.Result
	for i, full := range simulatedRespondents(b, 40) {
		take := a.shortTake(full, false)
		part := b.NewAnswers()
		st := m.NextStep(part, scoring.StopLikely)
		for !st.Stop {
			part[st.Next] = full[st.Next]
			st = m.NextStep(part, scoring.StopLikely)
		}
		m.ScoreInto(&res, full)
		rank := slices.IndexFunc(res.Roles, func(rf scoring.RoleFit) bool { return rf.Role == st.Top })
		if got := take.Quick[main]; got.Asked != part.Count() || got.Rank != rank {
			t.Errorf("respondent %d: analyze stopped after %d (rank %d), the quiz after %d (rank %d)", i, got.Asked, got.Rank, part.Count(), rank)
		}
	}
}

// TestShortReportIntervals: Wilson intervals and the median's interval,
// worked by hand.
func TestShortReportIntervals(t *testing.T) {
	ci := wilson(97, 100)
	// p = .97, n = 100, z = 1.959964 (z² = 3.841459): centre
	// (.97 + .0192073)/1.0384146 = .952612, half 1.959964 √(.000291 +
	// .0000960365)/1.0384146 = .037133; so .915480 to .989745.
	if math.Abs(float64(ci[0])-0.915480) > 1e-5 || math.Abs(float64(ci[1])-0.989745) > 1e-5 {
		t.Errorf("wilson(97, 100) = %v", ci)
	}
	xs := make([]int, 100)
	for i := range xs {
		xs[i] = i + 1
	}
	// n = 100: ranks 50 ∓ 9.8 → 40 and 61.
	if got := medianInterval(xs); got != [2]int{40, 61} {
		t.Errorf("median interval %v, want [40 61]", got)
	}
}

// TestFewestHoldsAgainstSearch cross-checks scoring.LeastToDecide on the
// default bank, for respondents from analyze's model: an independent
// search for a small decided subset of their answers (drop answers one at
// a time while the full form's top role stays decided, from a few
// orders; each set found is checked decided and minimal) never beats it,
// and neither does the short quiz.
func TestFewestHoldsAgainstSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("a search over answer sets: seconds, not milliseconds")
	}
	b := defaultBank(t)
	m := scoring.New(b)
	a := New(m)
	var res scoring.Result
	var found, fewest []int
	same := 0
	for i, full := range simulatedRespondents(b, 60) {
		m.ScoreInto(&res, full)
		top := res.Top()
		set := smallestDecided(m, full, top, 3)
		if d := m.Decide(set); !d.Decided || d.Top != top {
			t.Fatalf("respondent %d: the set found does not decide %s", i, b.Roles[top].ID)
		}
		for qi := range set {
			if !set[qi].Set {
				continue
			}
			ans := set[qi]
			set[qi] = quiz.Answer{}
			if m.Decide(set).Decided {
				t.Fatalf("respondent %d: the set found is not minimal (%s can go)", i, b.Questions[qi].ID)
			}
			set[qi] = ans
		}
		least, exact := m.LeastToDecide(full)
		take := a.shortTake(full, true)
		switch {
		case !exact:
			t.Fatalf("respondent %d: LeastToDecide ran out of budget on the default bank", i)
		case set.Count() < least:
			t.Fatalf("respondent %d: a search found %d answers that decide, below LeastToDecide's %d", i, set.Count(), least)
		case take.Proof.Asked < least:
			t.Fatalf("respondent %d: the short quiz stopped after %d, below LeastToDecide's %d", i, take.Proof.Asked, least)
		case take.Fewest != least:
			t.Fatalf("respondent %d: the short take reports %d as the fewest, LeastToDecide %d", i, take.Fewest, least)
		}
		if set.Count() == least {
			same++
		}
		found, fewest = append(found, set.Count()), append(fewest, least)
	}
	fm, lm := spreadOf(found).Median, spreadOf(fewest).Median
	t.Logf("fewest: median %d; the search's smallest sets: median %d; equal for %d of %d", lm, fm, same, len(found))
}

// simulatedRespondents are the first n respondents of analyze's model
// with seed 1: the answers of their first take, as Simulate draws them.
func simulatedRespondents(b *quiz.Bank, n int) []quiz.Answers {
	sim := NewSimulator(b, DefaultNoise)
	theta := make([]float64, len(b.Dimensions))
	out := make([]quiz.Answers, n)
	for i := range out {
		rng := rand.New(rand.NewPCG(1, streamRespondent+uint64(i)))
		sim.Theta(rng, theta)
		out[i] = b.NewAnswers()
		sim.Answer(rng, theta, out[i])
	}
	return out
}

// smallestDecided searches for a small subset of full that decides top:
// greedy backward elimination, then restarts that perturb its choices.
func smallestDecided(m *scoring.Model, full quiz.Answers, top, restarts int) quiz.Answers {
	var best quiz.Answers
	for restart := range restarts {
		rng := rand.New(rand.NewPCG(uint64(restart), 7))
		set := slices.Clone(full)
		for {
			bestMargin, drop := 0.0, -1
			for qi := range set {
				if !set[qi].Set {
					continue
				}
				set[qi] = quiz.Answer{}
				if d := m.Decide(set); d.Decided {
					margin := leastMargin(m, set, top)
					if restart > 0 {
						margin += 300 * rng.NormFloat64()
					}
					if drop < 0 || margin > bestMargin {
						bestMargin, drop = margin, qi
					}
				}
				set[qi] = full[qi]
			}
			if drop < 0 {
				break
			}
			set[drop] = quiz.Answer{}
		}
		if best == nil || set.Count() < best.Count() {
			best = set
		}
	}
	return best
}

// leastMargin is top's smallest margin Δ(top, R) over its rivals.
func leastMargin(m *scoring.Model, set quiz.Answers, top int) float64 {
	least := math.Inf(1)
	for r := range m.Bank().Roles {
		if r != top {
			least = math.Min(least, m.Delta(set, top, r))
		}
	}
	return least
}

// TestShortQuizStopsNoLaterThanNeeded checks that the bound, not only
// the question order, is tight on the default bank: one question before
// the short quiz stops, a search over completions of the answers given
// so far finds one where another role ranks first or ties, for nearly
// every respondent from analyze's model. So the stop cannot come sooner
// in that order; docs/adaptive.md relies on this.
func TestShortQuizStopsNoLaterThanNeeded(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	var res scoring.Result
	stopped, flipped := 0, 0
	for i, full := range simulatedRespondents(b, 60) {
		m.ScoreInto(&res, full)
		top := res.Top()
		part, last := b.NewAnswers(), -1
		for {
			d, qi := m.Plan(part)
			if qi < 0 {
				if !d.Decided {
					last = -1 // asked everything: nothing to check
				}
				break
			}
			part[qi], last = full[qi], qi
		}
		if last < 0 {
			continue
		}
		stopped++
		part[last] = quiz.Answer{}
		if m.Decide(part).Decided {
			t.Fatalf("respondent %d: decided before the short quiz stopped", i)
		}
		if c := overtaking(m, part, full, top); c != nil {
			m.ScoreInto(&res, c)
			if res.Roles[0].Role == top && res.Roles[0].Fit > res.Roles[1].Fit {
				t.Fatalf("respondent %d: the completion found does not overtake %s", i, b.Roles[top].ID)
			}
			flipped++
		}
	}
	t.Logf("one question before the stop, a completion overtakes the top role for %d of %d respondents", flipped, stopped)
	if stopped < 40 || flipped < stopped*9/10 {
		t.Errorf("overtaking completions found for %d of %d respondents; want 90%%", flipped, stopped)
	}
}

// overtaking searches the completions of part for one where a rival of
// top fits at least as well: coordinate descent on top's lead over each
// rival, from the person's own answers and from every question's first
// answer. It returns nil when it finds none.
func overtaking(m *scoring.Model, part, full quiz.Answers, top int) quiz.Answers {
	b := m.Bank()
	var res scoring.Result
	lead := func(c quiz.Answers, r int) float64 {
		m.ScoreInto(&res, c)
		var fl, fr float64
		for _, f := range res.Roles {
			switch f.Role {
			case top:
				fl = f.Fit
			case r:
				fr = f.Fit
			}
		}
		return fl - fr
	}
	c := b.NewAnswers()
	for r := range b.Roles {
		if r == top {
			continue
		}
		for start := range 2 {
			for qi := range part {
				switch {
				case part[qi].Set:
					c[qi] = part[qi]
				case start == 0:
					c[qi] = full[qi]
				default:
					c[qi] = b.Questions[qi].EveryAnswer(math.MaxInt)[0]
				}
			}
			best := lead(c, r)
			for improved := true; improved && best > 0; {
				improved = false
				for qi := range part {
					if part[qi].Set {
						continue
					}
					keep := c[qi]
					for _, a := range b.Questions[qi].EveryAnswer(math.MaxInt) {
						c[qi] = a
						if l := lead(c, r); l < best {
							best, keep, improved = l, a, true
						}
					}
					c[qi] = keep
				}
			}
			if best <= 0 {
				return c
			}
		}
	}
	return nil
}

// TestTallyKeepsTheFirstCompleteSets: a tally keeps copies of its first
// complete sets, skipping partial ones, and tallies merged in input order
// keep the first ones of the whole input.
func TestTallyKeepsTheFirstCompleteSets(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	a := New(m)
	sets := simulatedRespondents(b, 6)
	partial := slices.Clone(sets[0])
	partial[3] = quiz.Answer{}
	var res scoring.Result
	add := func(tl *Tally, as quiz.Answers) {
		m.ScoreInto(&res, as)
		tl.Add(as, &res, -1, -1)
	}
	first, second := a.NewTally().KeepForShort(3), a.NewTally().KeepForShort(3)
	add(first, partial)
	add(first, sets[1])
	add(first, sets[2])
	for _, s := range sets[3:] {
		add(second, s)
	}
	sets[1][0] = quiz.Answer{} // a copy is kept, not the caller's slice
	first.Merge(second)
	kept := first.Kept()
	if len(kept) != 3 || !kept[0][0].Set {
		t.Fatalf("kept %d sets (first answer set: %v), want 3 complete copies", len(kept), kept[0][0].Set)
	}
	for i, want := range []int{2, 3} {
		if !slices.Equal(kept[i+1], sets[want]) {
			t.Errorf("kept set %d is not input set %d", i+1, want)
		}
	}
	takes := a.ShortTakes(kept, 2, true)
	for i, tk := range takes {
		if tk.Proof.Asked == 0 || tk.Fewest > tk.Proof.Asked || tk.Proof.Rank != 0 || !tk.HasFewest {
			t.Errorf("take %d: %+v", i, tk)
		}
	}
}
