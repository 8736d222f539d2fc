package scoring

import (
	"math"
	"math/bits"

	"github.com/pmfit/pmfit/internal/quiz"
)

// BestCase searches for answers that rank role r first, for checking a
// bank: a role no honest answers can reach is a bank mistake. It starts
// from the answers whose positions sit closest to r's targets, then
// improves one question at a time (every answer to it tried in turn)
// while r's lead over the best other role grows. It is a search, not a
// proof: when it returns answers that do not rank r first, none were
// found.
func (m *Model) BestCase(r int) (quiz.Answers, Result) {
	b := m.bank
	answers := b.NewAnswers()
	for qi := range b.Questions {
		answers[qi] = m.closest(qi, r)
	}
	var res Result
	best := m.lead(answers, r, &res)
	for sweep := 0; sweep < 20; sweep++ {
		improved := false
		for qi := range b.Questions {
			keep := answers[qi]
			for _, a := range m.candidates(qi, keep) {
				answers[qi] = a
				if l := m.lead(answers, r, &res); l > best+1e-9 {
					best, keep, improved = l, a, true
				}
			}
			answers[qi] = keep
		}
		if !improved {
			break
		}
	}
	res = m.Score(answers, Options{})
	return answers, res
}

// lead is how far role r's fit is above the best other role's: the
// search's objective. Whether r then ranks first (ties go to the earlier
// role) is for the ranking itself to say.
func (m *Model) lead(answers quiz.Answers, r int, res *Result) float64 {
	m.ScoreInto(res, answers)
	mine, other := math.Inf(-1), math.Inf(-1)
	for _, rf := range res.Roles {
		fit := rf.Fit
		if !rf.Scored {
			fit = math.Inf(-1)
		}
		if rf.Role == r {
			mine = fit
		} else {
			other = math.Max(other, fit)
		}
	}
	return mine - other
}

// closest is the answer to question qi whose positions sit nearest role
// r's targets, weighted as r's fit weighs them.
func (m *Model) closest(qi, r int) quiz.Answer {
	target := map[int]quiz.Target{}
	for _, t := range m.roles[r] {
		target[t.Dimension] = t
	}
	best, bestCost := quiz.Answer{}, math.Inf(1)
	for _, a := range m.candidates(qi, quiz.Answer{}) {
		var acc [maxStackDims]accumulator
		one := make(quiz.Answers, len(m.questions))
		one[qi] = a
		m.accumulate(m.accumulators(&acc), one, -1)
		cost := 0.0
		for d, ac := range m.accumulators(&acc) {
			if t, ok := target[d]; ok && ac.w > 0 {
				diff := ac.wp/ac.w - t.Target
				cost += t.Weight * diff * diff
			}
		}
		if cost < bestCost {
			best, bestCost = a, cost
		}
	}
	return best
}

// candidates lists the answers worth trying for question qi: every
// option or scale point; for a multi-select, every valid choice when
// there are few options, else each option toggled from the current one.
func (m *Model) candidates(qi int, current quiz.Answer) []quiz.Answer {
	q := &m.bank.Questions[qi]
	var out []quiz.Answer
	switch q.Kind {
	case quiz.Likert:
		for v := q.Scale.Min; v <= q.Scale.Max; v++ {
			out = append(out, quiz.Answer{Set: true, Level: v})
		}
	case quiz.Single:
		for i := range q.Options {
			out = append(out, quiz.Answer{Set: true, Choice: i})
		}
	case quiz.Multi:
		n := len(q.Options)
		valid := func(p uint64) bool {
			return p != 0 && (q.None < 0 || p&(1<<uint(q.None)) == 0 || bits.OnesCount64(p) == 1)
		}
		if n <= 10 {
			for p := uint64(1); p < 1<<uint(n); p++ {
				if valid(p) {
					out = append(out, quiz.Answer{Set: true, Picks: p})
				}
			}
			break
		}
		for i := 0; i < n; i++ {
			if p := current.Picks ^ 1<<uint(i); valid(p) {
				out = append(out, quiz.Answer{Set: true, Picks: p})
			}
			if p := uint64(1) << uint(i); valid(p) {
				out = append(out, quiz.Answer{Set: true, Picks: p})
			}
		}
	}
	return out
}
