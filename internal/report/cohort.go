package report

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/pmfit/pmfit/internal/batch"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// MaxMapPoints is how many people a cohort's map shows at most; above
// it, an even sample in input order.
const MaxMapPoints = 300

// Cohort is the batch encoder of `pmfit score INPUT... --format html`: a
// team view of many answer sets. Workers append one short line per valid
// set to a spool file; at the end the page is drawn from counts,
// histograms and an even sample read back from it, so memory stays flat
// from two people to millions. The people listed (at most MaxMapPoints)
// get what it would take for their runner-up to rank first, worked out
// from their answers, which the spool keeps.
type Cohort struct {
	Printer i18n.Printer
	Bank    *quiz.Bank
	Model   *scoring.Model
	// RouteWork is how much route-search work the page may spend in all,
	// in scoring's units; 0 means TeamRouteWork.
	RouteWork int
	spool     *os.File
}

// TeamRouteWork bounds the route searches of one team page in all: four
// single routes' budgets, a second or two on the largest bank allowed.
// On the default bank 300 people use a small part of it; past it, the
// people listed last go without "what it would take", and the page says
// so.
const TeamRouteWork = 1 << 24

// NewCohort returns the team-view encoder for bank b, scored by m.
func NewCohort(p i18n.Printer, b *quiz.Bank, m *scoring.Model) *Cohort {
	return &Cohort{Printer: p, Bank: b, Model: m}
}

// Begin implements batch.Encoder: records go to a spool file that is
// gone once closed.
func (c *Cohort) Begin(io.Writer) (io.Writer, error) {
	f, err := os.CreateTemp("", "pmfit-cohort-*.tsv")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name())
	c.spool = f
	return f, nil
}

// Append implements batch.Encoder: a valid set becomes one line,
// "id TAB top TAB fit TAB scores TAB runner-up TAB level TAB answers":
// scores "s,s,…" ("-" for a dimension not scored), runner-up -1 when
// none is scored, answers one token per question ("" unanswered, a scale
// point, an option's index, or "m" and a multi-select's picks in hex).
// Invalid sets are counted by the run's summary.
func (c *Cohort) Append(b []byte, o *batch.Outcome) []byte {
	if o.Err != nil {
		return b
	}
	id := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, quiz.Sanitize(string(o.ID)))
	res := o.Result
	b = append(b, cut(id, 80)...)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(res.Top()), 10)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, render.Round1(res.Roles[0].Fit), 'f', 1, 64)
	b = append(b, '\t')
	for i, d := range res.Dimensions {
		if i > 0 {
			b = append(b, ',')
		}
		if d.Scored {
			b = strconv.AppendFloat(b, render.Round1(d.Score), 'f', 1, 64)
		} else {
			b = append(b, '-')
		}
	}
	second := -1
	if len(res.Roles) > 1 && res.Roles[1].Scored {
		second = res.Roles[1].Role
	}
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(second), 10)
	b = append(b, '\t')
	b = append(b, res.Certainty.Level...)
	b = append(b, '\t')
	for qi, a := range o.Answers {
		if qi > 0 {
			b = append(b, ';')
		}
		switch {
		case !a.Set:
		case c.Bank.Questions[qi].Kind == quiz.Likert:
			b = strconv.AppendInt(b, int64(a.Level), 10)
		case c.Bank.Questions[qi].Kind == quiz.Single:
			b = strconv.AppendInt(b, int64(a.Choice), 10)
		default:
			b = append(b, 'm')
			b = strconv.AppendUint(b, a.Picks, 16)
		}
	}
	return append(b, '\n')
}

// decodeAnswers reads Append's answers field back.
func (c *Cohort) decodeAnswers(field string) (quiz.Answers, error) {
	answers := c.Bank.NewAnswers()
	tokens := strings.Split(field, ";")
	if len(tokens) != len(answers) {
		return nil, fmt.Errorf("%d answers, the bank has %d questions", len(tokens), len(answers))
	}
	for qi, t := range tokens {
		switch {
		case t == "":
		case strings.HasPrefix(t, "m"):
			picks, err := strconv.ParseUint(t[1:], 16, 64)
			if err != nil {
				return nil, err
			}
			answers[qi] = quiz.Answer{Set: true, Picks: picks}
		default:
			n, err := strconv.Atoi(t)
			if err != nil {
				return nil, err
			}
			if c.Bank.Questions[qi].Kind == quiz.Likert {
				answers[qi] = quiz.Answer{Set: true, Level: n}
			} else {
				answers[qi] = quiz.Answer{Set: true, Choice: n}
			}
		}
	}
	return answers, nil
}

// cohortPage is the team view as its template reads it.
type cohortPage struct {
	page
	Heading, Counts string
	Roles           []countRow
	RolesH          float64
	RolesDesc       string
	Hists           []histView
	Bins            []string // the histograms' bins, for their table: 0–10 … 90–100
	Map             *mapView
	Sampled         string
	TakeNote        string // why some people go without what it would take
	People          []personRow
	// Column headings of the people table.
	ColNum, ColWho, ColBest, ColSecond, ColSure, ColTake string
}

type countRow struct {
	ID, Name, Label string
	Count           int
	Share           float64
	Y, W            float64
	Color           int
	Mark            string // the role's marker, for the legend
}

type histView struct {
	ID, Name, Desc, Ends string
	Bars                 []histBar
}

type histBar struct {
	X, Y, H        float64
	Count          int
	CountX, CountY float64 // where the count is written, above the bar
}

type mapView struct {
	Title, Desc  string
	XName, YName string // the axes' dimensions, for the table
	// Top and Height of the drawing: the square, with room above and
	// below for the axes' ends.
	Top, Height float64
	Ends        []axisEnd // what each axis's ends mean, a line or two each
	Points      []mapPoint
	Labels      []mapLabel
	Legend      []countRow
}

// axisEnd is one end of an axis in words, as lines of text.
type axisEnd struct {
	Class string
	Lines []axisLine
}

type axisLine struct {
	X, Y float64
	Text string
}

type mapPoint struct {
	Num   int
	Path  string // the marker, its role's shape
	Color int
	Title string
}

// mapLabel is a person's number beside their marker; Lead, when set,
// draws a line back to the marker from a label placed further off.
type mapLabel struct {
	Text           string
	X, Y           float64
	Lead           bool
	X1, Y1, X2, Y2 float64
}

type personRow struct {
	Num                     int
	Who, Role, Second, Sure string
	Take                    string
	Fit                     float64
	XS, YS                  string
	RoleColor               int
	Mark                    string
	RoleID, ID              string
}

// End implements batch.Encoder: it reads the spool back and draws the
// page.
func (c *Cohort) End(out io.Writer, s *batch.Summary) error {
	defer c.spool.Close()
	p, b := c.Printer, c.Bank
	v := &cohortPage{
		page:    page{Lang: p.Lang(), Title: p.T(i18n.CohortTitle, s.Scored), CSP: CSP, W: wordsFor(p)},
		Heading: p.T(i18n.CohortTitle, s.Scored),
		Counts:  p.T(i18n.CohortCounts, s.Scored, s.Invalid),
		ColNum:  "#", ColWho: p.T(i18n.ColumnWho), ColBest: p.T(i18n.BestFitShort), ColSecond: p.T(i18n.ColumnRunnerUp),
		ColSure: p.T(i18n.HowSure), ColTake: p.T(i18n.ColumnWhatItWouldTake),
	}
	nd := len(b.Dimensions)
	hist := make([][10]int, nd)
	roles := make([]int, len(b.Roles))
	stride := max(1, (s.Scored+MaxMapPoints-1)/MaxMapPoints)
	xd, yd := mapAxes(b)
	var spots []spot
	routeWork, leftOut := TeamRouteWork, 0
	if c.RouteWork > 0 {
		routeWork = c.RouteWork
	}
	if _, err := c.spool.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(c.spool, 64<<10)
	for n := 0; ; n++ {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) && line == "" {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		f := strings.SplitN(strings.TrimSuffix(line, "\n"), "\t", 7)
		if len(f) != 7 {
			return fmt.Errorf("cohort spool: malformed line %d", n+1)
		}
		top, _ := strconv.Atoi(f[1])
		fit, _ := strconv.ParseFloat(f[2], 64)
		scores := strings.Split(f[3], ",")
		roles[top]++
		vals := make([]float64, nd)
		scored := make([]bool, nd)
		for d := 0; d < nd && d < len(scores); d++ {
			if sc, err := strconv.ParseFloat(scores[d], 64); err == nil {
				vals[d], scored[d] = sc, true
				hist[d][min(9, int(sc/10))]++
			}
		}
		if n%stride != 0 {
			continue
		}
		role := b.Roles[top]
		row := personRow{Num: len(v.People) + 1, Who: f[0], ID: f[0], Role: role.Name, RoleID: role.ID, RoleColor: top % palette, Fit: fit,
			Sure: render.LevelWord(p, f[5]), Second: "–", Take: "–", Mark: marker(top, 7, 7, 5)}
		if second, _ := strconv.Atoi(f[4]); second >= 0 {
			row.Second = b.Roles[second].Name
			switch {
			case c.Model == nil:
			case routeWork <= 0:
				leftOut++
			default:
				answers, err := c.decodeAnswers(f[6])
				if err != nil {
					return fmt.Errorf("cohort spool, line %d: %w", n+1, err)
				}
				route, work := c.Model.RouteWithin(answers, second, routeWork)
				routeWork -= work
				row.Take = takeSummary(p, b, &route)
			}
		}
		if xd >= 0 && yd >= 0 && scored[xd] && scored[yd] {
			row.XS, row.YS = fmt.Sprintf("%.0f", vals[xd]), fmt.Sprintf("%.0f", vals[yd])
			spots = append(spots, spot{num: row.Num, role: top, x: xt(vals[xd]), y: mapY(vals[yd]),
				title: fmt.Sprintf("%d. %s: %s %.0f%%", row.Num, f[0], role.Name, fit)})
		} else {
			row.XS, row.YS = "–", "–"
		}
		v.People = append(v.People, row)
	}

	// Roles, most common first (ties in bank order).
	order := make([]int, len(roles))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(roles[b], roles[a]) })
	var desc []string
	for i, ri := range order {
		share := 0.0
		if s.Scored > 0 {
			share = 100 * float64(roles[ri]) / float64(s.Scored)
		}
		role := b.Roles[ri]
		v.Roles = append(v.Roles, countRow{ID: role.ID, Name: role.Name, Label: role.Name, Count: roles[ri], Share: share,
			Y: float64(i) * roleRowH, W: x(share), Color: ri % palette, Mark: marker(ri, 7, 7, 5)})
		desc = append(desc, fmt.Sprintf("%s %d (%.0f%%)", role.Name, roles[ri], render.Round1(share)))
	}
	v.RolesH = float64(len(order)) * roleRowH
	v.RolesDesc = strings.Join(desc, "; ")

	for i := range 10 {
		v.Bins = append(v.Bins, fmt.Sprintf("%d–%d", 10*i, 10*(i+1)))
	}
	for d, dim := range b.Dimensions {
		h := histView{ID: dim.ID, Name: dim.Name, Ends: p.T(i18n.HistogramEnds, render.BeforeParen(dim.Low), render.BeforeParen(dim.High))}
		top := 1
		for _, n := range hist[d] {
			top = max(top, n)
		}
		var counts []string
		for i, n := range hist[d] {
			bh := 44 * float64(n) / float64(top)
			bar := histBar{X: 2 + float64(i)*20, Y: 62 - bh, H: bh, Count: n}
			bar.CountX, bar.CountY = bar.X+9, bar.Y-2
			h.Bars = append(h.Bars, bar)
			counts = append(counts, strconv.Itoa(n))
		}
		h.Desc = p.T(i18n.Histogram, dim.Name, strings.Join(counts, ", "))
		v.Hists = append(v.Hists, h)
	}

	if xd >= 0 && yd >= 0 {
		xdim, ydim := b.Dimensions[xd], b.Dimensions[yd]
		xLow, xHigh := textwidth.Wrap("← "+render.BeforeParen(xdim.Low), 26), textwidth.Wrap(render.BeforeParen(xdim.High)+" →", 26)
		yLow, yHigh := textwidth.Wrap("↓ "+render.BeforeParen(ydim.Low), 40), textwidth.Wrap("↑ "+render.BeforeParen(ydim.High), 40)
		v.Map = &mapView{
			Title: p.T(i18n.PeopleMap, xdim.Name, ydim.Name), XName: xdim.Name, YName: ydim.Name,
			Desc: p.T(i18n.MapDesc, ydim.Name, strings.Join(yLow, " "), strings.Join(yHigh, " "),
				xdim.Name, strings.Join(xLow, " "), strings.Join(xHigh, " ")),
		}
		v.Map.Top, v.Map.Height, v.Map.Ends = mapEnds(xLow, xHigh, yLow, yHigh)
		v.Map.Points, v.Map.Labels = placeSpots(spots)
		for _, row := range v.Roles {
			if row.Count > 0 {
				v.Map.Legend = append(v.Map.Legend, row)
			}
		}
	}
	if stride > 1 {
		v.Sampled = p.T(i18n.Sampled, len(v.People), s.Scored, stride)
	}
	if leftOut > 0 {
		v.TakeNote = p.T(i18n.TakeLeftOut, leftOut)
	}
	return execute(out, "cohort", v)
}

// takeSummary is what it would take, in a table cell: how many changes,
// and what they mean for work.
func takeSummary(p i18n.Printer, b *quiz.Bank, r *scoring.Route) string {
	switch {
	case !r.Possible && !r.Exact:
		return p.T(i18n.TakeNotFound)
	case !r.Possible:
		return p.T(i18n.PathNone, b.Roles[r.To].Name)
	}
	groups, facts := render.PathGroups(p, b, r)
	var parts []string
	for _, g := range groups {
		parts = append(parts, g.Toward)
	}
	if len(facts) > 0 {
		parts = append(parts, p.T(i18n.PathFactsLine, len(facts)))
	}
	n := len(r.Changes)
	head := p.T(i18n.TakeChanges, n)
	switch {
	case !r.Exact:
		head = p.T(i18n.TakeAtMost, n)
	case n == 1:
		head = p.T(i18n.TakeChange)
	}
	return head + ": " + strings.Join(parts, "; ")
}

// mapEnds lays out the axes' ends around the 360-unit square: the top
// of the vertical axis above it, the horizontal axis's ends below it at
// either side, and the bottom of the vertical axis under those; and the
// drawing's top and height that hold them, 15 units a line.
func mapEnds(xLow, xHigh, yLow, yHigh []string) (top, height float64, ends []axisEnd) {
	const line = 15.0
	end := func(class string, x, y0 float64, texts []string) axisEnd {
		e := axisEnd{Class: class}
		for i, t := range texts {
			e.Lines = append(e.Lines, axisLine{X: x, Y: y0 + line*float64(i), Text: t})
		}
		return e
	}
	below := max(len(xLow), len(xHigh))
	ends = []axisEnd{
		end("small", 0, -6-line*float64(len(yHigh)-1), yHigh),
		end("small", 0, 376, xLow),
		end("small end", 360, 376, xHigh),
		end("small below", 0, 376+line*float64(below), yLow),
	}
	top = -14 - 16*float64(len(yHigh))
	height = 392 + 16*float64(len(yHigh)) + 16*float64(below)
	return top, height, ends
}

// spot is a person on the map before placement.
type spot struct {
	num, role int
	x, y      float64
	title     string
}

// placeSpots draws each person's marker and number. People on the same
// spot are set around it in a small ring, so that every marker shows; a
// number goes in the first place around its marker that overlaps no
// other number or marker, further out (with a line back) when the near
// ones are taken; in a crowd past that, the place it overlaps least.
// The map is 360 units square.
func placeSpots(spots []spot) ([]mapPoint, []mapLabel) {
	type box struct{ x0, y0, x1, y1 float64 }
	overlaps := func(a, b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
	const r = 5.0
	// Markers at one spot (within a marker's width) go round a ring.
	var groups [][]int
	for i, s := range spots {
		placed := false
		for gi, g := range groups {
			if f := spots[g[0]]; math.Abs(f.x-s.x) < 2*r && math.Abs(f.y-s.y) < 2*r {
				groups[gi] = append(g, i)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []int{i})
		}
	}
	pos := make([][2]float64, len(spots))
	for _, g := range groups {
		cx, cy := spots[g[0]].x, spots[g[0]].y
		if len(g) == 1 {
			pos[g[0]] = [2]float64{cx, cy}
			continue
		}
		ring := r * 1.3 * math.Max(1, float64(len(g))/5)
		for k, i := range g {
			a := 2 * math.Pi * float64(k) / float64(len(g))
			pos[i] = [2]float64{clamp(cx+ring*math.Cos(a), r, 360-r), clamp(cy+ring*math.Sin(a), r, 360-r)}
		}
	}
	var taken []box
	points := make([]mapPoint, len(spots))
	for i, s := range spots {
		points[i] = mapPoint{Num: s.num, Path: marker(s.role, pos[i][0], pos[i][1], r), Color: s.role % palette, Title: s.title}
		taken = append(taken, box{pos[i][0] - r, pos[i][1] - r, pos[i][0] + r, pos[i][1] + r})
	}
	labels := make([]mapLabel, 0, len(spots))
	for i, s := range spots {
		text := strconv.Itoa(s.num)
		w, h := 6.5*float64(len(text))+1, 10.0
		px, py := pos[i][0], pos[i][1]
		best, bestHits := box{}, math.MaxInt
		var bestAt [2]float64
		try := func(dx, dy float64) bool {
			// (dx, dy) is where the label's centre goes.
			b := box{px + dx - w/2, py + dy - h/2, px + dx + w/2, py + dy + h/2}
			if b.x0 < 0 || b.x1 > 360 || b.y0 < 0 || b.y1 > 360 {
				return false
			}
			hits := 0
			for _, t := range taken {
				if overlaps(b, t) {
					hits++
				}
			}
			if hits < bestHits {
				best, bestHits, bestAt = b, hits, [2]float64{dx, dy}
			}
			return hits == 0
		}
		found := false
		// Near places first, eight around the marker; further out, where a
		// leader line joins number and marker, sixteen.
		for ring, dist := range []float64{r + 1 + w/2, r + 9 + w/2, r + 20 + w/2, r + 32 + w/2, r + 46 + w/2} {
			n := 8
			if ring >= 2 {
				n = 16
			}
			for k := range n {
				a := float64(k) * 2 * math.Pi / float64(n)
				if try(dist*math.Cos(a), (h/2+r+1)*math.Sin(a)*dist/(r+1+w/2)) {
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if bestHits == math.MaxInt { // nowhere inside the frame: on the marker
			best, bestAt = box{px - w/2, py - h/2, px + w/2, py + h/2}, [2]float64{0, 0}
		}
		taken = append(taken, best)
		l := mapLabel{Text: text, X: (best.x0 + best.x1) / 2, Y: best.y1 - 1.5}
		if math.Hypot(bestAt[0], bestAt[1]) > r+2+w {
			l.Lead, l.X1, l.Y1, l.X2, l.Y2 = true, px, py, (best.x0+best.x1)/2, (best.y0+best.y1)/2
		}
		labels = append(labels, l)
	}
	return points, labels
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// mapAxes are the dimensions a cohort's map plots: across, the bank's
// gauge (why ↔ how); up, its "background" dimension, else the first
// other one. -1 when the bank has too few dimensions.
func mapAxes(b *quiz.Bank) (x, y int) {
	x, y = b.Gauge, -1
	if x < 0 {
		x = 0
	}
	if d, ok := b.Dimension("background"); ok && d != x {
		y = d
	}
	for d := range b.Dimensions {
		if y < 0 && d != x {
			y = d
		}
	}
	return x, y
}

// mapY is where a 0–100 value sits up the map: 0 at the bottom.
func mapY(v float64) float64 {
	return 8 + (100-math.Max(0, math.Min(100, v)))/100*(chartW-2*inset)
}
