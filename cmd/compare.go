package cmd

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/report"
	"github.com/pmfit/pmfit/internal/scoring"
)

// maxCompared is how many people compare puts side by side; a cohort
// has its own view.
const maxCompared = 12

// CompareOptions are the options of `pmfit compare`.
type CompareOptions struct {
	IO      *iostreams.IOStreams
	Bank    func() (*quiz.Bank, error)
	Model   func() (*scoring.Model, error)
	Printer func() i18n.Printer
	Theme   func() *render.Theme

	Files   []string
	Format  string
	Output  string
	Partial bool
}

// NewCmdCompare builds `pmfit compare`.
func NewCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Printer: f.Printer, Theme: f.Theme}
	cmd := &cobra.Command{
		Use:   "compare FILE FILE [FILE...] [flags]",
		Short: "Put a few people's results side by side, and say where they differ most",
		Long: `Score two to twelve answer files (or results 'pmfit quiz --out' wrote) and
put them side by side: each person's best fit, its fit and how sure it is,
their scores on every dimension, and the dimensions where they differ
most. For a whole cohort, use 'pmfit score FILES --format html'.

--format text (a table), json (the same as data) or html (one page: the
profiles overlaid on one chart, self-contained, as 'pmfit report' draws).

` + exitHelp(ExitOK, ExitFailure, ExitUsage),
		Example: `  pmfit compare ana.yaml ben.yaml
  pmfit compare team/*.yaml --format html -o team.html
  pmfit compare ana.json ben.json --format json | jq '.differences[0]'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 || len(args) > maxCompared {
				return flagErrorf("compare takes 2 to %d answer files, got %d (for more, use 'pmfit score FILES --format html')", maxCompared, len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkOutput(cmd); err != nil {
				return err
			}
			opts.Files = args
			if err := checkFormat(opts.Format, "text", "json", "html"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "Write to `FILE` (new files: mode 0600) instead of stdout")
	fl.BoolVar(&opts.Partial, "partial", false, "Compare whatever is answered instead of refusing answer sets with missing answers")
	addFormatFlag(cmd, &opts.Format, "text", "json", "html")
	return cmd
}

func compareRun(opts *CompareOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	model, err := opts.Model()
	if err != nil {
		return err
	}
	var people []render.Compared
	seen := map[string]int{}
	for _, file := range opts.Files {
		set, err := readAnswerSet(opts.IO, b, file)
		if err != nil {
			return err
		}
		if err := checkComplete(b, set.Answers, opts.Partial || set.Partial); err != nil {
			return inputErrorf("%s: %w", file, err)
		}
		id := set.ID
		if id == "" {
			id = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		}
		// Two people by the same name are told apart.
		if seen[id]++; seen[id] > 1 {
			id += " (" + file + ")"
		}
		res := model.Score(set.Answers, scoring.Options{})
		people = append(people, render.Compared{ID: quiz.Sanitize(id), Source: file, Answers: set.Answers, Result: &res})
	}
	p := opts.Printer()
	v := render.Comparison(p, b, people)
	out, commit, err := openOutput(opts.IO, opts.Output, personalFile)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json":
		err = render.WriteJSON(out, v)
	case "html":
		err = report.WriteCompare(out, p, b, v)
	default:
		err = render.CompareText(out, opts.Theme(), b, v)
	}
	return commit(err)
}
