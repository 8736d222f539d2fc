package quiz

import "errors"

// Prompter asks a person one thing at a time. The runner decides what to
// ask and in which order; a Prompter only shows a prompt and returns the
// indices chosen. pmfit has three: a full-screen selector (surveyprompt),
// a plain numbered-lines prompter for screen readers and dumb terminals
// (Plain), and the scripted fake the tests use.
type Prompter interface {
	// Select asks for exactly one option and returns its index.
	Select(p Prompt) (int, error)
	// MultiSelect asks for one or more options and returns their indices
	// in ascending order.
	MultiSelect(p Prompt) ([]int, error)
}

// Prompt is one question as a prompter shows it.
type Prompt struct {
	// Progress is a short line shown above the message ("Question 7 of
	// 31 · Focus"); may be empty.
	Progress string
	Message  string
	Help     string
	Options  []string
	// Default holds the indices selected when the prompt opens (the
	// current answer, when revisiting a question).
	Default []int
	// Validate, when set, checks a MultiSelect choice; the prompter shows
	// the error and asks again.
	Validate func(indices []int) error
}

// ErrInterrupted reports that the person stopped the quiz: Ctrl-C, a
// hang-up, or a terminal that went away. The answers given so far are
// kept by the runner.
var ErrInterrupted = errors.New("quiz interrupted")
