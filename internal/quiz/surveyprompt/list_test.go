package surveyprompt

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/AlecAivazis/survey/v2/terminal"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/textwidth"
)

var plain = styles{}

func init() {
	p := New(nil, nil, io.Discard, i18n.New("en"), false)
	plain = p.style
}

func testList(pr quiz.Prompt, multi bool, lang string, width, height int) *list {
	return newList(pr, multi, i18n.New(lang), plain, func() (int, int) { return width, height })
}

var scale = []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}

// press sends keys and returns what the prompt ended with, if it ended.
func press(t *testing.T, l *list, keys ...rune) (outcome, bool, error) {
	t.Helper()
	for _, k := range keys {
		o, done, err := l.key(k)
		if done || err != nil {
			return o, done, err
		}
	}
	return outcome{}, false, nil
}

// TestLikertOpensAtTheNeutralPointAndDigitsSelect: an agreement question
// opens with the cursor on the neutral point and nothing selected; a digit
// selects (and shows it), Enter confirms.
func TestLikertOpensAtTheNeutralPointAndDigitsSelect(t *testing.T) {
	l := testList(quiz.Prompt{Message: "I like building.", Options: scale, Cursor: 2, Scale: true}, false, "en", 80, 24)
	if l.cursor != 2 || l.selected != -1 {
		t.Fatalf("opens with cursor %d, selected %d; want the cursor on 2 (neutral) and nothing selected", l.cursor, l.selected)
	}
	if strings.Contains(l.screen(), "●") {
		t.Errorf("something is shown selected before any key:\n%s", l.screen())
	}
	if _, done, _ := press(t, l, '4'); done {
		t.Fatal("4 answered at once; it should only select")
	}
	if !strings.Contains(l.screen(), "● 4 Agree") {
		t.Errorf("the selection is not shown:\n%s", l.screen())
	}
	if o, done, _ := press(t, l, '\r'); !done || o.index != 3 {
		t.Fatalf("4 then Enter gave %+v, done %v; want Agree (index 3)", o, done)
	}
	// Moving selects the option moved to, as radio buttons do.
	l = testList(quiz.Prompt{Options: scale, Cursor: 2}, false, "en", 80, 24)
	if o, _, _ := press(t, l, 'j', terminal.KeyArrowDown, 'k', 'k', 'k', 'k', '\r'); o.index != 0 {
		t.Errorf("j, ↓, k×4 from 2 gave %d, want 0", o.index)
	}
	l = testList(quiz.Prompt{Options: scale}, false, "en", 80, 24)
	if o, _, _ := press(t, l, terminal.KeyArrowUp, '\r'); o.index != 4 {
		t.Errorf("↑ from the top gave %d, want the last (wrapping)", o.index)
	}
	// Space selects where the cursor is: the neutral point, on purpose.
	l = testList(quiz.Prompt{Options: scale, Cursor: 2}, false, "en", 80, 24)
	if o, _, _ := press(t, l, ' ', '\r'); o.index != 2 {
		t.Errorf("Space, Enter gave %d, want the neutral point (2)", o.index)
	}
	// A current answer is shown selected, and Enter keeps it.
	l = testList(quiz.Prompt{Options: scale, Cursor: 2, Default: []int{4}}, false, "en", 80, 24)
	if !strings.Contains(l.screen(), "● 5 Strongly agree") {
		t.Errorf("the current answer is not shown selected:\n%s", l.screen())
	}
	if o, _, _ := press(t, l, '\r'); o.index != 4 {
		t.Errorf("Enter on a revisited question gave %d, want the answer given (4)", o.index)
	}
}

// TestEnterAloneNeverAnswers: an Enter on a question where nothing is
// selected (the one pressed out of habit after answering the question
// before) answers nothing and says how to choose, on single choices,
// agreement scales and multiple choices alike.
func TestEnterAloneNeverAnswers(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pr    quiz.Prompt
		multi bool
	}{
		{"single", quiz.Prompt{Options: []string{"Business", "Marketing", "Design"}}, false},
		{"likert", quiz.Prompt{Options: scale, Cursor: 2, Scale: true}, false},
		{"multi", quiz.Prompt{Options: []string{"A", "B"}, Validate: func(idx []int) error {
			if len(idx) == 0 {
				return errors.New("Choose at least one option.")
			}
			return nil
		}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, lang := range []string{"en", "es"} {
				l := testList(tc.pr, tc.multi, lang, 80, 24)
				if o, done, _ := press(t, l, '\r', '\r', '\n'); done {
					t.Fatalf("%s: Enter answered %+v", lang, o)
				}
				if l.problem == "" || !strings.Contains(l.screen(), "✘ ") {
					t.Errorf("%s: no word on how to choose:\n%s", lang, l.screen())
				}
			}
		})
	}
}

// TestMenusTakeTheCursor: a menu is not a question: Enter takes the
// option under the cursor, and nothing is drawn as a selection mark.
func TestMenusTakeTheCursor(t *testing.T) {
	l := testList(quiz.Prompt{Options: []string{"Resume it", "Start over"}, Menu: true}, false, "en", 80, 24)
	if strings.Contains(l.screen(), "○") {
		t.Errorf("a menu draws selection marks:\n%s", l.screen())
	}
	if o, done, _ := press(t, l, '\r'); !done || o.index != 0 {
		t.Errorf("Enter on a menu gave %+v, done %v", o, done)
	}
	l = testList(quiz.Prompt{Options: []string{"Resume it", "Start over"}, Menu: true}, false, "en", 80, 24)
	if o, done, _ := press(t, l, '2', '\r'); !done || o.index != 1 {
		t.Errorf("2, Enter on a menu gave %+v, done %v", o, done)
	}
}

func TestBackIsAKey(t *testing.T) {
	for _, k := range []rune{terminal.KeyArrowLeft, terminal.KeyEscape} {
		l := testList(quiz.Prompt{Options: scale, Back: "back to the previous question"}, false, "en", 80, 24)
		if o, done, _ := press(t, l, k); !done || !o.back {
			t.Errorf("key %q: %+v, done %v; want back", k, o, done)
		}
		m := testList(quiz.Prompt{Options: []string{"A", "B"}, Back: "back"}, true, "en", 80, 24)
		if o, done, _ := press(t, m, ' ', k); !done || !o.back || o.picks != nil {
			t.Errorf("multi, key %q: %+v", k, o)
		}
		// Without a way back the key does nothing.
		n := testList(quiz.Prompt{Options: scale}, false, "en", 80, 24)
		if _, done, _ := press(t, n, k); done {
			t.Errorf("key %q went back from a prompt with no way back", k)
		}
	}
	l := testList(quiz.Prompt{Message: "Q", Options: scale, Back: "back to the previous question"}, false, "en", 80, 24)
	if strings.Contains(l.screen(), "Back to") && strings.Count(l.screen(), "\n") != 2+len(scale) {
		t.Error("back is drawn as an option")
	}
	if !strings.Contains(l.screen(), "← back to the previous question") {
		t.Errorf("the hint does not name the back key:\n%s", l.screen())
	}
}

func TestMultiSelectKeepsTicksWhenRefused(t *testing.T) {
	refuse := errors.New("Choose at least one option.")
	pr := quiz.Prompt{Options: []string{"A", "B", "C", "None"}, Validate: func(idx []int) error {
		if len(idx) == 0 || (slices.Contains(idx, 3) && len(idx) > 1) {
			return refuse
		}
		return nil
	}}
	l := testList(pr, true, "en", 80, 24)
	if _, done, _ := press(t, l, '\r'); done || l.problem != refuse.Error() {
		t.Fatalf("Enter with nothing ticked: done %v, problem %q", done, l.problem)
	}
	if !strings.Contains(l.screen(), "✘ Choose at least one option.") {
		t.Errorf("the refusal is not shown:\n%s", l.screen())
	}
	// 1 and 3 tick by number, Space ticks where the cursor is (now on 3).
	press(t, l, '1', '3', 'j', ' ')
	if _, done, _ := press(t, l, '\r'); done {
		t.Fatal("A, C and None accepted")
	}
	if got := []bool{l.ticked[0], l.ticked[1], l.ticked[2], l.ticked[3]}; !slices.Equal(got, []bool{true, false, true, true}) {
		t.Fatalf("ticks after a refusal: %v", got)
	}
	if o, done, _ := press(t, l, ' ', '\r'); !done || !slices.Equal(o.picks, []int{0, 2}) {
		t.Errorf("got %+v, want A and C", o)
	}
}

func TestLongListsJumpByNumber(t *testing.T) {
	var options []string
	for i := range 38 {
		options = append(options, strings.Repeat("question ", 3)+string(rune('a'+i%26)))
	}
	l := testList(quiz.Prompt{Options: options, Cursor: 37}, false, "en", 80, 24)
	if o, _, _ := press(t, l, '1', '2', '\r'); o.index != 11 {
		t.Errorf("typing 12 chose %d, want 11", o.index)
	}
	l = testList(quiz.Prompt{Options: options}, false, "en", 80, 24)
	if o, _, _ := press(t, l, '4', '5', '\r'); o.index != 4 {
		t.Errorf("typing 45 (past the end) chose %d, want 4 (restarting at 5)", o.index)
	}
	l = testList(quiz.Prompt{Options: options}, false, "en", 80, 24)
	if _, done, _ := press(t, l, '3'); done {
		t.Error("a digit chose at once on a list longer than nine")
	}
	// Several may be chosen: a number ticks as it is typed; a digit that
	// makes it a longer number moves the tick; one that cannot starts the
	// next number.
	for _, tc := range []struct {
		keys []rune
		want []int
	}{
		{[]rune{'1', '0'}, []int{9}},
		{[]rune{'1', '3'}, []int{0, 2}},
		{[]rune{'1', '1', '0'}, []int{0, 9}},
		{[]rune{'1', 'j', '0'}, []int{0}}, // another key ends the number; 0 alone names nothing
		{[]rune{'2', '2'}, nil},           // 22 is past the end: 2, then 2 again, unticks it
	} {
		m := testList(quiz.Prompt{Options: options[:10]}, true, "en", 80, 24)
		o, done, _ := press(t, m, append(tc.keys, '\r')...)
		if !done || !slices.Equal(o.picks, tc.want) {
			t.Errorf("%q: ticked %v, want %v", string(tc.keys), o.picks, tc.want)
		}
	}
}

// TestOptionsWrapOnANarrowTerminal: an option too long for its row wraps
// under its own text, whole, rather than being cut; every line still
// fits, and a list taller than the screen scrolls by whole options.
func TestOptionsWrapOnANarrowTerminal(t *testing.T) {
	options := []string{
		"Writing code or engineering software",
		"Hardware, electrical or another kind of engineering",
		"IT, technical support or operations",
		"Data or analytics",
		"Project management or running Scrum",
		"Design or user research",
		"Business, consulting or operations management",
		"Marketing or sales",
		"A career outside tech, such as teaching, healthcare or the law",
		"Nowhere yet: this is my first career",
	}
	message := "Before your current role, where did you spend most of your working life?"
	for _, multi := range []bool{false, true} {
		for _, size := range [][2]int{{40, 24}, {60, 24}, {80, 24}, {60, 12}} {
			l := testList(quiz.Prompt{Message: message, Options: options}, multi, "en", size[0], size[1])
			for _, keys := range [][]rune{nil, {'9'}, {'1', '0'}, {terminal.SpecialKeyHome}} {
				press(t, l, keys...)
				screen := l.screen()
				lines := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
				if len(lines) > size[1]-1 {
					t.Errorf("%v %v: %d lines on a %d-row terminal", size, keys, len(lines), size[1])
				}
				for _, line := range lines {
					if w := textwidth.String(line); w > size[0]-1 {
						t.Errorf("%v: line %d wide: %q", size, w, line)
					}
				}
				if strings.Contains(screen, "…") {
					t.Errorf("%v %v: something is cut:\n%s", size, keys, screen)
				}
				// The option under the cursor is on screen whole.
				flat := strings.Join(strings.Fields(screen), " ")
				if !strings.Contains(flat, options[l.cursor]) {
					t.Errorf("%v %v: the option under the cursor (%q) is not shown whole:\n%s", size, keys, options[l.cursor], screen)
				}
				if size[0] >= 60 && size[1] >= 24 {
					for _, o := range options {
						if !strings.Contains(flat, o) {
							t.Errorf("%v %v: option %q is not shown whole:\n%s", size, keys, o, screen)
						}
					}
				}
			}
		}
	}
}

// TestAnsweredLineFitsTheTerminal: the line an answered question leaves
// is narrower than the terminal, in any script, so it never wraps and
// the next question's redraws erase what they drew.
func TestAnsweredLineFitsTheTerminal(t *testing.T) {
	for _, pr := range []quiz.Prompt{
		{Message: strings.Repeat("When engineers are stuck on a product question ", 3), Options: []string{strings.Repeat("Neither agree nor disagree ", 3)}},
		{Message: "我喜欢思考置信区间和统计功效这类问题，并且愿意花时间把它们弄清楚。", Options: []string{"在一个集中的数据平台团队中工作并负责调度系统"}},
	} {
		for _, width := range []int{20, 40, 60, 80} {
			l := testList(pr, false, "en", width, 24)
			line := l.answered(outcome{index: 0})
			if w := textwidth.String(line); w > max(width-1, 20) {
				t.Errorf("%d columns: answered line %d wide: %q", width, w, line)
			}
		}
	}
}

// TestChineseFitsTheTerminal: text with no spaces, every character two
// columns wide, wraps between characters: the whole question is on
// screen, and no line is wider than the terminal.
func TestChineseFitsTheTerminal(t *testing.T) {
	message := "我喜欢思考置信区间和统计功效这类问题，并且愿意花时间把它们弄清楚，即使这意味着要多读几篇论文。"
	help := "这里的统计功效是指：当效应确实存在时，一次实验能够发现它的概率。"
	options := []string{"非常不同意", "不同意", "既不同意也不反对", "同意", "非常同意"}
	for _, size := range [][2]int{{40, 24}, {60, 24}, {80, 24}} {
		l := testList(quiz.Prompt{Message: message, Help: help, Options: options, Scale: true}, false, "en", size[0], size[1])
		press(t, l, '?')
		screen := l.screen()
		for _, line := range strings.Split(screen, "\n") {
			if w := textwidth.String(line); w > size[0]-1 {
				t.Errorf("%v: line %d wide: %q", size, w, line)
			}
		}
		flat := strings.NewReplacer(" ", "", "\n", "", "?", "").Replace(screen)
		if !strings.Contains(flat, message) || !strings.Contains(flat, help) {
			t.Errorf("%v: the question or its help is cut:\n%s", size, screen)
		}
		if strings.Contains(screen, "…") {
			t.Errorf("%v: something is clipped:\n%s", size, screen)
		}
	}
}

// TestScreenFitsTheTerminal: every line drawn is narrower than the
// terminal, so nothing wraps and redraws erase exactly what they drew; a
// long list scrolls to keep the cursor on screen.
func TestScreenFitsTheTerminal(t *testing.T) {
	var options, details []string
	for i := range 37 {
		options = append(options, "When engineers are stuck on a product question, I am one of the first people they come to "+string(rune('a'+i%26)))
		details = append(details, "Interviewing users about their pain points; Watching usability tests of a prototype")
	}
	options = append(options, "✔ Submit my answers and see the result")
	details = append(details, "")
	for _, size := range [][2]int{{60, 24}, {80, 24}, {120, 30}, {40, 12}} {
		l := testList(quiz.Prompt{Message: "Review your answers: choose one to change it, or submit", Options: options, Details: details, Cursor: 37, Menu: true}, false, "en", size[0], size[1])
		for _, moves := range [][]rune{nil, {'j'}, {'1', '0'}} {
			press(t, l, moves...)
			screen := l.screen()
			lines := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
			if len(lines) > size[1]-1 {
				t.Errorf("%v: %d lines on a %d-row terminal", size, len(lines), size[1])
			}
			for _, line := range lines {
				if w := textwidth.String(line); w > size[0]-1 {
					t.Errorf("%v: line %d wide: %q", size, w, line)
				}
			}
			if !strings.Contains(screen, "❯") {
				t.Errorf("%v: the cursor is off screen:\n%s", size, screen)
			}
			if !strings.Contains(screen, " of 38") {
				t.Errorf("%v: no position in the list:\n%s", size, screen)
			}
			if size[0] >= 80 && !strings.Contains(screen, "→ Interviewing users") {
				t.Errorf("%v: the answers column is missing:\n%s", size, screen)
			}
		}
	}
}

// TestHintsSpeakTheQuizLanguage: nothing English in a Spanish prompt.
func TestHintsSpeakTheQuizLanguage(t *testing.T) {
	l := testList(quiz.Prompt{Message: "Me gusta construir.", Options: []string{"Muy en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo", "Muy de acuerdo"}, Back: "volver a la pregunta anterior", Help: "Ayuda", Validate: func([]int) error { return errors.New("Elige al menos una opción.") }}, true, "es", 100, 30)
	press(t, l, '\r')
	screen := l.screen()
	for _, english := range []string{"Use arrows", "type to filter", "Sorry", "invalid", "↑↓ move ", "Enter", "Space", "help", "back to", "choose"} {
		if strings.Contains(screen, english) {
			t.Errorf("Spanish screen holds %q:\n%s", english, screen)
		}
	}
	for _, want := range []string{"moverte", "Intro confirma", "Espacio marca", "← volver a la pregunta anterior", "? más ayuda", "✘ Elige al menos una opción."} {
		if !strings.Contains(screen, want) {
			t.Errorf("Spanish screen lacks %q:\n%s", want, screen)
		}
	}
}
