package scoring

import (
	"math/bits"

	"github.com/pmfit/pmfit/internal/quiz"
)

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
		for _, c := range q.choices[a.Choice] {
			dst = append(dst, Item{Dimension: c.dim, Position: c.pos, Weight: c.w})
		}
	case quiz.Likert:
		c := q.choices[a.Level-q.min][0]
		dst = append(dst, Item{Dimension: c.dim, Position: c.pos, Weight: c.w})
	case quiz.Multi:
		for i := range q.counts {
			c := &q.counts[i].noneOf
			if a.Picks&q.none == 0 {
				c = &q.counts[i].byTicks[bits.OnesCount64(a.Picks&q.counts[i].mask)]
			}
			dst = append(dst, Item{Dimension: c.dim, Position: c.pos, Weight: c.w})
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
