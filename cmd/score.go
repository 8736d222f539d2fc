package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmfit/pmfit/internal/atomicfile"
	"github.com/pmfit/pmfit/internal/batch"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/report"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/shell"
)

// ScoreOptions are the options of `pmfit score`.
type ScoreOptions struct {
	IO      *iostreams.IOStreams
	Bank    func() (*quiz.Bank, error)
	Model   func() (*scoring.Model, error)
	Theme   func() *render.Theme
	Printer func() i18n.Printer
	// PageDate is the date an HTML page carries (Factory.PageDate).
	PageDate func() time.Time

	Answers     []string // --answer ID=VALUE, in the order given
	AnswersFile string   // --answers FILE; "-" is stdin
	Partial     bool
	Stop        string // --stop: how a partial set's result says whether the rest could change it
	Format      string
	To          string // --to ROLE: what it would take, instead of the runner-up

	// Batch scoring.
	Inputs      []string // files, directories, "-"
	InputFormat string
	Columns     string // --columns FILE
	Output      string // --output FILE
	FailFast    bool
	Jobs        int
	NoSource    bool     // --no-source: output depends on each record alone
	NA          []string // --na: CSV cells that mean "not answered"; nil for batch.DefaultNA
}

// explainTop is how many of the top roles a single result explains.
const explainTop = 3

// scoreFormats are the formats score writes; text, json and html show a
// single answer set in full (html: a person's report; for many, a team
// view).
var scoreFormats = append(slices.Clone(batch.Formats), "html")

// NewCmdScore builds `pmfit score`.
func NewCmdScore(f *Factory, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{IO: f.IOStreams, Bank: f.Bank, Model: f.Model, Theme: f.Theme, Printer: f.Printer, PageDate: f.PageDate}
	cmd := &cobra.Command{
		Use:   "score [INPUT...] [flags]",
		Short: "Score answers from flags or files, one set or many, without prompting",
		Long: `Score answers and show which role fits best, and why.

One answer set comes from --answer ID=VALUE (repeat it; multi-select values
are comma-separated), from --answers FILE (YAML or JSON; "-" reads stdin),
or both, with flags winning. 'pmfit questions' lists the ids and values.

An answer file looks like this:

  id: ana                 # optional: who answered
  expect: tpm             # optional: the role expected to rank first
  answers:
    degree: computer-science
    week-of-work: [backlog, sprints]   # or "backlog,sprints"
    read-code: 5                       # Likert: an integer on the scale

Every question must be answered unless --partial is given, which scores
what is there and reports the coverage.

Many answer sets are scored at once when INPUTs are given, in any mix:
  - answer files (*.yaml, *.yml, *.json), one set each;
  - directories, walked for answer files;
  - NDJSON (*.ndjson, *.jsonl): one {"id", "answers", "expect"} per line;
  - CSV (*.csv) as form tools export it: a header of question ids (or of
    question texts, or anything mapped with --columns), one row per person,
    optional "id" and "expect" columns, multi-select values comma-separated
    in a quoted cell; option labels and scale labels count as values;
  - "-" for stdin (say --input-format when the format is not obvious).
Results stream out in input order, one per answer set, in the --format
chosen: text (a row each, then a summary), json, ndjson, csv or junit (a
test case per set with "expect"). An invalid set does not stop the run: it
is reported on stderr with its source and written as an error record in its
place (unless --fail-fast). A single answer file given as the only INPUT is
shown in full, as with --answers.

` + exitHelp(ExitOK, ExitFailure, ExitUsage, ExitInvalidRecords, ExitUnmet),
		Example: `  pmfit score --answers answers.yaml
  pmfit score --answers answers.json --answer org-size-now=startup --format json
  cat answers.json | pmfit score --answers -
  pmfit score --partial --answer degree=business --answer first-question=who-and-why
  pmfit score testdata/personas                       # a directory of answer files
  pmfit score cohort.csv --columns columns.yaml --format csv --output results.csv
  pmfit score answers.ndjson --format ndjson | jq -c 'select(.top == "tpm")'
  pmfit score testdata/personas --format junit --output junit.xml`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkOutput(cmd); err != nil {
				return err
			}
			opts.Inputs = args
			if err := checkFormat(opts.Format, scoreFormats...); err != nil {
				return err
			}
			if _, err := batch.ParseFormat(opts.InputFormat); err != nil {
				return flagErrorf("--input-format: %v", err)
			}
			if len(opts.Inputs) > 0 && (len(opts.Answers) > 0 || opts.AnswersFile != "") {
				return flagErrorf("--answer and --answers score one answer set; give INPUT files, or the flags, not both")
			}
			if len(opts.Inputs) == 0 && len(opts.Answers) == 0 && opts.AnswersFile == "" {
				return flagErrorf("no answers given: pass --answer ID=VALUE, --answers FILE, or files to score (see 'pmfit questions')")
			}
			if opts.Jobs < 0 {
				return flagErrorf("--jobs must be 0 (one per CPU) or more")
			}
			if err := checkStop(opts.Stop); err != nil {
				return err
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
	fl.BoolVar(&opts.Partial, "partial", false, "Score whatever is answered instead of refusing sets with missing answers")
	addNAFlag(cmd, &opts.NA)
	addStopFlag(cmd, &opts.Stop)
	addFormatFlag(cmd, &opts.Format, scoreFormats...)
	addToFlag(f, cmd, &opts.To, "One answer set: show what it would take for `ROLE` to rank first, instead of the runner-up")
	fl.StringVar(&opts.InputFormat, "input-format", "", "Format of the INPUTs when their names do not say: yaml, json, ndjson or csv")
	fl.StringVar(&opts.Columns, "columns", "", "YAML `file` mapping CSV header cells to question ids (or id, expect, ignore)")
	fl.StringVarP(&opts.Output, "output", "o", "", "Write results to `FILE`, atomically (new files: mode 0600), instead of stdout (\"-\")")
	fl.BoolVar(&opts.FailFast, "fail-fast", false, "Stop at the first invalid answer set")
	fl.BoolVar(&opts.NoSource, "no-source", false, "Leave source (file:line) out of results, so an input split into parts scores the same")
	fl.IntVar(&opts.Jobs, "jobs", 0, "Answer sets scored in parallel by this many workers (default, and at most: one per CPU)")
	_ = cmd.RegisterFlagCompletionFunc("answer", completeAnswer(f))
	_ = cmd.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(batch.InputFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	_ = cmd.MarkFlagFilename("columns", "yaml", "yml", "json")
	return cmd
}

func scoreRun(opts *ScoreOptions) error {
	if len(opts.Inputs) > 0 {
		if file, ok := singleAnswerFile(opts); ok {
			opts.AnswersFile = file
		} else if opts.To != "" {
			return flagErrorf("--to shows what it would take for one answer set; for many, run 'pmfit path' on each")
		} else {
			return batchRun(opts)
		}
	}
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	route, err := routeFor(b, opts.To)
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
	switch {
	case opts.Format == "json" && opts.To == "":
		// Scripts get what they ask for: the search is the slowest part
		// of scoring one set (docs/performance.md), and --to asks for it.
		route = scoring.NoRoute
	case opts.Format != "text" && opts.Format != "json" && opts.Format != "html":
		route = scoring.NoRoute // a batch format's row has no place for it
	}
	res := model.Score(set.Answers, scoring.Options{Explain: explainTop, Decide: true, Likely: opts.Stop == stopLikely, Route: route})
	out, commit, err := openOutput(opts.IO, opts.Output, personalFile)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json":
		err = render.WriteJSON(out, render.Result(opts.Printer(), b, set.Answers, &res, set.ID))
	case "text":
		err = render.ResultText(out, opts.Theme(), b, set.Answers, &res)
	case "html":
		file := opts.AnswersFile
		if file == "-" {
			file = ""
		}
		err = report.WritePerson(out, report.NewPerson(opts.Printer(), b, set.Answers, &res, set.ID, file, opts.PageDate()))
	default:
		err = encodeOne(out, b, set, &res, opts.Format, opts.NoSource)
	}
	if err = commit(err); err != nil {
		return err
	}
	return checkExpectation(b, set, &res)
}

// checkExpectation ends a single set's run with exit 4 when it names a
// role it expects and another ranks first; the output is unchanged.
func checkExpectation(b *quiz.Bank, set *quiz.AnswerSet, res *scoring.Result) error {
	if set.Expect == "" {
		return nil
	}
	if want, _ := b.Role(set.Expect); want != res.Top() {
		o := batch.Outcome{Result: res, Expect: want}
		return &ExitError{Code: ExitUnmet, Err: errors.New(o.Unmet(b))}
	}
	return nil
}

// encodeOne writes one answer set in a batch format.
func encodeOne(out io.Writer, b *quiz.Bank, set *quiz.AnswerSet, res *scoring.Result, format string, noSource bool) error {
	enc, err := batch.NewEncoder(format, b)
	if err != nil {
		return err
	}
	body, err := enc.Begin(out)
	if err != nil {
		return err
	}
	expect := -1
	if set.Expect != "" {
		expect, _ = b.Role(set.Expect)
	}
	id, src := []byte(set.ID), []byte(set.ID)
	if set.ID == "" {
		id, src = []byte("answers"), []byte("answers")
	}
	if noSource {
		id, src = []byte(set.ID), nil
	}
	o := batch.Outcome{ID: id, Source: src, Result: res, Expect: expect}
	if _, err := body.Write(enc.Append(nil, &o)); err != nil {
		return err
	}
	sum := batch.Summary{Records: 1, Scored: 1, Top: make([]int, len(b.Roles))}
	sum.Top[res.Top()]++
	if expect >= 0 && o.Met() {
		sum.Met++
	} else if expect >= 0 {
		sum.Unmet++
	}
	return enc.End(out, &sum)
}

// singleAnswerFile reports whether the INPUTs are one answer file, which
// is shown in full as --answers would show it.
func singleAnswerFile(opts *ScoreOptions) (string, bool) {
	if len(opts.Inputs) != 1 || opts.Inputs[0] == "-" || (opts.Format != "text" && opts.Format != "json") {
		return "", false
	}
	name := opts.Inputs[0]
	format, _ := batch.ParseFormat(opts.InputFormat)
	if format == batch.Auto {
		format = batch.FormatOf(name)
	}
	if st, err := os.Stat(name); err != nil || st.IsDir() || format != batch.AnswerFile {
		return "", false
	}
	return name, true
}

// maxNotes bounds the invalid records and unmet expectations listed on
// stderr; the output holds every one.
const maxNotes = 100

// cappedNotes writes a batch run's first maxNotes notes to w and counts
// the rest.
type cappedNotes struct {
	w io.Writer
	n int
}

func (c *cappedNotes) note(line string) {
	if c.n++; c.n <= maxNotes {
		fmt.Fprintln(c.w, line)
	}
}

// dropped is how many notes were not written.
func (c *cappedNotes) dropped() int { return max(0, c.n-maxNotes) }

// batchInputs gathers what score and analyze read many answer sets from:
// the INPUTs, each with the --input-format given (refusing a file whose
// name does not tell its format when none is), and the --columns file.
func batchInputs(ios *iostreams.IOStreams, b *quiz.Bank, names []string, inputFormat, columnsFile string) ([]batch.Input, *batch.Columns, error) {
	format, _ := batch.ParseFormat(inputFormat)
	var inputs []batch.Input
	for _, name := range names {
		// A name that is not there is a mistake in the command, as a
		// missing --answers file is (exit 2), not a record to report.
		if _, err := os.Stat(name); name != "-" && errors.Is(err, fs.ErrNotExist) {
			return nil, nil, inputErrorf("input %s: no such file or directory", name)
		}
		if name != "-" && format == batch.Auto && batch.FormatOf(name) == batch.Auto {
			// A pipe or device (<(…)) is sniffed, as stdin is; a regular
			// file must say what it is.
			if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
				return nil, nil, flagErrorf("cannot tell the format of %s from its name: use --input-format yaml, json, ndjson or csv", name)
			}
		}
		inputs = append(inputs, batch.Input{Name: name, Format: format})
	}
	if columnsFile == "" {
		return inputs, nil, nil
	}
	data, err := readInput(ios, columnsFile, "columns file")
	if err != nil {
		return nil, nil, err
	}
	columns, err := batch.ParseColumns(b, columnsFile, data)
	if err != nil {
		return nil, nil, asInput(err)
	}
	return inputs, columns, nil
}

// batchRun scores many answer sets and exits 3 when some were invalid,
// 4 when all were valid but some expectations unmet.
func batchRun(opts *ScoreOptions) error {
	b, err := opts.Bank()
	if err != nil {
		return err
	}
	model, err := opts.Model()
	if err != nil {
		return err
	}
	inputs, columns, err := batchInputs(opts.IO, b, opts.Inputs, opts.InputFormat, opts.Columns)
	if err != nil {
		return err
	}
	var enc batch.Encoder = report.NewCohort(opts.Printer(), b, model)
	if opts.Format != "html" {
		if enc, err = batch.NewEncoder(opts.Format, b); err != nil {
			return err
		}
	}
	out, commit, err := openOutputSize(opts.IO, opts.Output, personalFile, batchBuffer)
	if err != nil {
		return err
	}
	notes := &cappedNotes{w: opts.IO.ErrOut}
	sum, err := batch.Run(batch.Options{
		Bank: b, Model: model, Lookup: batch.NewLookup(b),
		Inputs: inputs, Stdin: opts.IO.In, Columns: columns,
		Partial: opts.Partial, FailFast: opts.FailFast, Workers: opts.Jobs, NoSource: opts.NoSource, NA: opts.NA,
		Encoder: enc, Out: out, Note: notes.note,
	})
	if err = commit(err); err != nil {
		return err
	}
	if n := notes.dropped(); n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "… and %d more (every record is in the output)\n", n)
	}
	if sum.Invalid+sum.Unmet > 0 && (opts.Format != "text" || opts.Output != "") {
		fmt.Fprintf(opts.IO.ErrOut, "%d answer sets: %d scored, %d invalid; expectations: %d met, %d unmet\n", sum.Records, sum.Scored, sum.Invalid, sum.Met, sum.Unmet)
	}
	switch {
	case sum.Invalid > 0:
		return &ExitError{Code: ExitInvalidRecords}
	case sum.Unmet > 0:
		return &ExitError{Code: ExitUnmet}
	}
	return nil
}

// Modes of new output files: results and answers are about people, so
// only their owner may read them; generated sets are about no one.
const (
	personalFile = 0o600
	publicFile   = 0o644
)

// openOutput returns where output goes: stdout (no path, or "-"), or
// FILE written atomically, new with mode perm (a file replaced keeps its
// own). commit finishes the file when the run succeeded (or ended with
// records to report) and discards it on a failure.
func openOutput(ios *iostreams.IOStreams, path string, perm os.FileMode) (io.Writer, func(error) error, error) {
	return openOutputSize(ios, path, perm, 32<<10)
}

// batchBuffer is how much batch output is buffered: it comes in many
// writes, and a megabyte at a time halves the run's system time. One
// result is a few kilobytes, and clearing a megabyte for it would cost
// a tenth of a millisecond of start-up.
const batchBuffer = 1 << 20

// openOutputSize is openOutput with a write buffer of size bytes.
func openOutputSize(ios *iostreams.IOStreams, path string, perm os.FileMode, size int) (io.Writer, func(error) error, error) {
	if path == "" || path == "-" {
		bw := bufio.NewWriterSize(ios.Out, size)
		return bw, func(err error) error {
			if ferr := bw.Flush(); err == nil {
				err = ferr
			}
			return err
		}, nil
	}
	f, err := atomicfile.Create(path, perm)
	if err != nil {
		var ce *atomicfile.CreateError
		if errors.As(err, &ce) {
			return nil, nil, inputErrorf("--output: %w", err) // a place the caller can fix
		}
		return nil, nil, fmt.Errorf("--output: %w", err)
	}
	stop := removeOnSignal(ios, f, path)
	bw := bufio.NewWriterSize(f, size)
	return bw, func(err error) error {
		defer stop()
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			f.Abort()
			return err
		}
		return f.Commit()
	}, nil
}

// removeOnSignal ends the program with ExitInterrupted on Ctrl-C, a
// hang-up or a termination while f is being written, removing its
// temporary file first: it may hold people's answers, and the target is
// left as it was. stop ends the watch. (kill -9 cannot be caught: the
// next write to the same target removes what it left, see atomicfile.)
func removeOnSignal(ios *iostreams.IOStreams, f *atomicfile.File, path string) (stop func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
			f.RemoveTemp()
			fmt.Fprintf(ios.ErrOut, "\npmfit: interrupted; %s was not written\n", shell.Path(path))
			os.Exit(ExitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
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
