package quiz

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfit/pmfit/internal/i18n"
)

// step is one prompt a fake prompter expects and how it answers.
type step struct {
	kind   string   // "select" or "multi"
	expect string   // a substring of the prompt's message
	choose []string // labels of the options to choose, as shown
	err    error    // returned instead of a choice
	// check, when set, inspects the prompt (its defaults, progress line).
	check func(t *testing.T, p Prompt)
}

// fakePrompter plays a script of prompts. It fails the test on a prompt
// it did not expect, and Done fails it on prompts never asked.
type fakePrompter struct {
	t       *testing.T
	steps   []step
	refused []string // validation errors, as a prompter would show them
}

func (f *fakePrompter) next(kind string, p Prompt) ([]int, error) {
	f.t.Helper()
	if len(f.steps) == 0 {
		f.t.Fatalf("unexpected %s prompt %q", kind, p.Message)
	}
	s := f.steps[0]
	f.steps = f.steps[1:]
	if s.kind != kind || !strings.Contains(p.Message, s.expect) {
		f.t.Fatalf("got %s prompt %q, want %s prompt containing %q", kind, p.Message, s.kind, s.expect)
	}
	if s.check != nil {
		s.check(f.t, p)
	}
	if s.err != nil {
		return nil, s.err
	}
	if len(s.choose) == 1 && (s.choose[0] == back || s.choose[0] == keep) {
		// The back key: only there when the prompt offers it.
		if p.Back == "" {
			f.t.Fatalf("prompt %q offers no way back", p.Message)
		}
		return nil, ErrBack
	}
	var idx []int
	for _, label := range s.choose {
		i := slices.Index(p.Options, label)
		if i < 0 {
			f.t.Fatalf("prompt %q has no option %q; options: %q", p.Message, label, p.Options)
		}
		idx = append(idx, i)
	}
	if kind == "multi" && p.Validate != nil {
		if err := p.Validate(idx); err != nil {
			// A real prompter shows the error and asks again; the script's
			// next step is that second asking.
			f.refused = append(f.refused, err.Error())
			return f.next(kind, p)
		}
	}
	return idx, nil
}

func (f *fakePrompter) Select(p Prompt) (int, error) {
	idx, err := f.next("select", p)
	if err != nil {
		return 0, err
	}
	if len(idx) != 1 {
		f.t.Fatalf("select step chooses %d options", len(idx))
	}
	return idx[0], nil
}

func (f *fakePrompter) MultiSelect(p Prompt) ([]int, error) {
	idx, err := f.next("multi", p)
	slices.Sort(idx)
	return idx, err
}

func (f *fakePrompter) Done() {
	f.t.Helper()
	for _, s := range f.steps {
		f.t.Errorf("prompt never asked: %s %q", s.kind, s.expect)
	}
}

func sel(expect string, choose string) step {
	return step{kind: "select", expect: expect, choose: []string{choose}}
}
func multi(expect string, choose ...string) step {
	return step{kind: "multi", expect: expect, choose: choose}
}

const (
	back   = "(back)" // the back key, to go to the previous question
	keep   = "(keep)" // the back key, from a question opened at the review
	submit = "✔ Submit my answers and see the result"
	review = "Review your answers"
)

func runScript(t *testing.T, b *Bank, start Answers, steps ...step) (Answers, error, *fakePrompter) {
	t.Helper()
	fp := &fakePrompter{t: t, steps: steps}
	r := &Runner{Bank: b, Prompter: fp, Answers: start}
	as, err := r.Run()
	return as, err, fp
}

func wantAnswers(t *testing.T, b *Bank, as Answers, want map[string]string) {
	t.Helper()
	for qi, q := range b.Questions {
		got := ""
		if as[qi].Set {
			got = b.FormatValue(qi, as[qi])
		}
		if got != want[q.ID] {
			t.Errorf("answer to %s = %q, want %q", q.ID, got, want[q.ID])
		}
	}
}

func TestRunnerAsksInOrderThenReviews(t *testing.T) {
	b := mustLoad(t, smallBank)
	progress := func(want string) func(*testing.T, Prompt) {
		return func(t *testing.T, p Prompt) {
			if p.Progress != want {
				t.Errorf("progress %q, want %q", p.Progress, want)
			}
		}
	}
	first := sel("I like building", "Agree")
	first.check = func(t *testing.T, p Prompt) {
		progress("Question 1 of 4")(t, p)
		if p.Back != "" {
			t.Error("the first question offers a way back")
		}
		want := []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}
		if !slices.Equal(p.Options, want) {
			t.Errorf("Likert options %q, want the scale in order", p.Options)
		}
		if !p.Scale || p.Cursor != 2 || len(p.Default) != 0 {
			t.Errorf("a new agreement question opens with scale %v, cursor %d, default %v; want the neutral point and no answer", p.Scale, p.Cursor, p.Default)
		}
	}
	second := sel("I like customers", "Disagree")
	second.check = func(t *testing.T, p Prompt) {
		progress("Question 2 of 4")(t, p)
		if p.Back != "back to the previous question" {
			t.Errorf("back %q", p.Back)
		}
	}
	last := multi("Pick any", "A", "B")
	last.check = progress("Question 4 of 4")
	as, err, fp := runScript(t, b, nil, first, second, sel("How big?", "Large"), last, sel(review, submit))
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "2", "s1": "large", "m1": "a,b"})
}

func TestRunnerGoesBack(t *testing.T) {
	b := mustLoad(t, smallBank)
	again := sel("I like customers", "Agree")
	again.check = func(t *testing.T, p Prompt) {
		if !slices.Equal(p.Default, []int{0}) { // "Strongly disagree", the answer given before
			t.Errorf("going back opens at %v, want the earlier answer [0]", p.Default)
		}
	}
	as, err, fp := runScript(t, b, nil,
		sel("I like building", "Agree"),
		sel("I like customers", "Strongly disagree"),
		sel("How big?", back),
		again,
		sel("How big?", "Small"),
		multi("Pick any", back), // back from a multi-select too
		sel("How big?", "Large"),
		multi("Pick any", "None"),
		sel(review, submit),
	)
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "4", "s1": "large", "m1": "none"})
}

func TestRunnerReviewChangesAnAnswer(t *testing.T) {
	b := mustLoad(t, smallBank)
	change := sel("How big?", "Small")
	change.check = func(t *testing.T, p Prompt) {
		if p.Back != "keep my answer and return to the review" || !slices.Equal(p.Default, []int{1}) {
			t.Errorf("changing from the review: back %q, default %v", p.Back, p.Default)
		}
	}
	reviewed := sel(review, submit)
	reviewed.check = func(t *testing.T, p Prompt) {
		// Option i is question i, so numbers shown are the questions';
		// submitting is last, and the cursor opens on it.
		if len(p.Options) != 5 || p.Options[2] != "How big?" || p.Details[2] != "Small" || p.Options[4] != submit || p.Cursor != 4 {
			t.Errorf("review options %q, details %q, cursor %d", p.Options, p.Details, p.Cursor)
		}
	}
	as, err, fp := runScript(t, b, nil,
		sel("I like building", "Agree"),
		sel("I like customers", "Disagree"),
		sel("How big?", "Large"),
		multi("Pick any", "A"),
		sel(review, "How big?"),
		change,
		sel(review, "I like building."),
		sel("I like building", keep), // looked, kept it
		reviewed,
	)
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "2", "s1": "small", "m1": "a"})
}

func TestRunnerMultiSelectRules(t *testing.T) {
	b := mustLoad(t, smallBank)
	// Nothing chosen, then "none" beside another option: both refused and
	// asked again; then a valid choice.
	as, err, fp := runScript(t, b, nil,
		sel("I like building", "Agree"),
		sel("I like customers", "Disagree"),
		sel("How big?", "Large"),
		multi("Pick any"),
		multi("Pick any", "A", "None"),
		multi("Pick any", "B"),
		sel(review, submit),
	)
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "2", "s1": "large", "m1": "b"})
	want := []string{"Choose at least one option.", `"None" cannot be combined with other options.`}
	if !slices.Equal(fp.refused, want) {
		t.Errorf("refusals %q, want %q", fp.refused, want)
	}
}

func TestRunnerResumesOnlyWhatIsUnanswered(t *testing.T) {
	b := mustLoad(t, smallBank)
	start := b.NewAnswers()
	start[0] = Answer{Set: true, Level: 5}
	start[2] = Answer{Set: true, Choice: 0}
	as, err, fp := runScript(t, b, start,
		sel("I like customers", "Agree"),
		multi("Pick any", "A"),
		sel(review, submit),
	)
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "5", "l2": "4", "s1": "small", "m1": "a"})
}

// TestRunnerGoesBackAfterResuming: the first question asked after
// resuming still has a way back, to the answered question before it; the
// questions in between are then asked again, opening at their answers.
func TestRunnerGoesBackAfterResuming(t *testing.T) {
	b := mustLoad(t, smallBank)
	start := b.NewAnswers()
	start[0] = Answer{Set: true, Level: 5}
	start[1] = Answer{Set: true, Level: 1}
	reopened := sel("I like customers", "Disagree")
	reopened.check = func(t *testing.T, p Prompt) {
		if !slices.Equal(p.Default, []int{0}) {
			t.Errorf("went back to a saved answer: default %v, want [0]", p.Default)
		}
	}
	as, err, fp := runScript(t, b, start,
		sel("How big?", back),
		reopened,
		sel("How big?", "Large"),
		multi("Pick any", "A"),
		sel(review, submit),
	)
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "5", "l2": "2", "s1": "large", "m1": "a"})
}

// TestRunnerWalksForwardThroughRevisitedQuestions: after going back two
// questions, answering walks forward through the one in between rather
// than jumping to the first unanswered question.
func TestRunnerWalksForwardThroughRevisitedQuestions(t *testing.T) {
	b := mustLoad(t, smallBank)
	as, err, fp := runScript(t, b, nil,
		sel("I like building", "Agree"),
		sel("I like customers", "Agree"),
		sel("How big?", back),
		sel("I like customers", back),
		sel("I like building", "Disagree"),
		sel("I like customers", "Strongly agree"),
		sel("How big?", "Small"),
		multi("Pick any", "B"),
		sel(review, submit),
	)
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "2", "l2": "5", "s1": "small", "m1": "b"})
}

func TestRunnerInterruptedKeepsAnswers(t *testing.T) {
	b := mustLoad(t, smallBank)
	var saved []int
	fp := &fakePrompter{t: t, steps: []step{
		sel("I like building", "Agree"),
		sel("I like customers", "Disagree"),
		{kind: "select", expect: "How big?", err: ErrInterrupted},
	}}
	r := &Runner{Bank: b, Prompter: fp, Saved: func(as Answers) { saved = append(saved, as.Count()) }}
	as, err := r.Run()
	fp.Done()
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "2"})
	if !slices.Equal(saved, []int{1, 2}) {
		t.Errorf("Saved called with %v answers, want after each: [1 2]", saved)
	}
}

func TestRunnerShuffle(t *testing.T) {
	b := mustLoad(t, strings.Replace(smallBank, "      - {value: a, label: A, counts: [size]}\n",
		"      - {value: a, label: A, counts: [size]}\n      - {value: c, label: C, counts: [size]}\n      - {value: d, label: D, counts: [size]}\n      - {value: e, label: E, counts: [size]}\n", 1))
	shown := func(seed uint64) []string {
		var options []string
		check := func(t *testing.T, p Prompt) {
			options = slices.Clone(p.Options)
		}
		m := multi("Pick any", "A")
		m.check = check
		l := sel("I like building", "Agree")
		l.check = func(t *testing.T, p Prompt) {
			if p.Options[0] != "Strongly disagree" || p.Options[4] != "Strongly agree" {
				t.Errorf("a Likert scale was shuffled: %q", p.Options)
			}
		}
		fp := &fakePrompter{t: t, steps: []step{l, sel("I like customers", "Agree"), sel("How big?", "Large"), m, sel(review, submit)}}
		r := &Runner{Bank: b, Prompter: fp, Seed: &seed}
		as, err := r.Run()
		fp.Done()
		if err != nil {
			t.Fatal(err)
		}
		if got := b.FormatValue(3, as[3]); got != "a" {
			t.Errorf("chose label A, recorded %q", got)
		}
		return options
	}
	one, again := shown(7), shown(7)
	if !slices.Equal(one, again) {
		t.Errorf("same seed, different orders: %q vs %q", one, again)
	}
	if one[len(one)-1] != "None" {
		t.Errorf("none of these is not last: %q", one)
	}
	differs := false
	for seed := uint64(0); seed < 10 && !differs; seed++ {
		differs = !slices.Equal(shown(seed), []string{"A", "C", "D", "E", "B", "None"})
	}
	if !differs {
		t.Error("ten seeds never changed the order")
	}
}

func TestProgressRoundTrip(t *testing.T) {
	b := mustLoad(t, smallBank)
	as := b.NewAnswers()
	as[0] = Answer{Set: true, Level: 4}
	as[3] = Answer{Set: true, Picks: 0b011}
	seed := uint64(42)
	saved := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	data, err := b.EncodeProgress(Progress{Saved: saved, Seed: &seed, Answers: as})
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "pmfit": "quiz progress",
  "version": 1,
  "bank": "small",
  "digest": "` + b.Digest() + `",
  "saved": "2026-11-25T12:00:00Z",
  "seed": 42,
  "answers": {
    "l1": 4,
    "m1": ["a","b"]
  }
}
`
	if string(data) != want {
		t.Errorf("progress file:\n%s\nwant:\n%s", data, want)
	}
	p, drops, err := b.DecodeProgress("p.json", data)
	if err != nil || len(drops) != 0 {
		t.Fatalf("decode: %v, drops %v", err, drops)
	}
	if !slices.Equal(p.Answers, as) || *p.Seed != 42 || !p.Saved.Equal(saved) || p.Digest != b.Digest() {
		t.Errorf("decoded %+v", p)
	}
}

// TestProgressFilesAsEditorsLeaveThem: a byte-order mark (an editor
// saved the file) is read past; a version this pmfit does not know says
// a newer pmfit wrote it; something else is not a progress file.
func TestProgressFilesAsEditorsLeaveThem(t *testing.T) {
	b := mustLoad(t, smallBank)
	as := b.NewAnswers()
	as[0] = Answer{Set: true, Level: 4}
	data, err := b.EncodeProgress(Progress{Saved: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), Answers: as})
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := b.DecodeProgress("bom.json", append([]byte("\xEF\xBB\xBF"), data...))
	if err != nil || !slices.Equal(p.Answers, as) {
		t.Fatalf("with a BOM: %v, answers %v", err, p.Answers)
	}
	newer := strings.Replace(string(data), `"version": 1`, `"version": 999`, 1)
	if _, _, err := b.DecodeProgress("new.json", []byte(newer)); err == nil || !strings.Contains(err.Error(), "new.json: written by a newer pmfit (progress file version 999; this pmfit reads version 1)") {
		t.Errorf("version 999: %v", err)
	}
	other := strings.Replace(string(data), `"quiz progress"`, `"something else"`, 1)
	if _, _, err := b.DecodeProgress("other.json", []byte(other)); err == nil || !strings.Contains(err.Error(), "not a pmfit progress file") {
		t.Errorf("another kind: %v", err)
	}
}

func TestProgressFromAChangedBank(t *testing.T) {
	b := mustLoad(t, smallBank)
	saved := `{"pmfit": "quiz progress", "version": 1, "bank": "small", "digest": "sha256:old",
	  "saved": "2026-11-25T12:00:00Z",
	  "answers": {"l1": 4, "gone": "x", "s1": "medium", "m1": ["a", "b"], "l2": {"x": 1}}}`
	p, drops, err := b.DecodeProgress("p.json", []byte(saved))
	if err != nil {
		t.Fatal(err)
	}
	want := []Drop{{Question: "gone"}, {Question: "l2", Value: `{"x": 1}`}, {Question: "s1", Value: "medium"}}
	if !slices.Equal(drops, want) {
		t.Errorf("drops %+v, want %+v", drops, want)
	}
	wantAnswers(t, b, p.Answers, map[string]string{"l1": "4", "m1": "a,b"})
	if p.Digest == b.Digest() {
		t.Error("digest should show the bank changed")
	}
	for _, bad := range []string{"", "{}", `{"pmfit": "something else", "version": 1}`, "[1,2]"} {
		if _, _, err := b.DecodeProgress("p.json", []byte(bad)); err == nil || !strings.Contains(err.Error(), "not a pmfit progress file") {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}

func TestDigestIgnoresWording(t *testing.T) {
	b := mustLoad(t, smallBank)
	reworded := mustLoad(t, strings.Replace(smallBank, "text: How big?", "text: How large is it?", 1))
	changed := mustLoad(t, strings.Replace(smallBank, "{value: large,", "{value: big,", 1))
	if b.Digest() != reworded.Digest() {
		t.Error("rewording a question changed the digest")
	}
	if b.Digest() == changed.Digest() {
		t.Error("changing an option value kept the digest")
	}
}

func TestPrinterFollowsLanguage(t *testing.T) {
	b := mustLoad(t, smallBank)
	first := sel("I like building", "Agree")
	first.check = func(t *testing.T, p Prompt) {
		if p.Progress != "Pregunta 1 de 4" {
			t.Errorf("progress %q", p.Progress)
		}
	}
	fp := &fakePrompter{t: t, steps: []step{first, {kind: "select", expect: "I like customers", err: ErrInterrupted}}}
	r := &Runner{Bank: b, Prompter: fp, Printer: i18n.New("es")}
	if _, err := r.Run(); !errors.Is(err, ErrInterrupted) {
		t.Fatal(err)
	}
	fp.Done()
}

// listPlanner asks the questions in order, then says decided; while
// reopen is set it has one more to ask.
type listPlanner struct {
	order []int
	extra int // asked once more after a review change, when ≥ 0
	calls int
}

func (p *listPlanner) Next(as Answers) (int, string) {
	p.calls++
	for _, qi := range p.order {
		if !as[qi].Set {
			return qi, ""
		}
	}
	if p.extra >= 0 && !as[p.extra].Set {
		return p.extra, ""
	}
	return -1, decidedWhy(as)
}

// decidedWhy is what a planner says when it stops: the proof's sentence.
func decidedWhy(as Answers) string {
	n, answered := len(as), as.Count()
	return printerEN.T(i18n.DecidedAfter, answered, n, n-answered)
}

// TestRunnerShortQuiz: the planner's questions, numbered as asked, back
// to the question asked before, then the decision and the offer of the
// rest; declining leaves them unanswered.
func TestRunnerShortQuiz(t *testing.T) {
	b := mustLoad(t, smallBank)
	first := sel("How big?", "Large")
	first.check = func(t *testing.T, p Prompt) {
		if p.Progress != "Question 1 (of at most 4: the quiz stops once your best fit is clear)" || p.Back != "" {
			t.Errorf("first short question: progress %q, back %q", p.Progress, p.Back)
		}
	}
	second := sel("I like customers", "Agree")
	second.check = func(t *testing.T, p Prompt) {
		if p.Progress != "Question 2 (of at most 4: the quiz stops once your best fit is clear)" || p.Back == "" {
			t.Errorf("second short question: progress %q, back %q", p.Progress, p.Back)
		}
	}
	offer := sel("Decided after 2 of 4 questions: no answer to the other 2 could change your best fit.", "See my result now")
	offer.check = func(t *testing.T, p Prompt) {
		if len(p.Options) != 2 || p.Options[1] != "Answer the other 2 too, for a fuller profile" {
			t.Errorf("offer options %q", p.Options)
		}
	}
	// The review numbers the questions as they were asked: s1, then l2,
	// then the two never asked, in bank order.
	rev := sel(review, submit)
	rev.check = func(t *testing.T, p Prompt) {
		want := []string{"How big?", "I like customers", "I like building", "Pick any", submit}
		if len(p.Options) != len(want) {
			t.Fatalf("review options %q", p.Options)
		}
		for i, w := range want {
			if !strings.HasPrefix(p.Options[i], w) {
				t.Errorf("review option %d is %q, want %q", i+1, p.Options[i], w)
			}
		}
		if !p.Menu {
			t.Error("the review is not a menu: Enter would not submit")
		}
	}
	fp := &fakePrompter{t: t, steps: []step{
		first,
		sel("I like customers", back), // back to the question asked before
		sel("How big?", "Small"),
		second,
		offer,
		rev,
	}}
	r := &Runner{Bank: b, Prompter: fp, Printer: printerEN, Planner: &listPlanner{order: []int{2, 1}, extra: -1}}
	as, err := r.Run()
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l2": "4", "s1": "small"})
}

// TestRunnerShortQuizRest: accepting the offer asks the rest in bank
// order; a review change that re-opens the decision asks on.
func TestRunnerShortQuizRest(t *testing.T) {
	b := mustLoad(t, smallBank)
	pl := &listPlanner{order: []int{2}, extra: -1}
	// Opened from the review, a question keeps the number the short quiz
	// (and its review) gave it: s1 was asked first.
	again := sel("How big?", "Small")
	again.check = func(t *testing.T, p Prompt) {
		if !strings.HasPrefix(p.Progress, "Question 1 (of at most 4") {
			t.Errorf("s1 from the review: progress %q", p.Progress)
		}
	}
	fp := &fakePrompter{t: t, steps: []step{
		sel("How big?", "Large"),
		sel("Decided after 1 of 4", "Answer the other 3 too, for a fuller profile"),
		sel("I like building", "Agree"),
		sel("I like customers", "Disagree"),
		multi("Pick any", "A"),
		sel(review, "How big?"),
		again,
		sel(review, submit),
	}}
	r := &Runner{Bank: b, Prompter: fp, Printer: printerEN, Planner: pl}
	as, err := r.Run()
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "4", "l2": "2", "s1": "small", "m1": "a"})

	// Declined, then a change at the review re-opens the decision: the
	// planner's next question is asked, and the offer comes again.
	pl = &listPlanner{order: []int{2}, extra: -1}
	fp = &fakePrompter{t: t, steps: []step{
		sel("How big?", "Large"),
		sel("Decided after 1 of 4", "See my result now"),
		sel(review, "How big?"),
		sel("How big?", "Small"),
		sel("I like building", "Disagree"),
		sel("Decided after 2 of 4", "See my result now"),
		sel(review, submit),
	}}
	r = &Runner{Bank: b, Prompter: fp, Printer: printerEN, Planner: reopening{pl}}
	as, err = r.Run()
	fp.Done()
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers(t, b, as, map[string]string{"l1": "2", "s1": "small"})
	// Once per question asked and once per decision: the question the
	// review change re-opened is the one asked, not planned again.
	if pl.calls != 4 {
		t.Errorf("the planner was consulted %d times, want 4", pl.calls)
	}
}

// reopening asks l1 once s1 is "small": a change that re-opens the
// decision.
type reopening struct{ *listPlanner }

func (p reopening) Next(as Answers) (int, string) {
	if qi, _ := p.listPlanner.Next(as); qi >= 0 {
		return qi, ""
	}
	if as[2].Set && as[2].Choice == 0 && !as[0].Set {
		return 0, ""
	}
	return -1, decidedWhy(as)
}

// TestRunnerSaysHowLongIsLeft: the progress line says how long the rest
// takes, at 10 seconds a question until three answers show the person's
// own pace (their median, a break counting as a minute at most).
func TestRunnerSaysHowLongIsLeft(t *testing.T) {
	b := mustLoad(t, smallBank)
	r := &Runner{Bank: b, Printer: printerEN, Answers: b.NewAnswers(), Clock: time.Now}
	if got := r.timeLeft(); got != "about a minute left" {
		t.Errorf("4 questions at 10 s: %q", got)
	}
	r.paces = []float64{30, 600, 40}
	if got := r.timeLeft(); got != "about 3 minutes left" { // 4 × 40 s
		t.Errorf("4 questions at a median of 40 s: %q", got)
	}
	r.Printer = i18n.New("es")
	if got := r.timeLeft(); got != "quedan unos 3 minutos" {
		t.Errorf("in Spanish: %q", got)
	}
	r.Clock = nil
	if got := r.timeLeft(); got != "" {
		t.Errorf("without a clock: %q", got)
	}

	// Through the quiz: a clock that moves 45 s at every reading, so each
	// answer takes 45 s.
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { now = now.Add(45 * time.Second); return now }
	progress := func(want string) func(*testing.T, Prompt) {
		return func(t *testing.T, p Prompt) {
			if p.Progress != want {
				t.Errorf("progress %q, want %q", p.Progress, want)
			}
		}
	}
	steps := []step{sel("I like building", "Agree"), sel("I like customers", "Agree"), sel("How big?", "Large"), multi("Pick any", "A"), sel(review, submit)}
	steps[0].check = progress("Question 1 of 4 · about a minute left")
	steps[3].check = progress("Question 4 of 4 · about a minute left")
	fp := &fakePrompter{t: t, steps: steps}
	r = &Runner{Bank: b, Prompter: fp, Printer: printerEN, Clock: clock}
	if _, err := r.Run(); err != nil {
		t.Fatal(err)
	}
	fp.Done()
	if !slices.Equal(r.paces, []float64{45, 45, 45, 45}) {
		t.Errorf("paces %v", r.paces)
	}
}
