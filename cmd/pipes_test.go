//go:build !windows

package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestPipesAreSniffed: an input that is a pipe (as bash's <(…) passes
// one, named /dev/fd/N) has no telling name, so its format is sniffed
// from its first line, as stdin's is: an answer file, NDJSON and CSV.
func TestPipesAreSniffed(t *testing.T) {
	persona, err := os.ReadFile("../testdata/personas/pm-generalist.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	inputs := []string{
		string(persona),
		`{"id":"n1","answers":{"degree":"business","read-code":4}}` + "\n",
		"id,degree,read-code\nc1,business,4\n",
	}
	var args []string
	for i, content := range inputs {
		fifo := filepath.Join(dir, "fd"+string(rune('0'+i)))
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		go func() {
			f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			defer f.Close()
			f.WriteString(content)
		}()
		args = append(args, fifo)
	}
	f, ios := testFactory(t, nil)
	code := Run(f, append(append([]string{"score"}, args...), "--partial", "--format", "csv"))
	out := ios.Out.(*bytes.Buffer).String()
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s%s", code, out, ios.ErrOut)
	}
	for _, want := range []string{"\npm-generalist,", "\nn1,", "\nc1,"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q row:\n%s", strings.TrimSpace(want), out)
		}
	}
}
