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
// b: its question ids, and for each the values it allows, written every
// way pmfit reads them, so an editor can complete and check an answer
// file as it is typed and accepts exactly what `pmfit score --partial`
// does. Each question's values come first as an enum, which editors
// (yaml-language-server) complete from and name when an answer is wrong;
// the other forms pmfit reads (padded, as strings, in lists) follow. It
// uses no union types, so strict validators (ajv) compile it.
// Two things a schema cannot see are left to pmfit: a key given twice,
// and option values that look like numbers.
func AnswersSchema(b *quiz.Bank) any {
	questions := object{}
	answered := make([]any, 0, len(b.Questions))
	for i := range b.Questions {
		q := &b.Questions[i]
		s := object{{"description", q.Text}}
		switch q.Kind {
		case quiz.Likert:
			levels := make([]any, 0, q.Scale.Points())
			for v := q.Scale.Min; v <= q.Scale.Max; v++ {
				levels = append(levels, v)
			}
			point := []any{
				object{{"type", "integer"}, {"minimum", q.Scale.Min}, {"maximum", q.Scale.Max}},
				object{{"type", "string"}, {"pattern", levelPattern(q.Scale.Min, q.Scale.Max)}},
			}
			s = append(s, member{"anyOf", []any{
				// The points as written, first: editors complete from an
				// enum, and name its values when an answer is wrong.
				object{{"enum", levels}},
				point[0], point[1],
				object{{"type", "array"}, {"minItems", 1}, {"maxItems", 1}, {"items", object{{"anyOf", point}}}},
				object{{"type", "null"}},
			}})
		case quiz.Single:
			one := object{{"type", "string"}, {"pattern", `^[ \t]*` + alternatives(q.Values()) + `[ \t]*$`}}
			s = append(s, member{"anyOf", []any{
				object{{"enum", q.Values()}},
				one,
				object{{"type", "array"}, {"minItems", 1}, {"maxItems", 1}, {"items", one}},
				object{{"type", "null"}},
			}})
		case quiz.Multi:
			var ordinary, none []string
			for _, o := range q.Options {
				if o.None {
					none = append(none, o.Value)
				} else {
					ordinary = append(ordinary, o.Value)
				}
			}
			// One value, and a list of them, as enums first (what an editor
			// completes); then every way pmfit reads a choice.
			ways := []any{
				object{{"enum", q.Values()}},
				object{{"type", "array"}, {"minItems", 1}, {"uniqueItems", true}, {"items", object{{"enum", ordinary}}}},
			}
			for _, values := range [][]string{ordinary, none} {
				if len(values) > 0 {
					ways = append(ways, choiceForms(values)...)
				}
			}
			s = append(s, member{"anyOf", append(ways, object{{"type", "null"}})})
		}
		questions = append(questions, member{q.ID, s})
		answered = append(answered, object{{"required", []string{q.ID}}, {"properties", object{{q.ID, object{{"not", object{{"type", "null"}}}}}}}})
	}
	roles := make([]any, 0, len(b.Roles)+1)
	notBoth := make([]any, 0, len(b.Roles))
	for _, r := range b.Roles {
		roles = append(roles, r.ID)
		notBoth = append(notBoth, object{
			{"if", object{{"required", []string{"expect"}}, {"properties", object{{"expect", object{{"const", r.ID}}}}}}},
			{"then", object{{"properties", object{{"also", object{{"not", object{{"const", r.ID}}}}}}}}},
		})
	}
	roles = append(roles, nil)
	title := "pmfit answers"
	if b.Title != "" {
		title = fmt.Sprintf("pmfit answers: %s", b.Title)
	}
	top := object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", strings.TrimSuffix("urn:pmfit:answers:"+b.ID, ":")},
		{"title", title},
		{"description", "An answer file for 'pmfit score --answers FILE'. At least one question must be answered; every question, unless --partial is given."},
		{"type", "object"},
		{"required", []string{"answers"}},
		{"additionalProperties", false},
		{"properties", object{
			{"id", object{{"description", "Who answered."}, {"anyOf", []any{
				object{{"type", "string"}}, object{{"type", "number"}}, object{{"type", "boolean"}}, object{{"type", "null"}},
			}}}},
			{"expect", object{{"enum", roles}, {"description", "The role expected to rank first, for checks in bulk."}}},
			{"also", object{{"enum", roles}, {"description", "A second role that would be an acceptable result (pmfit analyze); not the same as expect."}}},
			{"result", object{{"description", "Written by 'pmfit quiz --out'; ignored when scoring."}}},
			{"answers", object{{"type", "object"}, {"additionalProperties", false}, {"properties", questions}, {"anyOf", answered}}},
		}},
	}
	if len(notBoth) > 0 {
		top = append(top, member{"allOf", notBoth})
	}
	return top
}

// alternatives is a regular expression matching exactly one of values.
func alternatives(values []string) string {
	alt := make([]string, len(values))
	for i, v := range values {
		alt[i] = regexp.QuoteMeta(v)
	}
	return "(?:" + strings.Join(alt, "|") + ")"
}

// levelPattern matches a scale point from min to max written as pmfit
// reads one in a string: an integer, maybe signed or zero-padded, maybe
// with a zero fraction, between blanks ("4", " +04 ", "4.0").
func levelPattern(min, max int) string {
	var alt []string
	for v := min; v <= max; v++ {
		switch {
		case v == 0:
			alt = append(alt, `[+-]?0+`)
		case v > 0:
			alt = append(alt, fmt.Sprintf(`\+?0*%d`, v))
		default:
			alt = append(alt, fmt.Sprintf(`-0*%d`, -v))
		}
	}
	return `^[ \t]*(?:` + strings.Join(alt, "|") + `)(?:\.0+)?[ \t]*$`
}

// choiceForms are the ways to write a multi-select choice drawn from
// values only (all ordinary options, or only "none of these"): a string
// of comma-separated values, or a list of such strings; blank parts are
// skipped, and at least one value must be named.
func choiceForms(values []string) []any {
	blank, value := `[ \t]*`, `[ \t]*`+alternatives(values)+`[ \t]*`
	names := `^(?:` + blank + `,)*` + value + `(?:,(?:` + value + `|` + blank + `))*$`
	parts := `^(?:` + value + `|` + blank + `)(?:,(?:` + value + `|` + blank + `))*$`
	return []any{
		object{{"type", "string"}, {"pattern", names}},
		object{{"type", "array"}, {"items", object{{"type", "string"}, {"pattern", parts}}}, {"contains", object{{"type", "string"}, {"pattern", names}}}},
	}
}
