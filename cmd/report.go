package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/report"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/shell"
)

// ReportOptions are the options of `pmfit report`.
type ReportOptions struct {
	IO      *iostreams.IOStreams
	Bank    func() (*quiz.Bank, error)
	Model   func() (*scoring.Model, error)
	Printer func() i18n.Printer
	Env     iostreams.Env
	// PageDate is the date the page carries (Factory.PageDate).
	PageDate func() time.Time

	File    string // an answer file, or a result `quiz --out` wrote; "-" is stdin; "" the last quiz's result
	Output  string // -o FILE; "-" is stdout
	Partial bool
	To      string // --to ROLE: what it would take, instead of the runner-up
}

// NewCmdReport builds `pmfit report`.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Printer: f.Printer, Env: f.Env, PageDate: f.PageDate}
	cmd := &cobra.Command{
		Use:   "report [FILE] [flags]",
		Short: "Draw a person's result as a one-page HTML report",
		Long: `Draw the result of an answer file, or of a file 'pmfit quiz --out' wrote,
as one self-contained HTML page: the best fit and how sure it is, charts
of every role's fit and of the profile against the top role, what moved
the fit, the role's facts with their sources, and the answers given.

The page opens from disk in any browser, makes no network request, holds
no script, prints on one or two A4 pages, and follows the system's dark
mode. The answers are scored again with the bank in use, so the report is
current whatever version wrote the file. Its language follows --lang.

Without FILE, the result of the last quiz taken (result.json under
$XDG_STATE_HOME/pmfit, else ~/.local/state/pmfit) is drawn. Without
--output, the page goes to stdout, or, when stdout is a terminal, to FILE
with its extension changed to .html (and the path is printed).

` + exitHelp(ExitOK, ExitFailure, ExitUsage),
		Example: `  pmfit report                             # the last quiz's result
  pmfit report result.json                 # writes result.html
  pmfit report answers.yaml -o ana.html
  pmfit --lang es report answers.yaml > informe.html
  pmfit quiz --report me.html              # the same page, straight from the quiz`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return flagErrorf("report takes one FILE (an answer file or a result), got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkOutput(cmd); err != nil {
				return err
			}
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "Write the page to `FILE` (new files: mode 0600), or - for stdout")
	addToFlag(f, cmd, &opts.To, "Show what it would take for `ROLE` to rank first, instead of the runner-up")
	fl.BoolVar(&opts.Partial, "partial", false, "Draw whatever is answered instead of refusing answer sets with missing answers")
	_ = cmd.MarkFlagFilename("output", "html")
	return cmd
}

func reportRun(opts *ReportOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	route, err := routeFor(b, opts.To)
	if err != nil {
		return err
	}
	if opts.File == "" {
		if opts.File, err = statePath(opts.Env, "result.json"); err != nil {
			return err
		}
		if _, err := os.Stat(opts.File); errors.Is(err, fs.ErrNotExist) {
			return inputErrorf("no quiz result at %s yet: take the quiz with 'pmfit quiz', or name an answer file", opts.File)
		}
	}
	set, err := readAnswerSet(opts.IO, b, opts.File)
	if err != nil {
		return err
	}
	if err := checkComplete(b, set.Answers, opts.Partial || set.Partial); err != nil {
		return err
	}
	output := opts.Output
	toFile := output == "" && opts.File != "-" && opts.IO.IsStdoutTTY()
	if toFile {
		output = strings.TrimSuffix(opts.File, filepath.Ext(opts.File)) + ".html"
	}
	answersFile := opts.File
	if answersFile == "-" {
		answersFile = ""
	}
	model, err := opts.Model()
	if err != nil {
		return err
	}
	// Opened last: every path after it ends in commit, which removes the
	// temporary file on a failure.
	out, commit, err := openOutput(opts.IO, output, personalFile)
	if err != nil {
		return err
	}
	res := model.Score(set.Answers, scoring.Options{Explain: explainTop, Decide: true, Likely: true, Route: route})
	p := opts.Printer()
	if err := commit(report.WritePerson(out, report.NewPerson(p, b, set.Answers, &res, set.ID, answersFile, opts.PageDate()))); err != nil {
		return err
	}
	if toFile {
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s\n", shell.Path(output))
	}
	return nil
}
