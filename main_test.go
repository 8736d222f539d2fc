package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pmfit/pmfit/cmd"
	"github.com/pmfit/pmfit/internal/builtin"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
)

var update = flag.Bool("update", false, "rewrite the golden files the scripts compare against")

// TestMain lets the test binary stand in for pmfit: scripts run
// `exec pmfit ...` and get the real main, with its real exit codes.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"pmfit": func() { os.Exit(cmd.Main(defaultBank, builtin.Bank)) },
	})
}

// TestScripts runs the command scripts in testdata/script. Each is a
// txtar archive: commands, then the files they read and compare with.
// `go test -run TestScripts -update` rewrites the golden files in place;
// review the diff before committing it.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			// A clean, non-interactive environment: no terminal, no CI
			// flag, no locale, as a script or pipeline would have.
			env.Setenv("LANG", "")
			env.Setenv("PMFIT_QUESTIONS", "")
			for name, dir := range map[string]string{"PERSONAS": "testdata/personas", "BANKS": "testdata/banks", "DATA_ROLES": "testdata/data-roles", "SCORING_TESTDATA": "internal/scoring/testdata", "PARTIAL": "testdata/partial", "PATHS": "testdata/path"} {
				abs, err := filepath.Abs(dir)
				if err != nil {
					return err
				}
				env.Setenv(name, abs)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":     cmdStatus,
			"splitlines": cmdSplitLines,
		},
	})
}

// cmdStatus runs a command and checks its exact exit code:
//
//	status 2 pmfit score --answer nope=1
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("status: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdSplitLines splits a file into N parts of about equal size without
// breaking a line, as `split -n l/N FILE PREFIX` does, writing PREFIX0,
// PREFIX1, ... (a part may be empty):
//
//	splitlines 4 all.ndjson part
func cmdSplitLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: splitlines N FILE PREFIX")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 {
		ts.Fatalf("splitlines: bad part count %q", args[0])
	}
	data := []byte(ts.ReadFile(args[1]))
	start := 0
	for i := range n {
		end := len(data) * (i + 1) / n
		if end < start {
			end = start
		}
		// Extend to the end of the line the boundary falls in.
		if j := strings.IndexByte(string(data[end:]), '\n'); end > 0 && data[end-1] != '\n' && j >= 0 {
			end += j + 1
		} else if j < 0 {
			end = len(data)
		}
		if i == n-1 {
			end = len(data)
		}
		if err := os.WriteFile(ts.MkAbs(args[2]+strconv.Itoa(i)), data[start:end], 0o644); err != nil {
			ts.Fatalf("splitlines: %v", err)
		}
		start = end
	}
}

// TestReferenceSampleIsCurrent keeps the results screen the command
// reference shows equal to what pmfit prints for the same answers.
func TestReferenceSampleIsCurrent(t *testing.T) {
	doc, err := os.ReadFile("docs/commands.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), "columns, no colour):\n\n```text\n")
	sample, _, ok2 := strings.Cut(after, "```")
	if !ok || !ok2 {
		t.Fatal("docs/commands.md has no sample results screen")
	}
	ios, _, out, errOut := iostreams.Test()
	f := &cmd.Factory{IOStreams: ios, Env: func(string) (string, bool) { return "", false }, DefaultBank: defaultBank}
	if code := cmd.Run(f, []string{"score", "--answers", "testdata/personas/core-researcher.yaml"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out.String() != sample {
		t.Errorf("docs/commands.md sample is stale; regenerate it with:\n  go run . score --answers testdata/personas/core-researcher.yaml\ngot:\n%s", out)
	}
}

// TestReadmeBankExampleLoads keeps the reference's example bank valid.
func TestReadmeBankExampleLoads(t *testing.T) {
	readme, err := os.ReadFile("docs/commands.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "## Writing a question bank")
	_, block, ok2 := strings.Cut(after, "```yaml\n")
	example, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README has no example bank")
	}
	if _, problems := quiz.CheckBank("README example", []byte(example), quiz.LoadOptions{}); len(problems) > 0 {
		t.Errorf("the README's example bank has problems: %v", problems)
	}
}

// TestDocExamplesAreCurrent keeps every example the README and the
// command reference show with its output ("```text" blocks starting
// "$ pmfit ...") equal to what pmfit prints: whole, or up to a closing
// "..." line.
func TestDocExamplesAreCurrent(t *testing.T) {
	for _, doc := range []string{"README.md", "docs/commands.md"} {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		blocks := strings.Split(string(data), "```text\n$ pmfit ")
		if doc == "README.md" && len(blocks) < 4 {
			t.Fatalf("%s has %d examples with output, want the results screen and two routes", doc, len(blocks)-1)
		}
		for _, block := range blocks[1:] {
			block, _, _ = strings.Cut(block, "```")
			line, sample, _ := strings.Cut(block, "\n")
			ios, _, out, errOut := iostreams.Test()
			f := &cmd.Factory{IOStreams: ios, Env: func(string) (string, bool) { return "", false }, DefaultBank: defaultBank}
			if code := cmd.Run(f, strings.Fields(line)); code != 0 {
				t.Fatalf("%s: pmfit %s: exit %d: %s", doc, line, code, errOut)
			}
			got := out.String()
			if head, ok := strings.CutSuffix(sample, "...\n"); ok {
				sample, got = head, got[:min(len(head), len(got))]
			}
			if got != sample {
				t.Errorf("%s: the example is stale; regenerate it with:\n  go run . %s\ngot:\n%s", doc, line, out)
			}
		}
	}
}

// TestDocLinksResolve: every relative link in the README and docs/ names
// a file that exists.
func TestDocLinksResolve(t *testing.T) {
	docs, _ := filepath.Glob("docs/*.md")
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, doc := range append([]string{"README.md"}, docs...) {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			target, _, _ = strings.Cut(target, "#")
			if _, err := os.Stat(filepath.Join(filepath.Dir(doc), target)); err != nil {
				t.Errorf("%s: link to %s: %v", doc, m[1], err)
			}
		}
	}
}

// TestReadmeIsShort: a newcomer reads the README in minutes; the rest is
// in docs/.
func TestReadmeIsShort(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n > 250 {
		t.Errorf("README.md is %d lines, more than 250", n)
	}
}
