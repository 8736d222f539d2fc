package cmd

import (
	"fmt"
	"io"
	"math"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/analysis"
	"github.com/pmfit/pmfit/internal/batch"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// AnalyzeOptions are the options of `pmfit analyze`.
type AnalyzeOptions struct {
	IO      *iostreams.IOStreams
	Bank    func() (*quiz.Bank, error)
	Model   func() (*scoring.Model, error)
	Printer func() i18n.Printer
	Width   func() int

	Inputs      []string
	InputFormat string
	Columns     string
	Partial     bool
	NA          []string // --na: CSV cells that mean "not answered"
	Jobs        int

	Simulate int
	Short    int  // --short-takes: respondents, random sets and input sets who also take the short quiz
	Fewest   bool // --fewest: and the fewest questions any order could ask them
	// Jitter (--jitter P) makes JitterCopies noisy copies of each input set
	// for the short takes (analysis.Jitter).
	Jitter       float64
	JitterCopies int
	Seed         uint64
	Noise        float64
	Format       string

	Thresholds analysis.Thresholds
}

// NewCmdAnalyze builds `pmfit analyze`.
func NewCmdAnalyze(f *Factory, runF func(*AnalyzeOptions) error) *cobra.Command {
	opts := &AnalyzeOptions{IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Printer: f.Printer, Width: f.IOStreams.TerminalWidth}
	var minAlpha, minTop1, minTop2, minAlso, maxFirst, maxRandomHigh, minRetakeHigh, minRetakeMedium float64
	var minQuickTop1, minQuickTop2, minQuickRandom, minProofTop1 float64
	var maxQuickMedian int
	cmd := &cobra.Command{
		Use:   "analyze [INPUT...] [flags]",
		Short: "Measure the question bank as an instrument: reliability, calibration, reach",
		Long: `Measure how well the question bank works as an instrument.

Answer sets come from INPUTs, read exactly as 'pmfit score' reads them
(answer files, directories, NDJSON, CSV, "-"), and from --simulate N
respondents drawn from the model docs/analysis.md states: a true position
on every dimension, and each item answered from it with noise of --noise
points. The report gives, for each cohort:

  - per dimension: Cronbach's alpha, McDonald's omega, and each item's
    corrected item-total correlation (items under .20 are flagged);
  - how many sets rank each role first, and the spread of the margins;
  - how often changing only one question's answer changes the top role;
  - with "expect" in the inputs: top-1 and top-2 accuracy, "also" (an
    acceptable second role) in the top two, and a confusion matrix;
  - whether explanations add up and keep their signs;
  - the short quiz in both forms (quick: stop once the full quiz very
    likely agrees; proof: once nothing could change it), taken by the
    first --short-takes complete sets: the questions each asked, how often
    it stopped on the full form's top role or one of its top two (with 95%
    intervals), the quick stop at thresholds .80, .90, .95 and .99, and,
    with --fewest, the fewest questions any order could have asked.
With --simulate it adds how often a retake agrees with the first take at
each certainty level, how uniformly random answer sets are graded, and
the short quiz taken by as many random sets. --jitter P takes the short
quiz on noisy copies of the inputs (each agreement answer one point off
with probability P; --jitter-copies of each).
For every role it searches the answers that rank it first by the widest
margin and flags a profile that contradicts the role's own targets.

Thresholds turn the report into a check for CI: any one unmet exits 4.

` + exitHelp(ExitOK, ExitFailure, ExitUsage, ExitInvalidRecords, ExitUnmet),
		Example: `  pmfit analyze --simulate 20000 --seed 1
  pmfit analyze testdata/personas --min-top1 1
  pmfit analyze cohort.ndjson --format json | jq '.inputs.reliability'
  pmfit analyze testdata/personas --simulate 20000 --min-alpha 0.7 --min-retake-high 0.95 \
      --min-retake-medium 0.8 --max-random-high 0.02 --reachable`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if _, err := batch.ParseFormat(opts.InputFormat); err != nil {
				return flagErrorf("--input-format: %v", err)
			}
			if len(opts.Inputs) == 0 && opts.Simulate == 0 {
				return flagErrorf("nothing to analyze: give INPUT files of answer sets, or --simulate N, or both")
			}
			if opts.Short < 0 {
				return flagErrorf("--short-takes must be 0 or more")
			}
			if math.IsNaN(opts.Jitter) || opts.Jitter < 0 || opts.Jitter > 1 {
				return flagErrorf("--jitter must be a probability from 0 to 1")
			}
			if opts.JitterCopies < 1 || opts.JitterCopies > maxJitterCopies {
				return flagErrorf("--jitter-copies must be from 1 to %d", maxJitterCopies)
			}
			if cmd.Flags().Changed("jitter") && len(opts.Inputs) == 0 {
				return flagErrorf("--jitter makes noisy copies of the inputs: give INPUT files")
			}
			if opts.Simulate < 0 {
				return flagErrorf("--simulate must not be negative")
			}
			if math.IsNaN(opts.Noise) || opts.Noise < 0 || opts.Noise > 100 {
				return flagErrorf("--noise must be from 0 to 100 points")
			}
			if opts.Jobs < 0 {
				return flagErrorf("--jobs must be 0 (one per CPU) or more")
			}
			th := &opts.Thresholds
			for _, fl := range []struct {
				name  string
				value float64
				dst   **float64
				needs string
			}{
				{"min-alpha", minAlpha, &th.MinAlpha, ""},
				{"min-top1", minTop1, &th.MinTop1, "inputs"},
				{"min-top2", minTop2, &th.MinTop2, "inputs"},
				{"min-also", minAlso, &th.MinAlso, "inputs"},
				{"max-first", maxFirst, &th.MaxFirst, "simulate"},
				{"max-random-high", maxRandomHigh, &th.MaxRandomHigh, "simulate"},
				{"min-retake-high", minRetakeHigh, &th.MinRetakeHigh, "simulate"},
				{"min-retake-medium", minRetakeMedium, &th.MinRetakeMedium, "simulate"},
				{"min-quick-top1", minQuickTop1, &th.MinQuickTop1, ""},
				{"min-quick-top2", minQuickTop2, &th.MinQuickTop2, ""},
				{"min-quick-random", minQuickRandom, &th.MinQuickRandom, "simulate"},
				{"min-proof-top1", minProofTop1, &th.MinProofTop1, ""},
			} {
				if !cmd.Flags().Changed(fl.name) {
					continue
				}
				if math.IsNaN(fl.value) || fl.value < 0 || fl.value > 1 {
					return flagErrorf("--%s must be a share from 0 to 1, got %v", fl.name, fl.value)
				}
				switch {
				case fl.needs == "inputs" && len(opts.Inputs) == 0:
					return flagErrorf("--%s checks answer sets with expect: give INPUT files", fl.name)
				case fl.needs == "simulate" && opts.Simulate == 0:
					return flagErrorf("--%s checks simulated answer sets: give --simulate N", fl.name)
				}
				v := fl.value
				*fl.dst = &v
			}
			if cmd.Flags().Changed("max-quick-median") {
				if maxQuickMedian < 0 {
					return flagErrorf("--max-quick-median must be 0 or more")
				}
				v := float64(maxQuickMedian)
				th.MaxQuickMedian = &v
			}
			if runF != nil {
				return runF(opts)
			}
			return analyzeRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.Simulate, "simulate", 0, "Simulate `N` respondents (and N uniformly random answer sets)")
	fl.IntVar(&opts.Short, "short-takes", defaultShortTakes, "How many simulated respondents and random sets, and complete input sets (the first in input order), also take the short quiz in both forms, at most; 0 for none")
	fl.BoolVar(&opts.Fewest, "fewest", false, "With the short takes, the fewest questions any order could have asked (slow)")
	fl.Float64Var(&opts.Jitter, "jitter", 0, "Take the short quiz on noisy copies of the inputs: each agreement answer one point off with probability `P`")
	fl.IntVar(&opts.JitterCopies, "jitter-copies", 20, "How many noisy copies of each input set --jitter makes")
	fl.Uint64Var(&opts.Seed, "seed", 1, "Random seed for --simulate; the same seed gives the same report")
	fl.Float64Var(&opts.Noise, "noise", analysis.DefaultNoise, "Item-level noise of simulated respondents, in `points` (0–100)")
	addFormatFlag(cmd, &opts.Format, "text", "json")
	fl.StringVar(&opts.InputFormat, "input-format", "", "Format of the INPUTs when their names do not say: yaml, json, ndjson or csv")
	fl.StringVar(&opts.Columns, "columns", "", "YAML `file` mapping CSV header cells to question ids (or id, expect, also, ignore)")
	fl.BoolVar(&opts.Partial, "partial", false, "Include answer sets with unanswered questions instead of refusing them")
	addNAFlag(cmd, &opts.NA)
	fl.IntVar(&opts.Jobs, "jobs", 0, "Workers (default: one per CPU); the report does not depend on it")
	fl.Float64Var(&minAlpha, "min-alpha", 0, "Exit 4 unless every dimension's alpha is at least `X` (the simulated cohort, else the inputs)")
	fl.Float64Var(&minTop1, "min-top1", 0, "Exit 4 unless at least a share `X` of the inputs with expect rank it first")
	fl.Float64Var(&minTop2, "min-top2", 0, "Exit 4 unless at least a share `X` of the inputs with expect rank it first or second")
	fl.Float64Var(&minAlso, "min-also", 0, "Exit 4 unless at least a share `X` of the inputs with also rank it in the top two")
	fl.Float64Var(&maxFirst, "max-first", 0, "Exit 4 if any role ranks first for more than a share `X` of uniformly random sets")
	fl.Float64Var(&maxRandomHigh, "max-random-high", 0, "Exit 4 if more than a share `X` of uniformly random sets are graded high")
	fl.Float64Var(&minRetakeHigh, "min-retake-high", 0, "Exit 4 unless retakes of simulated respondents graded high agree at least a share `X` of the time")
	fl.Float64Var(&minRetakeMedium, "min-retake-medium", 0, "Exit 4 unless retakes of respondents graded medium agree at least a share `X` of the time")
	fl.BoolVar(&opts.Thresholds.Reachable, "reachable", false, "Exit 4 unless every role can rank first with a profile consistent with its own targets")
	fl.IntVar(&maxQuickMedian, "max-quick-median", 0, "Exit 4 unless the quick short quiz asks a median of at most `N` questions (simulated respondents, inputs)")
	fl.Float64Var(&minQuickTop1, "min-quick-top1", 0, "Exit 4 unless the quick short quiz stops on the full quiz's top role at least a share `X` of the time (simulated respondents, inputs)")
	fl.Float64Var(&minQuickTop2, "min-quick-top2", 0, "Exit 4 unless it stops on one of the full quiz's top two at least a share `X` of the time")
	fl.Float64Var(&minQuickRandom, "min-quick-random", 0, "Exit 4 unless, for uniformly random sets, the quick short quiz stops on the full quiz's top role at least a share `X` of the time")
	fl.Float64Var(&minProofTop1, "min-proof-top1", 0, "Exit 4 unless the proof short quiz stops on the full quiz's top role at least a share `X` of the time (every cohort)")
	_ = cmd.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(batch.InputFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("columns", "yaml", "yml", "json")
	return cmd
}

// defaultShortTakes is how many respondents, random sets and input sets
// take the short quiz by default: enough for the agreement figures to be
// within about ±2 points (95% intervals, printed beside them), while
// `pmfit analyze --simulate 20000` answers in about 3 seconds on 2 CPUs.
const defaultShortTakes = 300

// maxJitterCopies bounds --jitter-copies: each copy is a short take.
const maxJitterCopies = 1000

// tally adapts an analysis tally to batch scoring's tallies.
type tally struct{ *analysis.Tally }

func (t tally) Merge(o batch.Tally) { t.Tally.Merge(o.(tally).Tally) }

func analyzeRun(opts *AnalyzeOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	model, err := opts.Model()
	if err != nil {
		return err
	}
	an := analysis.New(model)
	rep := &analysis.Report{Bank: b.ID, Questions: len(b.Questions), Dimensions: len(b.Dimensions), Roles: len(b.Roles)}

	if len(opts.Inputs) > 0 {
		sum, err := analyzeInputs(opts, b, model, an)
		if err != nil {
			return err
		}
		t := an.NewTally()
		if sum.Tally != nil {
			t = sum.Tally.(tally).Tally
		}
		cohort := an.Cohort(t)
		kept := t.Kept()
		if opts.Jitter > 0 {
			kept = analysis.Jitter(b, kept, opts.Jitter, opts.JitterCopies, opts.Seed)
			rep.Jittered = opts.Jitter
		}
		cohort.Short = an.ShortReport(an.ShortTakes(kept, opts.Jobs, opts.Fewest))
		cohort.Invalid = sum.Invalid
		rep.Inputs = &cohort
	}
	if opts.Simulate > 0 {
		sim := an.Simulate(analysis.SimOptions{N: opts.Simulate, Seed: opts.Seed, Noise: opts.Noise, Workers: opts.Jobs, Short: min(opts.Short, opts.Simulate), Fewest: opts.Fewest})
		rep.Simulation = an.SimulationReport(sim)
	}
	rep.Reach = an.Reach()
	rep.Checks = opts.Thresholds.Check(rep)

	out, commit, err := openOutput(opts.IO, "", publicFile)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		err = render.WriteJSON(out, rep)
	} else {
		err = render.AnalysisText(out, render.NewTheme(opts.Width(), opts.IO.ColorEnabled(), opts.Printer()), b, rep)
	}
	if err := commit(err); err != nil {
		return err
	}
	failed := 0
	for _, c := range rep.Checks {
		if !c.OK {
			failed++
			fmt.Fprintf(opts.IO.ErrOut, "pmfit: check %s failed: %s\n", c.Name, c.Detail)
		}
	}
	switch {
	case rep.Inputs != nil && rep.Inputs.Invalid > 0:
		return &ExitError{Code: ExitInvalidRecords}
	case failed > 0:
		return &ExitError{Code: ExitUnmet}
	}
	return nil
}

// analyzeInputs reads every INPUT as batch scoring does, tallying the
// valid sets; invalid ones are reported on stderr as there.
func analyzeInputs(opts *AnalyzeOptions, b *quiz.Bank, model *scoring.Model, an *analysis.Analyzer) (batch.Summary, error) {
	inputs, columns, err := batchInputs(opts.IO, b, opts.Inputs, opts.InputFormat, opts.Columns)
	if err != nil {
		return batch.Summary{}, err
	}
	notes := &cappedNotes{w: opts.IO.ErrOut}
	sum, err := batch.Run(batch.Options{
		Bank: b, Model: model, Lookup: batch.NewLookup(b),
		Inputs: inputs, Stdin: opts.IO.In, Columns: columns,
		Partial: opts.Partial, Workers: opts.Jobs, NA: opts.NA,
		Encoder: batch.Discard, Out: io.Discard,
		NewTally: func() batch.Tally { return tally{an.NewTally().KeepForShort(opts.Short)} },
		Note:     notes.note,
	})
	if n := notes.dropped(); n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "… and %d more\n", n)
	}
	if sum.Invalid > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "%d answer sets: %d analyzed, %d invalid (left out of the report)\n", sum.Records, sum.Scored, sum.Invalid)
	}
	return sum, err
}
