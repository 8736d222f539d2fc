package scoring_test

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// answer sets one answer by id and value, as a script would pass them.
func answer(t testing.TB, b *quiz.Bank, as quiz.Answers, id string, values ...string) {
	t.Helper()
	qi, ok := b.Question(id)
	if !ok {
		t.Fatalf("no question %q", id)
	}
	a, err := b.ParseAnswer(qi, values)
	if err != nil {
		t.Fatal(err)
	}
	as[qi] = a
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.12f, want %.12f", what, got, want)
	}
}

func fitOf(t testing.TB, b *quiz.Bank, res scoring.Result, role string) float64 {
	t.Helper()
	ri, ok := b.Role(role)
	if !ok {
		t.Fatalf("no role %q", role)
	}
	for _, rf := range res.Roles {
		if rf.Role == ri {
			return rf.Fit
		}
	}
	t.Fatalf("role %q not in result", role)
	return 0
}

// TestWorkedExample checks every number docs/scoring.md quotes for its
// worked example, computed there by hand.
func TestWorkedExample(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	as := b.NewAnswers()
	answer(t, b, as, "q1", "4")
	answer(t, b, as, "q2", "2")
	answer(t, b, as, "q3", "how")
	answer(t, b, as, "q4", "large")
	answer(t, b, as, "q5", "a,c")
	res := scoring.New(b).Score(as, scoring.Options{Explain: 2})

	// focus = (1·75 + 1·75 + 2·90 + 1·100) / (1+1+2+1) = 86
	// size  = (1·100 + 1·75) / 2 = 87.5   (q5: a is 1 of a, b → 50 + 25)
	near(t, "focus", res.Dimensions[0].Score, 86)
	near(t, "size", res.Dimensions[1].Score, 87.5)

	// why-pm: 100 − √((2·66² + 1·37.5²)/3) = 100 − √3372.75
	// how-pm: 100 − √((1·6² + 1·2.5²)/2)   = 100 − √21.125
	howPM, whyPM := 100-math.Sqrt(21.125), 100-math.Sqrt(3372.75)
	near(t, "how-pm fit", fitOf(t, b, res, "how-pm"), howPM)
	near(t, "why-pm fit", fitOf(t, b, res, "why-pm"), whyPM)
	near(t, "how-pm fit (rounded)", math.Round(howPM*10)/10, 95.4)
	near(t, "why-pm fit (rounded)", math.Round(whyPM*10)/10, 41.9)
	if top := b.Roles[res.Top()].ID; top != "how-pm" {
		t.Errorf("top = %s, want how-pm", top)
	}
	if res.Answered != 5 || res.Coverage() != 1 {
		t.Errorf("answered %d, coverage %v; want 5 and 1", res.Answered, res.Coverage())
	}

	// Certainty. Item variances: focus spread 7490 − 86² = 94 over
	// n = 5²/7 items; size 7812.5 − 87.5² = 156.25 over n = 2.
	c := res.Certainty
	near(t, "margin", c.Margin, howPM-whyPM)
	nFocus := 25.0 / 7
	varFocus := (3*900 + nFocus*94) / (3 + nFocus) / nFocus // 129.3478…
	varSize := (3*900 + 2*156.25) / 5 / 2                   // 301.25
	near(t, "focus variance", varFocus, 129.347826086957)
	// Gradients: how-pm's distance 4.596 is floored at 5; why-pm's is
	// 58.075. Their differences by focus and size:
	dFocus := -6/(2*5.0) - (-2 * 66 / (3 * (100 - whyPM)))
	dSize := 2.5/(2*5.0) - (-37.5 / (3 * (100 - whyPM)))
	se := math.Sqrt(dFocus*dFocus*varFocus + dSize*dSize*varSize)
	near(t, "rival margin SE", c.RivalSE, se)
	near(t, "z", c.Z, (howPM-whyPM)/se)
	near(t, "z (rounded)", math.Round(c.Z*100)/100, 6.47)
	if c.Level != scoring.High || c.Flat || b.Roles[c.Rival].ID != "why-pm" {
		t.Errorf("certainty = %+v, want high, not flat, rival why-pm", c)
	}

	// Explanation of how-pm, from the baseline (50, 50):
	// Q goes from 30² + 40² = 2500 to 42.25; baseline fit 100 − √1250.
	e := res.Explanations[0]
	if b.Roles[e.Role].ID != "how-pm" || len(e.Dimensions) != 2 {
		t.Fatalf("explanation = %+v", e)
	}
	baseline := 100 - math.Sqrt(1250)
	near(t, "baseline", e.Baseline, baseline)
	slope := (howPM - baseline) / (42.25 - 2500)
	near(t, "size effect", e.Dimensions[0].Effect, slope*(6.25-1600))
	near(t, "focus effect", e.Dimensions[1].Effect, slope*(36-900))
	near(t, "size effect (rounded)", math.Round(e.Dimensions[0].Effect*10)/10, 19.9)
	near(t, "focus effect (rounded)", math.Round(e.Dimensions[1].Effect*10)/10, 10.8)

	// Each item's share of its dimension's gain (docs/scoring.md):
	// focus: X = 36, M2 = 1390, V = 94, τ = 30; size: X = 37.5,
	// M2 = 1562.5, V = 156.25, τ = 40.
	share := func(pi, x, tau, v, m2 float64) float64 { return pi*x*(2*tau-x) + v*pi*x*x/m2 }
	want := map[string]float64{
		"q1": -slope * share(0.2, 25, 30, 94, 1390),
		"q2": -slope * share(0.2, 25, 30, 94, 1390),
		"q3": -slope * share(0.4, 40, 30, 94, 1390),
		"q4": -slope * share(0.5, 50, 40, 156.25, 1562.5),
		"q5": -slope * (share(0.2, 50, 30, 94, 1390) + share(0.5, 25, 40, 156.25, 1562.5)),
	}
	rounded := map[string]float64{"q4": 11.0, "q5": 10.7, "q3": 4.5, "q1": 2.3, "q2": 2.3}
	order := []string{"q4", "q5", "q3", "q1", "q2"}
	if len(e.Answers) != len(order) {
		t.Fatalf("answer effects = %+v, want %d", e.Answers, len(order))
	}
	sum := 0.0
	for i, id := range order {
		got := e.Answers[i]
		sum += got.Effect
		if b.Questions[got.Question].ID != id {
			t.Errorf("answer effect %d is %s, want %s", i, b.Questions[got.Question].ID, id)
			continue
		}
		near(t, id+" effect", got.Effect, want[id])
		near(t, id+" effect (rounded)", math.Round(got.Effect*10)/10, rounded[id])
	}
	near(t, "answer effects sum to fit − baseline", sum, howPM-baseline)
}

func TestItemPositions(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	m := scoring.New(b)
	tests := []struct {
		name  string
		id    string
		value string
		dim   int
		want  float64
	}{
		{"likert low end", "q1", "1", 0, 0},
		{"likert midpoint", "q1", "3", 0, 50},
		{"likert high end", "q1", "5", 0, 100},
		{"reverse-keyed likert flips", "q2", "5", 0, 0},
		{"reverse-keyed likert flips low", "q2", "1", 0, 100},
		{"single choice takes the option's score", "q3", "why", 0, 10},
		{"multi: each tick moves up from the middle", "q5", "b", 1, 75},
		{"multi counts every option chosen", "q5", "a,b", 1, 100},
		{"multi: nothing ticked toward a dimension is no evidence", "q5", "c", 1, 50},
		{"multi none of these is zero", "q5", "none", 1, 0},
		{"multi none of these scores every counted dimension", "q5", "none", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := b.NewAnswers()
			answer(t, b, as, tt.id, tt.value)
			res := m.Score(as, scoring.Options{})
			d := res.Dimensions[tt.dim]
			if !d.Scored {
				t.Fatalf("dimension %d not scored", tt.dim)
			}
			near(t, "score", d.Score, tt.want)
			qi, _ := b.Question(tt.id)
			pos, ok := m.ItemPosition(qi, as[qi], tt.dim)
			if !ok {
				t.Fatal("ItemPosition gives no position")
			}
			near(t, "ItemPosition", pos, tt.want)
		})
	}
}

func TestPartialAnswersScoreWhatIsThere(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	as := b.NewAnswers()
	answer(t, b, as, "q4", "small")
	res := scoring.New(b).Score(as, scoring.Options{Explain: 1})
	if res.Dimensions[0].Scored {
		t.Error("focus scored with no focus answer")
	}
	// Only size counts: why-pm 100 − |0 − 50|, how-pm 100 − |0 − 90|.
	near(t, "why-pm", fitOf(t, b, res, "why-pm"), 50)
	near(t, "how-pm", fitOf(t, b, res, "how-pm"), 10)
	near(t, "coverage", res.Coverage(), 0.2)
	// The one answer is all the fit has: it moved why-pm from the
	// baseline (size 50, on target: fit 100) down to 50.
	if len(res.Explanations) != 1 || len(res.Explanations[0].Answers) != 1 {
		t.Fatalf("explanation = %+v, want one role with one answer effect", res.Explanations)
	}
	e := res.Explanations[0]
	near(t, "baseline", e.Baseline, 100)
	near(t, "q4 effect", e.Answers[0].Effect, -50)
}

func TestTiesBreakInBankOrder(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	b.Roles[1].Profile = b.Roles[0].Profile // same targets: a tie
	as := b.NewAnswers()
	answer(t, b, as, "q1", "3")
	answer(t, b, as, "q4", "large")
	res := scoring.New(b).Score(as, scoring.Options{})
	if res.Roles[0].Role != 0 || res.Roles[1].Role != 1 || res.Roles[0].Fit != res.Roles[1].Fit {
		t.Errorf("ranking = %+v, want the tie in bank order", res.Roles)
	}
	if res.Certainty.Level != scoring.Low || res.Certainty.Margin != 0 {
		t.Errorf("certainty = %+v, want low with no margin", res.Certainty)
	}
}

func TestUnscoredRolesRankLast(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	// A third role that cares only about size, and answers only about
	// focus: it cannot be scored.
	b.Roles = append([]quiz.Role{{ID: "size-only", Name: "Size only", Profile: []quiz.Target{{Dimension: 1, Target: 50, Weight: 1}}}}, b.Roles...)
	as := b.NewAnswers()
	answer(t, b, as, "q1", "5")
	res := scoring.New(b).Score(as, scoring.Options{})
	last := res.Roles[len(res.Roles)-1]
	if last.Role != 0 || last.Scored {
		t.Errorf("last = %+v, want the unscored size-only role", last)
	}
}

// TestFlatAnswersAreFlagged: agreeing with everything is not a profile.
func TestFlatAnswersAreFlagged(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	for _, level := range []string{"4", "5", "3"} {
		as := b.NewAnswers()
		for qi, q := range b.Questions {
			switch q.Kind {
			case quiz.Likert:
				answer(t, b, as, q.ID, level)
			default:
				as[qi] = quiz.Answer{Set: true, Choice: 0, Picks: 1}
			}
		}
		res := m.Score(as, scoring.Options{})
		if !res.Certainty.Flat || res.Certainty.Level != scoring.Low {
			t.Errorf("all Likert answers %s: certainty %+v, want flat and low", level, res.Certainty)
		}
		// Reverse keying balances each dimension's Likert items: the
		// Likert part of every dimension lands at its midpoint.
		for _, d := range res.Dimensions {
			likertOnly := true
			for _, q := range b.Questions {
				if q.Kind != quiz.Likert && containsDim(q.Dimensions, d.Dimension) {
					likertOnly = false
				}
			}
			if likertOnly {
				near(t, b.Dimensions[d.Dimension].ID, d.Score, 50)
			}
		}
	}
}

func TestLikertKeyingIsBalanced(t *testing.T) {
	b := defaultBank(t)
	balance := make([]int, len(b.Dimensions))
	for _, q := range b.Questions {
		if q.Kind != quiz.Likert {
			continue
		}
		if q.Reverse {
			balance[q.Dimension]--
		} else {
			balance[q.Dimension]++
		}
	}
	for i, n := range balance {
		if n != 0 {
			t.Errorf("dimension %s has %+d more forward- than reverse-keyed Likert items", b.Dimensions[i].ID, n)
		}
	}
}

func TestVariedAnswersAreNotFlat(t *testing.T) {
	b := defaultBank(t)
	set := loadPersona(t, b, "tpm-platform.yaml")
	res := scoring.New(b).Score(set.Answers, scoring.Options{})
	if res.Certainty.Flat {
		t.Error("a varied persona was flagged flat")
	}
}

func containsDim(dims []int, d int) bool {
	for _, x := range dims {
		if x == d {
			return true
		}
	}
	return false
}

func loadPersona(t testing.TB, b *quiz.Bank, name string) *quiz.AnswerSet {
	t.Helper()
	path := filepath.Join("../../testdata/personas", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := quiz.ParseAnswerFile(b, path, data)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func personas(t testing.TB, b *quiz.Bank) []*quiz.AnswerSet {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/personas/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no personas: %v", err)
	}
	var sets []*quiz.AnswerSet
	for _, p := range paths {
		sets = append(sets, loadPersona(t, b, filepath.Base(p)))
	}
	return sets
}

// TestEveryRoleHasAPersonaThatRanksItFirst: honest answers from a person
// in each role, written from the article, put that role on top.
func TestEveryRoleHasAPersonaThatRanksItFirst(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	covered := map[string]bool{}
	for _, set := range personas(t, b) {
		if set.Expect == "" {
			t.Errorf("persona %s names no expected role", set.ID)
			continue
		}
		if missing := b.Missing(set.Answers); len(missing) > 0 {
			t.Errorf("persona %s leaves %v unanswered", set.ID, missing)
		}
		res := m.Score(set.Answers, scoring.Options{})
		if top := b.Roles[res.Top()].ID; top != set.Expect {
			t.Errorf("persona %s: top role %s (%.1f), want %s (%.1f)", set.ID, top, res.Roles[0].Fit, set.Expect, fitOf(t, b, res, set.Expect))
		}
		covered[set.Expect] = true
	}
	for _, r := range b.Roles {
		if !covered[r.ID] {
			t.Errorf("no persona expects role %s", r.ID)
		}
	}
}

// TestStartupLowersTPMFit: the article says a TPM role seldom exists at a
// startup. Moving only the organization size from large to startup never
// raises the TPM fit, whoever answers, and lowers it for every TPM
// persona. (For someone whose other answers already put organization
// size above the TPM's target, the two answers can sit at the same
// distance from it, one on each side.)
func TestStartupLowersTPMFit(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	for _, set := range personas(t, b) {
		for _, large := range []string{"large", "enterprise"} {
			as := append(quiz.Answers(nil), set.Answers...)
			answer(t, b, as, "org-size-now", large)
			before := fitOf(t, b, m.Score(as, scoring.Options{}), "tpm")
			answer(t, b, as, "org-size-now", "startup")
			after := fitOf(t, b, m.Score(as, scoring.Options{}), "tpm")
			if after > before+1e-9 || (set.Expect == "tpm" && after >= before) {
				t.Errorf("persona %s: TPM fit %.2f at a startup, %.2f at %s; want lower at the startup", set.ID, after, before, large)
			}
		}
	}
}

// TestFocusSides: answering the focus questions on the "how" side ranks
// TPM above PM; on the "why" side, PM above TPM, when nothing else
// leans either way. (A marketer who answers "how" is still not a TPM:
// background and teams count too, so personas are not used as bases.)
func TestFocusSides(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	how := map[string]string{"first-question": "how-to-build", "document": "tech-spec", "drawn-to-how": "5", "tech-tradeoffs": "5", "user-problems": "1", "market-watch": "1"}
	why := map[string]string{"first-question": "who-and-why", "document": "research-brief", "drawn-to-how": "1", "tech-tradeoffs": "1", "user-problems": "5", "market-watch": "5"}
	focus, _ := b.Dimension("focus")
	for _, q := range b.Questions {
		if len(q.Dimensions) == 1 && q.Dimensions[0] == focus {
			if _, ok := how[q.ID]; !ok {
				t.Errorf("focus question %s missing from the test's sides", q.ID)
			}
		}
	}
	bases := []*quiz.AnswerSet{
		{ID: "neutral, first options", Answers: neutralAnswers(t, b, false)},
		{ID: "neutral, last options", Answers: neutralAnswers(t, b, true)},
	}
	for _, base := range bases {
		for side, values := range map[string]map[string]string{"how": how, "why": why} {
			as := append(quiz.Answers(nil), base.Answers...)
			for id, v := range values {
				answer(t, b, as, id, v)
			}
			res := m.Score(as, scoring.Options{})
			tpm, pm := fitOf(t, b, res, "tpm"), fitOf(t, b, res, "pm")
			if side == "how" && tpm <= pm {
				t.Errorf("%s, focus on the how: TPM %.1f not above PM %.1f", base.ID, tpm, pm)
			}
			if side == "why" && pm <= tpm {
				t.Errorf("%s, focus on the why: PM %.1f not above TPM %.1f", base.ID, pm, tpm)
			}
		}
	}
}

// neutralAnswers answers every Likert question at the midpoint and every
// choice question with its first option, or its last.
func neutralAnswers(t testing.TB, b *quiz.Bank, last bool) quiz.Answers {
	as := b.NewAnswers()
	for qi, q := range b.Questions {
		if q.Kind == quiz.Likert {
			answer(t, b, as, q.ID, strconv.Itoa((q.Scale.Min+q.Scale.Max)/2))
			continue
		}
		opt := 0
		if last {
			opt = len(q.Options) - 1
		}
		as[qi] = quiz.Answer{Set: true, Choice: opt, Picks: 1 << uint(opt)}
	}
	return as
}

func TestScoreIntoReusesItsResult(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	set := loadPersona(t, b, "pmm-launcher.yaml")
	want := m.Score(set.Answers, scoring.Options{})
	var res scoring.Result
	allocs := testing.AllocsPerRun(100, func() { m.ScoreInto(&res, set.Answers) })
	if allocs != 0 {
		t.Errorf("ScoreInto allocated %.0f times per call, want 0", allocs)
	}
	if res.Top() != want.Top() || res.Roles[0].Fit != want.Roles[0].Fit {
		t.Errorf("ScoreInto gave %+v, Score gave %+v", res.Roles[0], want.Roles[0])
	}
}

// TestSeparatorSitsBetweenTheTargets: what would separate two close roles
// is a dimension where the person sits between their targets (or has not
// answered yet): one past both targets tells them apart no further.
func TestSeparatorSitsBetweenTheTargets(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	m := scoring.New(b)
	why, _ := b.Role("why-pm")
	how, _ := b.Role("how-pm")
	dims := func(focus, size float64, focusScored bool) []scoring.DimensionScore {
		return []scoring.DimensionScore{{Dimension: 0, Score: focus, Scored: focusScored}, {Dimension: 1, Score: size, Scored: true}}
	}
	for _, tc := range []struct {
		name        string
		focus, size float64
		scored      bool
		want        int
	}{
		// Focus: targets 20 and 80, gap 60 × mean weight 1.5 = 90; size:
		// targets 50 and 90, gap 40 × 1 = 40.
		{"both between: the wider weighted gap", 50, 70, true, 0},
		{"focus past how-pm's target", 96, 70, true, 1},
		{"focus on a target counts as between", 80, 70, true, 0},
		{"focus unanswered", 0, 70, false, 0},
		{"past both everywhere", 96, 100, true, -1},
		{"below both on size, past on focus", 5, 10, true, -1},
	} {
		if got := m.Separator(why, how, dims(tc.focus, tc.size, tc.scored)); got != tc.want {
			t.Errorf("%s: separator %d, want %d", tc.name, got, tc.want)
		}
		if got := m.Separator(how, why, dims(tc.focus, tc.size, tc.scored)); got != tc.want {
			t.Errorf("%s, roles swapped: separator %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestDecidedPartialSetsAreNotCapped: with under 60% of the questions
// answered the level is capped, because the rest could reorder the
// roles; once the answers decide the top role, they cannot, and the
// level is the lead's own (Step 5).
func TestDecidedPartialSetsAreNotCapped(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	full := loadPersona(t, b, "growth-freemium.yaml").Answers
	part := b.NewAnswers()
	for {
		qi := m.NextQuestion(part)
		if qi < 0 {
			break
		}
		part[qi] = full[qi]
	}
	res := m.Score(part, scoring.Options{Decide: true})
	c := res.Certainty
	if !res.Decision.Decided || !c.Partial || !c.Decided {
		t.Fatalf("short take of growth-freemium: decided %v, partial %v, certainty decided %v (answered %d of %d)", res.Decision.Decided, c.Partial, c.Decided, res.Answered, res.Questions)
	}
	if c.Z < scoring.HighZ || c.Level != scoring.High {
		t.Errorf("decided, z %.2f: level %s, want high", c.Z, c.Level)
	}
	// The same answers but one short of decided keep the cap.
	for qi := len(part) - 1; qi >= 0; qi-- {
		if !part[qi].Set {
			continue
		}
		less := slices.Clone(part)
		less[qi] = quiz.Answer{}
		r := m.Score(less, scoring.Options{Decide: true})
		if !r.Decision.Decided && r.Certainty.Level == scoring.High {
			t.Errorf("without %s: undecided and partial, yet graded high", b.Questions[qi].ID)
		}
		if r.Certainty.Decided != r.Decision.Decided {
			t.Errorf("without %s: certainty says decided %v, the decision %v", b.Questions[qi].ID, r.Certainty.Decided, r.Decision.Decided)
		}
	}
}

// TestTopRoleIsTheRankingsTop: TopRole agrees with ScoreInto's ranking on
// complete, partial and empty answer sets, ties and unscored roles
// included.
func TestTopRoleIsTheRankingsTop(t *testing.T) {
	for _, b := range []*quiz.Bank{defaultBank(t), loadBank(t, "testdata/worked-example.yaml")} {
		m := scoring.New(b)
		rng := rand.New(rand.NewPCG(3, 4))
		var res scoring.Result
		for range 3000 {
			as := b.NewAnswers()
			for qi, q := range b.Questions {
				if rng.IntN(3) == 0 {
					continue // unanswered
				}
				all := q.EveryAnswer(1 << 10)
				as[qi] = all[rng.IntN(len(all))]
			}
			m.ScoreInto(&res, as)
			if got := m.TopRole(as); got != res.Top() {
				t.Fatalf("%s: TopRole %d, ranking's top %d", b.ID, got, res.Top())
			}
		}
	}
}
