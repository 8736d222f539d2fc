package analysis

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// Stat is a statistic shown to three decimals; NaN (undefined) is null.
type Stat float64

// MarshalJSON writes the value rounded to three decimals, or null.
func (s Stat) MarshalJSON() ([]byte, error) {
	f := float64(s)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, roundTo(f, 3), 'f', -1, 64), nil
}

// Points is a 0–100 quantity shown to one decimal.
type Points float64

// MarshalJSON writes the value rounded to one decimal, or null.
func (p Points) MarshalJSON() ([]byte, error) {
	f := float64(p)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, roundTo(f, 1), 'f', 1, 64), nil
}

func roundTo(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	r := math.Round(x*p) / p
	if r == 0 {
		return 0
	}
	return r
}

// Report is everything `pmfit analyze` measured: the JSON contract of
// `--format json`, and what the text view shows.
type Report struct {
	Bank       string  `json:"bank"`
	Questions  int     `json:"questions"`
	Dimensions int     `json:"dimensions"`
	Roles      int     `json:"roles"`
	Inputs     *Cohort `json:"inputs,omitempty"`
	// Jittered, when above 0, is the probability with which the inputs'
	// short takes moved each agreement answer (analyze --jitter).
	Jittered   float64           `json:"jittered,omitempty"`
	Simulation *SimulationReport `json:"simulation,omitempty"`
	Reach      []Reach           `json:"reach"`
	Checks     []Check           `json:"checks"`
}

// Cohort is what was measured over one cohort of answer sets.
type Cohort struct {
	Sets         int                   `json:"sets"`
	Invalid      int                   `json:"invalid"`
	Reliability  []Reliability         `json:"reliability"`
	First        []RoleShare           `json:"first"`
	Margin       Quantiles             `json:"margin"`
	Certainty    Levels                `json:"certainty"`
	Sensitivity  []Sensitivity         `json:"sensitivity,omitempty"`
	Expectations *Expectations         `json:"expectations,omitempty"`
	Explanations *ExplanationAgreement `json:"explanations,omitempty"`
	// Short is the short quiz in both forms, taken by the first complete
	// answer sets of the cohort (analyze --short-takes), when any.
	Short *ShortReport `json:"short,omitempty"`
}

// Reliability is one dimension's internal consistency.
type Reliability struct {
	Dimension string `json:"dimension"`
	Items     int    `json:"items"`
	// Sets is how many answer sets answered every item of the dimension;
	// the statistics are computed over them.
	Sets  int               `json:"sets"`
	Alpha Stat              `json:"alpha"`
	Omega Stat              `json:"omega"`
	Item  []ItemReliability `json:"item_stats"`
}

// ItemReliability is one item of a dimension.
type ItemReliability struct {
	Question  string `json:"question"`
	Mean      Points `json:"mean"`
	SD        Points `json:"sd"`
	ItemTotal Stat   `json:"item_total"`
	Low       bool   `json:"low"` // corrected item-total correlation under LowItemTotal
}

// LowItemTotal is the corrected item-total correlation under which an
// item is flagged.
const LowItemTotal = 0.20

// RoleShare is the share of a cohort ranking one role first.
type RoleShare struct {
	Role  string `json:"role"`
	Sets  int    `json:"sets"`
	Share Stat   `json:"share"`
}

// Quantiles summarise a distribution of margins, in points (exact to
// 0.1).
type Quantiles struct {
	P10 Points `json:"p10"`
	P25 Points `json:"p25"`
	P50 Points `json:"p50"`
	P75 Points `json:"p75"`
	P90 Points `json:"p90"`
}

// Levels are the shares of a cohort graded at each certainty level.
type Levels struct {
	High   Stat `json:"high"`
	Medium Stat `json:"medium"`
	Low    Stat `json:"low"`
}

// Sensitivity is how often changing only one question's answer changes
// the top role.
type Sensitivity struct {
	Question string `json:"question"`
	// Changes is the share of all one-step alternative answers, over
	// every set, that change the top role; Sets the share of sets where
	// at least one does.
	Changes Stat `json:"changes"`
	Sets    Stat `json:"sets"`
}

// Expectations measure how well expected roles are recovered.
type Expectations struct {
	Sets int  `json:"sets"`
	Top1 Stat `json:"top1"` // expect ranked first
	Top2 Stat `json:"top2"` // expect ranked first or second
	// Lenient is the share ranking expect or also first.
	Lenient Stat `json:"lenient"`
	// AlsoSets have an also; AlsoTop2 is the share of them ranking it
	// first or second.
	AlsoSets int  `json:"also_sets"`
	AlsoTop2 Stat `json:"also_top2"`
	// Confusion[i][j] counts sets expecting role i that ranked role j
	// first, in the bank's role order (Roles).
	Roles     []string `json:"roles"`
	Confusion [][]int  `json:"confusion"`
}

// ExplanationAgreement checks the top role's explanations over a cohort.
type ExplanationAgreement struct {
	// Effects is how many answer effects were shown (|effect| ≥ 0.05).
	Effects int `json:"effects"`
	// Against is the share of them pointing against the answer's own
	// pull on the role (docs/analysis.md).
	Against Stat `json:"against"`
	// SignBreaches counts answers at least as close to the role's targets
	// as the baseline on every dimension they touch, shown with a
	// negative effect. The model promises none.
	SignBreaches int `json:"sign_breaches"`
	// SumGap is the largest |Σ answer effects − (fit − baseline)| seen.
	SumGap Stat `json:"sum_gap"`
}

// SimulationReport is what the simulation measured.
type SimulationReport struct {
	N           int           `json:"n"`
	Seed        uint64        `json:"seed"`
	Noise       Points        `json:"noise"`
	Respondents Cohort        `json:"respondents"`
	Random      Cohort        `json:"random"`
	Calibration []Calibration `json:"calibration"`
	Extremes    []Extreme     `json:"extremes"`
	// RetakeSame is how often the full quiz agrees with itself: the
	// share of respondents whose retake ranks the same role first.
	RetakeSame Stat `json:"retake_same"`
}

// Spread is a distribution of counts: its median, 90th percentile and
// maximum.
type Spread struct {
	Median int `json:"median"`
	P90    int `json:"p90"`
	Max    int `json:"max"`
}

// spreadOf sorts xs and summarizes it.
func spreadOf(xs []int) Spread {
	slices.Sort(xs)
	n := len(xs)
	return Spread{Median: xs[(n-1)/2], P90: xs[min(n-1, int(math.Ceil(0.9*float64(n)))-1)], Max: xs[n-1]}
}

// Extreme is what answering one dimension's own questions at one end,
// everything else uniformly random, does to the ranking: the share of
// such sets ranking each role first.
type Extreme struct {
	Dimension string      `json:"dimension"`
	End       string      `json:"end"` // "low" or "high"
	Questions int         `json:"questions"`
	First     []RoleShare `json:"first"`
}

// Calibration is, for simulated respondents graded at one level, how
// often a retake ranks the same role first.
type Calibration struct {
	Level      string `json:"level"`
	Sets       int    `json:"sets"`
	RetakeSame Stat   `json:"retake_same"`
}

// Reach is the best any answer set found does for one role.
type Reach struct {
	Role string `json:"role"`
	// BestMargin is the role's fit minus the best other role's, at the
	// best answer set found; Reachable when it ranks the role first.
	BestMargin Points `json:"best_margin"`
	Reachable  bool   `json:"reachable"`
	RunnerUp   string `json:"runner_up"`
	// Consistent is false when the best answer set sits more than
	// MaxContradiction points from the role's target on a dimension it
	// weights at HeavyWeight or more.
	Consistent bool           `json:"consistent"`
	Profile    []ReachPoint   `json:"profile"`
	Answers    orderedAnswers `json:"answers"`
}

// ReachPoint is the best set's score on one dimension of the profile.
type ReachPoint struct {
	Dimension string  `json:"dimension"`
	Score     Points  `json:"score"`
	Target    float64 `json:"target"`
	Weight    float64 `json:"weight"`
	Flagged   bool    `json:"flagged"`
}

// Reach's consistency rule.
const (
	HeavyWeight      = 1.5
	MaxContradiction = 30.0
)

// orderedAnswers writes an answer set as a JSON object in bank order.
type orderedAnswers []quiz.KeyValue

func (o orderedAnswers) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(kv.Key)
		v, err := json.Marshal(kv.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Check is one threshold and whether it held.
type Check struct {
	Name      string  `json:"name"`
	Threshold float64 `json:"threshold"`
	Value     Stat    `json:"value"`
	OK        bool    `json:"ok"`
	Detail    string  `json:"detail,omitempty"`
}

// share is n of total as a Stat; NaN when total is 0.
func share(n, total int) Stat {
	if total == 0 {
		return Stat(math.NaN())
	}
	return Stat(float64(n) / float64(total))
}

// Cohort turns a tally into its report.
func (a *Analyzer) Cohort(t *Tally) Cohort {
	b := a.bank
	c := Cohort{Sets: t.Sets}
	for d, qs := range a.items {
		if len(qs) == 0 {
			continue
		}
		cv := &t.dims[d]
		r := Reliability{Dimension: b.Dimensions[d].ID, Items: len(qs), Sets: int(cv.n), Alpha: Stat(math.NaN()), Omega: Stat(math.NaN())}
		m := cv.matrix()
		if m != nil {
			r.Alpha, r.Omega = Stat(cronbachAlpha(m)), Stat(mcdonaldOmega(m))
		}
		for i, qi := range qs {
			ir := ItemReliability{Question: b.Questions[qi].ID, Mean: Points(math.NaN()), SD: Points(math.NaN()), ItemTotal: Stat(math.NaN())}
			if m != nil {
				ir.Mean, ir.SD = Points(cv.mean(i)), Points(math.Sqrt(m[i][i]))
				if len(qs) > 1 {
					ir.ItemTotal = Stat(itemTotalCorrelation(m, i))
					ir.Low = !math.IsNaN(float64(ir.ItemTotal)) && float64(ir.ItemTotal) < LowItemTotal
				}
			}
			r.Item = append(r.Item, ir)
		}
		c.Reliability = append(c.Reliability, r)
	}
	for ri, n := range t.first {
		c.First = append(c.First, RoleShare{Role: b.Roles[ri].ID, Sets: n, Share: share(n, t.Sets)})
	}
	h := &t.margins
	c.Margin = Quantiles{Points(h.quantile(.10)), Points(h.quantile(.25)), Points(h.quantile(.50)), Points(h.quantile(.75)), Points(h.quantile(.90))}
	c.Certainty = Levels{share(t.levels[0], t.Sets), share(t.levels[1], t.Sets), share(t.levels[2], t.Sets)}
	if !t.light {
		for qi, q := range b.Questions {
			c.Sensitivity = append(c.Sensitivity, Sensitivity{Question: q.ID, Changes: share(t.changed[qi], t.tried[qi]), Sets: share(t.anyChange[qi], t.Sets)})
		}
		c.Explanations = &ExplanationAgreement{Effects: t.effects, Against: share(t.against, t.effects), SignBreaches: t.signBreaches, SumGap: Stat(t.sumGap)}
	}
	if t.expected > 0 {
		e := &Expectations{
			Sets: t.expected, Top1: share(t.top1, t.expected), Top2: share(t.top2, t.expected),
			Lenient: share(t.lenient, t.expected), AlsoSets: t.withAlso, AlsoTop2: share(t.alsoTop2, t.withAlso),
			Roles: b.RoleIDs(), Confusion: t.confusion,
		}
		c.Expectations = e
	}
	return c
}

// SimulationReport turns a simulation into its report.
func (a *Analyzer) SimulationReport(s *Simulation) *SimulationReport {
	r := &SimulationReport{N: s.Options.N, Seed: s.Options.Seed, Noise: Points(s.Options.Noise),
		Respondents: a.Cohort(s.Respondents), Random: a.Cohort(s.Random)}
	r.Respondents.Short, r.Random.Short = a.shortReport(s.Short), a.shortReport(s.RandomShort)
	sets, same := 0, 0
	for l, name := range []scoring.Level{scoring.High, scoring.Medium, scoring.Low} {
		rt := s.Retakes[l]
		r.Calibration = append(r.Calibration, Calibration{Level: string(name), Sets: rt.Sets, RetakeSame: share(rt.Same, rt.Sets)})
		sets, same = sets+rt.Sets, same+rt.Same
	}
	r.RetakeSame = share(same, sets)
	ends := a.extremeAnswers()
	for cell, counts := range s.Extremes {
		if len(ends[cell]) == 0 {
			continue
		}
		e := Extreme{Dimension: a.bank.Dimensions[cell/2].ID, End: [2]string{"low", "high"}[cell%2], Questions: len(ends[cell])}
		for ri, n := range counts {
			e.First = append(e.First, RoleShare{Role: a.bank.Roles[ri].ID, Sets: n, Share: share(n, s.Options.N)})
		}
		r.Extremes = append(r.Extremes, e)
	}
	return r
}

// ShortReport summarizes an input cohort's short takes, or is nil when
// there are none.
func (a *Analyzer) ShortReport(takes []ShortTake) *ShortReport { return a.shortReport(takes) }

// Reach searches, for every role, for the answer set that ranks it
// first by the widest margin (scoring.BestCase), and checks that set
// against the role's own targets.
func (a *Analyzer) Reach() []Reach {
	b := a.bank
	var out []Reach
	for ri, role := range b.Roles {
		answers, res := a.model.BestCase(ri)
		r := Reach{Role: role.ID, Consistent: true, Answers: orderedAnswers(b.AnswerValues(answers))}
		mine, other, otherRole := math.Inf(-1), math.Inf(-1), -1
		for _, rf := range res.Roles {
			if !rf.Scored {
				continue
			}
			if rf.Role == ri {
				mine = rf.Fit
			} else if rf.Fit > other {
				other, otherRole = rf.Fit, rf.Role
			}
		}
		r.BestMargin = Points(mine - other)
		r.Reachable = res.Top() == ri && res.Roles[0].Scored
		if otherRole >= 0 {
			r.RunnerUp = b.Roles[otherRole].ID
		}
		for _, t := range role.Profile {
			d := res.Dimensions[t.Dimension]
			p := ReachPoint{Dimension: b.Dimensions[t.Dimension].ID, Score: Points(math.NaN()), Target: t.Target, Weight: t.Weight}
			if d.Scored {
				p.Score = Points(d.Score)
				p.Flagged = t.Weight >= HeavyWeight && math.Abs(d.Score-t.Target) > MaxContradiction
			}
			if p.Flagged {
				r.Consistent = false
			}
			r.Profile = append(r.Profile, p)
		}
		out = append(out, r)
	}
	return out
}
