package batch

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Lookup is a bank's ids and option values indexed for parsing records
// without allocating: map lookups keyed by string(bytes) do not copy.
// Built once per run and shared read-only by the workers.
type Lookup struct {
	bank      *quiz.Bank
	questions map[string]int
	roles     map[string]int
	ids       []string   // question ids in bank order
	keys      []string   // per question: `"id":`, as compact JSON writes the key
	values    [][]string // per question: option values in order
	quoted    [][]string // per question: option values as JSON strings, quotes included
	first     [][]byte   // per question: the first byte of each quoted value's text
	info      []questionInfo
}

// questionInfo is what parsing a value needs from a question, packed
// small: the bank's Question structs are large, and reaching into them
// for every answer costs cache misses.
type questionInfo struct {
	kind     quiz.Kind
	min, max int // Likert scale
	none     int // Multi: the "none of these" option, or -1
}

// NewLookup indexes b.
func NewLookup(b *quiz.Bank) *Lookup {
	l := &Lookup{bank: b, questions: map[string]int{}, roles: map[string]int{}, values: make([][]string, len(b.Questions))}
	for i, q := range b.Questions {
		l.questions[q.ID] = i
		l.ids = append(l.ids, q.ID)
		l.keys = append(l.keys, string(appendJSONString(nil, q.ID))+":")
		l.values[i] = q.Values()
		var quoted []string
		var first []byte
		for _, v := range l.values[i] {
			qv := string(appendJSONString(nil, v))
			quoted = append(quoted, qv)
			first = append(first, qv[1])
		}
		l.quoted = append(l.quoted, quoted)
		l.first = append(l.first, first)
		l.info = append(l.info, questionInfo{kind: q.Kind, min: q.Scale.Min, max: q.Scale.Max, none: q.None})
	}
	for i, r := range b.Roles {
		l.roles[r.ID] = i
	}
	return l
}

// ndjsonRecord is one parsed NDJSON line. Its slices point into the line
// or into the parser's scratch space, so it is valid until the next parse.
type ndjsonRecord struct {
	id     []byte
	hasID  bool
	expect int // role index, or -1
	also   int // role index, or -1
}

// ndjsonParser reads lines of the form
//
//	{"id": "ana", "expect": "tpm", "answers": {"degree": "business", "read-code": 4, "love": ["ux", "gtm"]}}
//
// into an answer set, reusing its buffers from line to line.
type ndjsonParser struct {
	lk      *Lookup
	data    []byte
	pos     int
	scratch []byte // unescaped strings
	seen    []bool // questions answered on this line
}

func newNDJSONParser(lk *Lookup) *ndjsonParser {
	return &ndjsonParser{lk: lk, seen: make([]bool, len(lk.bank.Questions))}
}

// syntaxError is malformed JSON; its offset is a byte column in the line.
type syntaxError struct {
	col int
	msg string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("column %d: %s", e.col, e.msg) }

// parse reads one line into answers (which it clears first).
func (p *ndjsonParser) parse(line []byte, answers quiz.Answers) (ndjsonRecord, error) {
	p.data, p.pos, p.scratch = line, 0, p.scratch[:0]
	clear(answers)
	clear(p.seen)
	rec := ndjsonRecord{expect: -1, also: -1}
	if err := p.expectByte('{'); err != nil {
		return rec, err
	}
	haveAnswers := false
	for first := true; ; first = false {
		p.skipSpace()
		if p.peek() == '}' && first {
			p.pos++
			break
		}
		key, err := p.str()
		if err != nil {
			return rec, err
		}
		if err := p.expectByte(':'); err != nil {
			return rec, err
		}
		switch string(key) {
		case "id":
			if rec.hasID {
				return rec, errors.New(`duplicate key "id"`)
			}
			if rec.id, err = p.scalarText(); err != nil {
				return rec, fmt.Errorf("id: %w", err)
			}
			rec.hasID = rec.id != nil
		case "expect", "also":
			target := &rec.expect
			if string(key) == "also" {
				target = &rec.also
			}
			v, err := p.scalarText()
			if err != nil {
				return rec, fmt.Errorf("%s: %w", key, err)
			}
			if v != nil {
				ri, ok := p.lk.roles[string(v)]
				if !ok {
					return rec, fmt.Errorf("%s names unknown role %q%s (roles: %s)", key, v, quiz.DidYouMean(string(v), p.lk.bank.RoleIDs()), strings.Join(p.lk.bank.RoleIDs(), ", "))
				}
				*target = ri
			}
		case "answers":
			if haveAnswers {
				return rec, errors.New(`duplicate key "answers"`)
			}
			haveAnswers = true
			if err := p.answers(answers); err != nil {
				return rec, err
			}
		default:
			return rec, fmt.Errorf("unknown key %q; known keys: id, expect, also, answers", key)
		}
		p.skipSpace()
		if p.peek() == ',' {
			p.pos++
			continue
		}
		if err := p.expectByte('}'); err != nil {
			return rec, err
		}
		break
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return rec, p.syntax("unexpected text after the object")
	}
	if !haveAnswers {
		return rec, errors.New(`missing key "answers"`)
	}
	if rec.also >= 0 && rec.also == rec.expect {
		return rec, fmt.Errorf("also names %q, the role expect already names", p.lk.bank.Roles[rec.also].ID)
	}
	return rec, nil
}

func (p *ndjsonParser) answers(answers quiz.Answers) error {
	p.skipSpace()
	if p.peekWord("null") {
		p.pos += 4
		return nil
	}
	if err := p.expectByte('{'); err != nil {
		return err
	}
	p.skipSpace()
	if p.peek() == '}' {
		p.pos++
		return nil
	}
	next := 0 // answers usually come in bank order: try the next one first
	for {
		var qi int
		if next < len(p.lk.keys) && hasPrefixAt(p.data, p.pos, p.lk.keys[next]) {
			// The predicted key, colon included, in one comparison.
			qi = next
			p.pos += len(p.lk.keys[next])
		} else {
			key, err := p.str()
			if err != nil {
				return err
			}
			var ok bool
			if qi, ok = p.lk.questions[string(key)]; !ok {
				return fmt.Errorf("unknown question %q%s (see 'pmfit questions')", key, quiz.DidYouMean(string(key), p.lk.bank.QuestionIDs()))
			}
			if err := p.expectByte(':'); err != nil {
				return err
			}
		}
		if p.seen[qi] {
			return fmt.Errorf("question %q is answered twice", p.lk.ids[qi])
		}
		p.seen[qi] = true
		next = qi + 1
		if err := p.answer(qi, answers); err != nil {
			return err
		}
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
			p.skipSpace()
			continue
		case '}':
			p.pos++
			return nil
		}
		return p.syntax("expected ',' or '}' after an answer")
	}
}

// answer reads question qi's value straight into an Answer.
func (p *ndjsonParser) answer(qi int, answers quiz.Answers) error {
	q := &p.lk.info[qi]
	p.skipSpace()
	// Fast paths for what generators and exports write: a one-digit scale
	// point, or an option value as a whole quoted token. Anything else
	// (spaces, escapes, a mistake) takes the general path below.
	if p.pos+1 < len(p.data) {
		switch c, next := p.data[p.pos], p.data[p.pos+1]; {
		case q.kind == quiz.Likert && isDigit(c) && (next == ',' || next == '}'):
			if n := int(c - '0'); n >= q.min && n <= q.max {
				answers[qi] = quiz.Answer{Set: true, Level: n}
				p.pos++
				return nil
			}
		case q.kind == quiz.Single && c == '"':
			if i, ok := p.quotedOption(qi); ok {
				answers[qi] = quiz.Answer{Set: true, Choice: i}
				return nil
			}
		}
	}
	switch c := p.peek(); {
	case c == 'n' && p.peekWord("null"):
		p.pos += 4
		return nil // unanswered
	case c == '[':
		// A list: several values for a multi-select, exactly one for
		// anything else, as answer files allow.
		p.pos++
		var picks uint64
		var single []byte
		n := 0
		for first := true; ; first = false {
			p.skipSpace()
			if p.peek() == ']' && first {
				p.pos++
				break
			}
			n++
			i, quoted := 0, false
			if q.kind == quiz.Multi {
				i, quoted = p.quotedOption(qi)
			}
			if quoted {
				picks |= 1 << uint(i)
			} else {
				v, err := p.scalarText()
				if err != nil || v == nil {
					return p.valueError(qi, "[…]", "holds something other than values")
				}
				if q.kind != quiz.Multi {
					single = v
				} else if err := p.pickList(qi, v, &picks); err != nil {
					return err
				}
			}
			p.skipSpace()
			if p.peek() == ',' {
				p.pos++
				continue
			}
			if err := p.expectByte(']'); err != nil {
				return err
			}
			break
		}
		if q.kind == quiz.Multi {
			return p.setPicks(qi, picks, answers)
		}
		if n != 1 {
			return p.valueError(qi, "[…]", "is not a single value")
		}
		return p.setText(qi, single, answers)
	case c == '"':
		v, err := p.str()
		if err != nil {
			return err
		}
		return p.setText(qi, v, answers)
	case c == '-' || (c >= '0' && c <= '9'):
		// A number as the integer it is, when it is one (3.0, 3e0), as the
		// answer-file parser reads it.
		num := p.number()
		return p.setText(qi, []byte(quiz.NumberText(string(num), bytes.ContainsAny(num, ".eE"))), answers)
	case c == 't' || c == 'f' || c == '{':
		start := p.pos
		p.skipValue()
		return p.valueError(qi, string(p.data[start:p.pos]), "is not an option or a number")
	}
	return p.syntax("expected an answer value")
}

// setText turns one string or number into an answer.
func (p *ndjsonParser) setText(qi int, v []byte, answers quiz.Answers) error {
	q := &p.lk.info[qi]
	switch q.kind {
	case quiz.Likert:
		v = trimSpace(v)
		n, ok := atoiSmall(v)
		if !ok {
			return p.valueError(qi, string(v), "is not an integer")
		}
		if n < q.min || n > q.max {
			return p.valueError(qi, string(v), "is out of range")
		}
		answers[qi] = quiz.Answer{Set: true, Level: n}
	case quiz.Single:
		v = trimSpace(v)
		i, ok := p.lk.option(qi, v)
		if !ok {
			return p.valueError(qi, string(v), "is not an option")
		}
		answers[qi] = quiz.Answer{Set: true, Choice: i}
	case quiz.Multi:
		var picks uint64
		if err := p.pickList(qi, v, &picks); err != nil {
			return err
		}
		return p.setPicks(qi, picks, answers)
	}
	return nil
}

// pickList adds the options named in v, comma-separated, skipping empty
// parts, as quiz.ParseAnswer reads a multi-select value.
func (p *ndjsonParser) pickList(qi int, v []byte, picks *uint64) error {
	for len(v) > 0 {
		part := v
		if i := indexByte(v, ','); i >= 0 {
			part, v = v[:i], v[i+1:]
		} else {
			v = nil
		}
		if part = trimSpace(part); len(part) > 0 {
			if err := p.pick(qi, part, picks); err != nil {
				return err
			}
		}
	}
	return nil
}

// quotedOption matches an option's value, written as a plain JSON string,
// at the current position, and moves past it.
func (p *ndjsonParser) quotedOption(qi int) (int, bool) {
	if p.pos+1 >= len(p.data) {
		return 0, false
	}
	// Values mostly differ in their first letter: compare that byte
	// first, and the whole value only where it matches.
	c := p.data[p.pos+1]
	for i, f := range p.lk.first[qi] {
		if f == c && hasPrefixAt(p.data, p.pos, p.lk.quoted[qi][i]) {
			p.pos += len(p.lk.quoted[qi][i])
			return i, true
		}
	}
	return 0, false
}

// option finds an option by value. A scan, not a map: questions have a
// handful of options, and comparing a few short strings beats hashing.
func (l *Lookup) option(qi int, v []byte) (int, bool) {
	for i, val := range l.values[qi] {
		if len(val) == len(v) && string(v) == val {
			return i, true
		}
	}
	return 0, false
}

func (p *ndjsonParser) pick(qi int, v []byte, picks *uint64) error {
	i, ok := p.lk.option(qi, v)
	if !ok {
		return p.valueError(qi, string(v), "is not an option")
	}
	*picks |= 1 << uint(i)
	return nil
}

func (p *ndjsonParser) setPicks(qi int, picks uint64, answers quiz.Answers) error {
	if picks == 0 {
		return p.valueError(qi, "", "chooses nothing")
	}
	if none := p.lk.info[qi].none; none >= 0 && picks&(1<<uint(none)) != 0 && picks != 1<<uint(none) {
		q := &p.lk.bank.Questions[qi]
		var idx []int
		for i := range q.Options {
			if picks&(1<<uint(i)) != 0 {
				idx = append(idx, i)
			}
		}
		_, err := q.AnswerOf(idx) // for its message
		return err
	}
	answers[qi] = quiz.Answer{Set: true, Picks: picks}
	return nil
}

func (p *ndjsonParser) valueError(qi int, v, reason string) error {
	q := &p.lk.bank.Questions[qi]
	if reason == "is not an option" {
		return quiz.NotAnOption(q, v, q.Allowed())
	}
	return &quiz.ValueError{Question: q.ID, Value: v, Reason: reason, Allowed: q.Allowed()}
}

// scalarText reads a string or a number as text; null gives nil.
func (p *ndjsonParser) scalarText() ([]byte, error) {
	p.skipSpace()
	switch c := p.peek(); {
	case c == '"':
		return p.str()
	case c == 'n' && p.peekWord("null"):
		p.pos += 4
		return nil, nil
	case c == '-' || isDigit(c):
		return p.number(), nil
	}
	return nil, p.syntax("expected a string")
}

// number reads the text of a JSON number; whether it is one the
// question allows is for the caller to judge.
func (p *ndjsonParser) number() []byte {
	start := p.pos
	for p.pos < len(p.data) && isNumberByte(p.data[p.pos]) {
		p.pos++
	}
	return p.data[start:p.pos]
}

func isNumberByte(c byte) bool {
	return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// str reads a JSON string. Without escapes it is a slice of the line;
// with them, it is decoded into the scratch space.
func (p *ndjsonParser) str() ([]byte, error) {
	if p.pos >= len(p.data) || p.data[p.pos] != '"' {
		p.skipSpace()
		if p.peek() != '"' {
			return nil, p.syntax("expected a string")
		}
	}
	p.pos++
	start, data := p.pos, p.data
	i := start
	// Eight bytes at a time: stopMask finds the first quote, backslash or
	// control byte in a word.
	for ; i+8 <= len(data); i += 8 {
		if m := stopMask(binary.LittleEndian.Uint64(data[i:])); m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			return p.strEnd(start, i)
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c == '"' || c == '\\' || c < 0x20 {
			return p.strEnd(start, i)
		}
	}
	p.pos = len(data)
	return nil, p.syntax("unterminated string (is the line cut short?)")
}

// strEnd finishes a string whose first special byte is at i.
func (p *ndjsonParser) strEnd(start, i int) ([]byte, error) {
	switch p.data[i] {
	case '"':
		p.pos = i + 1
		return p.data[start:i], nil
	case '\\':
		p.pos = i
		return p.escaped(start)
	}
	p.pos = i
	return nil, p.syntax("control character in a string")
}

// stopMask has the high bit set in each byte of x that is a quote, a
// backslash or below 0x20 (the classic has-zero-byte trick); bytes after
// the first such byte may be marked falsely, so only the lowest counts.
func stopMask(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := x ^ (ones * '"')
	b := x ^ (ones * '\\')
	return ((q-ones)&^q | (b-ones)&^b | (x-ones*0x20)&^x) & highs
}

func (p *ndjsonParser) escaped(start int) ([]byte, error) {
	from := len(p.scratch)
	p.scratch = append(p.scratch, p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return p.scratch[from:], nil
		case c < 0x20:
			return nil, p.syntax("control character in a string")
		case c != '\\':
			p.scratch = append(p.scratch, c)
			p.pos++
			continue
		}
		if p.pos+1 >= len(p.data) {
			break
		}
		e := p.data[p.pos+1]
		p.pos += 2
		switch e {
		case '"', '\\', '/':
			p.scratch = append(p.scratch, e)
		case 'b':
			p.scratch = append(p.scratch, '\b')
		case 'f':
			p.scratch = append(p.scratch, '\f')
		case 'n':
			p.scratch = append(p.scratch, '\n')
		case 'r':
			p.scratch = append(p.scratch, '\r')
		case 't':
			p.scratch = append(p.scratch, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return nil, p.syntax(`invalid \u escape`)
			}
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
					p.pos += 2
					if lo, ok := p.hex4(); ok {
						r2 = lo
					}
				}
				r = utf16.DecodeRune(r, r2)
			}
			p.scratch = utf8.AppendRune(p.scratch, r)
		default:
			return nil, p.syntax("invalid escape in a string")
		}
	}
	return nil, p.syntax("unterminated string (is the line cut short?)")
}

func (p *ndjsonParser) hex4() (rune, bool) {
	if p.pos+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.pos : p.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.pos += 4
	return r, true
}

// skipValue skips one JSON value of any kind, for error messages.
func (p *ndjsonParser) skipValue() {
	depth := 0
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '"':
			if _, err := p.str(); err != nil {
				return
			}
			if depth == 0 {
				return
			}
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth <= 0 {
				p.pos++
				return
			}
		case ',':
			if depth == 0 {
				return
			}
		}
		p.pos++
	}
}

func (p *ndjsonParser) skipSpace() {
	if p.pos < len(p.data) && p.data[p.pos] > ' ' {
		return // compact JSON: the usual case
	}
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

func (p *ndjsonParser) peek() byte {
	if p.pos < len(p.data) {
		return p.data[p.pos]
	}
	return 0
}

func (p *ndjsonParser) peekWord(w string) bool {
	return len(p.data)-p.pos >= len(w) && string(p.data[p.pos:p.pos+len(w)]) == w
}

func (p *ndjsonParser) expectByte(c byte) error {
	if p.pos < len(p.data) && p.data[p.pos] == c {
		p.pos++
		return nil
	}
	p.skipSpace()
	if p.peek() != c {
		if p.pos >= len(p.data) {
			return p.syntax(fmt.Sprintf("expected %q, found the end of the line (is it cut short?)", c))
		}
		return p.syntax(fmt.Sprintf("expected %q", c))
	}
	p.pos++
	return nil
}

func (p *ndjsonParser) syntax(msg string) error {
	return &syntaxError{col: p.pos + 1, msg: "invalid JSON: " + msg}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func hasPrefixAt(data []byte, pos int, prefix string) bool {
	return len(data)-pos >= len(prefix) && string(data[pos:pos+len(prefix)]) == prefix
}

// atoiSmall parses a short decimal integer, as Likert answers are,
// optionally with a zero fraction ("3.0"), as the answer-file parser
// reads them.
func atoiSmall(b []byte) (int, bool) {
	if i := indexByte(b, '.'); i >= 0 {
		frac := b[i+1:]
		if len(frac) == 0 {
			return 0, false
		}
		for _, c := range frac {
			if c != '0' {
				return 0, false
			}
		}
		b = b[:i]
	}
	if len(b) == 0 || len(b) > 6 {
		return 0, false
	}
	neg := b[0] == '-'
	if neg || b[0] == '+' {
		b = b[1:]
		if len(b) == 0 {
			return 0, false
		}
	}
	n := 0
	for _, c := range b {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
