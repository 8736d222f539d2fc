package cmd

import (
	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
)

// ListOptions are the options of `pmfit questions` and `pmfit roles`.
type ListOptions struct {
	IO     *iostreams.IOStreams
	Bank   func() (*quiz.Bank, error)
	Theme  func() *render.Theme
	Format string
}

// NewCmdQuestions builds `pmfit questions`. runF replaces the real run in
// tests of flag parsing.
func NewCmdQuestions(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	return newListCmd(f, runF, questionsRun, &cobra.Command{
		Use:   "questions",
		Short: "List every question with its id and the values it accepts",
		Long: `List every question of the bank: its id, type, the dimensions it measures,
and the values a script may pass for it with 'pmfit score --answer ID=VALUE'.`,
		Example: `  pmfit questions
  pmfit questions --format json | jq -r '.[].id'`,
	})
}

func questionsRun(opts *ListOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return render.WriteJSON(opts.IO.Out, render.Questions(b))
	}
	return render.QuestionsText(opts.IO.Out, opts.Theme(), b)
}

// NewCmdRoles builds `pmfit roles`.
func NewCmdRoles(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	return newListCmd(f, runF, rolesRun, &cobra.Command{
		Use:   "roles",
		Short: "List every role with its summary and facts",
		Long: `List every role the bank scores against, with a summary and what the
sources say about it: average salary and its year, typical background,
focus, the teams it works with and where the role exists.`,
		Example: `  pmfit roles
  pmfit roles --format json | jq '.[] | {id, salary}'`,
	})
}

func rolesRun(opts *ListOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return render.WriteJSON(opts.IO.Out, render.Roles(b))
	}
	return render.RolesText(opts.IO.Out, opts.Theme(), b)
}

// newListCmd completes a listing command: --format text|json, no
// arguments, and run (or runF, in tests) with the options.
func newListCmd(f *Factory, runF, run func(*ListOptions) error, cmd *cobra.Command) *cobra.Command {
	opts := &ListOptions{IO: f.IOStreams, Bank: f.Bank, Theme: f.Theme}
	if runF == nil {
		runF = run
	}
	cmd.Args = noArgs
	cmd.RunE = func(*cobra.Command, []string) error {
		if err := checkFormat(opts.Format, "text", "json"); err != nil {
			return err
		}
		return runF(opts)
	}
	addFormatFlag(cmd, &opts.Format, "text", "json")
	return cmd
}
