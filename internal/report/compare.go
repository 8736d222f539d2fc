package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
)

// comparePage is `pmfit compare --format html` as its template reads it.
type comparePage struct {
	page
	Heading     string
	People      []comparedRow
	Dims        []compareDim
	H           float64
	Desc        string
	Differences []string
	WhoHeader   string
	BestHeader  string
	SureHeader  string
}

type comparedRow struct {
	ID, Role, Sure string
	Fit            float64
	Color          int
	Mark           string // the person's marker, for the key
}

type compareDim struct {
	ID, Name, Label string
	Y               float64
	Dots            []compareDot
	Cells           []string
}

type compareDot struct {
	Person string
	Score  float64
	CX, CY float64
	Color  int
	Path   string // the person's marker: hollow, so a person here is not taken for a role on the team view
}

// WriteCompare draws a comparison of a few people: their best fits, their
// profiles overlaid on one chart, and where they differ most.
func WriteCompare(w io.Writer, p i18n.Printer, b *quiz.Bank, v render.ComparisonJSON) error {
	pg := &comparePage{
		page:       page{Lang: p.Lang(), Title: p.T(i18n.CompareTitle, len(v.People)), CSP: CSP, W: wordsFor(p)},
		Heading:    p.T(i18n.CompareTitle, len(v.People)),
		WhoHeader:  p.T(i18n.ColumnWho),
		BestHeader: p.T(i18n.BestFitShort),
		SureHeader: p.T(i18n.HowSure),
	}
	for i, c := range v.People {
		pg.People = append(pg.People, comparedRow{ID: c.ID, Role: c.Roles[0].Name, Sure: render.LevelWord(p, c.Certainty), Fit: float64(c.Fit), Color: i % palette, Mark: marker(i, 7, 7, 4.5)})
	}
	var desc []string
	for d, dim := range b.Dimensions {
		row := compareDim{ID: dim.ID, Name: dim.Name, Label: cut(dim.Name, 30), Y: float64(d) * dimRowH}
		var parts []string
		for i, c := range v.People {
			s := c.Dimensions[d].Score
			if s == nil {
				row.Cells = append(row.Cells, "–")
				continue
			}
			score := float64(*s)
			// People on the same score are nudged apart vertically so
			// every dot shows.
			nudge := 0.0
			for _, dot := range row.Dots {
				if math.Abs(dot.Score-score) < 3 {
					nudge += 5
				}
			}
			row.Dots = append(row.Dots, compareDot{Person: c.ID, Score: score, CX: xt(score), CY: 28 - nudge, Color: i % palette, Path: marker(i, xt(score), 28-nudge, 5)})
			row.Cells = append(row.Cells, fmt.Sprintf("%.0f", render.Round1(score)))
			parts = append(parts, fmt.Sprintf("%s %.0f", c.ID, render.Round1(score)))
		}
		desc = append(desc, dim.Name+": "+strings.Join(parts, ", "))
		pg.Dims = append(pg.Dims, row)
	}
	pg.H = float64(len(pg.Dims)) * dimRowH
	pg.Desc = strings.Join(desc, "; ")
	for _, d := range render.ShownDifferences(v) {
		pg.Differences = append(pg.Differences, render.DifferenceText(p, d))
	}
	return execute(w, "compare", pg)
}
