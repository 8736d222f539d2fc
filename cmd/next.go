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
	Stop        string   // --stop likely|proof
	Format      string
}

// NextJSON is `pmfit next --format json`.
type NextJSON struct {
	// Stop says the answers so far are enough, by the --stop rule.
	Stop bool `json:"stop"`
	// Top is the role stopped on; null while going on.
	Top *string `json:"top"`
	// Decided says the answers prove the top role: no answer to the rest
	// could change it (docs/adaptive.md).
	Decided bool `json:"decided"`
	// Likely is the role ranked first so far and how likely the full quiz
	// is to rank it first too; null before any answer.
	Likely *render.LikelyJSON `json:"likely"`
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
		Short: "Say which question to ask next, or that the answers so far are enough",
		Long: `Read a partial answer set (--answer flags and/or --answers FILE, as score
takes them) and say which question the short quiz would ask next, or
that the answers so far are enough: with --stop likely (the default),
once the full quiz would rank the same role first for at least 95 in
100 people who answer like this; with --stop proof, once no answer to
the remaining questions could change the top role. For a web form or a
chat bot driving the quiz one question at a time; 'pmfit quiz --short'
does the same in the terminal. docs/adaptive.md states both rules and
how the next question is chosen.

With no answers at all, it names the first question to ask.

` + exitHelp(ExitOK, ExitFailure, ExitUsage),
		Example: `  pmfit next --answer degree=computer-science --answer read-code=5
  pmfit next --answers partial.yaml --format json | jq -r '.next.id // .top'
  pmfit next --answers partial.yaml --stop proof`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if err := checkStop(opts.Stop); err != nil {
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
	addStopFlag(cmd, &opts.Stop)
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
	st := model.NextStep(set.Answers, stopRule(opts.Stop))
	if opts.Format == "json" {
		d := st.Decision
		v := NextJSON{Stop: st.Stop, Decided: d.Decided, Contenders: []string{}, Asked: d.Asked, Remaining: d.Remaining}
		if st.Stop {
			top := b.Roles[st.Top].ID
			v.Top = &top
		}
		if d.Asked > 0 {
			v.Likely = &render.LikelyJSON{Role: b.Roles[st.Likely.Role].ID, Probability: render.Share(st.Likely.Probability)}
		}
		for _, r := range d.Contenders {
			v.Contenders = append(v.Contenders, b.Roles[r].ID)
		}
		if st.Next >= 0 {
			q := render.Question(b, st.Next)
			v.Next = &q
		}
		return render.WriteJSON(opts.IO.Out, v)
	}
	return render.NextText(opts.IO.Out, opts.Theme(), b, st)
}

// addStopFlag adds --stop, the short quiz's rule.
func addStopFlag(cmd *cobra.Command, dst *string) {
	cmd.Flags().StringVar(dst, "stop", stopLikely, "When the answers so far are enough: `RULE` likely (the full quiz would very likely agree) or proof (no answer to the rest could change the top role)")
	_ = cmd.RegisterFlagCompletionFunc("stop", cobra.FixedCompletions([]string{stopLikely, stopProof}, cobra.ShellCompDirectiveNoFileComp))
}

// checkStop refuses a --stop other than likely or proof.
func checkStop(rule string) error {
	if rule != stopLikely && rule != stopProof {
		return flagErrorf("--stop %s: the rule must be likely or proof", quiz.Quote(rule))
	}
	return nil
}
