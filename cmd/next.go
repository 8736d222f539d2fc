package cmd

import (
	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// NextOptions are the options of `pmfit next`.
type NextOptions struct {
	IO      *iostreams.IOStreams
	Bank    func() (*quiz.Bank, error)
	Model   func() (*scoring.Model, error)
	Printer func() i18n.Printer
	Theme   func() *render.Theme

	Answers     []string // --answer ID=VALUE
	AnswersFile string   // --answers FILE
	Format      string
}

// NextJSON is `pmfit next --format json`.
type NextJSON struct {
	Decided bool `json:"decided"`
	// Top is the decided role; null while undecided.
	Top *string `json:"top"`
	// Contenders are the roles not yet ruled out.
	Contenders []string `json:"contenders"`
	Asked      int      `json:"asked"`
	Remaining  int      `json:"remaining"`
	// Next is the question to ask next, as `pmfit questions --format
	// json` describes it; null when decided or when all are answered.
	Next *render.QuestionJSON `json:"next"`
}

// NewCmdNext builds `pmfit next`.
func NewCmdNext(f *Factory, runF func(*NextOptions) error) *cobra.Command {
	opts := &NextOptions{IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Printer: f.Printer, Theme: f.Theme}
	cmd := &cobra.Command{
		Use:   "next [flags]",
		Short: "Say which question to ask next, or that the answers so far decide the best fit",
		Long: `Read a partial answer set (--answer flags and/or --answers FILE, as score
takes them) and say which question the short quiz would ask next, or
that the answers so far decide the top role: no answer to the remaining
questions could change it. For a web form or a chat bot driving the
quiz one question at a time; 'pmfit quiz --short' does the same in the
terminal. docs/adaptive.md states the rule and how the next question is
chosen.

With no answers at all, it names the first question to ask.

` + exitHelp(ExitOK, ExitFailure, ExitUsage),
		Example: `  pmfit next --answer degree=computer-science --answer read-code=5
  pmfit next --answers partial.yaml --format json | jq -r '.next.id // .top'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return nextRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVarP(&opts.Answers, "answer", "a", nil, "An answer as `ID=VALUE`; repeat for more (multi-select: ID=v1,v2)")
	fl.StringVar(&opts.AnswersFile, "answers", "", "Answer `FILE`, YAML or JSON (- for stdin); flags win over it")
	addFormatFlag(cmd, &opts.Format, "text", "json")
	_ = cmd.RegisterFlagCompletionFunc("answer", completeAnswer(f))
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return cmd
}

func nextRun(opts *NextOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	set, err := gatherAnswers(opts.IO, b, opts.AnswersFile, opts.Answers)
	if err != nil {
		return err
	}
	model, err := opts.Model()
	if err != nil {
		return err
	}
	d, qi := model.Plan(set.Answers)
	if opts.Format == "json" {
		v := NextJSON{Decided: d.Decided, Contenders: []string{}, Asked: d.Asked, Remaining: d.Remaining}
		if d.Decided {
			top := b.Roles[d.Top].ID
			v.Top = &top
		}
		for _, r := range d.Contenders {
			v.Contenders = append(v.Contenders, b.Roles[r].ID)
		}
		if qi >= 0 {
			q := render.Question(b, qi)
			v.Next = &q
		}
		return render.WriteJSON(opts.IO.Out, v)
	}
	return render.NextText(opts.IO.Out, opts.Theme(), b, d, qi)
}
