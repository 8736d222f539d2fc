package analysis

import (
	"math"
	"slices"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// Analyzer holds what every tally of one bank shares: the compiled
// model and which questions place a person on each dimension (its
// items). It is read-only and safe to share between goroutines.
type Analyzer struct {
	model *scoring.Model
	bank  *quiz.Bank
	// items[d] lists the questions measuring dimension d, in bank order.
	items [][]int
}

// New returns an analyzer for the model's bank.
func New(m *scoring.Model) *Analyzer {
	b := m.Bank()
	a := &Analyzer{model: m, bank: b, items: make([][]int, len(b.Dimensions))}
	for qi, q := range b.Questions {
		for _, d := range q.Dimensions {
			a.items[d] = append(a.items[d], qi)
		}
	}
	return a
}

// Tally accumulates what analyze reports over a cohort of answer sets.
// Tallies of parts of a cohort merge into the tally of the whole; merged
// in input order they give the same numbers whatever the parts were.
type Tally struct {
	a *Analyzer
	// light tallies skip sensitivity and explanations: uniformly random
	// sets say nothing about either.
	light bool

	Sets    int
	dims    []covariance // per dimension: its items, over sets answering all of them
	first   []int        // per role: sets ranking it first
	levels  [3]int       // sets graded high, medium, low
	margins histogram

	// Sensitivity: per question, alternatives tried and how many of them
	// changed the top role, and sets where at least one did.
	tried, changed, anyChange []int

	// Expectations.
	expected, top1, top2 int
	withAlso, alsoTop2   int
	lenient              int // ranked first is expect or also
	confusion            [][]int

	// Explanations of the top role: answer effects shown, those pointing
	// against the answer's own pull, and breaches of the sign rule.
	effects, against, signBreaches int
	sumGap                         float64 // largest |Σ effects − (fit − baseline)|

	// The first complete answer sets, in input order, at most keep of
	// them, for the short quiz to be taken after the tally (ShortTakes).
	keep int
	kept []quiz.Answers

	// Scratch, not merged.
	answers quiz.Answers
	one     *scoring.OneChange // built on first use
	// sensLeft is what this tally's sensitivity may still spend, in role
	// fits computed (sensitivityWork).
	sensLeft int
	x        []float64
	alts     []quiz.Answer
	itemBuf  []scoring.Item
}

// NewTally returns an empty tally.
func (a *Analyzer) NewTally() *Tally {
	nd, nr, nq := len(a.bank.Dimensions), len(a.bank.Roles), len(a.bank.Questions)
	t := &Tally{
		a:         a,
		sensLeft:  sensitivityWork,
		dims:      make([]covariance, nd),
		first:     make([]int, nr),
		margins:   newHistogram(),
		tried:     make([]int, nq),
		changed:   make([]int, nq),
		anyChange: make([]int, nq),
		confusion: make([][]int, nr),
		answers:   a.bank.NewAnswers(),
	}
	for d := range t.dims {
		t.dims[d] = newCovariance(len(a.items[d]))
	}
	for r := range t.confusion {
		t.confusion[r] = make([]int, nr)
	}
	return t
}

// KeepForShort has the tally keep a copy of its first n complete answer
// sets, in input order, for ShortTakes; it returns t.
func (t *Tally) KeepForShort(n int) *Tally {
	t.keep = n
	return t
}

// Kept is the answer sets the tally kept (KeepForShort).
func (t *Tally) Kept() []quiz.Answers { return t.kept }

func (a *Analyzer) newLightTally() *Tally {
	t := a.NewTally()
	t.light = true
	return t
}

// levelIndex orders levels as reports list them.
func levelIndex(l scoring.Level) int {
	switch l {
	case scoring.High:
		return 0
	case scoring.Medium:
		return 1
	}
	return 2
}

// Add counts one valid answer set, scored (without explanations) as res;
// expect is the role it expects first and also an acceptable second
// (-1 for none).
func (t *Tally) Add(answers quiz.Answers, res *scoring.Result, expect, also int) {
	a := t.a
	t.Sets++
	if len(t.kept) < t.keep && answers.Count() == len(answers) {
		t.kept = append(t.kept, slices.Clone(answers))
	}
	top := res.Top()
	t.first[top]++
	t.levels[levelIndex(res.Certainty.Level)]++
	t.margins.add(res.Certainty.Margin)

	for d, qs := range a.items {
		if len(qs) == 0 {
			continue
		}
		t.x = t.x[:0]
		for _, qi := range qs {
			pos, ok := a.model.ItemPosition(qi, answers[qi], d)
			if !ok {
				break
			}
			t.x = append(t.x, pos)
		}
		if len(t.x) == len(qs) {
			t.dims[d].add(t.x)
		}
	}

	if !t.light {
		t.sensitivity(answers, top)
		t.explanations(answers)
	}

	if expect >= 0 {
		t.expected++
		t.confusion[expect][top]++
		inTop2 := func(r int) bool {
			return res.Roles[0].Role == r || (len(res.Roles) > 1 && res.Roles[1].Role == r)
		}
		if top == expect {
			t.top1++
		}
		if inTop2(expect) {
			t.top2++
		}
		if top == expect || top == also {
			t.lenient++
		}
		if also >= 0 {
			t.withAlso++
			if inTop2(also) {
				t.alsoTop2++
			}
		}
	}
}

// sensitivityWork bounds the role fits one tally's sensitivity computes:
// a tally is a block of 64 simulated sets or a chunk of up to 512 input
// sets, and the built-in bank needs under 700,000 for a chunk, so every
// set is tried; on the largest bank allowed (500 questions of 11 points,
// 100 roles: 500,000 a set) the first 8 of each block are. The counts
// are per question tried, so the shares stay honest either way.
const sensitivityWork = 4_000_000

// sensitivity tries every alternative answer to each answered question
// on its own and counts those that change the top role, while the
// tally's budget lasts.
func (t *Tally) sensitivity(answers quiz.Answers, top int) {
	if t.sensLeft <= 0 {
		return
	}
	if t.one == nil {
		t.one = t.a.model.NewOneChange(answers)
	} else {
		t.one.Reset(answers)
	}
	for qi := range answers {
		cur := answers[qi]
		if !cur.Set {
			continue
		}
		t.alts = alternatives(&t.a.bank.Questions[qi], cur, t.alts[:0])
		changedAny := false
		t.sensLeft -= len(t.alts) * len(t.a.bank.Roles)
		for _, alt := range t.alts {
			t.tried[qi]++
			if t.one.Top(qi, alt) != top {
				t.changed[qi]++
				changedAny = true
			}
		}
		if changedAny {
			t.anyChange[qi]++
		}
	}
}

// alternatives lists the answers to q that differ from cur by one step:
// every other scale point or option; for a multi-select, each option
// ticked or unticked on its own (ticking an option clears "none of
// these", ticking "none of these" clears the rest; an empty choice is
// not an answer).
func alternatives(q *quiz.Question, cur quiz.Answer, dst []quiz.Answer) []quiz.Answer {
	switch q.Kind {
	case quiz.Likert:
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			if v != cur.Level {
				dst = append(dst, quiz.Answer{Set: true, Level: v})
			}
		}
	case quiz.Single:
		for i := range q.Options {
			if i != cur.Choice {
				dst = append(dst, quiz.Answer{Set: true, Choice: i})
			}
		}
	default:
		var none uint64
		if q.None >= 0 {
			none = 1 << uint(q.None)
		}
		for i := range q.Options {
			bit := uint64(1) << uint(i)
			var p uint64
			switch {
			case cur.Picks&bit != 0:
				p = cur.Picks &^ bit
			case bit == none:
				p = none
			default:
				p = (cur.Picks &^ none) | bit
			}
			if p != 0 {
				dst = append(dst, quiz.Answer{Set: true, Picks: p})
			}
		}
	}
	return dst
}

// explanations checks the top role's explanation: how many answer
// effects are shown (|effect| ≥ 0.05, so they round to at least 0.1),
// how many point against the answer's own pull, how many break the sign
// rule, and how far the effects' sum strays from fit − baseline.
func (t *Tally) explanations(answers quiz.Answers) {
	res := t.a.model.Score(answers, scoring.Options{Explain: 1})
	if len(res.Explanations) == 0 {
		return
	}
	e := res.Explanations[0]
	profile := t.a.bank.Roles[e.Role].Profile
	sum := 0.0
	for _, ae := range e.Answers {
		sum += ae.Effect
		if math.Abs(ae.Effect) < 0.05 {
			continue
		}
		t.effects++
		pull, toward := t.ownPull(profile, res.Dimensions, ae.Question, answers[ae.Question])
		if pull != 0 && (pull > 0) != (ae.Effect > 0) {
			t.against++
		}
		if toward && ae.Effect < 0 {
			t.signBreaches++
		}
	}
	t.sumGap = math.Max(t.sumGap, math.Abs(sum-(e.Fit-e.Baseline)))
}

// ownPull is an answer's pull on a role on its own: for each scored
// dimension of the role's profile the answer places the person on, the
// role's weight times how much closer the answer's position is to the
// target than the baseline (50) is, in squared points, summed. toward
// reports that the answer is at least as close as the baseline on every
// such dimension (and touches one).
func (t *Tally) ownPull(profile []quiz.Target, dims []scoring.DimensionScore, qi int, a quiz.Answer) (pull float64, toward bool) {
	t.itemBuf = t.a.model.Items(t.itemBuf[:0], qi, a)
	toward = false
	touched := false
	allToward := true
	for _, it := range t.itemBuf {
		for _, tg := range profile {
			if tg.Dimension != it.Dimension || !dims[it.Dimension].Scored {
				continue
			}
			touched = true
			base, own := (50-tg.Target)*(50-tg.Target), (it.Position-tg.Target)*(it.Position-tg.Target)
			pull += tg.Weight * (base - own)
			if own > base {
				allToward = false
			}
		}
	}
	return pull, touched && allToward
}

// Merge adds o's counts to t.
func (t *Tally) Merge(o *Tally) {
	t.Sets += o.Sets
	t.kept = append(t.kept, o.kept[:min(len(o.kept), t.keep-len(t.kept))]...)
	for d := range t.dims {
		t.dims[d].merge(&o.dims[d])
	}
	for i := range t.first {
		t.first[i] += o.first[i]
	}
	for i := range t.levels {
		t.levels[i] += o.levels[i]
	}
	t.margins.merge(&o.margins)
	for i := range t.tried {
		t.tried[i] += o.tried[i]
		t.changed[i] += o.changed[i]
		t.anyChange[i] += o.anyChange[i]
	}
	t.expected += o.expected
	t.top1 += o.top1
	t.top2 += o.top2
	t.withAlso += o.withAlso
	t.alsoTop2 += o.alsoTop2
	t.lenient += o.lenient
	for i := range t.confusion {
		for j := range t.confusion[i] {
			t.confusion[i][j] += o.confusion[i][j]
		}
	}
	t.effects += o.effects
	t.against += o.against
	t.signBreaches += o.signBreaches
	t.sumGap = math.Max(t.sumGap, o.sumGap)
}
