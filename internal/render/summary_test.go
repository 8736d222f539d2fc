package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// personaResults scores every calibration persona on the default bank.
func personaResults(t *testing.T, lang string) (*quiz.Bank, map[string]quiz.Answers, map[string]*scoring.Result) {
	t.Helper()
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank("questions.yaml", data, quiz.LoadOptions{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	m := scoring.New(b)
	files, _ := filepath.Glob("../../testdata/personas/*.yaml")
	answers, results := map[string]quiz.Answers{}, map[string]*scoring.Result{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		set, err := quiz.ParseAnswerFile(b, f, data)
		if err != nil {
			t.Fatal(err)
		}
		res := m.Score(set.Answers, scoring.Options{Explain: 3})
		answers[f], results[f] = set.Answers, &res
	}
	if len(results) < 30 {
		t.Fatalf("only %d personas", len(results))
	}
	return b, answers, results
}

// TestSummaryFitsATerminal: the results summary leaves room on an 80×24
// terminal for the blank lines around it, the two lines saying where the
// result is saved and the five-line offer of the full result (8 lines in
// all), for every persona and language, and no line is wider than the
// terminal, down to 60 columns.
func TestSummaryFitsATerminal(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		b, _, results := personaResults(t, lang)
		for name, res := range results {
			for _, width := range []int{60, 80, 120} {
				var out bytes.Buffer
				if err := ResultSummary(&out, NewTheme(width, false, i18n.New(lang)), b, res); err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
				if width == 80 && len(lines) > 16 {
					t.Errorf("%s (%s) at 80 columns: %d lines\n%s", filepath.Base(name), lang, len(lines), out.String())
				}
				for _, l := range lines {
					if utf8.RuneCountInString(l) > width-1 {
						t.Errorf("%s (%s) at %d columns: line of %d: %q", filepath.Base(name), lang, width, utf8.RuneCountInString(l), l)
					}
				}
				if !strings.Contains(out.String(), b.Roles[res.Top()].Name) {
					t.Errorf("%s: the summary does not name the top role", name)
				}
			}
		}
	}
}

// TestFullResultFitsTheWidth: no line of the full results screen is wider
// than the terminal, and no profile label is cut short, down to 60
// columns.
func TestFullResultFitsTheWidth(t *testing.T) {
	b, answers, results := personaResults(t, "en")
	for name, res := range results {
		for _, width := range []int{60, 80} {
			var out bytes.Buffer
			if err := ResultText(&out, NewTheme(width, false, i18n.New("en")), b, answers[name], res); err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(out.String(), "\n") {
				if utf8.RuneCountInString(l) > width-1 {
					t.Errorf("%s at %d columns: line of %d: %q", filepath.Base(name), width, utf8.RuneCountInString(l), l)
				}
			}
			_, profile, _ := strings.Cut(out.String(), "Your profile\n")
			profile, _, _ = strings.Cut(profile, "\n\n")
			if strings.Contains(profile, "…") {
				t.Errorf("%s at %d columns: a profile label is cut:\n%s", filepath.Base(name), width, profile)
			}
		}
	}
}

// TestPlainThemeDrawsNoGraphics: the accessible screens are words and
// numbers only.
func TestPlainThemeDrawsNoGraphics(t *testing.T) {
	b, answers, results := personaResults(t, "en")
	for name, res := range results {
		var out bytes.Buffer
		theme := PlainTheme(80, i18n.New("en"))
		if err := ResultSummary(&out, theme, b, res); err != nil {
			t.Fatal(err)
		}
		if err := ResultText(&out, theme, b, answers[name], res); err != nil {
			t.Fatal(err)
		}
		if i := strings.IndexAny(out.String(), "\x1b█░├┤●▲▼─"); i >= 0 {
			t.Fatalf("%s: graphics in plain output at %q", name, out.String()[max(0, i-40):i+10])
		}
	}
}
