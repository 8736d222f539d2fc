// Package surveyprompt is the full-screen terminal prompter, built on
// github.com/AlecAivazis/survey/v2. Survey is no longer maintained, so it
// stays behind quiz.Prompter and every call goes through one place (ask):
// replacing it means replacing this package only.
package surveyprompt

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/fatih/color"
	"golang.org/x/term"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Prompter asks through survey on a terminal.
type Prompter struct {
	in       terminal.FileReader
	out      terminal.FileWriter
	errOut   io.Writer
	progress *color.Color
}

// New returns a prompter on the given terminal streams. colored is the
// program's one colour decision; survey's own switch is global, so it is
// set here, from that decision, rather than left to survey's guess.
func New(in terminal.FileReader, out terminal.FileWriter, errOut io.Writer, colored bool) *Prompter {
	core.DisableColor = !colored
	progress := color.New(color.Faint)
	if colored {
		progress.EnableColor()
	} else {
		progress.DisableColor()
	}
	return &Prompter{in: in, out: out, errOut: errOut, progress: progress}
}

// Select implements quiz.Prompter.
func (p *Prompter) Select(pr quiz.Prompt) (int, error) {
	s := &survey.Select{Message: pr.Message, Options: pr.Options, Help: pr.Help, PageSize: p.pageSize(len(pr.Options))}
	if len(pr.Default) > 0 {
		s.Default = pr.Default[0]
	}
	var index int
	if err := p.ask(pr.Progress, s, &index); err != nil {
		return 0, err
	}
	return index, nil
}

// MultiSelect implements quiz.Prompter. The prompt's Validate runs inside
// survey, which shows its error and keeps the selection open.
func (p *Prompter) MultiSelect(pr quiz.Prompt) ([]int, error) {
	m := &survey.MultiSelect{Message: pr.Message, Options: pr.Options, Help: pr.Help, PageSize: p.pageSize(len(pr.Options))}
	if len(pr.Default) > 0 {
		m.Default = slices.Clone(pr.Default)
	}
	var opts []survey.AskOpt
	if pr.Validate != nil {
		opts = append(opts, survey.WithValidator(func(ans any) error {
			chosen, ok := ans.([]core.OptionAnswer)
			if !ok {
				return fmt.Errorf("unexpected answer type %T", ans)
			}
			indices := make([]int, len(chosen))
			for i, c := range chosen {
				indices[i] = c.Index
			}
			return pr.Validate(indices)
		}))
	}
	var indices []int
	if err := p.ask(pr.Progress, m, &indices, opts...); err != nil {
		return nil, err
	}
	slices.Sort(indices)
	return indices, nil
}

// ask is the one place survey is called. Ctrl-C (survey's InterruptErr)
// and a terminal that went away (EOF) both become quiz.ErrInterrupted, so
// the caller saves what was answered; survey has restored the terminal
// by the time it returns.
func (p *Prompter) ask(progress string, prompt survey.Prompt, response any, opts ...survey.AskOpt) error {
	if progress != "" {
		fmt.Fprintf(p.out, "\n%s\n", p.progress.Sprint(progress))
	}
	opts = append(opts, survey.WithStdio(p.in, p.out, p.errOut), survey.WithShowCursor(false))
	err := survey.AskOne(prompt, response, opts...)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return quiz.ErrInterrupted
	}
	return err
}

// pageSize fits long lists to the terminal's height, leaving room for the
// progress line, the question and survey's hint.
func (p *Prompter) pageSize(options int) int {
	height := 24
	if _, h, err := term.GetSize(int(p.out.Fd())); err == nil && h > 0 {
		height = h
	}
	return max(5, min(options, height-6))
}
