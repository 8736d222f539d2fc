package cmd

import (
	"errors"
	"fmt"
	"strings"
)

// Exit codes, documented in the root command's help and the README.
const (
	ExitOK             = 0   // success
	ExitFailure        = 1   // a failure not caused by the input: I/O, internal
	ExitUsage          = 2   // usage error, or invalid input
	ExitInvalidRecords = 3   // batch: some records were invalid; the rest were scored
	ExitUnmet          = 4   // batch: all records valid, but some expectations unmet
	ExitInterrupted    = 130 // interrupted (Ctrl-C, hang-up); progress was saved
)

// exitMeanings says what each exit code means, for the EXIT STATUS
// section of the help of every command that can end with it.
var exitMeanings = map[int]string{
	ExitOK:      "success",
	ExitFailure: "failure not caused by the input (I/O, internal)",
	ExitUsage: `usage error or invalid input (unknown flag or question, a value not
       allowed, missing answers, a malformed file)`,
	ExitInvalidRecords: "batch scoring: some records were invalid (the rest were scored)",
	ExitUnmet:          "every answer set valid, but some expected role did not rank first",
	ExitInterrupted:    "interrupted; the quiz saved its progress",
}

// exitHeading starts every EXIT STATUS section; `pmfit man` finds the
// section by it.
const exitHeading = "Exit status:\n"

// exitHelp is the EXIT STATUS section listing codes: only those the
// command can end with, so its help promises nothing it cannot return.
func exitHelp(codes ...int) string {
	var b strings.Builder
	b.WriteString(exitHeading)
	for i, c := range codes {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  %-4d %s", c, exitMeanings[c])
	}
	return b.String()
}

// codedError carries the exit code an error should end the program with.
type codedError interface {
	error
	ExitCode() int
}

// FlagError is a mistake in how the command was called; Main prints the
// command's usage after it.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// ExitCode is ExitUsage.
func (e *FlagError) ExitCode() int { return ExitUsage }

func flagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// InputError is invalid input: a malformed file, an unknown question, a
// value not allowed. The message says what and where; no usage follows.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// ExitCode is ExitUsage.
func (e *InputError) ExitCode() int { return ExitUsage }

func inputErrorf(format string, args ...any) error {
	return &InputError{Err: fmt.Errorf(format, args...)}
}

// asInput marks err as invalid input unless it already carries a code.
func asInput(err error) error {
	var coded codedError
	if err == nil || errors.As(err, &coded) {
		return err
	}
	return &InputError{Err: err}
}

// ExitError ends the program with a code after its message (or silently,
// when the message was already shown).
type ExitError struct {
	Code int
	Err  error // nil when there is nothing more to print
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}
func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode is the code carried.
func (e *ExitError) ExitCode() int { return e.Code }

// exitCode maps an error to the program's exit code: coded errors carry
// their own, anything else is a failure not caused by the input.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var coded codedError
	if errors.As(err, &coded) {
		return coded.ExitCode()
	}
	return ExitFailure
}
