package render

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/textwidth"
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

// TestSummaryFitsATerminal: the results summary keeps to the lines it is
// given, giving up its least needed parts first, for every persona and
// language; the verdict always stays, and no line is wider than the
// terminal, down to 60 columns.
func TestSummaryFitsATerminal(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		b, _, results := personaResults(t, lang)
		for name, res := range results {
			for _, size := range [][2]int{{60, 12}, {80, 16}, {80, 0}, {120, 0}} {
				width, height := size[0], size[1]
				var out bytes.Buffer
				if err := ResultSummary(&out, NewTheme(width, false, i18n.New(lang)), b, res, height); err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
				if height > 0 && len(lines) > height {
					t.Errorf("%s (%s) at %v: %d lines\n%s", filepath.Base(name), lang, size, len(lines), out.String())
				}
				if v := NewVerdict(i18n.New(lang), b, res); !strings.HasPrefix(strings.Join(strings.Fields(out.String()), " "), v.Headline) {
					t.Errorf("%s (%s) at %v: the summary does not open with the headline %q:\n%s", filepath.Base(name), lang, size, v.Headline, out.String())
				}
				if height == 0 && !strings.Contains(out.String(), "\n\n") {
					t.Errorf("%s (%s): nothing after the verdict with room to spare:\n%s", filepath.Base(name), lang, out.String())
				}
				for _, l := range lines {
					if textwidth.String(l) > width-1 {
						t.Errorf("%s (%s) at %d columns: line of %d: %q", filepath.Base(name), lang, width, textwidth.String(l), l)
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
				if textwidth.String(l) > width-1 {
					t.Errorf("%s at %d columns: line of %d: %q", filepath.Base(name), width, textwidth.String(l), l)
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

// TestChineseResultFitsTheWidth: a bank written in Chinese (no spaces,
// two columns a character) gets the same layout promises as the default
// bank: no line wider than the terminal, role and dimension names whole,
// on the summary and the full screen.
func TestChineseResultFitsTheWidth(t *testing.T) {
	data, err := os.ReadFile("../../testdata/banks/data-roles-zh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank("data-roles-zh.yaml", data, quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := scoring.New(b)
	rng := rand.New(rand.NewPCG(5, 6))
	answers := b.NewAnswers()
	for trial := range 20 {
		for qi, q := range b.Questions {
			all := q.EveryAnswer(1 << 10)
			answers[qi] = all[rng.IntN(len(all))]
		}
		res := m.Score(answers, scoring.Options{Explain: 3})
		for _, width := range []int{60, 80} {
			var summary, full bytes.Buffer
			theme := NewTheme(width, false, i18n.New("en"))
			if err := ResultSummary(&summary, theme, b, &res, 0); err != nil {
				t.Fatal(err)
			}
			if err := ResultText(&full, theme, b, answers, &res); err != nil {
				t.Fatal(err)
			}
			for _, out := range []string{summary.String(), full.String()} {
				for _, l := range strings.Split(out, "\n") {
					if textwidth.String(l) > width-1 {
						t.Errorf("trial %d at %d columns: line of %d: %q", trial, width, textwidth.String(l), l)
					}
				}
			}
			for _, r := range b.Roles {
				if !strings.Contains(full.String(), "  "+r.Name+" ") {
					t.Errorf("trial %d at %d columns: %s is not whole in the fits:\n%s", trial, width, r.Name, full.String())
				}
			}
			for _, d := range b.Dimensions {
				if !strings.Contains(full.String(), "  "+d.Name+" ") {
					t.Errorf("trial %d at %d columns: %s is not whole in the profile:\n%s", trial, width, d.Name, full.String())
				}
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
		if err := ResultSummary(&out, theme, b, res, 0); err != nil {
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
