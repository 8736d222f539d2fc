package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pmfit/pmfit/internal/quiz"
)

// TestAnswersSchemaAcceptsExactlyWhatScoreAccepts: over a corpus of
// answer files written every way people and tools write them, valid and
// not, `pmfit schema answers` accepts a file exactly when `pmfit score
// --partial --answers FILE` does (the parser accepts it and it answers
// at least one question).
func TestAnswersSchemaAcceptsExactlyWhatScoreAccepts(t *testing.T) {
	s := compileSchema(t, "answers")
	f, _ := testFactory(t, nil)
	b, err := f.Bank()
	if err != nil {
		t.Fatal(err)
	}
	corpus := answerFileCorpus(b)
	if len(corpus) < 500 {
		t.Fatalf("only %d files in the corpus", len(corpus))
	}
	accepted := 0
	for _, doc := range corpus {
		src, _ := json.Marshal(doc)
		set, perr := quiz.ParseAnswerFile(b, "a.json", src)
		cli := perr == nil && set.Answers.Count() > 0
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		schema := s.Validate(v) == nil
		if cli != schema {
			t.Errorf("%s\nscore accepts: %v (%v)\nschema accepts: %v", src, cli, perr, schema)
		}
		if cli {
			accepted++
		}
	}
	if accepted < len(corpus)/5 || accepted > len(corpus)*4/5 {
		t.Errorf("%d of %d accepted: the corpus should mix valid and invalid files", accepted, len(corpus))
	}
}

// answerFileCorpus writes, for every question and for the file's other
// keys, every form of value worth trying, each alone and beside a valid
// answer to another question.
func answerFileCorpus(b *quiz.Bank) []map[string]any {
	var anchor *quiz.Question // a single choice, answered in every second file
	for i := range b.Questions {
		if b.Questions[i].Kind == quiz.Single {
			anchor = &b.Questions[i]
			break
		}
	}
	a0 := anchor.Options[0].Value
	var corpus []map[string]any
	for i := range b.Questions {
		q := &b.Questions[i]
		for _, v := range valueForms(q) {
			corpus = append(corpus, map[string]any{"answers": map[string]any{q.ID: v}})
			if q != anchor {
				corpus = append(corpus, map[string]any{"answers": map[string]any{q.ID: v, anchor.ID: a0}})
			}
		}
	}
	roles := b.RoleIDs()
	for _, top := range []map[string]any{
		{"answers": nil}, {"answers": map[string]any{}}, {"answers": map[string]any{b.Questions[2].ID: nil}},
		{"answers": map[string]any{"no-such-question": 3}}, {"answers": []any{}}, {},
		{"id": "ana"}, {"id": 7}, {"id": true}, {"id": nil}, {"id": []any{"a"}}, {"id": map[string]any{"a": 1}},
		{"expect": roles[0]}, {"expect": "nobody"}, {"expect": nil}, {"expect": 3},
		{"expect": roles[0], "also": roles[1]}, {"expect": roles[0], "also": roles[0]}, {"also": roles[2]}, {"also": "nobody"}, {"also": nil},
		{"result": map[string]any{"top": "x"}}, {"result": nil}, {"unknown": 1},
	} {
		doc := map[string]any{"answers": map[string]any{anchor.ID: a0}}
		for k, v := range top {
			if v == nil && k == "answers" {
				doc[k] = nil
				continue
			}
			doc[k] = v
		}
		if _, ok := top["answers"]; !ok && len(top) == 0 {
			delete(doc, "answers")
		}
		corpus = append(corpus, doc)
	}
	return corpus
}

// valueForms are the values worth trying for question q: right and
// wrong, as numbers, strings, lists and other kinds.
func valueForms(q *quiz.Question) []any {
	switch q.Kind {
	case quiz.Likert:
		min, max := q.Scale.Min, q.Scale.Max
		return []any{min, max, max + 1, min - 1, 3.0, 3.5, json.Number("3e0"), json.Number("30e-1"), fmt.Sprint(max),
			" 3 ", "+3", "03", "3.0", "3.00", "3.", "3.5", "three", "", "3e0", "0x3", "\n3",
			[]any{3}, []any{"4"}, []any{3, 4}, []any{}, []any{[]any{3}}, true, map[string]any{"v": 3}, nil}
	case quiz.Single:
		o0, o1 := q.Options[0].Value, q.Options[1].Value
		return []any{o0, " " + o1 + "\t", "\n" + o0, []any{o0}, []any{o0, o1}, []any{}, o0 + "," + o1, o0 + "x",
			"", 3, true, nil, map[string]any{o0: 1}, []any{nil}}
	}
	var m0, m1, none string
	for _, o := range q.Options {
		switch {
		case o.None:
			none = o.Value
		case m0 == "":
			m0 = o.Value
		case m1 == "":
			m1 = o.Value
		}
	}
	forms := []any{m0, m0 + "," + m1, m0 + ", " + m1 + ",", "," + m0, m0 + ",," + m1, " ,", "", []any{m0, m1},
		[]any{m0 + "," + m1}, []any{m0, ""}, []any{""}, []any{}, []any{m0, m0}, []any{m0 + ",x"}, m0 + ",x",
		[]any{3}, 3, []any{[]any{m0}}, true, nil, m0 + ";" + m1, "\t" + m1 + " "}
	if none != "" {
		forms = append(forms, none, none+","+none, none+","+m0, []any{none}, []any{none, m0}, []any{", " + none})
	}
	return forms
}
