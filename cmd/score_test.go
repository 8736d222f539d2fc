package cmd

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/iostreams"
)

// testFactory builds a Factory over buffers with the real default bank.
func testFactory(t *testing.T, env map[string]string) (*Factory, *iostreams.IOStreams) {
	t.Helper()
	bank, err := os.ReadFile("../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	return &Factory{
		IOStreams:   ios,
		Env:         func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		Version:     "test",
		DefaultBank: bank,
	}, ios
}

func TestScoreFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    ScoreOptions
		wantErr string
	}{
		{"answers and file", []string{"-a", "degree=business", "--answer", "read-code=4", "--answers", "a.yaml"},
			ScoreOptions{Answers: []string{"degree=business", "read-code=4"}, AnswersFile: "a.yaml", Format: "text", Stop: "likely"}, ""},
		{"partial json", []string{"--answer", "degree=business", "--partial", "--format", "json"},
			ScoreOptions{Answers: []string{"degree=business"}, Partial: true, Format: "json", Stop: "likely"}, ""},
		{"partial, by proof", []string{"--answer", "degree=business", "--partial", "--stop", "proof"},
			ScoreOptions{Answers: []string{"degree=business"}, Partial: true, Format: "text", Stop: "proof"}, ""},
		{"values keep their commas", []string{"--answer", "week-of-work=launch,backlog"},
			ScoreOptions{Answers: []string{"week-of-work=launch,backlog"}, Format: "text", Stop: "likely"}, ""},
		{"stdin", []string{"--answers", "-"}, ScoreOptions{AnswersFile: "-", Format: "text", Stop: "likely"}, ""},
		{"batch inputs", []string{"a.ndjson", "dir", "-", "--format", "junit", "--output", "r.xml", "--fail-fast", "--jobs", "3", "--input-format", "csv", "--columns", "c.yaml"},
			ScoreOptions{Inputs: []string{"a.ndjson", "dir", "-"}, Format: "junit", Output: "r.xml", FailFast: true, Jobs: 3, InputFormat: "csv", Columns: "c.yaml", Stop: "likely"}, ""},
		{"bad stop rule", []string{"--answer", "degree=business", "--stop", "soon"}, ScoreOptions{}, `--stop "soon": the rule must be likely or proof`},
		{"inputs and --answer", []string{"a.ndjson", "--answer", "degree=business"}, ScoreOptions{}, "give INPUT files, or the flags, not both"},
		{"bad input format", []string{"a.txt", "--input-format", "xls"}, ScoreOptions{}, `--input-format: unknown input format "xls"`},
		{"nothing to score", nil, ScoreOptions{}, "no answers given"},
		{"bad format", []string{"--answers", "a.yaml", "--format", "yaml"}, ScoreOptions{}, `invalid value "yaml" for --format`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := testFactory(t, nil)
			var got *ScoreOptions
			cmd := NewCmdScore(f, func(o *ScoreOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&strings.Builder{})
			cmd.SetErr(&strings.Builder{})
			err := cmd.Execute()
			if tt.wantErr != "" {
				var fe *FlagError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want a FlagError containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO, got.Bank, got.Model, got.Theme, got.Printer, got.PageDate = nil, nil, nil, nil, nil, nil
			if len(got.Inputs) == 0 {
				got.Inputs = nil // cobra passes no arguments as an empty slice
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// TestScoreJSONContract checks the field names and types scripts rely on.
func TestScoreJSONContract(t *testing.T) {
	f, ios := testFactory(t, nil)
	out := ios.Out.(interface{ String() string })
	code := Run(f, []string{"score", "--answers", "../testdata/personas/core-researcher.yaml", "--format", "json"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, ios.ErrOut)
	}
	var res struct {
		ID    string `json:"id"`
		Top   string `json:"top"`
		Roles []struct {
			ID   string   `json:"id"`
			Name string   `json:"name"`
			Fit  *float64 `json:"fit"`
		} `json:"roles"`
		Dimensions []struct {
			ID    string   `json:"id"`
			Name  string   `json:"name"`
			Score *float64 `json:"score"`
		} `json:"dimensions"`
		Coverage    *float64          `json:"coverage"`
		Certainty   map[string]any    `json:"certainty"`
		Explanation []json.RawMessage `json:"explanation"`
	}
	if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
		t.Fatal(err)
	}
	if res.ID != "core-researcher" || res.Top != "core-pm" || len(res.Roles) != 7 || len(res.Dimensions) != 9 {
		t.Errorf("result = %+v", res)
	}
	if res.Roles[0].ID != res.Top {
		t.Errorf("roles not ranked best first: %+v", res.Roles)
	}
	for i, r := range res.Roles {
		if r.Fit == nil || *r.Fit < 0 || *r.Fit > 100 || (i > 0 && *r.Fit > *res.Roles[i-1].Fit) {
			t.Errorf("role %d = %+v", i, r)
		}
	}
	for _, d := range res.Dimensions {
		if d.Score == nil || *d.Score < 0 || *d.Score > 100 {
			t.Errorf("dimension = %+v", d)
		}
	}
	if res.Coverage == nil || *res.Coverage != 1 || res.Certainty["level"] == nil || len(res.Explanation) != explainTop {
		t.Errorf("coverage %v, certainty %v, %d explanations", res.Coverage, res.Certainty, len(res.Explanation))
	}
}

func TestQuestionsJSONContract(t *testing.T) {
	f, ios := testFactory(t, nil)
	if code := Run(f, []string{"questions", "--format", "json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, ios.ErrOut)
	}
	var qs []map[string]any
	if err := json.Unmarshal([]byte(ios.Out.(interface{ String() string }).String()), &qs); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, q := range qs {
		typ, _ := q["type"].(string)
		types[typ]++
		for _, key := range []string{"id", "type", "text", "dimensions"} {
			if q[key] == nil {
				t.Errorf("question %v lacks %q", q["id"], key)
			}
		}
		switch typ {
		case "single", "multi":
			opts, _ := q["options"].([]any)
			if len(opts) < 2 {
				t.Errorf("question %v has options %v", q["id"], q["options"])
			}
			for _, o := range opts {
				om := o.(map[string]any)
				if om["value"] == nil || om["label"] == nil {
					t.Errorf("question %v option %v", q["id"], o)
				}
			}
		case "likert":
			if q["min"] != 1.0 || q["max"] != 5.0 || q["reverse"] == nil {
				t.Errorf("likert question %v: min %v max %v reverse %v", q["id"], q["min"], q["max"], q["reverse"])
			}
		default:
			t.Errorf("question %v has type %q", q["id"], typ)
		}
	}
	if types["single"] == 0 || types["multi"] == 0 || types["likert"] == 0 {
		t.Errorf("types = %v", types)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		code int
	}{
		{[]string{"roles"}, nil, ExitOK},
		{[]string{"roles", "--bogus"}, nil, ExitUsage},
		{[]string{"score", "--answer", "nope=1"}, nil, ExitUsage},
		{[]string{"roles", "--questions", "no-such-bank.yaml"}, nil, ExitUsage},
		{[]string{"roles"}, map[string]string{"PMFIT_QUESTIONS": "no-such-bank.yaml"}, ExitUsage},
		{[]string{"roles", "--questions", "../internal/scoring/testdata/worked-example.yaml"}, nil, ExitOK},
	}
	for _, tt := range tests {
		f, ios := testFactory(t, tt.env)
		if got := Run(f, tt.args); got != tt.code {
			t.Errorf("%v: exit %d, want %d (stderr: %s)", tt.args, got, tt.code, ios.ErrOut)
		}
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	tests := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", nil, ""},
		{"", map[string]string{"LANG": "es_ES.UTF-8"}, "es-ES"},
		{"", map[string]string{"LANG": "C"}, ""},
		{"", map[string]string{"LANG": "es_ES.UTF-8", "LC_ALL": "pt_BR@euro"}, "pt-BR"},
		{"", map[string]string{"LANG": "de_DE", "LC_MESSAGES": "fr_FR"}, "fr-FR"},
		{"es", map[string]string{"LC_ALL": "pt_BR"}, "es"},
	}
	for _, tt := range tests {
		f, _ := testFactory(t, tt.env)
		f.Lang = tt.flag
		if got := f.Language(); got != tt.want {
			t.Errorf("--lang %q, env %v: language %q, want %q", tt.flag, tt.env, got, tt.want)
		}
	}
}

// TestErrorsCannotDriveTheTerminal: arguments and file names are quoted
// in errors as given; whatever they hold reaches stderr inert.
func TestErrorsCannotDriveTheTerminal(t *testing.T) {
	link := "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\"
	for _, args := range [][]string{
		{"score", "--answer", "bogus" + link + "=1"},
		{"score", "--answer", "degree=business", "--answer", "degree" + "=\x1b[2J"},
		{"score", "--answers", "/nonexistent/" + link + ".yaml"},
		{"score", "/nonexistent/" + link + ".yaml"},
		{"validate", "/nonexistent/" + link + ".yaml"},
		{"score", "--answer", "degree=\u202eevil"},
	} {
		f, ios := testFactory(t, nil)
		code := Run(f, args)
		errOut := ios.ErrOut.(interface{ String() string }).String()
		out := ios.Out.(interface{ String() string }).String()
		if code == 0 {
			t.Errorf("%q: exit 0", args)
		}
		for _, s := range []string{errOut, out} {
			if strings.ContainsAny(s, "\x1b\u202e\x07") {
				t.Errorf("%q wrote a raw control character:\n%q", args, s)
			}
		}
	}
}

// TestOutputDashIsStdout: --output - writes to stdout, as the dash means
// everywhere else, and creates no file named "-".
func TestOutputDashIsStdout(t *testing.T) {
	personas, err := filepath.Abs("../testdata/personas")
	if err != nil {
		t.Fatal(err)
	}
	f, ios := testFactory(t, nil) // reads the bank before the move below
	dir := t.TempDir()
	t.Chdir(dir)
	if code := Run(f, []string{"score", personas, "--format", "csv", "--output", "-"}); code != 0 {
		t.Fatalf("exit %d: %s", code, ios.ErrOut)
	}
	if !strings.HasPrefix(ios.Out.(interface{ String() string }).String(), "id,source,top,") {
		t.Errorf("stdout does not hold the CSV")
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); !os.IsNotExist(err) {
		t.Errorf("a file named - was created")
	}
}
