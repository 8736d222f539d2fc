package quiz

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/pmfit/pmfit/internal/i18n"
)

// Runner takes a person through a bank: every unanswered question in
// order, with a way back at each step, then a review where any answer can
// be changed before submitting. Going back is the runner's job, not the
// prompter's: it keeps the question index and re-asks.
type Runner struct {
	Bank     *Bank
	Prompter Prompter
	Printer  i18n.Printer

	// Answers so far; a resumed quiz starts with some. Run fills it in.
	Answers Answers
	// Seed, when set, shuffles the options of each choice question, the
	// same way for the same seed (Likert scales keep their order, and a
	// "none of these" option stays last).
	Seed *uint64
	// Saved, when set, is called after every answer with the answers so
	// far, so that a hang-up between prompts loses nothing.
	Saved func(Answers)
	// Planner, when set, makes the quiz short: it chooses each question
	// and says when the answers so far decide the result.
	Planner Planner
	// Clock, when set, lets the progress line say how long the rest will
	// take at the person's own pace (see timeLeft).
	Clock func() time.Time

	skipRest bool // the short quiz's offer of the rest was declined
	// asked lists the answered questions in the order they were first
	// answered (a resumed quiz's in bank order first): the short quiz
	// numbers its questions, and its review, in that order.
	asked []int
	// paces are the seconds each answer took in this session, and
	// shownAt when the question on screen was shown.
	paces   []float64
	shownAt time.Time
}

// Pacing of the time-left estimate: until the person has given
// paceSample answers, each question is taken to need defaultPace
// seconds (the default bank's intro promises about six minutes for 37);
// then the median of their own answers' times, each capped at maxPace so
// a break does not count as reading time.
const (
	defaultPace = 10.0
	paceSample  = 3
	maxPace     = 60.0
)

// timeLeft says how long the unanswered questions will take, as a
// phrase for the progress line, or "" without a clock.
func (r *Runner) timeLeft() string {
	if r.Clock == nil {
		return ""
	}
	left := 0
	for _, a := range r.Answers {
		if !a.Set {
			left++
		}
	}
	pace := defaultPace
	if len(r.paces) >= paceSample {
		sorted := slices.Sorted(slices.Values(r.paces))
		pace = sorted[len(sorted)/2]
	}
	minutes := int(math.Ceil(float64(left) * pace / 60))
	if minutes <= 1 {
		return r.Printer.T(i18n.TimeLeftOne)
	}
	return r.Printer.T(i18n.TimeLeft, minutes)
}

// Planner chooses the questions of the short quiz.
type Planner interface {
	// Next returns the question to ask next; or -1 when the answers so
	// far are enough (or every question is answered), with the sentence
	// that tells the person why it stopped and what it risks.
	Next(answers Answers) (qi int, why string)
}

// Run asks until the person submits. On ErrInterrupted the answers given
// so far are returned with the error.
//
// Questions come in bank order, skipping those already answered (a
// resumed quiz). Going back is possible from every question but the
// bank's first, including the first one asked after resuming; after going
// back, the questions in between are asked again, each opening at its
// current answer.
func (r *Runner) Run() (Answers, error) {
	if r.Answers == nil {
		r.Answers = r.Bank.NewAnswers()
	}
	r.asked = r.asked[:0]
	for qi, a := range r.Answers {
		if a.Set {
			r.asked = append(r.asked, qi)
		}
	}
	if r.Planner != nil {
		if err := r.short(-1); err != nil {
			return r.Answers, err
		}
	}
	if err := r.inOrder(); err != nil {
		return r.Answers, err
	}
	for {
		qi, err := r.review()
		if err != nil {
			return r.Answers, err
		}
		if qi < 0 {
			return r.Answers, nil
		}
		seq := 0 // the short quiz numbers as it asked, as its review does
		if r.Planner != nil {
			seq = slices.Index(r.reviewOrder(), qi) + 1
		}
		if _, err := r.askNumbered(qi, &i18n.KeepAnswer, seq); err != nil {
			return r.Answers, err
		}
		if next := r.nextShort(); next >= 0 {
			// The change re-opened the decision: ask on until it is
			// decided again (or, as offered, everything).
			if err := r.short(next); err != nil {
				return r.Answers, err
			}
			if err := r.inOrder(); err != nil {
				return r.Answers, err
			}
		}
	}
}

// nextShort is the short quiz's next question, or -1 when the answers
// are enough or the quiz is not short.
func (r *Runner) nextShort() int {
	if r.Planner == nil {
		return -1
	}
	qi, _ := r.Planner.Next(r.Answers)
	return qi
}

// short asks the planner's questions, starting with next (-1: ask the
// planner), until the planner stops, then says why and offers the rest;
// declining leaves them unanswered. Back goes to the question asked
// before (after resuming, the answered ones in bank order).
func (r *Runner) short(next int) error {
	pending := next
	why := ""
	for {
		qi := pending
		pending = -1
		if qi < 0 {
			if qi, why = r.Planner.Next(r.Answers); qi < 0 {
				break
			}
		}
		var back *i18n.Message
		if len(r.asked) > 0 {
			back = &i18n.BackToPrevious
		}
		seq := len(r.asked) + 1
		if i := slices.Index(r.asked, qi); i >= 0 {
			seq = i + 1 // asked again after a change at the review
		}
		wentBack, err := r.askNumbered(qi, back, seq)
		if err != nil {
			return err
		}
		if wentBack {
			// Ask the one before again: it counts as asked once more
			// when it is answered.
			pending = r.asked[len(r.asked)-1]
			r.asked = r.asked[:len(r.asked)-1]
			continue
		}
	}
	n, answered := len(r.Answers), r.Answers.Count()
	if answered == n {
		return nil
	}
	choice, err := r.Prompter.Select(Prompt{
		Menu:    true,
		Message: why,
		Options: []string{r.Printer.T(i18n.SeeResultNow), r.Printer.T(i18n.AnswerTheRest, n-answered)},
	})
	if err != nil {
		return err
	}
	if choice == 0 {
		r.skipRest = true
	}
	return nil
}

// inOrder asks every unanswered question in bank order (unless the short
// quiz's offer of the rest was declined). Going back is possible from
// every question but the bank's first, including the first one asked
// after resuming; after going back, the questions in between are asked
// again, each opening at its current answer.
func (r *Runner) inOrder() error {
	if r.skipRest {
		return nil
	}
	b := r.Bank
	n := len(b.Questions)
	nextUnanswered := func(from int) int {
		for qi := from; qi < n; qi++ {
			if !r.Answers[qi].Set {
				return qi
			}
		}
		return n
	}
	qi := nextUnanswered(0)
	furthest := qi // the furthest point reached by answering forward
	for qi < n {
		var back *i18n.Message
		if qi > 0 {
			back = &i18n.BackToPrevious
		}
		wentBack, err := r.ask(qi, back)
		if err != nil {
			return err
		}
		switch {
		case wentBack:
			qi--
		case qi+1 < furthest:
			qi++ // walking forward again through what was revisited
		default:
			qi = nextUnanswered(qi + 1)
			furthest = max(furthest, qi)
		}
	}
	return nil
}

// ask asks question qi and records the answer. back, when set, says what
// the prompter's back key does (leave the question as it was); wentBack
// reports that it was used.
func (r *Runner) ask(qi int, back *i18n.Message) (wentBack bool, err error) {
	return r.askNumbered(qi, back, 0)
}

// askNumbered is ask; in the short quiz, seq numbers the questions in the
// order they are asked, as the bank's numbers mean little there.
func (r *Runner) askNumbered(qi int, back *i18n.Message, seq int) (wentBack bool, err error) {
	q := &r.Bank.Questions[qi]
	order := r.order(qi)
	progress := r.Printer.T(i18n.Progress, qi+1, len(r.Bank.Questions))
	if left := r.timeLeft(); left != "" && !r.Answers[qi].Set {
		progress += " · " + left
	}
	if seq > 0 {
		progress = r.Printer.T(i18n.ProgressShort, seq, len(r.Bank.Questions))
	}
	if r.Clock != nil {
		r.shownAt = r.Clock()
	}
	p := Prompt{
		Progress: progress,
		Message:  q.Text,
		Help:     q.Help,
	}
	if back != nil {
		p.Back = r.Printer.T(*back)
	}
	if q.Kind == Likert {
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			p.Options = append(p.Options, q.Scale.Label(v))
		}
		p.Scale = true
		p.Cursor = (q.Scale.Max - q.Scale.Min) / 2 // the neutral point
	} else {
		for _, oi := range order {
			p.Options = append(p.Options, q.Options[oi].Label)
		}
	}
	current := r.Answers[qi]
	if current.Set {
		switch q.Kind {
		case Likert:
			p.Default = []int{current.Level - q.Scale.Min}
		case Single:
			p.Default = []int{slices.Index(order, current.Choice)}
		case Multi:
			for _, oi := range current.Picked() {
				p.Default = append(p.Default, slices.Index(order, oi))
			}
			slices.Sort(p.Default)
		}
	}

	var a Answer
	switch q.Kind {
	case Likert, Single:
		i, err := r.Prompter.Select(p)
		if errors.Is(err, ErrBack) && back != nil {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		if i < 0 || i >= len(p.Options) {
			return false, fmt.Errorf("question %q: prompter returned option %d of %d", q.ID, i, len(p.Options))
		}
		if q.Kind == Likert {
			a = Answer{Set: true, Level: q.Scale.Min + i}
		} else {
			a = Answer{Set: true, Choice: order[i]}
		}
	case Multi:
		toAnswer := func(shown []int) (Answer, error) {
			if len(shown) == 0 {
				return Answer{}, errors.New(r.Printer.T(i18n.ChooseOne))
			}
			var picked []int
			for _, i := range shown {
				if i < 0 || i >= len(order) {
					return Answer{}, fmt.Errorf("question %q: prompter returned option %d of %d", q.ID, i, len(order))
				}
				picked = append(picked, order[i])
			}
			ans, err := q.AnswerOf(picked)
			if err != nil && q.None >= 0 {
				return Answer{}, errors.New(r.Printer.T(i18n.NoneAlone, q.Options[q.None].Label))
			}
			return ans, err
		}
		p.Validate = func(shown []int) error {
			_, err := toAnswer(shown)
			return err
		}
		shown, err := r.Prompter.MultiSelect(p)
		if errors.Is(err, ErrBack) && back != nil {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		if a, err = toAnswer(shown); err != nil {
			return false, err
		}
	}
	if !r.Answers[qi].Set && r.Clock != nil {
		r.paces = append(r.paces, min(r.Clock().Sub(r.shownAt).Seconds(), maxPace))
	}
	r.Answers[qi] = a
	if !slices.Contains(r.asked, qi) {
		r.asked = append(r.asked, qi)
	}
	if r.Saved != nil {
		r.Saved(r.Answers)
	}
	return false, nil
}

// review lists every answer and returns the question the person wants to
// change, or -1 to submit. The questions are numbered as they were asked:
// in bank order, or, in the short quiz, in the order the quiz chose them
// (the unanswered ones last, in bank order). Submitting comes last, and
// the cursor opens on it.
func (r *Runner) review() (int, error) {
	b := r.Bank
	p := Prompt{Message: r.Printer.T(i18n.ReviewTitle), Menu: true}
	for _, qi := range r.reviewOrder() {
		answer := r.Printer.T(i18n.NotAnswered)
		if r.Answers[qi].Set {
			answer = b.FormatLabel(qi, r.Answers[qi])
		}
		p.Options = append(p.Options, oneLine(b.Questions[qi].Text))
		p.Details = append(p.Details, oneLine(answer))
	}
	submit := len(p.Options)
	p.Options = append(p.Options, r.Printer.T(i18n.Submit))
	p.Details = append(p.Details, "")
	p.Cursor = submit
	i, err := r.Prompter.Select(p)
	if err != nil {
		return 0, err
	}
	if i < 0 || i > submit {
		return 0, fmt.Errorf("review: prompter returned option %d of %d", i, len(p.Options))
	}
	if i == submit {
		return -1, nil
	}
	return r.reviewOrder()[i], nil
}

// reviewOrder is the order the review lists the questions in.
func (r *Runner) reviewOrder() []int {
	n := len(r.Bank.Questions)
	order := make([]int, 0, n)
	if r.Planner != nil {
		order = append(order, r.asked...)
	}
	for qi := range n {
		if !slices.Contains(order, qi) {
			order = append(order, qi)
		}
	}
	return order
}

// order is the order question qi's options are shown in: the bank's, or
// a shuffle fixed by the seed and the question, so going back or resuming
// shows the same order again.
func (r *Runner) order(qi int) []int {
	q := &r.Bank.Questions[qi]
	order := make([]int, len(q.Options))
	for i := range order {
		order[i] = i
	}
	if r.Seed == nil || q.Kind == Likert {
		return order
	}
	movable := order
	if q.None >= 0 {
		// Keep "none of these" last, where people look for it.
		movable = slices.DeleteFunc(order, func(i int) bool { return i == q.None })
	}
	rng := rand.New(rand.NewPCG(*r.Seed, uint64(qi)))
	rng.Shuffle(len(movable), func(i, j int) { movable[i], movable[j] = movable[j], movable[i] })
	if q.None >= 0 {
		return append(movable, q.None)
	}
	return movable
}

// oneLine folds a text's runs of white space, newlines included, into
// single spaces, for one-line listings.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
