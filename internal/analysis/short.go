package analysis

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// QuickThresholds are the probabilities the quick stop is measured at
// (docs/adaptive.md's trade-off curve); scoring.LikelyThreshold, the one
// the quiz stops at, is among them.
var QuickThresholds = []float64{0.80, 0.90, 0.95, 0.99}

// Stopped is where one short quiz stopped: how many questions it asked,
// and where the role it stopped on ranks in the full form (0: first).
type Stopped struct{ Asked, Rank int }

// ShortTake is one answer set's short quizzes: the quick one stopped at
// each of QuickThresholds, and the proof. With fewest asked for, Fewest
// is the fewest questions any order could have asked
// (scoring.LeastToDecide), a lower bound unless FewestExact.
type ShortTake struct {
	Quick       []Stopped
	Proof       Stopped
	HasFewest   bool
	Fewest      int
	FewestExact bool
	// Cut is set when the take ran past shortTakeWork: it is left out of
	// the figures, and counted (ShortReport.Cut).
	Cut bool
}

// shortTakeWork bounds one answer set's short quizzes, in the units of
// scoring.Take.Work (about 50–150 ns each): the built-in bank's takes
// need at most a few tens of thousands; on the largest bank allowed (500
// questions on an 11-point scale) a proof step alone costs a million, and
// measuring hundreds of takes would take hours. Past it a take is cut.
const shortTakeWork = 1_000_000

// shortAffordable reports whether a cohort's short takes are worth
// running: a probe take on answers, deterministic, within the budget.
// When it is cut, so would the others be, and none is run.
func (a *Analyzer) shortAffordable(answers quiz.Answers) bool {
	return !a.shortTake(answers, false).Cut
}

// shortTake runs both short quizzes on an answer set whose full answers
// are full. The quick quiz's question order does not depend on the
// threshold, so one pass, going on past each stop, measures them all.
func (a *Analyzer) shortTake(full quiz.Answers, fewest bool) ShortTake {
	m := a.model
	var res scoring.Result
	m.ScoreInto(&res, full)
	rank := func(role int) int {
		for i, rf := range res.Roles {
			if rf.Role == role {
				return i
			}
		}
		return len(res.Roles)
	}
	t := ShortTake{Quick: make([]Stopped, len(QuickThresholds))}
	open := len(QuickThresholds)
	done := make([]bool, len(QuickThresholds))
	take := m.NewTake(scoring.StopLikely, a.bank.NewAnswers())
	for asked := 0; open > 0; asked++ {
		if take.Work() > shortTakeWork {
			return ShortTake{Cut: true}
		}
		st := take.Step()
		for i, threshold := range QuickThresholds {
			// NextStep's stop, at this threshold.
			if done[i] || !(st.Decision.Decided || st.Decision.Remaining == 0 || st.Likely.Probability >= threshold) {
				continue
			}
			role := st.Likely.Role
			if st.Decision.Decided {
				role = st.Decision.Top
			}
			t.Quick[i], done[i] = Stopped{asked, rank(role)}, true
			open--
		}
		if open == 0 {
			break
		}
		next := st.Next
		if next < 0 {
			next = m.NextLikely(take.Answers())
		}
		take.Answer(next, full[next])
	}

	spent := take.Work()
	take = m.NewTake(scoring.StopProof, a.bank.NewAnswers())
	for asked := 0; ; asked++ {
		if spent+take.Work() > shortTakeWork {
			return ShortTake{Cut: true}
		}
		st := take.Step()
		if st.Stop {
			t.Proof = Stopped{asked, rank(st.Top)}
			break
		}
		take.Answer(st.Next, full[st.Next])
	}
	if fewest {
		t.HasFewest = true
		t.Fewest, t.FewestExact = m.LeastToDecide(full)
	}
	return t
}

// ShortTakes runs both short quizzes for each complete answer set, on
// workers goroutines (0: one per CPU); the takes come in the sets' order.
func (a *Analyzer) ShortTakes(sets []quiz.Answers, workers int, fewest bool) []ShortTake {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	takes := make([]ShortTake, len(sets))
	if len(sets) > 0 && !a.shortAffordable(sets[0]) {
		for i := range takes {
			takes[i].Cut = true
		}
		return takes
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(sets)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				takes[i] = a.shortTake(sets[i], fewest)
			}
		}()
	}
	for i := range sets {
		next <- i
	}
	close(next)
	wg.Wait()
	return takes
}

// ShortReport is the short quiz (docs/adaptive.md) in both forms, taken
// by the answer sets of one cohort: how many questions each asked, and
// how often it stopped on the full form's top role, and on one of its top
// two, with 95% confidence intervals.
type ShortReport struct {
	Takes int `json:"takes"`
	// Cut counts the takes left out for running past the work budget
	// (docs/performance.md): none on the built-in bank.
	Cut       int `json:"cut"`
	Questions int `json:"questions"` // in the bank
	// Quick is the quick stop at scoring.LikelyThreshold; Proof the
	// proof's.
	Quick FormReport `json:"quick"`
	Proof FormReport `json:"proof"`
	// Curve is the quick stop at each of QuickThresholds.
	Curve []CurvePoint `json:"quick_curve"`
	// Fewest is the distribution of the fewest questions any order could
	// have asked each answer set (with --fewest); FewestInexact counts
	// sets whose search ran past its budget (a lower bound).
	Fewest        *Spread `json:"fewest,omitempty"`
	FewestInexact int     `json:"fewest_inexact,omitempty"`
}

// FormReport is one short form over a cohort's takes.
type FormReport struct {
	// Spread is of the questions asked: "median", "p90" and "max" in
	// JSON; MedianCI the median's 95% interval.
	Spread
	MedianCI [2]int `json:"median_ci"`
	Early    Stat   `json:"early"` // stopped before the last question
	// Top1 is the share of takes that stopped on the full form's top
	// role, Top2 on one of its top two; each with its 95% interval.
	Top1   Stat    `json:"top1"`
	Top1CI [2]Stat `json:"top1_ci"`
	Top2   Stat    `json:"top2"`
	Top2CI [2]Stat `json:"top2_ci"`
}

// CurvePoint is the quick stop at one threshold.
type CurvePoint struct {
	Threshold float64 `json:"threshold"`
	Spread
	Top1 Stat `json:"top1"`
	Top2 Stat `json:"top2"`
}

// shortReport summarizes takes, or is nil when there are none.
func (a *Analyzer) shortReport(all []ShortTake) *ShortReport {
	if len(all) == 0 {
		return nil
	}
	takes := slices.DeleteFunc(slices.Clone(all), func(t ShortTake) bool { return t.Cut })
	n := len(takes)
	r := &ShortReport{Takes: n, Cut: len(all) - n, Questions: len(a.bank.Questions)}
	if n == 0 {
		return r
	}
	form := func(stop func(ShortTake) Stopped) FormReport {
		asked := make([]int, n)
		early, top1, top2 := 0, 0, 0
		for i, t := range takes {
			s := stop(t)
			asked[i] = s.Asked
			if s.Asked < r.Questions {
				early++
			}
			if s.Rank == 0 {
				top1++
			}
			if s.Rank <= 1 {
				top2++
			}
		}
		f := FormReport{Spread: spreadOf(asked), MedianCI: medianInterval(asked), Early: share(early, n),
			Top1: share(top1, n), Top1CI: wilson(top1, n), Top2: share(top2, n), Top2CI: wilson(top2, n)}
		return f
	}
	main := slices.Index(QuickThresholds, scoring.LikelyThreshold)
	r.Quick = form(func(t ShortTake) Stopped { return t.Quick[main] })
	r.Proof = form(func(t ShortTake) Stopped { return t.Proof })
	for i, th := range QuickThresholds {
		f := form(func(t ShortTake) Stopped { return t.Quick[i] })
		r.Curve = append(r.Curve, CurvePoint{Threshold: th, Spread: f.Spread, Top1: f.Top1, Top2: f.Top2})
	}
	if takes[0].HasFewest {
		counts := make([]int, n)
		for i, t := range takes {
			counts[i] = t.Fewest
			if !t.FewestExact {
				r.FewestInexact++
			}
		}
		sp := spreadOf(counts)
		r.Fewest = &sp
	}
	return r
}

// wilson is the Wilson score 95% interval of k successes in n.
func wilson(k, n int) [2]Stat {
	if n == 0 {
		return [2]Stat{Stat(math.NaN()), Stat(math.NaN())}
	}
	const z = 1.959964
	p, nn := float64(k)/float64(n), float64(n)
	centre := (p + z*z/(2*nn)) / (1 + z*z/nn)
	half := z * math.Sqrt(p*(1-p)/nn+z*z/(4*nn*nn)) / (1 + z*z/nn)
	return [2]Stat{Stat(max(0, centre-half)), Stat(min(1, centre+half))}
}

// medianInterval is a distribution-free 95% interval of the median of
// xs (sorted): the order statistics n/2 ∓ 1.96 √n / 2, counted from 1.
func medianInterval(xs []int) [2]int {
	n := len(xs)
	h := 1.959964 * math.Sqrt(float64(n)) / 2
	lo := max(1, int(math.Floor(float64(n)/2-h)))
	hi := min(n, int(math.Ceil(float64(n)/2+1+h)))
	return [2]int{xs[lo-1], xs[hi-1]}
}

// streamJitter numbers the random streams of Jitter: copy c of set i
// draws from (seed, streamJitter + i·copies + c).
const streamJitter = 4 << 40

// Jitter makes copies noisy copies of each answer set: every agreement
// answer moves one point, up or down alike, with probability p (inward
// at an end of the scale); other answers stay. The calibration personas
// answer as their role would, so their short takes measure a tidy
// person; jittered, they answer as people do.
func Jitter(b *quiz.Bank, sets []quiz.Answers, p float64, copies int, seed uint64) []quiz.Answers {
	out := make([]quiz.Answers, 0, len(sets)*copies)
	for i, set := range sets {
		for c := range copies {
			rng := rand.New(rand.NewPCG(seed, streamJitter+uint64(i*copies+c)))
			as := slices.Clone(set)
			for qi := range as {
				q := &b.Questions[qi]
				if q.Kind != quiz.Likert || !as[qi].Set || rng.Float64() >= p {
					continue
				}
				step := 1
				if rng.IntN(2) == 0 {
					step = -1
				}
				if l := as[qi].Level + step; l < q.Scale.Min || l > q.Scale.Max {
					step = -step
				}
				as[qi].Level += step
			}
			out = append(out, as)
		}
	}
	return out
}
