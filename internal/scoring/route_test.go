package scoring_test

import (
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// routeCost is what Route minimizes, in order: facts changed, then
// changes.
type routeCost struct{ facts, changes int }

func (c routeCost) less(o routeCost) bool {
	return c.facts < o.facts || c.facts == o.facts && c.changes < o.changes
}

func costBetween(b *quiz.Bank, from, to quiz.Answers) routeCost {
	var c routeCost
	for qi := range from {
		if from[qi] != to[qi] {
			c.changes++
			if b.Questions[qi].Fact {
				c.facts++
			}
		}
	}
	return c
}

// shortestByEnumeration is Route's definition by brute force: of every
// way of answering the questions answers answers (the rest unanswered),
// those ranking role first, the cheapest to reach.
func shortestByEnumeration(m *scoring.Model, b *quiz.Bank, answers quiz.Answers, role int) (routeCost, bool) {
	best, found := routeCost{}, false
	var walk func(qi int, route quiz.Answers)
	walk = func(qi int, route quiz.Answers) {
		if qi == len(route) {
			if m.TopRole(route) != role {
				return
			}
			if c := costBetween(b, answers, route); !found || c.less(best) {
				best, found = c, true
			}
			return
		}
		if !answers[qi].Set {
			walk(qi+1, route)
			return
		}
		for _, a := range everyAnswer(b, qi) {
			route[qi] = a
			walk(qi+1, route)
		}
		route[qi] = answers[qi]
	}
	walk(0, slices.Clone(answers))
	return best, found
}

// checkRoute checks what holds of any route: applied, it ranks the role
// first; with any one change taken back, it does not; its facts, fits
// and effects are what rescoring says.
func checkRoute(t *testing.T, m *scoring.Model, b *quiz.Bank, answers quiz.Answers, r scoring.Route) {
	t.Helper()
	route := slices.Clone(answers)
	for _, c := range r.Changes {
		if answers[c.Question] != c.From {
			t.Fatalf("change to %s: from %v, answered %v", b.Questions[c.Question].ID, c.From, answers[c.Question])
		}
		route[c.Question] = c.To
	}
	if got := m.TopRole(route); got != r.To {
		t.Fatalf("route to %s ranks %s first", b.Roles[r.To].ID, b.Roles[got].ID)
	}
	res := m.Score(route, scoring.Options{})
	if fit := fitOf(t, b, res, b.Roles[r.To].ID); fit != r.FitAfter {
		t.Fatalf("fit after %v, rescored %v", r.FitAfter, fit)
	}
	var facts []int
	for _, c := range r.Changes {
		back := slices.Clone(route)
		back[c.Question] = c.From
		if m.TopRole(back) == r.To {
			t.Fatalf("route to %s: change to %s not needed", b.Roles[r.To].ID, b.Questions[c.Question].ID)
		}
		fit := fitOf(t, b, m.Score(back, scoring.Options{}), b.Roles[r.To].ID)
		if effect := r.FitAfter - fit; effect != c.Effect {
			t.Fatalf("change to %s: effect %v, rescored %v", b.Questions[c.Question].ID, c.Effect, effect)
		}
		if b.Questions[c.Question].Fact {
			facts = append(facts, c.Question)
		}
	}
	if !slices.Equal(facts, r.Facts) || r.Reachable != (len(facts) == 0) {
		t.Fatalf("facts %v (reachable %v), changes change %v", r.Facts, r.Reachable, facts)
	}
}

// TestRouteIsShortest checks Route against enumeration on banks small
// enough to try every way of answering, from complete and partial
// answer sets, to every role: the same fewest facts and changes (so a
// route changes a fact only when none without one exists), and a route
// exactly when one exists.
func TestRouteIsShortest(t *testing.T) {
	banks := map[string]*quiz.Bank{
		"route":  loadBank(t, "testdata/route.yaml"),
		"shared": loadBank(t, "testdata/shared.yaml"),
		"small":  loadSmall(t),
	}
	for name, b := range banks {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := scoring.New(b)
			rng := rand.New(rand.NewPCG(91, 92))
			tried, withFacts := 0, 0
			for trial := range 24 {
				answers := randomAnswers(b, rng, trial%4 == 3)
				top := m.TopRole(answers)
				for role := range b.Roles {
					r := m.Route(answers, role)
					want, ok := shortestByEnumeration(m, b, answers, role)
					if !r.Exact {
						t.Fatalf("trial %d, %s: not exact on a small bank", trial, b.Roles[role].ID)
					}
					if r.Possible != ok {
						t.Fatalf("trial %d, %s: possible %v, enumeration %v", trial, b.Roles[role].ID, r.Possible, ok)
					}
					if !ok {
						continue
					}
					if role == top && len(r.Changes) != 0 {
						t.Fatalf("trial %d: %s is first already, yet %d changes", trial, b.Roles[role].ID, len(r.Changes))
					}
					checkRoute(t, m, b, answers, r)
					if got := (routeCost{len(r.Facts), len(r.Changes)}); got != want {
						t.Fatalf("trial %d, %s: %+v, enumeration %+v", trial, b.Roles[role].ID, got, want)
					}
					tried++
					if !r.Reachable {
						withFacts++
					}
				}
			}
			if tried < 60 {
				t.Fatalf("only %d routes checked", tried)
			}
			if name == "route" && withFacts == 0 {
				t.Fatal("no route changed a fact: the bank does not test the rule")
			}
		})
	}
}

// routeSets is how many simulated answer sets TestRouteProperties tries
// on each bank: PMFIT_ROUTE_SETS raises it (.ci/run tries thousands).
func routeSets(t *testing.T) int {
	if v := os.Getenv("PMFIT_ROUTE_SETS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("PMFIT_ROUTE_SETS=%q: want a count", v)
		}
		return n
	}
	return 60
}

// TestRouteProperties: on the default bank and another real one, over
// simulated answer sets (complete and partial) and the personas, to
// every role: the route is proved shortest within its budget, ranks the
// role first, and needs every change it makes.
func TestRouteProperties(t *testing.T) {
	n := routeSets(t)
	for name, b := range map[string]*quiz.Bank{"default": defaultBank(t), "data-roles": loadBank(t, "../../testdata/banks/data-roles.yaml")} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := scoring.New(b)
			rng := rand.New(rand.NewPCG(93, 94))
			var sets []quiz.Answers
			if name == "default" {
				for _, p := range personas(t, b) {
					sets = append(sets, p.Answers)
				}
			}
			for i := range n {
				sets = append(sets, randomAnswers(b, rng, i%5 == 4))
			}
			for i, answers := range sets {
				for role := range b.Roles {
					r := m.Route(answers, role)
					if !r.Exact {
						t.Fatalf("set %d, %s: not exact", i, b.Roles[role].ID)
					}
					if !r.Possible {
						if answers.Count() == len(answers) {
							t.Fatalf("set %d: no route to %s from a complete set", i, b.Roles[role].ID)
						}
						continue
					}
					checkRoute(t, m, b, answers, r)
				}
			}
		})
	}
}

// TestRouteIsBounded: on a bank built to explode the search, Route stops
// near its budget, says it is not exact, and what it gives is a route.
func TestRouteIsBounded(t *testing.T) {
	b := hugeBank(t)
	m := scoring.New(b)
	const budget = 1 << 18
	defer scoring.SetRouteBudget(budget)()
	rng := rand.New(rand.NewPCG(97, 98))
	full := b.NewAnswers()
	for trial := range 3 {
		uniformAnswers(b, rng, full)
		role := (m.TopRole(full) + 1 + trial) % len(b.Roles)
		r, work := m.RouteWithin(full, role, scoring.RouteBudget())
		if work > budget+budget/8 {
			t.Fatalf("trial %d: %d units of work, budget %d", trial, work, budget)
		}
		if r.Exact && work > budget {
			t.Fatalf("trial %d: past its budget, yet exact", trial)
		}
		if r.Possible {
			checkRoute(t, m, b, full, r)
		}
	}
}
