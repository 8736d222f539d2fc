package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

// compileSchema compiles what `pmfit schema [kind]` prints.
func compileSchema(t *testing.T, args ...string) *jsonschema.Schema {
	t.Helper()
	f, ios := testFactory(t, nil)
	if code := Run(f, append([]string{"schema"}, args...)); code != 0 {
		t.Fatalf("pmfit schema %v: exit %d: %s", args, code, ios.ErrOut)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(ios.Out.(*bytes.Buffer).Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// yamlDoc reads a YAML (or JSON) file as the JSON value a schema checks.
func yamlDoc(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestBankSchemaAgreesWithTheLoader: banks the loader accepts pass the
// schema; a bank full of mistakes does not.
func TestBankSchemaAgreesWithTheLoader(t *testing.T) {
	s := compileSchema(t)
	good, _ := filepath.Glob("../testdata/banks/*.yaml")
	good = append(good, "../questions.yaml", "../internal/scoring/testdata/worked-example.yaml")
	for _, path := range good {
		if strings.Contains(path, "mistakes") {
			continue
		}
		if err := s.Validate(yamlDoc(t, path)); err != nil {
			t.Errorf("%s fails the bank schema: %v", path, err)
		}
	}
	for name, src := range map[string]string{
		"unknown key":         "dimensions: []\nroles: []\nquestions: []\ntitel: x\n",
		"likert with options": "dimensions: [{id: d, name: D, low: l, high: h}]\nroles: [{id: r, name: R, summary: s, profile: {d: 1}}]\nquestions: [{id: q, type: likert, dimension: d, text: t, options: []}]\n",
		"target out of range": "dimensions: [{id: d, name: D, low: l, high: h}]\nroles: [{id: r, name: R, summary: s, profile: {d: 120}}]\nquestions: [{id: q, type: likert, dimension: d, text: t}]\n",
		"bad id":              "id: not an id\ndimensions: []\nroles: []\nquestions: []\n",
		"scores on multi":     "dimensions: [{id: d, name: D, low: l, high: h}]\nroles: [{id: r, name: R, summary: s, profile: {d: 1}}]\nquestions: [{id: q, type: multi, text: t, options: [{value: a, label: A, scores: {d: 1}}, {value: b, label: B}]}]\n",
	} {
		path := filepath.Join(t.TempDir(), "bank.yaml")
		os.WriteFile(path, []byte(src), 0o644)
		if err := s.Validate(yamlDoc(t, path)); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

func TestAnswersSchemaAgreesWithTheParser(t *testing.T) {
	s := compileSchema(t, "answers")
	personas, _ := filepath.Glob("../testdata/personas/*.yaml")
	for _, path := range personas {
		if err := s.Validate(yamlDoc(t, path)); err != nil {
			t.Errorf("%s fails the answers schema: %v", path, err)
		}
	}
	for name, src := range map[string]string{
		"unknown question":                "answers: {degre: business}\n",
		"value not allowed":               "answers: {degree: law}\n",
		"likert out of range":             "answers: {read-code: 6}\n",
		"unknown role":                    "expect: ceo\nanswers: {degree: business}\n",
		"multi with unknown value":        "answers: {week-of-work: [launch, golf]}\n",
		"multi string with unknown value": "answers: {week-of-work: \"launch,golf\"}\n",
	} {
		path := filepath.Join(t.TempDir(), "a.yaml")
		os.WriteFile(path, []byte(src), 0o644)
		if err := s.Validate(yamlDoc(t, path)); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
	path := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(path, []byte("answers: {week-of-work: \"launch, backlog\", degree: business, read-code: 5}\n"), 0o644)
	if err := s.Validate(yamlDoc(t, path)); err != nil {
		t.Errorf("a valid partial answer file fails: %v", err)
	}
}

// TestQuestionsYAMLNamesItsSchema: editors check the default bank as it
// is typed.
func TestQuestionsYAMLNamesItsSchema(t *testing.T) {
	data, err := os.ReadFile("../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(data), "\n")
	if first != "# yaml-language-server: $schema=./internal/quiz/bank.schema.json" {
		t.Errorf("first line %q", first)
	}
}
