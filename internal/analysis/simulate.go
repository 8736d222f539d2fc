package analysis

import (
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// SimOptions choose a simulation.
type SimOptions struct {
	N       int     // simulated respondents, and as many uniformly random sets
	Seed    uint64  // the same seed gives the same report
	Noise   float64 // item-level noise, in points
	Workers int     // 0: one per CPU; the report does not depend on it
	// Short is how many of the respondents (the first ones), and as many
	// uniformly random sets, also take the short quiz in both forms:
	// each take re-plans after every answer, far more work than scoring a
	// full form. Fewest adds, for each, the fewest questions any order
	// could ask (scoring.LeastToDecide): slower still.
	Short  int
	Fewest bool
}

// Simulation is what a simulation measured.
type Simulation struct {
	Options SimOptions
	// Respondents is the tally of simulated respondents' first takes;
	// Random the tally of uniformly random answer sets.
	Respondents, Random *Tally
	// Retakes counts, per certainty level of the first take, the
	// respondents and those whose retake ranked the same role first.
	Retakes [3]Retake
	// Extremes counts, for each dimension answered at each end (cell
	// 2d for the low end, 2d+1 for the high end) with everything else
	// uniformly random, the sets ranking each role first.
	Extremes [][]int
	// Short and RandomShort are the short quizzes taken by the first
	// Options.Short respondents (their first take) and random sets, in
	// their order.
	Short, RandomShort []ShortTake
}

// Retake counts how often a retake agrees with the first take.
type Retake struct{ Sets, Same int }

// Random-number streams: each respondent (and each random set) has its
// own generator, seeded by the run's seed and its number, so the report
// does not depend on how the work is split.
const (
	streamRespondent = 1 << 40
	streamRandom     = 2 << 40
	streamExtreme    = 3 << 40 // + cell << 28
	simBlock         = 64      // respondents per unit of work
)

// Simulate draws N respondents from the model, scores a first take and a
// retake of each (the same true positions, fresh noise), and scores N
// uniformly random answer sets.
func (a *Analyzer) Simulate(opts SimOptions) *Simulation {
	sim := NewSimulator(a.bank, opts.Noise)
	blocks := (opts.N + simBlock - 1) / simBlock
	type part struct {
		blk          int
		resp, random *Tally
		retakes      [3]Retake
		extremes     [][]int
		short        []ShortTake
		randomShort  []ShortTake
	}
	ends := a.extremeAnswers()
	newCounts := func() [][]int {
		c := make([][]int, len(ends))
		for i := range c {
			c[i] = make([]int, len(a.bank.Roles))
		}
		return c
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Each cohort's short takes are probed on its first set, before the
	// workers start, so what is run does not depend on scheduling.
	shortResp, shortRandom := opts.Short, opts.Short
	if opts.Short > 0 {
		probe := a.bank.NewAnswers()
		theta := make([]float64, len(a.bank.Dimensions))
		rng := rand.New(rand.NewPCG(opts.Seed, streamRespondent))
		sim.Theta(rng, theta)
		sim.Answer(rng, theta, probe)
		if !a.shortAffordable(probe) {
			shortResp = 0
		}
		Random(a.bank, rand.New(rand.NewPCG(opts.Seed, streamRandom)), probe)
		if !a.shortAffordable(probe) {
			shortRandom = 0
		}
	}
	next := make(chan int)
	done := make(chan *part, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			theta := make([]float64, len(a.bank.Dimensions))
			first, retake := a.bank.NewAnswers(), a.bank.NewAnswers()
			var res, res2 scoring.Result
			for blk := range next {
				p := &part{blk: blk, resp: a.NewTally(), random: a.newLightTally(), extremes: newCounts()}
				for i := blk * simBlock; i < min(opts.N, (blk+1)*simBlock); i++ {
					rng := rand.New(rand.NewPCG(opts.Seed, streamRespondent+uint64(i)))
					sim.Theta(rng, theta)
					sim.Answer(rng, theta, first)
					sim.Answer(rng, theta, retake)
					a.model.ScoreInto(&res, first)
					a.model.ScoreInto(&res2, retake)
					p.resp.Add(first, &res, -1, -1)
					rt := &p.retakes[levelIndex(res.Certainty.Level)]
					rt.Sets++
					if res.Top() == res2.Top() {
						rt.Same++
					}
					switch {
					case i < shortResp:
						p.short = append(p.short, a.shortTake(first, opts.Fewest))
					case i < opts.Short:
						p.short = append(p.short, ShortTake{Cut: true})
					}

					rng = rand.New(rand.NewPCG(opts.Seed, streamRandom+uint64(i)))
					Random(a.bank, rng, first)
					a.model.ScoreInto(&res, first)
					p.random.Add(first, &res, -1, -1)
					switch {
					case i < shortRandom:
						p.randomShort = append(p.randomShort, a.shortTake(first, opts.Fewest))
					case i < opts.Short:
						p.randomShort = append(p.randomShort, ShortTake{Cut: true})
					}

					for cell, forced := range ends {
						if len(forced) == 0 {
							continue
						}
						rng = rand.New(rand.NewPCG(opts.Seed, streamExtreme+uint64(cell)<<28+uint64(i)))
						Random(a.bank, rng, first)
						for _, f := range forced {
							first[f.question] = f.answer
						}
						a.model.ScoreInto(&res, first)
						p.extremes[cell][res.Top()]++
					}
				}
				done <- p
			}
		}()
	}
	go func() {
		for blk := 0; blk < blocks; blk++ {
			next <- blk
		}
		close(next)
		wg.Wait()
		close(done)
	}()

	// Merge in block order, holding only the blocks that finished early:
	// floating-point sums then come out the same on any number of cores.
	out := &Simulation{Options: opts, Respondents: a.NewTally(), Random: a.newLightTally(), Extremes: newCounts()}
	pending := map[int]*part{}
	want := 0
	for p := range done {
		pending[p.blk] = p
		for q, ok := pending[want]; ok; q, ok = pending[want] {
			delete(pending, want)
			want++
			out.Respondents.Merge(q.resp)
			out.Random.Merge(q.random)
			for l := range out.Retakes {
				out.Retakes[l].Sets += q.retakes[l].Sets
				out.Retakes[l].Same += q.retakes[l].Same
			}
			for c := range out.Extremes {
				for r, n := range q.extremes[c] {
					out.Extremes[c][r] += n
				}
			}
			out.Short = append(out.Short, q.short...)
			out.RandomShort = append(out.RandomShort, q.randomShort...)
		}
	}
	return out
}

// forcedAnswer is one question's answer at a dimension's end.
type forcedAnswer struct {
	question int
	answer   quiz.Answer
}

// extremeAnswers lists, for each dimension and end (cell 2d: low, 2d+1:
// high), the answers that put a person at that end on every question
// measuring that dimension alone: the lowest or highest scale point
// after keying, or the option placing them lowest or highest there.
// Multi-selects and questions measuring several dimensions are left to
// chance.
func (a *Analyzer) extremeAnswers() [][]forcedAnswer {
	ends := make([][]forcedAnswer, 2*len(a.bank.Dimensions))
	for qi := range a.bank.Questions {
		q := &a.bank.Questions[qi]
		if q.Kind == quiz.Multi || len(q.Dimensions) != 1 {
			continue
		}
		d := q.Dimensions[0]
		if q.Kind == quiz.Likert {
			lo, hi := q.Scale.Min, q.Scale.Max
			if q.Reverse {
				lo, hi = hi, lo
			}
			ends[2*d] = append(ends[2*d], forcedAnswer{qi, quiz.Answer{Set: true, Level: lo}})
			ends[2*d+1] = append(ends[2*d+1], forcedAnswer{qi, quiz.Answer{Set: true, Level: hi}})
			continue
		}
		lo, hi := -1, -1
		for oi, o := range q.Options {
			for _, p := range o.Scores {
				if p.Dimension != d {
					continue
				}
				if lo < 0 || p.At < positionOn(q.Options[lo], d) {
					lo = oi
				}
				if hi < 0 || p.At > positionOn(q.Options[hi], d) {
					hi = oi
				}
			}
		}
		if lo >= 0 {
			ends[2*d] = append(ends[2*d], forcedAnswer{qi, quiz.Answer{Set: true, Choice: lo}})
			ends[2*d+1] = append(ends[2*d+1], forcedAnswer{qi, quiz.Answer{Set: true, Choice: hi}})
		}
	}
	return ends
}

func positionOn(o quiz.Option, d int) float64 {
	for _, p := range o.Scores {
		if p.Dimension == d {
			return p.At
		}
	}
	return 0
}

// RetakeAgreement is how often the full quiz agrees with itself: the
// share of n respondents of the model (noise DefaultNoise, respondents
// 0..n−1 of seed's stream, as Simulate draws them) whose retake ranks
// the same role first as their first take. The quick quiz quotes it
// beside its own risk; n = 2000 takes a few milliseconds.
func RetakeAgreement(m *scoring.Model, n int, seed uint64) float64 {
	b := m.Bank()
	sim := NewSimulator(b, DefaultNoise)
	theta := make([]float64, len(b.Dimensions))
	first, retake := b.NewAnswers(), b.NewAnswers()
	var res, res2 scoring.Result
	same := 0
	for i := range n {
		rng := rand.New(rand.NewPCG(seed, streamRespondent+uint64(i)))
		sim.Theta(rng, theta)
		sim.Answer(rng, theta, first)
		sim.Answer(rng, theta, retake)
		m.ScoreInto(&res, first)
		m.ScoreInto(&res2, retake)
		if res.Top() == res2.Top() {
			same++
		}
	}
	if n == 0 {
		return 1
	}
	return float64(same) / float64(n)
}
