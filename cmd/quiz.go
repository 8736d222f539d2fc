package cmd

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/analysis"
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
	// PageDate is the date a --report page carries (Factory.PageDate).
	PageDate func() time.Time
	// Executable says how to name pmfit in the resume command: "pmfit"
	// when that is the program on PATH, else how it was started.
	Executable func() []string

	Accessible bool
	NoInput    bool
	Details    bool   // --details: the full result after the summary
	Save       string // --save FILE
	Resume     string // --resume[=FILE]; resumeDefault for the default file
	Out        string // --out FILE
	Report     string // --report FILE.html
	Format     string
	Shuffle    bool
	Seed       uint64
	SeedSet    bool
	// Short is --short[=RULE]: "" for the full quiz, else the stop rule,
	// "likely" (the default) or "proof".
	Short string
	// To is --to ROLE: the role the full result's "What it would take"
	// is about, instead of the runner-up.
	To string

	// BankFlags repeat --questions and --lang in the resume command.
	BankFlags []string
}

// resumeDefault is --resume given without a file.
const resumeDefault = "default"

// quizExitHelp lists the exit codes the quiz can end with.
const quizExitHelp = exitHeading + `  0    the quiz was answered and the result shown
  1    failure not caused by the input (I/O, internal), or the answers could
       not be saved
  2    usage error or invalid input (a flag, a bank, a progress file, an
       output that cannot be written)
  130  stopped (Ctrl-C, Ctrl-D, a hang-up, a closed terminal); the answers
       given so far were saved`

// NewCmdQuiz builds `pmfit quiz`.
func NewCmdQuiz(f *Factory, runF func(*QuizOptions) error) *cobra.Command {
	opts := &QuizOptions{
		IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Env: f.Env,
		Printer:     f.Printer,
		NewPrompter: newPrompter,
		Now:         time.Now,
		PageDate:    f.PageDate,
		Exit:        os.Exit,
		Executable:  executable,
	}
	cmd := &cobra.Command{
		Use:   "quiz [flags]",
		Short: "Take the quiz in your terminal",
		Long: `Ask every question of the bank in your terminal, then show which role fits
best and why.

With --short, the quiz asks the questions that matter most for you and
stops as soon as the full quiz would very likely give you the same best
fit (at least 95 in 100 people who answer like you), saying how likely,
then offers the rest for a fuller profile. --short=proof stops only once
no answer to the rest could change your best fit (it proves it); that
takes more questions. docs/adaptive.md states both rules.

Keys: a digit selects an answer (↑ and ↓, or k and j, move and select),
Space ticks an option where several may be chosen, and Enter confirms: an
answer counts only once confirmed, so an Enter pressed out of habit never
answers the next question. ← or Esc goes back a question. A review at the
end lets you change any answer before you submit.

Your answers are saved after every one (under $XDG_STATE_HOME/pmfit, else
~/.local/state/pmfit; --save chooses another file), so nothing is lost
whatever ends the quiz: Ctrl-C, Ctrl-D, a hang-up, a closed terminal, a
crash. The command that resumes is printed when you stop, and a plain
'pmfit quiz' offers to resume too. When you finish, your answers and
result are saved beside the progress file ('pmfit score --answers' shows
them again) and a summary is shown; the full result follows in a pager, or
at once with --details.

The quiz needs a terminal. In scripts and pipelines, use
'pmfit score --answer ID=VALUE' or 'pmfit score --answers FILE' instead.

` + quizExitHelp,
		Example: `  pmfit quiz
  pmfit quiz --out result.yaml            # keep your answers and result there too
  pmfit quiz --report me.html             # and a one-page report to share
  pmfit quiz --format json > result.json  # prompts on the terminal, JSON on stdout
  pmfit quiz --short                      # stop once your best fit is all but certain
  pmfit quiz --short=proof                # stop once no answer could change it
  pmfit quiz --resume                     # carry on where you stopped
  pmfit quiz --accessible                 # numbered options, one line each, no graphics`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 1 && opts.Resume == resumeDefault:
				opts.Resume = args[0] // pmfit quiz --resume FILE
				return nil
			case len(args) == 1 && opts.Short == stopLikely && cmd.Flags().Changed("short") && (args[0] == stopLikely || args[0] == stopProof):
				opts.Short = args[0] // pmfit quiz --short proof
				return nil
			}
			return noArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if opts.Short != "" && opts.Short != stopLikely && opts.Short != stopProof {
				return flagErrorf("--short %s: the stop rule must be likely (the default) or proof", quiz.Quote(opts.Short))
			}
			if opts.Out != "" && outFormat(opts.Out) == "" {
				return flagErrorf("--out %s: the file name must end in .json, .yaml or .yml", opts.Out)
			}
			if ext := strings.ToLower(filepath.Ext(opts.Report)); opts.Report != "" && ext != ".html" && ext != ".htm" {
				return flagErrorf("--report %s: the file name must end in .html", opts.Report)
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
	fl.BoolVar(&opts.Accessible, "accessible", false, "Plain prompts: numbered options, one line each, no colour or graphics (also PMFIT_ACCESSIBLE=1, and TERM=dumb)")
	fl.BoolVar(&opts.NoInput, "no-input", false, "Never prompt; fail instead (as with CI=true)")
	fl.BoolVar(&opts.Details, "details", false, "Print the full result after the summary, rather than offering a pager")
	fl.StringVar(&opts.Save, "save", "", "Save your answers to `FILE` as you go (a progress file, for --resume)")
	fl.StringVar(&opts.Resume, "resume", "", "Resume a saved quiz from the default progress file, or from `FILE`")
	fl.Lookup("resume").NoOptDefVal = resumeDefault
	fl.StringVar(&opts.Out, "out", "", "Also write your answers and result to `FILE` (.json, .yaml or .yml); a valid answer file for 'pmfit score'")
	addToFlag(f, cmd, &opts.To, "Show what it would take for `ROLE` to rank first, instead of the runner-up")
	fl.StringVar(&opts.Report, "report", "", "Also draw your result as a one-page HTML report in `FILE` (as 'pmfit report' does)")
	fl.StringVar(&opts.Short, "short", "", "Ask the questions that matter most for you, and stop once your best fit is all but certain (`RULE` likely), or proved (proof)")
	fl.Lookup("short").NoOptDefVal = stopLikely
	fl.BoolVar(&opts.Shuffle, "shuffle", false, "Shuffle the options of each choice question (Likert scales keep their order)")
	fl.Uint64Var(&opts.Seed, "seed", 0, "Seed for --shuffle, to repeat an order (default: random, and shown)")
	addFormatFlag(cmd, &opts.Format, "text", "json")
	_ = cmd.MarkFlagFilename("save", "json")
	_ = cmd.MarkFlagFilename("resume", "json")
	_ = cmd.MarkFlagFilename("out", "json", "yaml", "yml")
	_ = cmd.MarkFlagFilename("report", "html")
	return cmd
}

// promptsToStderr: when stdout carries the JSON result, or is not a
// terminal (`pmfit quiz > result.txt`), the questions go to the terminal
// on stderr.
func (opts *QuizOptions) promptsToStderr() bool {
	return opts.Format == "json" || !opts.IO.IsStdoutTTY()
}

// accessible reports whether the quiz is plain: numbered lines, no
// colour, no graphics, no escape sequences.
func (opts *QuizOptions) accessible() bool { return opts.Accessible || opts.IO.Accessible() }

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
	// --to is checked before the first question, not after the last.
	if _, err := routeFor(b, opts.To); err != nil {
		return err
	}
	printer := opts.Printer()
	promptOut := ios.Out
	colored := ios.ColorEnabled()
	if opts.promptsToStderr() {
		promptOut, colored = ios.ErrOut, ios.ErrColorEnabled()
	}
	theme := render.NewTheme(ios.TerminalWidth(), colored, printer)
	if opts.accessible() {
		theme = render.PlainTheme(ios.TerminalWidth(), printer)
	}

	// Where answers go is settled before the first question: an answer is
	// never given into a place that cannot keep it.
	savePath, err := opts.progressPath()
	if err != nil {
		return err
	}
	resumeFrom := ""
	if opts.Resume != "" && opts.Resume != resumeDefault {
		resumeFrom = opts.Resume
		if opts.Save == "" {
			savePath = resumeFrom
		}
	} else if opts.Resume == resumeDefault {
		resumeFrom = savePath
	}
	// A quiz to resume is read before anything is shown: a wrong path is
	// a usage error about --resume, not a screen of intro then an error.
	var saved *savedQuiz
	if resumeFrom != "" {
		if saved, err = readSavedQuiz(opts, b, resumeFrom); err != nil {
			return err
		}
	}
	saveFlag := "--save"
	if opts.Save == "" && resumeFrom != "" {
		saveFlag = "--resume" // the progress is saved back where it came from
	}
	if err := checkWritable(saveFlag, savePath, opts.Save == "" && resumeFrom == ""); err != nil {
		return err
	}
	for flag, path := range map[string]string{"--out": opts.Out, "--report": opts.Report} {
		if path != "" {
			if err := checkWritable(flag, path, false); err != nil {
				return err
			}
		}
	}

	prompter, err := opts.NewPrompter(opts, promptOut)
	if err != nil {
		return err
	}
	runner := &quiz.Runner{Bank: b, Printer: printer, Prompter: prompter, Clock: opts.Now}
	store := &progressStore{path: savePath, bank: b, now: opts.Now}

	writeIntro(promptOut, theme, printer, b, opts)
	if resumeFrom == "" {
		if saved, err = offerSavedQuiz(opts, theme, prompter, promptOut, store); err != nil {
			return err
		}
	}
	if saved != nil {
		runner.Answers, runner.Seed = saved.progress.Answers, saved.progress.Seed
		if saved.progress.Short && opts.Short == "" {
			opts.Short = saved.progress.Stop // a short quiz resumes as one, by its own rule
		}
		writeResumeNotes(promptOut, theme, printer, b, saved)
		if saved.bankChanged(b) && saved.path == savePath {
			// The bank changed: keep the file as it was before saving over it.
			backup, err := store.backUp(true)
			if err != nil {
				return err
			}
			writeLines(promptOut, theme, theme.Dim, printer.T(i18n.KeptAsBackup, backup))
		}
	}
	if opts.Shuffle && runner.Seed == nil {
		seed := opts.Seed
		if !opts.SeedSet {
			seed = rand.Uint64() % 1_000_000 // short enough to retype
		}
		runner.Seed = &seed
	}
	if runner.Seed != nil {
		fmt.Fprintln(promptOut, theme.Dim.Sprint(printer.T(i18n.Shuffled, *runner.Seed)))
	}

	store.seed, store.stop = runner.Seed, opts.Short
	if opts.Short != "" {
		model, err := opts.Model()
		if err != nil {
			return err
		}
		runner.Planner = &planner{m: model, rule: stopRule(opts.Short), p: printer}
		fmt.Fprintln(promptOut)
		intro := i18n.IntroShort
		if opts.Short == stopProof {
			intro = i18n.IntroShortProof
		}
		writeLines(promptOut, theme, theme.Dim, printer.T(intro))
	}
	guard := &progressGuard{store: store, answers: b.NewAnswers(), opts: opts, printer: printer, out: promptOut}
	if runner.Answers != nil {
		copy(guard.answers, runner.Answers)
	}
	runner.Saved = guard.update
	stop := guard.watchSignals()
	defer stop()

	answers, err := runner.Run()
	if errors.Is(err, quiz.ErrInterrupted) {
		return guard.stopAndReport()
	}
	if err != nil {
		return err
	}
	stop()
	return finishQuiz(opts, theme, prompter, promptOut, b, answers, store)
}

// The short quiz's stop rules, as --short, --stop and progress files
// name them.
const (
	stopLikely = "likely"
	stopProof  = "proof"
)

// stopRule is the scoring model's rule for a name.
func stopRule(name string) scoring.StopRule {
	if name == stopProof {
		return scoring.StopProof
	}
	return scoring.StopLikely
}

// planner is the short quiz's question chooser: the scoring model's, by
// its stop rule, with the sentence a stop is announced by.
type planner struct {
	m    *scoring.Model
	rule scoring.StopRule
	p    i18n.Printer
	// retake is the full quiz's own retake agreement, worked out the
	// first time the quick stop needs to quote it.
	retake *float64
}

// retakeRespondents are the simulated respondents the quick stop's
// sentence measures the full quiz's retake agreement on: a few
// milliseconds, within about ±2 points (docs/adaptive.md).
const retakeRespondents = 2000

func (pl *planner) Next(answers quiz.Answers) (int, string) {
	st := pl.m.NextStep(answers, pl.rule)
	if !st.Stop {
		return st.Next, ""
	}
	n, asked := len(answers), answers.Count()
	if st.Decision.Decided || asked == n {
		return -1, pl.p.T(i18n.DecidedAfter, asked, n, n-asked)
	}
	if pl.retake == nil {
		r := analysis.RetakeAgreement(pl.m, retakeRespondents, 1)
		pl.retake = &r
	}
	return -1, render.StoppedLikelyNote(pl.p, asked, n, st.Likely.Probability, *pl.retake)
}

// noTerminalMessage says why the quiz cannot ask, and what to use instead.
func noTerminalMessage(ios *iostreams.IOStreams, toStderr bool) string {
	why := "prompting is turned off (--no-input or CI=true)"
	switch {
	case !ios.IsStdinTTY():
		why = "stdin is not a terminal"
	case toStderr && !ios.IsStderrTTY():
		why = "neither stdout nor stderr is a terminal to ask on"
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
	if opts.accessible() {
		return quiz.NewPlain(ios.In, out, printer, ios.TerminalWidth()), nil
	}
	in, okIn := ios.In.(terminal.FileReader)
	outFile, okOut := out.(terminal.FileWriter)
	if !okIn || !okOut {
		return quiz.NewPlain(ios.In, out, printer, ios.TerminalWidth()), nil
	}
	colored := ios.ColorEnabled()
	if opts.promptsToStderr() {
		colored = ios.ErrColorEnabled()
	}
	return surveyprompt.New(in, outFile, ios.ErrOut, printer, colored), nil
}

func writeIntro(w io.Writer, t *render.Theme, printer i18n.Printer, b *quiz.Bank, opts *QuizOptions) {
	if b.Title != "" {
		fmt.Fprintln(w, t.Heading.Sprint(b.Title))
	}
	var lines []string
	if b.Intro != "" {
		lines = append(lines, b.Intro)
	}
	keys := i18n.IntroKeys
	if opts.accessible() {
		keys = i18n.IntroKeysPlain
	}
	lines = append(lines, printer.T(keys, len(b.Questions))+" "+printer.T(i18n.PrivacyNote))
	for i, para := range lines {
		if i > 0 {
			fmt.Fprintln(w)
		}
		for _, line := range render.Wrap(para, t.Width-1) {
			fmt.Fprintln(w, line)
		}
	}
}
