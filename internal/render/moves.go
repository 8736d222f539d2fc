package render

import (
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// MovesShown is how many dimensions, and how many answers, an
// explanation shows each way.
const MovesShown = 3

// Moves are what an explanation shows, on the results screen and in the
// HTML report alike: the scored dimensions that moved the fit up
// (Closer) and down (Further), and the answers that moved it up and
// down, at most MovesShown of each, in the explanation's order (largest
// effect first). Effects are the shown ones, rounded so that they add up
// to the shown fit minus the shown baseline; one shown as 0.0 moved
// nothing.
type Moves struct {
	Closer, Further []DimensionEffectJSON
	Up, Down        []AnswerEffectJSON
}

// SelectMoves picks an explanation's moves from its JSON view: both
// renderings choose from the same numbers the JSON carries.
func SelectMoves(e ExplanationJSON) Moves {
	var m Moves
	for _, d := range e.Dimensions {
		switch {
		case d.Score == nil:
		case d.Effect > 0 && len(m.Closer) < MovesShown:
			m.Closer = append(m.Closer, d)
		case d.Effect < 0 && len(m.Further) < MovesShown:
			m.Further = append(m.Further, d)
		}
	}
	for _, a := range e.Answers {
		switch {
		case a.Effect > 0 && len(m.Up) < MovesShown:
			m.Up = append(m.Up, a)
		case a.Effect < 0 && len(m.Down) < MovesShown:
			m.Down = append(m.Down, a)
		}
	}
	return m
}

// Explanation builds the JSON view of one explanation, its effects
// rounded as shown (showEffects).
func Explanation(b *quiz.Bank, answers quiz.Answers, e scoring.Explanation) ExplanationJSON {
	ej := ExplanationJSON{Role: b.Roles[e.Role].ID, Fit: Points(e.Fit), Baseline: Points(e.Baseline), Answers: []AnswerEffectJSON{}}
	shown := showEffects(e)
	ej.Dimensions = dimensionEffects(b, e, shown)
	for i, ae := range e.Answers {
		ej.Answers = append(ej.Answers, AnswerEffectJSON{Question: b.Questions[ae.Question].ID, Value: b.FormatValue(ae.Question, answers[ae.Question]), Effect: Points(shown.answers[i])})
	}
	return ej
}

func dimensionEffects(b *quiz.Bank, e scoring.Explanation, shown shownEffects) []DimensionEffectJSON {
	out := []DimensionEffectJSON{}
	for i, de := range e.Dimensions {
		out = append(out, DimensionEffectJSON{ID: b.Dimensions[de.Dimension].ID, Score: score(scoring.DimensionScore{Score: de.Score, Scored: de.Scored}), Target: de.Target, Weight: de.Weight, Effect: Points(shown.dimensions[i])})
	}
	return out
}
