package scoring

import "github.com/pmfit/pmfit/internal/quiz"

// BestCaseWork runs BestCase's search for role r and returns the fit
// terms it evaluated, and the most it may: its budget plus one last
// evaluation of every role (the budget is checked before each).
func (m *Model) BestCaseWork(r int) (work, limit int) {
	s := m.newReach(r)
	s.search()
	terms := 0
	for _, p := range m.roles {
		terms += len(p)
	}
	return s.work, s.budget + terms
}

// SetFloorLimits lowers LeastToDecide's limits, so tests can reach its
// relaxations and its budget on small banks; restore puts them back.
func SetFloorLimits(perDim, shared, budget int) (restore func()) {
	p, s, b := floorMaxPerDim, floorMaxShared, floorBudget
	floorMaxPerDim, floorMaxShared, floorBudget = perDim, shared, budget
	return func() { floorMaxPerDim, floorMaxShared, floorBudget = p, s, b }
}

// LeastToDecideWork is LeastToDecide with the work it did, in the units
// of its budget.
func (m *Model) LeastToDecideWork(full quiz.Answers) (n int, exact bool, work int) {
	return m.leastToDecide(full)
}

// MaxExactStates is how many distinct sums a dimension's exact reachable
// scores may hold.
const MaxExactStates = maxExactStates

// SetRouteBudget lowers Route's work budget; restore puts it back.
func SetRouteBudget(budget int) (restore func()) {
	b := routeBudget
	routeBudget = budget
	return func() { routeBudget = b }
}

// MaxExactWork is how many sums one dimension's exact reachable scores
// may cost before an interval bounds them instead.
const MaxExactWork = maxExactWork

// RouteBudget is Route's work budget.
func RouteBudget() int { return routeBudget }
