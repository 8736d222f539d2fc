// Package surveyprompt is the full-screen terminal prompter, built on
// github.com/AlecAivazis/survey/v2. Survey is no longer maintained, so it
// stays behind quiz.Prompter and every call goes through one place (ask):
// replacing it means replacing this package only.
//
// Survey supplies the terminal work: raw mode, reading keys (arrow and
// escape sequences included), and redrawing a prompt in place. The list
// itself is pmfit's own survey.Prompt (list.go), because survey's Select
// and MultiSelect cannot offer what the quiz needs: a back key rather
// than a back option, digits that choose, a cursor that opens on the
// neutral point, rows fitted to the terminal's width, and hints in the
// quiz's language.
package surveyprompt

import (
	"errors"
	"io"
	"os"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/fatih/color"
	"golang.org/x/term"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
)

// Prompter asks through survey on a terminal.
type Prompter struct {
	in      terminal.FileReader
	out     terminal.FileWriter
	errOut  io.Writer
	printer i18n.Printer
	style   styles
	// stacked counts the one-line answers this prompter left directly
	// above the cursor: going back removes the last one, so the question
	// asked again is not also shown as answered.
	stacked int
}

// styles are the colours a prompt is drawn in, decided once.
type styles struct {
	progress, question, hint, cursor, chosen, err, detail *color.Color
}

// New returns a prompter on the given terminal streams, with hints in
// printer's language. colored is the program's one colour decision;
// survey's own switch is global, so it is set here, from that decision,
// rather than left to survey's guess.
func New(in terminal.FileReader, out terminal.FileWriter, errOut io.Writer, printer i18n.Printer, colored bool) *Prompter {
	core.DisableColor = !colored
	mk := func(attrs ...color.Attribute) *color.Color { return render.Color(colored, attrs...) }
	return &Prompter{in: in, out: out, errOut: errOut, printer: printer, style: styles{
		progress: mk(color.Faint),
		question: mk(color.Bold),
		hint:     mk(color.FgCyan),
		cursor:   mk(color.FgCyan, color.Bold),
		chosen:   mk(color.FgGreen),
		err:      mk(color.FgRed),
		detail:   mk(color.Faint),
	}}
}

// Select implements quiz.Prompter.
func (p *Prompter) Select(pr quiz.Prompt) (int, error) {
	o, err := p.ask(pr, false)
	if err != nil {
		return 0, err
	}
	return o.index, nil
}

// MultiSelect implements quiz.Prompter.
func (p *Prompter) MultiSelect(pr quiz.Prompt) ([]int, error) {
	o, err := p.ask(pr, true)
	if err != nil {
		return nil, err
	}
	return o.picks, nil
}

// ask is the one place survey is called. Ctrl-C, Ctrl-D and a terminal
// that went away all become quiz.ErrInterrupted, so the caller saves what
// was answered; the terminal mode is restored by the time it returns.
func (p *Prompter) ask(pr quiz.Prompt, multi bool) (outcome, error) {
	l := newList(pr, multi, p.printer, p.style, p.size)
	l.stacked = &p.stacked
	var o outcome
	err := survey.AskOne(l, &o, survey.WithStdio(p.in, p.out, p.errOut))
	switch {
	case err == nil:
		if o.back {
			return o, quiz.ErrBack
		}
		return o, nil
	case errors.Is(err, terminal.InterruptErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), quiz.IsHangUp(err):
		return o, quiz.ErrInterrupted
	}
	return o, err
}

// size is the terminal's size, or 80×24 when it cannot be read.
func (p *Prompter) size() (width, height int) {
	width, height = 80, 24
	if f, ok := p.out.(*os.File); ok {
		if w, h, err := term.GetSize(int(f.Fd())); err == nil && w > 0 && h > 0 {
			width, height = w, h
		}
	}
	return width, height
}
