package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// FuzzNDJSONMatchesAnswerFiles holds the fast NDJSON parser to the
// answer-file parser: for any line that is one JSON object, both must
// accept it or both refuse it, and accepted, give the same answers.
func FuzzNDJSONMatchesAnswerFiles(f *testing.F) {
	for _, seed := range []string{
		`{"id":"ana","expect":"how","answers":{"l1":5,"l2":1,"s1":"large","m1":["a","b"]}}`,
		`{"answers":{"l1":"4","m1":"a,b","s1":["small"]}}`,
		`{"answers":{"m1":"none,a"}}`,
		`{"answers":{"l1":4.0}}`,
		`{"answers":{"l1":" 5 ","s1":" large"}}`,
		`{"answers":null,"id":null,"expect":null}`,
		`{"answers":{"s1":"l\u0061rge"}}`,
		`{"answers":{"m1":[]}}`,
		`{"answers":{"l1":3,"l1":4}}`,
		`{"id":"x","answers":{"q9":1}}`,
		`{"expect":"how","also":"why","answers":{"l1":2}}`,
		`{"expect":"how","also":"how","answers":{"l1":2}}`,
		`{"also":"nobody","answers":{}}`,
	} {
		f.Add([]byte(seed))
	}
	bank := loadSmall(f)
	p := newNDJSONParser(NewLookup(bank))
	f.Fuzz(func(t *testing.T, line []byte) {
		if bytes.ContainsAny(line, "\n\r") || !json.Valid(line) || len(line) == 0 || line[0] != '{' {
			return // not one NDJSON record; the YAML parser reads more than JSON
		}
		if !utf8.Valid(line) {
			// A deliberate difference: YAML refuses the whole document;
			// NDJSON keeps the record (only an id can carry such bytes
			// into a valid record) and writes U+FFFD in their place.
			return
		}
		var probe map[string]json.RawMessage
		if json.Unmarshal(line, &probe) != nil {
			return
		}
		for k := range probe {
			if k == "result" {
				return // answer files allow it; NDJSON records do not
			}
		}
		if id, ok := probe["id"]; ok && len(id) > 0 && (id[0] == 't' || id[0] == 'f' || id[0] == '[' || id[0] == '{') {
			return // answer files take any scalar as an id; NDJSON takes strings and numbers
		}
		answers := bank.NewAnswers()
		rec, fastErr := p.parse(line, answers)
		set, fileErr := quiz.ParseAnswerFile(bank, "line.json", line)
		if (fastErr == nil) != (fileErr == nil) {
			t.Fatalf("%s\nNDJSON parser: %v\nanswer-file parser: %v", line, fastErr, fileErr)
		}
		if fastErr == nil {
			roleID := func(i int) string {
				if i < 0 {
					return ""
				}
				return bank.Roles[i].ID
			}
			if roleID(rec.expect) != set.Expect || roleID(rec.also) != set.Also {
				t.Fatalf("%s\nNDJSON expect %q also %q; answer file expect %q also %q", line, roleID(rec.expect), roleID(rec.also), set.Expect, set.Also)
			}
			for qi := range answers {
				if answers[qi] != set.Answers[qi] {
					t.Fatalf("%s\nquestion %s: NDJSON %+v, answer file %+v", line, bank.Questions[qi].ID, answers[qi], set.Answers[qi])
				}
			}
		}
	})
}

// FuzzNDJSONReader feeds arbitrary bytes through the whole NDJSON path:
// it must not panic, must account for every non-blank line, and must
// write valid NDJSON.
func FuzzNDJSONReader(f *testing.F) {
	f.Add([]byte(`{"answers":{"l1":5,"l2":1,"s1":"large","m1":["a"]}}` + "\n\n" + `{"answers":` + "\n" + "\xff\x00"))
	f.Add([]byte("{}\r\n[]\n\"\\u12\"\n"))
	fuzzPipeline(f, NDJSON, func(in []byte) int {
		n := 0
		for _, l := range bytes.Split(in, []byte("\n")) {
			if len(bytes.TrimSpace(bytes.TrimSuffix(l, []byte("\r")))) > 0 {
				n++
			}
		}
		return n
	})
}

// FuzzCSVReader feeds arbitrary bytes through the CSV path: no panic,
// valid NDJSON out.
func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("id,l1,l2,s1,m1\nana,5,1,large,\"a,b\"\nbob,Agree,1,Small,Alpha\n"))
	f.Add([]byte("l1,l1\n1,2\n"))
	f.Add([]byte("\"unterminated\n"))
	f.Add([]byte("Timestamp,How big is your company?\n1,\"Small, under 50\"\n"))
	fuzzPipeline(f, CSV, nil)
}

func fuzzPipeline(f *testing.F, format Format, records func([]byte) int) {
	bank := loadSmall(f)
	model, lookup := scoring.New(bank), NewLookup(bank)
	f.Fuzz(func(t *testing.T, in []byte) {
		enc, _ := NewEncoder("ndjson", bank)
		var out bytes.Buffer
		sum, err := Run(Options{Bank: bank, Model: model, Lookup: lookup, Inputs: []Input{{Name: "-", Format: format}},
			Stdin: bytes.NewReader(in), Encoder: enc, Out: &out, Partial: true, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		lines := 0
		for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			if l == "" {
				continue
			}
			lines++
			if !json.Valid([]byte(l)) {
				t.Fatalf("invalid output line %q", l)
			}
		}
		if lines != sum.Records || sum.Records != sum.Scored+sum.Invalid {
			t.Fatalf("%d lines, summary %+v", lines, sum)
		}
		if records != nil && records(in) != sum.Records {
			t.Fatalf("%d records for %d non-blank lines\ninput %q\noutput %.300s", sum.Records, records(in), in, out.String())
		}
	})
}

// FuzzCSVMatchesEncodingCSV holds the bounded CSV reader to encoding/csv
// (FieldsPerRecord -1, strict quotes): on any input within the bounds,
// the records before the first error are the same, and both readers
// fail at the same record or neither does. (After an error they resume
// differently: csvReader never loses more than the one bad record.)
func FuzzCSVMatchesEncodingCSV(f *testing.F) {
	for _, seed := range []string{
		"a,b,c\n1,2,3\n",
		"\"q,1\",\"x\"\"y\"\r\nz,\"multi\nline\"\n",
		"\n\na\n\n",
		"a,\"b\n",
		"a\"b,c\n",
		"\"a\"x,b\n",
		"a,b,\n,\n",
		"\"\"\n\"\",\"\"\n",
		"x\r\ny\rz\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if bytes.HasPrefix(in, []byte("\xEF\xBB\xBF")) || bytes.Count(in, []byte("\n")) >= maxQuotedLines {
			return // csvReader strips a BOM and bounds quoted lines; encoding/csv does neither
		}
		ours := newCSVReader(bytes.NewReader(in))
		theirs := csv.NewReader(bytes.NewReader(in))
		theirs.FieldsPerRecord = -1
		for i := 0; ; i++ {
			a, _, errA := ours.Read()
			b, errB := theirs.Read()
			if errors.Is(errA, io.EOF) && errors.Is(errB, io.EOF) {
				return
			}
			if (errA != nil) != (errB != nil) {
				t.Fatalf("record %d of %q: csvReader %q, %v; encoding/csv %q, %v", i, in, a, errA, b, errB)
			}
			if errA != nil {
				return
			}
			if !slices.Equal(a, b) {
				t.Fatalf("record %d of %q: csvReader %q; encoding/csv %q", i, in, a, b)
			}
		}
	})
}

// FuzzParseColumns feeds arbitrary bytes to the --columns reader: it must
// never panic, and every mapping it accepts must name a question or one
// of the special columns.
func FuzzParseColumns(f *testing.F) {
	f.Add([]byte("\"How big?\": s1\nEmail address: id\nTimestamp: ignore\n"))
	f.Add([]byte("a: expect\nb: also\nc: nosuch\n"))
	f.Add([]byte("a: [s1]\n"))
	f.Add([]byte("\ufeffa: s1\na: l1\n"))
	bank := loadSmall(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseColumns(bank, "columns.yaml", data)
		if err != nil {
			return
		}
		for header, target := range c.byHeader {
			if header != normalizeHeader(header) {
				t.Fatalf("header %q kept unnormalized", header)
			}
			switch target {
			case "id", "expect", "also", "ignore":
				continue
			}
			if _, ok := bank.Question(target); !ok {
				t.Fatalf("column %q maps to unknown question %q", header, target)
			}
		}
	})
}
