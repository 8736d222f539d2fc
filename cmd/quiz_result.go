package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmfit/pmfit/internal/atomicfile"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/report"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/shell"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// finishQuiz scores a submitted quiz, saves the answers and result, and
// shows them. The progress file is removed only once the result is safe
// on disk; if it cannot be written, the progress stays and says where. A
// saved result holding more answers than this one (a full quiz, before a
// short one) is kept in a dated backup first: never replaced by less.
func finishQuiz(opts *QuizOptions, t *render.Theme, prompter quiz.Prompter, promptOut io.Writer, b *quiz.Bank, answers quiz.Answers, store *progressStore) error {
	ios, printer := opts.IO, t.P
	model, err := opts.Model()
	if err != nil {
		return err
	}
	route, err := routeFor(b, opts.To)
	if err != nil {
		return err
	}
	res := model.Score(answers, scoring.Options{Explain: explainTop, Decide: true, Likely: opts.Short != stopProof, Route: route})
	resultPath := resultPathFor(store.path)
	keep := func(err error) error {
		if serr := store.save(answers); serr == nil {
			return fmt.Errorf("%w\nYour answers are saved in %s; 'pmfit quiz --resume %s' shows the result once the problem is fixed", err, shell.Path(store.path), shell.Quote(store.path))
		}
		return err
	}
	var notes []string
	if earlier, n := fullerResult(b, resultPath, answers.Count()); earlier {
		backup, err := backUpFile(resultPath, opts.Now(), false)
		if err != nil {
			return keep(fmt.Errorf("could not keep your earlier result aside: %w", err))
		}
		notes = append(notes, printer.T(i18n.EarlierResultKept, n, shell.Path(backup)))
	}
	// The saved result and JSON carry the route only when --to asked for
	// it, as `pmfit score --format json` does: the same answers give the
	// same JSON whichever way they were scored.
	saved := res
	if opts.To == "" {
		saved.Route = nil
	}
	if err := writeOut(resultPath, printer, b, answers, &saved); err != nil {
		return keep(fmt.Errorf("could not save your result: %w", err))
	}
	if opts.Out != "" {
		if err := writeOut(opts.Out, printer, b, answers, &saved); err != nil {
			return keep(fmt.Errorf("--out %s: %w", opts.Out, err))
		}
	}
	if opts.Report != "" {
		if err := writeReport(opts.Report, printer, b, answers, &res, resultPath, opts.PageDate()); err != nil {
			return keep(fmt.Errorf("--report %s: %w", opts.Report, err))
		}
	}
	if err := os.Remove(store.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(ios.ErrOut, "pmfit: the finished quiz's progress file stays: %v\n", err)
	}

	again := shell.Join(append(opts.Executable(), "score", "--answers", resultPath))
	savedLines := []string{printer.T(i18n.ResultSaved, shell.Path(resultPath), again)}
	savedLines = append(savedLines, notes...)
	for _, also := range []string{opts.Out, opts.Report} {
		if also != "" {
			savedLines = append(savedLines, printer.T(i18n.AlsoSaved, shell.Path(also)))
		}
	}
	if opts.Format == "json" {
		if err := render.WriteJSON(ios.Out, render.Result(printer, b, answers, &saved, "")); err != nil {
			return err
		}
		fmt.Fprintln(promptOut, strings.Join(savedLines, " "))
		return nil
	}

	out := ios.Out
	rt := render.NewTheme(ios.TerminalWidth(), ios.ColorEnabled(), printer)
	if opts.accessible() {
		rt = render.PlainTheme(ios.TerminalWidth(), printer)
	}
	savedLines = render.Wrap(strings.Join(savedLines, " "), rt.Width-1)
	writeSaved := func() {
		for _, line := range savedLines {
			fmt.Fprintln(out, rt.Dim.Sprint(line))
		}
	}
	var full bytes.Buffer
	if err := render.ResultText(&full, rt, b, answers, &res); err != nil {
		return err
	}
	// The full result, headline and all, when asked for or when it goes
	// to a file or a screen reader: the summary would only repeat it.
	if opts.Details || !ios.IsStdoutTTY() || opts.accessible() {
		fmt.Fprintln(out)
		if _, err := out.Write(full.Bytes()); err != nil {
			return err
		}
		fmt.Fprintln(out)
		writeSaved()
		return nil
	}
	// Else a summary that fits the screen with the offer below it, so the
	// headline is on screen when the quiz ends.
	seeFull := printer.T(i18n.SeeFullResult)
	promptLines := 1 + len(render.Wrap(seeFull, rt.Width-3)) + 1 + 2 + 1 // blank, question, hints, two options, cursor
	room := ios.TerminalHeight() - 2 - screenRows(savedLines, ios.TerminalWidth()) - promptLines
	fmt.Fprintln(out)
	if err := render.ResultSummary(out, rt, b, &res, max(room, 1)); err != nil {
		return err
	}
	fmt.Fprintln(out)
	writeSaved()
	choice, err := prompter.Select(quiz.Prompt{
		Menu:    true,
		Message: seeFull,
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

// screenRows is how many rows lines take on a terminal width columns
// wide: a line wider than that (a long path) wraps onto more.
func screenRows(lines []string, width int) int {
	rows := 0
	for _, l := range lines {
		rows += max(1, (textwidth.String(l)+max(width, 1)-1)/max(width, 1))
	}
	return rows
}

// fullerResult reports whether the result saved at path holds more
// answers than n (and how many), or cannot be read as answers to b at
// all: either way it is kept aside rather than replaced.
func fullerResult(b *quiz.Bank, path string, n int) (bool, int) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, 0
	}
	if err != nil {
		return true, 0
	}
	set, err := quiz.ParseAnswerFile(b, path, data)
	if err != nil {
		return true, 0
	}
	return set.Answers.Count() > n, set.Answers.Count()
}

// writeReport draws the person's report into path, atomically; a new
// file is private, as the answers it shows are.
func writeReport(path string, p i18n.Printer, b *quiz.Bank, answers quiz.Answers, res *scoring.Result, answersFile string, made time.Time) error {
	var buf bytes.Buffer
	if err := report.WritePerson(&buf, report.NewPerson(p, b, answers, res, "", answersFile, made)); err != nil {
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
