package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// TestEveryDefaultRoleCanRankFirst: the search finds answers that put
// each role of the default bank on top.
func TestEveryDefaultRoleCanRankFirst(t *testing.T) {
	b := defaultBank(t)
	m := scoring.New(b)
	for r, role := range b.Roles {
		answers, res := m.BestCase(r)
		if res.Top() != r {
			t.Errorf("no answers found that rank %s first; best found ranks %s first", role.ID, b.Roles[res.Top()].ID)
		}
		if missing := b.Missing(answers); len(missing) > 0 {
			t.Errorf("%s: best case leaves %v unanswered", role.ID, missing)
		}
	}
}

// TestUnreachableRole: a role whose profile copies an earlier one can
// never rank first (ties go to the earlier role), and one wanting a high
// score no option gives is beaten by a role that wants what the answers
// can give; one more option makes it reachable.
func TestUnreachableRole(t *testing.T) {
	src := `dimensions:
  - {id: d, name: D, low: l, high: h}
  - {id: e, name: E, low: l, high: h}
roles:
  - {id: first, name: First, summary: s, profile: {d: 50, e: 50}}
  - {id: copy, name: Copy, summary: s, profile: {d: 50, e: 50}}
  - {id: edge, name: Edge, summary: s, profile: {d: 100}}
questions:
  - id: q1
    type: single
    text: t
    options:
      - {value: a, label: A, scores: {d: 40, e: 50}}
      - {value: b, label: B, scores: {d: 60, e: 50}}
  - id: q2
    type: single
    text: t
    options:
      - {value: a, label: A, scores: {d: 45, e: 50}}
      - {value: b, label: B, scores: {d: 55, e: 50}}
`
	reachable := func(src string) map[string]bool {
		b, err := quiz.LoadBank("bank.yaml", []byte(src), quiz.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m := scoring.New(b)
		out := map[string]bool{}
		for r, role := range b.Roles {
			_, res := m.BestCase(r)
			out[role.ID] = res.Top() == r
		}
		return out
	}
	// d can reach only 57.5: Edge's fit tops out at 57.5, First's at 94.7.
	if got := reachable(src); !got["first"] || got["copy"] || got["edge"] {
		t.Errorf("reachable = %v, want first only", got)
	}
	// An option at d 100 lifts d to 80: Edge 80.0 against First 78.8.
	more := strings.Replace(src, "      - {value: b, label: B, scores: {d: 55, e: 50}}\n", "      - {value: b, label: B, scores: {d: 55, e: 50}}\n      - {value: c, label: C, scores: {d: 100, e: 50}}\n", 1)
	if got := reachable(more); !got["first"] || got["copy"] || !got["edge"] {
		t.Errorf("with the extra option, reachable = %v, want first and edge", got)
	}
}

// TestBestCaseWorkIsBounded: however large the bank, each search stops
// at its budget: 100 roles over 500 ten-option multi-selects were a
// minute and a half of searching before the budget counted every move.
func TestBestCaseWorkIsBounded(t *testing.T) {
	var src strings.Builder
	src.WriteString("dimensions:\n")
	for d := 0; d < 20; d++ {
		fmt.Fprintf(&src, "  - {id: d%d, name: D, low: l, high: h}\n", d)
	}
	src.WriteString("roles:\n")
	for r := 0; r < 100; r++ {
		fmt.Fprintf(&src, "  - {id: r%d, name: R, summary: s, profile: {d%d: %d, d%d: %d, d%d: %d}}\n", r, r%20, r%100, (r+7)%20, (r*13)%100, (r+13)%20, (r*29)%100)
	}
	src.WriteString("questions:\n")
	for q := 0; q < 500; q++ {
		fmt.Fprintf(&src, "  - id: q%d\n    type: multi\n    text: t\n    options:\n", q)
		for o := 0; o < 10; o++ {
			fmt.Fprintf(&src, "      - {value: o%d, label: O, counts: [d%d]}\n", o, (q+o)%20)
		}
	}
	b, err := quiz.LoadBank("big.yaml", []byte(src.String()), quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := scoring.New(b)
	for _, r := range []int{0, 50, 99} {
		if work, limit := m.BestCaseWork(r); work > limit {
			t.Errorf("role %d: %d fit terms evaluated, more than the %d allowed", r, work, limit)
		}
	}
}
