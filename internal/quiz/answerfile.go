package quiz

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"
)

// AnswerSet is one person's answers, with who gave them and, for checks
// run in bulk, the role they are expected to fit.
type AnswerSet struct {
	ID     string // who answered; may be empty
	Expect string // a role id; may be empty
	// Also is a second role that would be an acceptable result (a role
	// id; may be empty): `pmfit analyze` reports how often it ranks in the
	// top two.
	Also    string
	Answers Answers
	// Partial is set for a file pmfit wrote with its result (`pmfit quiz
	// --out`, the quiz's result.json) when that result was scored on part
	// of the questions, as a short quiz's is: such a file is scored as the
	// partial set it was meant to be, without --partial.
	Partial bool
}

// ParseAnswerFile reads an answer file, YAML or JSON:
//
//	id: ana            # optional: who answered
//	expect: tpm        # optional: the role expected to rank first
//	also: pm           # optional: an acceptable second role
//	answers:
//	  degree: cs       # single choice: the option value
//	  love: [ux, gtm]  # multi-select: a list or "ux,gtm"
//	  customers: 4     # Likert: an integer on the scale
//
// A "result" key, as `pmfit quiz --out` writes, is allowed; only its
// answered and questions counts are read, to tell a partial result
// (AnswerSet.Partial). Every problem is reported, each with its line and
// column.
func ParseAnswerFile(b *Bank, file string, data []byte) (*AnswerSet, error) {
	d := &decoder{file: file}
	// A file named .json must be JSON: YAML, which reads it otherwise,
	// would take {answers: {degree: business}} and trailing commas that
	// every JSON tool downstream refuses.
	if strings.EqualFold(filepath.Ext(file), ".json") {
		if p, ok := jsonProblem(file, data); !ok {
			return nil, &FileError{File: file, Problems: []Problem{p}}
		}
	}
	set := d.answerFile(b, data)
	if errs := errorsOf(d.problems); len(errs) > 0 {
		sortProblems(errs)
		return nil, &FileError{File: file, Problems: errs}
	}
	return set, nil
}

func (d *decoder) answerFile(b *Bank, data []byte) *AnswerSet {
	root := d.parse(data)
	if root == nil {
		return nil
	}
	top, ok := d.mapping(root, "answer file", "id", "expect", "also", "answers", "result")
	if !ok {
		return nil
	}
	set := &AnswerSet{Answers: b.NewAnswers()}
	// A null id or expect is no id or expectation, as tools that write
	// every column write them.
	if n := top.get("id"); n != nil && !isNull(n) {
		if s, ok := d.str(n, "id"); ok {
			set.ID = Sanitize(s)
		}
	}
	set.Partial = savedPartial(top.get("result"))
	set.Expect = d.role(b, top, "expect")
	set.Also = d.role(b, top, "also")
	if set.Also != "" && set.Also == set.Expect {
		d.errorf(top.get("also"), "also names %s, the role expect already names; give a different role, or leave also out", Quote(set.Also))
	}
	n := d.require(top, "answer file", "answers")
	if n == nil {
		return set
	}
	n = d.resolve(n)
	if n == nil {
		return set
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return set // an empty answers: is no answers, which the caller judges
	}
	f, ok := d.mapping(n, "answers")
	if !ok {
		return set
	}
	for _, id := range f.keys {
		v := f.get(id)
		qi, ok := b.Question(id)
		if !ok {
			d.errorf(f.keyNodes[id], "unknown question %s%s (see 'pmfit questions')", Quote(id), DidYouMean(id, b.QuestionIDs()))
			continue
		}
		values, ok := d.answerValues(v, fmt.Sprintf("question %q", id))
		if !ok || values == nil {
			continue
		}
		a, err := b.ParseAnswer(qi, values)
		if err != nil {
			// ValueError quotes the value with %q, which escapes control
			// characters: nothing raw reaches the terminal.
			d.errorf(d.resolve(v), "%v", err)
			continue
		}
		set.Answers[qi] = a
	}
	return set
}

// savedPartial reports whether a saved result (the "result" key) says it
// was scored on fewer than all its questions. Anything else there is
// pmfit's own output, not checked: a result it cannot read says nothing.
func savedPartial(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	count := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if (k.Value == "answered" || k.Value == "questions") && v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
			if x, err := strconv.Atoi(v.Value); err == nil {
				count[k.Value] = x
			}
		}
	}
	a, aok := count["answered"]
	q, qok := count["questions"]
	return aok && qok && a < q
}

// role reads an optional role id under key: "" when absent or null.
func (d *decoder) role(b *Bank, top fields, key string) string {
	n := top.get(key)
	if n == nil || isNull(n) {
		return ""
	}
	s, ok := d.str(n, key)
	if !ok {
		return ""
	}
	if _, known := b.Role(s); !known {
		d.errorf(n, "%s names unknown role %s%s (roles: %s)", key, Quote(s), DidYouMean(s, b.RoleIDs()), strings.Join(b.RoleIDs(), ", "))
		return ""
	}
	return s
}

// scalarText is a scalar's text, a number written as the integer it is
// when it is one, so 3.0 reads as the scale point 3.
func scalarText(n *yaml.Node) string {
	switch n.Tag {
	case "!!float":
		return NumberText(n.Value, true)
	case "!!int":
		return NumberText(n.Value, false)
	}
	return n.Value
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// answerValues reads one answer's value: a scalar or a list of scalars.
// A null value means unanswered and gives nil, true.
func (d *decoder) answerValues(n *yaml.Node, what string) ([]string, bool) {
	n = d.resolve(n)
	if n == nil {
		return nil, false
	}
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return nil, true
	case n.Kind == yaml.ScalarNode:
		return []string{scalarText(n)}, true
	case n.Kind == yaml.SequenceNode:
		values := make([]string, 0, len(n.Content))
		for _, item := range n.Content {
			s, ok := d.scalar(item, what+" list item", "a value")
			if !ok {
				return nil, false
			}
			values = append(values, scalarText(s))
		}
		if len(values) == 0 {
			values = []string{}
		}
		return values, true
	}
	d.errorf(n, "%s: the answer must be a value or a list of values, not %s", what, describe(n))
	return nil, false
}

// answersKey and bankKey find a top-level key of a YAML file (at the
// start of a line) or of a JSON object (quoted). Compiled on first use.
var (
	answersKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^answers\s*:|"answers"\s*:`) })
	bankKey    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^(questions|roles|dimensions)\s*:|"(questions|roles|dimensions)"\s*:`)
	})
)

// LooksLikeAnswerFile reports whether the start of a file reads as an
// answer file rather than a bank: it has an answers key and none of a
// bank's keys. A guess, for telling files apart; parsing decides the rest.
func LooksLikeAnswerFile(head []byte) bool {
	return answersKey().Match(head) && !bankKey().Match(head)
}

// jsonProblem checks that data is JSON, and says where it is not.
func jsonProblem(file string, data []byte) (Problem, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	err := dec.Decode(&v)
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			return Problem{File: file, Severity: Error, Message: "not JSON: more after the end of the value (a file named .json holds one JSON object)"}, false
		}
		return Problem{}, true
	}
	offset := int64(len(data))
	var se *json.SyntaxError
	if errors.As(err, &se) {
		offset = se.Offset
	}
	line, col := 1, 1
	for _, c := range data[:min(int(offset), len(data))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "unexpected end of the file"
	}
	return Problem{File: file, Line: line, Col: max(1, col-1), Severity: Error, Message: "not JSON (a file named .json must be JSON; name it .yaml for YAML): " + msg}, false
}
