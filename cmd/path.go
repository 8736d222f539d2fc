package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// PathOptions are the options of `pmfit path`.
type PathOptions struct {
	IO      *iostreams.IOStreams
	Bank    func() (*quiz.Bank, error)
	Model   func() (*scoring.Model, error)
	Printer func() i18n.Printer
	Theme   func() *render.Theme

	To          string   // --to ROLE
	Answers     []string // --answer ID=VALUE
	AnswersFile string   // --answers FILE
	Partial     bool
	Format      string
}

// NewCmdPath builds `pmfit path`.
func NewCmdPath(f *Factory, runF func(*PathOptions) error) *cobra.Command {
	opts := &PathOptions{IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Printer: f.Printer, Theme: f.Theme}
	cmd := &cobra.Command{
		Use:   "path --to ROLE [flags]",
		Short: "Say what it would take for another role to rank first: the fewest answers to change",
		Long: `Read an answer set (--answer flags and/or --answers FILE, as score takes
them) and find the fewest answer changes after which ROLE ranks first,
ties broken as scoring breaks them. The changes are grouped by what they
mean for work ("Spend more of your week with development teams"); changes
to facts, which a person cannot change by deciding to (years in product,
degree), are kept apart, and a route that changes no fact is preferred
whenever one exists. Where the bank's source says something about the
role that applies where the route would leave you (a technical or
specialist role seldom exists at a startup), it says that too.

The route is proved shortest: docs/path.md states the search. On a bank
too large to search exhaustively within the work budget, the output says
so ("exact": false): the shortest route is then no longer than the one
shown. Unanswered questions stay unanswered: a route changes answers, it
does not add them.

` + exitHelp(ExitOK, ExitFailure, ExitUsage),
		Example: `  pmfit path --to tpm --answers me.yaml
  pmfit path --to pm --answers me.yaml --format json | jq '.changes[].question'
  pmfit path --to growth-pm --answer degree=business --answer trial-conversion=5 ...`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if opts.To == "" {
				return flagErrorf("--to is required: the role to find a route to (see 'pmfit roles')")
			}
			if len(opts.Answers) == 0 && opts.AnswersFile == "" {
				return flagErrorf("no answers given: pass --answer ID=VALUE or --answers FILE (see 'pmfit questions')")
			}
			if runF != nil {
				return runF(opts)
			}
			return pathRun(opts)
		},
	}
	fl := cmd.Flags()
	addToFlag(f, cmd, &opts.To, "The role to find a route to (an id from 'pmfit roles')")
	fl.StringArrayVarP(&opts.Answers, "answer", "a", nil, "An answer as `ID=VALUE`; repeat for more (multi-select: ID=v1,v2)")
	fl.StringVar(&opts.AnswersFile, "answers", "", "Answer `FILE`, YAML or JSON (- for stdin); flags win over it")
	fl.BoolVar(&opts.Partial, "partial", false, "Find a route for whatever is answered (unanswered questions stay so) instead of refusing a partial set")
	addFormatFlag(cmd, &opts.Format, "text", "json")
	_ = cmd.RegisterFlagCompletionFunc("answer", completeAnswer(f))
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return cmd
}

func pathRun(opts *PathOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	to, err := roleFlag(b, opts.To)
	if err != nil {
		return err
	}
	set, err := gatherAnswers(opts.IO, b, opts.AnswersFile, opts.Answers)
	if err != nil {
		return err
	}
	if err := checkComplete(b, set.Answers, opts.Partial || set.Partial); err != nil {
		return err
	}
	model, err := opts.Model()
	if err != nil {
		return err
	}
	route := model.Route(set.Answers, to)
	if opts.Format == "json" {
		return render.WriteJSON(opts.IO.Out, render.Path(opts.Printer(), b, set.Answers, &route))
	}
	res := model.Score(set.Answers, scoring.Options{})
	rank := 1
	for i, rf := range res.Roles {
		if rf.Role == to {
			rank = i + 1
		}
	}
	return render.PathText(opts.IO.Out, opts.Theme(), b, set.Answers, &route, rank, len(res.Roles))
}

// addToFlag adds --to ROLE, completed with the bank's role ids.
func addToFlag(f *Factory, cmd *cobra.Command, dst *string, usage string) {
	cmd.Flags().StringVar(dst, "to", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("to", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		b, err := f.Bank()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, r := range b.Roles {
			out = append(out, r.ID+"\t"+r.Name)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// roleFlag is the role --to names, or a usage error naming the roles
// and the nearest one.
func roleFlag(b *quiz.Bank, id string) (int, error) {
	if r, ok := b.Role(id); ok {
		return r, nil
	}
	return 0, flagErrorf("--to %s: no such role%s (roles: %s)", quiz.Quote(id), quiz.DidYouMean(id, b.RoleIDs()), strings.Join(b.RoleIDs(), ", "))
}

// routeFor is what the full result's "What it would take" is about: the
// role --to names, or else the runner-up.
func routeFor(b *quiz.Bank, to string) (scoring.RouteFor, error) {
	if to == "" {
		return scoring.RouteRunnerUp, nil
	}
	r, err := roleFlag(b, to)
	return scoring.RouteTo(r), err
}
