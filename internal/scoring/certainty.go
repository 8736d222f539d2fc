package scoring

import "math"

// Certainty says how far to trust the top of the ranking: how many
// standard errors of measurement the top role leads its closest rival
// by. docs/scoring.md (Step 5) states it exactly; `pmfit analyze
// --simulate` measures what each level means in retakes.
type Certainty struct {
	Level  Level
	Margin float64 // top fit minus runner-up fit, in points
	// Z is the top role's lead over its rival in standard errors: the
	// smallest, over the other scored roles, of the fit difference
	// divided by its standard error. +Inf when nothing can overtake it.
	Z float64
	// Rival is the role Z was measured against (the likeliest to overtake
	// the top role on a retake), or -1; RivalMargin and RivalSE are the
	// fit difference to it and that difference's standard error.
	Rival       int
	RivalMargin float64
	RivalSE     float64
	// Flat is set when the Likert answers barely vary (agreeing with
	// everything, say): the ranking then reflects the bank more than the
	// person.
	Flat bool
	// Partial is set when fewer than PartialCoverage of the questions are
	// answered, which caps the level (see Step 5).
	Partial bool
	// Separator, for a low level, is the dimension that best tells the
	// top role and the runner-up apart (Model.Separator); else -1.
	Separator int
}

// Level grades a Certainty.
type Level string

// Certainty levels.
const (
	High   Level = "high"
	Medium Level = "medium"
	Low    Level = "low"
)

// The certainty model's constants; docs/scoring.md explains each, and
// docs/analysis.md how they were checked.
const (
	// ItemSD is the standard deviation of one item's measurement error,
	// in points, assumed before looking at a person's answers: the
	// documented noise of docs/analysis.md (20) plus rounding to the
	// options a question offers. PriorItems is how many items' worth of
	// evidence that assumption carries against the spread of the person's
	// own answers on a dimension.
	ItemSD     = 30.0
	PriorItems = 3.0
	// MinDistance floors a role's distance when taking the fit's
	// gradient, which is undefined at distance 0.
	MinDistance = 5.0
	// HighZ and MediumZ are the leads, in standard errors, that the levels
	// need.
	HighZ   = 2.5
	MediumZ = 1.2
	// PartialCoverage is the share of questions answered below which the
	// level is never high; DecisiveWeight the profile weight that makes a
	// dimension decisive: below PartialCoverage, a decisive dimension of
	// the top role or the runner-up left unscored makes the level low.
	PartialCoverage = 0.6
	DecisiveWeight  = 1.5
)

// certainty grades the top role's lead from the accumulated items.
func (m *Model) certainty(acc []accumulator, st answerStats, res *Result) Certainty {
	ranked := res.Roles
	c := Certainty{Rival: -1, Z: math.Inf(1), Separator: -1}
	if len(ranked) > 0 {
		c.Margin = ranked[0].Fit
		if len(ranked) > 1 {
			c.Margin -= ranked[1].Fit
		}
	}
	c.Flat = st.likert >= flatMinLikert && st.hi-st.lo <= flatSpan
	c.Partial = res.Coverage() < PartialCoverage

	// Each dimension score's variance: the prior item error blended with
	// the spread of the person's own items there, over the items' effective
	// number (Σw)²/Σw².
	var variance [maxStackDims]float64
	for d := range res.Dimensions {
		a := acc[d]
		if a.w == 0 {
			continue
		}
		mean := a.wp / a.w
		spread := math.Max(0, a.wpp/a.w-mean*mean)
		n := a.w * a.w / a.ww
		itemVar := (PriorItems*ItemSD*ItemSD + n*spread) / (PriorItems + n)
		variance[d] = itemVar / n
	}

	if len(ranked) > 1 && ranked[0].Scored {
		top := ranked[0]
		var gTop [maxStackDims]float64
		m.gradient(top, res.Dimensions, &gTop)
		for _, other := range ranked[1:] {
			if !other.Scored {
				continue
			}
			diff := gTop
			var gOther [maxStackDims]float64
			m.gradient(other, res.Dimensions, &gOther)
			v := 0.0
			for d := range res.Dimensions {
				g := diff[d] - gOther[d]
				v += g * g * variance[d]
			}
			lead := top.Fit - other.Fit
			z := math.Inf(1)
			if v > 0 {
				z = lead / math.Sqrt(v)
			} else if lead <= 0 {
				z = 0
			}
			if z < c.Z {
				c.Z, c.Rival, c.RivalMargin, c.RivalSE = z, other.Role, lead, math.Sqrt(v)
			}
		}
	}

	switch {
	case c.Flat || c.Z < MediumZ || (c.Partial && m.decisiveUnscored(res)):
		c.Level = Low
	case c.Z < HighZ || c.Partial:
		c.Level = Medium
	default:
		c.Level = High
	}
	if c.Level == Low && len(ranked) > 1 && ranked[1].Scored {
		c.Separator = m.Separator(ranked[0].Role, ranked[1].Role)
	}
	return c
}

// gradient fills g with the role's fit's partial derivatives by each
// dimension score: −W_d (S_d − t_d) / (ΣW · D), D the role's distance
// (100 − fit), floored at MinDistance.
func (m *Model) gradient(rf RoleFit, dims []DimensionScore, g *[maxStackDims]float64) {
	dist := math.Max(100-rf.Fit, MinDistance)
	var weights float64
	for _, t := range m.roles[rf.Role] {
		if dims[t.Dimension].Scored {
			weights += t.Weight
		}
	}
	for _, t := range m.roles[rf.Role] {
		if d := dims[t.Dimension]; d.Scored {
			g[t.Dimension] = -t.Weight * (d.Score - t.Target) / (weights * dist)
		}
	}
}

// decisiveUnscored reports whether the top role or the runner-up weighs
// an unscored dimension at DecisiveWeight or more: its answers are still
// to come, and could reorder the two.
func (m *Model) decisiveUnscored(res *Result) bool {
	for i := 0; i < min(2, len(res.Roles)); i++ {
		for _, t := range m.roles[res.Roles[i].Role] {
			if t.Weight >= DecisiveWeight && !res.Dimensions[t.Dimension].Scored {
				return true
			}
		}
	}
	return false
}

// Separator is the dimension that best tells roles a and b apart: of
// the dimensions both profiles name, the one where their targets differ
// most, each gap weighted by the mean of the two roles' weights there
// (the first in bank order on a tie); -1 when they share none.
func (m *Model) Separator(a, b int) int {
	best, bestGap := -1, 0.0
	for _, ta := range m.roles[a] {
		for _, tb := range m.roles[b] {
			if ta.Dimension != tb.Dimension {
				continue
			}
			gap := math.Abs(ta.Target-tb.Target) * (ta.Weight + tb.Weight) / 2
			if gap > bestGap || (gap == bestGap && best >= 0 && ta.Dimension < best) {
				best, bestGap = ta.Dimension, gap
			}
		}
	}
	return best
}
