package analysis

import (
	"fmt"
	"math"
	"strings"
)

// Thresholds are the checks `pmfit analyze` can be asked to enforce;
// nil means not asked.
type Thresholds struct {
	// MinAlpha: every dimension with two or more items, in the simulated
	// cohort when there is one, else in the inputs.
	MinAlpha *float64
	// MinTop1, MinTop2, MinAlso: the inputs' expectations.
	MinTop1, MinTop2, MinAlso *float64
	// MaxFirst: no role first for more than this share of uniformly
	// random sets; MaxRandomHigh: at most this share of them graded high.
	MaxFirst, MaxRandomHigh *float64
	// MinRetakeHigh, MinRetakeMedium: how often a simulated retake ranks
	// the same role first, per certainty level.
	MinRetakeHigh, MinRetakeMedium *float64
	// Reachable: every role can rank first, with a consistent profile.
	Reachable bool
	// MaxQuickMedian, MinQuickTop1, MinQuickTop2: the quick short quiz's
	// median questions asked, and how often it stops on the full form's
	// top role (or one of its top two), for the simulated respondents
	// and the inputs (every cohort with short takes but random sets).
	MaxQuickMedian             *float64
	MinQuickTop1, MinQuickTop2 *float64
	// MinQuickRandom: how often the quick quiz stops on the full form's
	// top role for uniformly random sets.
	MinQuickRandom *float64
	// MinProofTop1: how often the proof stops on the full form's top
	// role, in every cohort with short takes (by design, always).
	MinProofTop1 *float64
}

// Check evaluates every threshold asked for against the report.
func (th Thresholds) Check(r *Report) []Check {
	checks := []Check{}
	add := func(name string, threshold float64, atLeast bool, value float64, detail string) {
		ok := !math.IsNaN(value) && (atLeast && value >= threshold || !atLeast && value <= threshold)
		op := "≥"
		if !atLeast {
			op = "≤"
		}
		if detail == "" {
			detail = fmt.Sprintf("%s %s %s", fmtShare(value), op, fmtShare(threshold))
			if !ok {
				detail = fmt.Sprintf("%s, want %s %s", fmtShare(value), op, fmtShare(threshold))
			}
		}
		checks = append(checks, Check{Name: name, Threshold: threshold, Value: Stat(value), OK: ok, Detail: detail})
	}
	if th.MinAlpha != nil {
		cohort, where := r.Inputs, "inputs"
		if r.Simulation != nil {
			cohort, where = &r.Simulation.Respondents, "simulated respondents"
		}
		worst, name := math.Inf(1), ""
		for _, rel := range cohort.Reliability {
			if rel.Items < 2 {
				continue
			}
			if a := float64(rel.Alpha); math.IsNaN(a) || a < worst {
				worst, name = a, rel.Dimension
				if math.IsNaN(a) {
					break
				}
			}
		}
		detail := ""
		if name != "" {
			want := "≥"
			if !(worst >= *th.MinAlpha) {
				want = "want ≥"
			}
			detail = fmt.Sprintf("lowest alpha %s (%s, %s), %s %s", fmtShare(worst), name, where, want, fmtShare(*th.MinAlpha))
		}
		add("min-alpha", *th.MinAlpha, true, worst, detail)
	}
	expect := func(name string, min *float64, get func(e *Expectations) (float64, int)) {
		if min == nil {
			return
		}
		if r.Inputs == nil || r.Inputs.Expectations == nil {
			add(name, *min, true, math.NaN(), "no input answer set names an expected role")
			return
		}
		v, n := get(r.Inputs.Expectations)
		if n == 0 {
			add(name, *min, true, math.NaN(), "no input answer set names an also role")
			return
		}
		add(name, *min, true, v, "")
	}
	expect("min-top1", th.MinTop1, func(e *Expectations) (float64, int) { return float64(e.Top1), e.Sets })
	expect("min-top2", th.MinTop2, func(e *Expectations) (float64, int) { return float64(e.Top2), e.Sets })
	expect("min-also", th.MinAlso, func(e *Expectations) (float64, int) { return float64(e.AlsoTop2), e.AlsoSets })
	if s := r.Simulation; s != nil {
		if th.MaxFirst != nil {
			most, role := 0.0, ""
			for _, f := range s.Random.First {
				if v := float64(f.Share); v > most {
					most, role = v, f.Role
				}
			}
			op := "≤"
			if most > *th.MaxFirst {
				op = "want ≤"
			}
			add("max-first", *th.MaxFirst, false, most, fmt.Sprintf("%s ranks first for %s of uniformly random sets, %s %s", role, fmtShare(most), op, fmtShare(*th.MaxFirst)))
		}
		if th.MaxRandomHigh != nil {
			add("max-random-high", *th.MaxRandomHigh, false, float64(s.Random.Certainty.High), "")
		}
		retake := func(name string, min *float64, level int) {
			if min == nil {
				return
			}
			c := s.Calibration[level]
			if c.Sets == 0 {
				add(name, *min, true, math.NaN(), fmt.Sprintf("no simulated respondent was graded %s", c.Level))
				return
			}
			add(name, *min, true, float64(c.RetakeSame), "")
		}
		retake("min-retake-high", th.MinRetakeHigh, 0)
		retake("min-retake-medium", th.MinRetakeMedium, 1)
	}
	// The short quiz's checks, per cohort with takes.
	type shortCohort struct {
		name   string
		report *ShortReport
		random bool
	}
	var shorts []shortCohort
	if r.Simulation != nil {
		shorts = append(shorts, shortCohort{"simulated respondents", r.Simulation.Respondents.Short, false}, shortCohort{"random sets", r.Simulation.Random.Short, true})
	}
	if r.Inputs != nil {
		shorts = append(shorts, shortCohort{"inputs", r.Inputs.Short, false})
	}
	shortCheck := func(name string, limit *float64, atLeast, random, anyCohort bool, get func(*ShortReport) (float64, string)) {
		if limit == nil {
			return
		}
		n := 0
		for _, c := range shorts {
			if !anyCohort && c.random != random {
				continue
			}
			n++
			if c.report == nil {
				add(name, *limit, atLeast, math.NaN(), c.name+": no short takes (--short-takes 0?)")
				continue
			}
			v, text := get(c.report)
			op := "≥"
			if !atLeast {
				op = "≤"
			}
			ok := atLeast && v >= *limit || !atLeast && v <= *limit
			if !ok {
				op = "want " + op
			}
			add(name, *limit, atLeast, v, fmt.Sprintf("%s: %s, %s %s (%d takes)", c.name, text, op, fmtLimit(name, *limit), c.report.Takes))
		}
		if n == 0 {
			add(name, *limit, atLeast, math.NaN(), "no cohort to check: give --simulate N or INPUT files")
		}
	}
	shortCheck("max-quick-median", th.MaxQuickMedian, false, false, false, func(s *ShortReport) (float64, string) {
		return float64(s.Quick.Median), fmt.Sprintf("quick median %d of %d questions", s.Quick.Median, s.Questions)
	})
	shortCheck("min-quick-top1", th.MinQuickTop1, true, false, false, func(s *ShortReport) (float64, string) {
		return float64(s.Quick.Top1), "quick top-1 agreement " + fmtShare(float64(s.Quick.Top1))
	})
	shortCheck("min-quick-top2", th.MinQuickTop2, true, false, false, func(s *ShortReport) (float64, string) {
		return float64(s.Quick.Top2), "quick top-2 agreement " + fmtShare(float64(s.Quick.Top2))
	})
	shortCheck("min-quick-random", th.MinQuickRandom, true, true, false, func(s *ShortReport) (float64, string) {
		return float64(s.Quick.Top1), "quick top-1 agreement " + fmtShare(float64(s.Quick.Top1))
	})
	shortCheck("min-proof-top1", th.MinProofTop1, true, false, true, func(s *ShortReport) (float64, string) {
		return float64(s.Proof.Top1), "proof top-1 agreement " + fmtShare(float64(s.Proof.Top1))
	})
	if th.Reachable {
		var bad []string
		for _, re := range r.Reach {
			switch {
			case !re.Reachable:
				bad = append(bad, re.Role+" cannot rank first")
			case !re.Consistent:
				var dims []string
				for _, p := range re.Profile {
					if p.Flagged {
						dims = append(dims, fmt.Sprintf("%s at %.0f (target %.0f)", p.Dimension, float64(p.Score), p.Target))
					}
				}
				bad = append(bad, fmt.Sprintf("%s wins most with %s", re.Role, strings.Join(dims, ", ")))
			}
		}
		ok := float64(len(r.Reach)-len(bad)) / math.Max(1, float64(len(r.Reach)))
		detail := "every role can rank first, on its own terms"
		if len(bad) > 0 {
			detail = strings.Join(bad, "; ")
		}
		add("reachable", 1, true, ok, detail)
	}
	return checks
}

// fmtLimit writes a threshold: a count of questions as it is, a share
// with three decimals.
func fmtLimit(name string, x float64) string {
	if strings.HasPrefix(name, "max-quick-median") {
		return fmt.Sprintf("%.0f", x)
	}
	return fmtShare(x)
}

// fmtShare writes a share or statistic with three decimals.
func fmtShare(x float64) string {
	if math.IsNaN(x) {
		return "undefined"
	}
	return fmt.Sprintf("%.3f", x)
}
