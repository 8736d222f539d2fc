package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// smallBank has one question of each kind, for records short enough to
// write by hand.
const smallBank = `version: 1
id: small
dimensions:
  - {id: focus, name: Focus, low: Why, high: How}
  - {id: size, name: Size, low: Small, high: Large}
roles:
  - {id: why, name: Why, summary: Why first., profile: {focus: 20, size: 50}}
  - {id: how, name: How, summary: How first., profile: {focus: 80, size: 90}}
questions:
  - {id: l1, type: likert, dimension: focus, text: I like building.}
  - {id: l2, type: likert, dimension: focus, reverse: true, text: I like customers.}
  - id: s1
    type: single
    text: How big is your company?
    options:
      - {value: small, label: "Small, under 50", scores: {size: 0}}
      - {value: large, label: Large, scores: {size: 100}}
  - id: m1
    type: multi
    text: Pick any.
    options:
      - {value: a, label: Alpha, counts: [size]}
      - {value: b, label: "Beta, gamma", counts: [size, focus]}
      - {value: none, label: None, none: true}
`

type runResult struct {
	out, notes string
	sum        Summary
	err        error
}

func run(t *testing.T, bank *quiz.Bank, format string, opts Options) runResult {
	t.Helper()
	enc, err := NewEncoder(format, bank)
	if err != nil {
		t.Fatal(err)
	}
	var out, notes bytes.Buffer
	opts.Bank, opts.Model, opts.Lookup, opts.Encoder, opts.Out = bank, scoring.New(bank), NewLookup(bank), enc, &out
	opts.Note = func(line string) { notes.WriteString(line + "\n") }
	sum, err := Run(opts)
	return runResult{out: out.String(), notes: notes.String(), sum: sum, err: err}
}

func loadSmall(t testing.TB) *quiz.Bank {
	b, err := quiz.LoadBank("bank.yaml", []byte(smallBank), quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type ndjsonLine struct {
	ID        string              `json:"id"`
	Certainty string              `json:"certainty"`
	Margin    float64             `json:"margin"`
	Flat      bool                `json:"flat"`
	ExpectFit float64             `json:"expect_fit"`
	Source    string              `json:"source"`
	Top       string              `json:"top"`
	Fit       float64             `json:"fit"`
	Error     string              `json:"error"`
	Expect    string              `json:"expect"`
	Met       *bool               `json:"met"`
	Roles     map[string]float64  `json:"roles"`
	Dims      map[string]*float64 `json:"dimensions"`
	Coverage  float64             `json:"coverage"`
}

func parseNDJSON(t *testing.T, out string) []ndjsonLine {
	t.Helper()
	var lines []ndjsonLine
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r ndjsonLine
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("output line %d is not a result: %v\n%s", i+1, err, l)
		}
		lines = append(lines, r)
	}
	return lines
}

// TestMixedInputsKeepOrderAndAccountForEveryRecord feeds every kind of
// input, valid and invalid, and checks each record comes out in its
// place, with its source and what was wrong.
func TestMixedInputsKeepOrderAndAccountForEveryRecord(t *testing.T) {
	bank := loadSmall(t)
	dir := writeFiles(t, map[string]string{
		"sets/a.yaml":       "id: ana\nexpect: how\nanswers: {l1: 5, l2: 1, s1: large, m1: [a, b]}\n",
		"sets/b.json":       `{"answers": {"l1": 1, "l2": 5, "s1": "small", "m1": "none"}}`,
		"sets/c.yaml":       "answers: {l1: 9, l2: 1, s1: large, m1: a}\n",
		"sets/notes.txt":    "not an answer file, and not walked\n",
		"sets/deeper/d.yml": "answers: {l1: 3, l2: 3, s1: small, m1: a}\n",
		"lines.ndjson": `{"id":"n1","answers":{"l1":4,"l2":2,"s1":"large","m1":["a"]}}

{"id":"n2","answers":{"l1":4,"l2":2,"s1":"huge","m1":["a"]}}
{"id":"n3","answers":{"l1":4,"l2":2,"s1":"small"}}
not json at all
{"id":"n5","expect":"why","answers":{"l1":4,"l2":2,"s1":"large","m1":"b"}}
{"id":"n6","answers":{"l1":4,"l2":2,"s1":"lar`,
		"form.csv": "id,l1,l2,s1,m1,expect\n" +
			"c1,5,1,large,\"a,b\",how\n" +
			"c2,Agree,Disagree,\"Small, under 50\",\"Alpha,Beta, gamma\",\n" +
			"c3,5,1,large,,\n" +
			"c4,5,1,large,zeta,\n" +
			"c5,5\n",
	})
	in := func(names ...string) []Input {
		var ins []Input
		for _, n := range names {
			ins = append(ins, Input{Name: filepath.Join(dir, n)})
		}
		return ins
	}
	r := run(t, bank, "ndjson", Options{Inputs: in("sets", "lines.ndjson", "form.csv", "missing.yaml")})
	if r.err != nil {
		t.Fatal(r.err)
	}
	got := parseNDJSON(t, r.out)
	type want struct{ id, top, errPart string }
	p := func(s string) string { return filepath.Join(dir, s) }
	wants := []want{
		{"ana", "how", ""},
		{p("sets/b.json"), "why", ""},
		{p("sets/c.yaml"), "", `question "l1": value "9" is out of range (allowed: an integer from 1 to 5)`},
		{p("sets/deeper/d.yml"), "why", ""},
		{"n1", "how", ""},
		{"n2", "", `question "s1": value "huge" is not an option (allowed: one of small, large)`},
		{"n3", "", "missing answers for 1 of 4 questions: m1"},
		{p("lines.ndjson") + ":5", "", "column 1: invalid JSON: expected '{'"},
		{"n5", "how", ""},
		{"n6", "", "unterminated string (is the line cut short?)"},
		{"c1", "how", ""},
		{"c2", "how", ""},
		{"c3", "", "missing answers for 1 of 4 questions: m1"},
		{"c4", "", `question "m1": value "zeta" is not an option`},
		{p("form.csv") + ":6", "", "row has 2 fields, the header has 6"},
		{p("missing.yaml"), "", "cannot read: no such file or directory"},
	}
	if len(got) != len(wants) {
		t.Fatalf("%d records, want %d:\n%s", len(got), len(wants), r.out)
	}
	for i, w := range wants {
		g := got[i]
		if g.ID != w.id || g.Top != w.top || !strings.Contains(g.Error, w.errPart) || (w.errPart == "") != (g.Error == "") {
			t.Errorf("record %d = {id %q top %q error %q}, want {id %q top %q error containing %q}", i+1, g.ID, g.Top, g.Error, w.id, w.top, w.errPart)
		}
	}
	// Sources name the line, for the records that have lines.
	for i, src := range map[int]string{4: p("lines.ndjson") + ":1", 5: p("lines.ndjson") + ":3", 9: p("lines.ndjson") + ":7", 11: p("form.csv") + ":3"} {
		if got[i].Source != src {
			t.Errorf("record %d source %q, want %q", i+1, got[i].Source, src)
		}
	}
	if r.sum.Records != 16 || r.sum.Invalid != 9 || r.sum.Scored != 7 || r.sum.Met != 2 || r.sum.Unmet != 1 {
		t.Errorf("summary %+v", r.sum)
	}
	for _, note := range []string{
		p("sets/c.yaml") + `:1:15: question "l1": value "9" is out of range`,
		p("lines.ndjson") + `:3: question "s1": value "huge" is not an option`,
		p("lines.ndjson") + ":5: column 1: invalid JSON",
		"n5: expected why (fit ",
		p("form.csv") + `:5: question "m1": value "zeta"`,
		p("missing.yaml") + ": cannot read",
	} {
		if !strings.Contains(r.notes, note) {
			t.Errorf("notes lack %q:\n%s", note, r.notes)
		}
	}
	if strings.Count(r.notes, "\n") != 10 {
		t.Errorf("want a note per invalid record and unmet expectation (10):\n%s", r.notes)
	}
}

// TestOutputFormatsParse writes the same mixed records in every format and
// reads each back with a standard parser.
func TestOutputFormatsParse(t *testing.T) {
	bank := loadSmall(t)
	input := `{"id":"ok, \"quoted\"","expect":"how","answers":{"l1":5,"l2":1,"s1":"large","m1":["a","b"]}}
{"id":"bad <&>","answers":{"l1":5,"l2":1,"s1":"medium","m1":["a"]}}
{"id":"miss","expect":"why","answers":{"l1":5,"l2":1,"s1":"large","m1":["a","b"]}}
`
	opts := func() Options {
		return Options{Inputs: []Input{{Name: "-", Format: NDJSON}}, Stdin: strings.NewReader(input)}
	}

	t.Run("json", func(t *testing.T) {
		r := run(t, bank, "json", opts())
		var doc struct {
			Results []ndjsonLine `json:"results"`
			Summary struct {
				Records, Scored, Invalid int
				Expectations             struct{ Met, Unmet int }
				Top                      map[string]int
			} `json:"summary"`
		}
		if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
			t.Fatalf("%v\n%s", err, r.out)
		}
		if len(doc.Results) != 3 || doc.Results[0].ID != `ok, "quoted"` || doc.Results[1].Error == "" ||
			doc.Summary.Records != 3 || doc.Summary.Invalid != 1 || doc.Summary.Expectations.Met != 1 || doc.Summary.Expectations.Unmet != 1 || doc.Summary.Top["how"] != 2 {
			t.Errorf("document: %+v", doc)
		}
	})
	t.Run("json with no records", func(t *testing.T) {
		o := opts()
		o.Stdin = strings.NewReader("")
		r := run(t, bank, "json", o)
		var doc map[string]any
		if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
			t.Fatalf("%v\n%s", err, r.out)
		}
	})
	t.Run("csv", func(t *testing.T) {
		r := run(t, bank, "csv", opts())
		rows, err := csv.NewReader(strings.NewReader(r.out)).ReadAll()
		if err != nil {
			t.Fatalf("%v\n%s", err, r.out)
		}
		header := strings.Join(rows[0], ",")
		if header != "id,source,top,fit,certainty,coverage,expect,met,fit_why,fit_how,score_focus,score_size,error" || len(rows) != 4 {
			t.Fatalf("header %s, %d rows", header, len(rows))
		}
		if rows[1][0] != `ok, "quoted"` || rows[1][2] != "how" || rows[1][7] != "true" || rows[1][12] != "" {
			t.Errorf("row 1: %q", rows[1])
		}
		if rows[2][0] != "bad <&>" || rows[2][2] != "" || !strings.Contains(rows[2][12], `value "medium"`) {
			t.Errorf("row 2: %q", rows[2])
		}
		if rows[3][6] != "why" || rows[3][7] != "false" {
			t.Errorf("row 3: %q", rows[3])
		}
	})
	t.Run("junit", func(t *testing.T) {
		r := run(t, bank, "junit", opts())
		var suites struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
			Errors   int `xml:"errors,attr"`
			Suite    struct {
				Tests    int `xml:"tests,attr"`
				Failures int `xml:"failures,attr"`
				Errors   int `xml:"errors,attr"`
				Cases    []struct {
					Name    string `xml:"name,attr"`
					File    string `xml:"file,attr"`
					Failure *struct {
						Message string `xml:"message,attr"`
					} `xml:"failure"`
					Error *struct {
						Message string `xml:"message,attr"`
					} `xml:"error"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal([]byte(r.out), &suites); err != nil {
			t.Fatalf("%v\n%s", err, r.out)
		}
		cases := suites.Suite.Cases
		if suites.Tests != 3 || suites.Failures != 1 || suites.Errors != 1 || suites.Suite.Tests != 3 || len(cases) != 3 {
			t.Fatalf("suites %+v", suites)
		}
		if cases[0].Name != `ok, "quoted"` || cases[0].Failure != nil || cases[0].Error != nil {
			t.Errorf("case 1: %+v", cases[0])
		}
		if cases[1].Name != "bad <&>" || cases[1].Error == nil || !strings.Contains(cases[1].Error.Message, `"medium"`) {
			t.Errorf("case 2: %+v", cases[1])
		}
		if cases[2].Failure == nil || !strings.HasPrefix(cases[2].Failure.Message, "expected why (fit ") {
			t.Errorf("case 3: %+v", cases[2])
		}
	})
	t.Run("text", func(t *testing.T) {
		r := run(t, bank, "text", opts())
		for _, want := range []string{
			"ok, \"quoted\"                  How                         84.2  ✓\n",
			"bad <&>                       invalid: question \"s1\"",
			"✗ expected Why (",
			"3 answer sets: 2 scored, 1 invalid; expectations: 1 met, 1 unmet.",
			"  How                               2  100.0%",
		} {
			if !strings.Contains(r.out, want) {
				t.Errorf("text lacks %q:\n%s", want, r.out)
			}
		}
	})
}

// TestOrderHoldsAcrossWorkers scores many sets on several workers with
// invalid ones planted, and checks input order survives.
func TestOrderHoldsAcrossWorkers(t *testing.T) {
	bank := loadSmall(t)
	var in strings.Builder
	const n = 20_000
	for i := 1; i <= n; i++ {
		if i%997 == 0 {
			fmt.Fprintf(&in, "{\"id\":\"r%d\",\"answers\":{\"l1\":0}}\n", i)
			continue
		}
		fmt.Fprintf(&in, "{\"id\":\"r%d\",\"answers\":{\"l1\":%d,\"l2\":%d,\"s1\":\"small\",\"m1\":\"a\"}}\n", i, 1+i%5, 1+i%3)
	}
	for _, workers := range []int{1, 2, 7} {
		r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: NDJSON}}, Stdin: strings.NewReader(in.String()), Workers: workers})
		lines := parseNDJSON(t, r.out)
		if len(lines) != n {
			t.Fatalf("%d workers: %d records, want %d", workers, len(lines), n)
		}
		for i, l := range lines {
			if l.ID != fmt.Sprintf("r%d", i+1) || (l.Error != "") != ((i+1)%997 == 0) {
				t.Fatalf("%d workers: record %d is %+v", workers, i+1, l)
			}
		}
		if r.sum.Invalid != n/997 {
			t.Errorf("%d invalid, want %d", r.sum.Invalid, n/997)
		}
	}
}

func TestFailFastStopsAtTheFirstInvalidRecord(t *testing.T) {
	bank := loadSmall(t)
	var in strings.Builder
	for i := 1; i <= 5000; i++ {
		s1 := "small"
		if i == 3001 || i == 4000 {
			s1 = "medium"
		}
		fmt.Fprintf(&in, "{\"id\":\"r%d\",\"answers\":{\"l1\":3,\"l2\":3,\"s1\":%q,\"m1\":\"a\"}}\n", i, s1)
	}
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: NDJSON}}, Stdin: strings.NewReader(in.String()), FailFast: true})
	lines := parseNDJSON(t, r.out)
	if len(lines) != 3001 || lines[3000].Error == "" || !r.sum.Stopped || r.sum.Invalid != 1 || r.sum.Scored != 3000 {
		t.Errorf("%d records, summary %+v", len(lines), r.sum)
	}
	if strings.Count(r.notes, "\n") != 1 {
		t.Errorf("notes after stopping:\n%s", r.notes)
	}
}

func TestPartialScoresIncompleteSets(t *testing.T) {
	bank := loadSmall(t)
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: NDJSON}}, Partial: true,
		Stdin: strings.NewReader(`{"answers":{"s1":"large"}}` + "\n" + `{"answers":{}}` + "\n")})
	lines := parseNDJSON(t, r.out)
	if lines[0].Top == "" || lines[0].Coverage != 0.25 || lines[0].Dims["focus"] != nil {
		t.Errorf("partial record: %+v", lines[0])
	}
	if lines[1].Error != "no question is answered" {
		t.Errorf("empty record: %+v", lines[1])
	}
}

func TestLongAndCutLines(t *testing.T) {
	bank := loadSmall(t)
	long := `{"id":"` + strings.Repeat("x", maxLineLength) + `","answers":{}}`
	in := `{"id":"first","answers":{"l1":3,"l2":3,"s1":"small","m1":"a"}}` + "\n" + long + "\n" +
		`{"id":"after","answers":{"l1":3,"l2":3,"s1":"small","m1":"a"}}` + "\n" +
		`{"id":"cut","answers":{"l1":3,"l2":3,"s1":"small","m1":"a"}`
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: NDJSON}}, Stdin: strings.NewReader(in)})
	lines := parseNDJSON(t, r.out)
	if len(lines) != 4 || lines[0].ID != "first" || lines[2].ID != "after" || lines[2].Error != "" {
		t.Fatalf("%d records; ids %.20q %.20q", len(lines), lines[0].ID, lines[len(lines)-1].ID)
	}
	if lines[1].Source != "<stdin>:2" || !strings.Contains(lines[1].Error, "longer than") {
		t.Errorf("long line: source %q, error %q", lines[1].Source, lines[1].Error)
	}
	if lines[3].ID != "cut" || !strings.Contains(lines[3].Error, "end of the line (is it cut short?)") {
		t.Errorf("cut line: %+v", lines[3])
	}
	// A last line without a newline that is whole is an ordinary record.
	r = run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: NDJSON}}, Stdin: strings.NewReader(strings.TrimSuffix(in, `}`)[:0] + `{"answers":{"l1":3,"l2":3,"s1":"small","m1":"a"}}`)})
	if lines := parseNDJSON(t, r.out); len(lines) != 1 || lines[0].Error != "" {
		t.Errorf("whole last line without newline: %+v", lines)
	}
}

// TestRecycledBuffersCarryNothing: buffers grown for a long line go back
// to the free list; a later run, even of empty input, must not see them
// as anything but space. (Found by FuzzNDJSONReader.)
func TestRecycledBuffersCarryNothing(t *testing.T) {
	bank := loadSmall(t)
	long := `{"answers":{"l1":3}, "id":"` + strings.Repeat("y", maxLineLength/2) + `"}` + "\n"
	for _, in := range []string{long, "", "\n\n", long, `{"answers":{"l1":3,"l2":3,"s1":"small","m1":"a"}}`} {
		r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: NDJSON}}, Stdin: strings.NewReader(in)})
		want := 0
		if strings.TrimSpace(in) != "" {
			want = 1
		}
		if r.sum.Records != want {
			t.Fatalf("input of %d bytes: %d records, want %d", len(in), r.sum.Records, want)
		}
	}
}

func TestCSVColumnsAndHeaders(t *testing.T) {
	bank := loadSmall(t)
	columns, err := ParseColumns(bank, "columns.yaml", []byte("\"Your name\": id\nTimestamp: ignore\n\"Building?\": l1\n"))
	if err != nil {
		t.Fatal(err)
	}
	csvIn := "\uFEFFTimestamp,Your name,Building?,I like customers.,How big is your company?,Pick any.,Comment\n" +
		"2026-11-25,ana,5,1,Large,\"Alpha, Beta, gamma\",hello\n"
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: strings.NewReader(csvIn), Columns: columns})
	lines := parseNDJSON(t, r.out)
	if len(lines) != 1 || lines[0].ID != "ana" || lines[0].Error != "" || lines[0].Top != "how" {
		t.Errorf("records: %+v", lines)
	}
	if !strings.Contains(r.notes, `<stdin>:1: column 7 "Comment" is not a question id or text; ignored (map it with --columns)`) {
		t.Errorf("notes: %q", r.notes)
	}
	if _, err := ParseColumns(bank, "columns.yaml", []byte("Building?: l9\n")); err == nil || !strings.Contains(err.Error(), `columns.yaml:1:12: column "Building?" maps to unknown question "l9" (did you mean "l1"?)`) {
		t.Errorf("bad column map: %v", err)
	}
	// A cell of many commas is refused quickly, and quoted briefly.
	r = run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: strings.NewReader("l1,l2,s1,m1\n5,1,large,\"" + strings.Repeat("zz,", 100_000) + "\"\n")})
	if lines := parseNDJSON(t, r.out); len(lines) != 1 || lines[0].Error != `question "m1": value "zz" is not an option (allowed: one or more of a, b, none (or their labels))` {
		t.Errorf("many commas: %.300v", lines)
	}

	// Ids are case-sensitive: a header that is an id as written matches it.
	upper, err := quiz.LoadBank("bank.yaml", []byte(strings.NewReplacer("id: l1,", "id: L1,", "id: s1", "id: S1").Replace(smallBank)), quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r = run(t, upper, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: strings.NewReader("L1,l2,S1,m1\n5,1,large,a\n")})
	if lines := parseNDJSON(t, r.out); len(lines) != 1 || lines[0].Error != "" || r.notes != "" {
		t.Errorf("ids with capitals: %+v, notes %q", lines, r.notes)
	}
	r = run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: strings.NewReader("l1,l1\n3,3\n")})
	if lines := parseNDJSON(t, r.out); len(lines) != 1 || lines[0].Error != "columns 1 and 2 both hold question \"l1\"" {
		t.Errorf("duplicate columns: %+v", lines)
	}
}
