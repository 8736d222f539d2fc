// Package iostreams holds the three standard streams and every fact about
// the terminal behind them that output and prompting depend on: whether
// each stream is a terminal, whether colour is on, how wide the screen is,
// and whether prompting is allowed. Commands read these facts here and
// nowhere else, so tests can fake any terminal with buffers.
package iostreams

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// IOStreams is the program's view of its standard streams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	colorEnabled, errColorEnabled  bool
	neverPrompt                    bool
	accessible                     bool
	width, height                  func() int
}

// Env looks up an environment variable, as os.LookupEnv does; tests pass
// a map's lookup instead.
type Env func(key string) (string, bool)

// Get returns the variable's value, "" when unset.
func (e Env) Get(key string) string {
	v, _ := e(key)
	return v
}

// System returns the process's own streams, with terminal facts read once.
//
// Colour is on when stdout is a terminal, unless the environment says
// otherwise (decide: NO_COLOR, CLICOLOR, CLICOLOR_FORCE, FORCE_COLOR,
// TERM=dumb); `--no-color` can turn it off later.
// Prompting is off under CI=true. TERM=dumb or PMFIT_ACCESSIBLE picks the
// plain, line-based prompter.
func System(env Env) *IOStreams {
	s := &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
	s.colorEnabled, s.neverPrompt, s.accessible = decide(s.stdoutTTY, env)
	s.errColorEnabled, _, _ = decide(s.stderrTTY, env)
	s.width = func() int {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			return w
		}
		if w, err := strconv.Atoi(env.Get("COLUMNS")); err == nil && w > 0 {
			return w
		}
		return 80
	}
	s.height = func() int {
		if _, h, err := term.GetSize(int(os.Stdout.Fd())); err == nil && h > 0 {
			return h
		}
		if h, err := strconv.Atoi(env.Get("LINES")); err == nil && h > 0 {
			return h
		}
		return 24
	}
	return s
}

// Test returns streams over buffers: no terminal, no colour, 80×24.
// The Set* methods make it look like whatever terminal a test needs.
func Test() (s *IOStreams, in *bytes.Buffer, out *bytes.Buffer, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	s = &IOStreams{In: in, Out: out, ErrOut: errOut, width: func() int { return 80 }, height: func() int { return 24 }}
	return s, in, out, errOut
}

// decide reads the environment's say on colour, prompting and the plain
// prompter. Colour, in order: NO_COLOR set to anything but the empty
// string turns it off whatever else is set (no-color.org);
// CLICOLOR_FORCE other than 0, or FORCE_COLOR set and not 0 or false,
// turns it on even in a pipe (bixense.com/clicolors, force-color.org);
// CLICOLOR=0 or TERM=dumb turn it off; otherwise a terminal has it.
// --no-color, applied later, always wins.
func decide(stdoutTTY bool, env Env) (color, neverPrompt, accessible bool) {
	noColor := env.Get("NO_COLOR") != ""
	dumb := env.Get("TERM") == "dumb"
	force := func() bool {
		if v, ok := env("CLICOLOR_FORCE"); ok && v != "" && v != "0" {
			return true
		}
		v, ok := env("FORCE_COLOR")
		return ok && v != "" && truthy(v)
	}
	switch {
	case noColor:
		color = false
	case force():
		color = true
	case env.Get("CLICOLOR") == "0" || dumb:
		color = false
	default:
		color = stdoutTTY
	}
	neverPrompt = truthy(env.Get("CI"))
	accessible = dumb || truthy(env.Get("PMFIT_ACCESSIBLE"))
	return color, neverPrompt, accessible
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// IsStdinTTY reports whether stdin is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdinTTY fakes a terminal on stdin (tests).
func (s *IOStreams) SetStdinTTY(v bool) { s.stdinTTY = v }

// SetStdoutTTY fakes a terminal on stdout (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// SetStderrTTY fakes a terminal on stderr (tests).
func (s *IOStreams) SetStderrTTY(v bool) { s.stderrTTY = v }

// ColorEnabled reports whether output may carry colour.
func (s *IOStreams) ColorEnabled() bool { return s.colorEnabled }

// SetColorEnabled overrides the colour decision for both stdout and
// stderr (--no-color, tests).
func (s *IOStreams) SetColorEnabled(v bool) { s.colorEnabled, s.errColorEnabled = v, v }

// ErrColorEnabled reports whether stderr may carry colour: prompts go
// there when stdout carries machine-readable output.
func (s *IOStreams) ErrColorEnabled() bool { return s.errColorEnabled }

// CanPromptOn reports whether prompting is allowed with the prompts
// written to stderr (toStderr) or stdout: stdin and that stream must be
// terminals, and nothing may forbid prompting.
func (s *IOStreams) CanPromptOn(toStderr bool) bool {
	out := s.stdoutTTY
	if toStderr {
		out = s.stderrTTY
	}
	return s.stdinTTY && out && !s.neverPrompt
}

// CanPrompt reports whether asking questions is allowed: both stdin and
// stdout are terminals and nothing (CI=true, --no-input) forbids it.
func (s *IOStreams) CanPrompt() bool { return s.CanPromptOn(false) }

// SetNeverPrompt forbids prompting (--no-input).
func (s *IOStreams) SetNeverPrompt(v bool) { s.neverPrompt = v }

// Accessible reports whether prompts should be plain numbered lines
// rather than a full-screen selector.
func (s *IOStreams) Accessible() bool { return s.accessible }

// SetAccessible chooses the plain prompter (--accessible, tests).
func (s *IOStreams) SetAccessible(v bool) { s.accessible = v }

// TerminalWidth is the width to lay text out in: the terminal's when
// stdout is one, else $COLUMNS, else 80.
func (s *IOStreams) TerminalWidth() int { return s.width() }

// SetWidth fixes the layout width (tests).
func (s *IOStreams) SetWidth(w int) { s.width = func() int { return w } }

// TerminalHeight is how many lines the screen shows: the terminal's when
// stdout is one, else $LINES, else 24.
func (s *IOStreams) TerminalHeight() int { return s.height() }

// SetHeight fixes the screen height (tests).
func (s *IOStreams) SetHeight(h int) { s.height = func() int { return h } }

// Page shows text through a pager when stdout is a terminal, so a long
// result can be read from its top: $PAGER (run by the shell, as git runs
// it; empty or "cat" means none), else less (with LESS=FRX unless LESS is
// set: quit when it fits, keep colours, leave the text on screen), else
// more. Off a terminal, with no pager, or when the pager cannot start, the
// text is written straight to stdout.
func (s *IOStreams) Page(env Env, text string) error {
	direct := func() error {
		_, err := io.WriteString(s.Out, text)
		return err
	}
	if !s.stdoutTTY {
		return direct()
	}
	var cmd *exec.Cmd
	extra := []string{}
	if pager, set := env("PAGER"); set {
		if p := strings.TrimSpace(pager); p == "" || p == "cat" {
			return direct()
		}
		cmd = exec.Command("sh", "-c", pager)
	} else if less, err := exec.LookPath("less"); err == nil {
		cmd = exec.Command(less)
	} else if more, err := exec.LookPath("more"); err == nil {
		cmd = exec.Command(more)
	} else {
		return direct()
	}
	if _, set := env("LESS"); !set {
		extra = append(extra, "LESS=FRX")
	}
	cmd.Env = append(os.Environ(), extra...)
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout, cmd.Stderr = s.Out, s.ErrOut
	if err := cmd.Start(); err != nil {
		return direct()
	}
	if err := cmd.Wait(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return nil // the pager's own business (q pressed, a signal)
		}
		return err
	}
	return nil
}
