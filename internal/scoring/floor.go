package scoring

import (
	"math"
	"math/bits"
	"slices"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Limits that keep LeastToDecide bounded on any bank. Past the first two
// it relaxes (its answer stays a lower bound, only a weaker one); past
// the work budget it stops and returns the lower bound it has. Variables
// only so that tests can lower them.
var (
	floorMaxPerDim = 10 // single-dimension questions enumerated on one dimension
	floorMaxShared = 10 // questions measuring several dimensions, enumerated jointly
	// floorBudget counts sums formed and options weighed for reachable
	// scores, terms compared, and search steps: about a quarter of a
	// second at most. The default bank needs under a fifth of it (at most
	// 0.71 million over 300 simulated respondents).
	floorBudget = 1 << 22
)

// LeastToDecide is the fewest questions the short quiz could ask a
// person whose answers are full before its rule decides their top role,
// whatever order it asked them in: the size of the smallest subset of
// full's answers that decides the full form's top role L
// (docs/adaptive.md, "How short it could be"). exact is false when the
// work ran past its budget; n is then a lower bound. When full does not
// decide its own top role (a tie within Tau), the quiz asks everything.
//
// Δ(L, R) is a sum of one term per dimension, and a dimension's term
// depends only on which questions measuring it are answered. So the
// search chooses, dimension by dimension, which of its questions to
// answer (keeping only choices no other beats with as few answers on
// every rival's term), for each subset of the few questions measuring
// several dimensions, and prunes with the fewest answers each rival
// alone would still need.
func (m *Model) LeastToDecide(full quiz.Answers) (n int, exact bool) {
	n, exact, _ = m.leastToDecide(full)
	return n, exact
}

// leastToDecide is LeastToDecide, with the work it did.
func (m *Model) leastToDecide(full quiz.Answers) (n int, exact bool, work int) {
	answered := full.Count()
	whole := m.reaches(full)
	if !m.decide(whole, full).Decided {
		return answered, true, 0
	}
	var res Result
	m.ScoreInto(&res, full)
	f := m.newFloor(full, whole, res.Top())
	switch {
	case f.spent():
		return 0, false, f.work // not even the tables: nothing is known
	case len(f.rivals) == 0:
		return 0, true, f.work // every other role is unscored: nothing to prove
	}

	// best is the fewest found; lower the least any subset of the shared
	// questions could still give.
	best, lower := answered, answered
	for t := range f.sharedSubsets() {
		cost := 0
		if !f.free {
			cost = bits.OnesCount64(t)
		}
		if cost >= best {
			continue
		}
		var s *floorSearch
		if !f.spent() {
			s = f.search(t)
		}
		if s == nil {
			lower = min(lower, cost) // not searched: the singles may add nothing
			continue
		}
		lower = min(lower, cost+s.lower)
		if cost+s.lower < best {
			s.best = best - cost
			s.run(0, 0, make([]float64, len(f.rivals)))
			best = min(best, cost+s.best)
		}
	}
	if f.spent() {
		return min(lower, best), false, f.work
	}
	return best, true, f.work
}

// floor is LeastToDecide's problem: a lead, its rivals, for every
// dimension the reachable scores of every subset of its questions, and
// the work done so far.
type floor struct {
	m      *Model
	lead   int
	rivals []int
	a, b   [][]float64 // a[i][d], b[i][d]: rival i's and the lead's normalized weights on d
	dims   []floorDim
	shared int  // questions measuring several dimensions
	free   bool // too many of those: counted as answered, at no cost
	work   int
}

func (f *floor) spent() bool { return f.work > floorBudget }

// newFloor sets LeastToDecide's problem up; whole is full's reachable
// scores.
func (m *Model) newFloor(full quiz.Answers, whole []reachable, lead int) *floor {
	nd := len(m.bank.Dimensions)
	singles := make([][]int, nd)
	var shared, open []int
	for qi := range m.questions {
		if !full[qi].Set {
			open = append(open, qi) // unanswered in every subset
			continue
		}
		switch dos := m.options()[qi]; len(dos) {
		case 0:
		case 1:
			singles[dos[0].dim] = append(singles[dos[0].dim], qi)
		default:
			shared = append(shared, qi)
		}
	}
	f := &floor{m: m, lead: lead, shared: len(shared), free: len(shared) > floorMaxShared}
	wl := m.profileWeight(whole, lead)
	for r := range m.roles {
		wr := m.profileWeight(whole, r)
		if r == lead || wr == 0 {
			continue // an unscored role never ranks above the lead
		}
		a, b := make([]float64, nd), make([]float64, nd)
		for d := range nd {
			a[d], b[d] = m.weight[r][d]/wr, m.weight[lead][d]/wl
		}
		f.rivals = append(f.rivals, r)
		f.a, f.b = append(f.a, a), append(f.b, b)
	}
	f.dims = make([]floorDim, nd)
	for d := range nd {
		if f.dims[d] = f.dim(d, full, singles[d], shared, open); f.spent() {
			break
		}
	}
	return f
}

// sharedSubsets yields every subset of the shared questions (only the
// empty one when they are free).
func (f *floor) sharedSubsets() func(func(uint64) bool) {
	return func(yield func(uint64) bool) {
		n := uint64(1) << uint(f.shared)
		if f.free {
			n = 1
		}
		for t := uint64(0); t < n; t++ {
			if !yield(t) {
				return
			}
		}
	}
}

// floorDim is one dimension's reachable scores for every subset of the
// questions measuring it: reach[u][x], u a subset of the shared
// questions touching it (compacted: bit i is touch[i] of the bank-wide
// shared list), x a subset of its single questions.
type floorDim struct {
	touch []int
	free  bool // shared questions counted as answered and free
	relax bool // too many singles: every subset scored as if all were answered
	reach [][]reachable
}

func (f *floor) dim(d int, full quiz.Answers, singles, shared, open []int) floorDim {
	m := f.m
	fd := floorDim{free: f.free, relax: len(singles) > floorMaxPerDim}
	var touching []int
	for i, qi := range shared {
		if slices.ContainsFunc(m.options()[qi], func(do dimOptions) bool { return do.dim == d }) {
			fd.touch = append(fd.touch, i)
			touching = append(touching, qi)
		}
	}
	nx, nu := 1<<uint(len(singles)), 1<<uint(len(touching))
	if fd.relax {
		nx = 1
	}
	if fd.free {
		nu = 1
	}
	// add places question qi on d in rc: its answer in full when
	// answered, else all its options.
	add := func(rc *reachable, qi int, answered bool) {
		if answered {
			for _, it := range m.Items(nil, qi, full[qi]) {
				if it.Dimension == d {
					rc.answeredW += it.Weight
					rc.answeredWP += it.Weight * it.Position
				}
			}
			return
		}
		for _, do := range m.options()[qi] {
			if do.dim == d {
				rc.touching = append(rc.touching, qi)
				rc.optionsByQ = append(rc.optionsByQ, do.opts)
				if len(m.options()[qi]) > 1 {
					rc.shared++
				}
			}
		}
	}
	fd.reach = make([][]reachable, nu)
	for u := range nu {
		fd.reach[u] = make([]reachable, nx)
		for x := range nx {
			var rc reachable
			for i, qi := range touching {
				add(&rc, qi, fd.free || u&(1<<uint(i)) != 0)
			}
			for i, qi := range singles {
				add(&rc, qi, fd.relax || x&(1<<uint(i)) != 0)
			}
			for _, qi := range open {
				add(&rc, qi, false)
			}
			rc.settle()
			fd.reach[u][x] = rc
			if f.work += rc.work; f.spent() {
				return fd
			}
		}
	}
	return fd
}

// local is the subset of fd's shared questions in the bank-wide subset t.
func (fd floorDim) local(t uint64) int {
	if fd.free {
		return 0
	}
	u := 0
	for i, b := range fd.touch {
		if t&(1<<uint(b)) != 0 {
			u |= 1 << uint(i)
		}
	}
	return u
}

// floorChoice is one way to answer a dimension's own questions: how
// many, and the term it leaves on each rival's margin.
type floorChoice struct {
	k     int
	terms []float64
}

// floorSearch looks for the fewest single questions that, with the
// shared questions in one subset answered, decide the lead.
type floorSearch struct {
	f       *floor
	choices [][]floorChoice // per dimension, fewest answers first
	// need[d][i][j]: the largest sum of rival i's terms over dimensions
	// d.. with j answers there in all (−Inf when none reach it).
	need  [][][]float64
	lower int // the fewest answers any one rival needs: a lower bound
	best  int // the fewest found
}

// search prepares the search for the shared subset t, or returns nil
// when the budget runs out first.
func (f *floor) search(t uint64) *floorSearch {
	nr, nd := len(f.rivals), len(f.dims)
	s := &floorSearch{f: f, choices: make([][]floorChoice, nd)}
	for d, fd := range f.dims {
		row := fd.reach[fd.local(t)]
		all := make([]floorChoice, len(row))
		for x, rc := range row {
			c := floorChoice{k: bits.OnesCount(uint(x)), terms: make([]float64, nr)}
			if fd.relax {
				c.k = 0 // every subset scored as the whole set: count none
			}
			for i, r := range f.rivals {
				a, b := f.a[i][d], f.b[i][d]
				switch {
				case rc.never || a == 0 && b == 0:
				case !rc.scored:
					c.terms[i] = math.Inf(-1)
				default:
					c.terms[i] = minTerm(rc, a, f.m.target[r][d], b, f.m.target[f.lead][d])
				}
			}
			all[x] = c
		}
		s.choices[d] = f.undominated(all)
		if f.spent() {
			return nil
		}
	}
	// Suffix tables, rival by rival: a knapsack on the count.
	s.need = make([][][]float64, nd+1)
	s.need[nd] = make([][]float64, nr)
	for i := range nr {
		s.need[nd][i] = []float64{0}
	}
	for d := nd - 1; d >= 0; d-- {
		s.need[d] = make([][]float64, nr)
		kmax := 0
		for _, c := range s.choices[d] {
			kmax = max(kmax, c.k)
		}
		for i := range nr {
			next := s.need[d+1][i]
			cur := slices.Repeat([]float64{math.Inf(-1)}, len(next)+kmax)
			for j, v := range next {
				if math.IsInf(v, -1) {
					continue
				}
				for _, c := range s.choices[d] {
					cur[j+c.k] = math.Max(cur[j+c.k], v+c.terms[i])
				}
			}
			s.need[d][i] = cur
			if f.work += len(next) * len(s.choices[d]); f.spent() {
				return nil
			}
		}
	}
	for i := range nr {
		s.lower = max(s.lower, fewestReaching(s.need[0][i], 0))
	}
	return s
}

// fewestReaching is the fewest answers j with have + sums[j] > Tau, or
// a count larger than any bank's when none.
func fewestReaching(sums []float64, have float64) int {
	for j, v := range sums {
		if have+v > Tau {
			return j
		}
	}
	return math.MaxInt / 2
}

// run is a depth-first search over dimensions d.., with count answers
// chosen so far and sums the rivals' margins so far, for fewer answers
// than s.best.
func (s *floorSearch) run(d, count int, sums []float64) {
	if s.f.work++; s.f.spent() {
		return
	}
	still := 0
	for i, have := range sums {
		still = max(still, fewestReaching(s.need[d][i], have))
	}
	if count+still >= s.best {
		return
	}
	if d == len(s.choices) {
		s.best = count // every rival's margin is above Tau
		return
	}
	next := make([]float64, len(sums))
	for _, c := range s.choices[d] {
		if count+c.k >= s.best {
			break // choices come fewest answers first
		}
		for i := range sums {
			next[i] = sums[i] + c.terms[i]
		}
		s.run(d+1, count+c.k, next)
	}
}

// undominated keeps the choices no other matches or beats on every
// rival's term with as few answers (the first of equal ones), fewest
// answers first.
func (f *floor) undominated(all []floorChoice) []floorChoice {
	slices.SortStableFunc(all, func(x, y floorChoice) int { return x.k - y.k })
	var keep []floorChoice
	for _, c := range all {
		f.work += len(keep)
		dominated := slices.ContainsFunc(keep, func(o floorChoice) bool {
			for i := range c.terms {
				if o.terms[i] < c.terms[i] {
					return false
				}
			}
			return true
		})
		if !dominated {
			keep = append(keep, c)
		}
	}
	return keep
}
