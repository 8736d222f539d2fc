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
		// The review, in any language: its first option submits.
		if len(pr.Options) == 0 || !strings.HasPrefix(pr.Options[0], "✔") {
			p.t.Fatalf("unexpected prompt %q", pr.Message)
		}
		p.reviews = append(p.reviews, pr.Message)
		return 0, nil
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

func (p *personaPrompter) count(qi int) error {
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
	for _, want := range []string{
		"Which product-management role fits you?",
		fmt.Sprintf("%d questions. Use ↑ and ↓ to move", len(m.Bank().Questions)),
		"Your answers stay on this machine.",
		fmt.Sprintf("Your best fit: Growth Product Manager · %.0f%%", render.Round1(res.Roles[0].Fit)),
		"Where you sit: Focus",
		"About the role: Growth Product Manager",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if n := len(m.Bank().Questions); len(qt.persona.asked) != n {
		t.Errorf("asked %d questions, want %d", len(qt.persona.asked), n)
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
	if !strings.HasSuffix(qt.errOut.String(), wantMsg) {
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
	p.shown = append(append(p.shown, pr.Progress, pr.Message, pr.Help), pr.Options...)
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
		"37 preguntas. Usa ↑ y ↓ para moverte",
		"Tus respuestas no salen de este equipo.",
		"Tu rol más afín: Gerente de producto asociado",
		"Sobre el rol: Gerente de producto asociado",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if p := qt.persona.progress; len(p) != 37 || p[0] != "Pregunta 1 de 37" {
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
		{"stdout piped", func(qt *quizTest) { qt.opts.IO.SetStdoutTTY(false) }, "stdout is not a terminal"},
		{"--no-input", func(qt *quizTest) { qt.opts.NoInput = true }, "prompting is turned off (--no-input or CI=true)"},
		{"json with stderr piped", func(qt *quizTest) { qt.opts.Format = "json"; qt.opts.IO.SetStderrTTY(false) }, "stderr is not a terminal"},
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
	// JSON to a pipe is fine: the questions go to the terminal on stderr.
	qt := newQuizTest(t, "apm-graduate.yaml", nil)
	qt.opts.Format = "json"
	qt.opts.IO.SetStdoutTTY(false)
	if err := qt.run(); err != nil {
		t.Errorf("quiz --format json > file: %v", err)
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

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{"/tmp/p.json": "/tmp/p.json", "/tmp/my file.json": "'/tmp/my file.json'", "it's": `'it'\''s'`} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
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
