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
)

// hostileIDs are ids a respondent could type into a form's "name"
// column: spreadsheet formulas, terminal escapes, C1 controls, bidi
// overrides and a line break that would fake a row.
var hostileIDs = []string{
	`=HYPERLINK("http://x","y")`,
	`+cmd|' /C calc'!A0`,
	`@SUM(1+1)`,
	`-1+1`,
	"\tTAB",
	"\rCR",
	"esc \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x1b[31mred",
	"c1 \u009b31m",
	"bidi \u202egnp.exe",
	"two\nlines",
	"sep \u2028 \u2029",
}

// writeHostile writes one NDJSON record per hostile id to a file whose
// own name carries escapes and a formula sign.
func writeHostile(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, id := range hostileIDs {
		rec, _ := json.Marshal(map[string]any{"id": id, "answers": map[string]any{"l1": 5, "l2": 1, "s1": "large", "m1": []string{"a"}}})
		b.Write(rec)
		b.WriteByte('\n')
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "=evil\x1b[2J\u202e.ndjson")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// unsafeBytes lists what must never appear raw in output bound for a
// terminal or a spreadsheet.
var unsafeBytes = []string{"\x1b", "\u009b", "\u202e", "\u2028", "\u2029", "\r"}

func assertInert(t *testing.T, format, out string) {
	t.Helper()
	for _, u := range unsafeBytes {
		if strings.Contains(out, u) {
			t.Errorf("%s output holds %q raw:\n%q", format, u, out)
		}
	}
}

// TestOutputsAreSafeWhereTheyLand: every output format neutralises
// hostile ids and file names, and each stays readable by its own kind of
// reader.
func TestOutputsAreSafeWhereTheyLand(t *testing.T) {
	bank := loadSmall(t)
	path := writeHostile(t)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			r := run(t, bank, format, Options{Inputs: []Input{{Name: path}}, Workers: 2})
			if r.err != nil || r.sum.Scored != len(hostileIDs) {
				t.Fatalf("err %v, summary %+v", r.err, r.sum)
			}
			assertInert(t, format, r.out)
			switch format {
			case "csv":
				rows, err := csv.NewReader(strings.NewReader(r.out)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) != 1+len(hostileIDs) {
					t.Fatalf("%d rows for %d records", len(rows)-1, len(hostileIDs))
				}
				for _, row := range rows[1:] {
					for _, cell := range row[:2] { // id, source
						if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
							t.Errorf("cell %q would run as a formula", cell)
						}
					}
				}
				if rows[1][0] != `'=HYPERLINK("http://x","y")` || rows[4][0] != "'-1+1" {
					t.Errorf("formulas not neutralised as documented: %q, %q", rows[1][0], rows[4][0])
				}
			case "ndjson":
				// Escaped, not altered: a JSON reader gets the ids back.
				for i, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
					var rec struct{ ID, Source string }
					if err := json.Unmarshal([]byte(line), &rec); err != nil {
						t.Fatal(err)
					}
					if rec.ID != hostileIDs[i] || !strings.HasSuffix(rec.Source, fmt.Sprintf(".ndjson:%d", i+1)) {
						t.Errorf("line %d: id %q source %q", i+1, rec.ID, rec.Source)
					}
				}
			case "json":
				if !json.Valid([]byte(r.out)) {
					t.Fatal("invalid JSON")
				}
			case "junit":
				// Every record met no expectation: the suite is empty but
				// valid; invalid ones are tested below.
				if err := xml.Unmarshal([]byte(r.out), new(struct{})); err != nil {
					t.Fatal(err)
				}
			case "text":
				// One row per record: the line break in an id fakes none.
				rows := strings.Split(r.out, "\n\n")[0]
				if n := strings.Count(rows, "\n") + 1; n != len(hostileIDs) {
					t.Errorf("%d rows for %d records:\n%s", n, len(hostileIDs), rows)
				}
			}
		})
	}
}

// TestInvalidRecordsAreSafeToo: error records quote the offending value
// and name the file; both stay inert in every format.
func TestInvalidRecordsAreSafeToo(t *testing.T) {
	bank := loadSmall(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "@bad\x1b[31m.ndjson")
	data := "{\"id\":\"=1+1\",\"answers\":{\"s1\":\"\\u001b]0;pwned\\u0007\"}}\n{\"answers\":{\"q\u202e\":1}}\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range Formats {
		r := run(t, bank, format, Options{Inputs: []Input{{Name: path}}})
		if r.sum.Invalid != 2 {
			t.Fatalf("%s: summary %+v", format, r.sum)
		}
		assertInert(t, format, r.out)
		assertInert(t, format+" notes", r.notes)
		if format == "junit" {
			var suites struct {
				Suites []struct {
					Cases []struct {
						Error struct {
							Message string `xml:"message,attr"`
						} `xml:"error"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal([]byte(r.out), &suites); err != nil || len(suites.Suites[0].Cases) != 2 {
				t.Fatalf("junit: %v %+v", err, suites)
			}
		}
		if format == "csv" && !bytes.Contains([]byte(r.out), []byte("\n'=1+1,")) {
			t.Errorf("csv: the id is not neutralised:\n%s", r.out)
		}
	}
}
