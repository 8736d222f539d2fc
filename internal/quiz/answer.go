package quiz

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Answer is one question's answer. Which field holds it depends on the
// question's kind; Set says whether the question was answered at all.
type Answer struct {
	Set    bool
	Choice int    // Single: the chosen option's index
	Picks  uint64 // Multi: bit i set when option i was chosen
	Level  int    // Likert: the chosen scale point
}

// Answers holds one answer per question, indexed like Bank.Questions.
type Answers []Answer

// NewAnswers returns an empty answer set for b.
func (b *Bank) NewAnswers() Answers { return make(Answers, len(b.Questions)) }

// Count is how many questions are answered.
func (a Answers) Count() int {
	n := 0
	for _, x := range a {
		if x.Set {
			n++
		}
	}
	return n
}

// Missing lists the ids of unanswered questions, in bank order.
func (b *Bank) Missing(a Answers) []string {
	var ids []string
	for i, q := range b.Questions {
		if i >= len(a) || !a[i].Set {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// ErrValue is wrapped by every error about an answer value that the
// question does not allow.
var ErrValue = errors.New("value not allowed")

// ValueError says which value a question refused and what it allows.
type ValueError struct {
	Question string
	Value    string
	Reason   string // why it was refused, when more than "not allowed"
	// Suggest is the allowed value nearest Value, when one is near.
	Suggest string
	Allowed string
}

// NotAnOption is the error for a value naming no option of q, with the
// nearest option value suggested.
func NotAnOption(q *Question, v, allowed string) *ValueError {
	return &ValueError{Question: q.ID, Value: v, Reason: "is not an option", Suggest: suggestValue(v, q.Values()), Allowed: allowed}
}

func (e *ValueError) Error() string {
	reason := e.Reason
	if reason == "" {
		reason = "not allowed"
	}
	// %q escapes control characters; a value from a form or a line can
	// also be long, so only its start is shown.
	value := clip(e.Value, quoteRunes)
	return fmt.Sprintf("question %q: value %q %s%s (allowed: %s)", e.Question, value, reason, meant(e.Suggest), e.Allowed)
}

func (e *ValueError) Unwrap() error { return ErrValue }

// ParseAnswer reads the answer to question qi from values as a script
// writes them: option values for choice questions (several, or one string
// with commas, for Multi), an integer for Likert.
func (b *Bank) ParseAnswer(qi int, values []string) (Answer, error) {
	q := &b.Questions[qi]
	bad := func(v, reason string) (Answer, error) {
		return Answer{}, &ValueError{Question: q.ID, Value: v, Reason: reason, Allowed: q.Allowed()}
	}
	// A multi-select value may arrive as a list, as "a,b", or both.
	var vs []string
	for _, v := range values {
		if q.Kind == Multi {
			for _, part := range strings.Split(v, ",") {
				if part = trimBlanks(part); part != "" {
					vs = append(vs, part)
				}
			}
			continue
		}
		vs = append(vs, trimBlanks(v))
	}
	switch q.Kind {
	case Likert:
		if len(vs) != 1 {
			return bad(strings.Join(vs, ","), "is not a single value")
		}
		n, ok := parseLevel(vs[0])
		if !ok {
			return bad(vs[0], "is not an integer")
		}
		if n < q.Scale.Min || n > q.Scale.Max {
			return bad(vs[0], "is out of range")
		}
		return Answer{Set: true, Level: n}, nil
	case Single:
		if len(vs) != 1 {
			return bad(strings.Join(vs, ","), "is not a single value")
		}
		i, ok := q.Option(vs[0])
		if !ok {
			return Answer{}, NotAnOption(q, vs[0], q.Allowed())
		}
		return Answer{Set: true, Choice: i}, nil
	default:
		if len(vs) == 0 {
			return bad("", "chooses nothing")
		}
		var picks uint64
		for _, v := range vs {
			i, ok := q.Option(v)
			if !ok {
				return Answer{}, NotAnOption(q, v, q.Allowed())
			}
			picks |= 1 << uint(i)
		}
		a, err := q.checkPicks(picks)
		var ve *ValueError
		if errors.As(err, &ve) {
			ve.Value = strings.Join(vs, ",") // as typed, in the order typed
		}
		return a, err
	}
}

// trimBlanks trims spaces and tabs, the blanks every answer format
// (answer files, NDJSON, flags) ignores around a value.
func trimBlanks(s string) string { return strings.Trim(s, " \t") }

// parseLevel reads a scale point written as an integer, optionally with
// a zero fraction ("3", "+3", "03", "3.0"), as tools that write every
// number as a float do.
func parseLevel(s string) (int, bool) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && (frac == "" || strings.Trim(frac, "0") != "") {
		return 0, false
	}
	n, err := strconv.Atoi(whole)
	return n, err == nil && whole != "+" && whole != "-"
}

// NumberText writes a YAML or JSON number as the integer it is, when it
// is one ("3.0", "3e0", "0x3" → "3"), so that it reads as a scale point;
// any other text comes back unchanged.
func NumberText(text string, float bool) string {
	if float {
		f, err := strconv.ParseFloat(text, 64)
		if err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<31 {
			return strconv.Itoa(int(f))
		}
		return text
	}
	if n, err := strconv.ParseInt(strings.ReplaceAll(text, "_", ""), 0, 64); err == nil {
		return strconv.FormatInt(n, 10)
	}
	return text
}

// ValidPicks reports whether picks is a multi-select answer q accepts:
// at least one option, and "none of these" only on its own.
func (q *Question) ValidPicks(picks uint64) bool {
	return picks != 0 && !q.combinesNone(picks)
}

func (q *Question) combinesNone(picks uint64) bool {
	return q.None >= 0 && picks&(1<<uint(q.None)) != 0 && bits.OnesCount64(picks) > 1
}

// checkPicks refuses a "none of these" chosen beside another option.
func (q *Question) checkPicks(picks uint64) (Answer, error) {
	if q.combinesNone(picks) {
		return Answer{}, &ValueError{
			Question: q.ID, Value: strings.Join(q.pickedValues(picks), ","),
			Reason:  fmt.Sprintf("combines %q with other options", q.Options[q.None].Value),
			Allowed: q.Allowed(),
		}
	}
	return Answer{Set: true, Picks: picks}, nil
}

// AnswerOf builds a Multi answer from option indices, as a prompter
// returns them.
func (q *Question) AnswerOf(indices []int) (Answer, error) {
	var picks uint64
	for _, i := range indices {
		if i < 0 || i >= len(q.Options) {
			return Answer{}, fmt.Errorf("question %q: option index %d out of range", q.ID, i)
		}
		picks |= 1 << uint(i)
	}
	if picks == 0 {
		return Answer{}, &ValueError{Question: q.ID, Reason: "chooses nothing", Allowed: q.Allowed()}
	}
	return q.checkPicks(picks)
}

// EveryAnswer lists every valid answer to q (scale points, options, or
// multi-select combinations in increasing bit order), or nil when there
// are more than limit: a multi-select with n options has up to 2^n − 1.
func (q *Question) EveryAnswer(limit int) []Answer {
	var out []Answer
	switch q.Kind {
	case Likert:
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			out = append(out, Answer{Set: true, Level: v})
		}
	case Single:
		for i := range q.Options {
			out = append(out, Answer{Set: true, Choice: i})
		}
	case Multi:
		n := len(q.Options)
		if n > 62 {
			return nil
		}
		count := uint64(1)<<uint(n) - 1 // every non-empty combination
		if q.None >= 0 {
			count = uint64(1) << uint(n-1) // those without "none of these", and it alone
		}
		if limit < 0 || count > uint64(limit) {
			return nil
		}
		for p := uint64(1); p < 1<<uint(n); p++ {
			if q.ValidPicks(p) {
				out = append(out, Answer{Set: true, Picks: p})
			}
		}
	}
	if len(out) > limit {
		return nil
	}
	return out
}

func (q *Question) pickedValues(picks uint64) []string {
	var vs []string
	for i := range q.Options {
		if picks&(1<<uint(i)) != 0 {
			vs = append(vs, q.Options[i].Value)
		}
	}
	return vs
}

// Picked lists the option indices of a Multi answer in option order.
func (a Answer) Picked() []int {
	var is []int
	for p := a.Picks; p != 0; p &= p - 1 {
		is = append(is, bits.TrailingZeros64(p))
	}
	return is
}

// FormatValue writes answer a to question qi the way a script would pass
// it: the option value, the values joined by commas, or the integer.
func (b *Bank) FormatValue(qi int, a Answer) string {
	q := &b.Questions[qi]
	switch q.Kind {
	case Likert:
		return strconv.Itoa(a.Level)
	case Single:
		return q.Options[a.Choice].Value
	default:
		return strings.Join(q.pickedValues(a.Picks), ",")
	}
}

// FormatLabel writes answer a to question qi the way a person reads it.
func (b *Bank) FormatLabel(qi int, a Answer) string {
	q := &b.Questions[qi]
	switch q.Kind {
	case Likert:
		return q.Scale.Label(a.Level)
	case Single:
		return q.Options[a.Choice].Label
	default:
		var ls []string
		for _, i := range a.Picked() {
			ls = append(ls, q.Options[i].Label)
		}
		return strings.Join(ls, "; ")
	}
}
