package scoring

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Route is the shortest way from some answers to a role ranking first
// (docs/path.md): the fewest answers to change, changing as few facts
// (quiz.Question.Fact) as can be, the role's fit before and after.
type Route struct {
	To int
	// Possible is false when no way of answering ranks To first (within
	// the search's reach: see Exact).
	Possible bool
	// Reachable is true when the route changes no fact: choices alone
	// get there. Otherwise Facts are the facts it changes, in bank order.
	Reachable bool
	Facts     []int
	// Exact is false when the search ran past its budget: Changes is then
	// the shortest route found, and none longer is needed.
	Exact bool
	// Unscored is true when none of the role's dimensions is scored by
	// the answers: it ranks last whatever they are (and Possible is false).
	Unscored bool
	// Changes are the answers to change, in bank order.
	Changes             []RouteChange
	FitBefore, FitAfter float64
	// Before and After are the dimension scores now and after the route.
	Before, After []DimensionScore
}

// RouteChange is one answer to change.
type RouteChange struct {
	Question int
	From, To quiz.Answer
	// Effect is what the change is worth to the role's fit: how far the
	// fit after the route would fall were this change alone taken back.
	Effect float64
	// Dimension is the one whose score the change moves most (the first
	// of equal ones): where the change belongs when a route is told by
	// what it means for work.
	Dimension int
	// Instead is the role that ranks first were this change alone taken
	// back: whom the change keeps below.
	Instead int
}

// routeBudget bounds a route search, in units of work (sums formed,
// choices compared, table cells, search steps): about a quarter of a
// second. The default bank needs a small part of it. A variable only so
// that tests can lower it.
var routeBudget = 1 << 22

// routeSlack is how far below zero, in squared points, a rival's margin
// D_rival − D_role may fall at a leaf of the search and still be checked
// by ranking: fits are ranked rounded to 1e-6, so two fits ranked equal
// differ by less than 2e-4 in D, and a route that wins a tie on bank order
// is not missed.
const routeSlack = 1e-3

// maxRouteShared bounds the questions measuring several dimensions a
// route may change; past it the rest stay as answered and the route is
// marked not exact.
const maxRouteShared = 64

// maxRouteStates bounds the distinct partial sums kept on one dimension.
const maxRouteStates = 1 << 14

// stateWork is what forming one partial sum costs in units of the budget:
// a key built and looked up, about eight search steps' time.
const stateWork = 8

// maxRoutePairs bounds the rivals for which every pair gets a bound row.
const maxRoutePairs = 8

// Route finds the shortest route from answers to role to ranking first:
// of the answer changes after which to ranks first (as ScoreInto ranks),
// the ones changing fewest facts, and of those the fewest changes.
// Unanswered questions stay unanswered. docs/path.md states the search
// and why its answer is minimal.
func (m *Model) Route(answers quiz.Answers, to int) Route {
	r, _ := m.route(answers, to, routeBudget)
	return r
}

// RouteWithin is Route with at most budget units of work (never more
// than Route's own budget), and the work it did: for a caller sharing
// one budget among many routes, as the team page does.
func (m *Model) RouteWithin(answers quiz.Answers, to, budget int) (Route, int) {
	return m.route(answers, to, min(budget, routeBudget))
}

// route is Route within budget, with the work its search did.
func (m *Model) route(answers quiz.Answers, to, budget int) (Route, int) {
	r := Route{To: to, Exact: true}
	var res Result
	m.ScoreInto(&res, answers)
	r.FitBefore = fitOf(&res, to)
	r.Before = slices.Clone(res.Dimensions)
	switch {
	case res.Top() == to:
		r.Possible, r.Reachable, r.FitAfter, r.After = true, true, r.FitBefore, r.Before
		return r, 0
	case !res.Roles[slices.IndexFunc(res.Roles, func(rf RoleFit) bool { return rf.Role == to })].Scored:
		// None of the role's dimensions is scored, and a route changes
		// answers without adding or removing any: it ranks last whatever.
		r.Unscored = true
		return r, 0
	}
	s := m.newRouteSearch(answers, to)
	s.budget = budget
	route := s.find()
	r.Exact = !s.spent() && !s.capped
	if route == nil {
		return r, s.work // no route: Possible false
	}
	r.Possible = true
	m.soften(answers, route, to)
	if !r.Exact {
		// A route not proved shortest may hold a change it can do without.
		for qi := range route {
			if kept := route[qi]; kept != answers[qi] {
				if route[qi] = answers[qi]; m.TopRole(route) != to {
					route[qi] = kept
				}
			}
		}
	}
	m.ScoreInto(&res, route)
	r.FitAfter = fitOf(&res, to)
	r.After = slices.Clone(res.Dimensions)
	for qi := range answers {
		if answers[qi] == route[qi] {
			continue
		}
		back := slices.Clone(route)
		back[qi] = answers[qi]
		m.ScoreInto(&res, back)
		c := RouteChange{Question: qi, From: answers[qi], To: route[qi], Effect: r.FitAfter - fitOf(&res, to), Dimension: -1, Instead: res.Top()}
		most := -1.0
		for d, ds := range res.Dimensions {
			if moved := math.Abs(r.After[d].Score - ds.Score); ds.Scored && moved > most+1e-9 {
				c.Dimension, most = d, moved
			}
		}
		r.Changes = append(r.Changes, c)
		if m.bank.Questions[qi].Fact {
			r.Facts = append(r.Facts, qi)
		}
	}
	r.Reachable = len(r.Facts) == 0
	return r, s.work
}

// soften moves each changed answer of route back toward the person's own
// as far as the route still ranks to first: of equally short routes, the
// one asking the least (Agree rather than Strongly agree; one option
// picked rather than four). It changes no more or fewer questions: a
// shortest route cannot lose a change.
func (m *Model) soften(answers, route quiz.Answers, to int) {
	for moved := true; moved; {
		moved = false
		for qi := range route {
			if route[qi] == answers[qi] {
				continue
			}
			q := &m.bank.Questions[qi]
			now := answerDistance(q, answers[qi], route[qi])
			every := slices.Clone(m.everyAnswer(qi))
			slices.SortStableFunc(every, func(x, y quiz.Answer) int {
				return cmp.Compare(answerDistance(q, answers[qi], x), answerDistance(q, answers[qi], y))
			})
			kept := route[qi]
			for _, a := range every {
				if d := answerDistance(q, answers[qi], a); d == 0 || d >= now {
					continue
				}
				if route[qi] = a; m.TopRole(route) == to {
					kept, moved = a, true
					break
				}
			}
			route[qi] = kept
		}
	}
}

// answerDistance is how far answer b is from a: Likert levels apart,
// options picked or dropped, or 1 for another single choice.
func answerDistance(q *quiz.Question, a, b quiz.Answer) int {
	switch {
	case a == b:
		return 0
	case q.Kind == quiz.Likert:
		return max(a.Level-b.Level, b.Level-a.Level)
	case q.Kind == quiz.Multi:
		return bits.OnesCount64(a.Picks ^ b.Picks)
	}
	return 1
}

// lead is role to's fit less the best other role's, for answers: the
// fits alone, without the rest of a result.
func (m *Model) lead(answers quiz.Answers, to int) float64 {
	var fixed [maxStackDims]accumulator
	acc := m.accumulators(&fixed)
	m.accumulate(acc, answers, -1)
	return m.leadOf(acc, to)
}

// leadOf is lead, from the answers' accumulated items.
func (m *Model) leadOf(acc []accumulator, to int) float64 {
	var buf [maxStackDims]DimensionScore
	ds := scoresOf(&buf, acc)
	mine, best := 0.0, math.Inf(-1)
	for r := range m.roles {
		fit, weights := m.fit(r, ds)
		switch {
		case r == to:
			mine = fit
		case weights > 0:
			best = max(best, fit)
		}
	}
	return mine - best
}

func fitOf(res *Result, role int) float64 {
	for _, rf := range res.Roles {
		if rf.Role == role {
			return rf.Fit
		}
	}
	return 0
}

// routeSearch is Route's problem: the rivals' margins, each dimension's
// ways to change its answers, and the best route found so far.
type routeSearch struct {
	m       *Model
	to      int
	answers quiz.Answers
	rivals  []int
	// a[i][d], b[i][d]: rival i's and the role's weights on d, as shares
	// of their profiles' weight over the dimensions the answers score.
	a, b [][]float64
	// facts: whether this pass may change facts, and how many at most.
	facts bool
	limit int
	// capped is set when a question was left as answered for the search's
	// limits (too many answers, too many shared questions): the route
	// found is then not proved shortest.
	capped bool
	// shorter, when above 0, is the length of a route already found:
	// a dimension's way of answering that changes as many questions
	// cannot be part of a shorter one, so prepare leaves it out.
	shorter int
	dims    []routeDim
	shared  []int // questions measuring several dimensions the route may change
	// vectors are, per shared question, its distinct answers as
	// projections on the search's dimensions.
	vectors []routeVectors
	// rows are the bounds' mixes of the rivals' margins (a weight per
	// rival): each rival alone, all alike, and each pair. Every rival's
	// margin passing means every mix passes, and a mix can fail where
	// each rival alone would pass (rivals on either side of the role).
	rows [][]float64
	pass []float64 // what each row's sum must exceed: −routeSlack × its weights' sum
	// failed[k] is the row that last failed a child's check at depth k.
	failed []int
	// need[k][r][j]: the largest mix r of the rivals' terms over the
	// search's dimensions k.. with at most j single-question changes.
	need [][][]float64
	// Per depth of the search: the choice taken, each shared question's
	// answers still consistent with the choices so far, and the margins.
	path  []int
	alive [][][]uint64
	sums  [][]float64

	best     quiz.Answers
	bestCost int
	work     int
	budget   int // the work it may do
	// seen tells prepareDim's states apart; one map, its room reused.
	seen map[routeKey]struct{}
}

// routeDim is one dimension's ways to change its answers.
type routeDim struct {
	d     int
	touch []int       // indexes into shared of the shared questions measuring d
	projs []routeProj // every answered question measuring d: its projections
	// choices are the undominated ways, cheapest first.
	choices []routeChoice
}

// routeProj is one question's projections on one dimension: the distinct
// (weighted position, weight) its answers add there, an answer giving
// each, and which the current answer gives.
type routeProj struct {
	q       int
	sums    []option
	answers []quiz.Answer
	current int
}

// routeChoice is one way to answer a dimension's questions: how many of
// its single-dimension questions it changes (and how many of those are
// facts), which projection it gives each shared question measuring the
// dimension (by touch), the term it leaves on each rival's margin, and
// the single-dimension questions' new projections (picks).
type routeChoice struct {
	cost, facts int
	projs       []int
	terms       []float64
	mixes       []float64 // the terms mixed by each bound row
	picks       []routePick
}

// routePick is one question given one of its projections on a dimension.
type routePick struct{ q, proj int }

// routeVectors are one shared question's answers, told apart by where
// they place the person on each of the search's dimensions.
type routeVectors struct {
	answers []quiz.Answer
	current int
	having  [][][]uint64 // [search dimension][projection] → answers, as bits
}

func (m *Model) newRouteSearch(answers quiz.Answers, to int) *routeSearch {
	nd := len(m.bank.Dimensions)
	s := &routeSearch{m: m, to: to, answers: answers, budget: routeBudget}
	var acc [maxStackDims]accumulator
	accs := m.accumulators(&acc)
	m.accumulate(accs, answers, -1)
	weightOf := func(r int) float64 {
		w := 0.0
		for d := range nd {
			if accs[d].w > 0 {
				w += m.weight[r][d]
			}
		}
		return w
	}
	wto := weightOf(to)
	for r := range m.roles {
		wr := weightOf(r)
		if r == to || wr == 0 {
			continue // an unscored role ranks last
		}
		a, b := make([]float64, nd), make([]float64, nd)
		for d := range nd {
			if accs[d].w > 0 {
				a[d], b[d] = m.weight[r][d]/wr, m.weight[to][d]/wto
			}
		}
		s.rivals = append(s.rivals, r)
		s.a, s.b = append(s.a, a), append(s.b, b)
	}
	for d := range nd {
		if accs[d].w > 0 {
			s.dims = append(s.dims, routeDim{d: d})
		}
	}
	return s
}

func (s *routeSearch) spent() bool { return s.work > s.budget }

// find runs the search: first changing no fact, then, only when that
// finds nothing, with one fact changed at most, then two, and so on.
func (s *routeSearch) find() quiz.Answers {
	seed, _ := s.m.greedyRoute(s.answers, s.to, false, s)
	// The common short routes are proved least without the search's
	// tables: one change cannot be beaten (the role is not first now),
	// and two can only by a single change, which is cheap to try.
	if seed != nil {
		switch s.changesIn(seed) {
		case 1:
			return seed
		case 2:
			if one := s.singleChange(); one != nil {
				return one
			}
			if !s.spent() {
				return seed
			}
		}
	}
	if seed != nil {
		s.shorter = s.changesIn(seed)
	}
	s.prepare(false)
	if route := s.shortest(seed); route != nil {
		return route
	}
	facts := 0
	for qi, q := range s.m.bank.Questions {
		if q.Fact && s.answers[qi].Set {
			facts++
		}
	}
	if facts == 0 {
		return nil
	}
	seed, _ = s.m.greedyRoute(s.answers, s.to, true, s)
	// With facts, a longer route changing fewer facts is preferred: no
	// length bound.
	s.shorter = 0
	s.prepare(true)
	for s.limit = 1; s.limit <= facts; s.limit++ {
		within := seed
		if seed != nil && s.factsIn(seed) > s.limit {
			within = nil
		}
		if route := s.shortest(within); route != nil {
			return route
		}
		if s.spent() {
			return seed
		}
	}
	return nil
}

// shortest is the shortest route changing at most s.limit facts, or
// seed when none is shorter, by iterative deepening: a search for any
// route of at most b changes, for b = 0, 1, 2, ... until one is found.
// Each search is complete, so the first found is a shortest. Past the
// work budget it returns seed.
func (s *routeSearch) shortest(seed quiz.Answers) quiz.Answers {
	if s.spent() || s.need == nil {
		return seed
	}
	most := len(s.shared) // every change the search could make
	for _, rd := range s.dims {
		most += rd.choices[len(rd.choices)-1].cost
	}
	for b := 0; b <= most; b++ {
		if seed != nil && b >= s.changesIn(seed) {
			break
		}
		if route := s.within(b); route != nil {
			return route
		}
		if s.spent() {
			break
		}
	}
	return seed
}

// within searches for a route of at most b changes.
func (s *routeSearch) within(b int) quiz.Answers {
	s.best, s.bestCost = nil, b+1
	for i, v := range s.vectors {
		clear(s.alive[0][i])
		for j := range len(v.answers) {
			s.alive[0][i][j/64] |= 1 << uint(j%64)
		}
	}
	clear(s.sums[0])
	s.run(0, 0, 0)
	return s.best
}

// singleChange is a route of one change that is not a fact, or nil.
func (s *routeSearch) singleChange() quiz.Answers {
	m := s.m
	route := slices.Clone(s.answers)
	var fixedRest, fixedTry [maxStackDims]accumulator
	rest, try := m.accumulators(&fixedRest), m.accumulators(&fixedTry)
	for qi := range route {
		if !s.answers[qi].Set || m.bank.Questions[qi].Fact {
			continue
		}
		// The other questions' items are added up once per question.
		clear(rest)
		m.accumulate(rest, route, qi)
		for _, a := range m.everyAnswer(qi) {
			if a == s.answers[qi] {
				continue
			}
			s.work++
			copy(try, rest)
			m.accumulateOne(try, qi, &a, nil)
			// Sums taken in another order than scoring's differ in their
			// last bits, which could round a tie the other way: a role
			// more than two rounding steps behind is behind whatever the
			// order, and one closer is decided as scoring adds the items.
			if m.leadOf(try, s.to) < -2/rankPrecision {
				continue
			}
			if route[qi] = a; m.TopRole(route) == s.to {
				return route
			}
			route[qi] = s.answers[qi]
		}
	}
	return nil
}

// changeable says whether the route may change question qi's answer.
func (s *routeSearch) changeable(qi int) bool {
	return s.answers[qi].Set && (s.facts || !s.m.bank.Questions[qi].Fact)
}

func (s *routeSearch) changesIn(route quiz.Answers) int {
	n := 0
	for qi := range route {
		if route[qi] != s.answers[qi] {
			n++
		}
	}
	return n
}

func (s *routeSearch) factsIn(route quiz.Answers) int {
	n := 0
	for qi := range route {
		if route[qi] != s.answers[qi] && s.m.bank.Questions[qi].Fact {
			n++
		}
	}
	return n
}

// projections lists question qi's projections on dimension d (only the
// current one when the route may not change it).
func (s *routeSearch) projections(qi, d int, every []quiz.Answer) routeProj {
	p := routeProj{q: qi, current: -1}
	var buf [8]Item
	at := func(a quiz.Answer) option {
		for _, it := range s.m.Items(buf[:0], qi, a) {
			if it.Dimension == d {
				return option{x: it.Weight * it.Position, y: it.Weight}
			}
		}
		return option{}
	}
	for _, a := range every {
		o := at(a)
		s.work++
		i := slices.IndexFunc(p.sums, func(e option) bool { return sameOption(e, o) })
		if i < 0 {
			i = len(p.sums)
			p.sums, p.answers = append(p.sums, o), append(p.answers, a)
		}
		if a == s.answers[qi] {
			p.current = i
		}
	}
	if p.current < 0 { // not among every: its own projection
		p.current = len(p.sums)
		p.sums, p.answers = append(p.sums, at(s.answers[qi])), append(p.answers, s.answers[qi])
	}
	return p
}

func sameOption(a, b option) bool { return math.Abs(a.x-b.x) < 1e-9 && math.Abs(a.y-b.y) < 1e-9 }

// answersOf is every answer the route may give question qi: its current
// one alone when it may not change it, or when it has more answers than
// the search enumerates (then the route is not proved shortest).
func (s *routeSearch) answersOf(qi int) []quiz.Answer {
	if !s.changeable(qi) {
		return []quiz.Answer{s.answers[qi]}
	}
	every := s.m.everyAnswer(qi)
	if every == nil {
		s.capped = true
		return []quiz.Answer{s.answers[qi]}
	}
	return every
}

// routeAnswers is how many answers a question may have for a route to
// try them all: past it, the question keeps its answer and the route is
// not proved shortest.
const routeAnswers = 1 << 10

// everyAnswer is question qi's every answer, or nil past routeAnswers,
// listed once per model: callers must not change it.
func (m *Model) everyAnswer(qi int) []quiz.Answer {
	m.everyOnce.Do(func() {
		m.every = make([][]quiz.Answer, len(m.bank.Questions))
		for i := range m.bank.Questions {
			m.every[i] = m.bank.Questions[i].EveryAnswer(routeAnswers)
		}
	})
	return m.every[qi]
}

// routeKey tells a dimension's partial states apart.
type routeKey struct {
	cost, facts int
	// The shared questions' projections: packed 16 bits each when there
	// are at most four (no string to allocate), else as a string.
	packed uint64
	projs  string
	x, y   int64
}

// prepare works out, for this pass, every dimension's choices, the
// shared questions' answer vectors and the bound tables.
func (s *routeSearch) prepare(facts bool) {
	m := s.m
	s.facts, s.shared, s.vectors, s.need = facts, nil, nil, nil
	every := make([][]quiz.Answer, len(m.questions))
	sharedAt := make([]int, len(m.questions))
	for qi := range m.questions {
		sharedAt[qi] = -1
		if !s.answers[qi].Set {
			continue
		}
		every[qi] = s.answersOf(qi)
		if len(every[qi]) > 1 && len(m.options()[qi]) > 1 {
			if len(s.shared) == maxRouteShared {
				s.capped, every[qi] = true, []quiz.Answer{s.answers[qi]}
				continue
			}
			sharedAt[qi] = len(s.shared)
			s.shared = append(s.shared, qi)
		}
	}
	for k := range s.dims {
		if s.prepareDim(k, every, sharedAt); s.spent() {
			return
		}
	}
	// The dimensions whose choices move the margins most come first: the
	// bounds on the rest are then tightest early (on the default bank this
	// searches a few times fewer nodes than bank order).
	spread := make(map[int]float64, len(s.dims))
	for _, rd := range s.dims {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, c := range rd.choices {
			sum := 0.0
			for _, t := range c.terms {
				sum += t
			}
			lo, hi = min(lo, sum), max(hi, sum)
		}
		spread[rd.d] = hi - lo
	}
	slices.SortStableFunc(s.dims, func(x, y routeDim) int { return cmpFloat(spread[y.d], spread[x.d]) })
	s.prepareVectors(every)
	s.tables()
	nk := len(s.dims)
	s.path = make([]int, nk)
	s.alive = make([][][]uint64, nk+1)
	s.sums = make([][]float64, nk+1)
	for k := range nk + 1 {
		s.alive[k] = make([][]uint64, len(s.vectors))
		for i, v := range s.vectors {
			s.alive[k][i] = make([]uint64, (len(v.answers)+63)/64)
		}
		s.sums[k] = make([]float64, len(s.rows))
	}
}

// prepareDim works out the choices on the search's dimension k: every
// distinct way its questions' answers can add up, cheapest first, less
// those another beats.
func (s *routeSearch) prepareDim(k int, every [][]quiz.Answer, sharedAt []int) {
	m := s.m
	rd := &s.dims[k]
	d := rd.d
	*rd = routeDim{d: d}
	type state struct {
		cost, facts int
		projs       []int
		sum         option
		picks       []routePick
	}
	var questions []int
	for qi := range m.questions {
		if s.answers[qi].Set && slices.ContainsFunc(m.options()[qi], func(do dimOptions) bool { return do.dim == d }) {
			questions = append(questions, qi)
			if sharedAt[qi] >= 0 {
				rd.touch = append(rd.touch, sharedAt[qi])
			}
		}
	}
	states := []state{{projs: slices.Repeat([]int{-1}, len(rd.touch))}}
	var spare []state // the other of two buffers the states alternate in
	keyBuf := make([]byte, 0, 2*len(rd.touch))
	if s.seen == nil {
		s.seen = make(map[routeKey]struct{})
	}
	for _, qi := range questions {
		p := s.projections(qi, d, every[qi])
		rd.projs = append(rd.projs, p)
		t := slices.Index(rd.touch, sharedAt[qi])
		if sharedAt[qi] < 0 {
			t = -1
		}
		fact := m.bank.Questions[qi].Fact
		next := spare[:0]
		clear(s.seen)
		for _, st := range states {
			for j, o := range p.sums {
				cost, facts := st.cost, st.facts
				if t < 0 && j != p.current {
					if cost++; s.shorter > 0 && cost >= s.shorter {
						continue
					}
					if fact {
						facts++
					}
				}
				sum := option{x: st.sum.x + o.x, y: st.sum.y + o.y}
				// The state's key, its shared projections with j at t,
				// worked out before anything is copied for it.
				key := routeKey{cost: cost, facts: facts, x: int64(math.Round(sum.x * 1e6)), y: int64(math.Round(sum.y * 1e6))}
				packed := len(st.projs) <= 4
				for i, v := range st.projs {
					if i == t {
						v = j
					}
					if !packed || v+1 >= 1<<16 {
						packed = false
						break
					}
					key.packed = key.packed<<16 | uint64(v+1)
				}
				if !packed {
					key.packed, keyBuf = 0, keyBuf[:0]
					for i, v := range st.projs {
						if i == t {
							v = j
						}
						keyBuf = append(keyBuf, byte(v+1), byte((v+1)>>8))
					}
					key.projs = string(keyBuf)
				}
				s.work += stateWork
				if _, dup := s.seen[key]; dup {
					continue
				}
				s.seen[key] = struct{}{}
				n := state{cost: cost, facts: facts, projs: st.projs, sum: sum, picks: st.picks}
				switch {
				case t >= 0:
					n.projs = slices.Clone(st.projs)
					n.projs[t] = j
				case j != p.current:
					n.picks = append(slices.Clip(st.picks), routePick{q: qi, proj: j})
				}
				next = append(next, n)
			}
			if s.spent() {
				return
			}
		}
		if len(next) > maxRouteStates {
			// Keep the cheapest: the search goes on, its route no longer
			// proved shortest, and memory stays bounded.
			slices.SortStableFunc(next, func(x, y state) int { return cmp.Compare(x.cost, y.cost) })
			next, s.capped = next[:maxRouteStates], true
		}
		states, spare = next, states
	}
	all := make([]routeChoice, 0, len(states))
	for _, st := range states {
		if st.sum.y == 0 {
			continue // the dimension would go unscored: not a route
		}
		score := st.sum.x / st.sum.y
		c := routeChoice{cost: st.cost, facts: st.facts, projs: st.projs, terms: make([]float64, len(s.rivals)), picks: st.picks}
		for i, r := range s.rivals {
			c.terms[i] = term(score, s.a[i][d], m.target[r][d], s.b[i][d], m.target[s.to][d])
		}
		all = append(all, c)
	}
	rd.choices = s.undominated(all)
}

// undominated keeps the choices no other beats: one giving the shared
// questions the same projections, with no more changes or facts changed,
// and as good a term on every rival's margin. Cheapest first; among
// equal costs, the best worst term first.
func (s *routeSearch) undominated(all []routeChoice) []routeChoice {
	type ranked struct {
		c     *routeChoice
		worst float64 // its worst term
	}
	order := make([]ranked, len(all))
	for i := range all {
		c := &all[i]
		w := math.Inf(1)
		for _, t := range c.terms {
			w = min(w, t)
		}
		order[i] = ranked{c, w}
	}
	slices.SortStableFunc(order, func(x, y ranked) int {
		if x.c.cost != y.c.cost {
			return x.c.cost - y.c.cost
		}
		if x.c.facts != y.c.facts {
			return x.c.facts - y.c.facts
		}
		return cmpFloat(y.worst, x.worst)
	})
	groups := map[string][]int{} // kept choices by their shared projections
	var keep []routeChoice
	key := make([]byte, 0, 16)
	for _, r := range order {
		c := r.c
		key = key[:0]
		for _, v := range c.projs {
			key = append(key, byte(v+1), byte((v+1)>>8))
		}
		group := groups[string(key)]
		if s.work += len(group) + 1; s.spent() {
			return keep
		}
		dominated := slices.ContainsFunc(group, func(oi int) bool {
			o := &keep[oi]
			if o.facts > c.facts {
				return false
			}
			for i := range c.terms {
				if o.terms[i] < c.terms[i] {
					return false
				}
			}
			return true
		})
		if !dominated {
			groups[string(key)] = append(group, len(keep))
			keep = append(keep, *c)
		}
	}
	return keep
}

// prepareVectors works out each shared question's distinct answers, as
// projections on the search's dimensions, and the sets having each.
func (s *routeSearch) prepareVectors(every [][]quiz.Answer) {
	var buf [8]Item
	for _, qi := range s.shared {
		v := routeVectors{current: -1, having: make([][][]uint64, len(s.dims))}
		var ks []int
		var ps []*routeProj
		for k := range s.dims {
			i := slices.IndexFunc(s.dims[k].projs, func(p routeProj) bool { return p.q == qi })
			if i >= 0 {
				ks, ps = append(ks, k), append(ps, &s.dims[k].projs[i])
			}
		}
		seen := map[string]int{}
		var projs [][]int
		key := make([]byte, 0, 2*len(ks))
		for _, a := range every[qi] {
			at := make([]int, len(ks))
			items := s.m.Items(buf[:0], qi, a)
			key = key[:0]
			for n, k := range ks {
				o := option{}
				for _, it := range items {
					if it.Dimension == s.dims[k].d {
						o = option{x: it.Weight * it.Position, y: it.Weight}
					}
				}
				at[n] = slices.IndexFunc(ps[n].sums, func(e option) bool { return sameOption(e, o) })
				key = append(key, byte(at[n]+1), byte((at[n]+1)>>8))
			}
			s.work++
			i, ok := seen[string(key)]
			if !ok {
				i = len(v.answers)
				seen[string(key)] = i
				v.answers, projs = append(v.answers, a), append(projs, at)
			}
			if a == s.answers[qi] {
				v.current = i
			}
		}
		words := (len(v.answers) + 63) / 64
		for n, k := range ks {
			v.having[k] = make([][]uint64, len(ps[n].sums))
			for j := range ps[n].sums {
				v.having[k][j] = make([]uint64, words)
			}
		}
		for i, at := range projs {
			for n, k := range ks {
				if at[n] >= 0 {
					v.having[k][at[n]][i/64] |= 1 << uint(i%64)
				}
			}
		}
		s.vectors = append(s.vectors, v)
	}
}

// tables works out need: for each bound row, a knapsack over the
// dimensions on the count of single-question changes (shared questions
// counted free, so that a bound stays a bound).
func (s *routeSearch) tables() {
	nk, nr := len(s.dims), len(s.rivals)
	s.rows = s.rows[:0]
	for i := range nr {
		row := make([]float64, nr)
		row[i] = 1
		s.rows = append(s.rows, row)
	}
	if nr > 1 {
		s.rows = append(s.rows, slices.Repeat([]float64{1 / float64(nr)}, nr))
	}
	if nr <= maxRoutePairs {
		for i := range nr {
			for j := i + 1; j < nr; j++ {
				row := make([]float64, nr)
				row[i], row[j] = 0.5, 0.5
				s.rows = append(s.rows, row)
			}
		}
	}
	s.pass = s.pass[:0]
	for _, row := range s.rows {
		sum := 0.0
		for _, l := range row {
			sum += l
		}
		s.pass = append(s.pass, -routeSlack*sum)
	}
	s.failed = make([]int, nk+1)
	for k := range s.dims {
		for ci := range s.dims[k].choices {
			c := &s.dims[k].choices[ci]
			c.mixes = make([]float64, len(s.rows))
			for r, row := range s.rows {
				c.mixes[r] = mix(row, c.terms)
			}
			s.work += len(s.rows)
		}
	}
	need := make([][][]float64, nk+1)
	need[nk] = make([][]float64, len(s.rows))
	for r := range s.rows {
		need[nk][r] = []float64{0}
	}
	for k := nk - 1; k >= 0; k-- {
		choices := s.dims[k].choices
		most := 0
		for _, c := range choices {
			most = max(most, c.cost)
		}
		need[k] = make([][]float64, len(s.rows))
		for r := range s.rows {
			next := need[k+1][r]
			cur := slices.Repeat([]float64{math.Inf(-1)}, len(next)+most)
			for j, v := range next {
				if s.work += len(choices); math.IsInf(v, -1) {
					continue
				}
				for ci := range choices {
					c := &choices[ci]
					if t := v + c.mixes[r]; t > cur[j+c.cost] {
						cur[j+c.cost] = t
					}
				}
			}
			for j := 1; j < len(cur); j++ { // at most j
				cur[j] = math.Max(cur[j], cur[j-1])
			}
			need[k][r] = cur
			if s.spent() {
				return
			}
		}
	}
	s.need = need
}

// mix is row's weighted sum of values.
func mix(row, values []float64) float64 {
	t := 0.0
	for i, l := range row {
		if l != 0 {
			t += l * values[i]
		}
	}
	return t
}

// fits says whether every bound row, from its sums over the dimensions
// before k, can still pass with at most budget single-question changes on
// the dimensions k...
func (s *routeSearch) fits(k int, rowSums []float64, budget int) bool {
	for r, cells := range s.need[k] {
		if rowSums[r]+cells[min(budget, len(cells)-1)] <= s.pass[r] {
			return false
		}
	}
	return true
}

// childFits is fits for a child: the sums after a choice adding mixes,
// written to next as far as they are worked out. The row that failed
// last at this depth is tried first: most choices fail on the same one.
func (s *routeSearch) childFits(k int, sums, mixes, next []float64, budget int) bool {
	need := s.need[k]
	if r := s.failed[k]; r < len(need) {
		cells := need[r]
		if sums[r]+mixes[r]+cells[min(budget, len(cells)-1)] <= s.pass[r] {
			return false
		}
	}
	for r, cells := range need {
		v := sums[r] + mixes[r]
		if v+cells[min(budget, len(cells)-1)] <= s.pass[r] {
			s.failed[k] = r
			return false
		}
		next[r] = v
	}
	return true
}

// run searches the dimensions k.., with cost single-question changes and
// facts facts among them so far, for a route cheaper than the best found.
// Its shared questions' answers still possible are s.alive[k], the bound
// rows' sums so far s.sums[k] (each rival's margin first).
func (s *routeSearch) run(k, cost, facts int) {
	if s.work++; s.spent() {
		return
	}
	alive, sums := s.alive[k], s.sums[k]
	changed, sharedFacts := s.sharedChanges(alive)
	if facts+sharedFacts > s.limit {
		return
	}
	budget := s.bestCost - 1 - cost - changed // single-question changes the rest may make
	if budget < 0 || !s.fits(k, sums, budget) {
		return
	}
	if k == len(s.dims) {
		if slices.ContainsFunc(sums[:len(s.rivals)], func(v float64) bool { return v <= -routeSlack }) {
			return
		}
		if route := s.realize(alive); s.m.TopRole(route) == s.to {
			s.best, s.bestCost = route, cost+changed
		}
		return
	}
	rd := &s.dims[k]
	next, nextSums := s.alive[k+1], s.sums[k+1]
	for ci := range rd.choices {
		c := &rd.choices[ci]
		if c.cost > budget || s.best != nil {
			break // choices come cheapest first; or a route is found
		}
		if facts+c.facts > s.limit {
			continue
		}
		if !s.childFits(k+1, sums, c.mixes, nextSums, budget-c.cost) {
			s.work++
			continue
		}
		for i := range alive {
			copy(next[i], alive[i])
		}
		possible := true
		for t, si := range rd.touch {
			having := s.vectors[si].having[k][c.projs[t]]
			any := uint64(0)
			for w := range next[si] {
				next[si][w] &= having[w]
				any |= next[si][w]
			}
			possible = possible && any != 0
		}
		if !possible {
			continue // no answer gives a shared question these projections
		}
		s.path[k] = ci
		s.run(k+1, cost+c.cost, facts+c.facts)
		// run wrote deeper levels only: nextSums is still this child's.
	}
}

// sharedChanges counts the shared questions whose answers still possible
// leave out the current one (each has to change), and the facts among
// them. At a leaf, one answer each is left.
func (s *routeSearch) sharedChanges(alive [][]uint64) (changed, facts int) {
	for i, set := range alive {
		cur := s.vectors[i].current
		if cur < 0 || set[cur/64]&(1<<uint(cur%64)) == 0 {
			changed++
			if s.m.bank.Questions[s.shared[i]].Fact {
				facts++
			}
		}
	}
	return changed, facts
}

// realize turns the choices on the path into answers: each single
// question's pick, and each shared question's answer left possible (its
// current one when that is).
func (s *routeSearch) realize(alive [][]uint64) quiz.Answers {
	route := slices.Clone(s.answers)
	for k, ci := range s.path {
		rd := &s.dims[k]
		for _, pk := range rd.choices[ci].picks {
			i := slices.IndexFunc(rd.projs, func(p routeProj) bool { return p.q == pk.q })
			route[pk.q] = rd.projs[i].answers[pk.proj]
		}
	}
	for i, set := range alive {
		if cur := s.vectors[i].current; cur >= 0 && set[cur/64]&(1<<uint(cur%64)) != 0 {
			continue
		}
		for w, word := range set {
			if word != 0 {
				route[s.shared[i]] = s.vectors[i].answers[w*64+bits.TrailingZeros64(word)]
				break
			}
		}
	}
	return route
}

// greedyRoute finds a route the quick way, for the search to beat (and
// to give should the search's budget run out first): change, one at a
// time, the answer that most raises the role's lead over its closest
// rival (facts too only when facts is true); then take back any change
// the route does not need. false when it gets nowhere.
func (m *Model) greedyRoute(answers quiz.Answers, to int, facts bool, s *routeSearch) (quiz.Answers, bool) {
	route := slices.Clone(answers)
	for range len(answers) {
		if m.TopRole(route) == to {
			break
		}
		bestQ, bestA, bestLead := -1, quiz.Answer{}, m.lead(route, to)
		// Each question's other answers are tried on the items of every
		// other question, added up once (not once per answer tried).
		var fixedRest, fixedTry [maxStackDims]accumulator
		rest, try := m.accumulators(&fixedRest), m.accumulators(&fixedTry)
		for qi := range route {
			q := &m.bank.Questions[qi]
			if !route[qi].Set || q.Fact && !facts {
				continue
			}
			if s.spent() {
				break
			}
			clear(rest)
			m.accumulate(rest, route, qi)
			cur := route[qi]
			for _, a := range m.everyAnswer(qi) {
				if a == cur {
					continue
				}
				s.work++
				copy(try, rest)
				m.accumulateOne(try, qi, &a, nil)
				if l := m.leadOf(try, to); l > bestLead+1e-12 {
					bestQ, bestA, bestLead = qi, a, l
				}
			}
		}
		if bestQ < 0 || s.spent() {
			break
		}
		route[bestQ] = bestA
	}
	if m.TopRole(route) != to {
		return nil, false
	}
	for qi := range route {
		if route[qi] == answers[qi] {
			continue
		}
		kept := route[qi]
		route[qi] = answers[qi]
		if m.TopRole(route) != to {
			route[qi] = kept
		}
	}
	return route, true
}
