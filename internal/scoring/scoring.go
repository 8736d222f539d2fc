// Package scoring turns a bank and one person's answers into a result:
// a score per dimension, a fit per role, the roles ranked, how sure the
// ranking is and, on request, why. It is pure: no I/O, no globals, and the
// same inputs always give the same numbers. docs/scoring.md states the
// model exactly.
package scoring

import (
	"math"
	"math/bits"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Model is a bank compiled for scoring: each question's items precomputed
// once, so scoring an answer set is a few passes over small arrays.
// A Model is read-only and safe to share between goroutines.
type Model struct {
	bank      *quiz.Bank
	questions []question
	roles     [][]quiz.Target
}

// question is a bank question reduced to the arithmetic scoring needs.
type question struct {
	kind   quiz.Kind
	weight float64
	// Single: the positions each option places the person at.
	options [][]quiz.Position
	// Likert: the dimension and the scale's endpoints.
	dim      int
	min      int
	span     float64
	reversed bool
	// Multi: for each measured dimension, which options count toward it,
	// and the "none of these" option (0 when there is none).
	counts []countItem
	none   uint64
}

type countItem struct {
	dim  int
	mask uint64  // options that count toward dim
	n    float64 // how many options that is
}

// New compiles b for scoring.
func New(b *quiz.Bank) *Model {
	m := &Model{bank: b, questions: make([]question, len(b.Questions)), roles: make([][]quiz.Target, len(b.Roles))}
	for i := range b.Questions {
		q := &b.Questions[i]
		c := question{kind: q.Kind, weight: q.Weight}
		switch q.Kind {
		case quiz.Single:
			c.options = make([][]quiz.Position, len(q.Options))
			for j, o := range q.Options {
				c.options[j] = o.Scores
			}
		case quiz.Likert:
			c.dim, c.min, c.span, c.reversed = q.Dimension, q.Scale.Min, float64(q.Scale.Max-q.Scale.Min), q.Reverse
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
				c.counts = append(c.counts, ci)
			}
		}
		m.questions[i] = c
	}
	for i, r := range b.Roles {
		m.roles[i] = r.Profile
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
}

// Result is everything scoring says about one answer set.
type Result struct {
	Dimensions []DimensionScore // in bank order
	Roles      []RoleFit        // ranked, best first
	Answered   int              // questions answered
	Questions  int              // questions in the bank
	Certainty  Certainty
	// Explanations for the top Options.Explain roles, best first.
	Explanations []Explanation
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
		fit, ok := m.fit(i, res.Dimensions, -1)
		res.Roles[i] = RoleFit{Role: i, Fit: fit, Scored: ok, rankKey: math.Round(fit * rankPrecision)}
	}
	rank(res.Roles)
	res.Answered = st.answered
	res.Questions = len(m.questions)
	res.Certainty = m.certainty(acc, st, res)
	res.Explanations = res.Explanations[:0]
}

// accumulator sums one dimension's weighted item positions, and what
// certainty needs of their spread: squared weights and weighted squared
// positions.
type accumulator struct{ w, wp, ww, wpp float64 }

func (a *accumulator) add(w, pos float64) {
	a.w += w
	a.wp += w * pos
	a.ww += w * w
	a.wpp += w * pos * pos
}

// multiPosition is where a multi-select answer places the person on the
// dimension c: a ticked option is evidence, an unticked one is not, so
// nothing ticked toward c leaves it at the middle (50) and each ticked
// option moves it up by 50/n of the n counting toward it; "none of
// these" says no to every option and gives 0.
func (q *question) multiPosition(picks uint64, c countItem) float64 {
	if picks&q.none != 0 {
		return 0
	}
	return 50 + 50*float64(bits.OnesCount64(picks&c.mask))/c.n
}

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
		q := &m.questions[qi]
		w := q.weight
		switch q.kind {
		case quiz.Single:
			for _, p := range q.options[a.Choice] {
				acc[p.Dimension].add(w, p.At)
			}
		case quiz.Likert:
			u := float64(a.Level-q.min) / q.span
			st.likert++
			if u < st.lo {
				st.lo = u
			}
			if u > st.hi {
				st.hi = u
			}
			pos := 100 * u
			if q.reversed {
				pos = 100 - pos
			}
			acc[q.dim].add(w, pos)
		case quiz.Multi:
			for _, c := range q.counts {
				acc[c.dim].add(w, q.multiPosition(a.Picks, c))
			}
		}
	}
	return st
}

// fit is role r's fit to dims: 100 minus the weighted root-mean-square
// distance, in points, between the scores and the role's targets, over
// the scored dimensions of its profile, leaving out dimension skip (-1 for
// none). ok is false when no dimension counts.
func (m *Model) fit(r int, dims []DimensionScore, skip int) (float64, bool) {
	var num, den float64
	for _, t := range m.roles[r] {
		d := dims[t.Dimension]
		if !d.Scored || t.Dimension == skip {
			continue
		}
		diff := d.Score - t.Target
		num += t.Weight * diff * diff
		den += t.Weight
	}
	if den == 0 {
		return 0, false
	}
	return 100 - math.Sqrt(num/den), true
}

// rank orders fits best first: scored before unscored, then by fit
// rounded to rankPrecision, then by the bank's role order. Insertion sort:
// banks hold few roles, and it needs no allocation.
func rank(fits []RoleFit) {
	less := func(a, b RoleFit) bool {
		if a.Scored != b.Scored {
			return a.Scored
		}
		if a.rankKey != b.rankKey {
			return a.rankKey > b.rankKey
		}
		return a.Role < b.Role
	}
	for i := 1; i < len(fits); i++ {
		for j := i; j > 0 && less(fits[j], fits[j-1]); j-- {
			fits[j], fits[j-1] = fits[j-1], fits[j]
		}
	}
}

func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
