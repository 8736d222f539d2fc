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

// MoveGroup is one line of an explanation's answers: one answer, or
// several that moved the fit by the same shown amount through the same
// one dimension (three agreement answers on Background, each up 2.1),
// which read as repeats when listed apart.
type MoveGroup struct {
	Effect    Points // the group's total, as shown
	Each      Points // each answer's effect
	Dimension int    // the one dimension the answers measure; -1 for a single answer
	Answers   []AnswerEffectJSON
}

// GroupMoves groups answers (Moves.Up or Moves.Down) that share a shown
// effect and measure the same single dimension, each group where its
// first answer stood.
func GroupMoves(b *quiz.Bank, answers []AnswerEffectJSON) []MoveGroup {
	type key struct {
		effect Points
		dim    int
	}
	var groups []MoveGroup
	at := map[key]int{}
	for _, a := range answers {
		dim := -1
		if qi, ok := b.Question(a.Question); ok && len(b.Questions[qi].Dimensions) == 1 {
			dim = b.Questions[qi].Dimensions[0]
		}
		k := key{Points(Round1(float64(a.Effect))), dim}
		if i, ok := at[k]; ok && dim >= 0 {
			g := &groups[i]
			g.Answers = append(g.Answers, a)
			g.Effect = Points(Round1(float64(g.Effect) + float64(a.Effect)))
			g.Dimension = dim
			continue
		}
		at[k] = len(groups)
		groups = append(groups, MoveGroup{Effect: a.Effect, Each: a.Effect, Dimension: -1, Answers: []AnswerEffectJSON{a}})
	}
	return groups
}
