package cmd

import (
	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
)

// SchemaOptions are the options of `pmfit schema`.
type SchemaOptions struct {
	IO   *iostreams.IOStreams
	Bank func() (*quiz.Bank, error)
	Kind string // "bank" or "answers"
}

// NewCmdSchema builds `pmfit schema`.
func NewCmdSchema(f *Factory, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{IO: f.IOStreams, Bank: f.Bank}
	cmd := &cobra.Command{
		Use:   "schema [bank|answers]",
		Short: "Print the JSON Schema of bank files or of answer files",
		Long: `Print a JSON Schema (draft 2020-12) that editors use to check and complete
files as they are typed.

  pmfit schema          the format of question banks (questions.yaml)
  pmfit schema answers  answer files for the bank in use: its question
                        ids and the values each allows

Point an editor at a schema with a first line such as
  # yaml-language-server: $schema=bank.schema.json`,
		Example: `  pmfit schema > bank.schema.json
  pmfit schema answers > answers.schema.json
  pmfit --questions data-roles.yaml schema answers`,
		ValidArgs: []string{"bank", "answers"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 || (len(args) == 1 && args[0] != "bank" && args[0] != "answers") {
				return flagErrorf("pmfit schema takes bank or answers, got %q", args)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Kind = "bank"
			if len(args) == 1 {
				opts.Kind = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return schemaRun(opts)
		},
	}
	return cmd
}

func schemaRun(opts *SchemaOptions) error {
	if opts.Kind == "bank" {
		_, err := opts.IO.Out.Write(quiz.BankSchema)
		return err
	}
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	return render.WriteJSON(opts.IO.Out, render.AnswersSchema(b))
}
