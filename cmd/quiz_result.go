package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmfit/pmfit/internal/atomicfile"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/report"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/shell"
)

// finishQuiz scores a submitted quiz, saves the answers and result, and
// shows them. The progress file is removed only once the result is safe
// on disk; if it cannot be written, the progress stays and says where.
func finishQuiz(opts *QuizOptions, t *render.Theme, prompter quiz.Prompter, promptOut io.Writer, b *quiz.Bank, answers quiz.Answers, store *progressStore) error {
	ios, printer := opts.IO, t.P
	model, err := opts.Model()
	if err != nil {
		return err
	}
	res := model.Score(answers, scoring.Options{Explain: explainTop, Decide: true})
	resultPath := resultPathFor(store.path)
	keep := func(err error) error {
		if serr := store.save(answers); serr == nil {
			return fmt.Errorf("%w\nYour answers are saved in %s; 'pmfit quiz --resume %s' shows the result once the problem is fixed", err, store.path, shell.Quote(store.path))
		}
		return err
	}
	if err := writeOut(resultPath, printer, b, answers, &res); err != nil {
		return keep(fmt.Errorf("could not save your result: %w", err))
	}
	if opts.Out != "" {
		if err := writeOut(opts.Out, printer, b, answers, &res); err != nil {
			return keep(fmt.Errorf("--out %s: %w", opts.Out, err))
		}
	}
	if opts.Report != "" {
		if err := writeReport(opts.Report, printer, b, answers, &res, resultPath); err != nil {
			return keep(fmt.Errorf("--report %s: %w", opts.Report, err))
		}
	}
	if err := os.Remove(store.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(ios.ErrOut, "pmfit: the finished quiz's progress file stays: %v\n", err)
	}

	savedMsg := i18n.ResultSaved
	if answers.Count() < len(answers) {
		savedMsg = i18n.ResultSavedPartial // the short quiz
	}
	saved := []string{printer.T(savedMsg, resultPath)}
	for _, also := range []string{opts.Out, opts.Report} {
		if also != "" {
			saved = append(saved, printer.T(i18n.AlsoSaved, also))
		}
	}
	if opts.Format == "json" {
		if err := render.WriteJSON(ios.Out, render.Result(printer, b, answers, &res, "")); err != nil {
			return err
		}
		fmt.Fprintln(promptOut, strings.Join(saved, " "))
		return nil
	}

	out := ios.Out
	rt := render.NewTheme(ios.TerminalWidth(), ios.ColorEnabled(), printer)
	if opts.accessible() {
		rt = render.PlainTheme(ios.TerminalWidth(), printer)
	}
	fmt.Fprintln(out)
	if err := render.ResultSummary(out, rt, b, &res); err != nil {
		return err
	}
	fmt.Fprintln(out)
	for _, line := range render.Wrap(strings.Join(saved, " "), rt.Width-1) {
		fmt.Fprintln(out, rt.Dim.Sprint(line))
	}
	var full bytes.Buffer
	if err := render.ResultText(&full, rt, b, answers, &res); err != nil {
		return err
	}
	// The full result: printed when asked for, or when it is going to a
	// file or to a screen reader; else offered in a pager.
	if opts.Details || !ios.IsStdoutTTY() || opts.accessible() {
		fmt.Fprintln(out)
		_, err := out.Write(full.Bytes())
		return err
	}
	choice, err := prompter.Select(quiz.Prompt{
		Message: printer.T(i18n.SeeFullResult),
		Options: []string{printer.T(i18n.OpenPager), printer.T(i18n.Done)},
	})
	if errors.Is(err, quiz.ErrInterrupted) || (err == nil && choice != 0) {
		return nil // the result is on screen and on disk
	}
	if err != nil {
		return err
	}
	return ios.Page(opts.Env, full.String())
}

// writeReport draws the person's report into path, atomically; a new
// file is private, as the answers it shows are.
func writeReport(path string, p i18n.Printer, b *quiz.Bank, answers quiz.Answers, res *scoring.Result, answersFile string) error {
	var buf bytes.Buffer
	if err := report.WritePerson(&buf, report.NewPerson(p, b, answers, res, "", answersFile)); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), 0o600)
}

// resultPathFor is where a finished quiz's answers and result are kept:
// beside its progress file, as result.json (or NAME.result.json beside
// NAME.json).
func resultPathFor(progress string) string {
	dir, base := filepath.Split(progress)
	if base == "progress.json" {
		return filepath.Join(dir, "result.json")
	}
	return filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+".result.json")
}

// outFormat is the format --out writes, from the file's extension.
func outFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".yaml", ".yml":
		return "yaml"
	}
	return ""
}

// writeOut writes answers and result to path, atomically. A new file is
// readable by its owner only: it holds a person's answers.
func writeOut(path string, p i18n.Printer, b *quiz.Bank, answers quiz.Answers, res *scoring.Result) error {
	data, err := render.AnswersAndResult(p, b, answers, res, outFormat(path))
	if err != nil {
		return err
	}
	return atomicfile.Write(path, data, 0o600)
}
