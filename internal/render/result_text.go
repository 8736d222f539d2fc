package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// ResultText draws the results screen: the ranking, where the person sits
// on the bank's gauge, their profile, what moved the top role, and that
// role's facts. The quiz and `pmfit score` share it.
func ResultText(out io.Writer, t *Theme, b *quiz.Bank, answers quiz.Answers, res *scoring.Result) error {
	w := &errWriter{w: out}
	top := b.Roles[res.Top()]
	if !t.headline(w, b, res) {
		return w.err
	}
	t.section(w, t.P.T(i18n.FitByRole))
	t.writeRoles(w, b, res, len(res.Roles))

	if b.Gauge >= 0 {
		t.writeGauge(w, b.Dimensions[b.Gauge], res.Dimensions[b.Gauge])
	}

	t.section(w, t.P.T(i18n.YourProfile))
	t.writeProfile(w, b, res)

	if len(res.Explanations) > 0 {
		t.writeExplanation(w, b, answers, res.Explanations[0])
	}

	t.section(w, t.P.T(i18n.AboutRole, top.Name))
	t.writeWrapped(w, "  ", 2, top.Summary)
	writeFacts(w, t, b, top, true)

	if res.Route != nil {
		t.writePathSummary(w, b, res.Route)
	}
	return w.err
}

// headline writes the verdict (NewVerdict): the headline, how far to
// trust it and why, what would separate a close call, and the coverage
// when the note does not say it; false when no role could be scored.
func (t *Theme) headline(w io.Writer, b *quiz.Bank, res *scoring.Result) bool {
	v := NewVerdict(t.P, b, res)
	if !t.writeVerdict(w, v) {
		return false
	}
	t.writeSeparate(w, v)
	return true
}

// writeVerdict writes a verdict's headline, note and coverage; false when
// no role could be scored.
func (t *Theme) writeVerdict(w io.Writer, v Verdict) bool {
	if v.Kind == NoVerdict {
		t.writeWrapped(w, "", 0, v.Headline)
		return false
	}
	switch {
	case v.Lead == "" || textwidth.String(v.Headline) > t.Width-1:
		for _, line := range Wrap(v.Headline, t.Width-1) {
			fmt.Fprintln(w, t.Heading.Sprint(line))
		}
	default:
		fmt.Fprintf(w, "%s %s %s%s\n", t.Heading.Sprint(v.Lead), t.BarTop.Sprint(v.Top), t.Dim.Sprint("· "+v.Fit), t.Heading.Sprint(v.After))
	}
	note := t.Dim
	if v.Close() {
		note = t.Bad
	}
	for _, line := range Wrap(v.Note, t.Width-1) {
		fmt.Fprintln(w, note.Sprint(line))
	}
	if v.Coverage != "" {
		fmt.Fprintln(w, t.Dim.Sprint(v.Coverage))
	}
	return true
}

// writeSeparate writes what would separate a close call, if anything.
func (t *Theme) writeSeparate(w io.Writer, v Verdict) {
	if v.Separate != "" {
		for _, line := range Wrap(v.Separate, t.Width-1) {
			fmt.Fprintln(w, line)
		}
	}
}

// writeRoles draws the first n roles' fits as bars, best first.
func (t *Theme) writeRoles(w io.Writer, b *quiz.Bank, res *scoring.Result, n int) {
	nameW := 0
	for _, r := range b.Roles {
		nameW = max(nameW, textwidth.String(r.Name))
	}
	nameW = min(nameW, 34, t.Width-12)
	barW := min(40, t.Width-nameW-12)
	for i, rf := range res.Roles[:min(n, len(res.Roles))] {
		name := padRight(b.Roles[rf.Role].Name, nameW)
		if !rf.Scored {
			fmt.Fprintf(w, "  %s  %s\n", name, t.Dim.Sprint(t.P.T(i18n.NotScored)))
			continue
		}
		bar, style := t.Bar, t.Bar
		if i == 0 {
			bar, style = t.BarTop, t.Strong
		}
		fmt.Fprintf(w, "  %s  %s%s\n", style.Sprint(name), bar.Sprint(t.bar(rf.Fit, barW)), style.Sprintf("%3.0f%%", Round1(rf.Fit)))
	}
}

// writeProfile draws each dimension's score with the end it leans to.
// Narrow terminals get a shorter bar, then the label on a line of its
// own, rather than a label cut short.
func (t *Theme) writeProfile(w io.Writer, b *quiz.Bank, res *scoring.Result) {
	nameW := 0
	for _, d := range b.Dimensions {
		nameW = max(nameW, textwidth.String(d.Name))
	}
	nameW = min(nameW, 24)
	leans := make([]string, len(res.Dimensions))
	for i, ds := range res.Dimensions {
		d := b.Dimensions[ds.Dimension]
		lean := t.P.T(i18n.Balanced)
		switch s := Round1(ds.Score); {
		case s >= 60:
			lean = BeforeParen(d.High)
		case s <= 40:
			lean = BeforeParen(d.Low)
		}
		leans[i] = lean
	}
	// The bar (8 to 20 cells) gives way to labels: the widest bar that
	// lets the most labels stay on their row. A label that still does not
	// fit goes on a line of its own, whole.
	fixed := 2 + nameW + 2 + 3 + 2 + 1 // indent, name, gap, score, gap, margin
	barW, fits := 20, -1
	for bw := 20; bw >= 8; bw-- {
		n := 0
		for _, l := range leans {
			if textwidth.String(l) <= t.Width-fixed-bw-1 {
				n++
			}
		}
		if n > fits {
			barW, fits = bw, n
		}
	}
	if t.Plain {
		barW = 0
	}
	room := t.Width - fixed - barW - 1
	for i, ds := range res.Dimensions {
		d := b.Dimensions[ds.Dimension]
		if !ds.Scored {
			fmt.Fprintf(w, "  %s  %s\n", padRight(d.Name, nameW), t.Dim.Sprint(t.P.T(i18n.NotAnsweredDim)))
			continue
		}
		head := fmt.Sprintf("  %s  %s%3.0f  ", padRight(d.Name, nameW), t.Bar.Sprint(t.bar(ds.Score, barW)), Round1(ds.Score))
		if textwidth.String(leans[i]) <= room {
			fmt.Fprintf(w, "%s%s\n", head, t.Dim.Sprint(leans[i]))
			continue
		}
		fmt.Fprintln(w, strings.TrimRight(head, " "))
		t.writeWrapped(w, strings.Repeat(" ", 4), 4, t.Dim.Sprint(leans[i]))
	}
}

// ResultSummary draws the results screen's first part: the verdict,
// the top three roles, where the person sits on the bank's gauge, and
// one line of why, in at most height lines (0: no limit). When the
// screen is short, the parts give way from the least needed (the why,
// the gauge, the third role, the ranking, what would separate a close
// call); the headline and its note always stay.
func ResultSummary(out io.Writer, t *Theme, b *quiz.Bank, res *scoring.Result, height int) error {
	v := NewVerdict(t.P, b, res)
	var head bytes.Buffer
	if !t.writeVerdict(&head, v) {
		_, err := out.Write(head.Bytes())
		return err
	}
	// The parts after the verdict, most needed first. Each but the
	// separator follows a blank line; the ranking comes in two sizes.
	type part struct {
		text  string
		blank bool
	}
	var parts []part
	var sep bytes.Buffer
	t.writeSeparate(&sep, v)
	if sep.Len() > 0 {
		parts = append(parts, part{sep.String(), false})
	}
	rolesAt := len(parts)
	var roles3, roles2 bytes.Buffer
	t.writeRoles(&roles3, b, res, 3)
	t.writeRoles(&roles2, b, res, 2)
	parts = append(parts, part{roles3.String(), true})
	if b.Gauge >= 0 {
		d, s := b.Dimensions[b.Gauge], res.Dimensions[b.Gauge]
		if s.Scored {
			var gauge bytes.Buffer
			if !t.Plain {
				t.writeGaugeLine(&gauge, d, s, min(30, t.Width-40))
			}
			t.writeWrapped(&gauge, "  ", 2, t.P.T(i18n.GaugeShort, Round1(s.Score), t.gaugeLean(d, s)))
			parts = append(parts, part{gauge.String(), true})
		}
	}
	if len(res.Explanations) > 0 {
		// Two dimensions if that fits two lines, else the one that moved
		// the fit most.
		why := t.whyLine(b, res.Explanations[0], 2)
		if len(Wrap(why, t.Width-1)) > 2 {
			why = t.whyLine(b, res.Explanations[0], 1)
		}
		if why != "" {
			var wb bytes.Buffer
			t.writeWrapped(&wb, "", 0, why)
			parts = append(parts, part{wb.String(), true})
		}
	}
	lines := func(s string) int { return strings.Count(s, "\n") }
	total := func() int {
		n := lines(head.String())
		for _, p := range parts {
			n += lines(p.text)
			if p.blank {
				n++
			}
		}
		return n
	}
	for height > 0 && total() > height && len(parts) > 0 {
		last := len(parts) - 1
		if last == rolesAt && parts[last].text == roles3.String() {
			parts[last].text = roles2.String() // two roles before none
			continue
		}
		parts = parts[:last]
	}
	w := &errWriter{w: out}
	_, _ = w.Write(head.Bytes())
	for _, p := range parts {
		if p.blank {
			fmt.Fprintln(w)
		}
		_, _ = io.WriteString(w, p.text)
	}
	return w.err
}

// whyLine says in one sentence which dimensions (at most most of them)
// moved the top role's fit up most: the explanation's largest positive
// effects.
func (t *Theme) whyLine(b *quiz.Bank, e scoring.Explanation, most int) string {
	closer := SelectMoves(ExplanationJSON{Dimensions: dimensionEffects(b, e, showEffects(e))}).Closer
	var parts []string
	for _, d := range closer[:min(most, len(closer))] {
		di, _ := b.Dimension(d.ID)
		parts = append(parts, t.P.T(i18n.YouAndRole, b.Dimensions[di].Name, Round1(float64(*d.Score)), d.Target))
	}
	if len(parts) == 0 {
		return ""
	}
	return t.P.T(i18n.WhyLine, b.Roles[e.Role].Name, strings.Join(parts, t.P.T(i18n.And)))
}

func (t *Theme) section(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n", t.Heading.Sprint(title))
}

// writeGauge draws the headline dimension as a line between its ends.
func (t *Theme) writeGauge(w io.Writer, d quiz.Dimension, s scoring.DimensionScore) {
	t.section(w, t.P.T(i18n.WhereYouSit, d.Name))
	if !s.Scored {
		fmt.Fprintf(w, "  %s\n", t.Dim.Sprint(t.P.T(i18n.NotAnsweredDim)))
		return
	}
	if !t.Plain {
		t.writeGaugeLine(w, d, s, 50)
	}
	t.writeWrapped(w, "  ", 2, t.gaugeSentence(d, s))
}

// writeGaugeLine draws a dimension's score as a dot on a line between
// the dimension's two ends, at most maxWidth cells long.
func (t *Theme) writeGaugeLine(w io.Writer, d quiz.Dimension, s scoring.DimensionScore, maxWidth int) {
	low, high := shortEnd(d.Low), shortEnd(d.High)
	lw, hw := textwidth.String(low), textwidth.String(high)
	width := max(5, min(maxWidth, t.Width-lw-hw-8))
	pos := int(Round1(s.Score)/100*float64(width-1) + 0.5)
	line := []rune(strings.Repeat("─", width))
	line[pos] = '●'
	fmt.Fprintf(w, "  %s ├%s┤ %s\n", low, t.Accent.Sprint(string(line)), high)
}

// gaugeSentence says where the person sits on a dimension, in words.
func (t *Theme) gaugeSentence(d quiz.Dimension, s scoring.DimensionScore) string {
	return t.P.T(i18n.GaugeSentence, Round1(s.Score), t.gaugeLean(d, s), LowerFirst(d.Low), LowerFirst(d.High))
}

// gaugeLean says which end a score leans to, and how far.
func (t *Theme) gaugeLean(d quiz.Dimension, s scoring.DimensionScore) string {
	return GaugeLean(t.P, s.Score, shortEnd(d.Low), shortEnd(d.High))
}

// GaugeLean says which of a gauge's ends (low, high) a score leans to,
// and how far: "leaning to the why", "slightly toward the how".
func GaugeLean(p i18n.Printer, score float64, low, high string) string {
	switch r := Round1(score); {
	case r >= 60:
		return p.T(i18n.GaugeLeaning, LowerFirst(high))
	case r > 50:
		return p.T(i18n.GaugeSlightly, LowerFirst(high))
	case r <= 40:
		return p.T(i18n.GaugeLeaning, LowerFirst(low))
	case r < 50:
		return p.T(i18n.GaugeSlightly, LowerFirst(low))
	}
	return p.T(i18n.GaugeMiddle)
}

// shortEnd names a gauge end briefly: "The why (customer needs…)" → "The why".
func shortEnd(s string) string {
	s = BeforeParen(s)
	return padRight(s, min(textwidth.String(s), 20))
}

// BeforeParen drops a trailing parenthesis ("The why (customer needs…)"
// → "The why"): the gauge sentence spells it out once.
func BeforeParen(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		return s[:i]
	}
	return s
}

// LowerFirst lowers a sentence's first letter, for use mid-sentence
// ("The why" → "the why"), leaving acronyms ("UX") alone.
func LowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' && !(r[1] >= 'A' && r[1] <= 'Z') {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// writeExplanation shows how a role's fit got from the neutral
// baseline to the person's: the dimensions that helped and hurt most,
// then the answers that moved it most each way.
func (t *Theme) writeExplanation(w io.Writer, b *quiz.Bank, answers quiz.Answers, e scoring.Explanation) {
	t.section(w, t.P.T(i18n.WhatMoved, b.Roles[e.Role].Name, Round1(e.Fit)))
	t.writeWrapped(w, "  ", 2, t.P.T(i18n.FromNeutral, Round1(e.Baseline), t.moved(e.Fit-e.Baseline)))
	mv := SelectMoves(Explanation(b, answers, e))
	dims := func(ds []DimensionEffectJSON) string {
		var parts []string
		for _, d := range ds {
			di, _ := b.Dimension(d.ID)
			parts = append(parts, t.P.T(i18n.YouAndRole, b.Dimensions[di].Name, Round1(float64(*d.Score)), d.Target))
		}
		return strings.Join(parts, "; ")
	}
	if len(mv.Closer) > 0 {
		t.writeWrapped(w, "  "+t.Good.Sprint(padRight(t.P.T(i18n.ClosestMatch), 17)), 19, dims(mv.Closer))
	}
	if len(mv.Further) > 0 {
		t.writeWrapped(w, "  "+t.Bad.Sprint(padRight(t.P.T(i18n.FurthestApart), 17)), 19, dims(mv.Further))
	}
	t.writeWrapped(w, "  ", 2, t.Dim.Sprint(t.P.T(i18n.AnswersCounted)))
	for _, g := range append(GroupMoves(b, mv.Up), GroupMoves(b, mv.Down)...) {
		effect := float64(g.Effect)
		mark, style, amount := "▲", t.Good, t.P.T(i18n.Up, effect)
		if effect < 0 {
			mark, style, amount = "▼", t.Bad, t.P.T(i18n.Down, -effect)
		}
		if t.Plain {
			mark = " "
		}
		first := fmt.Sprintf("    %s %s  ", style.Sprint(mark), style.Sprint(padRight(amount, 9)))
		answer := func(a AnswerEffectJSON) string {
			qi, _ := b.Question(a.Question)
			return fmt.Sprintf("%s → %s", b.Questions[qi].Text, b.FormatLabel(qi, answers[qi]))
		}
		if len(g.Answers) == 1 {
			t.writeWrapped(w, first, 17, answer(g.Answers[0]))
			continue
		}
		t.writeWrapped(w, first, 17, t.P.T(i18n.AnswersOn, len(g.Answers), b.Dimensions[g.Dimension].Name, math.Abs(float64(g.Each))))
		for _, a := range g.Answers {
			t.writeWrapped(w, strings.Repeat(" ", 17), 17, answer(a))
		}
	}
	if len(mv.Up)+len(mv.Down) == 0 {
		fmt.Fprintf(w, "    %s\n", t.Dim.Sprint(t.P.T(i18n.NoAnswerMoved)))
	}
}

// moved says in words how far a fit moved: "up 29.2 points".
func (t *Theme) moved(delta float64) string {
	switch r := Round1(delta); {
	case r > 0:
		return t.P.T(i18n.MovedUp, r)
	case r < 0:
		return t.P.T(i18n.MovedDown, -r)
	}
	return t.P.T(i18n.MovedNot)
}
