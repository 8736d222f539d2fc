package batch

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Columns maps CSV header cells to what they hold, for exports whose
// headers are question texts: a question id, or "id", "expect", "also"
// or "ignore". It is read from --columns FILE, a YAML mapping.
type Columns struct {
	byHeader map[string]string
}

// ParseColumns reads a --columns file:
//
//	"Which field did you study, or train in, most?": degree
//	"Email address": id
//	"Timestamp": ignore
func ParseColumns(b *quiz.Bank, file string, data []byte) (*Columns, error) {
	m, err := quiz.ParseStringMap(file, data, func(header, target string) error {
		switch target {
		case "id", "expect", "also", "ignore":
			return nil
		}
		if _, ok := b.Question(target); !ok {
			return fmt.Errorf("column %q maps to unknown question %q%s (or use id, expect, also or ignore)", header, target, quiz.DidYouMean(target, b.QuestionIDs()))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	c := &Columns{byHeader: map[string]string{}}
	for k, v := range m {
		c.byHeader[normalizeHeader(k)] = v
	}
	return c, nil
}

// normalizeHeader compares headers as a person would: case, spacing and a
// byte-order mark do not matter.
func normalizeHeader(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

type csvColumns struct {
	question  []int // per column: the question it holds, or -1
	idCol     int
	expectCol int
	alsoCol   int
	width     int
}

type csvRow struct {
	line   int
	fields []string
	err    error
}

// csv reads a CSV export: a header, then one answer set per row. Rows
// are bounded (csvReader): an unclosed quote or an endless line costs one
// error record, never the rest of the file or unbounded memory.
func (r *reader) csv(name string, rd io.Reader) bool {
	cr := newCSVReader(rd)
	header, _, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty: no header row")
		}
		return r.failed(name, 1, fmt.Errorf("invalid CSV header: %w", err))
	}
	header = append([]string(nil), header...)
	cols, warnings, err := r.columns(header)
	for _, w := range warnings {
		if !r.warn("%s:1: %s", quiz.Sanitize(name), w) {
			return false
		}
	}
	if err != nil {
		return r.failed(name, 1, err)
	}
	rows := make([]csvRow, 0, chunkRecords)
	size := 0 // the bytes of the rows' fields
	flush := func() bool {
		if len(rows) == 0 {
			return true
		}
		ok := r.send(&chunk{kind: kindRows, name: name, rows: rows, cols: cols})
		rows, size = make([]csvRow, 0, chunkRecords), 0
		return ok
	}
	for {
		rec, line, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		switch {
		case isCSVRecordError(err):
			rows = append(rows, csvRow{line: line, err: fmt.Errorf("invalid CSV: %w", err)})
		case err != nil:
			if !flush() {
				return false
			}
			return r.failed(name, line, fmt.Errorf("cannot read: %w", err))
		default:
			rows = append(rows, csvRow{line: line, fields: append([]string(nil), rec...)})
			for _, f := range rec {
				size += len(f)
			}
		}
		if (len(rows) == chunkRecords || size >= chunkSize) && !flush() {
			return false
		}
	}
	return flush()
}

// columns works out what each header cell holds: --columns first, then
// "id", "expect" and "also", then question ids, then question texts.
func (r *reader) columns(header []string) (*csvColumns, []string, error) {
	b := r.opts.Bank
	cols := &csvColumns{question: make([]int, len(header)), idCol: -1, expectCol: -1, alsoCol: -1, width: len(header)}
	byText := map[string]int{}
	for i, q := range b.Questions {
		byText[normalizeHeader(q.Text)] = i
	}
	var warnings []string
	taken := map[int]int{}
	for i, h := range header {
		cols.question[i] = -1
		key := normalizeHeader(h)
		// A header is a question id as written (ids are case-sensitive),
		// or what --columns maps it to; the words id, expect, also and ignore,
		// and question texts, compare loosely.
		target := strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		if r.opts.Columns != nil {
			if t, ok := r.opts.Columns.byHeader[key]; ok {
				target = t
			}
		}
		qi := -1
		switch strings.ToLower(target) {
		case "id":
			cols.idCol = i
			continue
		case "expect":
			cols.expectCol = i
			continue
		case "also":
			cols.alsoCol = i
			continue
		case "ignore":
			continue
		}
		if q, ok := b.Question(target); ok {
			qi = q
		} else if q, ok := byText[key]; ok {
			qi = q
		}
		if qi < 0 {
			warnings = append(warnings, fmt.Sprintf("column %d %s is not a question id or text; ignored (map it with --columns)", i+1, quiz.Quote(h)))
			continue
		}
		if prev, dup := taken[qi]; dup {
			return nil, warnings, fmt.Errorf("columns %d and %d both hold question %q", prev+1, i+1, b.Questions[qi].ID)
		}
		taken[qi] = i
		cols.question[i] = qi
	}
	return cols, warnings, nil
}

// csvRows scores each row of a chunk.
func (w *worker) csvRows(c *chunk) {
	for _, row := range c.rows {
		if c.stop >= 0 {
			return
		}
		w.src = strconv.AppendInt(append(append(w.src[:0], c.name...), ':'), int64(row.line), 10)
		clear(w.answers)
		var id []byte
		want, err := noRoles, row.err
		if err == nil && len(row.fields) != c.cols.width {
			err = fmt.Errorf("row has %d fields, the header has %d", len(row.fields), c.cols.width)
		}
		if err == nil {
			if i := c.cols.idCol; i >= 0 && strings.TrimSpace(row.fields[i]) != "" {
				id = []byte(strings.TrimSpace(row.fields[i]))
			}
			if i := c.cols.expectCol; i >= 0 {
				want.expect, err = w.csvRole("expect", row.fields[i])
			}
			if i := c.cols.alsoCol; i >= 0 && err == nil {
				want.also, err = w.csvRole("also", row.fields[i])
			}
			if err == nil && want.also >= 0 && want.also == want.expect {
				err = fmt.Errorf("also names %q, the role expect already names", w.opts.Bank.Roles[want.also].ID)
			}
		}
		for i, qi := range c.cols.question {
			if err != nil {
				break
			}
			if qi >= 0 {
				err = w.csvAnswer(qi, row.fields[i])
			}
		}
		w.record(c, id, w.src, err, want)
	}
}

// missing reports a cell that means "not answered".
func (w *worker) missing(cell string) bool {
	na := w.opts.NA
	if na == nil {
		na = DefaultNA
	}
	for _, t := range na {
		if strings.EqualFold(strings.TrimSpace(t), cell) {
			return true
		}
	}
	return false
}

// csvRole reads a role named by its id or its name (ignoring case); an
// empty cell names none.
func (w *worker) csvRole(column, cell string) (int, error) {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return -1, nil
	}
	b := w.opts.Bank
	if ri, ok := b.Role(cell); ok {
		return ri, nil
	}
	for ri, r := range b.Roles {
		if strings.EqualFold(r.Name, cell) {
			return ri, nil
		}
	}
	return -1, fmt.Errorf("%s names unknown role %q%s (roles: %s)", column, cell, quiz.DidYouMean(cell, b.RoleIDs()), strings.Join(b.RoleIDs(), ", "))
}

// csvAnswer reads one cell. Form exports write what people saw, so an
// option's label counts as well as its value, and a scale point's label
// as well as its number (both ignoring case). An empty cell, or a
// missing-value token (Options.NA) that is not an option's value or
// label, is unanswered.
func (w *worker) csvAnswer(qi int, cell string) error {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return nil
	}
	b := w.opts.Bank
	q := &b.Questions[qi]
	if w.missing(cell) {
		if _, isOption := optionByValueOrLabel(q, cell); q.Kind == quiz.Likert || !isOption {
			return nil
		}
	}
	bad := func(v, reason string) error {
		return &quiz.ValueError{Question: q.ID, Value: v, Reason: reason, Allowed: q.Allowed() + " (or their labels)"}
	}
	switch q.Kind {
	case quiz.Likert:
		if n, err := strconv.Atoi(cell); err == nil {
			if n < q.Scale.Min || n > q.Scale.Max {
				return bad(cell, "is out of range")
			}
			w.answers[qi] = quiz.Answer{Set: true, Level: n}
			return nil
		}
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			if strings.EqualFold(q.Scale.Label(v), cell) {
				w.answers[qi] = quiz.Answer{Set: true, Level: v}
				return nil
			}
		}
		return bad(cell, "is not a point on the scale")
	case quiz.Single:
		i, ok := optionByValueOrLabel(q, cell)
		if !ok {
			return quiz.NotAnOption(q, cell, q.Allowed()+" (or their labels)")
		}
		w.answers[qi] = quiz.Answer{Set: true, Choice: i}
		return nil
	}
	// Multi: choices separated by commas, or by semicolons as Microsoft
	// Forms writes them ("A;B;"), where a label may hold either itself:
	// match the longest run of parts that names an option, taking the run
	// from the cell as written. No run is longer than the option with the
	// most separators allows, which keeps a cell of many separators
	// linear, not cubic.
	isSep := func(r rune) bool { return r == ',' || r == ';' }
	widest := 1
	for _, o := range q.Options {
		widest = max(widest, 1+strings.Count(o.Label, ",")+strings.Count(o.Label, ";"), 1+strings.Count(o.Value, ",")+strings.Count(o.Value, ";"))
	}
	// starts[i] and ends[i] bound part i in the cell.
	var starts, ends []int
	start := 0
	for i, r := range cell {
		if isSep(r) {
			starts, ends = append(starts, start), append(ends, i)
			start = i + 1
		}
	}
	starts, ends = append(starts, start), append(ends, len(cell))
	var picked []int
	for i := 0; i < len(starts); {
		if strings.TrimSpace(cell[starts[i]:ends[i]]) == "" {
			i++
			continue
		}
		matched := false
		for j := min(len(starts), i+widest); j > i; j-- {
			if oi, ok := optionByValueOrLabel(q, strings.TrimSpace(cell[starts[i]:ends[j-1]])); ok {
				picked, i, matched = append(picked, oi), j, true
				break
			}
		}
		if !matched {
			return quiz.NotAnOption(q, strings.TrimSpace(cell[starts[i]:ends[i]]), q.Allowed()+" (or their labels)")
		}
	}
	a, err := q.AnswerOf(picked)
	if err != nil {
		return err
	}
	w.answers[qi] = a
	return nil
}

func optionByValueOrLabel(q *quiz.Question, s string) (int, bool) {
	if i, ok := q.Option(s); ok {
		return i, true
	}
	for i, o := range q.Options {
		if strings.EqualFold(o.Label, s) || strings.EqualFold(o.Value, s) {
			return i, true
		}
	}
	return 0, false
}
