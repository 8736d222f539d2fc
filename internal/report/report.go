// Package report draws results as self-contained HTML pages: a person's
// report, a cohort's team view, and a side-by-side comparison. A page is
// one file, inline CSS and SVG, with no script and no request of any
// kind, so it opens from disk and can be mailed or printed as it is.
//
// Pages are built from the same views `--format json` writes (the JSON
// contract in package render) plus the bank's own texts, and rendered by
// html/template: every text from a bank or an answer file is escaped
// where it lands, and a Content-Security-Policy forbids scripts and
// remote loads in case anything slipped through.
package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"sync"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/render"
)

//go:embed templates/*.tmpl
var files embed.FS

// MaxPageBytes bounds a person's report, which is mailed and printed.
const MaxPageBytes = 200 << 10

// CSP forbids everything but the page's own inline styles and data:
// images: no script, no font, no request.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

// pages parses the templates the first time a page is drawn, not at
// start-up: most runs draw none.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"f1":     func(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) },
		"pct":    func(x float64) string { return fmt.Sprintf("%.0f%%", render.Round1(x)) },
		"num":    func(x float64) string { return fmt.Sprintf("%.0f", render.Round1(x)) },
		"add":    func(a, b float64) float64 { return a + b },
		"legend": func(you, role string) legendView { return legendView{You: you, Role: role} },
		"series": seriesCSS,
		"marker": marker,
	}).ParseFS(files, "templates/*.tmpl"))
})

// legendView is a chart legend: the person's mark, and the role's.
type legendView struct{ You, Role string }

// page is what every page's layout needs.
type page struct {
	Lang  string
	Title string
	CSP   string
	W     words
}

// execute renders the named page into w.
func execute(w io.Writer, name string, data any) error {
	var buf bytes.Buffer
	if err := pages().ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("drawing the report: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// words are pmfit's own words on the pages, in the page's language.
type words struct {
	FitByRole, YourProfile, LegendYou, ChartAsTable, ColumnDimension, ColumnYou,
	ColumnTarget, ColumnWeight, ColumnRole, ColumnFit, ColumnQuestion, ColumnAnswer,
	ColumnWho, ColumnPeople, ScoreAgain, Footer, BestFitCounts, Distributions,
	DifferMost, Profiles, AnswersCounted, ClosestMatch, FurthestApart string
}

func wordsFor(p i18n.Printer) words {
	return words{
		FitByRole:       p.T(i18n.FitByRole),
		YourProfile:     p.T(i18n.YourProfile),
		LegendYou:       p.T(i18n.LegendYou),
		ChartAsTable:    p.T(i18n.ChartAsTable),
		ColumnDimension: p.T(i18n.ColumnDimension),
		ColumnYou:       p.T(i18n.ColumnYou),
		ColumnTarget:    p.T(i18n.ColumnTarget),
		ColumnWeight:    p.T(i18n.ColumnWeight),
		ColumnRole:      p.T(i18n.ColumnRole),
		ColumnFit:       p.T(i18n.ColumnFit),
		ColumnQuestion:  p.T(i18n.ColumnQuestion),
		ColumnAnswer:    p.T(i18n.ColumnAnswer),
		ColumnWho:       p.T(i18n.ColumnWho),
		ColumnPeople:    p.T(i18n.ColumnPeople),
		ScoreAgain:      p.T(i18n.ScoreAgain),
		Footer:          p.T(i18n.ReportFooter),
		BestFitCounts:   p.T(i18n.BestFitCounts),
		Distributions:   p.T(i18n.Distributions),
		DifferMost:      p.T(i18n.DifferMost),
		Profiles:        p.T(i18n.Profiles),
		AnswersCounted:  p.T(i18n.AnswersCounted),
		ClosestMatch:    p.T(i18n.ClosestMatch),
		FurthestApart:   p.T(i18n.FurthestApart),
	}
}

// Chart geometry, in SVG user units. Charts are drawn 360 units wide, the
// width of a small phone, so their text is legible there; wider screens
// scale them up to a cap set in the CSS.
const (
	chartW   = 360.0
	roleRowH = 32.0 // a role: its name and fit, then its bar
	dimRowH  = 42.0 // a dimension: its name and values, then its track
	inset    = 8.0  // room at both ends of a track for a dot at 0 or 100
)

// x is where a 0–100 value sits along a bar.
func x(v float64) float64 { return math.Max(0, math.Min(100, v)) / 100 * chartW }

// xt is where a 0–100 value sits along a track with dots on it.
func xt(v float64) float64 { return inset + math.Max(0, math.Min(100, v))/100*(chartW-2*inset) }
