package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/pmfit/pmfit/internal/quiz"
)

// object is a JSON object that keeps its keys in the order given, so a
// generated schema lists questions as the bank does.
type object []member

type member struct {
	key   string
	value any
}

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(m.key)
		value, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// AnswersSchema is a JSON Schema (draft 2020-12) for answer files to bank
// b: its question ids, and for each the values it allows, so an editor
// can complete and check an answer file as it is typed.
func AnswersSchema(b *quiz.Bank) any {
	questions := object{}
	for i := range b.Questions {
		q := &b.Questions[i]
		s := object{{"description", q.Text}}
		values := make([]any, 0, len(q.Options)+1)
		for _, v := range q.Values() {
			values = append(values, v)
		}
		switch q.Kind {
		case quiz.Likert:
			s = append(s, member{"type", []string{"integer", "null"}}, member{"minimum", q.Scale.Min}, member{"maximum", q.Scale.Max})
		case quiz.Single:
			s = append(s, member{"enum", append(values, nil)})
		case quiz.Multi:
			alt := make([]string, len(q.Options))
			for j, v := range q.Values() {
				alt[j] = regexp.QuoteMeta(v)
			}
			one := "(" + strings.Join(alt, "|") + ")"
			s = append(s, member{"anyOf", []any{
				object{{"type", "array"}, {"minItems", 1}, {"uniqueItems", true}, {"items", object{{"enum", values}}}},
				object{{"type", "string"}, {"pattern", `^\s*` + one + `(\s*,\s*` + one + `)*\s*$`}},
				object{{"type", "null"}},
			}})
		}
		questions = append(questions, member{q.ID, s})
	}
	roles := make([]any, 0, len(b.Roles)+1)
	for _, r := range b.Roles {
		roles = append(roles, r.ID)
	}
	title := "pmfit answers"
	if b.Title != "" {
		title = fmt.Sprintf("pmfit answers: %s", b.Title)
	}
	return object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", strings.TrimSuffix("urn:pmfit:answers:"+b.ID, ":")},
		{"title", title},
		{"description", "An answer file for 'pmfit score --answers FILE'. Every question must be answered unless --partial is given."},
		{"type", "object"},
		{"required", []string{"answers"}},
		{"additionalProperties", false},
		{"properties", object{
			{"id", object{{"type", []string{"string", "number", "null"}}, {"description", "Who answered."}}},
			{"expect", object{{"enum", append(roles, nil)}, {"description", "The role expected to rank first, for checks in bulk."}}},
			{"also", object{{"enum", append(roles, nil)}, {"description", "A second role that would be an acceptable result (pmfit analyze); not the same as expect."}}},
			{"result", object{{"description", "Written by 'pmfit quiz --out'; ignored when scoring."}}},
			{"answers", object{{"type", []string{"object", "null"}}, {"additionalProperties", false}, {"properties", questions}}},
		}},
	}
}
