package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmfit/pmfit/internal/analysis"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// personaPrompter answers every question as an answer set does, then
// submits at the review. After interruptAfter answers (when > 0) it
// reports an interruption instead.
type personaPrompter struct {
	t              *testing.T
	bank           *quiz.Bank
	answers        quiz.Answers
	interruptAfter int
	asked          []string
	progress       []string // the progress line of each question asked
	reviews        []string
	others         []string // every prompt that was not a question
	decided        []string // the short quiz's decisions
	page           bool     // at the end, ask to page through the full result
	// savedChoice answers the offer to resume a saved quiz (default:
	// resume).
	savedChoice func() (int, error)
	// beforeAsking, when set, runs before each question with the number
	// of questions asked so far.
	beforeAsking func(asked int)
	stopAtFirst  bool // stop (as Ctrl-D does) at the first question
}

func (p *personaPrompter) question(pr quiz.Prompt) int {
	for qi, q := range p.bank.Questions {
		if q.Text == pr.Message {
			return qi
		}
	}
	return -1
}

func (p *personaPrompter) Select(pr quiz.Prompt) (int, error) {
	qi := p.question(pr)
	if qi < 0 {
		return p.other(pr)
	}
	if err := p.count(qi); err != nil {
		return 0, err
	}
	p.saw(pr)
	q := &p.bank.Questions[qi]
	a := p.answers[qi]
	label := p.bank.FormatLabel(qi, a)
	if q.Kind == quiz.Likert {
		label = q.Scale.Label(a.Level)
	}
	for i, o := range pr.Options {
		if o == label {
			return i, nil
		}
	}
	p.t.Fatalf("question %s: no option %q in %q", q.ID, label, pr.Options)
	return 0, nil
}

func (p *personaPrompter) MultiSelect(pr quiz.Prompt) ([]int, error) {
	qi := p.question(pr)
	if qi < 0 {
		p.t.Fatalf("unexpected prompt %q", pr.Message)
	}
	if err := p.count(qi); err != nil {
		return nil, err
	}
	p.saw(pr)
	q := &p.bank.Questions[qi]
	var idx []int
	for _, oi := range p.answers[qi].Picked() {
		for i, o := range pr.Options {
			if o == q.Options[oi].Label {
				idx = append(idx, i)
			}
		}
	}
	return idx, nil
}

// other answers the prompts that are not questions: the review (its last
// option submits, in any language), the offer of the full result (the
// persona's pager choice, else "done") and the offer to resume (resume).
func (p *personaPrompter) other(pr quiz.Prompt) (int, error) {
	p.others = append(p.others, pr.Message)
	switch {
	case len(pr.Options) > 0 && strings.HasPrefix(pr.Options[len(pr.Options)-1], "✔"):
		p.reviews = append(p.reviews, pr.Message)
		return len(pr.Options) - 1, nil
	case strings.Contains(pr.Message, "full result") || strings.Contains(pr.Message, "resultado completo"):
		if p.page {
			return 0, nil
		}
		return 1, nil
	case strings.HasPrefix(pr.Message, "Decided after"), strings.HasPrefix(pr.Message, "Stopped after"):
		p.decided = append(p.decided, pr.Message)
		return 0, nil // see the result now
	case strings.Contains(pr.Message, "You have a quiz saved"):
		if p.savedChoice != nil {
			return p.savedChoice()
		}
		return 0, nil
	}
	p.t.Fatalf("unexpected prompt %q", pr.Message)
	return 0, nil
}

func (p *personaPrompter) count(qi int) error {
	if p.beforeAsking != nil {
		p.beforeAsking(len(p.asked))
	}
	if p.stopAtFirst && len(p.asked) == 0 {
		return quiz.ErrInterrupted
	}
	if p.interruptAfter > 0 && len(p.asked) == p.interruptAfter {
		return quiz.ErrInterrupted
	}
	p.asked = append(p.asked, p.bank.Questions[qi].ID)
	return nil
}

func (p *personaPrompter) saw(pr quiz.Prompt) { p.progress = append(p.progress, pr.Progress) }

type quizTest struct {
	f       *Factory
	opts    *QuizOptions
	out     *bytes.Buffer
	errOut  *bytes.Buffer
	persona *personaPrompter
	exited  int
}

// newQuizTest sets up `pmfit quiz` on a faked terminal, answered as the
// persona file answers.
func newQuizTest(t *testing.T, persona string, env map[string]string) *quizTest {
	return newQuizTestWithBank(t, "", filepath.Join("../testdata/personas", persona), env)
}

// newQuizTestWithBank is newQuizTest for another bank and its answers.
func newQuizTestWithBank(t *testing.T, bankFile, persona string, env map[string]string) *quizTest {
	t.Helper()
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["XDG_STATE_HOME"]; !ok {
		env["XDG_STATE_HOME"] = t.TempDir()
	}
	if _, ok := env["PAGER"]; !ok {
		env["PAGER"] = "cat" // paging prints
	}
	f, ios := testFactory(t, env)
	f.BankFile = bankFile
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	ios.SetStderrTTY(true)
	b, err := f.Bank()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(persona)
	if err != nil {
		t.Fatal(err)
	}
	set, err := quiz.ParseAnswerFile(b, persona, data)
	if err != nil {
		t.Fatal(err)
	}
	qt := &quizTest{f: f, out: ios.Out.(*bytes.Buffer), errOut: ios.ErrOut.(*bytes.Buffer)}
	qt.persona = &personaPrompter{t: t, bank: b, answers: set.Answers}
	cmd := NewCmdQuiz(f, func(o *QuizOptions) error { qt.opts = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	qt.opts.NewPrompter = func(*QuizOptions, io.Writer) (quiz.Prompter, error) { return qt.persona, nil }
	qt.opts.Now = func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	qt.opts.Exit = func(code int) { qt.exited = code }
	qt.opts.Executable = func() []string { return []string{"pmfit"} }
	return qt
}

func (qt *quizTest) run() error {
	qt.out.Reset()
	qt.errOut.Reset()
	return quizRun(qt.opts)
}

func TestQuizNamesTheTopRole(t *testing.T) {
	qt := newQuizTest(t, "growth-funnel.yaml", nil)
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	// Paragraphs are wrapped to the terminal; read them unwrapped.
	screen := strings.ReplaceAll(qt.out.String(), "\n", " ")
	m, _ := qt.f.Model()
	res := m.Score(qt.persona.answers, scoring.Options{})
	state := qt.opts.Env.Get("XDG_STATE_HOME")
	for _, want := range []string{
		"Which product-management role fits you?",
		fmt.Sprintf("%d questions. Select an answer by its number", len(m.Bank().Questions)),
		"Your answers stay on this machine.",
		fmt.Sprintf("Your best fit: Growth Product Manager · %.0f%%", render.Round1(res.Roles[0].Fit)),
		"leaning to the",
		"Your answers and result are saved in " + filepath.Join(state, "pmfit", "result.json") +
			"; see them again with: pmfit score --answers " + filepath.Join(state, "pmfit", "result.json"),
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if strings.Contains(screen, "About the role") {
		t.Error("the full result was printed though the pager was declined")
	}
	if n := len(m.Bank().Questions); len(qt.persona.asked) != n {
		t.Errorf("asked %d questions, want %d", len(qt.persona.asked), n)
	}
	// The result file is an answer file that scores the same.
	f, ios := testFactory(t, nil)
	if code := Run(f, []string{"score", "--answers", filepath.Join(state, "pmfit", "result.json")}); code != 0 || !strings.Contains(ios.Out.(*bytes.Buffer).String(), "About the role: Growth Product Manager") {
		t.Errorf("scoring the saved result: exit %d\n%s%s", code, ios.Out, ios.ErrOut)
	}
	if _, err := os.Stat(filepath.Join(state, "pmfit", "progress.json")); !os.IsNotExist(err) {
		t.Errorf("the finished quiz left its progress file: %v", err)
	}

	// With --details the full result is printed at once, headline and
	// all, without a summary repeating it; when the pager is chosen
	// (PAGER=cat prints), it follows the summary.
	for _, tc := range []struct {
		setup     func()
		headlines int
	}{
		{func() { qt.opts.Details = true }, 1},
		{func() { qt.opts.Details = false; qt.persona.page = true }, 2},
	} {
		tc.setup()
		qt.persona.asked = nil
		if err := qt.run(); err != nil {
			t.Fatal(err)
		}
		if out := qt.out.String(); !strings.Contains(out, "About the role: Growth Product Manager") || strings.Count(out, "Your best fit:") != tc.headlines {
			t.Errorf("want the full result with %d headline(s):\n%s", tc.headlines, out)
		}
	}
}

// TestQuizKeepsAFullerResult: a short quiz taken after a full one does
// not replace the full one's saved result: it is kept in a dated backup,
// the screen says where, and the new result (a partial one) scores and
// draws without --partial.
func TestQuizKeepsAFullerResult(t *testing.T) {
	qt := newQuizTest(t, "growth-freemium.yaml", nil)
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(qt.opts.Env.Get("XDG_STATE_HOME"), "pmfit")
	result := filepath.Join(dir, "result.json")
	full, err := os.ReadFile(result)
	if err != nil {
		t.Fatal(err)
	}
	qt.opts.Short = stopLikely
	qt.persona.asked = nil
	qt.opts.Now = func() time.Time { return time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC) }
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "result.2026-11-25T13-00-00.json")
	kept, err := os.ReadFile(backup)
	if err != nil || string(kept) != string(full) {
		t.Fatalf("the full result is not kept in %s: %v", backup, err)
	}
	screen := strings.Join(strings.Fields(qt.out.String()), " ")
	if want := "Your earlier result, with 37 answers, is kept in " + backup; !strings.Contains(screen, want) {
		t.Errorf("screen lacks %q:\n%s", want, qt.out.String())
	}
	for _, args := range [][]string{{"score", "--answers", result}, {"report", result, "-o", filepath.Join(dir, "r.html")}} {
		f, ios := testFactory(t, nil)
		if code := Run(f, args); code != 0 {
			t.Errorf("pmfit %s on the short result: exit %d: %s", strings.Join(args, " "), code, ios.ErrOut)
		}
	}
	// A full quiz after the short one replaces it: it holds more.
	qt.opts.Short = ""
	qt.persona.asked = nil
	qt.opts.Now = func() time.Time { return time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC) }
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	if backups, _ := filepath.Glob(filepath.Join(dir, "result.*.json")); len(backups) != 1 {
		t.Errorf("backups %v: a fuller result replaced a shorter one and kept a copy", backups)
	}
}

// TestQuizJSONMatchesScore: --format json prints the result exactly as
// `pmfit score --format json` does for the same answers; --out files are
// answer files that score to the same result.
func TestQuizJSONMatchesScore(t *testing.T) {
	dir := t.TempDir()
	qt := newQuizTest(t, "pmm-launcher.yaml", nil)
	qt.opts.Format = "json"
	qt.opts.Out = filepath.Join(dir, "result.yaml")
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	quizJSON := qt.out.String()
	if strings.Contains(quizJSON, "Which product-management role") {
		t.Error("prompts leaked onto stdout with --format json")
	}
	if !strings.Contains(qt.errOut.String(), "37 questions.") {
		t.Error("with --format json the intro belongs on stderr")
	}
	if len(qt.persona.others) != 1 {
		t.Errorf("with --format json only the review is asked besides the questions: %q", qt.persona.others)
	}

	score := func(args ...string) string {
		f, ios := testFactory(t, nil)
		if code := Run(f, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, ios.ErrOut)
		}
		return ios.Out.(*bytes.Buffer).String()
	}
	want := score("score", "--answers", "../testdata/personas/pmm-launcher.yaml", "--format", "json")
	// The persona file names who answered; the quiz does not know.
	want = strings.Replace(want, "  \"id\": \"pmm-launcher\",\n", "", 1)
	if quizJSON != want {
		t.Errorf("quiz --format json differs from score --format json:\n%s\nvs\n%s", quizJSON, want)
	}
	if got := score("score", "--answers", qt.opts.Out, "--format", "json"); got != want {
		t.Errorf("scoring the --out YAML file gives a different result:\n%s", got)
	}

	qt.opts.Out = filepath.Join(dir, "result.json")
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	if got := score("score", "--answers", qt.opts.Out, "--format", "json"); got != want {
		t.Errorf("scoring the --out JSON file gives a different result:\n%s", got)
	}
	data, _ := os.ReadFile(qt.opts.Out)
	if !strings.HasPrefix(string(data), "{\n  \"answers\": {\n    \"degree\": \"marketing\",") || !strings.Contains(string(data), "\"result\": {\n    \"top\": \"pmm\",") {
		t.Errorf("--out JSON:\n%.300s", data)
	}
}

// TestQuizInterruptSavesAndResumes: Ctrl-C halfway saves the answers
// (0600), prints the exact resume command and exits 130; resuming asks
// only the rest and ends with the same result as answering straight
// through.
func TestQuizInterruptSavesAndResumes(t *testing.T) {
	straight := newQuizTest(t, "core-researcher.yaml", nil)
	straight.opts.Format = "json"
	if err := straight.run(); err != nil {
		t.Fatal(err)
	}

	state := t.TempDir()
	qt := newQuizTest(t, "core-researcher.yaml", map[string]string{"XDG_STATE_HOME": state})
	qt.opts.Format = "json"
	qt.opts.BankFlags = []string{"--lang", "en"}
	qt.persona.interruptAfter = 12
	err := qt.run()
	var exitErr *ExitError
	if !errors.As(err, &exitErr) || exitErr.Code != ExitInterrupted || exitErr.Err != nil {
		t.Fatalf("err = %v, want a silent exit 130", err)
	}
	path := filepath.Join(state, "pmfit", "progress.json")
	wantMsg := "Stopped with 12 of 37 questions answered. Your answers are saved in " + path + "\nResume with:\n  pmfit quiz --resume " + path + " --lang en\n"
	if unwrap := func(s string) string { return strings.ReplaceAll(s, "\n", " ") }; !strings.HasSuffix(unwrap(qt.errOut.String()), unwrap(wantMsg)) {
		t.Errorf("stderr:\n%s\nwant it to end with:\n%s", qt.errOut.String(), wantMsg)
	}
	if qt.out.Len() != 0 {
		t.Errorf("stdout after an interruption: %q", qt.out.String())
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("progress file mode %v, want 0600", st.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"pmfit": "quiz progress"`, `"bank": "pm-roles"`, `"saved": "2026-11-25T12:00:00Z"`, `"degree": "design"`, `"market-watch": 3`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("progress file lacks %s:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), `"main-team"`) {
		t.Errorf("progress file holds an answer never given:\n%s", data)
	}

	qt.persona.interruptAfter = 0
	qt.persona.asked = nil
	qt.opts.Resume = resumeDefault
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	if len(qt.persona.asked) != 25 || qt.persona.asked[0] != "main-team" {
		t.Errorf("resumed quiz asked %v, want the 25 unanswered, from main-team", qt.persona.asked)
	}
	if !strings.Contains(qt.errOut.String(), "Resuming: 12 of 37 questions already answered.") {
		t.Errorf("no resume note on stderr:\n%s", qt.errOut.String())
	}
	if qt.out.String() != straight.out.String() {
		t.Errorf("resumed result differs from answering straight through:\n%s\nvs\n%s", qt.out.String(), straight.out.String())
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("finished quiz left its progress file: %v", err)
	}
}

func TestQuizResumeFromAChangedBank(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "saved.json")
	saved := `{"pmfit": "quiz progress", "version": 1, "bank": "pm-roles", "digest": "sha256:0123456789abcdef",
	  "saved": "2026-11-25T12:00:00Z", "answers": {"degree": "law", "salary-expectations": 3, "read-code": 5}}`
	if err := os.WriteFile(path, []byte(saved), 0o600); err != nil {
		t.Fatal(err)
	}
	qt := newQuizTest(t, "tpm-platform.yaml", nil)
	qt.opts.Resume = path
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	screen := qt.out.String()
	for _, want := range []string{
		"Resuming: 1 of 37 questions already answered.",
		"The question bank changed since this progress was saved.",
		`Dropped "degree": the saved answer "law" is no longer allowed.`,
		`Dropped "salary-expectations": the question no longer exists.`,
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if len(qt.persona.asked) != 36 {
		t.Errorf("asked %d questions, want the 36 not kept", len(qt.persona.asked))
	}
}

// TestQuizTakesAnotherCareersBank: the quiz runs any bank.
func TestQuizTakesAnotherCareersBank(t *testing.T) {
	qt := newQuizTestWithBank(t, "../testdata/banks/data-roles.yaml", "../testdata/data-roles/ml-engineer.yaml", nil)
	qt.opts.Details = true
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	screen := strings.ReplaceAll(qt.out.String(), "\n", " ")
	for _, want := range []string{"Which data role fits you?", "12 questions.", "Your best fit: Machine Learning Engineer", "Where you sit: Building"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if len(qt.persona.asked) != 12 {
		t.Errorf("asked %d questions, want 12", len(qt.persona.asked))
	}
}

// firstChoicePrompter takes the first option of everything and records
// every text it was shown.
type firstChoicePrompter struct{ shown []string }

func (p *firstChoicePrompter) Select(pr quiz.Prompt) (int, error) {
	p.shown = append(append(append(p.shown, pr.Progress, pr.Message, pr.Help), pr.Options...), pr.Details...)
	switch {
	case strings.HasPrefix(pr.Options[len(pr.Options)-1], "✔"):
		return len(pr.Options) - 1, nil // submit the review
	case strings.Contains(pr.Message, "full result"):
		return 1, nil // no pager
	}
	return 0, nil
}

func (p *firstChoicePrompter) MultiSelect(pr quiz.Prompt) ([]int, error) {
	p.shown = append(append(p.shown, pr.Progress, pr.Message, pr.Help), pr.Options...)
	return []int{0}, nil
}

// TestQuizNeutralisesHostileBanks: escape sequences planted in a bank
// reach neither the prompts nor the screen raw.
func TestQuizNeutralisesHostileBanks(t *testing.T) {
	f, ios := testFactory(t, map[string]string{"XDG_STATE_HOME": t.TempDir()})
	f.BankFile = "../testdata/banks/hostile.yaml"
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	fp := &firstChoicePrompter{}
	var opts *QuizOptions
	cmd := NewCmdQuiz(f, func(o *QuizOptions) error { opts = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	opts.NewPrompter = func(*QuizOptions, io.Writer) (quiz.Prompter, error) { return fp, nil }
	if err := quizRun(opts); err != nil {
		t.Fatal(err)
	}
	if len(fp.shown) < 20 {
		t.Fatalf("only %d texts shown", len(fp.shown))
	}
	for _, text := range append(fp.shown, ios.Out.(*bytes.Buffer).String()) {
		if i := strings.IndexFunc(text, func(r rune) bool {
			return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
		}); i >= 0 {
			t.Errorf("raw control character %U in %q", []rune(text[i:])[0], text)
		}
	}
}

// TestQuizInSpanish: with the locale set to Spanish, the quiz asks, and
// shows the result, in Spanish.
func TestQuizInSpanish(t *testing.T) {
	qt := newQuizTest(t, "apm-graduate.yaml", map[string]string{"LANG": "es_ES.UTF-8"})
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	screen := strings.ReplaceAll(qt.out.String(), "\n", " ")
	for _, want := range []string{
		"¿Qué rol de gestión de producto encaja contigo?",
		"37 preguntas. Selecciona una respuesta por su número",
		"Tus respuestas no salen de este equipo.",
		"Tu rol más afín: Gerente de producto asociado",
		"Tus respuestas y el resultado están guardados en",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if p := qt.persona.progress; len(p) != 37 || !strings.HasPrefix(p[0], "Pregunta 1 de 37 · quedan unos ") {
		t.Errorf("progress lines %q…", p[:min(2, len(p))])
	}
	if r := qt.persona.reviews; len(r) != 1 || !strings.HasPrefix(r[0], "Repasa tus respuestas") {
		t.Errorf("review %q", r)
	}
}

func TestQuizRefusesWithoutATerminal(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*quizTest)
		want  string
	}{
		{"stdin piped", func(qt *quizTest) { qt.opts.IO.SetStdinTTY(false) }, "stdin is not a terminal"},
		{"stdout and stderr piped", func(qt *quizTest) { qt.opts.IO.SetStdoutTTY(false); qt.opts.IO.SetStderrTTY(false) }, "neither stdout nor stderr is a terminal"},
		{"--no-input", func(qt *quizTest) { qt.opts.NoInput = true }, "prompting is turned off (--no-input or CI=true)"},
		{"json with stderr piped", func(qt *quizTest) { qt.opts.Format = "json"; qt.opts.IO.SetStderrTTY(false) }, "neither stdout nor stderr is a terminal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qt := newQuizTest(t, "apm-graduate.yaml", nil)
			tt.setup(qt)
			err := qt.run()
			var inputErr *InputError
			if !errors.As(err, &inputErr) || exitCode(err) != ExitUsage {
				t.Fatalf("err = %v, want an input error (exit 2)", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "pmfit score --answer ID=VALUE") {
				t.Errorf("message %q lacks %q or the way out", err, tt.want)
			}
			if len(qt.persona.asked) != 0 {
				t.Error("asked questions without a terminal")
			}
		})
	}
	// JSON or text to a pipe is fine: the questions go to the terminal on
	// stderr, and piped text gets the full result, with no pager.
	for _, format := range []string{"json", "text"} {
		qt := newQuizTest(t, "apm-graduate.yaml", nil)
		qt.opts.Format = format
		qt.opts.IO.SetStdoutTTY(false)
		if err := qt.run(); err != nil {
			t.Errorf("quiz --format %s > file: %v", format, err)
		}
		if strings.Contains(qt.out.String(), "Question 1 of") || !strings.Contains(qt.errOut.String(), "37 questions.") {
			t.Errorf("--format %s to a pipe: prompts not on stderr", format)
		}
		if format == "text" && !strings.Contains(qt.out.String(), "About the role") {
			t.Errorf("piped text lacks the full result:\n%s", qt.out.String())
		}
	}
}

func TestQuizFlags(t *testing.T) {
	tests := []struct {
		args    []string
		check   func(*QuizOptions) bool
		wantErr string
	}{
		{[]string{"--resume"}, func(o *QuizOptions) bool { return o.Resume == resumeDefault }, ""},
		{[]string{"--resume", "saved.json"}, func(o *QuizOptions) bool { return o.Resume == "saved.json" }, ""},
		{[]string{"--resume=saved.json"}, func(o *QuizOptions) bool { return o.Resume == "saved.json" }, ""},
		{[]string{"--shuffle", "--seed", "42"}, func(o *QuizOptions) bool { return o.Shuffle && o.SeedSet && o.Seed == 42 }, ""},
		{[]string{"--seed", "42"}, nil, "--seed needs --shuffle"},
		{[]string{"--out", "result.txt"}, nil, "must end in .json, .yaml or .yml"},
		{[]string{"--report", "me.pdf"}, nil, "--report me.pdf: the file name must end in .html"},
		{[]string{"--report", "me.html"}, func(o *QuizOptions) bool { return o.Report == "me.html" }, ""},
		{[]string{"extra"}, nil, "takes no arguments"},
		{[]string{"--format", "csv"}, nil, `invalid value "csv" for --format`},
	}
	for _, tt := range tests {
		f, _ := testFactory(t, nil)
		var got *QuizOptions
		cmd := NewCmdQuiz(f, func(o *QuizOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || exitCode(err) != ExitUsage {
				t.Errorf("%v: err = %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !tt.check(got) {
			t.Errorf("%v: err = %v, options %+v", tt.args, err, got)
		}
	}
}

// TestQuizResumesProgressFromTheFirstBank: a quiz saved part-way under
// the first default bank (31 questions) resumes under the current one,
// as the README says: answers to questions still asked the same way are
// kept, every other one is listed as dropped, and only the rest is asked.
func TestQuizResumesProgressFromTheFirstBank(t *testing.T) {
	// A finished quiz removes the progress it resumed: work on a copy.
	data, err := os.ReadFile("../testdata/progress/v1-core-researcher.json")
	if err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "progress.json")
	if err := os.WriteFile(saved, data, 0o600); err != nil {
		t.Fatal(err)
	}
	qt := newQuizTest(t, "core-researcher.yaml", nil)
	qt.opts.Resume = saved
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	screen := qt.out.String()
	want := []string{
		"Resuming: 13 of 37 questions already answered.",
		"The question bank changed since this progress was saved.",
	}
	for _, id := range []string{"conversion", "customer-talk", "growth-cold", "gtm-meetings", "how-over-why", "market-value", "org-size"} {
		want = append(want, fmt.Sprintf("Dropped %q: the question no longer exists.", id))
	}
	for _, w := range want {
		if !strings.Contains(screen, w) {
			t.Errorf("screen lacks %q\n%s", w, screen)
		}
	}
	for _, kept := range []string{"degree", "document", "main-team", "non-technical"} {
		for _, asked := range qt.persona.asked {
			if asked == kept {
				t.Errorf("asked %s again, though its saved answer still fits", kept)
			}
		}
	}
	if len(qt.persona.asked) != 37-13 {
		t.Errorf("asked %d questions, want the 24 not kept", len(qt.persona.asked))
	}
}

// progressAt reads the progress file at path: its answer count, or -1
// when there is none.
func progressAt(t *testing.T, b *quiz.Bank, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return -1
	}
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := b.DecodeProgress(path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return p.Answers.Count()
}

// TestQuizSavesAfterEveryAnswer: the progress file always holds every
// answer given so far, so a kill -9 or a crash loses nothing.
func TestQuizSavesAfterEveryAnswer(t *testing.T) {
	qt := newQuizTest(t, "po-scrum.yaml", nil)
	path, _ := qt.opts.progressPath()
	var counts []int
	qt.persona.beforeAsking = func(asked int) { counts = append(counts, progressAt(t, qt.persona.bank, path)) }
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	for asked, n := range counts {
		want := asked
		if asked == 0 {
			want = -1 // nothing answered, nothing written
		}
		if n != want {
			t.Fatalf("before question %d the progress file held %d answers, want %d (all: %v)", asked+1, n, want, counts)
		}
	}
	if len(counts) != 37 {
		t.Errorf("checked %d times", len(counts))
	}
}

// savedQuizTest leaves a quiz interrupted after n answers and returns the
// progress file's path and content.
func savedQuizTest(t *testing.T, persona string, n int) (*quizTest, string, []byte) {
	t.Helper()
	qt := newQuizTest(t, persona, nil)
	qt.persona.interruptAfter = n
	if err := qt.run(); exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	path, _ := qt.opts.progressPath()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	qt.persona.interruptAfter = 0
	qt.persona.asked = nil
	return qt, path, data
}

// backups lists the backup files beside a progress file.
func backups(t *testing.T, path string) []string {
	t.Helper()
	found, err := filepath.Glob(strings.TrimSuffix(path, ".json") + ".20*.json")
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestQuizOffersToResume: a plain `pmfit quiz` with a quiz saved asks
// whether to resume it; resuming asks only the rest.
func TestQuizOffersToResume(t *testing.T) {
	qt, _, _ := savedQuizTest(t, "po-scrum.yaml", 5)
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	if len(qt.persona.others) == 0 || !strings.Contains(qt.persona.others[len(qt.persona.others)-3], "You have a quiz saved on 2026-11-25") {
		t.Errorf("prompts besides questions: %q", qt.persona.others)
	}
	if len(qt.persona.asked) != 32 || !strings.Contains(qt.out.String(), "Resuming: 5 of 37 questions already answered.") {
		t.Errorf("resumed with %d questions asked:\n%s", len(qt.persona.asked), qt.out.String())
	}
}

// TestQuizStartOverKeepsTheSavedQuiz: starting over moves the saved quiz
// aside rather than replacing it, even if the new one is stopped before
// its first answer.
func TestQuizStartOverKeepsTheSavedQuiz(t *testing.T) {
	qt, path, before := savedQuizTest(t, "po-scrum.yaml", 5)
	qt.persona.savedChoice = func() (int, error) { return 1, nil }
	qt.persona.stopAtFirst = true
	err := qt.run()
	if exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	found := backups(t, path)
	if len(found) != 1 {
		t.Fatalf("backups %v", found)
	}
	if data, _ := os.ReadFile(found[0]); string(data) != string(before) {
		t.Errorf("the backup differs from the saved quiz")
	}
	if n := progressAt(t, qt.persona.bank, path); n != -1 {
		t.Errorf("after starting over and stopping at once, the progress file holds %d answers", n)
	}
	if screen := strings.ReplaceAll(qt.out.String(), "\n", " "); !strings.Contains(screen, "The saved answers are kept in "+found[0]) || !strings.Contains(screen, "Stopped before the first answer: nothing to save.") {
		t.Errorf("screen:\n%s", qt.out.String())
	}
}

// TestQuizStoppedAtTheOfferChangesNothing: Ctrl-D at the offer to resume
// leaves the saved quiz exactly as it was.
func TestQuizStoppedAtTheOfferChangesNothing(t *testing.T) {
	qt, path, before := savedQuizTest(t, "po-scrum.yaml", 5)
	qt.persona.savedChoice = func() (int, error) { return 0, quiz.ErrInterrupted }
	if err := qt.run(); exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != string(before) {
		t.Errorf("the saved quiz changed")
	}
	if len(backups(t, path)) != 0 || len(qt.persona.asked) != 0 {
		t.Errorf("backups %v, asked %v", backups(t, path), qt.persona.asked)
	}
}

// TestQuizChecksWhereAnswersGoFirst: an --out or --save that cannot be
// written is refused before the first question (exit 2).
func TestQuizChecksWhereAnswersGoFirst(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "read-only")
	if err := os.Mkdir(readOnly, 0o500); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		setup func(*QuizOptions)
		want  string
	}{
		{"--out in a missing folder", func(o *QuizOptions) { o.Out = filepath.Join(dir, "nope", "me.json") }, "the folder " + filepath.Join(dir, "nope") + " does not exist"},
		{"--out a folder", func(o *QuizOptions) { o.Out = dir + "/x.json"; _ = os.Mkdir(o.Out, 0o700) }, "is a folder"},
		{"--save in a missing folder", func(o *QuizOptions) { o.Save = filepath.Join(dir, "nope", "p.json") }, "does not exist"},
	}
	if os.Geteuid() != 0 { // root writes anywhere
		cases = append(cases, struct {
			name  string
			setup func(*QuizOptions)
			want  string
		}{"--out in a read-only folder", func(o *QuizOptions) { o.Out = filepath.Join(readOnly, "me.json") }, "cannot write in"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qt := newQuizTest(t, "po-scrum.yaml", nil)
			c.setup(qt.opts)
			err := qt.run()
			if exitCode(err) != ExitUsage || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want exit 2 with %q", err, c.want)
			}
			if len(qt.persona.asked) != 0 {
				t.Errorf("asked %d questions first", len(qt.persona.asked))
			}
		})
	}
}

// TestQuizKeepsTheAnswersWhenTheResultCannotBeWritten: if --out fails at
// the end after all, the answers stay saved, and the message says where.
func TestQuizKeepsTheAnswersWhenTheResultCannotBeWritten(t *testing.T) {
	qt := newQuizTest(t, "po-scrum.yaml", nil)
	outDir := filepath.Join(t.TempDir(), "results")
	if err := os.Mkdir(outDir, 0o700); err != nil {
		t.Fatal(err)
	}
	qt.opts.Out = filepath.Join(outDir, "me.json")
	qt.persona.beforeAsking = func(asked int) {
		if asked == 36 {
			os.RemoveAll(outDir) // gone while the person answers
		}
	}
	err := qt.run()
	path, _ := qt.opts.progressPath()
	if exitCode(err) != ExitFailure || !strings.Contains(err.Error(), "Your answers are saved in "+path) {
		t.Fatalf("err = %v", err)
	}
	if n := progressAt(t, qt.persona.bank, path); n != 37 {
		t.Errorf("progress holds %d answers, want 37", n)
	}
}

// TestQuizAccessibleIsPlainText: --accessible takes the whole quiz through
// numbered lines and prints the result with no escape byte, no bars, no
// gauge and no arrows, numbered once.
func TestQuizAccessibleIsPlainText(t *testing.T) {
	qt := newQuizTest(t, "core-researcher.yaml", nil)
	b := qt.persona.bank
	var keys strings.Builder
	for qi, a := range qt.persona.answers {
		q := &b.Questions[qi]
		switch q.Kind {
		case quiz.Likert:
			fmt.Fprintf(&keys, "%d\n", a.Level-q.Scale.Min+1)
		case quiz.Single:
			fmt.Fprintf(&keys, "%d\n", a.Choice+1)
		case quiz.Multi:
			var picks []string
			for _, i := range a.Picked() {
				picks = append(picks, fmt.Sprint(i+1))
			}
			fmt.Fprintf(&keys, "%s\n", strings.Join(picks, ","))
		}
	}
	fmt.Fprintf(&keys, "%d\n", len(b.Questions)+1) // submit
	qt.opts.IO.In = strings.NewReader(keys.String())
	qt.opts.IO.SetColorEnabled(true) // accessible wins over colour
	qt.opts.Accessible = true
	qt.opts.NewPrompter = newPrompter
	if err := qt.run(); err != nil {
		t.Fatalf("%v\n%s", err, qt.out.String())
	}
	screen := qt.out.String()
	if !strings.Contains(screen, "Your best fit: Core Product Manager") || !strings.Contains(screen, "About the role: Core Product Manager") {
		t.Fatalf("no result:\n%s", screen)
	}
	for _, bad := range []string{"\x1b", "█", "░", "├", "●", "▲", "▼", "❯"} {
		if strings.Contains(screen, bad) {
			t.Errorf("accessible output holds %q", bad)
		}
	}
	if strings.Contains(screen, " 1.  1.") || strings.Contains(screen, "11. 10.") {
		t.Error("the review is numbered twice")
	}
	if !strings.Contains(screen, "  1. Which field did you study, or train in, most? → ") {
		t.Errorf("review rows are not the questions' own numbers:\n%s", screen)
	}
}

// TestResumeCommandNamesARunnablePmfit: the printed command starts with
// something that runs: pmfit on PATH, "go run ." under go run, else the
// binary's own path.
func TestResumeCommandNamesARunnablePmfit(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "pmfit")
	other := filepath.Join(dir, "other-pmfit")
	for _, f := range []string{bin, other} {
		if err := os.WriteFile(f, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	goRun := filepath.Join(dir, "go-build123", "b001", "exe", "pmfit")
	for _, tt := range []struct {
		self, onPath, arg0 string
		want               string
	}{
		{bin, bin, "pmfit", "pmfit"},
		{bin, "", bin, bin},
		{bin, other, bin, bin},
		{goRun, "", goRun, "go run ."},
		{goRun, other, goRun, "go run ."},
	} {
		if got := strings.Join(executableFor(tt.self, tt.onPath, tt.arg0), " "); got != tt.want {
			t.Errorf("executableFor(%q, %q, %q) = %q, want %q", tt.self, tt.onPath, tt.arg0, got, tt.want)
		}
	}
}

// TestQuizStoppedWithUnsavableAnswersExitsOne: if the answers cannot be
// saved when the quiz stops, it says so and does not claim exit 130.
func TestQuizStoppedWithUnsavableAnswersExitsOne(t *testing.T) {
	qt := newQuizTest(t, "po-scrum.yaml", nil)
	dir := filepath.Join(t.TempDir(), "saves")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	qt.opts.Save = filepath.Join(dir, "p.json")
	qt.persona.beforeAsking = func(asked int) {
		if asked == 2 {
			os.RemoveAll(dir)
		}
	}
	qt.persona.interruptAfter = 4
	err := qt.run()
	if exitCode(err) != ExitFailure || !strings.Contains(err.Error(), "your 4 answers could not be saved") {
		t.Fatalf("err = %v (exit %d), want exit 1 saying the answers were not saved", err, exitCode(err))
	}
	if !strings.Contains(qt.errOut.String(), "your answers could not be saved") {
		t.Errorf("no warning when a save failed:\n%s", qt.errOut.String())
	}
}

// TestQuizWritesAReport: --report draws the person's page at the end,
// the same page `pmfit report` draws from the saved result.
func TestQuizWritesAReport(t *testing.T) {
	qt := newQuizTest(t, "growth-funnel.yaml", nil)
	dir := t.TempDir()
	qt.opts.Report = filepath.Join(dir, "me.html")
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(qt.opts.Report)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(qt.opts.Report); st.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v, want 0600", st.Mode().Perm())
	}
	result := filepath.Join(qt.opts.Env.Get("XDG_STATE_HOME"), "pmfit", "result.json")
	f, ios := testFactory(t, nil)
	if code := Run(f, []string{"report", result}); code != 0 {
		t.Fatalf("pmfit report: exit %d: %s", code, ios.ErrOut)
	}
	if string(page) != ios.Out.(*bytes.Buffer).String() {
		t.Error("the quiz's report differs from pmfit report on its saved result")
	}
	if !strings.Contains(strings.ReplaceAll(qt.out.String(), "\n", " "), "Also written to "+qt.opts.Report) {
		t.Errorf("the quiz does not say where the report is:\n%s", qt.out.String())
	}
}

// TestQuizShort: --short=proof asks fewer questions than the bank has,
// stops on the full form's top role, says after how many and why, records
// the mode and rule in the progress file, and resumes as a short quiz by
// the same rule.
func TestQuizShort(t *testing.T) {
	qt := newQuizTest(t, "growth-freemium.yaml", nil)
	qt.opts.Short = stopProof
	qt.persona.interruptAfter = 5
	if err := qt.run(); exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	path, _ := qt.opts.progressPath()
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"mode": "short",`+"\n"+`  "stop": "proof"`) {
		t.Errorf("the progress file does not record the short mode and its rule:\n%s", data)
	}
	// Resumed without --short: still the short quiz, by proof.
	qt.persona.interruptAfter = 0
	qt.opts.Short = ""
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	n := len(qt.persona.bank.Questions)
	asked := len(qt.persona.asked)
	if asked >= n || asked < 10 {
		t.Fatalf("asked %d of %d questions", asked, n)
	}
	want := fmt.Sprintf("Decided after %d of %d questions: no answer to the other %d could change your best fit.", asked, n, n-asked)
	if len(qt.persona.decided) != 1 || qt.persona.decided[0] != want {
		t.Errorf("decision %q, want %q", qt.persona.decided, want)
	}
	screen := strings.ReplaceAll(qt.out.String(), "\n", " ")
	if strings.Contains(screen, "could still change") {
		t.Error("a decided short quiz says the rest could change the result")
	}
	for _, w := range []string{"The short quiz:", "no answer to the rest could change", "Growth Product Manager", want, "pmfit score --answers"} {
		if !strings.Contains(screen, w) {
			t.Errorf("screen lacks %q:\n%s", w, qt.out.String())
		}
	}
}

// TestQuizShortLikely: --short stops once the full quiz would very likely
// agree, sooner than the proof, and says how likely, beside how often the
// full quiz changes on a retake; the result says the same, and the
// progress file records the rule.
func TestQuizShortLikely(t *testing.T) {
	qt := newQuizTest(t, "growth-freemium.yaml", nil)
	qt.opts.Short = stopLikely
	qt.persona.interruptAfter = 3
	if err := qt.run(); exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	path, _ := qt.opts.progressPath()
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), `"stop": "likely"`) {
		t.Errorf("the progress file does not record the rule:\n%s", data)
	}
	qt.persona.interruptAfter = 0
	qt.opts.Short = ""
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	b := qt.persona.bank
	n, asked := len(b.Questions), len(qt.persona.asked)
	m := scoring.New(b)
	part := b.NewAnswers()
	for {
		st := m.NextStep(part, scoring.StopLikely)
		if st.Stop {
			if st.Decision.Decided {
				t.Skip("this persona's quick take ends in a proof")
			}
			break
		}
		part[st.Next] = qt.persona.answers[st.Next]
	}
	if asked != part.Count() || asked >= 20 {
		t.Fatalf("asked %d questions, the model's take %d", asked, part.Count())
	}
	lk := m.Likely(part)
	retake := analysis.RetakeAgreement(m, retakeRespondents, 1)
	// The sentence for this take's own figures (its rounding is
	// render's TestStoppedLikelyNote).
	want := render.StoppedLikelyNote(i18n.New("en"), asked, n, lk.Probability, retake)
	if len(qt.persona.decided) != 1 || qt.persona.decided[0] != want {
		t.Errorf("stop %q, want %q", qt.persona.decided, want)
	}
	screen := strings.Join(strings.Fields(qt.out.String()), " ")
	if !strings.Contains(screen, "Your best fit: Growth Product Manager") || !strings.Contains(screen, fmt.Sprintf("Stopped after %d of %d questions: about 1 in", asked, n)) {
		t.Errorf("the result does not tell the quick stop's story:\n%s", qt.out.String())
	}
}

// TestQuizResumeMissingFailsFirst: --resume naming no saved quiz fails
// before anything is shown, as a usage error about --resume.
func TestQuizResumeMissingFailsFirst(t *testing.T) {
	qt := newQuizTest(t, "growth-freemium.yaml", nil)
	missing := filepath.Join(t.TempDir(), "missing.json")
	qt.opts.Resume = missing
	err := qt.run()
	if exitCode(err) != ExitUsage {
		t.Fatalf("err = %v (exit %d), want exit %d", err, exitCode(err), ExitUsage)
	}
	if want := "--resume " + missing + ": no saved quiz there"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to start %q", err, want)
	}
	if qt.out.Len() > 0 || len(qt.persona.asked) > 0 {
		t.Errorf("something was shown or asked first:\n%s", qt.out.String())
	}
}

// TestQuizBankChangeKeepsABackup: resuming progress saved with another
// version of the bank keeps the file as it was, in a dated backup, even
// when every saved answer still fits (as the README says).
func TestQuizBankChangeKeepsABackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "saved.json")
	saved := `{"pmfit": "quiz progress", "version": 1, "bank": "pm-roles", "digest": "sha256:0123456789abcdef",
	  "saved": "2026-11-25T12:00:00Z", "answers": {"read-code": 5}}`
	if err := os.WriteFile(path, []byte(saved), 0o600); err != nil {
		t.Fatal(err)
	}
	qt := newQuizTest(t, "tpm-platform.yaml", nil)
	qt.opts.Resume = path
	qt.persona.interruptAfter = 1
	if err := qt.run(); exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, "saved.*.json"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	if data, _ := os.ReadFile(backups[0]); string(data) != saved {
		t.Errorf("the backup is not the file as it was:\n%s", data)
	}
	if !strings.Contains(strings.Join(strings.Fields(qt.out.String()), " "), "The saved answers are kept in "+backups[0]) {
		t.Errorf("the screen does not say where the backup is:\n%s", qt.out.String())
	}
}

// TestQuizWhatItWouldTake: the full result ends with what it would take
// for the runner-up to rank first, or for the role --to names; an unknown
// --to is refused before the first question, with the nearest role.
func TestQuizWhatItWouldTake(t *testing.T) {
	qt := newQuizTest(t, "growth-funnel.yaml", nil)
	qt.opts.Details = true
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	m, _ := qt.f.Model()
	res := m.Score(qt.persona.answers, scoring.Options{})
	runnerUp := m.Bank().Roles[res.Roles[1].Role]
	if out := qt.out.String(); !strings.Contains(out, "What it would take: "+runnerUp.Name+"\n") {
		t.Errorf("no route to the runner-up, %s:\n%s", runnerUp.Name, out)
	}

	qt.opts.To = "tpm"
	qt.persona.asked = nil
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	if out := qt.out.String(); !strings.Contains(out, "What it would take: Technical Product Manager\n") || !strings.Contains(out, "'pmfit path --to tpm' with the same answers") {
		t.Errorf("no route to the role --to names:\n%s", out)
	}

	qt.opts.To = "tmp"
	qt.persona.asked = nil
	err := qt.run()
	if exitCode(err) != ExitUsage || !strings.Contains(err.Error(), `did you mean "tpm"?`) {
		t.Fatalf("err = %v (exit %d), want a usage error naming tpm", err, exitCode(err))
	}
	if len(qt.persona.asked) > 0 {
		t.Errorf("%d questions asked before --to was refused", len(qt.persona.asked))
	}
}
