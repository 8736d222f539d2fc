package batch

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestUnclosedQuoteCostsOneRow: a quote opened and never closed is one
// error record naming the line it opened on; every row after it is read.
func TestUnclosedQuoteCostsOneRow(t *testing.T) {
	bank := loadSmall(t)
	var b strings.Builder
	b.WriteString("id,l1,l2,s1,m1\nfirst,5,1,large,a\nbroken,\"5,1,large,a\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "row%d,3,3,small,b\n", i)
	}
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: strings.NewReader(b.String())})
	if r.sum.Records != 1002 || r.sum.Scored != 1001 || r.sum.Invalid != 1 {
		t.Fatalf("summary %+v\n%s", r.sum, r.notes)
	}
	if want := "<stdin>:3: invalid CSV: a quoted field opened on line 3 is not closed within 100 lines"; !strings.Contains(r.notes, want) {
		t.Errorf("notes:\n%s\nwant %q", r.notes, want)
	}
	if !strings.Contains(r.out, `"id":"row0","source":"<stdin>:4"`) || !strings.Contains(r.out, `"id":"row999","source":"<stdin>:1003"`) {
		t.Errorf("the rows after the broken one lost their lines:\n%.400s", r.out)
	}
}

// TestEndlessLineIsBounded: a CSV input with no line break (as
// /dev/zero would give) is one error record, read in bounded memory.
func TestEndlessLineIsBounded(t *testing.T) {
	bank := loadSmall(t)
	const size = 64 << 20
	in := io.MultiReader(strings.NewReader("l1,l2,s1,m1\n"), io.LimitReader(zeros{}, size))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: in})
	runtime.ReadMemStats(&after)
	if r.sum.Records != 1 || r.sum.Invalid != 1 || !strings.Contains(r.notes, "row is longer than 1048576 bytes") {
		t.Fatalf("summary %+v\n%s", r.sum, r.notes)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("reading a %d MB line allocated %d MB", size>>20, grew>>20)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '0'
	}
	return len(p), nil
}

// TestBOMBeforeAQuotedHeader: Excel's "CSV UTF-8" starts with a byte
// order mark, and quotes a header holding a comma; both read, and the
// mark never shows in a message.
func TestBOMBeforeAQuotedHeader(t *testing.T) {
	bank := loadSmall(t)
	in := "\xEF\xBB\xBF\"Pick any.\",id,\"Timestamp, UTC\"\n\"a,b\",ana,2026\n"
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: CSV}}, Stdin: strings.NewReader(in), Partial: true})
	if r.sum.Scored != 1 {
		t.Fatalf("summary %+v\n%s\n%s", r.sum, r.notes, r.out)
	}
	if strings.Contains(r.notes, "\ufeff") || !strings.Contains(r.notes, `column 3 "Timestamp, UTC" is not a question id or text`) {
		t.Errorf("notes:\n%s", r.notes)
	}
}
