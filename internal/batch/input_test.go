package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStdinFormatIsSniffed: stdin with no --input-format is read as what
// it is: a CSV export (with or without a byte-order mark), NDJSON (with a
// mark, or a first line longer than any buffer guess), or one answer file.
func TestStdinFormatIsSniffed(t *testing.T) {
	bank := loadSmall(t)
	long := `{"id":"` + strings.Repeat("x", 100<<10) + `","answers":{"l1":5}}`
	for _, tt := range []struct {
		name, in string
		records  int
	}{
		{"csv", "id,l1,l2\nana,5,1\nbob,2,4\n", 2},
		{"csv with a quoted first header", "\"Pick any.\",l1\n\"a,b\",5\n", 1},
		{"csv with a byte-order mark", "\xEF\xBB\xBFid,l1\nana,5\n", 1},
		{"csv with a colon in a quoted header", "\"When: date\",l1\nx,5\n", 1},
		{"ndjson with a byte-order mark", "\xEF\xBB\xBF{\"answers\":{\"l1\":5}}\n{\"answers\":{\"l1\":4}}\n", 2},
		{"ndjson with a long first line", long + "\n" + long + "\n{\"answers\":{\"l1\":1}}\n", 3},
		{"yaml answer file", "id: ana\nanswers: {l1: 5, l2: 1}\n", 1},
		{"yaml with commas in a flow mapping", "answers: {l1: 5, l2: 1}\n", 1},
		{"json answer file over several lines", "{\n  \"answers\": {\"l1\": 5}\n}\n", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-"}}, Stdin: strings.NewReader(tt.in), Partial: true})
			if r.sum.Records != tt.records || r.sum.Invalid != 0 {
				t.Errorf("summary %+v, want %d valid records\nnotes: %s", r.sum, tt.records, r.notes)
			}
		})
	}
}

// TestMicrosoftFormsChoices: Microsoft Forms writes a multi-select cell
// as "A;B;", with labels that may hold commas.
func TestMicrosoftFormsChoices(t *testing.T) {
	bank := loadSmall(t)
	in := "id,Pick any.\nms,\"Alpha;Beta, gamma;\"\ngoogle,\"Alpha, Beta, gamma\"\nbad,Alpha;Delta;\n"
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: strings.NewReader(in), Partial: true})
	if r.sum.Scored != 2 || r.sum.Invalid != 1 {
		t.Fatalf("summary %+v\n%s", r.sum, r.notes)
	}
	if !strings.Contains(r.notes, `value "Delta" is not an option`) {
		t.Errorf("notes: %s", r.notes)
	}
	for _, id := range []string{"ms", "google"} {
		if !strings.Contains(r.out, fmt.Sprintf(`{"id":"%s"`, id)) {
			t.Errorf("%s not scored:\n%s", id, r.out)
		}
	}
}

// TestWalkSkipsWhatIsNotAFile: a named pipe in a walked directory would
// wait for a writer for ever; it is reported, and the run goes on.
func TestWalkSkipsWhatIsNotAFile(t *testing.T) {
	bank := loadSmall(t)
	dir := writeFiles(t, map[string]string{"a.yaml": "answers: {l1: 5}\n", "z.yaml": "answers: {l1: 1}\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "m.yaml"), 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "m.yaml"), filepath.Join(dir, "n.yaml")); err != nil {
		t.Fatal(err)
	}
	done := make(chan runResult, 1)
	go func() { done <- run(t, bank, "ndjson", Options{Inputs: []Input{{Name: dir}}, Partial: true}) }()
	select {
	case r := <-done:
		if r.sum.Scored != 2 || r.sum.Invalid != 2 || strings.Count(r.notes, "not a regular file (a named pipe)") != 2 {
			t.Errorf("summary %+v\n%s", r.sum, r.notes)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the walk waited on a named pipe")
	}
}
