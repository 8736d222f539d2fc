package scoring

import (
	"math"
	"math/bits"
	"slices"
	"sort"

	"github.com/pmfit/pmfit/internal/quiz"
)

// The short quiz (docs/adaptive.md): after some answers, prove that no
// way of answering the rest can change which role ranks first, and stop.
//
// For roles L and R, with every dimension of their profiles certain to be
// scored, L beats R exactly when R's weighted mean squared distance D_R
// exceeds L's D_L, and D_R − D_L is a sum of one-dimension terms
//
//	f_d(S) = a_d (S − t^R_d)² − b_d (S − t^L_d)²,  a_d = W^R_d/ΣW^R, b_d = W^L_d/ΣW^L.
//
// Its least value over every completion of the unanswered questions is at
// least Δ(L,R) = Σ_d min f_d(S) over the scores S dimension d can still
// reach. When Δ(L,R) > Tau for every other role R, L ranks first whatever
// the rest of the answers: fit_L − fit_R = (D_R − D_L)/(√D_R + √D_L) >
// Tau/200, more than the ranking's rounding.

// Tau is the margin, in squared points, by which D_R − D_L must stay
// positive: with √D ≤ 100 it keeps every fit difference above 1e-4,
// far above the 1e-6 to which fits are rounded before they are ranked.
const Tau = 0.02

// maxExactStates bounds the distinct (weighted sum, weight) pairs an
// exact reachable set may hold, and maxExactWork the sums formed to find
// them; past either, a dimension's reachable scores are bounded by an
// interval instead (sound, only looser). The work bound keeps the short
// quiz's planner, which works the sets out again for every question it
// weighs, within seconds on the largest bank allowed (500 questions on
// an 11-point scale: hundreds of unanswered questions on one dimension).
// The built-in bank forms at most a few thousand sums per dimension.
const (
	maxExactStates = 4096
	maxExactWork   = 1 << 16
)

// Decision says whether the top role is settled by the answers so far.
type Decision struct {
	Decided bool
	Top     int // the role that ranks first whatever the rest, or -1
	// Contenders are the roles not yet ruled out, in bank order: a role is
	// ruled out once another is proved to beat it whatever the rest of
	// the answers. When Decided, Top alone.
	Contenders []int
	// Exact reports that every dimension's reachable scores were computed
	// exactly (each unanswered question measuring it measures it alone):
	// then an undecided result has a completion where another role wins
	// or comes within Tau of the top one (Witness builds it).
	Exact bool
	// Asked and Remaining count the questions answered and not.
	Asked, Remaining int
}

// option is what one answer of a question adds to one dimension's sums.
type option struct{ x, y float64 } // weight × position, weight

// reachable is the set of scores a dimension can still reach.
type reachable struct {
	scored     bool // certain to be scored whatever the rest
	never      bool // certain to stay unscored
	exact      bool
	vals       []float64 // exact: the reachable scores, sorted
	lo, hi     float64
	touching   []int // unanswered questions measuring this dimension
	answeredW  float64
	answeredWP float64
	optionsByQ [][]option // for each of touching, its possible additions
	shared     int        // questions in touching that measure other dimensions too
	// work is what settle did: the sums it formed, or the options it
	// weighed, for callers that keep a budget (LeastToDecide).
	work int
}

// Decide says whether the top role is settled by answers.
func (m *Model) Decide(answers quiz.Answers) Decision {
	reaches := m.reaches(answers)
	return m.decide(reaches, answers)
}

func (m *Model) decide(reaches []reachable, answers quiz.Answers) Decision {
	d := Decision{Top: -1, Exact: true}
	for qi := range answers {
		if answers[qi].Set {
			d.Asked++
		} else {
			d.Remaining++
		}
	}
	for _, r := range reaches {
		if !r.exact {
			d.Exact = false
		}
	}
	nr := len(m.roles)
	ruledOut := make([]bool, nr)
	for l := 0; l < nr; l++ {
		beatsAll := true
		for r := 0; r < nr; r++ {
			if r == l {
				continue
			}
			if m.delta(reaches, l, r) > Tau {
				ruledOut[r] = true
			} else {
				beatsAll = false
			}
		}
		if beatsAll && d.Top < 0 {
			d.Decided, d.Top = true, l
		}
	}
	if d.Decided {
		d.Contenders = []int{d.Top}
		return d
	}
	for r := 0; r < nr; r++ {
		if !ruledOut[r] {
			d.Contenders = append(d.Contenders, r)
		}
	}
	return d
}

// delta is Δ(l, r): a lower bound on D_r − D_l over every completion, or
// −Inf when a dimension either role weighs may or may not end up scored.
func (m *Model) delta(reaches []reachable, l, r int) float64 {
	// profileWeight's sums, in the same pass as the check: the planner
	// calls this for every question and rival.
	var wl, wr float64
	for dim, rc := range reaches {
		if rc.never {
			continue
		}
		if !rc.scored && (m.weight[l][dim] > 0 || m.weight[r][dim] > 0) {
			return math.Inf(-1)
		}
		wl += m.weight[l][dim]
		wr += m.weight[r][dim]
	}
	switch {
	case wl == 0:
		return math.Inf(-1) // l is unscored: it cannot rank first
	case wr == 0:
		return math.Inf(1) // r is unscored: it ranks last
	}
	total := 0.0
	for dim, rc := range reaches {
		if rc.never {
			continue
		}
		a, b := m.weight[r][dim]/wr, m.weight[l][dim]/wl
		if a == 0 && b == 0 {
			continue
		}
		total += minTerm(rc, a, m.target[r][dim], b, m.target[l][dim])
	}
	return total
}

// profileWeight is the total weight role r's profile puts on the
// dimensions that may be scored: the denominator of its D in every
// completion, once each of those is certain to be scored.
func (m *Model) profileWeight(reaches []reachable, r int) float64 {
	w := 0.0
	for dim, rc := range reaches {
		if !rc.never {
			w += m.weight[r][dim]
		}
	}
	return w
}

// term is f(S) = a (S − tr)² − b (S − tl)².
func term(s, a, tr, b, tl float64) float64 {
	return a*(s-tr)*(s-tr) - b*(s-tl)*(s-tl)
}

// minTerm is the least value of the term over a dimension's reachable
// scores: a quadratic, lowest at an end of the set, or, when it curves
// up, next to its vertex.
func minTerm(rc reachable, a, tr, b, tl float64) float64 {
	c2 := a - b
	vertex := math.NaN()
	if c2 > 0 {
		vertex = (a*tr - b*tl) / c2
	}
	if rc.exact {
		best := math.Min(term(rc.vals[0], a, tr, b, tl), term(rc.vals[len(rc.vals)-1], a, tr, b, tl))
		if !math.IsNaN(vertex) {
			i := sort.SearchFloat64s(rc.vals, vertex)
			for _, j := range []int{i - 1, i} {
				if j >= 0 && j < len(rc.vals) {
					best = math.Min(best, term(rc.vals[j], a, tr, b, tl))
				}
			}
		}
		return best
	}
	best := math.Min(term(rc.lo, a, tr, b, tl), term(rc.hi, a, tr, b, tl))
	if !math.IsNaN(vertex) && vertex > rc.lo && vertex < rc.hi {
		best = math.Min(best, term(vertex, a, tr, b, tl))
	}
	return best
}

// reaches works out, for every dimension, the scores it can still reach.
func (m *Model) reaches(answers quiz.Answers) []reachable {
	return m.reachesReusing(answers, nil, nil)
}

// reachesReusing is reaches, keeping prev's entry for every dimension
// not marked changed (no question measuring it answered since prev was
// worked out): a dimension's reachable scores depend on its own answers
// alone, so the result is the same as reaches', for less work.
func (m *Model) reachesReusing(answers quiz.Answers, prev []reachable, changed []bool) []reachable {
	var fixed [maxStackDims]accumulator
	acc := m.accumulators(&fixed)
	clear(acc)
	m.accumulate(acc, answers, -1)
	out := make([]reachable, len(m.bank.Dimensions))
	fresh := func(d int) bool { return prev == nil || changed[d] }
	for d := range out {
		if !fresh(d) {
			out[d] = prev[d]
			continue
		}
		out[d].answeredW, out[d].answeredWP = acc[d].w, acc[d].wp
	}
	for qi := range m.questions {
		if answers[qi].Set {
			continue
		}
		for _, do := range m.options()[qi] {
			if !fresh(do.dim) {
				continue
			}
			rc := &out[do.dim]
			rc.touching = append(rc.touching, qi)
			rc.optionsByQ = append(rc.optionsByQ, do.opts)
			if len(m.options()[qi]) > 1 {
				rc.shared++
			}
		}
	}
	for d := range out {
		if fresh(d) {
			out[d].settle()
		}
	}
	return out
}

// answering is reaches after question qi is answered with the additions
// in extra (one per dimension qi measures): only those dimensions change.
func (m *Model) answering(base []reachable, qi int, extra []option) []reachable {
	out := slices.Clone(base)
	for i, do := range m.options()[qi] {
		rc := out[do.dim] // a copy: base's slices are not touched
		rc.answeredW += extra[i].y
		rc.answeredWP += extra[i].x
		j := slices.Index(rc.touching, qi)
		rc.touching = slices.Delete(slices.Clone(rc.touching), j, j+1)
		rc.optionsByQ = slices.Delete(slices.Clone(rc.optionsByQ), j, j+1)
		if len(m.options()[qi]) > 1 {
			rc.shared--
		}
		rc.settle()
		out[do.dim] = rc
	}
	return out
}

// dimOptions are what each answer to a question adds to one dimension.
type dimOptions struct {
	dim  int
	opts []option
}

// options lists, for every question, what each of its answers adds to
// each dimension it can place the person on, worked out once per model.
func (m *Model) options() [][]dimOptions {
	m.optionsOnce.Do(func() {
		m.opts = make([][]dimOptions, len(m.questions))
		for qi := range m.questions {
			byDim := m.questionOptions(qi)
			dims := make([]int, 0, len(byDim))
			for d := range byDim {
				dims = append(dims, d)
			}
			slices.Sort(dims)
			for _, d := range dims {
				m.opts[qi] = append(m.opts[qi], dimOptions{dim: d, opts: byDim[d]})
			}
		}
	})
	return m.opts
}

// questionOptions lists, for each dimension question qi can place the
// person on, what each of its answers adds to that dimension's sums
// (an answer that places it nowhere on the dimension adds nothing).
func (m *Model) questionOptions(qi int) map[int][]option {
	q := &m.questions[qi]
	byDim := map[int][]option{}
	switch q.kind {
	case quiz.Single, quiz.Likert:
		dims := map[int]bool{}
		for _, cs := range q.choices {
			for _, c := range cs {
				dims[c.dim] = true
			}
		}
		for d := range dims {
			var opts []option
			for _, cs := range q.choices {
				o := option{}
				for _, c := range cs {
					if c.dim == d {
						o = option{x: c.wp, y: c.w}
					}
				}
				opts = append(opts, o)
			}
			byDim[d] = dedupeOptions(opts)
		}
	case quiz.Multi:
		bq := &m.bank.Questions[qi]
		choosable := len(bq.Options) // options that may be ticked with others
		if bq.None >= 0 {
			choosable--
		}
		for _, ci := range q.counts {
			var opts []option
			for _, c := range ci.byTicks[1:] { // any number of its options ticked
				opts = append(opts, option{x: c.wp, y: c.w})
			}
			if int(ci.n) < choosable { // or none of them, with another ticked
				opts = append(opts, option{x: ci.byTicks[0].wp, y: ci.byTicks[0].w})
			}
			if q.none != 0 {
				opts = append(opts, option{x: ci.noneOf.wp, y: ci.noneOf.w})
			}
			byDim[ci.dim] = dedupeOptions(opts)
		}
	}
	return byDim
}

func dedupeOptions(opts []option) []option {
	slices.SortFunc(opts, func(a, b option) int {
		if a.y != b.y {
			return cmpFloat(a.y, b.y)
		}
		return cmpFloat(a.x, b.x)
	})
	return slices.Compact(opts)
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// settle works out the reachable scores from the answered sums and the
// unanswered questions' options: exactly when every question involved
// measures this dimension alone and the distinct sums stay few, else as
// an interval (a sound bound).
func (rc *reachable) settle() {
	rc.scored, rc.never, rc.exact, rc.vals, rc.work = false, false, false, nil, len(rc.optionsByQ)
	minY, maxY := rc.answeredW, rc.answeredW
	for _, opts := range rc.optionsByQ {
		minY += opts[0].y // sorted by weight first
		maxY += opts[len(opts)-1].y
	}
	switch {
	case maxY == 0:
		rc.never = true
		return
	case minY == 0:
		return // may or may not be scored
	}
	rc.scored = true
	if rc.shared == 0 {
		if vals, ok := rc.exactScores(); ok {
			rc.exact, rc.vals = true, vals
			rc.lo, rc.hi = vals[0], vals[len(vals)-1]
			return
		}
	}
	rc.lo = rc.extreme(1)
	rc.hi = rc.extreme(-1)
}

// exactScores enumerates the distinct sums the unanswered questions can
// add, and so every score the dimension can reach.
func (rc *reachable) exactScores() ([]float64, bool) {
	sums := []option{{x: rc.answeredWP, y: rc.answeredW}}
	start := rc.work
	for _, opts := range rc.optionsByQ {
		if rc.work += len(sums) * len(opts); rc.work-start > maxExactWork {
			return nil, false
		}
		next := make([]option, 0, len(sums)*len(opts))
		for _, s := range sums {
			for _, o := range opts {
				next = append(next, option{x: s.x + o.x, y: s.y + o.y})
			}
		}
		sums = dedupeSums(next)
		if len(sums) > maxExactStates {
			return nil, false
		}
	}
	vals := make([]float64, 0, len(sums))
	for _, s := range sums {
		vals = append(vals, s.x/s.y)
	}
	slices.Sort(vals)
	return slices.CompactFunc(vals, func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }), true
}

// dedupeSums drops sums equal up to floating-point noise.
func dedupeSums(s []option) []option {
	slices.SortFunc(s, func(a, b option) int {
		if c := cmpFloat(a.y, b.y); c != 0 {
			return c
		}
		return cmpFloat(a.x, b.x)
	})
	return slices.CompactFunc(s, func(a, b option) bool { return math.Abs(a.x-b.x) < 1e-9 && math.Abs(a.y-b.y) < 1e-9 })
}

// extreme is the lowest (sign +1) or highest (−1) score reachable,
// ignoring that one question may place the person on several dimensions
// at once: a ratio of sums, optimized by Dinkelbach's iteration (each
// step picks, per question, the answer best for the current ratio).
func (rc *reachable) extreme(sign float64) float64 {
	lambda := 50.0
	if rc.answeredW > 0 {
		lambda = rc.answeredWP / rc.answeredW
	}
	for range 100 {
		x, y := rc.answeredWP, rc.answeredW
		for _, opts := range rc.optionsByQ {
			rc.work += len(opts)
			best, bestV := opts[0], math.Inf(1)
			for _, o := range opts {
				if v := sign * (o.x - lambda*o.y); v < bestV {
					best, bestV = o, v
				}
			}
			x += best.x
			y += best.y
		}
		if y == 0 {
			break
		}
		next := x / y
		if math.Abs(next-lambda) < 1e-12 {
			lambda = next
			break
		}
		lambda = next
	}
	return lambda
}

// NextQuestion is the question the short quiz asks next
// (docs/adaptive.md), or -1 when the top role is decided or nothing is
// left to ask. It works for the role the answers so far rank first: for
// each unanswered question it predicts the answer a person consistent
// with their answers would give (on each dimension, the answer nearest
// their current score), and picks the question after which that role's
// margins fall least short of deciding it. Ties go to the bank's order.
func (m *Model) NextQuestion(answers quiz.Answers) int {
	_, qi := m.Plan(answers)
	return qi
}

// Plan is Decide and NextQuestion at once, sharing their work.
func (m *Model) Plan(answers quiz.Answers) (Decision, int) {
	base := m.reaches(answers)
	d := m.decide(base, answers)
	if d.Decided || d.Remaining == 0 {
		return d, -1
	}
	return d, m.planNext(base, answers, func(qi int, scores []float64) []reachable {
		return m.answering(base, qi, m.predict(qi, scores))
	})
}

// planNext is NextQuestion's choice: the unanswered question whose
// predicted answer leaves the leader's shortfall least (the first in
// bank order on a tie). after gives a question's reachable scores with
// its predicted answer given (answering; a Take keeps them).
func (m *Model) planNext(base []reachable, answers quiz.Answers, after func(qi int, scores []float64) []reachable) int {
	var res Result
	m.ScoreInto(&res, answers)
	lead := res.Top()
	scores := m.currentScores(base)
	best, bestQ := math.Inf(-1), -1
	for qi := range m.questions {
		if answers[qi].Set {
			continue
		}
		if v := m.shortfall(after(qi, scores), lead); v > best || bestQ < 0 {
			best, bestQ = v, qi
		}
	}
	return bestQ
}

// shortfall is how far role l is from decided: the total by which its
// margins Δ(l, R) fall short of Tau, negated (0 when l is decided).
// Summing over rivals, rather than taking the worst, lets a question
// that settles one rival count even while another is still open.
func (m *Model) shortfall(reaches []reachable, l int) float64 {
	total := 0.0
	for r := range m.roles {
		if r == l {
			continue
		}
		if d := m.delta(reaches, l, r); d < Tau {
			total += d - Tau
		}
	}
	return total
}

// currentScores are the dimension scores of the answers so far; 50, the
// middle, where nothing is answered yet.
func (m *Model) currentScores(reaches []reachable) []float64 {
	s := make([]float64, len(reaches))
	for d, rc := range reaches {
		s[d] = 50
		if rc.answeredW > 0 {
			s[d] = rc.answeredWP / rc.answeredW
		}
	}
	return s
}

// predict is what answering question qi the way the current scores
// suggest would add to each dimension it measures: on each, the addition
// that lands nearest the current score, as a consistent person's answer
// would.
func (m *Model) predict(qi int, scores []float64) []option {
	dos := m.options()[qi]
	extra := make([]option, len(dos))
	for i, do := range dos {
		best, bestDist := do.opts[0], math.Inf(1)
		for _, o := range do.opts {
			if o.y == 0 {
				continue
			}
			if dist := math.Abs(o.x/o.y - scores[do.dim]); dist < bestDist {
				best, bestDist = o, dist
			}
		}
		extra[i] = best
	}
	return extra
}

// Witness completes answers so that role r comes as close to beating
// role l as any completion can: D_r − D_l equals Δ(l, r). It needs every
// dimension's reachable scores to be exact (Decision.Exact); ok is false
// otherwise. Tests use it to show that an undecided answer set really is
// undecided: the completion has another role winning, or within Tau.
func (m *Model) Witness(answers quiz.Answers, l, r int) (completion quiz.Answers, ok bool) {
	reaches := m.reaches(answers)
	for _, rc := range reaches {
		if !rc.never && !rc.scored {
			return nil, false
		}
	}
	wl, wr := m.profileWeight(reaches, l), m.profileWeight(reaches, r)
	completion = slices.Clone(answers)
	for dim, rc := range reaches {
		if rc.never || len(rc.touching) == 0 {
			continue
		}
		if !rc.exact {
			return nil, false
		}
		a, b := 0.0, 0.0
		if wr > 0 {
			a = m.weight[r][dim] / wr
		}
		if wl > 0 {
			b = m.weight[l][dim] / wl
		}
		picks := rc.argmin(func(s float64) float64 { return term(s, a, m.target[r][dim], b, m.target[l][dim]) })
		for i, qi := range rc.touching {
			if completion[qi], ok = m.answerGiving(qi, dim, rc.optionsByQ[i][picks[i]]); !ok {
				return nil, false
			}
		}
	}
	for qi := range completion {
		if !completion[qi].Set { // measures nothing either role can use
			completion[qi], _ = m.answerGiving(qi, -1, option{})
		}
	}
	return completion, true
}

// argmin finds, for the questions in touching, the answers (indices into
// each one's options) whose sums give the score where f is least.
func (rc *reachable) argmin(f func(float64) float64) []int {
	type state struct {
		x, y       float64
		prev, pick int
	}
	layers := [][]state{{{x: rc.answeredWP, y: rc.answeredW, prev: -1, pick: -1}}}
	for _, opts := range rc.optionsByQ {
		cur := layers[len(layers)-1]
		var next []state
		seen := map[[2]float64]bool{}
		for si, st := range cur {
			for oi, o := range opts {
				n := state{x: st.x + o.x, y: st.y + o.y, prev: si, pick: oi}
				key := [2]float64{math.Round(n.x * 1e6), math.Round(n.y * 1e6)}
				if !seen[key] {
					seen[key] = true
					next = append(next, n)
				}
			}
		}
		layers = append(layers, next)
	}
	last := layers[len(layers)-1]
	best, bestV := 0, math.Inf(1)
	for i, st := range last {
		if st.y == 0 {
			continue
		}
		if v := f(st.x / st.y); v < bestV {
			best, bestV = i, v
		}
	}
	picks := make([]int, len(rc.optionsByQ))
	for layer := len(layers) - 1; layer > 0; layer-- {
		st := layers[layer][best]
		picks[layer-1] = st.pick
		best = st.prev
	}
	return picks
}

// answerGiving is an answer to question qi that adds o to dimension dim
// (any answer, when dim is −1); ok is false when none does.
func (m *Model) answerGiving(qi, dim int, o option) (a quiz.Answer, ok bool) {
	bq := &m.bank.Questions[qi]
	q := &m.questions[qi]
	if dim < 0 {
		if q.kind == quiz.Multi {
			return quiz.Answer{Set: true, Picks: 1}, true
		}
		if q.kind == quiz.Likert {
			return quiz.Answer{Set: true, Level: q.min}, true
		}
		return quiz.Answer{Set: true, Choice: 0}, true
	}
	match := func(c contrib) bool { return math.Abs(c.wp-o.x) < 1e-9 && math.Abs(c.w-o.y) < 1e-9 }
	switch q.kind {
	case quiz.Likert:
		for i, cs := range q.choices {
			if match(cs[0]) {
				return quiz.Answer{Set: true, Level: q.min + i}, true
			}
		}
	case quiz.Single:
		for i, cs := range q.choices {
			on := option{}
			for _, c := range cs {
				if c.dim == dim {
					on = option{x: c.wp, y: c.w}
				}
			}
			if on == o {
				return quiz.Answer{Set: true, Choice: i}, true
			}
		}
	case quiz.Multi:
		for _, ci := range q.counts {
			if ci.dim != dim {
				continue
			}
			if q.none != 0 && match(ci.noneOf) && o.x == 0 {
				return quiz.Answer{Set: true, Picks: q.none}, true
			}
			for k, c := range ci.byTicks {
				if !match(c) {
					continue
				}
				var picks uint64
				for j := range bq.Options {
					bit := uint64(1) << uint(j)
					if bits.OnesCount64(picks) < k && ci.mask&bit != 0 {
						picks |= bit
					}
				}
				if k == 0 { // tick an option that counts toward nothing here
					for j, opt := range bq.Options {
						if bit := uint64(1) << uint(j); ci.mask&bit == 0 && !opt.None {
							picks = bit
							break
						}
					}
				}
				return quiz.Answer{Set: true, Picks: picks}, true
			}
		}
	}
	return quiz.Answer{}, false
}

// AlwaysAbove returns a role that ranks above role r on every complete
// answer set, proving that r can never rank first, or -1 when none is
// found. A rival qualifies when Δ(rival, r), taken over every answer set
// (nothing answered yet), exceeds Tau (the short quiz's proof, with
// nothing asked), or when its profile is r's own and it comes first in
// the bank (their fits always tie, and ties go by bank order). Δ is a
// lower bound, so -1 proves nothing: BestCase's search is what finds a
// role's answers.
func (m *Model) AlwaysAbove(r int) int {
	reaches := m.reaches(m.bank.NewAnswers())
	for rival := range m.roles {
		if rival != r && (m.delta(reaches, rival, r) > Tau || rival < r && m.sameProfile(rival, r)) {
			return rival
		}
	}
	return -1
}

// sameProfile reports whether roles a and b weigh the same dimensions
// equally, with the same targets.
func (m *Model) sameProfile(a, b int) bool {
	for d, w := range m.weight[a] {
		if w != m.weight[b][d] || w != 0 && m.target[a][d] != m.target[b][d] {
			return false
		}
	}
	return true
}

// Delta is Δ(l, r) for answers: a lower bound, over every way of
// answering the unanswered questions, on D_r − D_l, role r's weighted
// mean squared distance minus role l's. l beats r whatever the rest when
// it exceeds Tau. −Inf when a dimension either role weighs may or may
// not end up scored.
func (m *Model) Delta(answers quiz.Answers, l, r int) float64 {
	return m.delta(m.reaches(answers), l, r)
}
