package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestValidateAndScoreAgree: `validate --answers` and `score` give every
// answer file the same verdict. A file validate passes without an error,
// `score --partial` scores; one it warns about for missing answers,
// `score` refuses without --partial and scores with it; one it errors
// on, score refuses either way.
func TestValidateAndScoreAgree(t *testing.T) {
	persona, err := os.ReadFile("../testdata/personas/pm-generalist.yaml")
	if err != nil {
		t.Fatal(err)
	}
	partialResult, err := os.ReadFile("../testdata/partial/tpm-engineer-short.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"complete.yaml":       string(persona),
		"result.yaml":         string(partialResult),
		"partial.yaml":        "answers:\n  degree: business\n  read-code: 4\n",
		"empty-answers.yaml":  "answers: {}\n",
		"null-answers.yaml":   "answers:\n",
		"no-answers.yaml":     "id: ana\n",
		"empty.yaml":          "",
		"unknown.yaml":        "answers:\n  degre: business\n",
		"bad-value.yaml":      "answers:\n  degree: law\n",
		"out-of-range.yaml":   "answers:\n  read-code: 9\n",
		"none-and-more.yaml":  "answers:\n  week-of-work: [none, launch]\n",
		"duplicate.yaml":      "answers:\n  degree: business\n  degree: design\n",
		"unknown-expect.yaml": "expect: ceo\nanswers:\n  degree: business\n",
		"flow.json":           "{answers: {degree: business}}\n",
		"trailing-comma.json": "{\"answers\": {\"degree\": \"business\",}}\n",
		"two-values.json":     "{\"answers\": {\"degree\": \"business\"}} {}\n",
		"valid.json":          "{\"answers\": {\"degree\": \"business\", \"read-code\": 2}}\n",
		"null-id.json":        "{\"id\": null, \"answers\": {\"degree\": \"business\"}}\n",
		"list.yaml":           "- degree: business\n",
		"answers-a-list.yaml": "answers: [degree]\n",
		"unknown-key.yaml":    "answerz:\n  degree: business\n",
		"tabs.yaml":           "answers:\n\tdegree: business\n",
		"multi-string.yaml":   "answers:\n  week-of-work: launch,backlog\n",
		"likert-label.yaml":   "answers:\n  read-code: Agree\n",
		"bom.yaml":            "\ufeffanswers:\n  degree: business\n",
		"expect-unmet.yaml":   "expect: tpm\n" + string(persona)[len("# "):],
	}
	dir := t.TempDir()
	for name, content := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		run := func(args ...string) (int, string) {
			f, ios := testFactory(t, nil)
			code := Run(f, args)
			return code, ios.Out.(*bytes.Buffer).String() + ios.ErrOut.(*bytes.Buffer).String()
		}
		vCode, vOut := run("validate", "--answers", path)
		vErrors := vCode != 0
		vWarns := !vErrors && bytes.Contains([]byte(vOut), []byte("warning: answers"))
		pCode, pOut := run("score", "--partial", "--answers", path, "--format", "json")
		sCode, sOut := run("score", "--answers", path, "--format", "json")
		scored := func(code int) bool { return code == ExitOK || code == ExitUnmet }
		switch {
		case vErrors && (scored(pCode) || scored(sCode)):
			t.Errorf("%s: validate errs (exit %d), but score scores it (--partial exit %d, without %d)\n%s", name, vCode, pCode, sCode, vOut)
		case !vErrors && !scored(pCode):
			t.Errorf("%s: validate passes it, but score --partial refuses it (exit %d)\n%s\n%s", name, pCode, vOut, pOut)
		case vWarns && scored(sCode):
			t.Errorf("%s: validate warns of missing answers, but score scores it without --partial", name)
		case !vErrors && !vWarns && !scored(sCode):
			t.Errorf("%s: validate passes it cleanly, but score refuses it without --partial (exit %d)\n%s", name, sCode, sOut)
		}
	}
}
