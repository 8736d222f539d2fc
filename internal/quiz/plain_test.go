package quiz

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/i18n"
)

// TestPlainPrompterFromPipedKeys takes the whole small quiz through the
// plain prompter by piping keystrokes to it, mistakes included.
func TestPlainPrompterFromPipedKeys(t *testing.T) {
	b := mustLoad(t, smallBank)
	keys := strings.Join([]string{
		"4",     // l1: Agree
		"seven", // not a number: asked again
		"9",     // out of range: asked again
		"6",     // out of range: asked again
		"b",     // l2: back to the previous question
		"",      // l1 again: Enter keeps the current answer (Agree)
		"2",     // l2: Disagree
		"2",     // s1: Large
		"1, 3",  // m1: A with None: refused, asked again
		"",      // nothing chosen and no current answer: asked again
		"1 2",   // m1: A and B
		"7 ",    // review: "7" is not an option (5 is submit)
		"3",     // review: change question 3
		"1",     // s1: Small
		"5",     // review: submit
	}, "\n") + "\n"
	var out strings.Builder
	r := &Runner{Bank: b, Prompter: NewPlain(strings.NewReader(keys), &out, printerEN, 80)}
	as, err := r.Run()
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "2", "s1": "small", "m1": "a,b"})

	screen := out.String()
	for _, want := range []string{
		"Question 1 of 4\nI like building.\n  1. Strongly disagree\n  2. Disagree\n",
		"  5. Strongly agree\n  b. Back to the previous question\n",
		"Please type a number from 1 to 5.",
		"(current answer: 4; press Enter to keep it)",
		"Your choices (numbers separated by commas): ",
		`"None" cannot be combined with other options.`,
		"Please type numbers from 1 to 3, separated by commas.",
		"Review your answers: choose one to change it, or submit\n  1. I like building. → Agree\n",
		"  3. How big? → Large\n  4. Pick any. → A; B\n  5. ✔ Submit my answers and see the result\n",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if strings.ContainsRune(screen, '\x1b') {
		t.Error("the plain prompter wrote an escape sequence")
	}
}

func TestPlainPrompterEndOfInputIsAnInterruption(t *testing.T) {
	b := mustLoad(t, smallBank)
	var out strings.Builder
	r := &Runner{Bank: b, Prompter: NewPlain(strings.NewReader("4\n2"), &out, printerEN, 80)}
	as, err := r.Run()
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	// The last line had no newline but was complete: it counts.
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "2"})
}

func TestParseNumbers(t *testing.T) {
	for in, want := range map[string]string{"1": "[0]", "3,1": "[0 2]", " 2 , 2 ,3 ": "[1 2]", "0": "error", "5": "error", "a": "error", "": "error"} {
		got, err := parseNumbers(in, 4)
		s := fmt.Sprint(got)
		if err != nil {
			s = "error"
		}
		if s != want {
			t.Errorf("parseNumbers(%q) = %s, want %s", in, s, want)
		}
	}
}

var printerEN = i18n.New("en")
