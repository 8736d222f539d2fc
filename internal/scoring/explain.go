package scoring

import (
	"math"
	"sort"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Explanation says why one role got its fit. Every effect is a
// leave-one-out difference: the role's fit as scored, minus its fit with
// that one dimension or answer left out. A positive effect pushed the fit
// up; a negative one pulled it down.
type Explanation struct {
	Role       int
	Fit        float64
	Dimensions []DimensionEffect // the role's profile, largest effect (by size) first
	Answers    []AnswerEffect    // answers that moved the fit, largest effect (by size) first
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

// explain computes explanations for the top k scored roles of res.
func (m *Model) explain(answers quiz.Answers, res *Result, k int) []Explanation {
	var exps []Explanation
	for _, rf := range res.Roles {
		if len(exps) == k || !rf.Scored {
			break
		}
		exps = append(exps, Explanation{Role: rf.Role, Fit: rf.Fit, Dimensions: m.dimensionEffects(rf, res.Dimensions)})
	}
	if len(exps) == 0 {
		return nil
	}
	// Leaving one answer out changes the dimension scores it fed; rescore
	// from scratch without it rather than subtract, so the numbers are
	// exactly what scoring those answers alone would give.
	var fixed [maxStackDims]accumulator
	without := make([]DimensionScore, len(res.Dimensions))
	for qi := range answers {
		if !answers[qi].Set {
			continue
		}
		acc := m.accumulators(&fixed)
		clear(acc)
		m.accumulate(acc, answers, qi)
		for i := range without {
			without[i] = acc[i].score(i)
		}
		for e := range exps {
			fit, ok := m.fit(exps[e].Role, without, -1)
			if !ok {
				continue // the answer was all the role had to go on
			}
			if effect := exps[e].Fit - fit; effect != 0 {
				exps[e].Answers = append(exps[e].Answers, AnswerEffect{Question: qi, Effect: effect})
			}
		}
	}
	for e := range exps {
		as := exps[e].Answers
		sort.SliceStable(as, func(i, j int) bool { return math.Abs(as[i].Effect) > math.Abs(as[j].Effect) })
	}
	return exps
}

func (m *Model) dimensionEffects(rf RoleFit, dims []DimensionScore) []DimensionEffect {
	var effects []DimensionEffect
	for _, t := range m.roles[rf.Role] {
		d := dims[t.Dimension]
		e := DimensionEffect{Dimension: t.Dimension, Score: d.Score, Scored: d.Scored, Target: t.Target, Weight: t.Weight}
		if d.Scored {
			if fit, ok := m.fit(rf.Role, dims, t.Dimension); ok {
				e.Effect = rf.Fit - fit
			}
		}
		effects = append(effects, e)
	}
	sort.SliceStable(effects, func(i, j int) bool { return math.Abs(effects[i].Effect) > math.Abs(effects[j].Effect) })
	return effects
}
