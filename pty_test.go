//go:build !windows

package main

// These tests take the real, built pmfit binary through the quiz on a
// pseudo-terminal, as a person would: survey's own approach, with
// go-expect driving the keys and vt10x playing the terminal (it answers
// the cursor-position queries survey sends).

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"github.com/pmfit/pmfit/internal/quiz"
)

const (
	keyDown  = "\x1b[B"
	keyUp    = "\x1b[A"
	keyEnter = "\r"
	keySpace = " "
	keyCtrlC = "\x03"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// pmfitBinary builds pmfit once per test run, with the go command that
// runs the tests.
func pmfitBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pmfit-pty-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "pmfit")
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			goTool = "go"
		}
		out, err := exec.Command(goTool, "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// ptySession is pmfit running on a pseudo-terminal.
type ptySession struct {
	t    *testing.T
	c    *expect.Console
	term vt10x.Terminal
	raw  *syncBuffer // every byte pmfit wrote, escape sequences included
	cmd  *exec.Cmd
	bank *quiz.Bank
}

// syncBuffer is a bytes.Buffer safe to write from the console's reader
// and read from the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

func startPTY(t *testing.T, state string, env []string, args ...string) *ptySession {
	t.Helper()
	// vt10x writes its replies (cursor position reports) to this second
	// pty; the console copies them in as typed input.
	replies, repliesTTY, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	term := vt10x.New(vt10x.WithWriter(repliesTTY), vt10x.WithSize(100, 40))
	raw := &syncBuffer{}
	c, err := expect.NewConsole(expect.WithStdin(replies), expect.WithStdout(term, raw),
		expect.WithCloser(replies, repliesTTY), expect.WithDefaultTimeout(15*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: 100, Rows: 40}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(pmfitBinary(t), args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Tty(), c.Tty(), c.Tty()
	// Its own session with the pty as controlling terminal, as in a real
	// terminal: Ctrl-C between prompts then sends SIGINT.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	cmd.Env = append([]string{"TERM=xterm-256color", "HOME=" + state, "XDG_STATE_HOME=" + state, "PATH=" + os.Getenv("PATH")}, env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &ptySession{t: t, c: c, term: term, raw: raw, cmd: cmd, bank: defaultBankForTest(t)}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		c.Close()
	})
	return s
}

func defaultBankForTest(t *testing.T) *quiz.Bank {
	b, err := quiz.LoadBank("questions.yaml", defaultBank, quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (s *ptySession) expect(text string) {
	s.t.Helper()
	if out, err := s.c.ExpectString(text); err != nil {
		s.t.Fatalf("waiting for %q: %v\nscreen:\n%s\nlast output: %q", text, err, s.term.String(), tail(out, 400))
	}
}

func (s *ptySession) send(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if _, err := s.c.Send(k); err != nil {
			s.t.Fatal(err)
		}
	}
}

// ready waits for question qi's prompt to be drawn and for the terminal
// to be in raw mode, so keys reach survey as keys. Survey draws before it
// switches modes, and nothing it writes marks the switch, so the test
// watches the terminal's own mode.
func (s *ptySession) ready(qi int) {
	s.t.Helper()
	s.expect(fmt.Sprintf("Question %d of %d", qi+1, len(s.bank.Questions)))
	s.prompt()
}

// prompt waits for a survey prompt to be drawn and listening.
func (s *ptySession) prompt() {
	s.t.Helper()
	s.expect("[Use arrows to move")
	s.waitRaw()
}

func (s *ptySession) waitRaw() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		tio, err := unix.IoctlGetTermios(int(s.c.Tty().Fd()), unix.TCGETS)
		if err != nil {
			s.t.Fatal(err)
		}
		if tio.Lflag&unix.ICANON == 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	s.t.Fatalf("the terminal never left canonical mode; screen:\n%s", s.term.String())
}

// answer chooses answer a to question qi with arrow keys, Space and
// Enter, the cursor starting at from.
func (s *ptySession) answer(qi int, a quiz.Answer, from int) {
	s.t.Helper()
	q := &s.bank.Questions[qi]
	switch q.Kind {
	case quiz.Multi:
		picked := a.Picked()
		for i := 0; i <= picked[len(picked)-1]; i++ {
			if contains(picked, i) {
				s.send(keySpace)
			}
			if i < picked[len(picked)-1] {
				s.send(keyDown)
			}
		}
	default:
		target := a.Choice
		if q.Kind == quiz.Likert {
			target = a.Level - q.Scale.Min
		}
		for i := from; i < target; i++ {
			s.send(keyDown)
		}
		for i := from; i > target; i-- {
			s.send(keyUp)
		}
	}
	s.send(keyEnter)
}

func (s *ptySession) wait() int {
	s.t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	// Keep reading, so the program never blocks on a full terminal.
	go func() { _, _ = s.c.ExpectEOF() }()
	select {
	case err := <-done:
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return exitErr.ExitCode()
		}
		if err != nil {
			s.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		s.t.Fatalf("pmfit did not exit; screen:\n%s", s.term.String())
		return -1
	}
}

func loadPersonaForTest(t *testing.T, b *quiz.Bank, name string) quiz.Answers {
	t.Helper()
	path := filepath.Join("testdata/personas", name)
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

// TestQuizOnATerminal answers every question with keystrokes, goes back
// once, changes an answer at the review, and reads the results screen.
func TestQuizOnATerminal(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "quiz")
	answers := loadPersonaForTest(t, s.bank, "tpm-platform.yaml")
	s.expect("Which product-management role fits you?")
	for qi := range s.bank.Questions {
		s.ready(qi)
		s.answer(qi, answers[qi], 0)
		if qi == 4 {
			// Go back from question 6 to question 5: Up from the first
			// option wraps to "Back", the last.
			s.ready(5)
			s.send(keyUp, keyEnter)
			s.ready(4)
			// Revisiting opens at the current answer: Enter keeps it.
			s.send(keyEnter)
		}
	}
	s.expect("Review your answers")
	s.prompt()
	// Change question 13 (main-team: engineering → data) and submit.
	mainTeam, _ := s.bank.Question("main-team")
	for i := 0; i <= mainTeam; i++ {
		s.send(keyDown)
	}
	s.send(keyEnter)
	s.ready(mainTeam)
	s.send(keyDown, keyEnter) // from "Engineering" (the current answer) to "Data or analytics"
	s.expect("Review your answers")
	s.expect("[Use arrows to move")
	s.expect("13. Who do you spend the most working time with… → Data or analytics people")
	s.waitRaw()
	s.send(keyEnter) // the cursor opens on "Submit"
	// Colour codes separate the label from the name in the raw stream.
	s.expect("Your best fit:")
	s.expect("Technical Product Manager")
	s.expect("About the role: Technical Product Manager")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	screen := s.term.String()
	for _, stray := range []string{"\x1b", "[B", "[A", "^["} {
		if strings.Contains(screen, stray) {
			t.Errorf("stray %q on the screen:\n%s", stray, screen)
		}
	}
}

// TestQuizInterruptedOnATerminal presses Ctrl-C halfway, checks the
// progress file, resumes, finishes, and compares the result with scoring
// the same answers straight through.
func TestQuizInterruptedOnATerminal(t *testing.T) {
	state := t.TempDir()
	progress := filepath.Join(state, "pmfit", "progress.json")
	s := startPTY(t, state, []string{"NO_COLOR=1"}, "quiz")
	answers := loadPersonaForTest(t, s.bank, "po-scrum.yaml")
	half := len(s.bank.Questions) / 2
	for qi := 0; qi < half; qi++ {
		s.ready(qi)
		s.answer(qi, answers[qi], 0)
	}
	s.ready(half)
	s.send(keyCtrlC)
	s.expect("Resume with:")
	s.expect("pmfit quiz --resume " + progress)
	if code := s.wait(); code != 130 {
		t.Fatalf("exit %d after Ctrl-C, want 130", code)
	}

	st, err := os.Stat(progress)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("progress file mode %v, want 0600", st.Mode().Perm())
	}
	var saved struct {
		Bank    string                     `json:"bank"`
		Answers map[string]json.RawMessage `json:"answers"`
	}
	data, _ := os.ReadFile(progress)
	if err := json.Unmarshal(data, &saved); err != nil {
		t.Fatalf("progress file: %v\n%s", err, data)
	}
	if saved.Bank != "pm-roles" || len(saved.Answers) != half {
		t.Errorf("progress file holds %d answers for bank %q, want %d:\n%s", len(saved.Answers), saved.Bank, half, data)
	}
	for qi := 0; qi < half; qi++ {
		id := s.bank.Questions[qi].ID
		want, _ := json.Marshal(answerValue(s.bank, qi, answers[qi]))
		if string(saved.Answers[id]) != string(want) {
			t.Errorf("saved %s = %s, want %s", id, saved.Answers[id], want)
		}
	}

	out := filepath.Join(state, "result.json")
	r := startPTY(t, state, []string{"NO_COLOR=1"}, "quiz", "--resume", "--out", out)
	r.expect(fmt.Sprintf("Resuming: %d of %d questions already answered.", half, len(r.bank.Questions)))
	for qi := half; qi < len(r.bank.Questions); qi++ {
		r.ready(qi)
		r.answer(qi, answers[qi], 0)
	}
	r.expect("Review your answers")
	r.prompt()
	r.send(keyEnter)
	r.expect("Your best fit: Product Owner")
	if code := r.wait(); code != 0 {
		t.Fatalf("resumed quiz exited %d", code)
	}
	// NO_COLOR: no colour or style sequence reached the terminal.
	for _, session := range []*ptySession{s, r} {
		if sgr := sgrPattern.FindString(session.raw.String()); sgr != "" {
			t.Errorf("colour sequence %q written with NO_COLOR set", sgr)
		}
	}

	var got struct {
		Result json.RawMessage `json:"result"`
	}
	data, err = os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	score := exec.Command(pmfitBinary(t), "score", "--answers", "testdata/personas/po-scrum.yaml", "--format", "json")
	want, err := score.Output()
	if err != nil {
		t.Fatal(err)
	}
	if compact(t, got.Result) != compact(t, []byte(strings.Replace(string(want), "  \"id\": \"po-scrum\",\n", "", 1))) {
		t.Errorf("resumed result differs from scoring straight through:\n%s\nvs\n%s", got.Result, want)
	}
	if _, err := os.Stat(progress); !os.IsNotExist(err) {
		t.Errorf("the finished quiz left its progress file behind")
	}
}

func answerValue(b *quiz.Bank, qi int, a quiz.Answer) any {
	for _, kv := range b.AnswerValues(singleAnswer(b, qi, a)) {
		return kv.Value
	}
	return nil
}

func singleAnswer(b *quiz.Bank, qi int, a quiz.Answer) quiz.Answers {
	as := b.NewAnswers()
	as[qi] = a
	return as
}

func compact(t *testing.T, data []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// sgrPattern matches a colour or style escape sequence, as
// "\x1b[1;36m" or "\x1b[0m".
var sgrPattern = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestQuizHangUpSavesProgress: a hang-up (SIGHUP, as when the terminal
// window closes) while a prompt waits saves the answers so far and exits
// 130, leaving nothing half-written.
func TestQuizHangUpSavesProgress(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			state := t.TempDir()
			s := startPTY(t, state, nil, "quiz", "--save", filepath.Join(state, "saved.json"))
			answers := loadPersonaForTest(t, s.bank, "apm-graduate.yaml")
			for qi := 0; qi < 3; qi++ {
				s.ready(qi)
				s.answer(qi, answers[qi], 0)
			}
			s.ready(3)
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := s.wait(); code != 130 {
				t.Fatalf("exit %d after %v, want 130", code, sig)
			}
			data, err := os.ReadFile(filepath.Join(state, "saved.json"))
			if err != nil {
				t.Fatal(err)
			}
			p, drops, err := s.bank.DecodeProgress("saved.json", data)
			if err != nil || len(drops) > 0 || p.Answers.Count() != 3 {
				t.Fatalf("progress: %v, drops %v, %d answers:\n%s", err, drops, p.Answers.Count(), data)
			}
			entries, _ := os.ReadDir(state)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("temporary file left behind: %s", e.Name())
				}
			}
		})
	}
}

// TestQuizOnATerminalNeutralisesHostileBanks takes a bank full of planted
// escape sequences through survey on a terminal and checks none of them
// is in what pmfit wrote. (Survey's own sequences are expected.)
func TestQuizOnATerminalNeutralisesHostileBanks(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "--questions", "testdata/banks/hostile.yaml", "quiz")
	for i := 0; i < 4; i++ {
		s.expect(" of 4")
		s.prompt()
		if i == 3 {
			s.send(keySpace) // the multi-select needs a choice
		}
		s.send(keyEnter)
	}
	s.expect("✔")
	s.waitRaw()
	s.send(keyEnter)
	s.expect("About the role")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	raw := s.raw.String()
	for _, planted := range []string{"\x1b]0;pwned", "\x1b[5m", "\x1b[31mred", "\x1b[31mone", "\x9b", "\x1b]8;;http", "\u202e", "\u202d", "\u2066", "\x1b[34ma"} {
		if strings.Contains(raw, planted) {
			t.Errorf("planted %q reached the terminal", planted)
		}
	}
	if !strings.Contains(raw, "Single \uFFFD[33m") {
		t.Errorf("the neutralised text is missing from the screen")
	}
}
