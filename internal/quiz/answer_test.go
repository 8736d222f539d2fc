package quiz

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseAnswer(t *testing.T) {
	b := mustLoad(t, smallBank)
	tests := []struct {
		id     string
		values []string
		want   Answer
		err    string
	}{
		{"l1", []string{"4"}, Answer{Set: true, Level: 4}, ""},
		{"l1", []string{" 5 "}, Answer{Set: true, Level: 5}, ""},
		{"l1", []string{"6"}, Answer{}, `question "l1": value "6" is out of range (allowed: an integer from 1 to 5)`},
		{"l1", []string{"agree"}, Answer{}, `question "l1": value "agree" is not an integer (allowed: an integer from 1 to 5)`},
		{"l1", []string{"1", "2"}, Answer{}, `question "l1": value "1,2" is not a single value (allowed: an integer from 1 to 5)`},
		{"s1", []string{"large"}, Answer{Set: true, Choice: 1}, ""},
		{"s1", []string{"huge"}, Answer{}, `question "s1": value "huge" is not an option (allowed: one of small, large)`},
		{"m1", []string{"a,b"}, Answer{Set: true, Picks: 0b011}, ""},
		{"m1", []string{"b", "a"}, Answer{Set: true, Picks: 0b011}, ""},
		{"m1", []string{"a, b,"}, Answer{Set: true, Picks: 0b011}, ""},
		{"m1", []string{"none"}, Answer{Set: true, Picks: 0b100}, ""},
		{"m1", []string{"a,none"}, Answer{}, `question "m1": value "a,none" combines "none" with other options (allowed: one or more of a, b, none)`},
		{"m1", []string{"c"}, Answer{}, `question "m1": value "c" is not an option (allowed: one or more of a, b, none)`},
		{"m1", []string{""}, Answer{}, `question "m1": value "" chooses nothing (allowed: one or more of a, b, none)`},
	}
	for _, tt := range tests {
		qi, _ := b.Question(tt.id)
		got, err := b.ParseAnswer(qi, tt.values)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err || !errors.Is(err, ErrValue) {
				t.Errorf("%s %q: err = %v, want %s", tt.id, tt.values, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s %q = %+v, %v; want %+v", tt.id, tt.values, got, err, tt.want)
		}
		// What FormatValue writes parses back to the same answer.
		back, err := b.ParseAnswer(qi, []string{b.FormatValue(qi, got)})
		if err != nil || back != got {
			t.Errorf("%s: %q did not round-trip: %+v, %v", tt.id, b.FormatValue(qi, got), back, err)
		}
	}
}

func TestLongValuesAreClippedInMessages(t *testing.T) {
	b := mustLoad(t, smallBank)
	qi, _ := b.Question("s1")
	_, err := b.ParseAnswer(qi, []string{strings.Repeat("x", 10_000)})
	want := `question "s1": value "` + strings.Repeat("x", 64) + `…" is not an option (allowed: one of small, large)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %.200v", err)
	}
}

func TestAnswerFilesInYAMLAndJSONAgree(t *testing.T) {
	b := mustLoad(t, smallBank)
	yamlSrc := "id: ana\nexpect: how\nalso: why\nanswers:\n  l1: 5\n  l2: 1\n  s1: large\n  m1: [a, b]\n"
	jsonSrc := `{"id": "ana", "expect": "how", "also": "why", "answers": {"l1": 5, "l2": "1", "s1": "large", "m1": "a,b"}}`
	jsonTabs := "{\n\t\"id\": \"ana\",\n\t\"expect\": \"how\",\n\t\"also\": \"why\",\n\t\"answers\": {\n\t\t\"l1\": 5,\n\t\t\"l2\": 1,\n\t\t\"s1\": \"large\",\n\t\t\"m1\": [\"a\", \"b\"]\n\t}\n}\n"
	var sets []*AnswerSet
	for name, src := range map[string]string{"a.yaml": yamlSrc, "a.json": jsonSrc, "tabs.json": jsonTabs} {
		set, err := ParseAnswerFile(b, name, []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sets = append(sets, set)
	}
	for _, s := range sets[1:] {
		if !reflect.DeepEqual(s, sets[0]) {
			t.Errorf("answer sets differ: %+v vs %+v", s, sets[0])
		}
	}
	if s := sets[0]; s.ID != "ana" || s.Expect != "how" || s.Also != "why" || s.Answers.Count() != 4 {
		t.Errorf("set = %+v", s)
	}
}

func TestAnswerFileProblems(t *testing.T) {
	b := mustLoad(t, smallBank)
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown question and bad value, both reported",
			"answers:\n  l3: 4\n  s1: huge\n",
			[]string{
				`a.yaml:2:3: unknown question "l3" (did you mean "l1"?) (see 'pmfit questions')`,
				`a.yaml:3:7: question "s1": value "huge" is not an option (allowed: one of small, large)`,
			}},
		{"unknown expected role", "expect: tmp\nanswers: {l1: 3}\n",
			[]string{`a.yaml:1:9: expect names unknown role "tmp" (roles: why, how)`}},
		{"transposed role id", "expect: hwo\nanswers: {l1: 3}\n",
			[]string{`a.yaml:1:9: expect names unknown role "hwo" (did you mean "how"?) (roles: why, how)`}},
		{"unknown also role", "expect: how\nalso: whom\nanswers: {l1: 3}\n",
			[]string{`a.yaml:2:7: also names unknown role "whom" (did you mean "why"?) (roles: why, how)`}},
		{"also the same as expect", "expect: how\nalso: how\nanswers: {l1: 3}\n",
			[]string{`a.yaml:2:7: also names "how", the role expect already names; give a different role, or leave also out`}},
		{"answers not a mapping", "answers: [l1, l2]\n",
			[]string{`a.yaml:1:10: answers must be a mapping, not a list`}},
		{"missing answers key", "id: ana\n",
			[]string{`a.yaml:1:1: answer file: missing required key "answers"`}},
		{"unknown top-level key", "answer: {l1: 3}\n",
			// Not also "missing required key answers": the suggestion says it.
			[]string{`a.yaml:1:1: answer file: unknown key "answer" (did you mean "answers"?); known keys: id, expect, also, answers, result`}},
		{"nested value", "answers:\n  m1: {a: 1}\n",
			[]string{`a.yaml:2:7: question "m1": the answer must be a value or a list of values, not a mapping`}},
		{"duplicate answer", "answers:\n  l1: 3\n  l1: 4\n",
			[]string{`a.yaml:3:3: answers: duplicate key "l1" (first at line 2)`}},
		{"truncated JSON", `{"answers": {"l1": 3`,
			[]string{`a.yaml:2:1: invalid YAML: while parsing a flow mapping: did not find expected ',' or '}'`}},
		{"escape sequence in a value is quoted, not passed through", "answers:\n  s1: \"\\e[2J\"\n",
			[]string{`a.yaml:2:7: question "s1": value "\x1b[2J" is not an option (allowed: one of small, large)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnswerFile(b, "a.yaml", []byte(tt.src))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a *FileError", err)
			}
			var got []string
			for _, p := range fe.Problems {
				got = append(got, p.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestNullAnswersAreUnanswered(t *testing.T) {
	b := mustLoad(t, smallBank)
	set, err := ParseAnswerFile(b, "a.yaml", []byte("answers:\n  l1: 3\n  l2: ~\n  s1:\n"))
	if err != nil {
		t.Fatal(err)
	}
	if set.Answers.Count() != 1 || !reflect.DeepEqual(b.Missing(set.Answers), []string{"l2", "s1", "m1"}) {
		t.Errorf("answered %d, missing %v", set.Answers.Count(), b.Missing(set.Answers))
	}
}

func TestValueSuggestionsAreForTypos(t *testing.T) {
	values := []string{"business", "marketing", "large", "small", "a", "b", "none"}
	for word, want := range map[string]string{
		"buisness": "business", "Marketting": "marketing", "smal": "small", "lage": "large",
		"huge": "", "c": "", "zz": "", "compsci": "", "nne": "none",
	} {
		if got := suggestValue(word, values); got != want {
			t.Errorf("suggestValue(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestEveryAnswer: every answer listed is one a script could pass, each
// once, and the counts are what the kinds allow: 5 scale points, 2
// options, and a, b, a+b and none alone (never none with another).
func TestEveryAnswer(t *testing.T) {
	b := mustLoad(t, smallBank)
	want := map[string][]string{
		"l1": {"1", "2", "3", "4", "5"},
		"l2": {"1", "2", "3", "4", "5"},
		"s1": {"small", "large"},
		"m1": {"a", "b", "a,b", "none"},
	}
	for qi, q := range b.Questions {
		var got []string
		for _, a := range q.EveryAnswer(100) {
			v := b.FormatValue(qi, a)
			back, err := b.ParseAnswer(qi, []string{v})
			if err != nil || back != a {
				t.Errorf("%s: %q does not round-trip: %v", q.ID, v, err)
			}
			got = append(got, v)
		}
		if !reflect.DeepEqual(got, want[q.ID]) {
			t.Errorf("%s: EveryAnswer = %q, want %q", q.ID, got, want[q.ID])
		}
	}
	if got := b.Questions[3].EveryAnswer(3); got != nil {
		t.Errorf("with a limit of 3, the multi-select's 4 answers are listed: %v", got)
	}
	if got := b.Questions[0].EveryAnswer(4); got != nil {
		t.Errorf("with a limit of 4, the 5 scale points are listed: %v", got)
	}
	wide := Question{ID: "wide", Kind: Multi, None: -1, Options: make([]Option, MaxOptions)}
	if got := wide.EveryAnswer(1 << 20); got != nil {
		t.Errorf("a %d-option multi-select listed %d answers", MaxOptions, len(got))
	}
}
