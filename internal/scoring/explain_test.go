package scoring_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pmfit/pmfit/internal/analysis"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// randomAnswers answers every question of b at random (as analyze's
// uniformly random sets do); with partial, each question is left
// unanswered half the time (at least one stays).
func randomAnswers(b *quiz.Bank, rng *rand.Rand, partial bool) quiz.Answers {
	as := b.NewAnswers()
	analysis.Random(b, rng, as)
	if partial {
		for qi := range as {
			if rng.IntN(2) == 0 && as.Count() > 1 {
				as[qi] = quiz.Answer{}
			}
		}
	}
	return as
}

func banksForProperties(t *testing.T) map[string]*quiz.Bank {
	return map[string]*quiz.Bank{
		"default":    defaultBank(t),
		"data-roles": loadBank(t, "../../testdata/banks/data-roles.yaml"),
		"worked":     loadBank(t, "testdata/worked-example.yaml"),
	}
}

// TestExplanationsAddUp: for every explained role, the answer effects
// and the dimension effects each sum to fit − baseline; a dimension
// closer to the target than the baseline never has a negative effect;
// an answer at least as close as the baseline on every dimension it
// touches never has one either; an answer at the baseline has none.
func TestExplanationsAddUp(t *testing.T) {
	for name, b := range banksForProperties(t) {
		m := scoring.New(b)
		rng := rand.New(rand.NewPCG(1, 2))
		for i := 0; i < 3000; i++ {
			as := randomAnswers(b, rng, i%3 == 0)
			res := m.Score(as, scoring.Options{Explain: 3})
			for _, e := range res.Explanations {
				role := b.Roles[e.Role]
				var dimSum, answerSum float64
				for _, de := range e.Dimensions {
					dimSum += de.Effect
					if de.Scored && math.Abs(de.Score-de.Target) <= math.Abs(scoring.Baseline-de.Target) && de.Effect < -1e-9 {
						t.Fatalf("%s: %s: dimension %s at %.2f (target %.0f) has effect %.4f", name, role.ID, b.Dimensions[de.Dimension].ID, de.Score, de.Target, de.Effect)
					}
				}
				for _, ae := range e.Answers {
					answerSum += ae.Effect
					toward, neutral := answerPull(m, role, res, ae.Question, as[ae.Question])
					if toward && ae.Effect < -1e-9 {
						t.Fatalf("%s: %s: answer %s=%s is no further from every target than the baseline, yet has effect %.4f",
							name, role.ID, b.Questions[ae.Question].ID, b.FormatValue(ae.Question, as[ae.Question]), ae.Effect)
					}
					if neutral && math.Abs(ae.Effect) > 1e-9 {
						t.Fatalf("%s: %s: answer %s at the baseline has effect %.4f", name, role.ID, b.Questions[ae.Question].ID, ae.Effect)
					}
				}
				if gap := math.Abs(answerSum - (e.Fit - e.Baseline)); gap > 1e-6 {
					t.Fatalf("%s: %s: answer effects sum to %.6f, fit − baseline is %.6f", name, role.ID, answerSum, e.Fit-e.Baseline)
				}
				if gap := math.Abs(dimSum - (e.Fit - e.Baseline)); gap > 1e-6 {
					t.Fatalf("%s: %s: dimension effects sum to %.6f, fit − baseline is %.6f", name, role.ID, dimSum, e.Fit-e.Baseline)
				}
			}
		}
	}
}

// answerPull reports whether an answer is at least as close as the
// baseline to the role's target on every scored profile dimension it
// touches (and touches one), and whether it sits at the baseline on all
// of them.
func answerPull(m *scoring.Model, role quiz.Role, res scoring.Result, qi int, a quiz.Answer) (toward, neutral bool) {
	toward, neutral = true, true
	touched := false
	for _, it := range m.Items(nil, qi, a) {
		for _, tg := range role.Profile {
			if tg.Dimension != it.Dimension || !res.Dimensions[it.Dimension].Scored {
				continue
			}
			touched = true
			if math.Abs(it.Position-tg.Target) > math.Abs(scoring.Baseline-tg.Target) {
				toward = false
			}
			if it.Position != scoring.Baseline {
				neutral = false
			}
		}
	}
	return touched && toward, touched && neutral
}

// TestUXWorkIsNeverEvidenceAgainstUXRoles: whatever else a person
// answered, ticking only user-experience work is never shown as counting
// against the Core Product Manager, the role about user experience.
func TestUXWorkIsNeverEvidenceAgainstUXRoles(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	core, _ := b.Role("core-pm")
	uxOnly := map[string][]string{
		"week-of-work":   {"interviews", "usability", "interviews,usability"},
		"monday-metrics": {"satisfaction"},
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 2000; i++ {
		as := randomAnswers(b, rng, false)
		for id, values := range uxOnly {
			for _, v := range values {
				answer(t, b, as, id, v)
				qi, _ := b.Question(id)
				effect := effectOn(t, m, as, core, qi)
				if effect < -1e-9 {
					t.Fatalf("%s=%s reads as evidence against core-pm: effect %.3f", id, v, effect)
				}
			}
		}
	}
}

// effectOn explains role r for the answers (whatever rank it has) and
// returns question qi's effect on it.
func effectOn(t *testing.T, m *scoring.Model, as quiz.Answers, r, qi int) float64 {
	t.Helper()
	res := m.Score(as, scoring.Options{Explain: len(m.Bank().Roles)})
	for _, e := range res.Explanations {
		if e.Role != r {
			continue
		}
		for _, ae := range e.Answers {
			if ae.Question == qi {
				return ae.Effect
			}
		}
		return 0
	}
	t.Fatalf("role %d not explained", r)
	return 0
}

// TestEffectTiesKeepQuestionOrder: effects equal to six decimals list in
// question order, whatever floating-point noise says.
func TestEffectTiesKeepQuestionOrder(t *testing.T) {
	b := loadBank(t, "testdata/worked-example.yaml")
	as := b.NewAnswers()
	// q1=4 and q2=2 both place focus at 75: the same effect, computed
	// along different paths.
	answer(t, b, as, "q1", "4")
	answer(t, b, as, "q2", "2")
	answer(t, b, as, "q4", "large")
	res := scoring.New(b).Score(as, scoring.Options{Explain: 1})
	var order []string
	for _, ae := range res.Explanations[0].Answers {
		order = append(order, b.Questions[ae.Question].ID)
	}
	if len(order) != 3 || order[1] != "q1" || order[2] != "q2" {
		t.Errorf("order = %v, want q4 then q1, q2", order)
	}
}

// TestCertaintyRules: the levels' hard rules, whatever the margin.
func TestCertaintyRules(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)

	// One answer is never a verdict.
	as := b.NewAnswers()
	answer(t, b, as, "degree", "business")
	if c := m.Score(as, scoring.Options{}).Certainty; c.Level != scoring.Low || !c.Partial {
		t.Errorf("one answer: certainty %+v, want low and partial", c)
	}

	// Below 60% coverage, never high.
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		as := randomAnswers(b, rng, true)
		res := m.Score(as, scoring.Options{})
		if res.Coverage() < scoring.PartialCoverage && res.Certainty.Level == scoring.High {
			t.Fatalf("coverage %.2f graded high: %+v", res.Coverage(), res.Certainty)
		}
	}

	// A consistent persona well clear of every other role is high.
	set := loadPersona(t, b, "tpm-api.yaml")
	if c := m.Score(set.Answers, scoring.Options{}).Certainty; c.Level != scoring.High || c.Z < scoring.HighZ {
		t.Errorf("tpm-api: certainty %+v, want high", c)
	}
}
