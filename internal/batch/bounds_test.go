package batch

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// genReader yields head, then n copies of row, without holding them all:
// inputs of hundreds of megabytes cost the test nothing to keep.
type genReader struct {
	head, row []byte
	n         int
	pending   []byte
}

func (g *genReader) Read(p []byte) (int, error) {
	for len(g.pending) == 0 {
		switch {
		case g.head != nil:
			g.pending, g.head = g.head, nil
		case g.n > 0:
			g.pending, g.n = g.row, g.n-1
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, g.pending)
	g.pending = g.pending[n:]
	return n, nil
}

// hostileStreams are the inputs issue 20 measured peak memory on, as
// streams: rows, lines and cells of a megabyte, and a million tiny
// invalid records.
func hostileStreams() map[string]func() (io.Reader, Format) {
	mb := bytes.Repeat([]byte("x"), 1<<20-100)
	line := func(s []byte) []byte { return append(append([]byte(nil), s...), '\n') }
	return map[string]func() (io.Reader, Format){
		"a million one-byte NDJSON lines": func() (io.Reader, Format) {
			return &genReader{row: []byte("y\n"), n: 1_000_000}, NDJSON
		},
		"CSV rows of a megabyte": func() (io.Reader, Format) {
			return &genReader{head: []byte("degree\n"), row: line(mb), n: 128}, CSV
		},
		"quoted multi-line CSV cells of a megabyte": func() (io.Reader, Format) {
			cell := append(append([]byte(`"`), bytes.Repeat(append(bytes.Repeat([]byte("y"), 999), '\n'), 1000)...), '"', '\n')
			return &genReader{head: []byte("degree\n"), row: cell, n: 100}, CSV
		},
		"a header of 166,000 unknown columns": func() (io.Reader, Format) {
			var h strings.Builder
			for i := range 166_000 {
				if i > 0 {
					h.WriteByte(',')
				}
				fmt.Fprintf(&h, "c%d", i)
			}
			h.WriteByte('\n')
			return &genReader{head: []byte(h.String()), row: line(mb), n: 50}, CSV
		},
		"NDJSON lines holding a megabyte value": func() (io.Reader, Format) {
			rec := []byte(`{"id":"x","answers":{"l1":"` + strings.Repeat("z", 1<<20-200) + `"}}` + "\n")
			return &genReader{row: rec, n: 100}, NDJSON
		},
	}
}

// TestInFlightIsBoundedInBytes: whatever the size of rows, lines and
// cells, and however many workers are asked for, the input read and not
// yet written never passes inFlightBytes, and the workers are capped.
func TestInFlightIsBoundedInBytes(t *testing.T) {
	bank := loadSmall(t)
	for name, stream := range hostileStreams() {
		for _, workers := range []int{0, 16, 100_000_000} {
			t.Run(fmt.Sprintf("%s, --jobs %d", name, workers), func(t *testing.T) {
				rd, format := stream()
				r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: "-", Format: format}}, Stdin: rd, Workers: workers, Partial: true})
				if r.err != nil {
					t.Fatal(r.err)
				}
				if r.sum.Records == 0 {
					t.Fatal("no record read")
				}
				if r.sum.PeakBytes > inFlightBytes {
					t.Errorf("%d bytes in flight at most, want at most %d", r.sum.PeakBytes, inFlightBytes)
				}
				want := MaxWorkers()
				if workers > 0 && workers < want {
					want = workers
				}
				if r.sum.Workers != want {
					t.Errorf("%d workers for --jobs %d, want %d", r.sum.Workers, workers, want)
				}
			})
		}
	}
}

// TestLargeAnswerFilesWaitTheirTurn: a folder of answer files padded to
// the size limit holds no more than the byte budget in flight (one file
// at the limit is alone).
func TestLargeAnswerFilesWaitTheirTurn(t *testing.T) {
	bank := loadSmall(t)
	dir := t.TempDir()
	pad := "# " + strings.Repeat("p", 3<<20) + "\n"
	for i := range 12 {
		body := pad + "answers: {l1: 5, l2: 1, s1: large, m1: [a]}\n"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.yaml", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := run(t, bank, "ndjson", Options{Inputs: []Input{{Name: dir}}, Workers: 16})
	if r.err != nil || r.sum.Scored != 12 {
		t.Fatalf("err %v, summary %+v", r.err, r.sum)
	}
	if r.sum.PeakBytes > inFlightBytes {
		t.Errorf("%d bytes in flight, want at most %d", r.sum.PeakBytes, inFlightBytes)
	}
}
