// Package analysis measures a question bank as an instrument: how
// reliable each dimension's items are, how roles are distributed over a
// cohort, how well expected roles are recovered, which questions decide
// the top role, whether each role can win without contradicting its own
// description, and whether certainty levels mean what they say.
//
// It works on answer sets, read from files or simulated by the
// respondent model docs/analysis.md states, and is pure: no I/O, and the
// same inputs and seed always give the same report.
package analysis

import (
	"math"
	"math/rand/v2"

	"github.com/pmfit/pmfit/internal/quiz"
)

// DefaultNoise is the model's item-level noise, in points on a 0–100
// dimension: the standard deviation of the error a person makes in
// placing themselves each time they answer an item.
const DefaultNoise = 20.0

// tickThreshold is the latent position above which a simulated person
// ticks a multi-select option: the middle of the scale.
const tickThreshold = 50.0

// Simulator answers a bank as the documented respondent model does. A
// respondent is a true position (theta) per dimension; each item is
// answered from theta plus fresh normal noise of standard deviation
// Noise. It is read-only and safe to share.
type Simulator struct {
	bank  *quiz.Bank
	Noise float64
}

// NewSimulator returns a simulator for b with the given noise.
func NewSimulator(b *quiz.Bank, noise float64) *Simulator {
	return &Simulator{bank: b, Noise: noise}
}

// Theta draws a true position on every dimension, each uniform on
// 0–100 and independent of the others.
func (s *Simulator) Theta(rng *rand.Rand, theta []float64) {
	for d := range theta {
		theta[d] = 100 * rng.Float64()
	}
}

// Answer fills out with a complete answer set given by a respondent at
// theta:
//   - Likert: x = theta[d] + noise, clamped to 0–100; the scale point
//     whose position (after reverse keying) is nearest x.
//   - single: x[d] = theta[d] + noise for each dimension the question
//     measures; the option whose positions are nearest x (mean squared
//     distance over the dimensions it scores; the first on a tie).
//     Options that place the person nowhere are never chosen, unless no
//     option places them anywhere (then one is chosen uniformly).
//   - multi: each option that counts toward dimensions is ticked when
//     the mean of theta over them, plus noise, is above 50; options
//     counting toward nothing are left unticked. Nothing ticked means
//     "none of these", or the option with the highest draw when the
//     question has none.
func (s *Simulator) Answer(rng *rand.Rand, theta []float64, out quiz.Answers) {
	for qi := range s.bank.Questions {
		out[qi] = s.answer(rng, qi, theta)
	}
}

func (s *Simulator) answer(rng *rand.Rand, qi int, theta []float64) quiz.Answer {
	q := &s.bank.Questions[qi]
	switch q.Kind {
	case quiz.Likert:
		x := clamp(theta[q.Dimension] + s.Noise*rng.NormFloat64())
		u := x / 100
		if q.Reverse {
			u = 1 - u
		}
		v := q.Scale.Min + int(math.Round(u*float64(q.Scale.Max-q.Scale.Min)))
		return quiz.Answer{Set: true, Level: v}
	case quiz.Single:
		var x [quiz.MaxDimensions]float64
		for _, d := range q.Dimensions {
			x[d] = theta[d] + s.Noise*rng.NormFloat64()
		}
		best, bestDist := -1, math.Inf(1)
		for oi, o := range q.Options {
			if len(o.Scores) == 0 {
				continue
			}
			dist := 0.0
			for _, p := range o.Scores {
				diff := p.At - x[p.Dimension]
				dist += diff * diff
			}
			if dist /= float64(len(o.Scores)); dist < bestDist {
				best, bestDist = oi, dist
			}
		}
		if best < 0 {
			best = rng.IntN(len(q.Options))
		}
		return quiz.Answer{Set: true, Choice: best}
	default:
		var picks uint64
		top, topDraw := -1, math.Inf(-1)
		for oi, o := range q.Options {
			if o.None || len(o.Counts) == 0 {
				continue
			}
			mean := 0.0
			for _, d := range o.Counts {
				mean += theta[d]
			}
			draw := mean/float64(len(o.Counts)) + s.Noise*rng.NormFloat64()
			if draw > tickThreshold {
				picks |= 1 << uint(oi)
			}
			if draw > topDraw {
				top, topDraw = oi, draw
			}
		}
		switch {
		case picks != 0:
		case q.None >= 0:
			picks = 1 << uint(q.None)
		case top >= 0:
			picks = 1 << uint(top)
		default:
			picks = 1 << uint(rng.IntN(len(q.Options)))
		}
		return quiz.Answer{Set: true, Picks: picks}
	}
}

// Random fills out with a uniformly random complete answer set: every
// valid answer to each question equally likely. For a multi-select that
// is each ordinary option ticked with probability ½, and "none of these"
// when nothing was (a new draw when the question has no such option).
func Random(b *quiz.Bank, rng *rand.Rand, out quiz.Answers) {
	for qi := range b.Questions {
		q := &b.Questions[qi]
		switch q.Kind {
		case quiz.Likert:
			out[qi] = quiz.Answer{Set: true, Level: q.Scale.Min + rng.IntN(q.Scale.Points())}
		case quiz.Single:
			out[qi] = quiz.Answer{Set: true, Choice: rng.IntN(len(q.Options))}
		default:
			var picks uint64
			for picks == 0 {
				for oi := range q.Options {
					if oi != q.None && rng.IntN(2) == 1 {
						picks |= 1 << uint(oi)
					}
				}
				if picks == 0 && q.None >= 0 {
					picks = 1 << uint(q.None)
				}
			}
			out[qi] = quiz.Answer{Set: true, Picks: picks}
		}
	}
}

func clamp(x float64) float64 { return math.Max(0, math.Min(100, x)) }
