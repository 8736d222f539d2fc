package cmd

import (
	"bytes"
	"strings"
	"testing"
)

// TestLangTakesOnlyLanguageCodes: --lang is a language tag, never text
// to be pasted into a command line.
func TestLangTakesOnlyLanguageCodes(t *testing.T) {
	for _, lang := range []string{"en;id", "es $(id)", "../x", "e", "es-"} {
		f, ios := testFactory(t, nil)
		if code := Run(f, []string{"--lang", lang, "roles"}); code != ExitUsage || !strings.Contains(ios.ErrOut.(*bytes.Buffer).String(), "expected a language code") {
			t.Errorf("--lang %q: exit %d, %s", lang, code, ios.ErrOut)
		}
	}
	for _, lang := range []string{"es", "en", "pt-BR", "es_ES", "zh-Hant-TW"} {
		f, ios := testFactory(t, nil)
		if code := Run(f, []string{"--lang", lang, "roles"}); code != ExitOK {
			t.Errorf("--lang %q: exit %d, %s", lang, code, ios.ErrOut)
		}
	}
}

// TestHelpShowsOptionalValues: a flag whose value may be left out reads
// as such in help, "--resume[=FILE]", with the descriptions still aligned.
func TestHelpShowsOptionalValues(t *testing.T) {
	f, ios := testFactory(t, nil)
	if code := Run(f, []string{"quiz", "--help"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	help := ios.Out.(*bytes.Buffer).String()
	if strings.Contains(help, `[="default"]`) || !strings.Contains(help, "--resume[=FILE]") {
		t.Errorf("help:\n%s", help)
	}
	col := -1
	for _, line := range strings.Split(help, "\n") {
		for _, flag := range []string{"--resume[=FILE]", "--save FILE"} {
			if strings.Contains(line, flag) {
				i := strings.Index(line, "  Resume")
				if flag == "--save FILE" {
					i = strings.Index(line, "  Save")
				}
				if col >= 0 && i != col {
					t.Errorf("descriptions not aligned:\n%s", help)
				}
				col = i
			}
		}
	}
	// The quiz lists only the exit codes it can end with.
	if strings.Contains(help, "\n  3 ") || strings.Contains(help, "\n  4 ") || !strings.Contains(help, "\n  130 ") {
		t.Errorf("quiz exit codes:\n%s", help)
	}
}

// TestCompletionDescriptionsArePlain: shells show completion
// descriptions as they are, so help's backticks are left out.
func TestCompletionDescriptionsArePlain(t *testing.T) {
	f, ios := testFactory(t, nil)
	if code := Run(f, []string{"__complete", "quiz", "--"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, ios.ErrOut)
	}
	out := ios.Out.(*bytes.Buffer).String()
	if strings.Contains(out, "`") || !strings.Contains(out, "--save\tSave your answers to FILE as you go") {
		t.Errorf("completions:\n%s", out)
	}
}
