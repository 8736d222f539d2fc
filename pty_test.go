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
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/textwidth"
)

const (
	keyDown  = "\x1b[B"
	keyUp    = "\x1b[A"
	keyLeft  = "\x1b[D"
	keyEnter = "\r"
	keySpace = " "
	keyCtrlC = "\x03"
	keyCtrlD = "\x04"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// goTool is the go command that runs the tests.
func goTool() string {
	tool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(tool); err != nil {
		return "go"
	}
	return tool
}

// pmfitBinary builds pmfit once per test run, with the go command that
// runs the tests.
func pmfitBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pmfit-pty-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "pmfit")
		out, err := exec.Command(goTool(), "build", "-o", binary, ".").CombinedOutput()
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
	return startPTYSized(t, 100, 40, state, env, args...)
}

// startPTYSized starts pmfit on a cols×rows pseudo-terminal.
func startPTYSized(t *testing.T, cols, rows int, state string, env []string, args ...string) *ptySession {
	t.Helper()
	// vt10x writes its replies (cursor position reports) to this second
	// pty; the console copies them in as typed input.
	replies, repliesTTY, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	term := vt10x.New(vt10x.WithWriter(repliesTTY), vt10x.WithSize(cols, rows))
	raw := &syncBuffer{}
	c, err := expect.NewConsole(expect.WithStdin(replies), expect.WithStdout(term, raw),
		expect.WithCloser(replies, repliesTTY), expect.WithDefaultTimeout(15*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(pmfitBinary(t), args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Tty(), c.Tty(), c.Tty()
	// Its own session with the pty as controlling terminal, as in a real
	// terminal: Ctrl-C between prompts then sends SIGINT, and closing the
	// terminal hangs it up.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	cmd.Env = append([]string{"TERM=xterm-256color", "HOME=" + state, "XDG_STATE_HOME=" + state, "PATH=" + os.Getenv("PATH"), "PAGER=cat"}, env...)
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
// to be in raw mode, so keys reach the prompt as keys. The prompt draws
// before it switches modes, and nothing it writes marks the switch, so
// the test watches the terminal's own mode.
func (s *ptySession) ready(qi int) {
	s.t.Helper()
	s.expect(fmt.Sprintf("Question %d of %d", qi+1, len(s.bank.Questions)))
	s.prompt()
}

// prompt waits for a prompt to be drawn and listening.
func (s *ptySession) prompt() {
	s.t.Helper()
	s.expect("Enter confirms")
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

// answer gives answer a to question qi by number, then confirms it with
// Enter.
func (s *ptySession) answer(qi int, a quiz.Answer) {
	s.t.Helper()
	s.send(byNumber(s.bank, qi, a))
}

// answerAll answers questions from..to-1 as the persona did.
func (s *ptySession) answerAll(answers quiz.Answers, from, to int) {
	s.t.Helper()
	for qi := from; qi < to; qi++ {
		s.ready(qi)
		s.answer(qi, answers[qi])
	}
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

// readProgress reads a progress file the quiz left.
func readProgress(t *testing.T, b *quiz.Bank, path string) quiz.Answers {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, drops, err := b.DecodeProgress(path, data)
	if err != nil || len(drops) > 0 {
		t.Fatalf("progress file: %v, drops %v:\n%s", err, drops, data)
	}
	return p.Answers
}

// noTempFiles fails the test if a temporary file is left in dir.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestQuizOnATerminal answers every question by number, goes back with
// ←, changes an answer at the review, and reads the summary and then the
// full result through the pager (PAGER=cat).
func TestQuizOnATerminal(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "quiz")
	answers := loadPersonaForTest(t, s.bank, "tpm-platform.yaml")
	s.expect("Which product-management role fits you?")
	s.answerAll(answers, 0, 6)
	// Back from question 7 to question 6 with ←: it opens at its answer,
	// and Enter keeps it.
	s.ready(6)
	s.send(keyLeft)
	s.ready(5)
	s.send(keyEnter)
	s.answerAll(answers, 6, len(answers))
	s.expect("Review your answers")
	s.prompt()
	// Change question 13 (main-team): type its number, Enter, choose.
	mainTeam, _ := s.bank.Question("main-team")
	s.send(strconv.Itoa(mainTeam+1), keyEnter)
	s.ready(mainTeam)
	s.send(strconv.Itoa(answers[mainTeam].Choice+2), keyEnter) // the option after the persona's
	s.expect("Review your answers")
	s.prompt()
	s.send(keyEnter) // the cursor opens on "Submit"
	s.expect("Your best fit:")
	s.expect("Technical Product Manager")
	s.expect("See the full result")
	s.prompt()
	s.send("1", keyEnter)
	s.expect("About the role: Technical Product Manager")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	screen := s.term.String()
	for _, stray := range []string{"\x1b", "[B", "[A", "[D", "^["} {
		if strings.Contains(screen, stray) {
			t.Errorf("stray %q on the screen:\n%s", stray, screen)
		}
	}
	if _, err := os.Stat(filepath.Join(state, "pmfit", "result.json")); err != nil {
		t.Errorf("no result saved: %v", err)
	}
	if _, err := os.Stat(filepath.Join(state, "pmfit", "progress.json")); !os.IsNotExist(err) {
		t.Errorf("the finished quiz left its progress file")
	}
}

// TestQuizLikertOpensAtNeutralAndDigitsSelect: an agreement question
// opens with the cursor on the neutral point and nothing selected; 4
// selects "Agree" where it can be seen, and Enter confirms it.
func TestQuizLikertOpensAtNeutralAndDigitsSelect(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "quiz")
	readCode, _ := s.bank.Question("read-code") // the first agreement question
	answers := loadPersonaForTest(t, s.bank, "tpm-platform.yaml")
	s.answerAll(answers, 0, readCode)
	s.ready(readCode)
	s.expect("Strongly agree")
	if !regexp.MustCompile(`❯ ○ 3 Neither agree nor disagree`).MatchString(s.term.String()) {
		t.Errorf("the cursor does not open on the neutral point, unselected:\n%s", s.term.String())
	}
	s.send("4")
	s.expect("Agree")
	waitScreen(t, s, "● 4 Agree")
	s.send(keyEnter)
	s.ready(readCode + 1)
	saved := readProgress(t, s.bank, filepath.Join(state, "pmfit", "progress.json"))
	if a := saved[readCode]; !a.Set || a.Level != 4 {
		t.Errorf("4 saved %+v, want Agree (4)", a)
	}
}

// waitScreen waits until the terminal shows text, reading what pmfit
// writes meanwhile (the console reads only while it is asked to expect
// something, and pmfit blocks once the terminal's buffer is full).
func waitScreen(t *testing.T, s *ptySession, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.term.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q:\n%s", text, s.term.String())
		}
		_, _ = s.c.Expect(expect.String("\x00"), expect.WithTimeout(20*time.Millisecond))
	}
}

// TestQuizInterruptedOnATerminal presses Ctrl-C halfway, checks the
// progress file, resumes (going back over the resume point), finishes,
// and compares the result with scoring the same answers straight
// through.
func TestQuizInterruptedOnATerminal(t *testing.T) {
	state := t.TempDir()
	progress := filepath.Join(state, "pmfit", "progress.json")
	s := startPTY(t, state, []string{"NO_COLOR=1"}, "quiz")
	answers := loadPersonaForTest(t, s.bank, "po-scrum.yaml")
	half := len(s.bank.Questions) / 2
	s.answerAll(answers, 0, half)
	s.ready(half)
	s.send(keyCtrlC)
	s.expect("Resume with:")
	s.expect("quiz --resume " + progress)
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
	if got := readProgress(t, s.bank, progress); got.Count() != half {
		t.Errorf("progress holds %d answers, want %d", got.Count(), half)
	}

	out := filepath.Join(state, "result.json")
	r := startPTY(t, state, []string{"NO_COLOR=1"}, "quiz", "--resume", "--out", out)
	r.expect(fmt.Sprintf("Resuming: %d of %d questions already answered.", half, len(r.bank.Questions)))
	// Back from the first question asked after resuming reaches the
	// last one answered before.
	r.ready(half)
	r.send(keyLeft)
	r.ready(half - 1)
	r.send(keyEnter)
	r.answerAll(answers, half, len(r.bank.Questions))
	r.expect("Review your answers")
	r.prompt()
	r.send(keyEnter)
	r.expect("Your best fit: Product Owner")
	r.expect("See the full result")
	r.prompt()
	r.send("2", keyEnter)
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
	data, err := os.ReadFile(out)
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

// TestQuizBackInAMultiSelect: ← leaves a multi-select as it was, ticks
// and all, and goes to the question before.
func TestQuizBackInAMultiSelect(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "quiz")
	answers := loadPersonaForTest(t, s.bank, "growth-funnel.yaml")
	multi := -1
	for qi, q := range s.bank.Questions {
		if q.Kind == quiz.Multi {
			multi = qi
			break
		}
	}
	s.answerAll(answers, 0, multi)
	s.ready(multi)
	s.send("1", keySpace, keyLeft) // tick, then go back: nothing is answered
	s.ready(multi - 1)
	saved := readProgress(t, s.bank, filepath.Join(state, "pmfit", "progress.json"))
	if saved[multi].Set {
		t.Errorf("going back answered the multi-select: %+v", saved[multi])
	}
	if saved.Count() != multi {
		t.Errorf("%d answers saved, want %d", saved.Count(), multi)
	}
	s.send(keyEnter)
	s.ready(multi)
	if strings.Contains(s.term.String(), "[x]") {
		t.Errorf("ticks survived going back without answering:\n%s", s.term.String())
	}
}

// TestQuizSignalsSaveProgress: a hang-up or SIGTERM while a prompt waits
// saves the answers so far and exits 130, with the message below the
// menu, not over it, and nothing half-written.
func TestQuizSignalsSaveProgress(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			state := t.TempDir()
			s := startPTY(t, state, nil, "quiz", "--save", filepath.Join(state, "saved.json"))
			answers := loadPersonaForTest(t, s.bank, "apm-graduate.yaml")
			s.answerAll(answers, 0, 3)
			s.ready(3)
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			s.expect("Resume with:")
			if code := s.wait(); code != 130 {
				t.Fatalf("exit %d after %v, want 130", code, sig)
			}
			if got := readProgress(t, s.bank, filepath.Join(state, "saved.json")); got.Count() != 3 {
				t.Errorf("%d answers saved, want 3", got.Count())
			}
			noTempFiles(t, state)
			screen := s.term.String()
			menu, message := strings.Index(screen, "5 Strongly agree"), strings.Index(screen, "Stopped with 3 of")
			if menu < 0 || message < menu {
				t.Errorf("the message does not follow the menu:\n%s", screen)
			}
		})
	}
}

// TestQuizClosedTerminalSavesEverything: closing the terminal window
// (the pty's master end) mid-quiz saves every answer given, exits 130,
// and leaves no temporary file.
func TestQuizClosedTerminalSavesEverything(t *testing.T) {
	for _, accessible := range []bool{false, true} {
		t.Run(fmt.Sprintf("accessible=%v", accessible), func(t *testing.T) {
			state := t.TempDir()
			args := []string{"quiz"}
			if accessible {
				args = append(args, "--accessible")
			}
			w := startWindow(t, state, args...)
			b := defaultBankForTest(t)
			answers := loadPersonaForTest(t, b, "core-researcher.yaml")
			for qi := 0; qi < 5; qi++ {
				w.waitFor(fmt.Sprintf("Question %d of", qi+1))
				if accessible {
					w.waitFor("Your choice")
					w.typeKeys(plainAnswer(b, qi, answers[qi]) + "\r")
					continue
				}
				w.waitFor("Enter confirms")
				w.waitRaw()
				w.typeKeys(byNumber(b, qi, answers[qi]))
			}
			w.waitFor("Question 6 of")
			if accessible {
				w.waitFor("Your choice")
			} else {
				w.waitFor("Enter confirms")
				w.waitRaw()
			}
			if code := w.close(); code != 130 {
				t.Errorf("exit %d after the terminal closed, want 130", code)
			}
			if got := readProgress(t, b, filepath.Join(state, "pmfit", "progress.json")); got.Count() != 5 {
				t.Errorf("%d answers saved, want 5", got.Count())
			}
			noTempFiles(t, filepath.Join(state, "pmfit"))
		})
	}
}

// window is pmfit in a terminal window that can be closed: a pty whose
// master end the test owns and reads without blocking, so that closing
// it really closes it and the kernel hangs the terminal up. (go-expect's
// console reads its master in blocking mode: a close waits for that
// read, which waits for pmfit, which waits for a key.)
type window struct {
	t   *testing.T
	ptm *os.File
	pts *os.File
	cmd *exec.Cmd
	out syncBuffer
}

func startWindow(t *testing.T, state string, args ...string) *window {
	t.Helper()
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	ptm := os.NewFile(uintptr(fd), "ptmx") // non-blocking: reads wait in the poller
	pts, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 40, Col: 100}); err != nil {
		t.Fatal(err)
	}
	w := &window{t: t, ptm: ptm, pts: pts}
	w.cmd = exec.Command(pmfitBinary(t), args...)
	w.cmd.Stdin, w.cmd.Stdout, w.cmd.Stderr = pts, pts, pts
	w.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	w.cmd.Env = []string{"TERM=xterm-256color", "HOME=" + state, "XDG_STATE_HOME=" + state, "PATH=" + os.Getenv("PATH")}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(&w.out, ptm) }()
	t.Cleanup(func() {
		_ = w.cmd.Process.Kill()
		ptm.Close()
		pts.Close()
	})
	return w
}

// waitFor waits for text to be written, then forgets the output up to
// it, so the next wait looks further on.
func (w *window) waitFor(text string) {
	w.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(w.out.String(), text) {
		if time.Now().After(deadline) {
			w.t.Fatalf("waiting for %q; output ends %q", text, tail(w.out.String(), 400))
		}
		time.Sleep(5 * time.Millisecond)
	}
	w.out.mu.Lock()
	i := strings.Index(string(w.out.buf), text)
	w.out.buf = w.out.buf[i+len(text):]
	w.out.mu.Unlock()
}

func (w *window) waitRaw() {
	w.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		tio, err := unix.IoctlGetTermios(int(w.pts.Fd()), unix.TCGETS)
		if err != nil {
			w.t.Fatal(err)
		}
		if tio.Lflag&unix.ICANON == 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	w.t.Fatal("the terminal never left canonical mode")
}

func (w *window) typeKeys(keys string) {
	w.t.Helper()
	if _, err := w.ptm.WriteString(keys); err != nil {
		w.t.Fatal(err)
	}
}

// close closes the window and returns pmfit's exit code.
func (w *window) close() int {
	w.t.Helper()
	w.pts.Close() // only pmfit holds the terminal now
	if err := w.ptm.Close(); err != nil {
		w.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- w.cmd.Wait() }()
	select {
	case err := <-done:
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				w.t.Fatalf("killed by %v", ws.Signal())
			}
			return exitErr.ExitCode()
		}
		if err != nil {
			w.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		w.t.Fatal("pmfit did not exit after its terminal closed")
		return -1
	}
}

// byNumber is what a person types for answer a with the full-screen
// prompts: the number of each option (selecting it, or ticking it where
// several may be chosen), then Enter to confirm.
func byNumber(b *quiz.Bank, qi int, a quiz.Answer) string {
	q := &b.Questions[qi]
	var keys string
	switch q.Kind {
	case quiz.Multi:
		for _, i := range a.Picked() {
			keys += strconv.Itoa(i + 1)
		}
	case quiz.Likert:
		keys = strconv.Itoa(a.Level - q.Scale.Min + 1)
	default:
		keys = strconv.Itoa(a.Choice + 1)
	}
	return keys + keyEnter
}

// plainAnswer is what a person types for answer a in --accessible mode.
func plainAnswer(b *quiz.Bank, qi int, a quiz.Answer) string {
	q := &b.Questions[qi]
	switch q.Kind {
	case quiz.Likert:
		return strconv.Itoa(a.Level - q.Scale.Min + 1)
	case quiz.Single:
		return strconv.Itoa(a.Choice + 1)
	}
	var picks []string
	for _, i := range a.Picked() {
		picks = append(picks, strconv.Itoa(i+1))
	}
	return strings.Join(picks, ",")
}

// TestQuizKilledKeepsEveryAnswer: kill -9 after three answers, with no
// chance to save on the way out, leaves the three answers saved.
func TestQuizKilledKeepsEveryAnswer(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "quiz")
	answers := loadPersonaForTest(t, s.bank, "pmm-launcher.yaml")
	s.answerAll(answers, 0, 3)
	s.ready(3)
	if err := s.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = s.wait()
	got := readProgress(t, s.bank, filepath.Join(state, "pmfit", "progress.json"))
	if got.Count() != 3 {
		t.Fatalf("%d answers saved, want 3", got.Count())
	}
	for qi := 0; qi < 3; qi++ {
		if got[qi] != answers[qi] {
			t.Errorf("question %d saved %+v, want %+v", qi+1, got[qi], answers[qi])
		}
	}
}

// TestQuizNeverReplacesProgressWithLess: a plain `pmfit quiz` with a quiz
// saved offers to resume it; starting over keeps it as a backup, even
// when the new quiz is stopped (Ctrl-D) before its first answer.
func TestQuizNeverReplacesProgressWithLess(t *testing.T) {
	state := t.TempDir()
	progress := filepath.Join(state, "pmfit", "progress.json")
	s := startPTY(t, state, nil, "quiz")
	answers := loadPersonaForTest(t, s.bank, "core-researcher.yaml")
	s.answerAll(answers, 0, 4)
	s.ready(4)
	s.send(keyCtrlD)
	if code := s.wait(); code != 130 {
		t.Fatalf("exit %d after Ctrl-D, want 130", code)
	}
	before, err := os.ReadFile(progress)
	if err != nil {
		t.Fatal(err)
	}

	r := startPTY(t, state, nil, "quiz")
	r.expect("You have a quiz saved on")
	r.expect("with 4 of 37 questions answered")
	r.prompt()
	r.send("2", keyEnter) // start over
	r.ready(0)
	r.send(keyCtrlD)
	r.expect("nothing to save")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	found, _ := filepath.Glob(filepath.Join(state, "pmfit", "progress.*.json"))
	if len(found) != 1 {
		t.Fatalf("backups: %v", found)
	}
	if data, _ := os.ReadFile(found[0]); string(data) != string(before) {
		t.Errorf("the backup is not the saved quiz")
	}
	if _, err := os.Stat(progress); !os.IsNotExist(err) {
		t.Errorf("a progress file with no answers replaced the saved quiz")
	}
}

// TestQuizRefusesAnUnwritableOutFirst: an --out that cannot be written is
// refused before the first question.
func TestQuizRefusesAnUnwritableOutFirst(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "quiz", "--out", filepath.Join(state, "missing", "me.json"))
	s.expect("the folder " + filepath.Join(state, "missing") + " does not exist")
	if code := s.wait(); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if strings.Contains(s.raw.String(), "Question 1 of") {
		t.Error("asked a question before refusing --out")
	}
}

// TestQuizHeadlineIsOnScreenAtTheEnd: when the quiz ends, the result's
// headline is on screen together with the offer of the full result, on an
// 80×24 terminal (full, short, in English and Spanish) and a 60×24 one.
func TestQuizHeadlineIsOnScreenAtTheEnd(t *testing.T) {
	for _, tc := range []struct {
		cols    int
		lang    string
		short   bool
		persona string
	}{
		{80, "en", false, "pm-consumer-app.yaml"}, // too close to call: the longest headline
		{80, "en", false, "core-researcher.yaml"},
		{80, "es", false, "pm-consumer-app.yaml"},
		{80, "en", true, "tpm-from-it.yaml"}, // decided, just ahead: the longest note
		{80, "es", true, "growth-ecommerce.yaml"},
		{60, "en", false, "apm-graduate.yaml"},
		{60, "es", true, "tpm-from-it.yaml"},
	} {
		name := fmt.Sprintf("%dx24-%s-short=%v-%s", tc.cols, tc.lang, tc.short, strings.TrimSuffix(tc.persona, ".yaml"))
		t.Run(name, func(t *testing.T) {
			state := t.TempDir()
			args := []string{"quiz", "--lang", tc.lang}
			if tc.short {
				args = append(args, "--short")
			}
			s := startPTYSized(t, tc.cols, 24, state, nil, args...)
			words := ptyWords[tc.lang]
			full := loadPersonaForTest(t, s.bank, tc.persona)
			answers := full
			if tc.short {
				answers, _ = s.takeShort(full, words, scoring.StopLikely)
			} else {
				for qi := range s.bank.Questions {
					s.expect(fmt.Sprintf(words.question, qi+1, len(s.bank.Questions)))
					s.expect(words.confirm)
					s.waitRaw()
					s.answer(qi, answers[qi])
				}
			}
			s.expect(words.review)
			s.expect(words.confirm)
			s.waitRaw()
			s.send(keyEnter)
			s.expect(words.seeFull)
			s.expect(words.confirm)
			s.waitRaw()
			b := bankIn(t, tc.lang)
			res := scoring.New(b).Score(answers, scoring.Options{Explain: 3, Decide: true, Likely: true})
			headline := render.NewVerdict(i18n.New(tc.lang), b, &res).Headline
			waitScreen(t, s, "❯ 1 "+words.pager)
			screen := strings.Join(strings.Fields(s.term.String()), " ")
			if !strings.Contains(screen, headline) || !strings.Contains(screen, "❯ 1 "+words.pager) {
				t.Errorf("the headline %q and the offer are not on screen together:\n%s", headline, s.term.String())
			}
			s.send("2", keyEnter)
			if code := s.wait(); code != 0 {
				t.Fatalf("exit %d", code)
			}
		})
	}
}

// ptyLang are the words the pty tests wait for in one language.
type ptyLang struct {
	question, short, confirm, review, seeFull, pager, seeNow string
}

// ptyWords are the words the pty tests wait for, by language.
var ptyWords = map[string]ptyLang{
	"en": {"Question %d of %d", "Question %d (of at most", "Enter confirms", "Review your answers", "See the full result", "Yes, page through it", "See my result now"},
	"es": {"Pregunta %d de %d", "Pregunta %d (de %d como mucho", "Intro confirma", "Repasa tus respuestas", "¿Ver el resultado completo", "Sí, mostrarlo página a página", "Ver mi resultado ahora"},
}

// bankIn is the default bank in lang.
func bankIn(t *testing.T, lang string) *quiz.Bank {
	t.Helper()
	b, err := quiz.LoadBank("questions.yaml", defaultBank, quiz.LoadOptions{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// takeShort answers the questions `pmfit quiz --short` chooses by rule
// (replayed with the same model) from full, takes the result at the stop,
// and returns the answers given and the stop's sentence as shown.
func (s *ptySession) takeShort(full quiz.Answers, words ptyLang, rule scoring.StopRule) (quiz.Answers, string) {
	s.t.Helper()
	m := scoring.New(s.bank)
	part := s.bank.NewAnswers()
	for asked := 1; ; asked++ {
		st := m.NextStep(part, rule)
		if st.Stop {
			break
		}
		short := words.short
		if strings.Count(short, "%d") == 2 {
			short = fmt.Sprintf(short, asked, len(s.bank.Questions))
		} else {
			short = fmt.Sprintf(short, asked)
		}
		s.expect(short)
		s.expect(words.confirm)
		s.waitRaw()
		s.answer(st.Next, full[st.Next])
		part[st.Next] = full[st.Next]
	}
	s.expect(words.confirm) // the offer of the rest
	s.waitRaw()
	waitScreen(s.t, s, words.seeNow)
	why := strings.Join(strings.Fields(s.term.String()), " ")
	s.send("1", keyEnter) // see the result now
	return part, why
}

// TestQuizAccessibleWritesNoEscapes: --accessible on a real terminal
// writes not one escape byte, from the first question to the result.
func TestQuizAccessibleWritesNoEscapes(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "quiz", "--accessible")
	answers := loadPersonaForTest(t, s.bank, "pm-generalist.yaml")
	for qi := range s.bank.Questions {
		s.expect(fmt.Sprintf("Question %d of", qi+1))
		s.expect("Your choice")
		s.send(plainAnswer(s.bank, qi, answers[qi]) + "\r")
	}
	s.expect("Review your answers")
	s.expect("Your choice")
	s.send(strconv.Itoa(len(s.bank.Questions)+1) + "\r")
	s.expect("About the role")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	raw := s.raw.String()
	if i := strings.IndexByte(raw, 0x1b); i >= 0 {
		t.Errorf("escape byte in accessible output: %q", raw[max(0, i-40):min(len(raw), i+20)])
	}
	for _, glyph := range []string{"█", "├", "●", "▲", "❯"} {
		if strings.Contains(raw, glyph) {
			t.Errorf("block graphics %q in accessible output", glyph)
		}
	}
}

// TestQuizInSpanishOnATerminal: a Spanish quiz shows no English hint or
// message, on questions, on a refused multi-select and at the review.
func TestQuizInSpanishOnATerminal(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, []string{"LANG=es_ES.UTF-8"}, "quiz")
	answers := loadPersonaForTest(t, s.bank, "apm-graduate.yaml")
	s.expect("¿Qué rol de gestión de producto encaja contigo?")
	multi := -1
	for qi, q := range s.bank.Questions {
		s.expect(fmt.Sprintf("Pregunta %d de %d", qi+1, len(s.bank.Questions)))
		s.expect("Intro confirma")
		s.waitRaw()
		if q.Kind == quiz.Multi && multi < 0 {
			multi = qi
			s.send(keyEnter) // nothing ticked: refused, in Spanish
			s.expect("Elige al menos una opción.")
		}
		s.answer(qi, answers[qi])
	}
	s.expect("Repasa tus respuestas")
	s.expect("Intro confirma")
	s.waitRaw()
	s.send(keyEnter)
	s.expect("¿Ver el resultado completo")
	s.expect("Intro confirma")
	s.waitRaw()
	s.send("2", keyEnter)
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	raw := sgrPattern.ReplaceAllString(s.raw.String(), "")
	for _, english := range []string{"Use arrows", "type to filter", "Sorry, your reply", "Enter confirms", "↑↓ move ", "Space ticks", "back to the previous", "Question ", "Review your"} {
		if strings.Contains(raw, english) {
			t.Errorf("English %q on a Spanish screen", english)
		}
	}
}

// TestQuizOnATerminalNeutralisesHostileBanks takes a bank full of planted
// escape sequences through the prompts on a terminal and checks none of
// them is in what pmfit wrote. (The prompts' own sequences are expected.)
func TestQuizOnATerminalNeutralisesHostileBanks(t *testing.T) {
	state := t.TempDir()
	s := startPTY(t, state, nil, "--questions", "testdata/banks/hostile.yaml", "quiz", "--details")
	for i := 0; i < 4; i++ {
		s.expect(fmt.Sprintf("Question %d of 4", i+1)) // not a redraw of the one before
		s.prompt()
		s.send(keySpace, keyEnter) // select (or tick) where the cursor is, and confirm
	}
	s.expect("✔")
	s.prompt()
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

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestQuizShortOnATerminal takes `pmfit quiz --short=proof` to its proof,
// answering the questions the short quiz chooses (replayed here with the
// same model), and reads on screen after how many questions it stopped
// and why; then `pmfit quiz --short` to its quick stop, reading the risk
// it states.
func TestQuizShortOnATerminal(t *testing.T) {
	words := ptyWords["en"]
	n := 37
	for _, tc := range []struct {
		flag string
		rule scoring.StopRule
		why  *regexp.Regexp
	}{
		{"--short=proof", scoring.StopProof, regexp.MustCompile(`Decided after (\d+) of 37 questions: no answer to the other (\d+) could change your best fit\.`)},
		{"--short", scoring.StopLikely, regexp.MustCompile(`Stopped after (\d+) of 37 questions: (?:about 1 in \d+|fewer than 1 in 100) people who answer like you would get a different best fit from the full quiz \(the full quiz itself changes for about \d in 10 people on a retake\)\.`)},
	} {
		t.Run(tc.flag, func(t *testing.T) {
			state := t.TempDir()
			s := startPTY(t, state, nil, "quiz", tc.flag)
			answers := loadPersonaForTest(t, s.bank, "po-government.yaml")
			part, screen := s.takeShort(answers, words, tc.rule)
			asked := part.Count()
			if asked >= n {
				t.Fatalf("the persona needs all %d questions", n)
			}
			got := tc.why.FindStringSubmatch(screen)
			if got == nil || got[1] != strconv.Itoa(asked) {
				t.Fatalf("the stop does not say %v after %d questions:\n%s", tc.why, asked, s.term.String())
			}
			s.expect("Review your answers")
			s.prompt()
			s.send(keyEnter)
			s.expect("See the full result")
			s.prompt()
			s.send("2", keyEnter)
			if code := s.wait(); code != 0 {
				t.Fatalf("exit %d", code)
			}
			screen = strings.Join(strings.Fields(s.term.String()), " ")
			if !strings.Contains(screen, "Your best fit: Product Owner") || !strings.Contains(screen, fmt.Sprintf(" after %d of 37 questions", asked)) {
				t.Errorf("the results do not name Product Owner and say after how many:\n%s", s.term.String())
			}
		})
	}
}

// csiPattern matches any CSI escape sequence (colours, cursor moves,
// erases), for measuring what a line shows.
var csiPattern = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]`)

// TestQuizFitsANarrowTerminal takes the quiz through a 60-column
// terminal, in Spanish on the default bank and on a bank written in
// Chinese (two columns a character, no spaces): no line pmfit writes is
// wider than the terminal, so nothing wraps behind the prompts' back,
// and every question and option is shown whole (in English too: a long
// option wraps under its number rather than being cut).
func TestQuizFitsANarrowTerminal(t *testing.T) {
	for _, tc := range []struct {
		name, bank, lang          string
		question, confirm, review string
	}{
		{"chinese", "testdata/banks/data-roles-zh.yaml", "en", "Question %d of %d", "Enter confirms", "Review your answers"},
		{"spanish", "", "es", "Pregunta %d de %d", "Intro confirma", "Repasa tus respuestas"},
		{"english", "", "en", "Question %d of %d", "Enter confirms", "Review your answers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := bankIn(t, tc.lang)
			args := []string{"quiz", "--lang", tc.lang}
			if tc.bank != "" {
				data, err := os.ReadFile(tc.bank)
				if err != nil {
					t.Fatal(err)
				}
				if b, err = quiz.LoadBank(tc.bank, data, quiz.LoadOptions{}); err != nil {
					t.Fatal(err)
				}
				args = append([]string{"--questions", tc.bank}, args...)
			}
			s := startPTYSized(t, 60, 24, t.TempDir(), nil, args...)
			for qi := range b.Questions {
				s.expect(fmt.Sprintf(tc.question, qi+1, len(b.Questions)))
				s.expect(tc.confirm)
				s.waitRaw()
				s.send(keySpace, keyEnter) // select (or tick) the option under the cursor
			}
			s.expect(tc.review)
			s.expect(tc.confirm)
			s.waitRaw()
			s.send(keyEnter)
			s.expect("2 ")
			s.expect(tc.confirm)
			s.waitRaw()
			s.send("2", keyEnter)
			if code := s.wait(); code != 0 {
				t.Fatalf("exit %d", code)
			}
			raw := strings.ReplaceAll(csiPattern.ReplaceAllString(s.raw.String(), ""), "\r", "\n")
			for _, line := range strings.Split(raw, "\n") {
				if !strings.Contains(strings.TrimSpace(line), " ") {
					continue // one word, such as a file's path, has no place to break
				}
				if w := textwidth.String(line); w > 59 {
					t.Errorf("a line %d columns wide on a 60-column terminal: %q", w, line)
				}
			}
			// Every question and every option is shown whole: wrapped,
			// never cut.
			flat := strings.NewReplacer(" ", "", "\n", "").Replace(raw)
			for _, q := range b.Questions {
				if !strings.Contains(flat, strings.ReplaceAll(q.Text, " ", "")) {
					t.Errorf("question %s is not shown whole", q.ID)
				}
				labels := q.Scale.Labels
				if q.Kind != quiz.Likert {
					labels = nil
					for _, o := range q.Options {
						labels = append(labels, o.Label)
					}
				}
				for _, l := range labels {
					if !strings.Contains(flat, strings.ReplaceAll(l, " ", "")) {
						t.Errorf("question %s: option %q is not shown whole", q.ID, l)
					}
				}
			}
		})
	}
}

// TestQuizHabitualEnterAnswersNothing: a number, then Enter after 50,
// 150, 400 or 900 ms, then the Enter a person presses out of habit: the
// first answers the question, the second answers nothing. The next
// question stays on screen, unanswered, saying how to choose; so on a
// single choice, an agreement scale and a multiple choice.
func TestQuizHabitualEnterAnswersNothing(t *testing.T) {
	for _, delay := range []time.Duration{50, 150, 400, 900} {
		delay *= time.Millisecond
		t.Run(delay.String(), func(t *testing.T) {
			state := t.TempDir()
			progress := filepath.Join(state, "pmfit", "progress.json")
			s := startPTYSized(t, 80, 24, state, nil, "quiz")
			answers := loadPersonaForTest(t, s.bank, "tpm-platform.yaml")
			degree, _ := s.bank.Question("degree")
			readCode, _ := s.bank.Question("read-code")
			metrics, _ := s.bank.Question("monday-metrics") // a digit ticks: seven options
			from := 0
			for _, tc := range []struct {
				qi      int
				key     string
				want    quiz.Answer
				refusal string
			}{
				{degree, "4", quiz.Answer{Set: true, Choice: 3}, "Nothing is selected yet"},
				{readCode, "4", quiz.Answer{Set: true, Level: 4}, "Nothing is selected yet"},
				{metrics, "1", quiz.Answer{Set: true, Picks: 1}, "Nothing is selected yet"},
			} {
				s.answerAll(answers, from, tc.qi)
				s.ready(tc.qi)
				s.send(tc.key)
				time.Sleep(delay)
				s.send(keyEnter)
				s.ready(tc.qi + 1)
				time.Sleep(delay)
				s.send(keyEnter) // out of habit
				waitScreen(t, s, tc.refusal)
				saved := readProgress(t, s.bank, progress)
				if saved[tc.qi] != tc.want {
					t.Errorf("%s saved %+v, want %+v", s.bank.Questions[tc.qi].ID, saved[tc.qi], tc.want)
				}
				next := s.bank.Questions[tc.qi+1]
				if saved[tc.qi+1].Set {
					t.Errorf("the habitual Enter answered %s: %+v", next.ID, saved[tc.qi+1])
				}
				screen := strings.Join(strings.Fields(s.term.String()), " ")
				if !strings.Contains(screen, fmt.Sprintf("Question %d of %d", tc.qi+2, len(s.bank.Questions))) || !strings.Contains(screen, strings.Join(strings.Fields(next.Text), " ")) {
					t.Errorf("question %s is not on screen:\n%s", next.ID, s.term.String())
				}
				s.send(byNumber(s.bank, tc.qi+1, answers[tc.qi+1]))
				from = tc.qi + 2
			}
			s.ready(from)
			s.send(keyCtrlC)
			if code := s.wait(); code != 130 {
				t.Errorf("exit %d after Ctrl-C, want 130", code)
			}
		})
	}
}

// TestQuizShortAfterFullKeepsTheFullerResult: a short quiz taken after a
// full one on a terminal keeps the full one's result (37 answers) in a
// dated backup, and says so; the short result replaces it in result.json.
func TestQuizShortAfterFullKeepsTheFullerResult(t *testing.T) {
	state := t.TempDir()
	dir := filepath.Join(state, "pmfit")
	words := ptyWords["en"]
	s := startPTY(t, state, nil, "quiz")
	answers := loadPersonaForTest(t, s.bank, "po-government.yaml")
	s.answerAll(answers, 0, len(answers))
	s.expect(words.review)
	s.prompt()
	s.send(keyEnter)
	s.expect(words.seeFull)
	s.prompt()
	s.send("2", keyEnter)
	if code := s.wait(); code != 0 {
		t.Fatalf("full quiz: exit %d", code)
	}
	full, err := os.ReadFile(filepath.Join(dir, "result.json"))
	if err != nil {
		t.Fatal(err)
	}

	r := startPTY(t, state, nil, "quiz", "--short")
	part, _ := r.takeShort(answers, words, scoring.StopLikely)
	r.expect(words.review)
	r.prompt()
	r.send(keyEnter)
	r.expect(words.seeFull)
	r.prompt()
	r.send("2", keyEnter)
	if code := r.wait(); code != 0 {
		t.Fatalf("short quiz: exit %d", code)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, "result.*.json"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	if kept, _ := os.ReadFile(backups[0]); string(kept) != string(full) {
		t.Error("the backup is not the full quiz's result")
	}
	said := strings.Join(strings.Fields(csiPattern.ReplaceAllString(r.raw.String(), "")), " ")
	if want := "Your earlier result, with 37 answers, is kept in " + backups[0]; !strings.Contains(said, want) {
		t.Errorf("the screen does not say %q", want)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "result.json"))
	set, err := quiz.ParseAnswerFile(r.bank, "result.json", data)
	if err != nil || set.Answers.Count() != part.Count() || !set.Partial {
		t.Errorf("result.json holds %d answers (partial %v; %v), want the short quiz's %d", set.Answers.Count(), set.Partial, err, part.Count())
	}
}
