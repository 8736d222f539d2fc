// Package scoring turns a bank and one person's answers into a result:
// a score per dimension, a fit per role, the roles ranked, how sure the
// ranking is and, on request, why. It is pure: no I/O, no globals, and the
// same inputs always give the same numbers. docs/scoring.md states the
// model exactly.
package scoring

import (
	"math"
	"math/bits"
	"sync"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Model is a bank compiled for scoring: what every possible answer adds
// to each dimension is worked out once, so scoring an answer set is table
// lookups and additions, then a few passes over the roles. A Model is
// read-only and safe to share between goroutines.
type Model struct {
	bank      *quiz.Bank
	questions []question
	roles     [][]quiz.Target
	// target and weight hold each role's profile by dimension, rows of
	// len(Dimensions) (weight 0 off the profile), for lookups by
	// dimension.
	target, weight [][]float64

	// opts is what each question's answers add to each dimension, for
	// the short quiz; built on first use (options), as most runs never
	// need it.
	optionsOnce sync.Once
	opts        [][]dimOptions
	// likely is what the quick stop needs of each question; built on
	// first use, as opts is.
	likelyOnce sync.Once
	likely     *likelyTables
	// blocks are BestCase's dimension blocks: the same for every role,
	// so built once (on first use) rather than once per role searched.
	blocksOnce sync.Once
	blocks     []dimBlock
	// every is each question's every answer (nil past routeAnswers), for
	// routes, which try them many times over; built on first use.
	everyOnce sync.Once
	every     [][]quiz.Answer
}

// question is a bank question reduced to the arithmetic scoring needs.
type question struct {
	kind   quiz.Kind
	weight float64
	// choices[i] is what option i (single choice) or scale point min+i
	// (Likert) adds to the dimensions it places the person on.
	choices [][]contrib
	min     int
	// shares[i] is scale point min+i as a share of the scale, 0–1, for
	// flat detection.
	shares []float64
	// Multi: for each measured dimension, which options count toward it,
	// and the "none of these" option (0 when there is none).
	counts []countItem
	none   uint64
}

type countItem struct {
	dim  int
	mask uint64  // options that count toward dim
	n    float64 // how many options that is
	// byTicks[k] is what ticking k of them adds; noneOf what "none of
	// these" adds.
	byTicks []contrib
	noneOf  contrib
}

// contrib is one item, precomputed: its dimension and position, and
// what it adds to the dimension's sums (weight, weight × position, and
// their squares, which certainty needs).
type contrib struct {
	dim            int
	pos            float64
	w, wp, ww, wpp float64
}

func newContrib(dim int, pos, w float64) contrib {
	return contrib{dim: dim, pos: pos, w: w, wp: w * pos, ww: w * w, wpp: w * pos * pos}
}

// New compiles b for scoring.
func New(b *quiz.Bank) *Model {
	nd := len(b.Dimensions)
	m := &Model{bank: b, questions: make([]question, len(b.Questions)), roles: make([][]quiz.Target, len(b.Roles)),
		target: make([][]float64, len(b.Roles)), weight: make([][]float64, len(b.Roles))}
	for i := range b.Questions {
		q := &b.Questions[i]
		c := question{kind: q.Kind, weight: q.Weight}
		switch q.Kind {
		case quiz.Single:
			for _, o := range q.Options {
				var cs []contrib
				for _, p := range o.Scores {
					cs = append(cs, newContrib(p.Dimension, p.At, q.Weight))
				}
				c.choices = append(c.choices, cs)
			}
		case quiz.Likert:
			c.min = q.Scale.Min
			span := float64(q.Scale.Max - q.Scale.Min)
			for v := q.Scale.Min; v <= q.Scale.Max; v++ {
				u := float64(v-q.Scale.Min) / span
				pos := 100 * u
				if q.Reverse {
					pos = 100 - pos
				}
				c.shares = append(c.shares, u)
				c.choices = append(c.choices, []contrib{newContrib(q.Dimension, pos, q.Weight)})
			}
		case quiz.Multi:
			if q.None >= 0 {
				c.none = 1 << uint(q.None)
			}
			for _, dim := range q.Dimensions {
				ci := countItem{dim: dim}
				for j, o := range q.Options {
					for _, cd := range o.Counts {
						if cd == dim {
							ci.mask |= 1 << uint(j)
						}
					}
				}
				ci.n = float64(bits.OnesCount64(ci.mask))
				for k := 0; k <= int(ci.n); k++ {
					ci.byTicks = append(ci.byTicks, newContrib(dim, multiPosition(k, ci.n), q.Weight))
				}
				ci.noneOf = newContrib(dim, 0, q.Weight)
				c.counts = append(c.counts, ci)
			}
		}
		m.questions[i] = c
	}
	for i, r := range b.Roles {
		m.roles[i] = r.Profile
		m.target[i], m.weight[i] = make([]float64, nd), make([]float64, nd)
		for _, t := range r.Profile {
			m.target[i][t.Dimension], m.weight[i][t.Dimension] = t.Target, t.Weight
		}
	}
	return m
}

// Bank returns the bank the model was compiled from.
func (m *Model) Bank() *quiz.Bank { return m.bank }

// Options choose what Score computes beyond the ranking.
type Options struct {
	// Explain is how many of the top roles get an explanation; 0 skips
	// the work, as bulk scoring does.
	Explain int
	// Decide works out whether the top role is settled by the answers
	// given, whatever the rest would be (docs/adaptive.md).
	Decide bool
	// Likely works out, for a partial set, how likely the full quiz is to
	// rank the same role first (docs/adaptive.md, the quick stop).
	Likely bool
	// Route asks for what it would take another role to rank first
	// (Model.Route): NoRoute, the zero value, skips the search;
	// RouteRunnerUp asks for the role ranked second; RouteTo(r) for r.
	Route RouteFor
}

// RouteFor is the role Options.Route asks about.
type RouteFor int

const (
	NoRoute       RouteFor = 0
	RouteRunnerUp RouteFor = -1
)

// RouteTo asks Options.Route for role r.
func RouteTo(r int) RouteFor { return RouteFor(r + 1) }

// Result is everything scoring says about one answer set.
type Result struct {
	Dimensions []DimensionScore // in bank order
	Roles      []RoleFit        // ranked, best first
	Answered   int              // questions answered
	Questions  int              // questions in the bank
	Certainty  Certainty
	// Explanations for the top Options.Explain roles, best first.
	Explanations []Explanation
	// Decision, with Options.Decide, says whether the top role is settled.
	Decision *Decision
	// Likely, with Options.Likely and some questions unanswered, is how
	// likely the full quiz is to rank the same role first.
	Likely *Likely
	// Route, with Options.Route, is what it would take the role asked
	// about to rank first (none when only one role is scored).
	Route *Route

	// Scratch space reused from one ScoreInto to the next.
	variance, gradient []float64
	unsorted           []RoleFit
	keys               []uint64
}

// Top is the index of the best-fitting role.
func (r *Result) Top() int { return r.Roles[0].Role }

// Coverage is the share of the bank's questions answered, 0–1.
func (r *Result) Coverage() float64 {
	if r.Questions == 0 {
		return 0
	}
	return float64(r.Answered) / float64(r.Questions)
}

// DimensionScore is where a person sits on one dimension.
type DimensionScore struct {
	Dimension int
	Score     float64 // 0–100; meaningful only when Scored
	Scored    bool    // false when no answered question measures it
}

// RoleFit is how well a person fits one role.
type RoleFit struct {
	Role   int
	Fit    float64 // 0–100; 0 when not Scored
	Scored bool    // false when no dimension of the role's profile is scored

	rankKey float64 // Fit rounded to rankPrecision, computed once for sorting
	weights float64 // the weights of the scored profile dimensions, summed
}

// Thresholds of the model; docs/scoring.md explains each.
const (
	// flatMinLikert is how many Likert answers flat detection needs, and
	// flatSpan the widest spread, as a share of the scale, still flat.
	flatMinLikert = 6
	flatSpan      = 0.25
	// rankPrecision is the rounding applied before fits are compared, so
	// floating-point noise cannot reorder roles that tie.
	rankPrecision = 1e6
)

// Score scores one answer set. answers must hold one entry per question.
func (m *Model) Score(answers quiz.Answers, opts Options) Result {
	var res Result
	m.ScoreInto(&res, answers)
	if opts.Explain > 0 {
		res.Explanations = m.explain(answers, &res, opts.Explain)
	}
	if opts.Decide {
		d := m.Decide(answers)
		res.Decision = &d
		if c := &res.Certainty; c.Partial && d.Decided {
			// Decided: no answer to come could reorder the roles, which is
			// what the partial cap stands for (Step 5).
			c.Decided = true
			m.grade(c, &res)
		}
	}
	if opts.Likely && res.Answered < res.Questions && res.Answered > 0 {
		lk := m.Likely(answers)
		res.Likely = &lk
	}
	to := int(opts.Route) - 1
	if opts.Route == RouteRunnerUp && len(res.Roles) > 1 && res.Roles[1].Scored {
		to = res.Roles[1].Role
	}
	if to >= 0 && to < len(m.roles) {
		r := m.Route(answers, to)
		res.Route = &r
	}
	return res
}

// ScoreInto scores answers into res, reusing res's slices: bulk scoring
// calls it in a loop without allocating.
func (m *Model) ScoreInto(res *Result, answers quiz.Answers) {
	nd := len(m.bank.Dimensions)
	res.Dimensions = resize(res.Dimensions, nd)
	acc := m.accumulators(&[maxStackDims]accumulator{})
	st := m.accumulate(acc, answers, -1)
	for i := range res.Dimensions {
		res.Dimensions[i] = acc[i].score(i)
	}
	res.Roles = resize(res.Roles, len(m.roles))
	for i := range m.roles {
		fit, weights := m.fit(i, res.Dimensions)
		res.Roles[i] = RoleFit{Role: i, Fit: fit, Scored: weights > 0, rankKey: math.Round(fit * rankPrecision), weights: weights}
	}
	res.unsorted, res.keys = resize(res.unsorted, len(m.roles)), resize(res.keys, len(m.roles))
	rank(res.Roles, res.unsorted, res.keys)
	res.Answered = st.answered
	res.Questions = len(m.questions)
	res.Certainty = m.certainty(acc, st, res)
	res.Explanations = res.Explanations[:0]
}

// TopRole is the role answers rank first, as ScoreInto ranks them
// (Result.Top), without the rest of a result: for callers that score
// many variations of a set and need only the winner (analyze's
// sensitivity).
func (m *Model) TopRole(answers quiz.Answers) int {
	var fixed [maxStackDims]accumulator
	acc := m.accumulators(&fixed)
	m.accumulate(acc, answers, -1)
	return m.topOf(acc)
}

// scoresOf is each dimension's score from its sums, in buf when it is
// large enough (no allocation on a bank of up to maxStackDims).
func scoresOf(buf *[maxStackDims]DimensionScore, acc []accumulator) []DimensionScore {
	ds := buf[:0]
	if len(acc) > len(buf) {
		ds = make([]DimensionScore, 0, len(acc))
	}
	for i := range acc {
		ds = append(ds, acc[i].score(i))
	}
	return ds
}

// topOf is TopRole from the dimensions' sums.
func (m *Model) topOf(acc []accumulator) int {
	var buf [maxStackDims]DimensionScore
	ds := scoresOf(&buf, acc)
	best, bestKey, bestScored := 0, math.Inf(-1), false
	for r := range m.roles {
		fit, weights := m.fit(r, ds)
		scored := weights > 0
		key := math.Round(fit * rankPrecision)
		// Scored before unscored, then the higher rounded fit, then bank
		// order: rank's order.
		if r == 0 || scored && !bestScored || scored == bestScored && key > bestKey {
			best, bestKey, bestScored = r, key, scored
		}
	}
	return best
}

// OneChange finds the top role after changing one answer of a set, for
// many such changes (analyze's sensitivity): the sums of the questions
// before and after each are kept, so a change costs the dimensions and
// the roles, not the whole bank again. Its top roles are TopRole's but
// for the order floating-point sums are added in (before, after, the
// change), which moves a fit by far less than the 1e-6 it is ranked at.
type OneChange struct {
	m        *Model
	nd       int
	pre, suf []accumulator // (questions+1) × nd: before question k, from question k on
	scratch  []accumulator
}

// NewOneChange prepares one-answer changes to answers.
func (m *Model) NewOneChange(answers quiz.Answers) *OneChange {
	nd, nq := len(m.bank.Dimensions), len(m.questions)
	o := &OneChange{m: m, nd: nd, pre: make([]accumulator, (nq+1)*nd), suf: make([]accumulator, (nq+1)*nd), scratch: make([]accumulator, nd)}
	o.Reset(answers)
	return o
}

// Reset prepares one-answer changes to another answer set.
func (o *OneChange) Reset(answers quiz.Answers) {
	nd, nq := o.nd, len(o.m.questions)
	clear(o.pre[:nd])
	for k := range nq {
		copy(o.pre[(k+1)*nd:(k+2)*nd], o.pre[k*nd:(k+1)*nd])
		o.m.addAnswer(o.pre[(k+1)*nd:(k+2)*nd], k, answers[k])
	}
	clear(o.suf[nq*nd:])
	for k := nq - 1; k >= 0; k-- {
		copy(o.suf[k*nd:(k+1)*nd], o.suf[(k+1)*nd:(k+2)*nd])
		o.m.addAnswer(o.suf[k*nd:(k+1)*nd], k, answers[k])
	}
}

// Top is the top role with question qi answered a instead.
func (o *OneChange) Top(qi int, a quiz.Answer) int {
	nd, acc := o.nd, o.scratch
	for d := range nd {
		p, s := o.pre[qi*nd+d], o.suf[(qi+1)*nd+d]
		acc[d] = accumulator{p.w + s.w, p.wp + s.wp, p.ww + s.ww, p.wpp + s.wpp}
	}
	o.m.addAnswer(acc, qi, a)
	return o.m.topOf(acc)
}

// addAnswer adds answer a to question qi to the sums (nothing when a is
// unanswered).
func (m *Model) addAnswer(acc []accumulator, qi int, a quiz.Answer) {
	if !a.Set {
		return
	}
	answers := [1]quiz.Answer{a}
	m.accumulateOne(acc, qi, &answers[0], nil)
}

// accumulator sums one dimension's weighted item positions, and what
// certainty needs of their spread: squared weights and weighted squared
// positions.
type accumulator struct{ w, wp, ww, wpp float64 }

func (a *accumulator) add(c *contrib) {
	a.w += c.w
	a.wp += c.wp
	a.ww += c.ww
	a.wpp += c.wpp
}

// multiPosition is where a multi-select answer with k of the n options
// counting toward a dimension ticked places the person on it: a ticked
// option is evidence, an unticked one is not, so nothing ticked leaves
// it at the middle (50) and each tick moves it up by 50/n. ("None of
// these" says no to every option and gives 0: countItem.noneOf.)
func multiPosition(k int, n float64) float64 { return 50 + 50*float64(k)/n }

// maxStackDims covers every bank the loader accepts, so the accumulators
// live on the caller's stack.
const maxStackDims = quiz.MaxDimensions

func (m *Model) accumulators(fixed *[maxStackDims]accumulator) []accumulator {
	if nd := len(m.bank.Dimensions); nd > len(fixed) {
		return make([]accumulator, nd)
	}
	return fixed[:len(m.bank.Dimensions)]
}

func (a accumulator) score(dim int) DimensionScore {
	if a.w == 0 {
		return DimensionScore{Dimension: dim}
	}
	return DimensionScore{Dimension: dim, Score: a.wp / a.w, Scored: true}
}

// answerStats are what certainty needs from the answers, gathered in the
// same pass that scores them.
type answerStats struct {
	answered int
	likert   int     // Likert answers
	lo, hi   float64 // their lowest and highest, as shares of the scale
}

// accumulate adds every answered question's items, leaving out the
// question at index skip (-1 for none).
func (m *Model) accumulate(acc []accumulator, answers quiz.Answers, skip int) answerStats {
	st := answerStats{lo: 1, hi: 0}
	for qi := range m.questions {
		a := &answers[qi]
		if !a.Set || qi == skip {
			continue
		}
		st.answered++
		m.accumulateOne(acc, qi, a, &st)
	}
	return st
}

// accumulateOne adds answer a to question qi, counting it in st when st
// is not nil.
func (m *Model) accumulateOne(acc []accumulator, qi int, a *quiz.Answer, st *answerStats) {
	q := &m.questions[qi]
	var cs []contrib
	switch q.kind {
	case quiz.Single:
		cs = q.choices[a.Choice]
	case quiz.Likert:
		i := a.Level - q.min
		cs = q.choices[i]
		if st != nil {
			u := q.shares[i]
			st.likert++
			st.lo, st.hi = min(st.lo, u), max(st.hi, u)
		}
	case quiz.Multi:
		for ci := range q.counts {
			c := &q.counts[ci]
			x := &c.noneOf
			if a.Picks&q.none == 0 {
				x = &c.byTicks[bits.OnesCount64(a.Picks&c.mask)]
			}
			acc[c.dim].add(x)
		}
		return
	}
	for i := range cs {
		acc[cs[i].dim].add(&cs[i])
	}
}

// fit is role r's fit to dims: 100 minus the weighted root-mean-square
// distance, in points, between the scores and the role's targets, over
// the scored dimensions of its profile, and the weights that counted;
// weights is 0 when no dimension counts.
func (m *Model) fit(r int, dims []DimensionScore) (fit, weights float64) {
	var num float64
	for _, t := range m.roles[r] {
		d := dims[t.Dimension]
		if !d.Scored {
			continue
		}
		diff := d.Score - t.Target
		num += t.Weight * diff * diff
		weights += t.Weight
	}
	if weights == 0 {
		return 0, 0
	}
	return 100 - math.Sqrt(num/weights), weights
}

// rank orders fits best first: scored before unscored, then by fit
// rounded to rankPrecision, then by the bank's role order. Each role gets
// one integer key that sorts in that order (unscored in the top bit, the
// rounded fit's complement next, the role's index last), and the keys
// are sorted by an odd-even transposition network: a fixed sequence of
// compare-exchanges, branch-free with min and max, cheaper than any
// branching sort on the handful of roles a bank has. unsorted is scratch
// space for the fits as computed.
func rank(fits, unsorted []RoleFit, keys []uint64) {
	copy(unsorted, fits)
	for i, f := range fits {
		k := uint64(maxRankKey-int64(f.rankKey))<<16 | uint64(f.Role)
		if !f.Scored {
			k |= 1 << 63
		}
		keys[i] = k
	}
	n := len(keys)
	for round := 0; round < n; round++ {
		for i := round & 1; i+1 < n; i += 2 {
			a, b := keys[i], keys[i+1]
			keys[i], keys[i+1] = min(a, b), max(a, b)
		}
	}
	for i, k := range keys {
		fits[i] = unsorted[k&0xffff]
	}
}

// maxRankKey bounds a rounded fit: 100 × rankPrecision.
const maxRankKey = 100 * rankPrecision

func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
