package cmd

import (
	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/batch"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
)

// GenerateOptions are the options of the hidden `pmfit generate`.
type GenerateOptions struct {
	IO     *iostreams.IOStreams
	Bank   func() (*quiz.Bank, error)
	Count  int
	Seed   uint64
	Format string
	Output string
}

// NewCmdGenerate builds `pmfit generate`, hidden: it writes random valid
// answer sets for benchmarks and load tests (docs/performance.md).
func NewCmdGenerate(f *Factory, runF func(*GenerateOptions) error) *cobra.Command {
	opts := &GenerateOptions{IO: f.IOStreams, Bank: f.Bank}
	cmd := &cobra.Command{
		Use:    "generate",
		Short:  "Write random, valid answer sets (for benchmarks)",
		Hidden: true,
		Example: `  pmfit generate --count 1000000 --seed 1 > sets.ndjson
  pmfit generate --count 100 --format csv > sets.csv`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkOutput(cmd); err != nil {
				return err
			}
			if err := checkFormat(opts.Format, "ndjson", "csv"); err != nil {
				return err
			}
			if opts.Count < 0 {
				return flagErrorf("--count must not be negative")
			}
			if runF != nil {
				return runF(opts)
			}
			b, err := opts.Bank()
			if err != nil {
				return err
			}
			out, commit, err := openOutputSize(opts.IO, opts.Output, publicFile, batchBuffer)
			if err != nil {
				return err
			}
			return commit(batch.Generate(out, b, opts.Count, opts.Seed, opts.Format))
		},
	}
	cmd.Flags().IntVarP(&opts.Count, "count", "n", 1000, "How many answer sets")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "Random seed; the same seed gives the same sets")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "Write to `FILE` instead of stdout")
	addFormatFlag(cmd, &opts.Format, "ndjson", "csv")
	return cmd
}
