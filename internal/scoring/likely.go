package scoring

import (
	"math"
	"slices"

	"github.com/pmfit/pmfit/internal/quiz"
)

// The quick stop (docs/adaptive.md, "The quick quiz"): after some
// answers, the probability that the role now ranked first is the one the
// full quiz would rank first, under the answer model of
// docs/analysis.md, worked out in closed form.
//
// A person has a true position θ_d on each dimension. An agreement or
// single-choice answer on d is θ_d plus the person's noise (σ), rounded to
// the nearest position the question offers: as a measurement of θ_d its
// error variance is σ² plus the question's rounding variance. A
// multi-select option is ticked with probability Φ((θ_d − 50)/σ). From
// the answers so far, θ_d has a normal posterior (the uniform prior's
// moments, each answer weighted by its precision), cut to 0–100. The full
// form's score on d, a weighted mean of the answers given (fixed) and to
// come (random), is then normal with a mean μ_d and variance v_d. A role's
// fit falls as its weighted mean squared distance D rises; D_R − D_L sums
// one quadratic per dimension, whose mean and variance are exact for a
// normal score. Taking each margin as normal, P(top) is at least
// 1 − Σ_R P(D_R − D_L ≤ 0) (Bonferroni), which is what is reported.

// The quick stop's constants; docs/adaptive.md explains each, and
// `pmfit analyze` measures what they give.
const (
	// LikelyNoise is the answer noise σ assumed before looking at a
	// person's answers: the respondent model's (docs/analysis.md), in
	// points. LikelyPriorItems is how many answers' worth of evidence
	// that assumption carries against how much the person's own answers
	// on the same dimension disagree.
	LikelyNoise      = 20.0
	LikelyPriorItems = 3.0
	// LikelyThreshold is the probability at which the quick quiz stops.
	LikelyThreshold = 0.95
	// priorMean and priorVar are the moments of θ's uniform 0–100 prior.
	priorMean = 50.0
	priorVar  = 100.0 * 100.0 / 12
)

// Likely is the quick stop's estimate: Role, the role the answers so far
// rank first, and Probability, how likely the full quiz is to rank it
// first too (0 before any answer).
type Likely struct {
	Role        int
	Probability float64
	// Rival is the role likeliest to overtake Role in the full quiz
	// (the smallest margin in standard deviations), or -1.
	Rival int
}

// likelyItem is what one question adds to one dimension in the model.
type likelyItem struct {
	dim    int
	weight float64
	// ticks is, for a multi-select, how many of its options count toward
	// dim (its position is 50 + 50 × ticked/ticks); 0 for other kinds.
	ticks int
	// round is, for the others, the variance rounding to the question's
	// positions on dim adds: the mean of (p(x) − x)² for x uniform on
	// 0–100, p(x) the position nearest x.
	round float64
}

// likelyTables lists every question's items, built on first use.
type likelyTables struct {
	byQuestion [][]likelyItem
	scoredDims []bool // dimensions some question measures
}

func (m *Model) likelyTables() *likelyTables {
	m.likelyOnce.Do(func() {
		t := &likelyTables{byQuestion: make([][]likelyItem, len(m.questions)), scoredDims: make([]bool, len(m.bank.Dimensions))}
		for qi := range m.questions {
			q := &m.questions[qi]
			if q.kind == quiz.Multi {
				for _, c := range q.counts {
					t.byQuestion[qi] = append(t.byQuestion[qi], likelyItem{dim: c.dim, weight: q.weight, ticks: int(c.n)})
				}
			} else {
				positions := map[int][]float64{}
				var dims []int
				for _, cs := range q.choices {
					for _, c := range cs {
						if _, ok := positions[c.dim]; !ok {
							dims = append(dims, c.dim)
						}
						positions[c.dim] = append(positions[c.dim], c.pos)
					}
				}
				for _, d := range dims {
					t.byQuestion[qi] = append(t.byQuestion[qi], likelyItem{dim: d, weight: q.weight, round: roundingVariance(positions[d])})
				}
			}
			for _, it := range t.byQuestion[qi] {
				t.scoredDims[it.dim] = true
			}
		}
		m.likely = t
	})
	return m.likely
}

// roundingVariance is the mean squared distance from x to the position
// nearest it, for x uniform on 0–100: each position p takes the x
// between the midpoints to its neighbours, adding ∫(x − p)² over them.
func roundingVariance(positions []float64) float64 {
	p := slices.Clone(positions)
	slices.Sort(p)
	p = slices.Compact(p)
	total := 0.0
	for i, x := range p {
		lo, hi := 0.0, 100.0
		if i > 0 {
			lo = (p[i-1] + x) / 2
		}
		if i+1 < len(p) {
			hi = (x + p[i+1]) / 2
		}
		total += (math.Pow(hi-x, 3) - math.Pow(lo-x, 3)) / 3
	}
	return total / 100
}

// forecast is the model's forecast of the full form's dimension scores
// (mean and variance per dimension) and what it rests on.
type forecast struct {
	mean, vari []float64
	// θ's posterior mean and variance per dimension, and the person's
	// noise variance σ².
	thetaMean, thetaVar []float64
	noise               float64
	// totalW is each dimension's weight in the full form; sumUB, Σ u β
	// over its unanswered items (their weights times their slopes in θ).
	totalW, sumUB []float64
}

// newForecast works out the full form's scores as the model expects them
// after answers.
func (m *Model) newForecast(answers quiz.Answers) *forecast {
	t := m.likelyTables()
	nd := len(m.bank.Dimensions)
	f := &forecast{mean: make([]float64, nd), vari: make([]float64, nd), thetaMean: make([]float64, nd), thetaVar: make([]float64, nd),
		totalW: make([]float64, nd), sumUB: make([]float64, nd)}
	f.noise = m.personNoise(answers)
	// θ's posterior: the prior's precision and precision-weighted mean,
	// plus each answer's.
	prec, sum := make([]float64, nd), make([]float64, nd)
	for d := range nd {
		prec[d], sum[d] = 1/priorVar, priorMean/priorVar
	}
	var buf [8]Item
	for qi := range m.questions {
		a := answers[qi]
		if !a.Set {
			continue
		}
		for _, it := range t.byQuestion[qi] {
			pos, ok := m.itemPositionOn(buf[:0], qi, a, it.dim)
			if !ok {
				continue
			}
			f.totalW[it.dim] += it.weight
			f.mean[it.dim] += it.weight * pos // Σ w p so far; divided below
			theta, v := m.measure(it, pos, a, qi, f.noise)
			prec[it.dim] += 1 / v
			sum[it.dim] += theta / v
		}
	}
	for d := range nd {
		f.thetaMean[d], f.thetaVar[d] = truncated(sum[d]/prec[d], 1/prec[d])
	}
	// The answers to come: p = α + β θ + e.
	extra := make([]float64, nd) // Σ u² var(e)
	for qi := range m.questions {
		if answers[qi].Set {
			continue
		}
		for _, it := range t.byQuestion[qi] {
			d := it.dim
			alpha, beta, ve := itemLine(it, f.thetaMean[d], f.noise)
			u := it.weight
			f.totalW[d] += u
			f.mean[d] += u * (alpha + beta*f.thetaMean[d])
			f.sumUB[d] += u * beta
			extra[d] += u * u * ve
		}
	}
	for d := range nd {
		if f.totalW[d] == 0 {
			f.mean[d] = priorMean
			continue
		}
		f.mean[d] /= f.totalW[d]
		f.vari[d] = (f.sumUB[d]*f.sumUB[d]*f.thetaVar[d] + extra[d]) / (f.totalW[d] * f.totalW[d])
	}
	return f
}

// itemPositionOn is the position answer a to question qi gives
// dimension dim, as ItemPosition, without allocating.
func (m *Model) itemPositionOn(buf []Item, qi int, a quiz.Answer, dim int) (float64, bool) {
	for _, it := range m.Items(buf, qi, a) {
		if it.Dimension == dim {
			return it.Position, true
		}
	}
	return 0, false
}

// measure reads an answer's position as a measurement of θ: the value it
// suggests and that value's error variance. An agreement or single-choice
// answer is θ itself, give or take σ² and its rounding; a multi-select's
// share of options ticked, k of n (continuity-corrected to (k + ½)/(n + 1),
// "none of these" as none), is Φ((θ − 50)/σ), read back through the
// normal quantile, with the delta method's variance.
func (m *Model) measure(it likelyItem, pos float64, a quiz.Answer, qi int, noise float64) (theta, v float64) {
	if it.ticks == 0 {
		return pos, noise + it.round
	}
	n := float64(it.ticks)
	k := max(0, (pos-50)/50*n) // pos = 50 + 50 k/n; "none of these" (0) counts as none
	share := (k + 0.5) / (n + 1)
	sd := math.Sqrt(noise)
	z := normQuantile(share)
	phi := normPDF(z)
	return 50 + sd*z, noise * share * (1 - share) / (n * phi * phi)
}

// personNoise is the variance σ² of the person's answer noise, net of
// rounding: how much their agreement and single-choice answers on the
// same dimension disagree, pooled over the dimensions (each adds its
// weighted squared deviations from its own mean, n s², on n − 1 degrees
// of freedom, n its answers' effective number), less what rounding to
// the questions' positions accounts for, shrunk toward LikelyNoise² with
// LikelyPriorItems degrees of freedom. A multi-select's position counts
// ticks, not where the person sits, so it does not count here.
func (m *Model) personNoise(answers quiz.Answers) float64 {
	t := m.likelyTables()
	nd := len(m.bank.Dimensions)
	var acc [maxStackDims]accumulator
	var round [maxStackDims]float64
	accs, rounds := acc[:], round[:]
	if nd > maxStackDims {
		accs, rounds = make([]accumulator, nd), make([]float64, nd)
	}
	var buf [8]Item
	for qi := range m.questions {
		a := answers[qi]
		if !a.Set || m.questions[qi].kind == quiz.Multi {
			continue
		}
		for _, it := range t.byQuestion[qi] {
			pos, ok := m.itemPositionOn(buf[:0], qi, a, it.dim)
			if !ok {
				continue
			}
			c := newContrib(it.dim, pos, it.weight)
			accs[it.dim].add(&c)
			rounds[it.dim] += it.weight * it.round
		}
	}
	ss, rss, df := 0.0, 0.0, 0.0
	for d := range nd {
		a := accs[d]
		if a.w == 0 {
			continue
		}
		n := a.w * a.w / a.ww
		ss += n * max(0, a.wpp/a.w-(a.wp/a.w)*(a.wp/a.w))
		rss += (n - 1) * rounds[d] / a.w
		df += n - 1
	}
	return (LikelyPriorItems*LikelyNoise*LikelyNoise + max(0, ss-rss)) / (LikelyPriorItems + df)
}

// itemLine is an unanswered item as a line in θ: its position is
// α + β θ + e with var(e) ve. An agreement or single-choice item is θ plus
// the person's noise and its rounding; a multi-select's position on d,
// 50 + 50 × (share ticked), is linearized around θ's posterior mean, each
// of its options ticked with probability Φ((θ − 50)/σ).
func itemLine(it likelyItem, mean, noise float64) (alpha, beta, ve float64) {
	if it.ticks == 0 {
		return 0, 1, noise + it.round
	}
	sd := math.Sqrt(noise)
	z := (mean - 50) / sd
	p := normCDF(z)
	beta = 50 * normPDF(z) / sd
	return 50 + 50*p - beta*mean, beta, 2500 * p * (1 - p) / float64(it.ticks)
}

// marginTerms are, for roles l and r, the quadratic f_d(S) = c2 S² +
// c1 S + c0 on every dimension the full form scores, whose sum is
// D_r − D_l.
func (m *Model) marginTerms(scored []bool, l, r int) (c2, c1, c0 []float64) {
	nd := len(scored)
	c2, c1, c0 = make([]float64, nd), make([]float64, nd), make([]float64, nd)
	var wl, wr float64
	for d := range nd {
		if scored[d] {
			wl += m.weight[l][d]
			wr += m.weight[r][d]
		}
	}
	if wl == 0 || wr == 0 {
		return
	}
	for d := range nd {
		if !scored[d] {
			continue
		}
		a, b := m.weight[r][d]/wr, m.weight[l][d]/wl
		tr, tl := m.target[r][d], m.target[l][d]
		c2[d] = a - b
		c1[d] = -2 * (a*tr - b*tl)
		c0[d] = a*tr*tr - b*tl*tl
	}
	return
}

// Likely works out the quick stop's estimate for answers: the role the
// answers rank first, and the probability that the full quiz ranks it
// first too.
func (m *Model) Likely(answers quiz.Answers) Likely {
	var res Result
	m.ScoreInto(&res, answers)
	out := Likely{Role: res.Top(), Rival: -1}
	if res.Answered == 0 || !res.Roles[0].Scored {
		return out
	}
	out.Probability, out.Rival = m.probTop(m.newForecast(answers), out.Role)
	return out
}

// probTop is P(role l ranks first in the full form) under forecast f,
// and the rival likeliest to overtake it (the smallest margin in
// standard deviations). Each margin D_R − D_L is taken as normal, with
// its exact mean and variance under the forecast, and the probability
// that all are positive is bounded below by Bonferroni's inequality:
// P ≥ 1 − Σ_R P(D_R − D_L ≤ 0). The bound never overstates the normal
// model's probability, and it is a closed form: the same answers always
// give the same number, and nearby answers nearby numbers.
func (m *Model) probTop(f *forecast, l int) (float64, int) {
	scored := m.likelyTables().scoredDims
	miss, bestZ, rival := 0.0, math.Inf(1), -1
	for r := range m.roles {
		if r == l {
			continue
		}
		c2, c1, c0 := m.marginTerms(scored, l, r)
		mean, vari := marginMoments(f.mean, f.vari, c2, c1, c0)
		z := math.Inf(1)
		switch {
		case vari > 0:
			z = mean / math.Sqrt(vari)
			miss += normCDF(-z)
		case mean <= 0:
			z = math.Inf(-1)
			miss++
		}
		if z < bestZ {
			bestZ, rival = z, r
		}
	}
	return max(0, 1-miss), rival
}

// marginMoments are the mean and variance of Σ_d f_d(S_d) for
// independent normal S_d (means mu, variances v): on each dimension the
// term c2 S² + c1 S + c0 has mean c2 (μ² + v) + c1 μ + c0 and variance
// v (2 c2 μ + c1)² + 2 c2² v².
func marginMoments(mu, v, c2, c1, c0 []float64) (mean, vari float64) {
	for d := range c2 {
		mean += c2[d]*(mu[d]*mu[d]+v[d]) + c1[d]*mu[d] + c0[d]
		g := 2*c2[d]*mu[d] + c1[d]
		vari += v[d]*g*g + 2*c2[d]*c2[d]*v[d]*v[d]
	}
	return mean, vari
}

// NextLikely is the question the quick quiz asks next: the one whose
// answer is expected to take most off the variance of the margin between
// the role ranked first and its closest rival (the one with the smallest
// margin in standard deviations; before any answer, the runner-up).
// Answering question q on dimension d takes Cov(S_d, p_q)²/Var(p_q) off
// the full form's score variance v_d (the normal model's expected
// posterior variance); the margin's variance is recomputed with the new
// v_d of every dimension q measures. Ties go to the bank's order; -1 when
// every question is answered.
func (m *Model) NextLikely(answers quiz.Answers) int {
	var res Result
	m.ScoreInto(&res, answers)
	l := res.Top()
	f := m.newForecast(answers)
	rival := -1
	if res.Answered > 0 && res.Roles[0].Scored {
		_, rival = m.probTop(f, l)
	}
	if rival < 0 && len(res.Roles) > 1 {
		rival = res.Roles[1].Role
	}
	if rival < 0 {
		return m.firstUnanswered(answers)
	}
	t := m.likelyTables()
	c2, c1, c0 := m.marginTerms(t.scoredDims, l, rival)
	_, base := marginMoments(f.mean, f.vari, c2, c1, c0)
	v := make([]float64, len(f.vari))
	best, bestQ := math.Inf(-1), -1
	for qi := range m.questions {
		if answers[qi].Set {
			continue
		}
		copy(v, f.vari)
		for _, it := range t.byQuestion[qi] {
			d := it.dim
			_, beta, ve := itemLine(it, f.thetaMean[d], f.noise)
			varP := beta*beta*f.thetaVar[d] + ve
			if varP <= 0 || f.totalW[d] == 0 {
				continue
			}
			cov := (beta*f.thetaVar[d]*f.sumUB[d] + it.weight*ve) / f.totalW[d]
			v[d] = max(0, v[d]-cov*cov/varP)
		}
		_, after := marginMoments(f.mean, v, c2, c1, c0)
		if gain := base - after; gain > best+1e-9 || bestQ < 0 {
			best, bestQ = gain, qi
		}
	}
	return bestQ
}

// firstUnanswered is the first question in bank order not answered, or
// -1.
func (m *Model) firstUnanswered(answers quiz.Answers) int {
	for qi := range answers {
		if !answers[qi].Set {
			return qi
		}
	}
	return -1
}

// truncated is the mean and variance of a normal (mean m, variance v)
// cut to 0–100, where θ lives.
func truncated(m, v float64) (mean, vari float64) {
	s := math.Sqrt(v)
	a, b := (0-m)/s, (100-m)/s
	z := normCDF(b) - normCDF(a)
	if z < 1e-12 {
		return min(max(m, 0), 100), 0
	}
	pa, pb := normPDF(a), normPDF(b)
	k := (pa - pb) / z
	return m + s*k, v * max(0, 1+(a*pa-b*pb)/z-k*k)
}

func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }
func normPDF(z float64) float64 { return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi) }

// normQuantile is the standard normal quantile function.
func normQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// StopRule says when the short quiz stops.
type StopRule int

// Stop rules (docs/adaptive.md).
const (
	// StopLikely stops once the role ranked first is the full quiz's top
	// role with probability LikelyThreshold or more (Likely), or once it
	// is proved to be (Decide).
	StopLikely StopRule = iota
	// StopProof stops only once it is proved: no answer to the rest could
	// change the top role.
	StopProof
)

// Step is the short quiz's next step after some answers: stop, on Top,
// or ask Next.
type Step struct {
	Stop bool
	// Top is the role stopped on (-1 while going on): the proved one, or
	// the likely one.
	Top int
	// Next is the question to ask, or -1 when stopping (or when every
	// question is answered).
	Next     int
	Decision Decision
	Likely   Likely
}

// NextStep works out the short quiz's next step under rule: with
// StopLikely, questions come in NextLikely's order; with StopProof, in
// the proof's (Plan). Every question answered is a stop too.
func (m *Model) NextStep(answers quiz.Answers, rule StopRule) Step {
	return m.NewTake(rule, answers).Step()
}

// Take is one short quiz in progress: the answers so far, and the work
// earlier steps did that later ones can keep. A dimension's reachable
// scores (the proof's raw material) depend only on the answers to the
// questions measuring it, so after an answer only those dimensions are
// worked out again, and so are the proof order's candidate questions on
// them. Its steps are exactly NextStep's, for a fraction of the work:
// `pmfit analyze` takes thousands.
type Take struct {
	m       *Model
	rule    StopRule
	answers quiz.Answers
	reaches []reachable
	// version is, per dimension, the answer count when it last changed;
	// after keeps each candidate question's reachable scores with its
	// predicted answer given, for the proof order, valid while the
	// versions they were built at stand.
	version []int
	after   map[int]takenAfter
	// work counts what the take has done, for callers that keep a budget
	// (pmfit analyze): sums formed and options weighed for reachable
	// scores, and a unit per question weighed by each step.
	work int
}

// Work is what the take has done so far, in the units of Model budgets.
func (t *Take) Work() int { return t.work }

// settleWork is what settling reaches did.
func settleWork(rs []reachable, dims []bool) int {
	w := 0
	for d, rc := range rs {
		if dims == nil || dims[d] {
			w += rc.work
		}
	}
	return w
}

type takenAfter struct {
	versions []int       // of the question's dimensions (m.options()[qi])
	dims     []reachable // settled, in the same order
}

// NewTake starts a take from answers (copied) under rule.
func (m *Model) NewTake(rule StopRule, answers quiz.Answers) *Take {
	t := &Take{m: m, rule: rule, answers: slices.Clone(answers), version: make([]int, len(m.bank.Dimensions))}
	t.reaches = m.reaches(t.answers)
	t.work = settleWork(t.reaches, nil)
	return t
}

// Answers are the take's answers so far.
func (t *Take) Answers() quiz.Answers { return t.answers }

// Answer records answer a to question qi.
func (t *Take) Answer(qi int, a quiz.Answer) {
	t.answers[qi] = a
	changed := make([]bool, len(t.version))
	n := t.answers.Count()
	for _, do := range t.m.options()[qi] {
		changed[do.dim] = true
		t.version[do.dim] = n
	}
	t.reaches = t.m.reachesReusing(t.answers, t.reaches, changed)
	t.work += settleWork(t.reaches, changed)
	delete(t.after, qi)
}

// Step is the take's next step: NextStep of its answers.
func (t *Take) Step() Step {
	m, answers := t.m, t.answers
	st := Step{Top: -1, Next: -1}
	t.work += len(answers) // Likely, and NextLikely or the planner's pass
	st.Decision = m.decide(t.reaches, answers)
	st.Likely = m.Likely(answers)
	switch {
	case st.Decision.Decided:
		st.Stop, st.Top = true, st.Decision.Top
	case st.Decision.Remaining == 0:
		st.Stop, st.Top = true, st.Likely.Role
	case t.rule == StopLikely && st.Likely.Probability >= LikelyThreshold:
		st.Stop, st.Top = true, st.Likely.Role
	case t.rule == StopLikely:
		st.Next = m.NextLikely(answers)
	default:
		st.Next = m.planNext(t.reaches, answers, t.answering)
	}
	return st
}

// answering is Model.answering for the take's current reaches, keeping
// each question's re-settled dimensions until one of them changes.
func (t *Take) answering(qi int, scores []float64) []reachable {
	dos := t.m.options()[qi]
	if c, ok := t.after[qi]; ok && t.current(dos, c.versions) {
		out := slices.Clone(t.reaches)
		for i, do := range dos {
			out[do.dim] = c.dims[i]
		}
		return out
	}
	out := t.m.answering(t.reaches, qi, t.m.predict(qi, scores))
	c := takenAfter{versions: make([]int, len(dos)), dims: make([]reachable, len(dos))}
	for i, do := range dos {
		c.versions[i], c.dims[i] = t.version[do.dim], out[do.dim]
		t.work += out[do.dim].work
	}
	if t.after == nil {
		t.after = map[int]takenAfter{}
	}
	t.after[qi] = c
	return out
}

// current reports whether dimensions dos are at the versions given.
func (t *Take) current(dos []dimOptions, versions []int) bool {
	for i, do := range dos {
		if t.version[do.dim] != versions[i] {
			return false
		}
	}
	return true
}
