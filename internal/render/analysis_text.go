package render

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/pmfit/pmfit/internal/analysis"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// AnalysisText lays out `pmfit analyze`'s report for a terminal of the
// theme's width (at least 80 columns read well; nothing needs more).
func AnalysisText(out io.Writer, t *Theme, b *quiz.Bank, r *analysis.Report) error {
	w := &errWriter{w: out}
	fmt.Fprintf(w, "%s\n", t.Heading.Sprintf("Analysis of %s: %d questions, %d dimensions, %d roles", quiz.Sanitize(r.Bank), r.Questions, r.Dimensions, r.Roles))

	if s := r.Simulation; s != nil {
		t.section(w, fmt.Sprintf("Simulated respondents: %s (seed %d, noise %.0f points)", count(s.N), s.Seed, float64(s.Noise)))
		writeCohort(w, t, b, &s.Respondents)

		fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprint("Retakes: the same respondents again, with fresh noise"))
		fmt.Fprintf(w, "    %-8s %9s  %s\n", "Level", "Sets", "Same role first")
		for _, c := range s.Calibration {
			fmt.Fprintf(w, "    %-8s %9s  %s\n", c.Level, count(c.Sets), pct(c.RetakeSame))
		}
		if !math.IsNaN(float64(s.RetakeSame)) {
			fmt.Fprintf(w, "    All levels: the full quiz agrees with its own retake for %s of respondents.\n", pct(s.RetakeSame))
		}
		if sh := s.Respondents.Short; sh != nil {
			writeShort(w, t, sh, fmt.Sprintf("taken by the first %s respondents", count(sh.Takes+sh.Cut)))
		}

		t.section(w, fmt.Sprintf("Uniformly random answer sets: %s", count(s.Random.Sets)))
		writeFirst(w, t, b, s.Random.First)
		writeLevels(w, s.Random.Certainty)
		if sh := s.Random.Short; sh != nil {
			writeShort(w, t, sh, fmt.Sprintf("taken by the first %s random sets", count(sh.Takes+sh.Cut)))
		}

		if len(s.Extremes) > 0 {
			fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprint("Extremes: one dimension's own questions at one end, the rest random"))
			fmt.Fprintf(w, "    %-16s %-28s %s\n", "Dimension", "Low end: first", "High end: first")
			for i := 0; i+1 < len(s.Extremes); i += 2 {
				lo, hi := s.Extremes[i], s.Extremes[i+1]
				fmt.Fprintf(w, "    %-16s %-28s %s\n", truncate(lo.Dimension, 16), mostFirst(lo.First), mostFirst(hi.First))
			}
		}
	}

	if in := r.Inputs; in != nil {
		t.section(w, fmt.Sprintf("Inputs: %s answer sets analyzed, %s invalid", count(in.Sets), count(in.Invalid)))
		writeCohort(w, t, b, in)
		if e := in.Expectations; e != nil {
			writeExpectations(w, t, e)
		}
		if sh := in.Short; sh != nil {
			n := sh.Takes + sh.Cut
			who := fmt.Sprintf("taken by the first %s complete answer sets", count(n))
			if n == in.Sets {
				who = fmt.Sprintf("taken by all %s answer sets", count(n))
			}
			if r.Jittered > 0 {
				who = fmt.Sprintf("taken by %s noisy copies of the sets", count(n))
			}
			writeShort(w, t, sh, who)
			if r.Jittered > 0 {
				t.writeWrapped(w, "    ", 4, fmt.Sprintf("In each copy every agreement answer moved one point with probability %.2g (--jitter).", r.Jittered))
			}
		}
	}

	t.section(w, "Best case per role: the widest margin any answers found reach")
	nameW := 0
	for _, re := range r.Reach {
		nameW = max(nameW, len(re.Role))
	}
	for _, re := range r.Reach {
		status := t.Good.Sprint("consistent")
		switch {
		case !re.Reachable:
			status = t.Bad.Sprint("cannot rank first")
		case !re.Consistent:
			status = t.Bad.Sprint("wins by contradicting its targets")
		}
		fmt.Fprintf(w, "  %s  %+6.1f over %-*s  %s\n", padRight(re.Role, nameW), Round1(float64(re.BestMargin)), nameW, re.RunnerUp, status)
		for _, p := range re.Profile {
			if p.Flagged {
				fmt.Fprintf(w, "      %s at %.0f, target %.0f (weight %g)\n", p.Dimension, Round1(float64(p.Score)), p.Target, p.Weight)
			}
		}
	}

	if len(r.Checks) > 0 {
		t.section(w, "Checks")
		for _, c := range r.Checks {
			mark := t.Good.Sprint("✓")
			if !c.OK {
				mark = t.Bad.Sprint("✗")
			}
			t.writeWrapped(w, fmt.Sprintf("  %s %-18s ", mark, c.Name), 23, c.Detail)
		}
	}
	return w.err
}

func writeCohort(w io.Writer, t *Theme, b *quiz.Bank, c *analysis.Cohort) {
	fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprint("Reliability"))
	fmt.Fprintf(w, "    %-16s %5s %6s %6s  %s\n", "Dimension", "Items", "Alpha", "Omega", "Lowest item-total")
	var low []string
	for _, rel := range c.Reliability {
		lowest, lowestQ := math.Inf(1), ""
		for _, it := range rel.Item {
			if v := float64(it.ItemTotal); !math.IsNaN(v) && v < lowest {
				lowest, lowestQ = v, it.Question
			}
			if it.Low {
				low = append(low, fmt.Sprintf("%s (%s, %s)", it.Question, rel.Dimension, stat(it.ItemTotal)))
			}
		}
		lowestText := "–"
		if lowestQ != "" {
			// What the row has left after its fixed columns (4+16+1+5+1+6+1+6+2)
			// and the statistic (4 and a space), down to 8 columns.
			lowestText = fmt.Sprintf("%s %s", stat(analysis.Stat(lowest)), truncate(lowestQ, max(8, min(30, t.Width-1-42-5))))
		}
		fmt.Fprintf(w, "    %-16s %5d %6s %6s  %s\n", truncate(rel.Dimension, 16), rel.Items, stat(rel.Alpha), stat(rel.Omega), lowestText)
	}
	if len(low) > 0 {
		t.writeWrapped(w, "    "+t.Bad.Sprint("Under .20: "), 15, strings.Join(low, "; "))
	}
	fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprint("Ranked first"))
	writeFirst(w, t, b, c.First)
	m := c.Margin
	fmt.Fprintf(w, "    Margins (points): p10 %.1f · p25 %.1f · median %.1f · p75 %.1f · p90 %.1f\n", m.P10, m.P25, m.P50, m.P75, m.P90)
	writeLevels(w, c.Certainty)

	if len(c.Sensitivity) > 0 {
		fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprint("Most decisive questions"))
		t.writeWrapped(w, "    ", 4, t.Dim.Sprint("Share of one-step changes to the answer that change the top role (and of sets where one does):"))
		sens := append([]analysis.Sensitivity(nil), c.Sensitivity...)
		sort.SliceStable(sens, func(i, j int) bool { return statKey(sens[i].Changes) > statKey(sens[j].Changes) })
		for _, s := range sens[:min(8, len(sens))] {
			fmt.Fprintf(w, "    %-30s %6s  (%s)\n", truncate(s.Question, 30), pct(s.Changes), pct(s.Sets))
		}
	}
	if e := c.Explanations; e != nil {
		fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprint("Explanations of the top role"))
		t.writeWrapped(w, "    ", 4, fmt.Sprintf("%s answer effects shown; %s point against the answer's own pull; %s break the sign rule; they add up to within %.3f points.",
			count(e.Effects), pct(e.Against), count(e.SignBreaches), float64(e.SumGap)))
	}
}

func writeFirst(w io.Writer, t *Theme, b *quiz.Bank, first []analysis.RoleShare) {
	nameW := 0
	for _, f := range first {
		nameW = max(nameW, textwidth.String(roleName(b, f.Role)))
	}
	nameW = min(nameW, 30)
	for _, f := range first {
		fmt.Fprintf(w, "    %s %6s  %s\n", padRight(roleName(b, f.Role), nameW), pct(f.Share), t.Bar.Sprint(Bar(100*math.Max(0, float64(f.Share)), 30)))
	}
}

// mostFirst names the role ranked first most often, with its share.
func mostFirst(first []analysis.RoleShare) string {
	best := -1
	for i, f := range first {
		if best < 0 || f.Sets > first[best].Sets {
			best = i
		}
	}
	if best < 0 {
		return "–"
	}
	return fmt.Sprintf("%s %s", truncate(first[best].Role, 18), pct(first[best].Share))
}

func writeLevels(w io.Writer, l analysis.Levels) {
	fmt.Fprintf(w, "    Certainty: high %s · medium %s · low %s\n", pct(l.High), pct(l.Medium), pct(l.Low))
}

func writeExpectations(w io.Writer, t *Theme, e *analysis.Expectations) {
	fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprint("Expected roles"))
	fmt.Fprintf(w, "    %s sets: top-1 %s · top-2 %s · expect or also first %s\n", count(e.Sets), pct(e.Top1), pct(e.Top2), pct(e.Lenient))
	if e.AlsoSets > 0 {
		fmt.Fprintf(w, "    %s sets name also: in the top two %s\n", count(e.AlsoSets), pct(e.AlsoTop2))
	}
	if len(e.Roles) > 12 {
		fmt.Fprintf(w, "    %s\n", t.Dim.Sprint("(the confusion matrix is in --format json)"))
		return
	}
	fmt.Fprintf(w, "\n    %s\n", t.Dim.Sprint("Confusion: rows expected, columns ranked first"))
	// Role columns of 5, after a label column of 14 that gives way (to 8)
	// on a narrow terminal.
	col, label := 5, 14
	label = max(8, min(label, t.Width-1-4-len(e.Roles)*(col+1)))
	fmt.Fprintf(w, "    %-*s", label, "")
	for _, id := range e.Roles {
		fmt.Fprintf(w, " %*s", col, truncate(id, col))
	}
	fmt.Fprintln(w)
	for i, id := range e.Roles {
		total := 0
		for _, n := range e.Confusion[i] {
			total += n
		}
		if total == 0 {
			continue
		}
		fmt.Fprintf(w, "    %-*s", label, truncate(id, label))
		for j, n := range e.Confusion[i] {
			cell := "·"
			if n > 0 {
				cell = fmt.Sprint(n)
			}
			if i == j && n > 0 {
				cell = t.Good.Sprint(fmt.Sprintf("%*s", col, cell))
			} else if n > 0 {
				cell = t.Bad.Sprint(fmt.Sprintf("%*s", col, cell))
			} else {
				cell = fmt.Sprintf("%*s", col, cell)
			}
			fmt.Fprintf(w, " %s", cell)
		}
		fmt.Fprintln(w)
	}
}

func roleName(b *quiz.Bank, id string) string {
	if ri, ok := b.Role(id); ok {
		return b.Roles[ri].Name
	}
	return id
}

// stat writes a statistic as ".919", or "–" when undefined.
func stat(s analysis.Stat) string {
	v := float64(s)
	if math.IsNaN(v) {
		return "–"
	}
	out := fmt.Sprintf("%.3f", v)
	return strings.Replace(out, "0.", ".", 1)
}

func statKey(s analysis.Stat) float64 {
	if math.IsNaN(float64(s)) {
		return -1
	}
	return float64(s)
}

// pct writes a share as a percentage with one decimal.
func pct(s analysis.Stat) string {
	if math.IsNaN(float64(s)) {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(s))
}

// count writes a count with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// writeShort reports a cohort's short quiz takes, in both forms: the
// questions asked (the median with its 95% interval), and how often each
// stopped on the full form's top role and on one of its top two (with
// theirs); the quick stop at each threshold; the fewest any order could
// have asked, when measured.
func writeShort(w io.Writer, t *Theme, sh *analysis.ShortReport, who string) {
	fmt.Fprintf(w, "\n  %s\n", t.Strong.Sprintf("The short quiz, %s (95%% intervals)", who))
	if sh.Cut > 0 {
		t.writeWrapped(w, "    ", 4, fmt.Sprintf("%d of %d takes ran past the work budget (one answer set's short quizzes may cost a million units, docs/performance.md) and are left out.", sh.Cut, sh.Cut+sh.Takes))
	}
	if sh.Takes == 0 {
		return
	}
	fmt.Fprintf(w, "    %-6s %-19s %4s %4s  %-20s %s\n", "Form", "Asked: median", "p90", "max", "Same top role", "In the top two")
	for _, f := range []struct {
		name string
		r    analysis.FormReport
	}{{"quick", sh.Quick}, {"proof", sh.Proof}} {
		asked := fmt.Sprintf("%d of %d (%d–%d)", f.r.Median, sh.Questions, f.r.MedianCI[0], f.r.MedianCI[1])
		fmt.Fprintf(w, "    %-6s %-19s %4d %4d  %-20s %s\n", f.name, asked, f.r.P90, f.r.Max, pctCI(f.r.Top1, f.r.Top1CI), pctCI(f.r.Top2, f.r.Top2CI))
	}
	var curve []string
	for _, c := range sh.Curve {
		curve = append(curve, fmt.Sprintf("%s: median %d, %s", strings.TrimPrefix(fmt.Sprintf("%.2f", c.Threshold), "0"), c.Median, pct(c.Top1)))
	}
	t.writeWrapped(w, "    ", 4, "Quick stop by threshold (top-1 agreement): "+strings.Join(curve, "; "))
	if f := sh.Fewest; f != nil {
		at := "at least "
		if sh.FewestInexact == 0 {
			at = ""
		}
		fmt.Fprintf(w, "    Fewest in any order, answers known: %smedian %d, p90 %d, max %d\n", at, f.Median, f.P90, f.Max)
	}
}

// pctCI writes a share and its interval: "97.6% (96.0–98.6)".
func pctCI(v analysis.Stat, ci [2]analysis.Stat) string {
	return fmt.Sprintf("%s (%s–%s)", pct(v), strings.TrimSuffix(pct(ci[0]), "%"), strings.TrimSuffix(pct(ci[1]), "%"))
}
