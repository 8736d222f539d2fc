package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSignalWhileWritingRemovesTheTemp: Ctrl-C, a hang-up or a
// termination while `score -o` writes leaves neither the temporary file
// (it holds people's answers) nor a partial target, and exits 130.
func TestSignalWhileWritingRemovesTheTemp(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "new.csv")
			cmd := exec.Command(pmfitBinary(t), "score", "-", "--input-format", "ndjson", "--format", "csv", "-o", target)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Some records, then the input stays open: pmfit is mid-run.
			fmt.Fprintln(stdin, `{"id":"a","answers":{"degree":"business"}}`)
			temps := func() []string {
				m, _ := filepath.Glob(filepath.Join(dir, ".new.csv.*.tmp"))
				return m
			}
			for deadline := time.Now().Add(20 * time.Second); len(temps()) == 0; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("the temporary file never appeared")
				}
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			stdin.Close()
			if code := cmd.ProcessState.ExitCode(); code != 130 {
				t.Errorf("exit %d, want 130; stderr:\n%s", code, stderr.String())
			}
			if left := temps(); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			if _, err := os.Stat(target); !os.IsNotExist(err) {
				t.Errorf("the target exists after the interruption: %v", err)
			}
			if !bytes.Contains(stderr.Bytes(), []byte("interrupted; "+target+" was not written")) {
				t.Errorf("stderr does not say what happened:\n%s", stderr.String())
			}
		})
	}
}

// TestStaleTempsAreRemoved: what kill -9 left beside a target (a
// temporary file of a process that no longer exists) is removed by the
// next write to that target; one of a process still running is not.
func TestStaleTempsAreRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".out.csv.999999999.12345.tmp")
	live := filepath.Join(dir, fmt.Sprintf(".out.csv.%d.67890.tmp", os.Getpid()))
	other := filepath.Join(dir, ".other.csv.999999999.1.tmp")
	for _, f := range []string{stale, live, other} {
		if err := os.WriteFile(f, []byte("id,top\nana,pm\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(pmfitBinary(t), "score", "testdata/personas", "--format", "csv", "-o", filepath.Join(dir, "out.csv")).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	for _, f := range []string{live, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(f), err)
		}
	}
}
