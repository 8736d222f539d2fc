package render

import (
	"math"
	"sort"

	"github.com/pmfit/pmfit/internal/scoring"
)

// apportion rounds values to tenths so that they add up exactly to
// total (itself in tenths), by largest remainder: each value is rounded
// down, then the ones that lost most are rounded up until the sum is
// right. Each result is within 0.1 of its value, and rounding never
// turns a positive value negative. With no values, nil.
func apportion(values []float64, total float64) []float64 {
	if len(values) == 0 {
		return nil
	}
	type part struct {
		i     int
		floor float64 // in tenths
		rem   float64
	}
	parts := make([]part, len(values))
	sum := 0.0
	for i, v := range values {
		t := v * 10
		f := math.Floor(t + 1e-9)
		parts[i] = part{i: i, floor: f, rem: t - f}
		sum += f
	}
	need := int(math.Round(total*10 - sum))
	// Largest remainders first; ties in order.
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].rem > parts[b].rem })
	out := make([]float64, len(values))
	for k := range parts {
		p := &parts[k]
		switch {
		case need > 0 && k < need:
			p.floor++
		case need < 0 && k >= len(parts)+need:
			// Too much already (the total was rounded down): take a tenth
			// back from those that lost least.
			p.floor--
		}
		out[p.i] = p.floor / 10
	}
	for i := range out {
		if out[i] == 0 {
			out[i] = 0 // no "-0.0"
		}
	}
	return out
}

// shownEffects are an explanation's effects as shown: rounded to tenths
// so that each list adds up exactly to the shown fit minus the shown
// baseline.
type shownEffects struct {
	dimensions, answers []float64
}

func showEffects(e scoring.Explanation) shownEffects {
	total := Round1(e.Fit) - Round1(e.Baseline)
	dims := make([]float64, len(e.Dimensions))
	for i, de := range e.Dimensions {
		dims[i] = de.Effect
	}
	answers := make([]float64, len(e.Answers))
	for i, ae := range e.Answers {
		answers[i] = ae.Effect
	}
	return shownEffects{dimensions: apportion(dims, total), answers: apportion(answers, total)}
}
