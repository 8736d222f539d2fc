package scoring

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
