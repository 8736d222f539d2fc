package builtin

import (
	"os"
	"reflect"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
)

func loadYAML(t testing.TB, lang string) *quiz.Bank {
	t.Helper()
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank("questions.yaml", data, quiz.LoadOptions{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSameAsTheYAML: for every language a person may ask for, the bank
// built from Go values is exactly the one questions.yaml loads to (when
// it is not, run go generate ./internal/builtin).
func TestSameAsTheYAML(t *testing.T) {
	for _, lang := range []string{"", "en", "es", "es-MX", "en-GB", "pt-BR", "fr", "zh-Hant", "de-DE"} {
		got, want := Bank(lang), loadYAML(t, lang)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("lang %q: the built-in bank differs from questions.yaml (go generate ./internal/builtin rewrites it)", lang)
		}
		for _, id := range want.QuestionIDs() {
			if i, ok := got.Question(id); !ok || got.Questions[i].ID != id {
				t.Errorf("lang %q: question %q not found by id", lang, id)
			}
		}
	}
	if Bank("es").Language != "es" || Bank("es").Questions[0].Text == Bank("en").Questions[0].Text {
		t.Errorf("Spanish is not Spanish: %q", Bank("es").Questions[0].Text)
	}
}

// TestEachCallIsItsOwn: a caller that changes its bank does not change
// the next caller's.
func TestEachCallIsItsOwn(t *testing.T) {
	a := Bank("en")
	a.Questions[0].Text = "changed"
	a.Roles[0].Profile[0].Target = -1
	if b := Bank("en"); b.Questions[0].Text == "changed" || b.Roles[0].Profile[0].Target == -1 {
		t.Error("two calls share their values")
	}
}

func BenchmarkBuiltin(b *testing.B) {
	for b.Loop() {
		Bank("en")
	}
}

func BenchmarkFromYAML(b *testing.B) {
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := quiz.LoadBank("questions.yaml", data, quiz.LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
