package quiz

import "errors"

// Prompter asks a person one thing at a time. The runner decides what to
// ask and in which order; a Prompter only shows a prompt and returns the
// indices chosen. pmfit has three: a full-screen selector (surveyprompt),
// a plain numbered-lines prompter for screen readers and dumb terminals
// (Plain), and the scripted fakes the tests use.
type Prompter interface {
	// Select asks for exactly one option and returns its index, or
	// ErrBack when the person asks to go back (only offered when the
	// prompt's Back is set).
	Select(p Prompt) (int, error)
	// MultiSelect asks for one or more options and returns their indices
	// in ascending order, or ErrBack.
	MultiSelect(p Prompt) ([]int, error)
}

// Prompt is one question as a prompter shows it.
type Prompt struct {
	// Progress is a short line shown above the message ("Question 7 of
	// 37"); may be empty.
	Progress string
	Message  string
	Help     string
	Options  []string
	// Details, when set, holds a second column for each option (the
	// answer, in the review list); prompters fit both to the width.
	Details []string
	// Default holds the indices of the current answer, when revisiting
	// a question: they are shown selected, and Enter keeps them.
	Default []int
	// Cursor is where the cursor opens when there is no Default: the
	// neutral point of an agreement scale. On a question it is only a
	// position: nothing is selected until the person selects it, so an
	// Enter pressed out of habit never records an answer.
	Cursor int
	// Menu marks a choice of what to do next (the review, "resume or
	// start over"), not a question: Enter takes the option under the
	// cursor, which opens on the usual choice.
	Menu bool
	// Scale marks an agreement scale: its options are points in order,
	// and a digit chooses one directly.
	Scale bool
	// Back, when set, says what going back does ("Back to the previous
	// question"); the prompter offers it as a key, never as an option.
	Back string
	// Validate, when set, checks a MultiSelect choice; the prompter shows
	// the error and asks again, keeping what was ticked.
	Validate func(indices []int) error
}

// ErrInterrupted reports that the person stopped the quiz: Ctrl-C, Ctrl-D,
// a hang-up, or a terminal that went away. The answers given so far are
// kept by the runner.
var ErrInterrupted = errors.New("quiz interrupted")

// ErrBack reports that the person asked to go back rather than answer.
var ErrBack = errors.New("back")
