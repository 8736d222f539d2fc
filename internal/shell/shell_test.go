package shell

import (
	"os/exec"
	"testing"
)

// TestQuote: pasted, the words run as shown.
func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/p.json":                     "/tmp/p.json",
		"/tmp/my file.json":               "'/tmp/my file.json'",
		"it's":                            `'it'\''s'`,
		"my bank;$(touch PWNED).yaml":     `'my bank;$(touch PWNED).yaml'`,
		"`id`":                            "'`id`'",
		"~/x.json":                        "'~/x.json'",
		"":                                "''",
		"es-ES":                           "es-ES",
		"a\nb":                            `$'a\nb'`,
		"osc52 \x1b]52;c;cm0gLXJm\a.json": `$'osc52 \x1b]52;c;cm0gLXJm\x07.json'`,
		"bidi \u202egnp.exe":              `$'bidi \u202egnp.exe'`,
		"it's \x1b":                       `$'it\'s \x1b'`,
		"bad \xff utf8":                   `$'bad \xff utf8'`,
		"c1 \u009b":                       `$'c1 \u009b'`,
		"café.json":                       "'café.json'",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
	// Every word of the resume command goes through it, flags included.
	got := Join([]string{"pmfit", "quiz", "--resume", "/s/p.json", "--questions", "my bank;$(touch PWNED).yaml", "--lang", "es"})
	if want := `pmfit quiz --resume /s/p.json --questions 'my bank;$(touch PWNED).yaml' --lang es`; got != want {
		t.Errorf("Join = %s, want %s", got, want)
	}
}

// TestQuoteRoundTripsInRealShells: pasted into bash (and zsh, when
// present), a quoted word is the same bytes, whatever it holds.
func TestQuoteRoundTripsInRealShells(t *testing.T) {
	words := []string{"plain.json", "my file.json", "it's", "osc52 \x1b]52;c;cm0gLXJm\a.json", "bidi \u202egnp.exe", "bad \xff utf8", "c1 \u009b", "two\nlines", "tab\there", `back\slash`, "$(touch PWNED)", "café", ""}
	ran := 0
	for _, sh := range []string{"bash", "zsh"} {
		path, err := exec.LookPath(sh)
		if err != nil {
			continue
		}
		ran++
		for _, w := range words {
			out, err := exec.Command(path, "-c", "printf '%s' "+Quote(w)).Output()
			if err != nil {
				t.Fatalf("%s: printf %s: %v", sh, Quote(w), err)
			}
			if string(out) != w {
				t.Errorf("%s: %s gave %q, want %q", sh, Quote(w), out, w)
			}
		}
	}
	if ran == 0 {
		t.Skip("neither bash nor zsh is installed")
	}
}
