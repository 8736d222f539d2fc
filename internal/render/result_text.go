package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// CertaintyNote says in a sentence or two how far to trust the top role.
func CertaintyNote(p i18n.Printer, b *quiz.Bank, res *scoring.Result) string {
	c := res.Certainty
	top := b.Roles[res.Top()].Name
	if c.Flat {
		return p.T(i18n.NoteFlat)
	}
	if len(res.Roles) < 2 || !res.Roles[1].Scored {
		return p.T(i18n.NoteOnlyRole, top)
	}
	next := b.Roles[res.Roles[1].Role].Name
	margin := Round1(c.Margin)
	note := p.T(i18n.NoteLow, next, margin)
	switch c.Level {
	case scoring.High:
		note = p.T(i18n.NoteHigh, margin, next)
	case scoring.Medium:
		note = p.T(i18n.NoteMedium, margin, next)
	}
	if c.Partial {
		note += " " + p.T(i18n.NotePartial)
	}
	return note
}

// tooClose reports whether the headline should name two candidates
// rather than one winner: a low level with a scored runner-up.
func tooClose(res *scoring.Result) bool {
	return res.Certainty.Level == scoring.Low && len(res.Roles) > 1 && res.Roles[1].Scored
}

// SeparatorNote says which dimension would separate the top two roles
// of a result too close to call, and where the person sits on it; "" when
// there is none to name.
func SeparatorNote(p i18n.Printer, b *quiz.Bank, res *scoring.Result) string {
	d := res.Certainty.Separator
	if !tooClose(res) || d < 0 {
		return ""
	}
	a, r := b.Roles[res.Roles[0].Role], b.Roles[res.Roles[1].Role]
	ta, tr := targetOf(a, d), targetOf(r, d)
	name := b.Dimensions[d].Name
	if s := res.Dimensions[d]; s.Scored {
		return p.T(i18n.Separate, name, a.Name, ta, r.Name, tr, Round1(s.Score))
	}
	return p.T(i18n.SeparateUnanswered, name, a.Name, ta, r.Name, tr)
}

func targetOf(r quiz.Role, d int) float64 {
	for _, t := range r.Profile {
		if t.Dimension == d {
			return t.Target
		}
	}
	return 0
}

// ResultText draws the results screen: the ranking, where the person sits
// on the bank's gauge, their profile, what moved the top role, and that
// role's facts. The quiz and `pmfit score` share it.
func ResultText(out io.Writer, t *Theme, b *quiz.Bank, answers quiz.Answers, res *scoring.Result) error {
	w := &errWriter{w: out}
	top := b.Roles[res.Top()]
	topFit := res.Roles[0]
	if !topFit.Scored {
		fmt.Fprintln(w, t.P.T(i18n.NoRoleScored))
		return w.err
	}
	note := t.Dim
	if tooClose(res) {
		next := b.Roles[res.Roles[1].Role]
		for _, line := range Wrap(t.P.T(i18n.TooClose, top.Name, next.Name), t.Width-1) {
			fmt.Fprintln(w, t.Heading.Sprint(line))
		}
		note = t.Bad
	} else {
		fmt.Fprintf(w, "%s %s %s\n", t.Heading.Sprint(t.P.T(i18n.BestFit)), t.BarTop.Sprint(top.Name), t.Dim.Sprintf("· %.0f%%", Round1(topFit.Fit)))
	}
	for _, line := range Wrap(CertaintyNote(t.P, b, res), t.Width-1) {
		fmt.Fprintln(w, note.Sprint(line))
	}
	if sep := SeparatorNote(t.P, b, res); sep != "" {
		for _, line := range Wrap(sep, t.Width-1) {
			fmt.Fprintln(w, line)
		}
	}
	if res.Answered < res.Questions {
		fmt.Fprintf(w, "%s\n", t.Dim.Sprint(t.P.T(i18n.ScoredOn, res.Answered, res.Questions, 100*res.Coverage())))
	}

	t.section(w, t.P.T(i18n.FitByRole))
	nameW := 0
	for _, r := range b.Roles {
		nameW = max(nameW, len([]rune(r.Name)))
	}
	nameW = min(nameW, 34)
	barW := min(40, t.Width-nameW-12)
	for i, rf := range res.Roles {
		name := padRight(b.Roles[rf.Role].Name, nameW)
		if !rf.Scored {
			fmt.Fprintf(w, "  %s  %s\n", name, t.Dim.Sprint(t.P.T(i18n.NotScored)))
			continue
		}
		bar, style := t.Bar, t.Bar
		if i == 0 {
			bar, style = t.BarTop, t.Strong
		}
		fmt.Fprintf(w, "  %s  %s %s\n", style.Sprint(name), bar.Sprint(Bar(rf.Fit, barW)), style.Sprintf("%3.0f%%", Round1(rf.Fit)))
	}

	if b.Gauge >= 0 {
		t.writeGauge(w, b.Dimensions[b.Gauge], res.Dimensions[b.Gauge])
	}

	t.section(w, t.P.T(i18n.YourProfile))
	nameW = 0
	for _, d := range b.Dimensions {
		nameW = max(nameW, len([]rune(d.Name)))
	}
	nameW = min(nameW, 24)
	for _, ds := range res.Dimensions {
		d := b.Dimensions[ds.Dimension]
		if !ds.Scored {
			fmt.Fprintf(w, "  %s  %s\n", padRight(d.Name, nameW), t.Dim.Sprint(t.P.T(i18n.NotAnsweredDim)))
			continue
		}
		lean := t.P.T(i18n.Balanced)
		switch s := Round1(ds.Score); {
		case s >= 60:
			lean = d.High
		case s <= 40:
			lean = d.Low
		}
		room := t.Width - (2 + nameW + 2 + 20 + 4 + 2) - 1
		fmt.Fprintf(w, "  %s  %s %3.0f  %s\n", padRight(d.Name, nameW), t.Bar.Sprint(Bar(ds.Score, 20)), Round1(ds.Score), t.Dim.Sprint(truncate(lean, max(room, 10))))
	}

	if len(res.Explanations) > 0 {
		t.writeExplanation(w, b, answers, res.Explanations[0])
	}

	t.section(w, t.P.T(i18n.AboutRole, top.Name))
	t.writeWrapped(w, "  ", 2, top.Summary)
	writeFacts(w, t, b, top, true)
	return w.err
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
	low, high := shortEnd(d.Low), shortEnd(d.High)
	lw, hw := len([]rune(low)), len([]rune(high))
	width := min(50, t.Width-lw-hw-8)
	pos := int(Round1(s.Score)/100*float64(width-1) + 0.5)
	line := []rune(strings.Repeat("─", width))
	line[pos] = '●'
	fmt.Fprintf(w, "  %s ├%s┤ %s\n", low, t.Accent.Sprint(string(line)), high)
	lean := t.P.T(i18n.GaugeMiddle)
	switch r := Round1(s.Score); {
	case r >= 60:
		lean = t.P.T(i18n.GaugeLeaning, lowerFirst(high))
	case r > 50:
		lean = t.P.T(i18n.GaugeSlightly, lowerFirst(high))
	case r <= 40:
		lean = t.P.T(i18n.GaugeLeaning, lowerFirst(low))
	case r < 50:
		lean = t.P.T(i18n.GaugeSlightly, lowerFirst(low))
	}
	t.writeWrapped(w, "  ", 2, t.P.T(i18n.GaugeSentence, Round1(s.Score), lean, lowerFirst(d.Low), lowerFirst(d.High)))
}

// shortEnd names a gauge end briefly: "The why (customer needs…)" → "The why".
func shortEnd(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	return padRight(s, min(len([]rune(s)), 20))
}

func lowerFirst(s string) string {
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
	fx := showEffects(e)
	var up, down []string
	for i, de := range e.Dimensions {
		if !de.Scored || fx.dimensions[i] == 0 {
			continue
		}
		s := t.P.T(i18n.YouAndRole, b.Dimensions[de.Dimension].Name, Round1(de.Score), de.Target)
		if fx.dimensions[i] > 0 && len(up) < 3 {
			up = append(up, s)
		} else if fx.dimensions[i] < 0 && len(down) < 3 {
			down = append(down, s)
		}
	}
	if len(up) > 0 {
		t.writeWrapped(w, "  "+t.Good.Sprint(padRight(t.P.T(i18n.ClosestMatch), 17)), 19, strings.Join(up, "; "))
	}
	if len(down) > 0 {
		t.writeWrapped(w, "  "+t.Bad.Sprint(padRight(t.P.T(i18n.FurthestApart), 17)), 19, strings.Join(down, "; "))
	}
	t.writeWrapped(w, "  ", 2, t.Dim.Sprint(t.P.T(i18n.AnswersCounted)))
	shown := 0
	for _, sign := range []float64{1, -1} {
		n := 0
		for i, ae := range e.Answers {
			if n == 3 {
				break
			}
			effect := fx.answers[i]
			if effect*sign <= 0 {
				continue
			}
			mark, style, amount := "▲", t.Good, t.P.T(i18n.Up, effect)
			if sign < 0 {
				mark, style, amount = "▼", t.Bad, t.P.T(i18n.Down, -effect)
			}
			q := &b.Questions[ae.Question]
			first := fmt.Sprintf("    %s %s  ", style.Sprint(mark), style.Sprint(padRight(amount, 9)))
			t.writeWrapped(w, first, 17, fmt.Sprintf("%s → %s", q.Text, b.FormatLabel(ae.Question, answers[ae.Question])))
			n++
			shown++
		}
	}
	if shown == 0 {
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
