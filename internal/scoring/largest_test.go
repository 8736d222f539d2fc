package scoring_test

import (
	"os"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// largestBank is testdata/banks/largest.yaml, a bank at the documented
// limits (docs/performance.md): 100 roles, 500 Likert questions on an
// 11-point scale, two dimensions.
func largestBank(t testing.TB) *quiz.Bank {
	t.Helper()
	const path = "../../testdata/banks/largest.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank(path, data, quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Roles) != 100 || len(b.Questions) != 500 || b.Scale.Points() != 11 {
		t.Fatalf("%s: %d roles, %d questions, %d points: not at the limits", path, len(b.Roles), len(b.Questions), b.Scale.Points())
	}
	return b
}

// TestTheLargestBankStaysWithinBudgets: on a bank at the limits, every
// search a person or a script waits on stays within its work budget
// (units, not time; docs/performance.md gives what a unit costs):
// validate's best cases, the short quiz's next question by either rule,
// and a route.
func TestTheLargestBankStaysWithinBudgets(t *testing.T) {
	b := largestBank(t)
	m := scoring.New(b)
	for _, r := range []int{0, 99} {
		work, limit := m.BestCaseWork(r)
		if work > limit || limit > 2_100_000 {
			t.Errorf("role %d: %d fit terms evaluated, limit %d (want at most 2.1 million a role)", r, work, limit)
		}
	}
	answers := b.NewAnswers()
	answers[0] = quiz.Answer{Set: true, Level: 3}
	// One proof step weighs every unanswered question, re-working out
	// the reachable scores of the dimension it measures: at most
	// MaxExactWork sums, or an interval's 100 passes over 11 options per
	// question, for each.
	bound := 499 * (scoring.MaxExactWork + 100*11*500)
	for _, rule := range []scoring.StopRule{scoring.StopLikely, scoring.StopProof} {
		take := m.NewTake(rule, answers)
		st := take.Step()
		if st.Next < 0 && !st.Stop {
			t.Errorf("rule %v: no next question and no stop", rule)
		}
		if w := take.Work(); w > bound {
			t.Errorf("rule %v: first step %d units, more than %d", rule, w, bound)
		}
	}
	full := b.NewAnswers()
	for qi := range full {
		full[qi] = quiz.Answer{Set: true, Level: (qi * 7) % 11}
	}
	var res scoring.Result
	m.ScoreInto(&res, full)
	r, work := m.RouteWithin(full, res.Roles[1].Role, scoring.RouteBudget())
	if work > scoring.RouteBudget()+scoring.RouteBudget()/8 {
		t.Errorf("route: %d units, budget %d", work, scoring.RouteBudget())
	}
	if !r.Possible {
		t.Error("no route to the runner-up")
	}
}
