package scoring

import "github.com/pmfit/pmfit/internal/quiz"

// Item is one answer's position on one dimension (Step 1 of
// docs/scoring.md), with the weight it carries there.
type Item struct {
	Dimension int
	Position  float64 // 0–100
	Weight    float64
}

// Items appends the items answer a to question qi yields. Scoring sums
// the same items inline (accumulate); this is the readable form, for
// explanations and analysis, and the tests hold the two together.
func (m *Model) Items(dst []Item, qi int, a quiz.Answer) []Item {
	if !a.Set {
		return dst
	}
	q := &m.questions[qi]
	switch q.kind {
	case quiz.Single:
		for _, p := range q.options[a.Choice] {
			dst = append(dst, Item{Dimension: p.Dimension, Position: p.At, Weight: q.weight})
		}
	case quiz.Likert:
		pos := 100 * float64(a.Level-q.min) / q.span
		if q.reversed {
			pos = 100 - pos
		}
		dst = append(dst, Item{Dimension: q.dim, Position: pos, Weight: q.weight})
	case quiz.Multi:
		for _, c := range q.counts {
			dst = append(dst, Item{Dimension: c.dim, Position: q.multiPosition(a.Picks, c), Weight: q.weight})
		}
	}
	return dst
}

// ItemPosition is the position answer a to question qi gives dimension
// dim; ok is false when it gives none (unanswered, or an option that
// does not place the person on dim).
func (m *Model) ItemPosition(qi int, a quiz.Answer, dim int) (pos float64, ok bool) {
	var buf [8]Item
	for _, it := range m.Items(buf[:0], qi, a) {
		if it.Dimension == dim {
			return it.Position, true
		}
	}
	return 0, false
}
