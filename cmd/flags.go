package cmd

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/batch"
	"github.com/pmfit/pmfit/internal/quiz"
)

// addFormatFlag adds --format with its allowed values, completed in the
// shell; the first is the default.
func addFormatFlag(cmd *cobra.Command, p *string, formats ...string) {
	cmd.Flags().StringVar(p, "format", formats[0], fmt.Sprintf("Output format: %s", strings.Join(formats, ", ")))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a --format value the command does not write.
func checkFormat(got string, allowed ...string) error {
	for _, a := range allowed {
		if got == a {
			return nil
		}
	}
	return flagErrorf("invalid value %q for --format: allowed: %s", got, strings.Join(allowed, ", "))
}

// completeAnswer completes --answer ID=VALUE: question ids first, then the
// values the chosen question allows, one comma-separated value at a time
// for multi-select questions.
func completeAnswer(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		b, err := f.Bank()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		id, value, hasValue := strings.Cut(toComplete, "=")
		if !hasValue {
			var out []string
			for _, q := range b.Questions {
				if strings.HasPrefix(q.ID, id) {
					out = append(out, q.ID+"=\t"+firstLine(q.Text))
				}
			}
			return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
		}
		qi, ok := b.Question(id)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		q := &b.Questions[qi]
		prefix := id + "="
		if q.Kind == quiz.Multi {
			if i := strings.LastIndex(value, ","); i >= 0 {
				prefix += value[:i+1]
				value = value[i+1:]
			}
		}
		// After a comma, no descriptions: bash's completion script escapes
		// a described candidate (a comma becomes "\,") before matching it
		// against what was typed, and nothing would match.
		describe := func(text string) string { return "\t" + text }
		if strings.Contains(prefix, ",") {
			describe = func(string) string { return "" }
		}
		var out []string
		if q.Kind == quiz.Likert {
			for v := q.Scale.Min; v <= q.Scale.Max; v++ {
				out = append(out, fmt.Sprintf("%s%d\t%s", prefix, v, q.Scale.Label(v)))
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		// Values already picked, and "none of these" beside them, are not
		// offered again.
		picked := strings.Split(strings.TrimPrefix(prefix, id+"="), ",")
		for _, o := range q.Options {
			if !strings.HasPrefix(o.Value, value) || slices.Contains(picked, o.Value) || (o.None && len(picked) > 1) {
				continue
			}
			out = append(out, prefix+o.Value+describe(o.Label))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// checkOutput refuses an --output given as the empty string: an empty
// value is more likely an unset variable ("-o $OUT") than a wish for
// stdout, which "-" (or no flag) asks for.
func checkOutput(cmd *cobra.Command) error {
	if f := cmd.Flags().Lookup("output"); f != nil && f.Changed && f.Value.String() == "" {
		return flagErrorf("--output is empty: name a file, or - for stdout")
	}
	return nil
}

// naFlag is --na: a comma-separated list kept apart from "not given"
// (nil), so that --na ” means "only an empty cell".
type naFlag struct{ dst *[]string }

func (f naFlag) String() string {
	if f.dst == nil || *f.dst == nil {
		return ""
	}
	return strings.Join(*f.dst, ",")
}

func (f naFlag) Set(v string) error {
	*f.dst = []string{}
	for _, t := range strings.Split(v, ",") {
		if t = strings.TrimSpace(t); t != "" {
			*f.dst = append(*f.dst, t)
		}
	}
	return nil
}

func (f naFlag) Type() string { return "tokens" }

// addNAFlag adds --na, the CSV cells that mean "not answered".
func addNAFlag(cmd *cobra.Command, dst *[]string) {
	cmd.Flags().Var(naFlag{dst}, "na", "CSV cells that mean \"not answered\", comma-separated (default "+strings.Join(batch.DefaultNA, ",")+"; an empty cell always does); they leave a set partial, which --partial scores")
}
