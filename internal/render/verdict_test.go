package render

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

func loadDefault(t *testing.T, lang string) *quiz.Bank {
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

func loadSet(t *testing.T, b *quiz.Bank, path string) quiz.Answers {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := quiz.ParseAnswerFile(b, path, data)
	if err != nil {
		t.Fatal(err)
	}
	return set.Answers
}

// TestOneVerdictForADecidedCloseCall: a short quiz's 25 answers decide
// the best fit (no answer to the other 12 could change it) but put two
// roles close on the answers given. The screen tells that as one story,
// in either language: the best fit just ahead of the other, why both
// are true, and a separating dimension on which the person sits between
// the two roles' targets; never "too close to call" beside "could not
// change".
func TestOneVerdictForADecidedCloseCall(t *testing.T) {
	for _, tc := range []struct {
		lang                           string
		headline, note, lead, separate string
		forbidden                      []string
	}{
		{"en", "Your best fit: Technical Product Manager · 89%, just ahead of Product Owner",
			"No answer to the other 12 questions could change this order", "only 6.4 points", "What would separate them: Delivery.",
			[]string{"too close to call", "Closest", "could still change"}},
		{"es", "Tu rol más afín: Gerente de producto técnico · 89%, justo por delante de Product Owner",
			"Ninguna respuesta a las otras 12 preguntas podría cambiar este orden", "solo 6,4 puntos", "Lo que los distinguiría: Entrega.",
			[]string{"demasiado ajustado", "Lo más cercano", "todavía pueden cambiar"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			b := loadDefault(t, tc.lang)
			answers := loadSet(t, b, "../../testdata/partial/tpm-engineer-short.yaml")
			res := scoring.New(b).Score(answers, scoring.Options{Explain: 3, Decide: true})
			if res.Answered != 25 || !res.Decision.Decided || res.Certainty.Level != scoring.Low {
				t.Fatalf("the fixture is no longer a decided close call: %d answered, decided %v, level %s", res.Answered, res.Decision.Decided, res.Certainty.Level)
			}
			p := i18n.New(tc.lang)
			v := NewVerdict(p, b, &res)
			if v.Kind != JustAheadKind || v.Headline != tc.headline {
				t.Errorf("verdict %s: %q, want %q", v.Kind, v.Headline, tc.headline)
			}
			// The separating dimension is one where the person sits between
			// the two roles' targets (Background, at 100, is past both).
			sep := res.Certainty.Separator
			top, second := b.Roles[res.Roles[0].Role], b.Roles[res.Roles[1].Role]
			lo, hi := min(targetOf(top, sep), targetOf(second, sep)), max(targetOf(top, sep), targetOf(second, sep))
			if s := res.Dimensions[sep].Score; s < lo || s > hi {
				t.Errorf("separator %s: the person at %.0f is not between %.0f and %.0f", b.Dimensions[sep].ID, s, lo, hi)
			}
			var screen bytes.Buffer
			if err := ResultText(&screen, NewTheme(80, false, p), b, answers, &res); err != nil {
				t.Fatal(err)
			}
			var js bytes.Buffer
			if err := WriteJSON(&js, Result(p, b, answers, &res, "")); err != nil {
				t.Fatal(err)
			}
			head, _, _ := strings.Cut(screen.String(), "\n\n")
			for name, text := range map[string]string{"screen": strings.Join(strings.Fields(head), " "), "json": js.String()} {
				for _, want := range []string{tc.headline, tc.note, tc.lead} {
					if !strings.Contains(text, want) {
						t.Errorf("%s lacks %q:\n%s", name, want, text)
					}
				}
				for _, bad := range tc.forbidden {
					if strings.Contains(text, bad) {
						t.Errorf("%s says %q, a second story:\n%s", name, bad, text)
					}
				}
			}
			if !strings.Contains(strings.Join(strings.Fields(head), " "), tc.separate) {
				t.Errorf("screen lacks %q:\n%s", tc.separate, head)
			}
			if tc.lang == "es" && strings.Contains(head, "6.4") {
				t.Errorf("a decimal point on a Spanish screen:\n%s", head)
			}
		})
	}
}

// TestPartialNotesGiveTheRealReason: after two answers the note says two
// answers say little (the rest could change the best fit), not that a
// 35-point lead is "only" a few points.
func TestPartialNotesGiveTheRealReason(t *testing.T) {
	b := loadDefault(t, "en")
	m := scoring.New(b)
	answers := b.NewAnswers()
	for id, v := range map[string]string{"degree": "business", "backlog": "5"} {
		qi, _ := b.Question(id)
		a, err := b.ParseAnswer(qi, []string{v})
		if err != nil {
			t.Fatal(err)
		}
		answers[qi] = a
	}
	res := m.Score(answers, scoring.Options{Decide: true})
	v := NewVerdict(i18n.New("en"), b, &res)
	if v.Kind != LeadingKind && v.Kind != CloseSoFar {
		t.Fatalf("two answers: verdict %s", v.Kind)
	}
	for _, want := range []string{"After 2 of 37 questions", "the other 35 could still change the best fit", "an early reading"} {
		if !strings.Contains(v.Note, want) {
			t.Errorf("note %q lacks %q", v.Note, want)
		}
	}
	if strings.Contains(v.Note, "only") || strings.Contains(v.Headline, "too close to call") {
		t.Errorf("two answers read as a close call: %q / %q", v.Headline, v.Note)
	}
}

// TestEqualMovesAreGrouped: answers that moved the fit by the same shown
// amount through the same one dimension are one line saying so, not
// repeats; others stay apart.
func TestEqualMovesAreGrouped(t *testing.T) {
	b := loadDefault(t, "en")
	moves := []AnswerEffectJSON{
		{Question: "read-code", Effect: 2.1},
		{Question: "week-of-work", Effect: 2.1}, // several dimensions: alone
		{Question: "architecture-talk", Effect: 2.1},
		{Question: "drawn-to-how", Effect: 2.1}, // another dimension
		{Question: "non-technical", Effect: 2.1},
		{Question: "leave-tech", Effect: 2.0}, // another amount
	}
	groups := GroupMoves(b, moves)
	var got []string
	for _, g := range groups {
		var ids []string
		for _, a := range g.Answers {
			ids = append(ids, a.Question)
		}
		got = append(got, strings.Join(ids, "+"))
	}
	want := []string{"read-code+architecture-talk+non-technical", "week-of-work", "drawn-to-how", "leave-tech"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("groups %q, want %q", got, want)
	}
	if g := groups[0]; float64(g.Effect) != 6.3 || float64(g.Each) != 2.1 || b.Dimensions[g.Dimension].ID != "background" {
		t.Errorf("group %+v: want 6.3 in all, 2.1 each, on background", g)
	}
}

// TestStoppedLikelyNote: the quick stop's risk in a person's words, with
// "1 in N" rounded as people say it, and the full quiz's own retake
// changes beside it.
func TestStoppedLikelyNote(t *testing.T) {
	en, es := i18n.New("en"), i18n.New("es")
	for _, tc := range []struct {
		p        i18n.Printer
		prob, rt float64
		want     string
	}{
		{en, 0.967, 0.69, "Stopped after 14 of 37 questions: about 1 in 30 people who answer like you would get a different best fit from the full quiz (the full quiz itself changes for about 3 in 10 people on a retake)."},
		{en, 0.95, -1, "Stopped after 14 of 37 questions: about 1 in 20 people who answer like you would get a different best fit from the full quiz."},
		{en, 0.9897, 0.97, "Stopped after 14 of 37 questions: about 1 in 100 people who answer like you would get a different best fit from the full quiz (the full quiz itself changes for fewer than 1 in 10 people on a retake)."},
		{en, 0.995, -1, "Stopped after 14 of 37 questions: fewer than 1 in 100 people who answer like you would get a different best fit from the full quiz."},
		{es, 0.96, 0.7, "Detenido tras 14 de 37 preguntas: aproximadamente 1 de cada 25 personas que responden como tú obtendría otro rol más afín con el cuestionario completo (el propio cuestionario completo cambia para unas 3 de cada 10 personas al repetirlo)."},
	} {
		if got := StoppedLikelyNote(tc.p, 14, 37, tc.prob, tc.rt); got != tc.want {
			t.Errorf("P %.4f, retake %.2f:\n got %q\nwant %q", tc.prob, tc.rt, got, tc.want)
		}
	}
}
