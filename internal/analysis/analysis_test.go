package analysis

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

func loadBank(t testing.TB, path string) *quiz.Bank {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank(path, data, quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func defaultBank(t testing.TB) *quiz.Bank { return loadBank(t, "../../questions.yaml") }

// validAnswers checks that every answer is one the bank accepts, by
// writing it as a script would and reading it back.
func validAnswers(t *testing.T, b *quiz.Bank, as quiz.Answers) {
	t.Helper()
	for qi, a := range as {
		if !a.Set {
			t.Fatalf("question %s unanswered", b.Questions[qi].ID)
		}
		back, err := b.ParseAnswer(qi, []string{b.FormatValue(qi, a)})
		if err != nil || back != a {
			t.Fatalf("question %s: answer %+v does not round-trip: %v", b.Questions[qi].ID, a, err)
		}
	}
}

// TestSimulatedAnswersFollowTheModel: without noise a respondent answers
// exactly as docs/analysis.md says; with noise every answer is valid.
func TestSimulatedAnswersFollowTheModel(t *testing.T) {
	b := defaultBank(t)
	rng := rand.New(rand.NewPCG(1, 1))
	theta := make([]float64, len(b.Dimensions))
	as := b.NewAnswers()
	for i := range theta {
		theta[i] = 100
	}
	NewSimulator(b, 0).Answer(rng, theta, as)
	validAnswers(t, b, as)
	for qi, q := range b.Questions {
		a := as[qi]
		switch q.Kind {
		case quiz.Likert:
			want := q.Scale.Max
			if q.Reverse {
				want = q.Scale.Min
			}
			if a.Level != want {
				t.Errorf("%s: level %d at theta 100, want %d", q.ID, a.Level, want)
			}
		case quiz.Multi:
			for oi, o := range q.Options {
				ticked := a.Picks&(1<<uint(oi)) != 0
				if ticked != (!o.None && len(o.Counts) > 0) {
					t.Errorf("%s: option %s ticked=%v at theta 100", q.ID, o.Value, ticked)
				}
			}
		case quiz.Single:
			// The chosen option is as close to 100 as any.
			best := math.Inf(1)
			for _, o := range q.Options {
				if len(o.Scores) > 0 { // options placing nobody are never chosen
					best = math.Min(best, optionDistance(o, 100))
				}
			}
			if d := optionDistance(q.Options[a.Choice], 100); d != best {
				t.Errorf("%s: chose %s at distance %.1f, the best is %.1f", q.ID, q.Options[a.Choice].Value, d, best)
			}
		}
	}
	// At theta 0 nothing is ticked: "none of these".
	for i := range theta {
		theta[i] = 0
	}
	NewSimulator(b, 0).Answer(rng, theta, as)
	for qi, q := range b.Questions {
		if q.Kind == quiz.Multi && as[qi].Picks != 1<<uint(q.None) {
			t.Errorf("%s: %s at theta 0, want none", q.ID, b.FormatValue(qi, as[qi]))
		}
	}

	sim := NewSimulator(b, DefaultNoise)
	for i := 0; i < 500; i++ {
		sim.Theta(rng, theta)
		sim.Answer(rng, theta, as)
		validAnswers(t, b, as)
		Random(b, rng, as)
		validAnswers(t, b, as)
	}
}

func optionDistance(o quiz.Option, at float64) float64 {
	d := 0.0
	for _, p := range o.Scores {
		d += (p.At - at) * (p.At - at)
	}
	return d / float64(len(o.Scores))
}

// TestRandomAnswersAreUniform: every Likert point and single option comes
// up about equally often.
func TestRandomAnswersAreUniform(t *testing.T) {
	b := defaultBank(t)
	rng := rand.New(rand.NewPCG(2, 2))
	as := b.NewAnswers()
	const n = 20000
	counts := map[int]map[int]int{}
	for i := 0; i < n; i++ {
		Random(b, rng, as)
		for qi, q := range b.Questions {
			if counts[qi] == nil {
				counts[qi] = map[int]int{}
			}
			switch q.Kind {
			case quiz.Likert:
				counts[qi][as[qi].Level]++
			case quiz.Single:
				counts[qi][as[qi].Choice]++
			}
		}
	}
	for qi, c := range counts {
		q := &b.Questions[qi]
		for k, got := range c {
			want := float64(n) / float64(len(c))
			// Five standard deviations of a binomial count.
			if math.Abs(float64(got)-want) > 5*math.Sqrt(want) {
				t.Errorf("%s: value %d came up %d times, expected about %.0f", q.ID, k, got, want)
			}
		}
	}
}

func reportJSON(t *testing.T, v any) string {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestSimulationIsReproducible: the same seed gives the same report on
// any number of workers; another seed gives another.
func TestSimulationIsReproducible(t *testing.T) {
	b := defaultBank(t)
	a := New(scoring.New(b))
	var first string
	for _, workers := range []int{1, 3, 8} {
		got := reportJSON(t, a.SimulationReport(a.Simulate(SimOptions{N: 700, Seed: 9, Noise: DefaultNoise, Workers: workers})))
		if first == "" {
			first = got
		} else if got != first {
			t.Fatalf("%d workers gave another report", workers)
		}
	}
	if other := reportJSON(t, a.SimulationReport(a.Simulate(SimOptions{N: 700, Seed: 10, Noise: DefaultNoise}))); other == first {
		t.Error("another seed gave the same report")
	}
}

// TestTalliesMerge: tallying a cohort in two parts and merging gives the
// tally of the whole.
func TestTalliesMerge(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	a := New(m)
	whole, first, second := a.NewTally(), a.NewTally(), a.NewTally()
	rng := rand.New(rand.NewPCG(3, 3))
	as := b.NewAnswers()
	var res scoring.Result
	for i := 0; i < 300; i++ {
		Random(b, rng, as)
		m.ScoreInto(&res, as)
		expect, also := i%len(b.Roles), (i+1)%len(b.Roles)
		whole.Add(as, &res, expect, also)
		part := first
		if i >= 120 {
			part = second
		}
		part.Add(as, &res, expect, also)
	}
	first.Merge(second)
	if got, want := reportJSON(t, a.Cohort(first)), reportJSON(t, a.Cohort(whole)); got != want {
		t.Errorf("merged:\n%s\nwhole:\n%s", got, want)
	}
}

// TestExpectationCounts: top-1, top-2, lenient and also counts on a
// hand-built cohort.
func TestExpectationCounts(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	a := New(m)
	tally := a.NewTally()
	persona := func(name string) quiz.Answers {
		data, err := os.ReadFile("../../testdata/personas/" + name)
		if err != nil {
			t.Fatal(err)
		}
		set, err := quiz.ParseAnswerFile(b, name, data)
		if err != nil {
			t.Fatal(err)
		}
		return set.Answers
	}
	as := persona("tpm-api.yaml")
	res := m.Score(as, scoring.Options{})
	top, second := res.Roles[0].Role, res.Roles[1].Role
	third := res.Roles[2].Role
	tally.Add(as, &res, top, second)  // top-1, also in the top two
	tally.Add(as, &res, second, top)  // top-2 only, lenient (also first)
	tally.Add(as, &res, third, -1)    // neither
	tally.Add(as, &res, third, third) // also third: not in the top two
	e := a.Cohort(tally).Expectations
	if e == nil || e.Sets != 4 || e.AlsoSets != 3 {
		t.Fatalf("expectations = %+v", e)
	}
	near(t, "top1", float64(e.Top1), 0.25, 1e-12)
	near(t, "top2", float64(e.Top2), 0.5, 1e-12)
	near(t, "lenient", float64(e.Lenient), 0.5, 1e-12)
	near(t, "also in the top two", float64(e.AlsoTop2), 2.0/3, 1e-12)
	if e.Confusion[top][top] != 1 || e.Confusion[second][top] != 1 || e.Confusion[third][top] != 2 {
		t.Errorf("confusion = %v", e.Confusion)
	}
}

// TestAlternativesAreOneStep lists the one-step changes sensitivity tries.
func TestAlternativesAreOneStep(t *testing.T) {
	q := &quiz.Question{Kind: quiz.Multi, None: 2, Options: []quiz.Option{{Value: "a"}, {Value: "b"}, {Value: "none", None: true}}}
	got := alternatives(q, quiz.Answer{Set: true, Picks: 0b001}, nil)
	// untick a: empty, skipped; tick b: a,b; tick none: none alone.
	if len(got) != 2 || got[0].Picks != 0b011 || got[1].Picks != 0b100 {
		t.Errorf("from a: %+v", got)
	}
	got = alternatives(q, quiz.Answer{Set: true, Picks: 0b100}, nil)
	// tick a: a (none cleared); tick b: b; untick none: empty, skipped.
	if len(got) != 2 || got[0].Picks != 0b001 || got[1].Picks != 0b010 {
		t.Errorf("from none: %+v", got)
	}
	l := &quiz.Question{Kind: quiz.Likert, Scale: quiz.Scale{Min: 1, Max: 5}}
	if got := alternatives(l, quiz.Answer{Set: true, Level: 3}, nil); len(got) != 4 {
		t.Errorf("likert: %+v", got)
	}
}

// TestReachFlagsAContradiction: a role that wins by most by sitting far
// from its own target on a dimension it weights at 1.5 is flagged; once
// its rival cares about the other dimension too, it wins on its own
// terms and is not.
func TestReachFlagsAContradiction(t *testing.T) {
	src := `dimensions:
  - {id: d, name: D, low: l, high: h}
  - {id: e, name: E, low: l, high: h}
roles:
  - {id: near, name: Near, summary: s, profile: {d: {target: 70, weight: 3}}}
  - {id: odd, name: Odd, summary: s, profile: {d: {target: 60, weight: 1.5}, e: {target: 100, weight: 3}}}
questions:
  - {id: q1, type: likert, dimension: d, text: t}
  - {id: q2, type: likert, dimension: d, text: t}
  - {id: q3, type: likert, dimension: e, text: t}
  - {id: q4, type: likert, dimension: e, text: t}
`
	b, err := quiz.LoadBank("bank.yaml", []byte(src), quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	byRole := func() map[string]Reach {
		out := map[string]Reach{}
		for _, r := range New(scoring.New(b)).Reach() {
			out[r.Role] = r
		}
		return out
	}
	// With e at 100, d at 60 gives odd 100 against near's 90 (a margin of
	// 10); d at 0 gives odd 100 − √(1.5·60²/4.5) = 65.4 against near's 30:
	// a margin of 35.4, won 60 points from odd's own target.
	reach := byRole()
	if r := reach["near"]; !r.Reachable || !r.Consistent {
		t.Errorf("near: %+v", r)
	}
	odd := reach["odd"]
	if !odd.Reachable || odd.Consistent || !odd.Profile[0].Flagged || odd.Profile[0].Score != 0 || odd.Profile[1].Flagged {
		t.Errorf("odd: %+v", odd)
	}
	near(t, "odd's best margin", float64(odd.BestMargin), (100-math.Sqrt(1.5*3600/4.5))-30, 1e-9)

	// Near now wants e at 0 (weight 3): odd's widest margin is at d 60.
	b.Roles[0].Profile = append(b.Roles[0].Profile, quiz.Target{Dimension: 1, Target: 0, Weight: 3})
	if r := byRole()["odd"]; !r.Consistent || r.Profile[0].Score != 62.5 {
		t.Errorf("odd once near cares about e: %+v", r)
	}
}
