package shell

import "testing"

// TestQuote: pasted, the words run as shown.
func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/p.json":                 "/tmp/p.json",
		"/tmp/my file.json":           "'/tmp/my file.json'",
		"it's":                        `'it'\''s'`,
		"my bank;$(touch PWNED).yaml": `'my bank;$(touch PWNED).yaml'`,
		"`id`":                        "'`id`'",
		"~/x.json":                    "'~/x.json'",
		"":                            "''",
		"es-ES":                       "es-ES",
		"a\nb":                        "'a\nb'",
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
