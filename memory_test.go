package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// maxRSS is the peak resident memory pmfit may reach on any input
// (issue 20; docs/performance.md, "Hostile inputs").
const maxRSS = 64 << 20

// repeated yields head, then n copies of row, without holding them.
type repeated struct {
	head, row []byte
	n         int
	pending   []byte
}

func (g *repeated) Read(p []byte) (int, error) {
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

var (
	peakOnce   sync.Once
	peakBinary string
	peakErr    error
)

// peakRSS runs the built pmfit with stdin and returns its peak resident
// memory in bytes, as the kernel counted it, through testdata/peakrss
// (why: see there).
func peakRSS(t *testing.T, stdin io.Reader, args ...string) int64 {
	t.Helper()
	pmfit := pmfitBinary(t)
	peakOnce.Do(func() {
		peakBinary = filepath.Join(filepath.Dir(pmfit), "peakrss")
		if out, err := exec.Command(goTool(), "build", "-o", peakBinary, "./testdata/peakrss").CombinedOutput(); err != nil {
			peakErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if peakErr != nil {
		t.Fatal(peakErr)
	}
	cmd := exec.Command(peakBinary, append([]string{pmfit}, args...)...)
	cmd.Stdin, cmd.Stdout = stdin, io.Discard
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	_ = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 0 && code != 2 && code != 3 {
		t.Fatalf("pmfit %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	var rss int64
	if _, err := fmt.Sscanf(lines[len(lines)-1], "peak-rss %d", &rss); err != nil {
		t.Fatalf("no peak from peakrss: %q", stderr.String())
	}
	return rss
}

// TestHostileInputsStayUnder64MiB reproduces issue 20's measurements:
// each input that grew pmfit to hundreds of megabytes, through the real
// binary, its peak memory counted by the kernel (bytes, not time).
func TestHostileInputsStayUnder64MiB(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS is read from Linux's rusage")
	}
	mb := append(bytes.Repeat([]byte("x"), 1<<20-100), '\n')
	cell := append(append([]byte(`"`), bytes.Repeat(append(bytes.Repeat([]byte("y"), 999), '\n'), 1000)...), '"', '\n')
	var wide strings.Builder
	for i := range 166_000 {
		fmt.Fprintf(&wide, "c%d,", i)
	}
	wide.WriteString("c\n")
	bigValue := []byte(`{"id":"x","answers":{"degree":"` + strings.Repeat("z", 1<<20-200) + `"}}` + "\n")

	dir := t.TempDir()
	persona, err := os.ReadFile("testdata/personas/pm-generalist.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pad := "# " + strings.Repeat("p", 4<<20-len(persona)-16) + "\n"
	var twelve []string
	for i := range 40 {
		name := filepath.Join(dir, fmt.Sprintf("a%02d.yaml", i))
		if err := os.WriteFile(name, append([]byte(pad), persona...), 0o644); err != nil {
			t.Fatal(err)
		}
		if i < 12 {
			twelve = append(twelve, name)
		}
	}

	for _, tc := range []struct {
		name  string
		stdin func() io.Reader
		args  []string
	}{
		{"a million one-byte NDJSON lines", func() io.Reader { return &repeated{row: []byte("y\n"), n: 1_000_000} }, []string{"score", "-", "--input-format", "ndjson"}},
		{"the same, --jobs 16", func() io.Reader { return &repeated{row: []byte("y\n"), n: 1_000_000} }, []string{"score", "-", "--input-format", "ndjson", "--jobs", "16"}},
		{"the same, --jobs 100000000", func() io.Reader { return &repeated{row: []byte("y\n"), n: 1_000_000} }, []string{"score", "-", "--input-format", "ndjson", "--jobs", "100000000"}},
		{"512 CSV rows of a megabyte", func() io.Reader { return &repeated{head: []byte("degree\n"), row: mb, n: 512} }, []string{"score", "-", "--input-format", "csv"}},
		{"200 quoted multi-line cells of a megabyte", func() io.Reader { return &repeated{head: []byte("degree\n"), row: cell, n: 200} }, []string{"score", "-", "--input-format", "csv"}},
		{"166,000 unknown columns and 50 rows of a megabyte", func() io.Reader { return &repeated{head: []byte(wide.String()), row: mb, n: 50} }, []string{"score", "-", "--input-format", "csv"}},
		{"400 NDJSON lines holding a megabyte value", func() io.Reader { return &repeated{row: bigValue, n: 400} }, []string{"score", "-", "--input-format", "ndjson"}},
		{"40 answer files padded to 4 MB", nil, []string{"score", dir}},
		{"the same, --jobs 16", nil, []string{"score", dir, "--jobs", "16"}},
		{"compare on 12 of them", nil, append([]string{"compare"}, twelve...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdin io.Reader
			if tc.stdin != nil {
				stdin = tc.stdin()
			}
			if rss := peakRSS(t, stdin, tc.args...); rss > maxRSS {
				t.Errorf("peak RSS %d MiB, want at most %d", rss>>20, maxRSS>>20)
			} else {
				t.Logf("peak RSS %.1f MiB", float64(rss)/(1<<20))
			}
		})
	}
}
