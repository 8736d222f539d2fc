package cmd

import (
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestManPage: the manual page covers every command, the global options
// and the exit status, and renders without a warning where groff is
// installed.
func TestManPage(t *testing.T) {
	f, ios := testFactory(t, nil)
	if code := Run(f, []string{"man"}); code != 0 {
		t.Fatalf("exit %d: %s", code, ios.ErrOut)
	}
	page := ios.Out.(interface{ String() string }).String()
	for _, want := range []string{".TH PMFIT 1", ".SH NAME", `.SS "pmfit quiz [flags]"`, `.SS "pmfit score [INPUT...] [flags]"`,
		`.SS "pmfit analyze [INPUT...] [flags]"`, `.B \-\-format`, ".SH GLOBAL OPTIONS", `.B \-\-questions file`, ".SH EXIT STATUS", ".B 130\ninterrupted"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for i, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(line, "'") {
			t.Errorf("line %d starts with an apostrophe, which roff reads as a request: %q", i+1, line)
		}
	}
	groff, err := exec.LookPath("groff")
	if err != nil {
		return
	}
	// As a man page linter does: no preconv, every warning.
	cmd := exec.Command(groff, "-man", "-ww", "-z")
	cmd.Stdin = strings.NewReader(page)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff -man -ww -z: %v\n%s", err, out)
	}
	// At 80 columns, as man shows it, no line runs past the edge.
	cmd = exec.Command(groff, "-man", "-Tutf8", "-rLL=80n", "-P-cbou")
	cmd.Stdin = strings.NewReader(page)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("groff -Tutf8: %v", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("%d columns at 80: %q", n, line)
		}
	}
}
