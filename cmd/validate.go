package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// ValidateOptions are the options of `pmfit validate`.
type ValidateOptions struct {
	IO *iostreams.IOStreams
	// BankData is the bank in use, checked when no FILE is named;
	// Bank loads it, for answer files when several FILEs are named.
	BankData func() (string, []byte, error)
	Bank     func() (*quiz.Bank, error)

	Files   []string
	Answers []string
	Format  string
	Strict  bool
}

// NewCmdValidate builds `pmfit validate`.
func NewCmdValidate(f *Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: f.IOStreams, BankData: f.BankData, Bank: f.Bank}
	cmd := &cobra.Command{
		Use:   "validate [FILE...] [--answers FILE...]",
		Short: "Check question banks, and answer files against a bank, reporting every problem",
		Long: `Check question banks and report every problem found, not just the first, as
file:line:col: message, the way compilers do, so editors can jump to each.

Checked: YAML syntax; unknown keys (with a suggestion); ids that are
missing, malformed or duplicated; questions measuring unknown dimensions;
duplicate option values; role profiles naming unknown dimensions, targets
outside 0 to 100, weights that are not positive; dimensions measured by
fewer than two questions; Likert scales whose labels do not match their
points; sizes past the limits; and, once a bank has no other errors,
roles that no answers can rank first.
Warnings (which do not fail, unless --strict): missing translations,
control characters in texts, dimensions no role cares about.

With no FILE, the bank in use is checked (--questions, else
PMFIT_QUESTIONS, else the built-in one). Answer files (--answers FILE, or
any FILE whose top level has an answers key, so that
"--answers cohort/*.yaml" works as the shell expands it) are checked
against the one bank named, else against the bank in use; not at all
when that bank has errors.

Problems go to stderr, as file:line:col: message; --format json writes
them to stdout instead.

Exit status: 0 when no errors were found; 2 when some were (or warnings,
with --strict).`,
		Example: `  pmfit validate                        # the bank in use
  pmfit validate my-bank.yaml
  pmfit validate my-bank.yaml --answers cohort/*.yaml
  pmfit validate my-bank.yaml --format json | jq '.problems[] | select(.severity == "error")'`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Answers, "answers", nil, "Answer `FILE` to check against the bank; repeat, or list several after it")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "Fail on warnings too")
	addFormatFlag(cmd, &opts.Format, "text", "json")
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return cmd
}

func validateRun(opts *ValidateOptions) error {
	var problems []quiz.Problem
	check := func(name string, data []byte, err error) *quiz.Bank {
		if err != nil {
			problems = append(problems, quiz.Problem{File: name, Message: err.Error()})
			return nil
		}
		b, ps := quiz.CheckBank(name, data, quiz.LoadOptions{})
		problems = append(problems, ps...)
		if b != nil {
			problems = append(problems, unreachableRoles(name, b)...)
		}
		return b
	}
	// Positional files are banks, unless they read as answer files: the
	// shell spreads "--answers cohort/*.yaml" over them.
	answers := append([]string(nil), opts.Answers...)
	var banks []string
	for _, name := range opts.Files {
		if looksLikeAnswerFile(name) {
			answers = append(answers, name)
		} else {
			banks = append(banks, name)
		}
	}
	var one *quiz.Bank // the bank answer files are checked against
	if len(banks) == 0 {
		one = check(opts.BankData())
	}
	for _, name := range banks {
		data, err := readInput(opts.IO, name, "bank")
		one = check(name, data, err)
	}
	checked := max(1, len(banks)) + len(answers)

	if len(answers) > 0 {
		b := one
		if len(banks) > 1 {
			var err error
			if b, err = opts.Bank(); err != nil {
				return err
			}
		}
		for _, name := range answers {
			if b == nil {
				problems = append(problems, quiz.Problem{File: name, Severity: quiz.Warning, Message: "not checked: the bank has errors"})
				continue
			}
			problems = append(problems, checkAnswerFile(opts.IO, b, name)...)
		}
	}

	errs, warns := 0, 0
	for _, p := range problems {
		if p.Severity == quiz.Error {
			errs++
		} else {
			warns++
		}
	}
	if opts.Format == "json" {
		if err := render.WriteJSON(opts.IO.Out, validateJSON(problems, checked, errs, warns)); err != nil {
			return err
		}
	} else {
		// Diagnostics, as compilers write them: on stderr, and inert
		// whatever the file names and values hold.
		w := opts.IO.ErrOut
		for _, p := range problems {
			fmt.Fprintln(w, quiz.SanitizeLine(p.String()))
		}
		switch {
		case errs+warns == 0:
			fmt.Fprintf(w, "No problems found in %s.\n", plural(checked, "file"))
		default:
			fmt.Fprintf(w, "%s, %s in %s.\n", plural(errs, "error"), plural(warns, "warning"), plural(checked, "file"))
		}
	}
	if errs > 0 || (opts.Strict && warns > 0) {
		return &ExitError{Code: ExitUsage}
	}
	return nil
}

// looksLikeAnswerFile reports whether a file named as a bank is an
// answer file: a top-level "answers" key and no "questions". It reads
// only the start of the file; anything unreadable is left to be
// reported as a bank.
func looksLikeAnswerFile(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	return quiz.LooksLikeAnswerFile(head[:n])
}

// unreachableRoles reports each role that no answers found rank first,
// saying so firmly when another role provably ranks above it.
func unreachableRoles(file string, b *quiz.Bank) []quiz.Problem {
	var ps []quiz.Problem
	m := scoring.New(b)
	for r, role := range b.Roles {
		_, res := m.BestCase(r)
		if res.Top() == r {
			continue
		}
		p := quiz.Problem{File: file, Line: role.Source.Line, Col: role.Source.Col}
		if above := m.AlwaysAbove(r); above >= 0 {
			// A proof, not only a search that came back empty.
			p.Message = fmt.Sprintf("role %q can never rank first: %q ranks above it whatever the answers; make its profile more distinct, or add questions that separate them",
				role.ID, b.Roles[above].ID)
		} else {
			fit := 0.0
			for _, rf := range res.Roles {
				if rf.Role == r {
					fit = rf.Fit
				}
			}
			p.Message = fmt.Sprintf("role %q cannot rank first on any answers the search found: those that suit it best still rank %q first (fit %.1f against %.1f); make its profile more distinct, or add questions that separate it",
				role.ID, b.Roles[res.Top()].ID, render.Round1(res.Roles[0].Fit), render.Round1(fit))
		}
		ps = append(ps, p)
	}
	return ps
}

// checkAnswerFile reports an answer file's problems against b, and warns
// when it leaves questions unanswered.
func checkAnswerFile(ios *iostreams.IOStreams, b *quiz.Bank, name string) []quiz.Problem {
	data, err := readInput(ios, name, "answers file")
	if err != nil {
		return []quiz.Problem{{File: name, Message: err.Error()}}
	}
	set, err := quiz.ParseAnswerFile(b, name, data)
	var fe *quiz.FileError
	if errors.As(err, &fe) {
		return fe.Problems
	}
	if err != nil {
		return []quiz.Problem{{File: name, Message: err.Error()}}
	}
	// What score refuses even with --partial is an error here too: the
	// same file gets the same verdict from both.
	if err := checkComplete(b, set.Answers, true); err != nil {
		return []quiz.Problem{{File: name, Severity: quiz.Error, Message: err.Error()}}
	}
	if missing := b.Missing(set.Answers); len(missing) > 0 && !set.Partial {
		return []quiz.Problem{{File: name, Severity: quiz.Warning, Message: fmt.Sprintf(
			"answers %d of %d questions; scoring it needs --partial (missing: %s)", len(b.Questions)-len(missing), len(b.Questions), strings.Join(missing, ", "))}}
	}
	return nil
}

type problemJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func validateJSON(ps []quiz.Problem, checked, errs, warns int) any {
	out := struct {
		Problems []problemJSON `json:"problems"`
		Files    int           `json:"files"`
		Errors   int           `json:"errors"`
		Warnings int           `json:"warnings"`
	}{Problems: []problemJSON{}, Files: checked, Errors: errs, Warnings: warns}
	for _, p := range ps {
		out.Problems = append(out.Problems, problemJSON{File: p.File, Line: p.Line, Column: p.Col, Severity: p.Severity.String(), Message: p.Message})
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
