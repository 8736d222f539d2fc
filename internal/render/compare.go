package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// Compared is one person in a comparison: who, where their answers came
// from, and their result.
type Compared struct {
	ID, Source string
	Answers    quiz.Answers
	Result     *scoring.Result
}

// ComparisonJSON is `pmfit compare --format json`.
type ComparisonJSON struct {
	People []ComparedJSON `json:"people"`
	// Differences are the dimensions at least two people were scored on,
	// the widest spread first.
	Differences []DifferenceJSON `json:"differences"`
}

// ComparedJSON is one person's result in a comparison.
type ComparedJSON struct {
	ID         string          `json:"id"`
	Source     string          `json:"source"`
	Top        string          `json:"top"`
	Fit        Points          `json:"fit"`
	Certainty  string          `json:"certainty"`
	Roles      []RoleFitJSON   `json:"roles"`
	Dimensions []DimensionJSON `json:"dimensions"`
}

// DifferenceJSON is how far apart people are on one dimension: the
// lowest and highest scores and whose they are.
type DifferenceJSON struct {
	Dimension string `json:"dimension"`
	Name      string `json:"name"`
	Spread    Points `json:"spread"`
	Low       Points `json:"low"`
	LowID     string `json:"low_id"`
	High      Points `json:"high"`
	HighID    string `json:"high_id"`
}

// Comparison builds the comparison view of people's results.
func Comparison(p i18n.Printer, b *quiz.Bank, people []Compared) ComparisonJSON {
	v := ComparisonJSON{People: []ComparedJSON{}, Differences: []DifferenceJSON{}}
	for _, c := range people {
		r := Result(p, b, c.Answers, c.Result, c.ID)
		v.People = append(v.People, ComparedJSON{ID: c.ID, Source: c.Source, Top: r.Top, Fit: Points(r.Roles[0].FitOr()),
			Certainty: r.Certainty.Level, Roles: r.Roles, Dimensions: r.Dimensions})
	}
	for d, dim := range b.Dimensions {
		diff := DifferenceJSON{Dimension: dim.ID, Name: dim.Name}
		n := 0
		for i, c := range people {
			s := c.Result.Dimensions[d]
			if !s.Scored {
				continue
			}
			score := Round1(s.Score)
			if n == 0 || score < float64(diff.Low) {
				diff.Low, diff.LowID = Points(score), people[i].ID
			}
			if n == 0 || score > float64(diff.High) {
				diff.High, diff.HighID = Points(score), people[i].ID
			}
			n++
		}
		if n < 2 {
			continue
		}
		diff.Spread = Points(Round1(float64(diff.High) - float64(diff.Low)))
		v.Differences = append(v.Differences, diff)
	}
	slices.SortStableFunc(v.Differences, func(a, b DifferenceJSON) int {
		switch {
		case a.Spread > b.Spread:
			return -1
		case a.Spread < b.Spread:
			return 1
		}
		return 0
	})
	return v
}

// ShownDifferences are the differences a comparison lists, on screen and
// in its HTML page: the three widest, leaving out any that round to 0
// points (listing "from 70 to 70" as a difference says nothing).
func ShownDifferences(v ComparisonJSON) []DifferenceJSON {
	var shown []DifferenceJSON
	for _, d := range v.Differences {
		if len(shown) == 3 || Round1(float64(d.Spread)) < 0.5 {
			break // widest first: the rest are no wider
		}
		shown = append(shown, d)
	}
	return shown
}

// DifferenceText says in words how far apart people are on a dimension.
func DifferenceText(p i18n.Printer, d DifferenceJSON) string {
	return p.T(i18n.DiffersBy, d.Name, float64(d.Low), d.LowID, float64(d.High), d.HighID, float64(d.Spread))
}

// CompareText draws a comparison as a table: a column per person, a row
// for the best fit, its fit and certainty, then each dimension; then
// where they differ most. Columns are as wide as the longest word of a
// role's name, so names wrap whole within them; when the people do not
// fit side by side, the table continues below, a few people at a time.
func CompareText(out io.Writer, t *Theme, b *quiz.Bank, v ComparisonJSON) error {
	w := &errWriter{w: out}
	fmt.Fprintln(w, t.Heading.Sprint(t.P.T(i18n.CompareTitle, len(v.People))))
	labelW := 0
	for _, d := range b.Dimensions {
		labelW = max(labelW, textwidth.String(d.Name))
	}
	labelW = min(max(labelW, 12), 22)
	colW := 8
	for _, c := range v.People {
		for _, word := range strings.Fields(c.Roles[0].Name) {
			colW = max(colW, textwidth.String(word))
		}
	}
	room := t.Width - 1 - 2 - labelW
	colW = min(colW, 20, max(room-2, 8))
	perTable := max(1, room/(colW+2))
	// Spread the people evenly over the tables, and the room over them.
	tables := (len(v.People) + perTable - 1) / perTable
	perTable = (len(v.People) + tables - 1) / tables
	colW = max(colW, min(20, room/perTable-2))
	for start := 0; start < len(v.People); start += perTable {
		compareTable(w, t, b, v.People[start:min(start+perTable, len(v.People))], labelW, colW)
	}
	if shown := ShownDifferences(v); len(shown) > 0 {
		t.section(w, t.P.T(i18n.DifferMost))
		for _, d := range shown {
			t.writeWrapped(w, "  ", 2, quiz.SanitizeLine(DifferenceText(t.P, d)))
		}
	}
	return w.err
}

// compareTable draws one table of a comparison, for people.
func compareTable(w io.Writer, t *Theme, b *quiz.Bank, people []ComparedJSON, labelW, colW int) {
	fmt.Fprintln(w)
	// A row's cells wrap within their columns; a word wider than its
	// column (a long id) is broken, never cut.
	row := func(label string, cells []string) {
		var lines [][]string
		height := 1
		for _, c := range cells {
			wrapped := []string{quiz.SanitizeLine(c)}
			if textwidth.String(c) > colW {
				wrapped = breakWords(textwidth.Wrap(wrapped[0], colW), colW)
			}
			lines = append(lines, wrapped)
			height = max(height, len(wrapped))
		}
		for i := range height {
			line := "  " + padRight(label, labelW)
			if i > 0 {
				line = "  " + strings.Repeat(" ", labelW)
			}
			for _, cl := range lines {
				cell := ""
				if i < len(cl) {
					cell = cl[i]
				}
				line += "  " + padRight(cell, colW)
			}
			fmt.Fprintln(w, strings.TrimRight(line, " "))
		}
	}
	cells := func(f func(c ComparedJSON) string) []string {
		var out []string
		for _, c := range people {
			out = append(out, f(c))
		}
		return out
	}
	row("", cells(func(c ComparedJSON) string { return c.ID }))
	row(t.P.T(i18n.BestFitShort), cells(func(c ComparedJSON) string { return c.Roles[0].Name }))
	row(t.P.T(i18n.ColumnFitText), cells(func(c ComparedJSON) string { return fmt.Sprintf("%.0f%%", float64(c.Fit)) }))
	row(t.P.T(i18n.HowSure), cells(func(c ComparedJSON) string { return LevelWord(t.P, c.Certainty) }))
	fmt.Fprintln(w)
	for d, dim := range b.Dimensions {
		row(dim.Name, cells(func(c ComparedJSON) string {
			if s := c.Dimensions[d].Score; s != nil {
				return fmt.Sprintf("%3.0f", Round1(float64(*s)))
			}
			return "  –"
		}))
	}
}

// breakWords breaks every line wider than n columns into pieces of at
// most n: after a hyphen, underscore, dot or slash when one is in reach
// (ids are file names), else at n.
func breakWords(lines []string, n int) []string {
	var out []string
	for _, l := range lines {
		for textwidth.String(l) > n {
			head := strings.TrimSuffix(textwidth.Truncate(l, n+1), "…") // n columns
			if i := strings.LastIndexAny(head, "-_./"); i > 0 {
				head = head[:i+1]
			}
			if head == "" {
				break
			}
			out = append(out, head)
			l = l[len(head):]
		}
		out = append(out, l)
	}
	return out
}

// LevelWord names a certainty level ("high") in p's language.
func LevelWord(p i18n.Printer, level string) string {
	switch level {
	case "high":
		return p.T(i18n.LevelHigh)
	case "medium":
		return p.T(i18n.LevelMedium)
	}
	return p.T(i18n.LevelLow)
}
