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
	// answered, which caps the level (see Step 5) unless Decided.
	Partial bool
	// Decided is set when a partial answer set scored with
	// Options.Decide decides the top role: no answer to the unanswered
	// questions could change it (Model.Decide). It lifts the cap.
	Decided bool
	// Separator, for a low level, is the dimension that best tells the
	// top role and the runner-up apart for this person
	// (Model.Separator); else -1.
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

	if len(ranked) > 1 && ranked[0].Scored {
		// Each dimension score's variance: the prior item error blended
		// with the spread of the person's own items there, over the items'
		// effective number (Σw)²/Σw².
		nd := len(res.Dimensions)
		variance := resize(res.variance, nd)
		// With spread s² = wpp/w − (wp/w)² and n = w²/ww, the variance
		// (ν σ² + n s²) / (ν + n) / n is, in one division,
		// ww (ν σ² ww + w wpp − wp²) / (w² (ν ww + w²)).
		const prior = PriorItems * ItemSD * ItemSD
		for d := range variance {
			variance[d] = 0
			if a := acc[d]; a.w > 0 {
				spread := max(0, a.w*a.wpp-a.wp*a.wp) // w² s²
				w2 := a.w * a.w
				variance[d] = a.ww * (prior*a.ww + spread) / (w2 * (PriorItems*a.ww + w2))
			}
		}
		// The margin's variance against rival B is Σ (gA − gB)² var over
		// the dimensions; written as Σ gA² var + Σ (gB² − 2 gA gB) var, the
		// first sum is shared by every rival and the second runs over B's
		// own profile only.
		top := ranked[0]
		gTop := resize(res.gradient, nd)
		clear(gTop)
		shared := 0.0
		k := -1 / (top.weights * max(100-top.Fit, MinDistance))
		for _, t := range m.roles[top.Role] {
			if d := res.Dimensions[t.Dimension]; d.Scored {
				g := k * t.Weight * (d.Score - t.Target)
				gTop[t.Dimension] = g
				shared += g * g * variance[t.Dimension]
			}
		}
		// Every lead is ≥ 0 (the top role has the best fit), so the rival
		// with the smallest z = lead/√v has the smallest lead²/v: compared
		// by cross-multiplying, with a square root for the winner only.
		rival, rivalLead, rivalVar := -1, 0.0, 0.0
		for _, other := range ranked[1:] {
			if !other.Scored {
				continue
			}
			v := shared
			k := -1 / (other.weights * max(100-other.Fit, MinDistance))
			for _, t := range m.roles[other.Role] {
				if d := res.Dimensions[t.Dimension]; d.Scored {
					g := k * t.Weight * (d.Score - t.Target)
					v += (g*g - 2*gTop[t.Dimension]*g) * variance[t.Dimension]
				}
			}
			v = max(v, 0) // rounding can leave a variance of 0 a hair below it
			lead := top.Fit - other.Fit
			if rival < 0 || lead*lead*rivalVar < rivalLead*rivalLead*v {
				rival, rivalLead, rivalVar = other.Role, lead, v
			}
		}
		if rival >= 0 {
			c.Rival, c.RivalMargin, c.RivalSE = rival, rivalLead, math.Sqrt(rivalVar)
			switch {
			case rivalVar > 0:
				c.Z = rivalLead / c.RivalSE
			case rivalLead <= 0:
				c.Z = 0
			}
		}
		res.variance, res.gradient = variance, gTop
	}

	m.grade(&c, res)
	return c
}

// grade sets c's level from its lead, flatness and cap, and, for a low
// level, the separator. The cap stands for answers still to come that
// could reorder the roles: a partial set is capped unless Decided.
func (m *Model) grade(c *Certainty, res *Result) {
	capped := c.Partial && !c.Decided
	switch {
	case c.Flat || c.Z < MediumZ || (capped && m.decisiveUnscored(res)):
		c.Level = Low
	case c.Z < HighZ || capped:
		c.Level = Medium
	default:
		c.Level = High
	}
	c.Separator = -1
	if ranked := res.Roles; c.Level == Low && len(ranked) > 1 && ranked[1].Scored {
		c.Separator = m.Separator(ranked[0].Role, ranked[1].Role, res.Dimensions)
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

// Separator is the dimension that best tells roles a and b apart for a
// person with scores dims: of the dimensions both profiles name with
// different targets, those where the person is not yet scored or sits
// between the two targets (ends included), where answering one way
// brings the person closer to one role and the other way to the other;
// among them, the one where the targets differ most, each gap weighted
// by the mean of the two roles' weights there (the first in bank order
// on a tie). -1 when there is none: a person past both targets on every
// shared dimension is not told apart by any of them.
func (m *Model) Separator(a, b int, dims []DimensionScore) int {
	best, bestGap := -1, 0.0
	for _, ta := range m.roles[a] {
		d := ta.Dimension
		wb, tb := m.weight[b][d], m.target[b][d]
		if wb == 0 || ta.Target == tb {
			continue
		}
		if s := dims[d]; s.Scored && (s.Score < min(ta.Target, tb) || s.Score > max(ta.Target, tb)) {
			continue
		}
		gap := math.Abs(ta.Target-tb) * (ta.Weight + wb) / 2
		if gap > bestGap || (gap == bestGap && best >= 0 && d < best) {
			best, bestGap = d, gap
		}
	}
	return best
}
