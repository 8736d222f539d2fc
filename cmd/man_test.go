package cmd

import (
	"os/exec"
	"strings"
	"testing"
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
		`.SS "pmfit analyze [INPUT...] [flags]"`, `.B \-\-format`, ".SH GLOBAL OPTIONS", `.B \-\-questions file`, ".SH EXIT STATUS", "130  interrupted"} {
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
	cmd := exec.Command("sh", "-c", "preconv | "+groff+" -man -Tutf8 -ww >/dev/null")
	cmd.Stdin = strings.NewReader(page)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}
