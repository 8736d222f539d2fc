package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmfit/pmfit/internal/quiz"
)

// QuestionsText lists every question with what a script may pass for it.
func QuestionsText(out io.Writer, t *Theme, b *quiz.Bank) error {
	w := &errWriter{w: out}
	fmt.Fprintf(w, "%d questions. Answer them with: pmfit score --answer ID=VALUE ...\n", len(b.Questions))
	for i := range b.Questions {
		q := &b.Questions[i]
		fmt.Fprintln(w)
		kind := "single choice"
		switch q.Kind {
		case quiz.Multi:
			kind = "multi-select, comma-separated"
		case quiz.Likert:
			kind = fmt.Sprintf("agreement %d–%d", q.Scale.Min, q.Scale.Max)
			if q.Reverse {
				kind += ", reverse-keyed"
			}
		}
		meta := fmt.Sprintf("· %s · measures %s", kind, strings.Join(dimensionIDs(b, q.Dimensions), ", "))
		for i, line := range WrapItems(append([]string{q.ID}, strings.Fields(meta)...), " ", t.Width-1) {
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
			for _, line := range WrapItems(points, " · ", t.Width-5) {
				fmt.Fprintf(w, "    %s\n", line)
			}
			continue
		}
		width := 0
		for _, o := range q.Options {
			width = max(width, len(o.Value))
		}
		for _, o := range q.Options {
			label := o.Label
			if o.None {
				label += " (only on its own)"
			}
			t.writeWrapped(w, "    "+t.Accent.Sprint(padRight(o.Value, width))+"  ", 6+width, label)
		}
	}
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
		writeFacts(w, t, r, false)
	}
	return w.err
}

// writeFacts writes a role's facts as an aligned list; withNext adds the
// next-step hint.
func writeFacts(w io.Writer, t *Theme, r quiz.Role, withNext bool) {
	type fact struct{ label, text string }
	var facts []fact
	if s := r.Facts.Salary; s != nil {
		facts = append(facts, fact{"Average salary", fmt.Sprintf("%s %s a year (%d figure)", s.Currency, groupThousands(s.Amount), s.Year)})
	}
	facts = append(facts,
		fact{"Background", r.Facts.Background},
		fact{"Focus", r.Facts.Focus},
		fact{"Teams", r.Facts.Teams},
		fact{"Where", r.Facts.Where},
	)
	if withNext {
		facts = append(facts, fact{"Next step", r.Next})
	}
	for _, f := range facts {
		if f.text == "" {
			continue
		}
		t.writeWrapped(w, "  "+t.Dim.Sprint(padRight(f.label, 15))+" ", 18, f.text)
	}
}

// groupThousands writes 100074 as 100,074.
func groupThousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + groupThousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
