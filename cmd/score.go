package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// ScoreOptions are the options of `pmfit score`.
type ScoreOptions struct {
	IO    *iostreams.IOStreams
	Bank  func() (*quiz.Bank, error)
	Model func() (*scoring.Model, error)
	Theme func() *render.Theme

	Answers     []string // --answer ID=VALUE, in the order given
	AnswersFile string   // --answers FILE; "-" is stdin
	Partial     bool
	Format      string
}

// explainTop is how many of the top roles a single result explains.
const explainTop = 3

// NewCmdScore builds `pmfit score`.
func NewCmdScore(f *Factory, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Theme: f.Theme}
	cmd := &cobra.Command{
		Use:   "score [flags]",
		Short: "Score answers given as flags or a file, without prompting",
		Long: `Score one set of answers and show which role fits best, and why.

Answers come from --answer ID=VALUE (repeat it; multi-select values are
comma-separated), from --answers FILE (YAML or JSON; "-" reads stdin), or
both, with flags winning. 'pmfit questions' lists the ids and values.

An answer file looks like this:

  id: ana                 # optional: who answered
  expect: tpm             # optional: the role expected to rank first
  answers:
    degree: computer-science
    week-of-work: [backlog, sprints]   # or "backlog,sprints"
    read-code: 5                       # Likert: an integer on the scale

Every question must be answered unless --partial is given, which scores
what is there and reports the coverage.

` + exitStatusHelp,
		Example: `  pmfit score --answers answers.yaml
  pmfit score --answers answers.json --answer org-size=startup --format json
  cat answers.json | pmfit score --answers -
  pmfit score --partial --answer degree=business --answer first-question=who-and-why`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if len(opts.Answers) == 0 && opts.AnswersFile == "" {
				return flagErrorf("no answers given: pass --answer ID=VALUE or --answers FILE (see 'pmfit questions')")
			}
			if runF != nil {
				return runF(opts)
			}
			return scoreRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVarP(&opts.Answers, "answer", "a", nil, "An answer as `ID=VALUE`; repeat for more (multi-select: ID=v1,v2)")
	fl.StringVar(&opts.AnswersFile, "answers", "", "Answer `file`, YAML or JSON (- for stdin)")
	fl.BoolVar(&opts.Partial, "partial", false, "Score whatever is answered instead of failing on missing answers")
	addFormatFlag(cmd, &opts.Format, "text", "json")
	_ = cmd.RegisterFlagCompletionFunc("answer", completeAnswer(f))
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return cmd
}

func scoreRun(opts *ScoreOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	set := &quiz.AnswerSet{Answers: b.NewAnswers()}
	if opts.AnswersFile != "" {
		data, err := readInput(opts.IO, opts.AnswersFile, "answers file")
		if err != nil {
			return err
		}
		name := opts.AnswersFile
		if name == "-" {
			name = "<stdin>"
		}
		if set, err = quiz.ParseAnswerFile(b, name, data); err != nil {
			return asInput(err)
		}
	}
	if err := applyAnswerFlags(b, set.Answers, opts.Answers); err != nil {
		return err
	}
	if err := checkComplete(b, set.Answers, opts.Partial); err != nil {
		return err
	}
	model, err := opts.Model()
	if err != nil {
		return err
	}
	res := model.Score(set.Answers, scoring.Options{Explain: explainTop})
	if opts.Format == "json" {
		return render.WriteJSON(opts.IO.Out, render.Result(b, set.Answers, &res, set.ID))
	}
	return render.ResultText(opts.IO.Out, opts.Theme(), b, set.Answers, &res)
}

// applyAnswerFlags parses --answer ID=VALUE flags into answers, replacing
// what a file gave. Values for one multi-select question may be spread
// over several flags; any other question may be given once.
func applyAnswerFlags(b *quiz.Bank, answers quiz.Answers, flags []string) error {
	values := map[int][]string{}
	var order []int
	for _, f := range flags {
		id, value, ok := strings.Cut(f, "=")
		id = strings.TrimSpace(id)
		if !ok || id == "" {
			return flagErrorf("invalid --answer %q: expected ID=VALUE, like degree=business", f)
		}
		qi, ok := b.Question(id)
		if !ok {
			return inputErrorf("--answer %s: unknown question %q%s (see 'pmfit questions')", f, id, quiz.DidYouMean(id, b.QuestionIDs()))
		}
		if _, seen := values[qi]; seen && b.Questions[qi].Kind != quiz.Multi {
			return inputErrorf("--answer %s: question %q is answered twice; give it once", f, id)
		}
		if _, seen := values[qi]; !seen {
			order = append(order, qi)
		}
		values[qi] = append(values[qi], value)
	}
	for _, qi := range order {
		a, err := b.ParseAnswer(qi, values[qi])
		if err != nil {
			return inputErrorf("--answer: %w", err)
		}
		answers[qi] = a
	}
	return nil
}

// checkComplete refuses missing answers unless partial scoring was asked
// for, and refuses an answer set with nothing in it either way.
func checkComplete(b *quiz.Bank, answers quiz.Answers, partial bool) error {
	missing := b.Missing(answers)
	if len(missing) == len(b.Questions) {
		return inputErrorf("no question is answered")
	}
	if len(missing) == 0 || partial {
		return nil
	}
	return inputErrorf("missing answers for %d of %d questions: %s\n(answer them with --answer ID=VALUE, or score what is there with --partial)",
		len(missing), len(b.Questions), strings.Join(missing, ", "))
}
