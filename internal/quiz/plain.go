package quiz

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// Plain is a line-based prompter for screen readers, TERM=dumb and
// terminals that mangle escape codes: it prints numbered options, reads
// one line per answer, and never uses raw mode, colour or cursor movement.
type Plain struct {
	in      *bufio.Reader
	out     io.Writer
	printer i18n.Printer
	width   int // columns to wrap questions and options to
}

// NewPlain returns a plain prompter reading in and writing out, wrapping
// its lines to width columns (as the results are), so that a screen
// reader's review mode and a narrow terminal both get whole lines.
func NewPlain(in io.Reader, out io.Writer, printer i18n.Printer, width int) *Plain {
	return &Plain{in: bufio.NewReader(in), out: out, printer: printer, width: max(width, 40)}
}

// Select implements Prompter.
func (p *Plain) Select(pr Prompt) (int, error) {
	p.show(pr)
	for {
		line, err := p.readLine(p.printer.T(i18n.PlainChoose))
		if err != nil {
			return 0, err
		}
		if isBack(line) && pr.Back != "" {
			return 0, ErrBack
		}
		if line == "" && len(pr.Default) > 0 {
			return pr.Default[0], nil
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(pr.Options) {
			return n - 1, nil
		}
		fmt.Fprintln(p.out, p.printer.T(i18n.PlainInvalid, len(pr.Options)))
	}
}

// MultiSelect implements Prompter.
func (p *Plain) MultiSelect(pr Prompt) ([]int, error) {
	p.show(pr)
	for {
		line, err := p.readLine(p.printer.T(i18n.PlainChooseMany))
		if err != nil {
			return nil, err
		}
		if isBack(line) && pr.Back != "" {
			return nil, ErrBack
		}
		var picked []int
		if line == "" && len(pr.Default) > 0 {
			picked = slices.Clone(pr.Default)
		} else if picked, err = parseNumbers(line, len(pr.Options)); err != nil {
			fmt.Fprintln(p.out, p.printer.T(i18n.PlainInvalidMany, len(pr.Options)))
			continue
		}
		if pr.Validate != nil {
			if err := pr.Validate(picked); err != nil {
				fmt.Fprintln(p.out, err)
				continue
			}
		}
		return picked, nil
	}
}

func (p *Plain) show(pr Prompt) {
	fmt.Fprintln(p.out)
	if pr.Progress != "" {
		p.writeWrapped("", 0, pr.Progress)
	}
	p.writeWrapped("", 0, pr.Message)
	if pr.Help != "" {
		p.writeWrapped("", 0, pr.Help)
	}
	width := len(strconv.Itoa(len(pr.Options)))
	for i, o := range pr.Options {
		if i < len(pr.Details) && pr.Details[i] != "" {
			o += " → " + pr.Details[i]
		}
		p.writeWrapped(fmt.Sprintf("  %*d. ", width, i+1), width+4, o)
	}
	if pr.Back != "" {
		// A letter, not a number: it cannot be picked along with options.
		p.writeWrapped(fmt.Sprintf("  %*s. ", width, "b"), width+4, upperFirst(pr.Back))
	}
	if len(pr.Default) > 0 {
		var current []string
		for _, i := range pr.Default {
			current = append(current, strconv.Itoa(i+1))
		}
		p.writeWrapped("", 0, p.printer.T(i18n.PlainCurrent, strings.Join(current, ",")))
	}
}

// writeWrapped writes text wrapped to the prompter's width, the first
// line after first and the others indented by indent spaces.
func (p *Plain) writeWrapped(first string, indent int, text string) {
	pad := strings.Repeat(" ", indent)
	for i, line := range textwidth.Wrap(strings.Join(strings.Fields(text), " "), p.width-1-indent) {
		if i == 0 {
			fmt.Fprintf(p.out, "%s%s\n", first, line)
			continue
		}
		fmt.Fprintf(p.out, "%s%s\n", pad, line)
	}
}

// upperFirst capitalizes a sentence's first letter.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// isBack reports whether a typed line asks to go back.
func isBack(line string) bool {
	switch strings.ToLower(line) {
	case "b", "<":
		return true
	}
	return false
}

// readLine prompts and reads one line. The end of input (Ctrl-D) and a
// terminal that went away (EIO) count as an interruption, so the runner
// saves what was answered.
func (p *Plain) readLine(prompt string) (string, error) {
	fmt.Fprint(p.out, prompt)
	line, err := p.in.ReadString('\n')
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		fmt.Fprintln(p.out)
		if errors.Is(err, io.EOF) || IsHangUp(err) {
			return "", ErrInterrupted
		}
		return "", err
	}
	return strings.TrimSpace(line), nil
}

// IsHangUp reports whether a read failed because the terminal went away:
// a closed terminal window makes reads fail with EIO.
func IsHangUp(err error) bool {
	return errors.Is(err, syscall.EIO) || errors.Is(err, syscall.ENXIO) || errors.Is(err, os.ErrClosed)
}

// parseNumbers reads "1, 3 4" as the indices 0, 2, 3, each once.
func parseNumbers(line string, n int) ([]int, error) {
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return nil, errors.New("no numbers")
	}
	var picked []int
	for _, f := range fields {
		v, err := strconv.Atoi(f)
		if err != nil || v < 1 || v > n {
			return nil, fmt.Errorf("%q is not a number from 1 to %d", f, n)
		}
		if !slices.Contains(picked, v-1) {
			picked = append(picked, v-1)
		}
	}
	slices.Sort(picked)
	return picked, nil
}
