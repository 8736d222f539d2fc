package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/pmfit/pmfit/internal/atomicfile"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/quiz/surveyprompt"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// QuizOptions are the options of `pmfit quiz`.
type QuizOptions struct {
	IO      *iostreams.IOStreams
	Bank    func() (*quiz.Bank, error)
	Model   func() (*scoring.Model, error)
	Printer func() i18n.Printer
	Env     iostreams.Env

	// NewPrompter builds the prompter that writes to out; tests replace it
	// with a scripted fake.
	NewPrompter func(opts *QuizOptions, out io.Writer) (quiz.Prompter, error)
	// Now and Exit are the clock and the process exit a hang-up uses.
	Now  func() time.Time
	Exit func(code int)

	Accessible bool
	NoInput    bool
	Save       string // --save FILE
	Resume     string // --resume[=FILE]; resumeDefault for the default file
	Out        string // --out FILE
	Format     string
	Shuffle    bool
	Seed       uint64
	SeedSet    bool

	// BankFlags repeat --questions and --lang in the resume command.
	BankFlags []string
}

// resumeDefault is --resume given without a file.
const resumeDefault = "default"

// NewCmdQuiz builds `pmfit quiz`.
func NewCmdQuiz(f *Factory, runF func(*QuizOptions) error) *cobra.Command {
	opts := &QuizOptions{
		IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Env: f.Env,
		Printer:     f.Printer,
		NewPrompter: newPrompter,
		Now:         time.Now,
		Exit:        os.Exit,
	}
	cmd := &cobra.Command{
		Use:   "quiz [flags]",
		Short: "Take the quiz in your terminal",
		Long: `Ask every question of the bank in your terminal, then show which role fits
best and why.

Every question offers a way back, and a review at the end lets you change
any answer before you submit. Ctrl-C, a hang-up or a closed terminal saves
your answers so far to a progress file (under $XDG_STATE_HOME/pmfit, else
~/.local/state/pmfit; --save chooses another) and prints the command that
resumes them. 'pmfit quiz --resume' asks only what is still unanswered.

The quiz needs a terminal. In scripts and pipelines, use
'pmfit score --answer ID=VALUE' or 'pmfit score --answers FILE' instead.

` + exitStatusHelp,
		Example: `  pmfit quiz
  pmfit quiz --out result.yaml            # keep your answers and result
  pmfit quiz --format json > result.json  # prompts on the terminal, JSON on stdout
  pmfit quiz --resume                     # carry on after Ctrl-C
  pmfit quiz --accessible                 # numbered options, one line each`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 && opts.Resume == resumeDefault {
				opts.Resume = args[0] // pmfit quiz --resume FILE
				return nil
			}
			return noArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if opts.Out != "" && outFormat(opts.Out) == "" {
				return flagErrorf("--out %s: the file name must end in .json, .yaml or .yml", opts.Out)
			}
			opts.SeedSet = cmd.Flags().Changed("seed")
			if opts.SeedSet && !opts.Shuffle {
				return flagErrorf("--seed needs --shuffle")
			}
			if f.BankFile != "" {
				opts.BankFlags = append(opts.BankFlags, "--questions", f.BankFile)
			}
			if f.Lang != "" {
				opts.BankFlags = append(opts.BankFlags, "--lang", f.Lang)
			}
			if runF != nil {
				return runF(opts)
			}
			return quizRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Accessible, "accessible", false, "Plain prompts: numbered options, one line each (also PMFIT_ACCESSIBLE=1, and TERM=dumb)")
	fl.BoolVar(&opts.NoInput, "no-input", false, "Never prompt; fail instead (as with CI=true)")
	fl.StringVar(&opts.Save, "save", "", "Progress `file` to save to when interrupted")
	fl.StringVar(&opts.Resume, "resume", "", "Resume a saved quiz from the default progress file, or from `FILE`")
	fl.Lookup("resume").NoOptDefVal = resumeDefault
	fl.StringVar(&opts.Out, "out", "", "Also write your answers and result to `FILE` (.json, .yaml or .yml); a valid answer file for 'pmfit score'")
	fl.BoolVar(&opts.Shuffle, "shuffle", false, "Shuffle the options of each choice question (Likert scales keep their order)")
	fl.Uint64Var(&opts.Seed, "seed", 0, "Seed for --shuffle, to repeat an order (default: random, and shown)")
	addFormatFlag(cmd, &opts.Format, "text", "json")
	_ = cmd.MarkFlagFilename("save", "json")
	_ = cmd.MarkFlagFilename("resume", "json")
	_ = cmd.MarkFlagFilename("out", "json", "yaml", "yml")
	return cmd
}

// promptsToStderr: with --format json the result owns stdout, so the
// questions go to the terminal on stderr.
func (opts *QuizOptions) promptsToStderr() bool { return opts.Format == "json" }

func quizRun(opts *QuizOptions) error {
	ios := opts.IO
	if opts.NoInput {
		ios.SetNeverPrompt(true)
	}
	if !ios.CanPromptOn(opts.promptsToStderr()) {
		return &InputError{Err: errors.New(noTerminalMessage(ios, opts.promptsToStderr()))}
	}
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	printer := opts.Printer()
	promptOut := ios.Out
	colored := ios.ColorEnabled()
	if opts.promptsToStderr() {
		promptOut, colored = ios.ErrOut, ios.ErrColorEnabled()
	}
	theme := render.NewTheme(ios.TerminalWidth(), colored, printer)

	savePath, err := opts.progressPath()
	if err != nil {
		return err
	}
	runner := &quiz.Runner{Bank: b, Printer: printer}
	var progress *quiz.Progress
	var drops []quiz.Drop
	resumedFrom := ""
	if opts.Resume != "" {
		resumedFrom = savePath
		if opts.Resume != resumeDefault {
			resumedFrom = opts.Resume
		}
		p, d, err := readProgress(opts, b, resumedFrom)
		if err != nil {
			return err
		}
		progress, drops = &p, d
		runner.Answers, runner.Seed = p.Answers, p.Seed
		if opts.Save == "" {
			savePath = resumedFrom
		}
	}
	if opts.Shuffle && runner.Seed == nil {
		seed := opts.Seed
		if !opts.SeedSet {
			seed = rand.Uint64() % 1_000_000 // short enough to retype
		}
		runner.Seed = &seed
	}

	writeIntro(promptOut, theme, printer, b, opts, runner.Seed)
	if progress != nil {
		writeResumeNotes(promptOut, theme, printer, b, *progress, drops)
	}

	// Every answer is copied here as it is given, so a hang-up between
	// prompts can save it.
	guard := &progressGuard{opts: opts, bank: b, path: savePath, seed: runner.Seed, printer: printer, errOut: ios.ErrOut, answers: b.NewAnswers()}
	if runner.Answers != nil {
		guard.update(runner.Answers)
	}
	runner.Saved = guard.update
	stop := guard.watchSignals(promptOut)
	defer stop()

	prompter, err := opts.NewPrompter(opts, promptOut)
	if err != nil {
		return err
	}
	runner.Prompter = prompter
	answers, err := runner.Run()
	if errors.Is(err, quiz.ErrInterrupted) {
		return guard.saveAndReport()
	}
	if err != nil {
		return err
	}
	stop()

	model, err := opts.Model()
	if err != nil {
		return err
	}
	res := model.Score(answers, scoring.Options{Explain: explainTop})
	if opts.Out != "" {
		if err := writeOut(opts.Out, printer, b, answers, &res); err != nil {
			return err
		}
	}
	if resumedFrom != "" {
		_ = os.Remove(resumedFrom) // finished: the progress is spent
	}
	if opts.Format == "json" {
		return render.WriteJSON(ios.Out, render.Result(printer, b, answers, &res, ""))
	}
	fmt.Fprintln(ios.Out)
	return render.ResultText(ios.Out, render.NewTheme(ios.TerminalWidth(), ios.ColorEnabled(), printer), b, answers, &res)
}

// noTerminalMessage says why the quiz cannot ask, and what to use instead.
func noTerminalMessage(ios *iostreams.IOStreams, toStderr bool) string {
	why := "prompting is turned off (--no-input or CI=true)"
	switch {
	case !ios.IsStdinTTY():
		why = "stdin is not a terminal"
	case toStderr && !ios.IsStderrTTY():
		why = "stderr is not a terminal (with --format json the questions are asked there)"
	case !toStderr && !ios.IsStdoutTTY():
		why = "stdout is not a terminal"
	}
	return "the quiz asks its questions in a terminal, but " + why + ".\n" +
		"To score answers without prompting, use 'pmfit score --answer ID=VALUE ...' or\n" +
		"'pmfit score --answers FILE' ('pmfit questions' lists the ids and values)."
}

func newPrompter(opts *QuizOptions, out io.Writer) (quiz.Prompter, error) {
	ios := opts.IO
	printer := opts.Printer()
	if opts.Accessible || ios.Accessible() {
		return quiz.NewPlain(ios.In, out, printer), nil
	}
	in, okIn := ios.In.(terminal.FileReader)
	outFile, okOut := out.(terminal.FileWriter)
	if !okIn || !okOut {
		return quiz.NewPlain(ios.In, out, printer), nil
	}
	colored := ios.ColorEnabled()
	if opts.promptsToStderr() {
		colored = ios.ErrColorEnabled()
	}
	return surveyprompt.New(in, outFile, ios.ErrOut, colored), nil
}

// progressPath is where progress is saved: --save, else
// $XDG_STATE_HOME/pmfit/progress.json, else ~/.local/state/pmfit/progress.json.
func (opts *QuizOptions) progressPath() (string, error) {
	if opts.Save != "" {
		return opts.Save, nil
	}
	if dir := opts.Env.Get("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "pmfit", "progress.json"), nil
	}
	home := opts.Env.Get("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("no place to save progress: set HOME or XDG_STATE_HOME, or pass --save FILE")
		}
	}
	return filepath.Join(home, ".local", "state", "pmfit", "progress.json"), nil
}

// readProgress reads a progress file against the bank.
func readProgress(opts *QuizOptions, b *quiz.Bank, path string) (quiz.Progress, []quiz.Drop, error) {
	data, err := readInput(opts.IO, path, "progress file")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return quiz.Progress{}, nil, inputErrorf("no saved quiz at %s; start one with 'pmfit quiz'", path)
		}
		return quiz.Progress{}, nil, err
	}
	p, drops, err := b.DecodeProgress(path, data)
	if err != nil {
		return quiz.Progress{}, nil, asInput(err)
	}
	return p, drops, nil
}

// writeResumeNotes says what a resumed quiz brought back, and what it
// could not.
func writeResumeNotes(out io.Writer, theme *render.Theme, printer i18n.Printer, b *quiz.Bank, p quiz.Progress, drops []quiz.Drop) {
	fmt.Fprintln(out)
	fmt.Fprintln(out, theme.Strong.Sprint(printer.T(i18n.Resuming, p.Answers.Count(), len(b.Questions))))
	if p.Digest != b.Digest() || p.Bank != b.ID {
		fmt.Fprintln(out, printer.T(i18n.BankChanged))
	}
	for _, d := range drops {
		reason := printer.T(i18n.DroppedUnknown)
		if d.Value != "" {
			reason = printer.T(i18n.DroppedValue, strconv.Quote(d.Value))
		}
		fmt.Fprintln(out, theme.Bad.Sprint(printer.T(i18n.Dropped, d.Question, reason)))
	}
}

func writeIntro(w io.Writer, t *render.Theme, printer i18n.Printer, b *quiz.Bank, opts *QuizOptions, seed *uint64) {
	if b.Title != "" {
		fmt.Fprintln(w, t.Heading.Sprint(b.Title))
	}
	var lines []string
	if b.Intro != "" {
		lines = append(lines, b.Intro)
	}
	keys := i18n.IntroKeys
	if opts.Accessible || opts.IO.Accessible() {
		keys = i18n.IntroKeysPlain
	}
	note := printer.T(keys, len(b.Questions)) + " " + printer.T(i18n.PrivacyNote)
	if seed != nil {
		note += " " + printer.T(i18n.Shuffled, *seed)
	}
	lines = append(lines, note)
	for i, para := range lines {
		if i > 0 {
			fmt.Fprintln(w)
		}
		for _, line := range render.Wrap(para, t.Width-1) {
			fmt.Fprintln(w, line)
		}
	}
}

// progressGuard holds a copy of the answers so far and saves it when the
// quiz is interrupted, by the prompter (Ctrl-C, EOF) or by a signal.
type progressGuard struct {
	opts    *QuizOptions
	bank    *quiz.Bank
	path    string
	seed    *uint64
	printer i18n.Printer
	errOut  io.Writer

	mu      sync.Mutex
	answers quiz.Answers
	saved   bool
}

func (g *progressGuard) update(as quiz.Answers) {
	g.mu.Lock()
	defer g.mu.Unlock()
	copy(g.answers, as)
}

// saveAndReport saves the answers, says where and how to resume, and
// ends the program with ExitInterrupted. It runs once.
func (g *progressGuard) saveAndReport() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.saved {
		return &ExitError{Code: ExitInterrupted}
	}
	g.saved = true
	data, err := g.bank.EncodeProgress(quiz.Progress{Saved: g.opts.Now(), Seed: g.seed, Answers: g.answers})
	if err == nil {
		err = atomicfile.Write(g.path, data, 0o600)
	}
	if err != nil {
		return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("interrupted, and the progress could not be saved: %w", err)}
	}
	resume := append([]string{"pmfit", "quiz", "--resume", shellQuote(g.path)}, g.opts.BankFlags...)
	fmt.Fprintf(g.errOut, "\n%s\n%s\n  %s\n", g.printer.T(i18n.Interrupted, g.answers.Count(), len(g.bank.Questions), g.path), g.printer.T(i18n.ResumeWith), strings.Join(resume, " "))
	return &ExitError{Code: ExitInterrupted}
}

// watchSignals saves progress on SIGINT (Ctrl-C between prompts), SIGHUP
// (the terminal closed) and SIGTERM, restores the terminal, and exits. It
// returns a function that stops watching.
func (g *progressGuard) watchSignals(promptOut io.Writer) (stop func()) {
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
		fmt.Fprint(promptOut, "\x1b[?25h") // survey hides the cursor while asking
		err := g.saveAndReport()
		var exitErr *ExitError
		if errors.As(err, &exitErr) && exitErr.Err != nil {
			fmt.Fprintf(g.errOut, "pmfit: %v\n", exitErr.Err)
		}
		g.opts.Exit(ExitInterrupted)
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(done)
		})
	}
}

// shellQuote quotes a path for the resume command when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '~' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// outFormat is the format --out writes, from the file's extension.
func outFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".yaml", ".yml":
		return "yaml"
	}
	return ""
}

// writeOut writes answers and result to path, atomically. A new file is
// readable by its owner only: it holds a person's answers.
func writeOut(path string, p i18n.Printer, b *quiz.Bank, answers quiz.Answers, res *scoring.Result) error {
	data, err := render.AnswersAndResult(p, b, answers, res, outFormat(path))
	if err != nil {
		return err
	}
	return atomicfile.Write(path, data, 0o600)
}
