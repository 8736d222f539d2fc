package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// largestBank is a bank at the documented limits (docs/performance.md):
// 100 roles, 500 Likert questions on an 11-point scale, two dimensions.
func largestBank(t testing.TB) *quiz.Bank {
	t.Helper()
	var y strings.Builder
	y.WriteString("version: 1\nid: largest\nscale: {min: 0, max: 10, labels: [Not at all, '1', '2', '3', '4', '5', '6', '7', '8', '9', Completely]}\n")
	y.WriteString("dimensions:\n  - {id: d1, name: D1, low: Low, high: High}\n  - {id: d2, name: D2, low: Low, high: High}\nroles:\n")
	for r := range 100 {
		fmt.Fprintf(&y, "  - {id: r%d, name: R%d, summary: Role., profile: {d1: {target: %d, weight: %d}, d2: {target: %d, weight: %d}}}\n", r, r, (r*37)%101, 1+r%3, (r*53)%101, 1+(r+1)%3)
	}
	y.WriteString("questions:\n")
	for q := range 500 {
		rev := ""
		if q%3 == 0 {
			rev = ", reverse: true"
		}
		fmt.Fprintf(&y, "  - {id: q%d, type: likert, dimension: d%d%s, text: Question.}\n", q, 1+q%2, rev)
	}
	b, err := quiz.LoadBank("largest.yaml", []byte(y.String()), quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
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
	r, work := m.RouteWork(full, res.Roles[1].Role)
	if work > scoring.RouteBudget()+scoring.RouteBudget()/8 {
		t.Errorf("route: %d units, budget %d", work, scoring.RouteBudget())
	}
	if !r.Possible {
		t.Error("no route to the runner-up")
	}
}
