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
)

// MaxMapPoints is how many people a cohort's map shows at most; above
// it, an even sample in input order.
const MaxMapPoints = 300

// Cohort is the batch encoder of `pmfit score INPUT... --format html`: a
// team view of many answer sets. Workers append one short line per valid
// set to a spool file; at the end the page is drawn from counts,
// histograms and an even sample read back from it, so memory stays flat
// from two people to millions.
type Cohort struct {
	Printer i18n.Printer
	Bank    *quiz.Bank
	spool   *os.File
}

// NewCohort returns the team-view encoder for bank b.
func NewCohort(p i18n.Printer, b *quiz.Bank) *Cohort { return &Cohort{Printer: p, Bank: b} }

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
// "id TAB top TAB fit TAB score,score,…" ("-" for a dimension not
// scored). Invalid sets are counted by the run's summary.
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
	b = append(b, cut(id, 80)...)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(o.Result.Top()), 10)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, render.Round1(o.Result.Roles[0].Fit), 'f', 1, 64)
	b = append(b, '\t')
	for i, d := range o.Result.Dimensions {
		if i > 0 {
			b = append(b, ',')
		}
		if d.Scored {
			b = strconv.AppendFloat(b, render.Round1(d.Score), 'f', 1, 64)
		} else {
			b = append(b, '-')
		}
	}
	return append(b, '\n')
}

// cohortPage is the team view as its template reads it.
type cohortPage struct {
	page
	Heading, Counts string
	Roles           []countRow
	RolesH          float64
	RolesDesc       string
	Hists           []histView
	Map             *mapView
	Sampled         string
	People          []personRow
}

type countRow struct {
	ID, Name, Label string
	Count           int
	Share           float64
	Y, W            float64
	Color           int
}

type histView struct {
	ID, Name, Desc string
	Bars           []histBar
}

type histBar struct{ X, Y, H float64 }

type mapView struct {
	Title, XName, YName, XLow, XHigh, YLow, YHigh string
	Points                                        []mapPoint
	Legend                                        []countRow
}

type mapPoint struct {
	CX, CY float64
	Color  int
	Title  string
}

type personRow struct {
	Who, Role  string
	Fit        float64
	XS, YS     string
	RoleColor  int
	RoleID, ID string
}

// End implements batch.Encoder: it reads the spool back and draws the
// page.
func (c *Cohort) End(out io.Writer, s *batch.Summary) error {
	defer c.spool.Close()
	p, b := c.Printer, c.Bank
	v := &cohortPage{
		page:    page{Lang: p.Lang(), Title: p.T(i18n.CohortTitle, s.Records), CSP: CSP, W: wordsFor(p)},
		Heading: p.T(i18n.CohortTitle, s.Records),
		Counts:  p.T(i18n.CohortCounts, s.Scored, s.Invalid),
	}
	nd := len(b.Dimensions)
	hist := make([][10]int, nd)
	roles := make([]int, len(b.Roles))
	stride := max(1, (s.Scored+MaxMapPoints-1)/MaxMapPoints)
	xd, yd := mapAxes(b)
	var points []mapPoint
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
		f := strings.SplitN(strings.TrimSuffix(line, "\n"), "\t", 4)
		if len(f) != 4 {
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
		if n%stride == 0 && xd >= 0 && yd >= 0 && scored[xd] && scored[yd] {
			role := b.Roles[top]
			pt := mapPoint{CX: xt(vals[xd]), CY: mapY(vals[yd]), Color: top % palette, Title: fmt.Sprintf("%s: %s %.0f%%", f[0], role.Name, fit)}
			points = append(points, pt)
			v.People = append(v.People, personRow{Who: f[0], ID: f[0], Role: role.Name, RoleID: role.ID, RoleColor: top % palette, Fit: fit,
				XS: fmt.Sprintf("%.0f", vals[xd]), YS: fmt.Sprintf("%.0f", vals[yd])})
		}
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
		v.Roles = append(v.Roles, countRow{ID: role.ID, Name: role.Name, Label: cut(role.Name, 34), Count: roles[ri], Share: share, Y: float64(i) * roleRowH, W: x(share), Color: ri % palette})
		desc = append(desc, fmt.Sprintf("%s %d (%.0f%%)", role.Name, roles[ri], render.Round1(share)))
	}
	v.RolesH = float64(len(order)) * roleRowH
	v.RolesDesc = strings.Join(desc, "; ")

	for d, dim := range b.Dimensions {
		h := histView{ID: dim.ID, Name: dim.Name}
		top := 1
		for _, n := range hist[d] {
			top = max(top, n)
		}
		var counts []string
		for i, n := range hist[d] {
			bh := 50 * float64(n) / float64(top)
			h.Bars = append(h.Bars, histBar{X: 2 + float64(i)*20, Y: 56 - bh, H: bh})
			counts = append(counts, strconv.Itoa(n))
		}
		h.Desc = p.T(i18n.Histogram, dim.Name, strings.Join(counts, ", "))
		v.Hists = append(v.Hists, h)
	}

	if xd >= 0 && yd >= 0 {
		xdim, ydim := b.Dimensions[xd], b.Dimensions[yd]
		v.Map = &mapView{
			Title: p.T(i18n.PeopleMap, xdim.Name, ydim.Name), XName: xdim.Name, YName: ydim.Name,
			XLow: cut(render.BeforeParen(xdim.Low), 24), XHigh: cut(render.BeforeParen(xdim.High), 24),
			YLow: cut(render.BeforeParen(ydim.Low), 24), YHigh: cut(render.BeforeParen(ydim.High), 24),
			Points: points,
		}
		for _, row := range v.Roles {
			if row.Count > 0 {
				v.Map.Legend = append(v.Map.Legend, row)
			}
		}
		if stride > 1 {
			v.Sampled = p.T(i18n.Sampled, len(points), s.Scored, stride)
		}
	}
	return execute(out, "cohort", v)
}

// palette is how many series colours the pages define (--s0 … --s6).
const palette = 7

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
