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
	Y               float64 // the row's top
	LineY           float64 // its track, within the row
	Dots            []compareDot
	Cells           []string
}

type compareDot struct {
	Person string
	Score  float64
	CX, CY float64
	Color  int
	Path   string // the person's marker: hollow, so a person here is not taken for a role on the team view
	who    int    // the person's place in the comparison
}

// stackStep is how far apart markers stacked off a track are: a marker
// and a hair, so none covers another.
const stackStep = 11.0

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
	top := 0.0
	for d, dim := range b.Dimensions {
		row := compareDim{ID: dim.ID, Name: dim.Name, Label: cut(dim.Name, 30), Y: top}
		var parts []string
		var offsets []float64 // each dot's distance from the track, up negative
		for i, c := range v.People {
			s := c.Dimensions[d].Score
			if s == nil {
				row.Cells = append(row.Cells, "–")
				continue
			}
			score := float64(*s)
			// People within a marker's width of each other are stacked
			// off the track, above and below in turn, so every marker
			// shows where it sits across.
			near := 0
			for _, dot := range row.Dots {
				if math.Abs(dot.Score-score) < 3 {
					near++
				}
			}
			off := stackStep * float64((near+1)/2)
			if near%2 == 1 {
				off = -off
			}
			offsets = append(offsets, off)
			row.Dots = append(row.Dots, compareDot{Person: c.ID, Score: score, CX: xt(score), Color: i % palette, who: i})
			row.Cells = append(row.Cells, fmt.Sprintf("%.0f", render.Round1(score)))
			parts = append(parts, fmt.Sprintf("%s %.0f", c.ID, render.Round1(score)))
		}
		// The track sits lower when the stacks above it would reach the
		// dimension's name, and the row grows when those below would
		// reach the next one.
		up, down := 0.0, 0.0
		for _, off := range offsets {
			up, down = max(up, -off), max(down, off)
		}
		row.LineY = max(28, 24+up) // a marker's top below the name
		for i := range row.Dots {
			dot := &row.Dots[i]
			dot.CY = row.LineY + offsets[i]
			dot.Path = marker(dot.who, dot.CX, dot.CY, 5)
		}
		top += max(dimRowH, row.LineY+down+14)
		desc = append(desc, dim.Name+": "+strings.Join(parts, ", "))
		pg.Dims = append(pg.Dims, row)
	}
	pg.H = top
	pg.Desc = strings.Join(desc, "; ")
	for _, d := range render.ShownDifferences(v) {
		pg.Differences = append(pg.Differences, render.DifferenceText(p, d))
	}
	return execute(w, "compare", pg)
}
