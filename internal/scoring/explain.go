package scoring

import (
	"math"
	"sort"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Baseline is the neutral person explanations start from: a score of 50,
// the middle, on every dimension.
const Baseline = 50.0

// Explanation says why one role got its fit, as effects that add up:
// starting from the fit of the Baseline person, each dimension's effect,
// and likewise each answer's, is its part of the way to the person's
// fit, so the effects sum to Fit − Baseline. A positive effect moved the
// fit up. docs/scoring.md states the split exactly.
type Explanation struct {
	Role     int
	Fit      float64
	Baseline float64 // the fit of a person at 50 on every dimension the fit counts
	// Dimensions are the role's profile, largest effect (by size) first.
	Dimensions []DimensionEffect
	// Answers are the answers that moved the fit, largest effect first.
	Answers []AnswerEffect
}

// DimensionEffect is one dimension's part in a role's fit.
type DimensionEffect struct {
	Dimension int
	Score     float64 // the person's score; meaningful only when Scored
	Scored    bool
	Target    float64
	Weight    float64
	Effect    float64
}

// AnswerEffect is one answer's part in a role's fit.
type AnswerEffect struct {
	Question int
	Effect   float64
}

// dimSpread is what the split needs about one dimension's items: their
// weighted mean offset from the baseline, X, and weighted mean squared
// offset, M2 (weights as shares of the dimension's total).
type dimSpread struct {
	w, x, m2 float64
}

// explain computes explanations for the top k scored roles of res.
func (m *Model) explain(answers quiz.Answers, res *Result, k int) []Explanation {
	// One pass over the answers gathers each dimension's items.
	nd := len(m.bank.Dimensions)
	spread := make([]dimSpread, nd)
	var items []Item
	for qi := range answers {
		for _, it := range m.Items(items[:0], qi, answers[qi]) {
			s := &spread[it.Dimension]
			off := it.Position - Baseline
			s.w += it.Weight
			s.x += it.Weight * off
			s.m2 += it.Weight * off * off
		}
	}
	for d := range spread {
		if s := &spread[d]; s.w > 0 {
			s.x /= s.w
			s.m2 /= s.w
		}
	}

	var exps []Explanation
	for _, rf := range res.Roles {
		if len(exps) == k || !rf.Scored {
			break
		}
		exps = append(exps, m.explainRole(rf, res.Dimensions, answers, spread))
	}
	return exps
}

// explainRole splits one role's fit change from the baseline.
//
// The fit depends on the dimensions only through Q = Σ W_d (S_d − t_d)²,
// and Q's change from the baseline is a sum over dimensions:
// a_d = W_d ((S_d − t_d)² − (50 − t_d)²). Each dimension's effect is its
// a_d times the fit's change per unit of Q along the way (the secant
// slope), so the effects sum to the fit's change exactly. Within a
// dimension, a_d is split among its items (dimItemShare).
func (m *Model) explainRole(rf RoleFit, dims []DimensionScore, answers quiz.Answers, spread []dimSpread) Explanation {
	profile := m.roles[rf.Role]
	var base, total, weights float64 // Q at the baseline, Q's change, Σ W
	for _, t := range profile {
		if d := dims[t.Dimension]; d.Scored {
			base += t.Weight * (Baseline - t.Target) * (Baseline - t.Target)
			total += t.Weight * ((d.Score-t.Target)*(d.Score-t.Target) - (Baseline-t.Target)*(Baseline-t.Target))
			weights += t.Weight
		}
	}
	e := Explanation{Role: rf.Role, Fit: rf.Fit, Baseline: 100 - math.Sqrt(base/weights)}
	// slope: fit points per unit of Q. Where Q does not change, the
	// derivative stands in for the secant.
	slope := 0.0
	switch {
	case math.Abs(total) > 1e-9:
		slope = (rf.Fit - e.Baseline) / total
	case base > 0:
		slope = -1 / (2 * math.Sqrt(base*weights))
	}

	for _, t := range profile {
		d := dims[t.Dimension]
		de := DimensionEffect{Dimension: t.Dimension, Score: d.Score, Scored: d.Scored, Target: t.Target, Weight: t.Weight}
		if d.Scored {
			de.Effect = slope * t.Weight * ((d.Score-t.Target)*(d.Score-t.Target) - (Baseline-t.Target)*(Baseline-t.Target))
		}
		e.Dimensions = append(e.Dimensions, de)
	}
	sortEffects(e.Dimensions, func(de DimensionEffect) float64 { return de.Effect })

	target := make(map[int]quiz.Target, len(profile))
	for _, t := range profile {
		if dims[t.Dimension].Scored {
			target[t.Dimension] = t
		}
	}
	var items [8]Item
	for qi := range answers {
		effect := 0.0
		touched := false
		for _, it := range m.Items(items[:0], qi, answers[qi]) {
			t, ok := target[it.Dimension]
			if !ok {
				continue
			}
			touched = true
			// a_d = −W_d · Σ_i share_i, so the item's part of the effect
			// is slope · (−W_d · share_i).
			effect -= slope * t.Weight * dimItemShare(spread[it.Dimension], it, t.Target)
		}
		if touched && effect != 0 {
			e.Answers = append(e.Answers, AnswerEffect{Question: qi, Effect: effect})
		}
	}
	sortEffects(e.Answers, func(ae AnswerEffect) float64 { return ae.Effect })
	return e
}

// dimItemShare is item it's part of how much closer its dimension ends
// up to target t than the baseline is, in squared points:
//
//	(50 − t)² − (S − t)² = Σ_i share_i
//
// With offsets from the baseline x_i = p_i − 50, τ = t − 50, π_i the
// item's share of the dimension's weight, X = Σ π_i x_i (so S = 50 + X),
// M2 = Σ π_i x_i² and V = M2 − X²:
//
//	share_i = π_i x_i (2τ − x_i) + V · π_i x_i² / M2
//
// The first term is what the item alone would do, weighted; the second
// shares out the gain that averaging disagreeing items brings, in
// proportion to each item's squared offset. An answer at the baseline
// gets 0; one at least as close to t as the baseline gets ≥ 0.
func dimItemShare(s dimSpread, it Item, t float64) float64 {
	pi := it.Weight / s.w
	x, tau := it.Position-Baseline, t-Baseline
	share := pi * x * (2*tau - x)
	if s.m2 > 0 {
		share += (s.m2 - s.x*s.x) * pi * x * x / s.m2
	}
	return share
}

// effectKey ranks effects by size, rounded to six decimals so that
// floating-point noise cannot reorder effects that tie.
func effectKey(x float64) float64 { return math.Round(math.Abs(x) * rankPrecision) }

// sortEffects orders effects largest first; ties keep their order
// (profile order, question order).
func sortEffects[T any](s []T, effect func(T) float64) {
	sort.SliceStable(s, func(i, j int) bool { return effectKey(effect(s[i])) > effectKey(effect(s[j])) })
}
