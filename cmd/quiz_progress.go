package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fatih/color"
	"golang.org/x/term"

	"github.com/pmfit/pmfit/internal/atomicfile"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/shell"
)

// progressPath is where progress is saved: --save, else
// $XDG_STATE_HOME/pmfit/progress.json, else ~/.local/state/pmfit/progress.json.
func (opts *QuizOptions) progressPath() (string, error) {
	if opts.Save != "" {
		return opts.Save, nil
	}
	return statePath(opts.Env, "progress.json")
}

// statePath is where pmfit keeps a file of its own state (a quiz's
// progress, its last result): $XDG_STATE_HOME/pmfit/NAME, else
// ~/.local/state/pmfit/NAME.
func statePath(env iostreams.Env, name string) (string, error) {
	if dir := env.Get("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "pmfit", name), nil
	}
	home := env.Get("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("no place for pmfit's state: set HOME or XDG_STATE_HOME, or pass --save FILE")
		}
	}
	return filepath.Join(home, ".local", "state", "pmfit", name), nil
}

// checkWritable makes sure a file can be written at path before anyone
// answers a question into it: its folder exists (or, for pmfit's own
// state folder, is created private) and takes a new file, and the path
// is not a folder. A failure is the caller's to fix (exit 2).
func checkWritable(flag, path string, ownFolder bool) error {
	dir := filepath.Dir(path)
	if ownFolder {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return inputErrorf("cannot create the folder to save your answers in: %w", err)
		}
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return inputErrorf("%s %s is a folder; name a file", flag, path)
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return inputErrorf("%s %s: the folder %s does not exist", flag, path, dir)
	case err != nil:
		return inputErrorf("%s %s: %w", flag, path, err)
	case !st.IsDir():
		return inputErrorf("%s %s: %s is not a folder", flag, path, dir)
	}
	probe, err := os.CreateTemp(dir, ".pmfit-check-*")
	if err != nil {
		return inputErrorf("%s %s: cannot write in %s: %w", flag, path, dir, unwrapPath(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// unwrapPath drops the path an *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// progressStore is the progress file of one quiz.
type progressStore struct {
	path string
	bank *quiz.Bank
	now  func() time.Time
	seed *uint64 // the shuffle seed, saved so a resumed quiz shows the same order
	stop string  // the short quiz's stop rule ("" for the full quiz), resumed as such
}

// save writes the answers so far, atomically: the file holds the last
// answer set in full or the one before it, never a part.
func (s *progressStore) save(answers quiz.Answers) error {
	data, err := s.bank.EncodeProgress(quiz.Progress{Saved: s.now(), Seed: s.seed, Short: s.stop != "", Stop: s.stop, Answers: answers})
	if err != nil {
		return err
	}
	return atomicfile.Write(s.path, data, 0o600)
}

// backUp moves the progress file aside (or copies it, keeping the
// original) to a name that says when: progress.2026-11-29T15-04-05.json.
func (s *progressStore) backUp(keep bool) (string, error) {
	backup, err := backUpFile(s.path, s.now(), keep)
	if err != nil {
		return "", fmt.Errorf("keeping the saved quiz %s aside: %w", s.path, err)
	}
	return backup, nil
}

// backUpFile moves path aside (or copies it, keeping the original) to a
// name beside it that says when: result.2026-11-29T15-04-05.json, with
// -2, -3… when that is taken. A copy is private, as what it copies is.
func backUpFile(path string, now time.Time, keep bool) (string, error) {
	ext := filepath.Ext(path)
	stamp := strings.TrimSuffix(path, ext) + "." + now.Format("2006-01-02T15-04-05")
	backup := stamp + ext
	for i := 2; ; i++ {
		if _, err := os.Lstat(backup); errors.Is(err, fs.ErrNotExist) {
			break
		}
		backup = stamp + "-" + strconv.Itoa(i) + ext
	}
	var err error
	if keep {
		var data []byte
		if data, err = os.ReadFile(path); err == nil {
			err = atomicfile.Write(backup, data, 0o600)
		}
	} else {
		err = os.Rename(path, backup)
	}
	if err != nil {
		return "", err
	}
	return backup, nil
}

// savedQuiz is progress read back from a file.
type savedQuiz struct {
	path     string
	progress quiz.Progress
	drops    []quiz.Drop
}

// bankChanged reports whether the quiz was saved with another version
// of bank b (its answers may then be fewer, or mean something else).
func (s *savedQuiz) bankChanged(b *quiz.Bank) bool {
	return len(s.drops) > 0 || s.progress.Digest != b.Digest() || s.progress.Bank != b.ID
}

// readSavedQuiz reads the progress file --resume names.
func readSavedQuiz(opts *QuizOptions, b *quiz.Bank, path string) (*savedQuiz, error) {
	data, err := readInput(opts.IO, path, "progress file")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, inputErrorf("--resume %s: no saved quiz there; start one with 'pmfit quiz'", path)
		}
		return nil, inputErrorf("--resume %s: %w", path, unwrapPath(err))
	}
	p, drops, err := b.DecodeProgress(path, data)
	if err != nil {
		return nil, asInput(err)
	}
	return &savedQuiz{path: path, progress: p, drops: drops}, nil
}

// offerSavedQuiz looks for a quiz saved at the progress path and, when
// there is one, asks whether to resume it or start over. Starting over
// keeps the old file under another name: progress is never replaced by
// less. A file that cannot be read as progress is kept aside the same way.
func offerSavedQuiz(opts *QuizOptions, t *render.Theme, prompter quiz.Prompter, out io.Writer, store *progressStore) (*savedQuiz, error) {
	data, err := os.ReadFile(store.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	p := t.P
	var saved *savedQuiz
	if err == nil {
		if prog, drops, derr := store.bank.DecodeProgress(store.path, data); derr == nil && prog.Answers.Count() > 0 {
			saved = &savedQuiz{path: store.path, progress: prog, drops: drops}
		} else if derr != nil {
			err = derr
		}
	}
	if saved == nil {
		backup, berr := store.backUp(false)
		if berr != nil {
			return nil, berr
		}
		if err != nil {
			writeLines(out, t, t.Bad, p.T(i18n.UnreadableProgress, quiz.Sanitize(err.Error())))
		}
		writeLines(out, t, t.Dim, p.T(i18n.KeptAsBackup, shell.Path(backup)))
		return nil, nil
	}
	when := saved.progress.Saved.Local().Format("2006-01-02 15:04")
	fmt.Fprintln(out)
	choice, err := prompter.Select(quiz.Prompt{
		Menu:    true,
		Message: p.T(i18n.SavedQuizFound, when, saved.progress.Answers.Count(), len(store.bank.Questions)),
		Options: []string{p.T(i18n.ResumeIt), p.T(i18n.StartOver)},
	})
	if errors.Is(err, quiz.ErrInterrupted) {
		fmt.Fprintln(out, p.T(i18n.NothingChanged, shell.Path(store.path)))
		return nil, &ExitError{Code: ExitInterrupted}
	}
	if err != nil {
		return nil, err
	}
	if choice == 0 {
		return saved, nil
	}
	backup, err := store.backUp(false)
	if err != nil {
		return nil, err
	}
	writeLines(out, t, t.Dim, p.T(i18n.KeptAsBackup, backup))
	return nil, nil
}

// writeLines writes a message wrapped to the theme's width.
func writeLines(out io.Writer, t *render.Theme, style *color.Color, text string) {
	for _, line := range render.Wrap(text, t.Width-1) {
		fmt.Fprintln(out, style.Sprint(line))
	}
}

// writeResumeNotes says what a resumed quiz brought back, and what it
// could not.
func writeResumeNotes(out io.Writer, theme *render.Theme, printer i18n.Printer, b *quiz.Bank, s *savedQuiz) {
	p := s.progress
	fmt.Fprintln(out)
	fmt.Fprintln(out, theme.Strong.Sprint(printer.T(i18n.Resuming, p.Answers.Count(), len(b.Questions))))
	if s.bankChanged(b) {
		fmt.Fprintln(out, printer.T(i18n.BankChanged))
	}
	for _, d := range s.drops {
		reason := printer.T(i18n.DroppedUnknown)
		if d.Value != "" {
			reason = printer.T(i18n.DroppedValue, strconv.Quote(d.Value))
		}
		fmt.Fprintln(out, theme.Bad.Sprint(printer.T(i18n.Dropped, d.Question, reason)))
	}
}

// progressGuard keeps the progress file current: it saves after every
// answer, and when the quiz ends early (by the prompter: Ctrl-C, Ctrl-D,
// a terminal gone; or by a signal) it says where the answers are and how
// to resume. Saves and the report are serialized, so a signal never cuts
// a save short and never leaves a temporary file.
type progressGuard struct {
	store   *progressStore
	opts    *QuizOptions
	printer i18n.Printer
	out     io.Writer // where the prompts are: the report goes below them

	mu      sync.Mutex
	answers quiz.Answers
	err     error // the last save's failure
	ended   bool
}

// update records the answers after an answer and saves them.
func (g *progressGuard) update(as quiz.Answers) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ended {
		return
	}
	copy(g.answers, as)
	if g.err = g.store.save(g.answers); g.err != nil {
		fmt.Fprintf(g.opts.IO.ErrOut, "pmfit: %s\n", quiz.Sanitize(g.printer.T(i18n.SaveFailed, g.err.Error())))
	}
}

// stopAndReport ends the quiz early: it makes sure the answers are saved,
// says where and how to resume, and returns the exit: 130 when the
// answers are safe, 1 when they could not be saved.
func (g *progressGuard) stopAndReport() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ended {
		return &ExitError{Code: ExitInterrupted}
	}
	g.ended = true
	p, b := g.printer, g.store.bank
	n := g.answers.Count()
	if n == 0 {
		fmt.Fprintf(g.out, "\n%s\n", p.T(i18n.StoppedBeforeAnswers))
		return &ExitError{Code: ExitInterrupted}
	}
	if g.err != nil {
		// One more try: the failure may have passed (a full disk freed).
		g.err = g.store.save(g.answers)
	}
	if g.err != nil {
		return fmt.Errorf("the quiz stopped, and your %d answers could not be saved to %s: %w", n, g.store.path, g.err)
	}
	resume := append(g.opts.Executable(), "quiz", "--resume", g.store.path)
	resume = append(resume, g.opts.BankFlags...)
	if g.opts.To != "" {
		resume = append(resume, "--to", g.opts.To)
	}
	fmt.Fprintln(g.out)
	for _, line := range render.Wrap(p.T(i18n.Interrupted, n, len(b.Questions), shell.Path(g.store.path)), g.opts.IO.TerminalWidth()-1) {
		fmt.Fprintln(g.out, line)
	}
	// The command stays on one line, whatever its length: it is pasted.
	fmt.Fprintf(g.out, "%s\n  %s\n", p.T(i18n.ResumeWith), shell.Join(resume))
	return &ExitError{Code: ExitInterrupted}
}

// watchSignals ends the quiz on SIGINT (Ctrl-C while no prompt holds the
// terminal), SIGHUP (the terminal closed) and SIGTERM: it restores the
// terminal, reports as stopAndReport does, and exits. It returns a
// function that stops watching.
func (g *progressGuard) watchSignals() (stop func()) {
	var restore func()
	if f, ok := g.opts.IO.In.(*os.File); ok {
		if state, err := term.GetState(int(f.Fd())); err == nil {
			restore = func() { _ = term.Restore(int(f.Fd()), state) }
		}
	}
	sigs := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sigs, os.Interrupt, syscall.SIGHUP, syscall.SIGTERM)
	go func() {
		select {
		case <-sigs:
		case <-done:
			return
		}
		if restore != nil {
			restore()
		}
		if !g.opts.accessible() {
			fmt.Fprint(g.out, "\x1b[?25h") // the prompt hides the cursor while asking
		}
		code := ExitInterrupted
		var exitErr *ExitError
		if err := g.stopAndReport(); !errors.As(err, &exitErr) {
			fmt.Fprintf(g.opts.IO.ErrOut, "pmfit: %s\n", quiz.Sanitize(err.Error()))
			code = ExitFailure
		}
		g.opts.Exit(code)
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(done)
		})
	}
}

// executable is how the resume command names pmfit: "pmfit" when that is
// what PATH finds, "go run ." under `go run` (its binary is a temporary
// file), else the path it was started by.
func executable() []string {
	self, err := os.Executable()
	if err != nil {
		return []string{"pmfit"}
	}
	onPath, _ := exec.LookPath("pmfit")
	return executableFor(self, onPath, os.Args[0])
}

// executableFor is executable's choice, given the running binary, what
// PATH finds for "pmfit" ("" for nothing), and argv[0].
func executableFor(self, onPath, arg0 string) []string {
	if onPath != "" && sameFile(onPath, self) {
		return []string{"pmfit"}
	}
	if strings.Contains(self, string(filepath.Separator)+"go-build") {
		return []string{"go", "run", "."}
	}
	if abs, err := filepath.Abs(arg0); err == nil && sameFile(abs, self) {
		return []string{abs}
	}
	return []string{self}
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
