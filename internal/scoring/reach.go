package scoring

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/pmfit/pmfit/internal/quiz"
)

// BestCase searches for the answers that rank role r first by the widest
// margin over the best other role: `pmfit validate` uses it to find
// roles no honest answers can reach, and `pmfit analyze` to show the
// profile each role wins most with.
//
// The search works on blocks of questions. A dimension block is every
// question that places a person on one dimension only; the answers to
// them together reach a finite set of scores, enumerated once by dynamic
// programming, so the search can move that dimension straight to any
// score it can reach. Every other question (a multi-select, or a single
// choice scoring several dimensions) is a block of its own, tried answer
// by answer. Coordinate ascent over the blocks starts from the answers
// nearest r's targets and from seeded random answers, within a fixed
// budget of work, so a bank of any size is searched in bounded time. It
// is a search, not a proof: when it returns answers that do not rank r
// first, none were found.
func (m *Model) BestCase(r int) (quiz.Answers, Result) {
	s := m.newReach(r)
	s.search()
	answers := s.answers(s.best)
	return answers, m.Score(answers, Options{})
}

// The search's bounds.
const (
	reachStates = 2048 // scores kept per dimension block
	reachStarts = 16   // seeded random starts after the one near r's targets
	reachSweeps = 50   // sweeps over all blocks per start, at most
	// reachWork bounds the fit terms (one role's distance on one
	// dimension) evaluated for all of a bank's roles together, and
	// reachMinWork each role's share from below: each of 100 roles gets
	// 2·10⁶, so checking every role of the largest bank allowed takes
	// about two seconds (measured: 100 roles, 500 questions on an
	// 11-point scale, 1.9 s). A search usually settles long before its
	// budget.
	reachWork    = 200_000_000
	reachMinWork = 2_000_000
	reachSubsets = 256 // multi-selects with more answers than this try one-option changes
)

// reach is one BestCase search.
type reach struct {
	m      *Model
	r      int
	nd, nr int
	target []float64 // nr×nd: role targets
	weight []float64 // nr×nd: role weights, 0 off the profile

	dims    []dimBlock
	coupled []coupledBlock

	cur      position
	best     position
	bestLead float64
	work     int // fit terms evaluated so far
	budget   int // fit terms the search may evaluate
}

// position is a point of the search: a state per dimension block and an
// answer per coupled block.
type position struct {
	state  []int
	answer []quiz.Answer
}

func (p position) clone() position {
	return position{state: append([]int(nil), p.state...), answer: append([]quiz.Answer(nil), p.answer...)}
}

// dimBlock is the questions measuring one dimension only.
type dimBlock struct {
	dim       int
	questions []int
	layers    [][]reachState // layers[k]: states after the first k+1 questions
}

// reachState is the questions' joint weight and weighted sum of
// positions, and how it was reached.
type reachState struct {
	w, wp  float64
	parent int32 // state in the previous layer
	choice int32 // answer to this layer's question
}

type coupledBlock struct {
	question int
	answers  []quiz.Answer // every answer worth trying; nil: one-option changes
}

func (m *Model) newReach(r int) *reach {
	b := m.bank
	s := &reach{m: m, r: r, nd: len(b.Dimensions), nr: len(b.Roles), bestLead: math.Inf(-1),
		budget: max(reachMinWork, reachWork/max(1, len(b.Roles)))}
	s.target = make([]float64, s.nr*s.nd)
	s.weight = make([]float64, s.nr*s.nd)
	for ri, profile := range m.roles {
		for _, t := range profile {
			s.target[ri*s.nd+t.Dimension] = t.Target
			s.weight[ri*s.nd+t.Dimension] = t.Weight
		}
	}
	for qi := range b.Questions {
		if _, ok := m.onlyDimension(qi); !ok {
			s.coupled = append(s.coupled, coupledBlock{question: qi, answers: m.wholeAnswers(qi)})
		}
	}
	s.dims = m.dimBlocks()
	return s
}

// dimBlocks are the bank's dimension blocks, built on first use and
// shared, read-only, by every search.
func (m *Model) dimBlocks() []dimBlock {
	m.blocksOnce.Do(func() {
		byDim := map[int][]int{}
		for qi := range m.bank.Questions {
			if d, ok := m.onlyDimension(qi); ok {
				byDim[d] = append(byDim[d], qi)
			}
		}
		for d := range m.bank.Dimensions {
			if qs := byDim[d]; len(qs) > 0 {
				m.blocks = append(m.blocks, m.dimBlock(d, qs))
			}
		}
	})
	return m.blocks
}

// onlyDimension reports the one dimension question qi can place a person
// on, when there is exactly one.
func (m *Model) onlyDimension(qi int) (int, bool) {
	q := &m.bank.Questions[qi]
	if q.Kind == quiz.Multi || len(q.Dimensions) != 1 {
		return 0, false
	}
	return q.Dimensions[0], true
}

// choices lists every answer to a one-dimension question with what it
// adds to dimension d.
func (m *Model) choices(qi, d int) []reachState {
	q := &m.bank.Questions[qi]
	var out []reachState
	add := func(a quiz.Answer) {
		st := reachState{choice: int32(len(out))}
		if pos, ok := m.ItemPosition(qi, a, d); ok {
			st.w, st.wp = m.questions[qi].weight, m.questions[qi].weight*pos
		}
		out = append(out, st)
	}
	if q.Kind == quiz.Likert {
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			add(quiz.Answer{Set: true, Level: v})
		}
	} else {
		for i := range q.Options {
			add(quiz.Answer{Set: true, Choice: i})
		}
	}
	return out
}

// answerOf is the answer a choice index stands for.
func (m *Model) answerOf(qi, choice int) quiz.Answer {
	q := &m.bank.Questions[qi]
	if q.Kind == quiz.Likert {
		return quiz.Answer{Set: true, Level: q.Scale.Min + choice}
	}
	return quiz.Answer{Set: true, Choice: choice}
}

// dimBlock enumerates the (weight, sum) pairs the questions qs reach on
// d, keeping at most reachStates per layer, evenly spread over the
// scores they give, the lowest and highest always among them.
func (m *Model) dimBlock(d int, qs []int) dimBlock {
	blk := dimBlock{dim: d, questions: qs}
	prev := []reachState{{parent: -1, choice: -1}}
	for _, qi := range qs {
		cs := m.choices(qi, d)
		seen := make(map[[2]int64]bool, len(prev)*len(cs))
		var layer []reachState
		for pi, p := range prev {
			for _, c := range cs {
				st := reachState{w: p.w + c.w, wp: p.wp + c.wp, parent: int32(pi), choice: c.choice}
				key := [2]int64{int64(math.Round(st.w * 1e6)), int64(math.Round(st.wp * 1e6))}
				if !seen[key] {
					seen[key] = true
					layer = append(layer, st)
				}
			}
		}
		if len(layer) > reachStates {
			sort.SliceStable(layer, func(i, j int) bool { return stateScore(layer[i]) < stateScore(layer[j]) })
			thin := make([]reachState, reachStates)
			for i := range thin {
				thin[i] = layer[i*(len(layer)-1)/(reachStates-1)]
			}
			layer = thin
		}
		blk.layers = append(blk.layers, layer)
		prev = layer
	}
	return blk
}

func stateScore(s reachState) float64 {
	if s.w == 0 {
		return -1
	}
	return s.wp / s.w
}

func (b *dimBlock) final() []reachState { return b.layers[len(b.layers)-1] }

// wholeAnswers lists every answer to a coupled question, or nil when a
// multi-select has too many to try each.
func (m *Model) wholeAnswers(qi int) []quiz.Answer {
	return m.bank.Questions[qi].EveryAnswer(reachSubsets)
}

// candidates are the answers a coupled block tries from its current one.
func (s *reach) candidates(c *coupledBlock, cur quiz.Answer) []quiz.Answer {
	if c.answers != nil {
		return c.answers
	}
	q := &s.m.bank.Questions[c.question]
	var out []quiz.Answer
	for i := range q.Options {
		for _, p := range []uint64{cur.Picks ^ 1<<uint(i), 1 << uint(i)} {
			if q.ValidPicks(p) {
				out = append(out, quiz.Answer{Set: true, Picks: p})
			}
		}
	}
	return out
}

// totals adds up each dimension's weight and weighted sum at p.
func (s *reach) totals(p position, w, wp []float64) {
	clear(w)
	clear(wp)
	for bi := range s.dims {
		blk := &s.dims[bi]
		st := blk.final()[p.state[bi]]
		w[blk.dim] += st.w
		wp[blk.dim] += st.wp
	}
	var items [8]Item
	for ci, c := range s.coupled {
		for _, it := range s.m.Items(items[:0], c.question, p.answer[ci]) {
			w[it.Dimension] += it.Weight
			wp[it.Dimension] += it.Weight * it.Position
		}
	}
}

// lead is r's fit minus the best other role's fit, given the dimension
// totals.
func (s *reach) lead(w, wp []float64) float64 {
	mine, other := math.Inf(-1), math.Inf(-1)
	for ri, profile := range s.m.roles {
		var num, den float64
		for _, t := range profile {
			if w[t.Dimension] > 0 {
				diff := wp[t.Dimension]/w[t.Dimension] - t.Target
				num += t.Weight * diff * diff
				den += t.Weight
			}
		}
		s.work += len(profile)
		fit := math.Inf(-1)
		if den > 0 {
			fit = 100 - math.Sqrt(num/den)
		}
		if ri == s.r {
			mine = fit
		} else {
			other = math.Max(other, fit)
		}
	}
	return mine - other
}

// spent reports that the search's budget is used up.
func (s *reach) spent() bool { return s.work >= s.budget }

func (s *reach) search() {
	s.cur = position{state: make([]int, len(s.dims)), answer: make([]quiz.Answer, len(s.coupled))}
	s.startNearTargets()
	s.climb()
	rng := rand.New(rand.NewPCG(uint64(s.r), 0x7265616368)) // "reach"
	for start := 0; start < reachStarts && !s.spent(); start++ {
		for bi := range s.dims {
			s.cur.state[bi] = rng.IntN(len(s.dims[bi].final()))
		}
		for ci := range s.coupled {
			cands := s.candidates(&s.coupled[ci], s.m.closest(s.coupled[ci].question, s.r))
			s.cur.answer[ci] = cands[rng.IntN(len(cands))]
		}
		s.climb()
	}
}

// startNearTargets puts every dimension block at the score nearest r's
// target (the middle, 50, off r's profile) and every coupled question at
// the answer nearest r's targets.
func (s *reach) startNearTargets() {
	for bi := range s.dims {
		blk := &s.dims[bi]
		want := 50.0
		if s.weight[s.r*s.nd+blk.dim] > 0 {
			want = s.target[s.r*s.nd+blk.dim]
		}
		best, bestDist := 0, math.Inf(1)
		for i, st := range blk.final() {
			if dist := math.Abs(stateScore(st) - want); dist < bestDist {
				best, bestDist = i, dist
			}
		}
		s.cur.state[bi] = best
	}
	for ci, c := range s.coupled {
		s.cur.answer[ci] = s.m.closest(c.question, s.r)
	}
}

// climb improves the current position one block at a time until no
// block's move widens the lead (or the budget is spent), recording the
// best position seen. Each move is tried by adding its difference to the
// dimension totals, evaluating, and taking it back.
func (s *reach) climb() {
	w, wp := make([]float64, s.nd), make([]float64, s.nd)
	s.totals(s.cur, w, wp)
	lead := s.lead(w, wp)
	var items [16]Item
	shift := func(qi int, a quiz.Answer, sign float64) {
		for _, it := range s.m.Items(items[:0], qi, a) {
			w[it.Dimension] += sign * it.Weight
			wp[it.Dimension] += sign * it.Weight * it.Position
		}
	}
	for sweep := 0; sweep < reachSweeps && !s.spent(); sweep++ {
		improved := false
		for bi := range s.dims {
			blk := &s.dims[bi]
			old := blk.final()[s.cur.state[bi]]
			keep := s.cur.state[bi]
			for i, st := range blk.final() {
				if s.spent() {
					break
				}
				w[blk.dim] += st.w - old.w
				wp[blk.dim] += st.wp - old.wp
				if l := s.lead(w, wp); l > lead+1e-9 {
					lead, keep, improved = l, i, true
				}
				w[blk.dim] -= st.w - old.w
				wp[blk.dim] -= st.wp - old.wp
			}
			s.cur.state[bi] = keep
			kept := blk.final()[keep]
			w[blk.dim] += kept.w - old.w
			wp[blk.dim] += kept.wp - old.wp
		}
		for ci := range s.coupled {
			c := &s.coupled[ci]
			keep := s.cur.answer[ci]
			shift(c.question, keep, -1)
			for _, a := range s.candidates(c, keep) {
				if s.spent() {
					break
				}
				shift(c.question, a, 1)
				if l := s.lead(w, wp); l > lead+1e-9 {
					lead, keep, improved = l, a, true
				}
				shift(c.question, a, -1)
			}
			s.cur.answer[ci] = keep
			shift(c.question, keep, 1)
		}
		if !improved {
			break
		}
	}
	if lead > s.bestLead {
		s.bestLead, s.best = lead, s.cur.clone()
	}
}

// answers turns a position back into an answer set.
func (s *reach) answers(p position) quiz.Answers {
	answers := s.m.bank.NewAnswers()
	for bi := range s.dims {
		blk := &s.dims[bi]
		idx := p.state[bi]
		for layer := len(blk.layers) - 1; layer >= 0; layer-- {
			st := blk.layers[layer][idx]
			qi := blk.questions[layer]
			answers[qi] = s.m.answerOf(qi, int(st.choice))
			idx = int(st.parent)
		}
	}
	for ci, c := range s.coupled {
		answers[c.question] = p.answer[ci]
	}
	return answers
}

// closest is the answer to question qi whose positions sit nearest role
// r's targets, weighted as r's fit weighs them; the first answer when
// none places the person on r's profile.
func (m *Model) closest(qi, r int) quiz.Answer {
	target := map[int]quiz.Target{}
	for _, t := range m.roles[r] {
		target[t.Dimension] = t
	}
	q := &m.bank.Questions[qi]
	var cands []quiz.Answer
	switch q.Kind {
	case quiz.Likert:
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			cands = append(cands, quiz.Answer{Set: true, Level: v})
		}
	case quiz.Single:
		for i := range q.Options {
			cands = append(cands, quiz.Answer{Set: true, Choice: i})
		}
	default:
		for i := range q.Options {
			cands = append(cands, quiz.Answer{Set: true, Picks: 1 << uint(i)})
		}
		if all := m.wholeAnswers(qi); all != nil {
			cands = all
		}
	}
	best, bestCost := cands[0], math.Inf(1)
	var items [8]Item
	for _, a := range cands {
		cost := 0.0
		for _, it := range m.Items(items[:0], qi, a) {
			if t, ok := target[it.Dimension]; ok {
				diff := it.Position - t.Target
				cost += t.Weight * diff * diff
			}
		}
		if cost < bestCost {
			best, bestCost = a, cost
		}
	}
	return best
}
