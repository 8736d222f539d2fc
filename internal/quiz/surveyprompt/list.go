package surveyprompt

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// outcome is what a list prompt returns: the option chosen, the options
// ticked, or a request to go back.
type outcome struct {
	index int
	picks []int
	back  bool
}

// WriteAnswer lets survey store an outcome as it is (core.Settable).
func (o *outcome) WriteAnswer(_ string, value any) error {
	v, ok := value.(outcome)
	if !ok {
		return fmt.Errorf("unexpected answer type %T", value)
	}
	*o = v
	return nil
}

// list is one question as a survey.Prompt: a list of options, one chosen
// or several ticked. Selecting and confirming are two steps, so that no
// key pressed out of habit can answer a question the person has not
// seen (docs/quiz.md):
//
//	1–9          select that option (a single choice) or tick it
//	             (several); on a list of ten or more, digits typed in a
//	             row name the number (1, then 0: option 10)
//	↑ ↓ k j Tab  move, selecting the option moved to (wrapping round)
//	Space        select (one) or tick and untick (several)
//	Enter        confirm what is selected or ticked; with nothing
//	             selected it only says how to choose
//	← Esc        go back, when the prompt allows it
//	?            show the question's help
//	Ctrl-C Ctrl-D stop (the quiz saves its progress)
//
// A menu (quiz.Prompt.Menu) is not a question: Enter takes the option
// under the cursor. Every line it draws fits the terminal's width (option
// texts wrap, under their number), so nothing wraps behind its back and a
// redraw always erases exactly what it drew.
type list struct {
	survey.Renderer
	pr      quiz.Prompt
	multi   bool
	printer i18n.Printer
	style   styles
	size    func() (width, height int)

	cursor   int
	selected int    // a single choice's selected option, or -1
	ticked   []bool // a multiple choice's ticks
	top      int    // the first option on screen, when the list scrolls
	typed    string // digits typed in a row, on a long list
	// typedTick is the option the digits typed so far ticked (several may
	// be chosen), to untick when the next digit names another; -1 for
	// none.
	typedTick int
	showHelp  bool
	problem   string // why the last Enter was refused
	stacked   *int   // the prompter's count of answer lines above
}

func newList(pr quiz.Prompt, multi bool, printer i18n.Printer, st styles, size func() (int, int)) *list {
	l := &list{pr: pr, multi: multi, printer: printer, style: st, size: size, ticked: make([]bool, len(pr.Options)), selected: -1, typedTick: -1}
	l.cursor = min(max(pr.Cursor, 0), max(len(pr.Options)-1, 0))
	for _, i := range pr.Default {
		if i >= 0 && i < len(pr.Options) {
			l.ticked[i] = true
		}
	}
	if len(pr.Default) > 0 && pr.Default[0] >= 0 && pr.Default[0] < len(pr.Options) {
		l.cursor = pr.Default[0]
		l.selected = l.cursor
	}
	if pr.Menu {
		l.selected = l.cursor
	}
	return l
}

// Prompt implements survey.Prompt: it draws the list and reads keys until
// the person confirms, goes back or stops.
func (l *list) Prompt(*survey.PromptConfig) (any, error) {
	if len(l.pr.Options) == 0 {
		return nil, fmt.Errorf("question %q has no options", l.pr.Message)
	}
	cursor := l.NewCursor()
	cursor.Hide()
	defer cursor.Show()
	if err := l.draw(); err != nil {
		return nil, err
	}
	rr := l.NewRuneReader()
	if err := rr.SetTermMode(); err != nil {
		return nil, err
	}
	defer func() { _ = rr.RestoreTermMode() }()
	for {
		r, _, err := rr.ReadRune()
		if err != nil {
			if strings.HasPrefix(err.Error(), "unexpected escape sequence") {
				continue // Alt with a key, say: not one of ours
			}
			return nil, err
		}
		o, done, err := l.key(r)
		if err != nil || done {
			return o, err
		}
		if err := l.draw(); err != nil {
			return nil, err
		}
	}
}

// moveTo puts the cursor on option i; on a single choice, moving selects
// the option moved to, as in a group of radio buttons.
func (l *list) moveTo(i int) {
	l.cursor = i
	if !l.multi {
		l.selected = i
	}
}

// key handles one key press.
func (l *list) key(r rune) (o outcome, done bool, err error) {
	n := len(l.pr.Options)
	if r < '0' || r > '9' {
		l.typed, l.typedTick = "", -1
	}
	l.problem = ""
	switch {
	case r == terminal.KeyInterrupt:
		return o, true, terminal.InterruptErr
	case r == terminal.KeyEndTransmission:
		return o, true, io.EOF
	case r == terminal.KeyArrowUp || r == 'k':
		l.moveTo((l.cursor - 1 + n) % n)
	case r == terminal.KeyArrowDown || r == 'j' || r == terminal.KeyTab:
		l.moveTo((l.cursor + 1) % n)
	case r == terminal.SpecialKeyHome:
		l.moveTo(0)
	case r == terminal.SpecialKeyEnd:
		l.moveTo(n - 1)
	case r == terminal.KeyArrowLeft || r == terminal.KeyEscape:
		if l.pr.Back != "" {
			return outcome{back: true}, true, nil
		}
	case r == '?' && l.pr.Help != "":
		l.showHelp = !l.showHelp
	case r == ' ':
		if l.multi {
			l.ticked[l.cursor] = !l.ticked[l.cursor]
		} else {
			l.selected = l.cursor
		}
	case r >= '1' && r <= '9' && n <= 9:
		i := int(r - '1')
		if i >= n {
			break
		}
		if l.multi {
			l.cursor = i
			l.ticked[i] = !l.ticked[i]
			break
		}
		l.moveTo(i)
	case r >= '0' && r <= '9':
		// A long list: digits typed in a row name an option's number,
		// which is selected (or ticked) as it is typed: "1" ticks option
		// 1, and a "0" after it moves the tick to option 10.
		l.typed += string(r)
		v, _ := strconv.Atoi(l.typed)
		if v < 1 || v > n {
			// Not a longer number: the one before stands, and this digit
			// starts the next.
			l.typed, l.typedTick = strings.TrimLeft(string(r), "0"), -1
			v, _ = strconv.Atoi(l.typed)
		}
		if v < 1 || v > n {
			break
		}
		if l.multi {
			if l.typedTick >= 0 { // the number grew: move its tick
				l.ticked[l.typedTick] = !l.ticked[l.typedTick]
			}
			l.ticked[v-1] = !l.ticked[v-1]
			l.typedTick = v - 1
		}
		l.moveTo(v - 1)
	case r == terminal.KeyEnter || r == '\n':
		if !l.multi {
			if l.selected < 0 {
				l.problem = l.printer.T(i18n.ChooseFirst)
				break
			}
			return outcome{index: l.selected}, true, nil
		}
		var picks []int
		for i, t := range l.ticked {
			if t {
				picks = append(picks, i)
			}
		}
		if l.pr.Validate != nil {
			if err := l.pr.Validate(picks); err != nil {
				l.problem = err.Error() // ticks stay as they were
				break
			}
		}
		return outcome{picks: picks}, true, nil
	}
	return o, false, nil
}

// Cleanup implements survey.Prompt: it replaces the prompt with one line
// saying what was answered, or with nothing when the person went back,
// so answered questions stack up one line each.
func (l *list) Cleanup(_ *survey.PromptConfig, val any) error {
	o, _ := val.(outcome)
	if o.back {
		if err := l.Render("", nil); err != nil {
			return err
		}
		if l.stacked != nil && *l.stacked > 0 {
			// Remove the answer line of the question asked again next.
			l.NewCursor().PreviousLine(1)
			terminal.EraseLine(l.Stdio().Out, terminal.ERASE_LINE_ALL)
			*l.stacked--
		}
		return nil
	}
	line := l.answered(o)
	if l.stacked != nil {
		if l.pr.Progress != "" {
			*l.stacked++
		} else {
			*l.stacked = 0 // not a question: its line is not one to take back
		}
	}
	return l.Render("{{.}}\n", line)
}

// answered is the one line an answered question leaves: "✔ question →
// answer", narrower than the terminal. It is a record of what was
// confirmed, not the question itself, so a long one is shortened.
func (l *list) answered(o outcome) string {
	var chosen []string
	if l.multi {
		for _, i := range o.picks {
			chosen = append(chosen, l.pr.Options[i])
		}
	} else if o.index >= 0 && o.index < len(l.pr.Options) {
		chosen = append(chosen, l.pr.Options[o.index])
	}
	width, _ := l.size()
	room := max(width-1, 20) - 5 // "✔ " and " → "
	answer := clip(strings.Join(chosen, "; "), room/2)
	message := clip(l.pr.Message, room-textwidth.String(answer))
	return fmt.Sprintf("%s %s %s %s", l.style.chosen.Sprint("✔"), message, l.style.detail.Sprint("→"), l.style.chosen.Sprint(answer))
}

// draw renders the question, its hints and the visible options.
func (l *list) draw() error {
	return l.Render("{{.}}", l.screen())
}

// screen lays the prompt out for the terminal's current size.
func (l *list) screen() string {
	width, height := l.size()
	w := max(width-1, 20) // the last column would wrap on some terminals
	var b strings.Builder
	b.WriteString("\n")
	for _, line := range wrap(l.pr.Progress, w) {
		fmt.Fprintf(&b, "%s\n", l.style.progress.Sprint(line))
	}
	for i, line := range wrap(l.pr.Message, w-2) {
		mark := "  "
		if i == 0 {
			mark = l.style.hint.Sprint("?") + " "
		}
		fmt.Fprintf(&b, "%s%s\n", mark, l.style.question.Sprint(line))
	}
	if l.showHelp {
		for _, line := range wrap(l.pr.Help, w-2) {
			fmt.Fprintf(&b, "  %s\n", l.style.detail.Sprint(line))
		}
	}
	for _, line := range wrapParts(l.hintParts(), " · ", w-2) {
		fmt.Fprintf(&b, "  %s\n", l.style.hint.Sprint(line))
	}

	// Lines for options: what is left of the screen after the header, the
	// error line and one spare line for the cursor.
	header := strings.Count(b.String(), "\n")
	avail := max(3, height-header-3)
	rows := l.rows(w)
	n := len(rows)
	total := 0
	for _, r := range rows {
		total += len(r)
	}
	first, last := 0, n // the options shown: [first, last)
	if total > avail {
		first, last = l.window(rows, avail-1) // the last line says where in the list this is
	} else {
		l.top = 0
	}
	for i := first; i < last; i++ {
		for _, line := range rows[i] {
			b.WriteString(line)
			b.WriteString("\n")
		}
	}
	if first > 0 || last < n {
		fmt.Fprintf(&b, "  %s\n", l.style.detail.Sprint(l.printer.T(i18n.HintMore, first+1, last, n)))
	}
	if l.problem != "" {
		for i, line := range wrap(l.problem, w-2) {
			mark := " "
			if i == 0 {
				mark = l.style.err.Sprint("✘")
			}
			fmt.Fprintf(&b, "%s %s\n", mark, l.style.err.Sprint(line))
		}
	}
	return b.String()
}

// window chooses which options to show when they take more than avail
// lines: from l.top on, moved just enough to show the cursor's option
// whole, with the one after it when that fits (so the person sees the
// list goes on), and filled from above when the end of the list leaves
// room.
func (l *list) window(rows [][]string, avail int) (first, last int) {
	n := len(rows)
	height := func(from, to int) int { // lines of options [from, to)
		h := 0
		for i := from; i < to; i++ {
			h += len(rows[i])
		}
		return h
	}
	l.top = min(l.top, l.cursor)
	want := min(l.cursor+2, n)
	for l.top < l.cursor && height(l.top, want) > avail {
		l.top++
	}
	last = l.top
	for last < n && height(l.top, last+1) <= avail {
		last++
	}
	last = max(last, l.cursor+1) // the cursor's option, however tall
	for l.top > 0 && height(l.top-1, last) <= avail {
		l.top--
	}
	return l.top, last
}

// rows lays out every option in lines of at most w columns: pointer, box
// (ticks, or the selection of a single choice), number, then the text,
// wrapped under its own first column. A second column (the review's
// answers) keeps each row to one line.
func (l *list) rows(w int) [][]string {
	n := len(l.pr.Options)
	numW := len(strconv.Itoa(n))
	detailW := 0
	for _, d := range l.pr.Details {
		detailW = max(detailW, terminal.StringWidth(d))
	}
	out := make([][]string, n)
	for i := range n {
		pointer := "  "
		if i == l.cursor {
			pointer = l.style.cursor.Sprint("❯") + " "
		}
		box, boxW := "", 0
		switch {
		case l.multi:
			box, boxW = "[ ] ", 4
			if l.ticked[i] {
				box = l.style.chosen.Sprint("[x]") + " "
			}
		case !l.pr.Menu:
			box, boxW = "○ ", 2
			if i == l.selected {
				box = l.style.chosen.Sprint("●") + " "
			}
		}
		num := fmt.Sprintf("%*d ", numW, i+1)
		indent := 2 + boxW + len(num)
		room := max(w-indent, 10)
		text := l.pr.Options[i]
		var lines []string
		if i < len(l.pr.Details) && l.pr.Details[i] != "" {
			// Two columns: the answer gets up to two fifths of the row.
			dw := min(detailW, max(room*2/5, 8))
			tw := max(room-dw-3, 8)
			lines = []string{textwidth.PadRight(clip(text, tw), tw) + l.style.detail.Sprint(" → "+clip(l.pr.Details[i], dw))}
		} else {
			lines = wrap(text, room)
		}
		paint := func(s string) string { return s }
		if i == l.cursor {
			paint = func(s string) string { return l.style.cursor.Sprint(s) }
		} else if !l.multi && i == l.selected {
			paint = func(s string) string { return l.style.chosen.Sprint(s) }
		}
		pad := strings.Repeat(" ", indent)
		for j, line := range lines {
			if j == 0 {
				lines[j] = pointer + box + l.style.detail.Sprint(num) + paint(line)
				continue
			}
			lines[j] = pad + paint(line)
		}
		out[i] = lines
	}
	return out
}

// hintParts name the keys this prompt answers to, in the quiz's language.
func (l *list) hintParts() []string {
	parts := []string{l.printer.T(i18n.HintMove)}
	n := len(l.pr.Options)
	switch {
	case l.multi:
		parts = append(parts, l.printer.T(i18n.HintDigitsTick, n))
	default:
		parts = append(parts, l.printer.T(i18n.HintDigits, n))
	}
	if l.multi {
		parts = append(parts, l.printer.T(i18n.HintTick))
	}
	parts = append(parts, l.printer.T(i18n.HintEnter))
	if l.pr.Back != "" {
		parts = append(parts, l.printer.T(i18n.HintBack, l.pr.Back))
	}
	if l.pr.Help != "" && !l.showHelp {
		parts = append(parts, l.printer.T(i18n.HintHelp))
	}
	return parts
}

// wrapParts joins parts with sep into lines of at most n columns,
// breaking only between parts (a part longer than a line is clipped).
func wrapParts(parts []string, sep string, n int) []string {
	return clipAll(textwidth.WrapItems(parts, sep, n), n)
}

// clipAll clips each line to n columns.
func clipAll(lines []string, n int) []string {
	for i, l := range lines {
		lines[i] = clip(l, n)
	}
	return lines
}

// clip cuts s to at most n columns, ending it with "…" when cut. Runs
// of white space fold to one space: a listing is one line.
func clip(s string, n int) string {
	return textwidth.Truncate(strings.Join(strings.Fields(s), " "), n)
}

// wrap breaks text into lines of at most n columns where textwidth.Wrap
// allows (spaces, and around Chinese and Japanese characters); a word
// longer than a line is clipped.
func wrap(text string, n int) []string {
	return clipAll(textwidth.Wrap(strings.Join(strings.Fields(text), " "), n), n)
}
