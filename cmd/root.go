// Package cmd holds pmfit's commands. Each command turns its flags into an
// Options struct and hands it to a plain run function that tests call
// directly; Main runs the root command and maps errors to exit codes in
// one place.
package cmd

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
)

// Main runs pmfit with the process's arguments and environment and
// returns the exit code. bank is the embedded default question bank.
func Main(bank []byte, builtIn func(lang string) *quiz.Bank) int {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(MemoryLimit)
	}
	f := &Factory{
		IOStreams:   iostreams.System(os.LookupEnv),
		Env:         os.LookupEnv,
		Version:     version(),
		DefaultBank: bank,
		BuiltIn:     builtIn,
	}
	return Run(f, os.Args[1:])
}

// MemoryLimit is the Go runtime's soft memory limit (unless GOMEMLIMIT
// sets another): what pmfit holds at once is bounded by design (chunks
// in flight by bytes, files by size), and the limit makes the garbage
// collector return what is no longer held before the heap doubles, so
// the process stays under 64 MiB on any input (docs/performance.md).
const MemoryLimit = 40 << 20

// Run executes the command line args against f and returns the exit code,
// printing any error once, to stderr.
func Run(f *Factory, args []string) int {
	root := NewCmdRoot(f)
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		plainFlagUsages(root)
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var exitErr *ExitError
	if errors.As(err, &exitErr) && exitErr.Err == nil {
		return exitErr.Code // already reported
	}
	stderr := f.IOStreams.ErrOut
	// Messages quote arguments and file names as given: sanitized here,
	// once, nothing in them can drive the terminal.
	fmt.Fprintf(stderr, "pmfit: %s\n", quiz.Sanitize(strings.TrimSuffix(err.Error(), "\n")))
	var flagErr *FlagError
	if errors.As(err, &flagErr) && cmd != nil {
		fmt.Fprintf(stderr, "\n%s", cmd.UsageString())
	}
	return exitCode(err)
}

// NewCmdRoot builds the root command and its subcommands.
func NewCmdRoot(f *Factory) *cobra.Command {
	var noColor bool
	root := &cobra.Command{
		Use:   "pmfit <command> [flags]",
		Short: "Find the product-management role that fits you, and why",
		Long: `pmfit asks about your background, whether you lean toward the "why" or the
"how" of a product, the teams you work with, the size of organization you
like and the work you love, then scores your answers against each role and
explains the result.

` + exitHelp(ExitOK, ExitFailure, ExitUsage, ExitInvalidRecords, ExitUnmet, ExitInterrupted),
		Example: `  pmfit quiz                          # take the quiz in your terminal
  pmfit questions                     # the questions, with the values scripts pass
  pmfit score --answers answers.yaml  # score a file of answers
  pmfit score --answer degree=business --answer org-size-now=startup ... --partial
  pmfit score cohort.ndjson --format ndjson   # many answer sets, streamed
  pmfit validate my-bank.yaml         # check a question bank of your own`,
		Version:       f.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		// Runnable, so that cobra validates arguments and an unknown
		// command is a usage error rather than a silent help page.
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if noColor {
				f.IOStreams.SetColorEnabled(false)
			}
			if f.Lang != "" && !langPattern().MatchString(f.Lang) {
				return flagErrorf("--lang %q: expected a language code, like es or pt-BR", f.Lang)
			}
			return nil
		},
	}
	cobra.AddTemplateFunc("flagUsages", flagUsages)
	root.SetUsageTemplate(strings.NewReplacer(
		".LocalFlags.FlagUsages", "flagUsages .LocalFlags",
		".InheritedFlags.FlagUsages", "flagUsages .InheritedFlags",
	).Replace(root.UsageTemplate()))
	root.SetVersionTemplate("pmfit {{.Version}}\n")
	root.SetOut(f.IOStreams.Out)
	root.SetErr(f.IOStreams.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &FlagError{Err: fmt.Errorf("%w%s", err, flagSuggestion(cmd, err))}
	})
	// Suggest commands within two edits ("socre", "qiuz"); cobra applies
	// this default only on paths noArgs replaces.
	root.SuggestionsMinimumDistance = 2

	pf := root.PersistentFlags()
	pf.BoolVar(&noColor, "no-color", false, "Disable colour (also NO_COLOR=1, CLICOLOR=0 or TERM=dumb; CLICOLOR_FORCE=1 or FORCE_COLOR=1 force it on in a pipe)")
	pf.StringVar(&f.BankFile, "questions", "", "Question bank `file` to use instead of the built-in one (also PMFIT_QUESTIONS)")
	pf.StringVar(&f.Lang, "lang", "", "Language for the bank's texts, like es (default from LC_ALL, LC_MESSAGES or LANG)")
	_ = root.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		// The languages the bank in use is written in.
		b, err := f.Bank()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return b.Languages, cobra.ShellCompDirectiveNoFileComp
	})

	root.AddCommand(
		NewCmdQuiz(f, nil),
		NewCmdQuestions(f, nil),
		NewCmdRoles(f, nil),
		NewCmdScore(f, nil),
		NewCmdReport(f, nil),
		NewCmdCompare(f, nil),
		NewCmdNext(f, nil),
		NewCmdPath(f, nil),
		NewCmdAnalyze(f, nil),
		NewCmdValidate(f, nil),
		NewCmdSchema(f, nil),
		NewCmdGenerate(f, nil),
		NewCmdMan(f),
	)
	root.CompletionOptions.HiddenDefaultCmd = false
	fixCompletionScripts(root)
	return root
}

// langPattern is a BCP 47 language tag as --lang takes it: a language,
// then optional subtags ("es", "pt-BR", "zh-Hant-TW"), or a POSIX locale
// name ("es_ES").
var langPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`) })

// flagUsages is pflag's flag listing, with flags whose value is optional
// shown as "--resume[=FILE]" rather than pflag's `--resume FILE[="default"]`,
// which reads as if the value were required and "default" a file.
func flagUsages(fs *pflag.FlagSet) string {
	usages := fs.FlagUsages()
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.NoOptDefVal == "" || fl.Value.Type() != "string" {
			return
		}
		varname, _ := pflag.UnquoteUsage(fl)
		was := fmt.Sprintf("--%s %s[=%q]", fl.Name, varname, fl.NoOptDefVal)
		now := fmt.Sprintf("--%s[=%s]", fl.Name, varname)
		// Padded to the same width, so the descriptions stay aligned.
		usages = strings.Replace(usages, was, now+strings.Repeat(" ", len(was)-len(now)), 1)
	})
	return usages
}

// plainFlagUsages drops the backticks that name a flag's value in help
// ("Progress `FILE`"): shells show completion descriptions as they are.
func plainFlagUsages(cmd *cobra.Command) {
	strip := func(fl *pflag.Flag) { fl.Usage = strings.ReplaceAll(fl.Usage, "`", "") }
	cmd.Flags().VisitAll(strip)
	cmd.PersistentFlags().VisitAll(strip)
	for _, c := range cmd.Commands() {
		plainFlagUsages(c)
	}
}

// noArgs refuses positional arguments as a usage error; cobra's own
// validators return plain errors, which would exit 1.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.HasSubCommands() {
		return flagErrorf("unknown command %q for %q%s", args[0], cmd.CommandPath(), suggestions(cmd, args[0]))
	}
	return flagErrorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
}

// flagSuggestion names the flag an unknown one was likely meant to be:
// "--fromat" → " (did you mean "--format"?)".
func flagSuggestion(cmd *cobra.Command, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	name, _, _ = strings.Cut(name, "=")
	var names []string
	add := func(f *pflag.Flag) { names = append(names, "--"+f.Name) }
	cmd.Flags().VisitAll(add)
	cmd.InheritedFlags().VisitAll(add)
	return quiz.DidYouMean("--"+name, names)
}

func suggestions(cmd *cobra.Command, arg string) string {
	if s := cmd.SuggestionsFor(arg); len(s) > 0 {
		return fmt.Sprintf("; did you mean %q?", s[0])
	}
	return ""
}

// version is the module version the binary was built from, with the VCS
// revision when the build recorded one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
