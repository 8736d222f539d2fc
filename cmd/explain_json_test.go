package cmd

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"
)

type explanationJSON struct {
	Role       string  `json:"role"`
	Fit        float64 `json:"fit"`
	Baseline   float64 `json:"baseline"`
	Dimensions []struct {
		ID     string   `json:"id"`
		Score  *float64 `json:"score"`
		Target float64  `json:"target"`
		Effect float64  `json:"effect"`
	} `json:"dimensions"`
	Answers []struct {
		Question string  `json:"question"`
		Effect   float64 `json:"effect"`
	} `json:"answers"`
}

// TestExplanationsAddUpAsShown: in `pmfit score --format json`, for
// every explained role, the answer effects and the dimension effects as
// shown each add up to the fit minus the baseline as shown (the issue's
// bound is 0.05), and a dimension closer to its target than the
// baseline never shows a negative effect. Every persona, and random
// partial answer sets.
func TestExplanationsAddUpAsShown(t *testing.T) {
	var runs [][]string
	personas, _ := filepath.Glob("../testdata/personas/*.yaml")
	for _, p := range personas {
		runs = append(runs, []string{"score", "--answers", p, "--format", "json"})
	}
	f, _ := testFactory(t, nil)
	b, err := f.Bank()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(8, 9))
	for i := 0; i < 40; i++ {
		args := []string{"score", "--partial", "--format", "json"}
		for _, q := range b.Questions {
			if rng.IntN(3) == 0 {
				continue
			}
			v := q.Options
			switch {
			case len(v) == 0:
				args = append(args, "--answer", fmt.Sprintf("%s=%d", q.ID, q.Scale.Min+rng.IntN(q.Scale.Points())))
			default:
				o := v[rng.IntN(len(v))]
				args = append(args, "--answer", q.ID+"="+o.Value)
			}
		}
		if len(args) > 4 {
			runs = append(runs, args)
		}
	}
	for _, args := range runs {
		f, ios := testFactory(t, nil)
		out := ios.Out.(interface{ String() string })
		if code := Run(f, args); code != 0 && code != ExitUnmet {
			t.Fatalf("%v: exit %d: %s", args, code, ios.ErrOut)
		}
		var res struct {
			Explanation []explanationJSON `json:"explanation"`
		}
		if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Explanation {
			var answers, dims float64
			for _, a := range e.Answers {
				answers += a.Effect
			}
			for _, d := range e.Dimensions {
				dims += d.Effect
				if d.Score != nil && math.Abs(*d.Score-d.Target) < math.Abs(50-d.Target)-0.05 && d.Effect < 0 {
					t.Errorf("%v: %s: dimension %s at %.1f (target %.0f) shows %.1f", args, e.Role, d.ID, *d.Score, d.Target, d.Effect)
				}
			}
			want := e.Fit - e.Baseline
			if math.Abs(answers-want) > 0.05 || math.Abs(dims-want) > 0.05 {
				t.Errorf("%v: %s: answers add up to %.2f, dimensions to %.2f, fit − baseline is %.1f", args, e.Role, answers, dims, want)
			}
		}
	}
	if len(runs) < 40 {
		t.Fatalf("only %d runs", len(runs))
	}
}
