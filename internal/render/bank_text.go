package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// QuestionsText lists every question with what a script may pass for it.
func QuestionsText(out io.Writer, t *Theme, b *quiz.Bank) error {
	w := &errWriter{w: out}
	fmt.Fprintln(w, t.P.T(i18n.QuestionsHeader, len(b.Questions)))
	for i := range b.Questions {
		fmt.Fprintln(w)
		t.writeQuestion(w, b, i)
	}
	return w.err
}

// writeQuestion writes one question: its id, kind and dimensions, its
// text, and the values a script may pass for it.
func (t *Theme) writeQuestion(w io.Writer, b *quiz.Bank, i int) {
	q := &b.Questions[i]
	kind := t.P.T(i18n.KindSingle)
	switch q.Kind {
	case quiz.Multi:
		kind = t.P.T(i18n.KindMulti)
	case quiz.Likert:
		kind = t.P.T(i18n.KindLikert, q.Scale.Min, q.Scale.Max)
		if q.Reverse {
			kind += t.P.T(i18n.KindReverse)
		}
	}
	meta := "· " + kind + " · " + t.P.T(i18n.Measures, strings.Join(dimensionIDs(b, q.Dimensions), ", "))
	for i, line := range textwidth.WrapItems(append([]string{q.ID}, strings.Fields(meta)...), " ", t.Width-1) {
		if i == 0 {
			// The id is bold, the rest dim: colour after wrapping, so
			// escape codes never count toward the width.
			line = t.Strong.Sprint(q.ID) + t.Dim.Sprint(strings.TrimPrefix(line, q.ID))
		} else {
			line = "  " + t.Dim.Sprint(line)
		}
		fmt.Fprintln(w, line)
	}
	t.writeWrapped(w, "  ", 2, q.Text)
	if q.Kind == quiz.Likert {
		var points []string
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			points = append(points, fmt.Sprintf("%d = %s", v, q.Scale.Label(v)))
		}
		for _, line := range textwidth.WrapItems(points, " · ", t.Width-5) {
			fmt.Fprintf(w, "    %s\n", line)
		}
		return
	}
	width := 0
	for _, o := range q.Options {
		width = max(width, len(o.Value))
	}
	for _, o := range q.Options {
		label := o.Label
		if o.None {
			label += " " + t.P.T(i18n.OnlyOnItsOwn)
		}
		t.writeWrapped(w, "    "+t.Accent.Sprint(padRight(o.Value, width))+"  ", 6+width, label)
	}
}

// NextText says what the short quiz does next after some answers: it
// stops (on the proved role, or on the likely one, saying how likely), or
// it asks the question named, with the roles still in the running.
func NextText(out io.Writer, t *Theme, b *quiz.Bank, st scoring.Step) error {
	w := &errWriter{w: out}
	d := st.Decision
	switch {
	case d.Decided:
		t.writeWrapped(w, "", 0, t.P.T(i18n.NextDecided, b.Roles[d.Top].Name, d.Remaining))
		return w.err
	case st.Stop && d.Remaining == 0:
		t.writeWrapped(w, "", 0, t.P.T(i18n.NextNothingLeft))
		return w.err
	case st.Stop:
		t.writeWrapped(w, "", 0, t.P.T(i18n.NextLikely, b.Roles[st.Top].Name, StoppedLikelyNote(t.P, d.Asked, d.Asked+d.Remaining, st.Likely.Probability, -1)))
		return w.err
	}
	var names []string
	for _, r := range d.Contenders {
		names = append(names, b.Roles[r].Name)
	}
	t.writeWrapped(w, "", 0, t.P.T(i18n.NextHeader, d.Asked, d.Asked+d.Remaining, strings.Join(names, ", ")))
	if share := likelyShare(t.P, b, &st.Likely, st.Likely.Role); d.Asked > 0 && share != "" {
		t.writeWrapped(w, "", 0, share)
	}
	fmt.Fprintln(w)
	t.writeQuestion(w, b, st.Next)
	fmt.Fprintln(w)
	t.writeWrapped(w, "", 0, t.P.T(i18n.NextAnswerWith, b.Questions[st.Next].ID))
	return w.err
}

// RolesText lists every role with its summary and facts.
func RolesText(out io.Writer, t *Theme, b *quiz.Bank) error {
	w := &errWriter{w: out}
	for i, r := range b.Roles {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s %s\n", t.Heading.Sprint(r.Name), t.Dim.Sprintf("(%s)", r.ID))
		t.writeWrapped(w, "  ", 2, r.Summary)
		writeFacts(w, t, b, r, false)
	}
	return w.err
}

// writeFacts writes a role's facts as an aligned list; withNext adds the
// next-step hint.
// Each fact ends with the short name of the reference it comes from,
// in brackets: "[the article]", "[pmfit]".
func writeFacts(w io.Writer, t *Theme, b *quiz.Bank, r quiz.Role, withNext bool) {
	for _, f := range RoleFacts(t.P, b, r, withNext) {
		text := f.Text
		if f.Source != "" {
			// No-break spaces keep "[the article]" on one line.
			text += " " + t.Dim.Sprintf("[%s]", strings.ReplaceAll(f.Source, " ", "\u00a0"))
		}
		t.writeWrapped(w, "  "+t.Dim.Sprint(padRight(f.Label, 15))+" ", 18, text)
	}
}

// FactLine is one fact about a role, as the results show it: a label,
// the fact, and the short name of its source ("" when none is cited).
type FactLine struct {
	Label, Text, Source string
}

// RoleFacts lists what the bank says about a role, each with its source,
// and the next step when withNext is set; facts the bank leaves empty are
// left out.
func RoleFacts(p i18n.Printer, b *quiz.Bank, r quiz.Role, withNext bool) []FactLine {
	type fact struct {
		label string
		quiz.Fact
	}
	var facts []fact
	if s := r.Facts.Salary; s != nil {
		facts = append(facts, fact{p.T(i18n.FactSalary), quiz.Fact{
			Text:      p.T(i18n.FactSalaryText, s.Currency, groupThousands(s.Amount, p.T(i18n.ThousandsSeparator)), s.Year),
			Reference: s.Reference}})
	}
	facts = append(facts,
		fact{p.T(i18n.FactBackground), r.Facts.Background},
		fact{p.T(i18n.FactFocus), r.Facts.Focus},
		fact{p.T(i18n.FactTeams), r.Facts.Teams},
		fact{p.T(i18n.FactWhere), r.Facts.Where},
	)
	if withNext {
		facts = append(facts, fact{p.T(i18n.FactNext), quiz.Fact{Text: r.Next}})
	}
	var out []FactLine
	for _, f := range facts {
		if f.Text == "" {
			continue
		}
		line := FactLine{Label: f.label, Text: f.Text}
		if ref, ok := b.Reference(f.Reference); ok {
			line.Source = ref.Name
		}
		out = append(out, line)
	}
	return out
}

// groupThousands writes 100074 as 100,074 (sep ",").
func groupThousands(n int, sep string) string {
	if n < 0 {
		return "-" + groupThousands(-n, sep)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
