package analysis

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// TestPowerEigenAgreesWithJacobi: on principal-axis matrices like the
// ones omega builds (a one-factor correlation matrix, communalities on
// the diagonal), power iteration finds Jacobi's top eigenpair.
func TestPowerEigenAgreesWithJacobi(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{5, 41, 120} {
		load := make([]float64, n)
		for i := range load {
			load[i] = 0.3 + 0.6*rng.Float64()
		}
		a := make([][]float64, n)
		for i := range a {
			a[i] = make([]float64, n)
			for j := range a[i] {
				a[i][j] = load[i]*load[j] + 0.05*(rng.Float64()-0.5)
			}
		}
		for i := range a { // symmetric
			for j := range i {
				a[i][j] = a[j][i]
			}
		}
		v1, e1 := topEigen(a)
		v2, e2 := powerEigen(a, nil)
		if math.Abs(v1-v2) > 1e-9 {
			t.Errorf("n=%d: eigenvalue %v by Jacobi, %v by power iteration", n, v1, v2)
		}
		dot := 0.0
		for i := range e1 {
			dot += e1[i] * e2[i]
		}
		if math.Abs(math.Abs(dot)-1) > 1e-9 {
			t.Errorf("n=%d: eigenvectors differ (|dot| = %v)", n, math.Abs(dot))
		}
	}
}

// largestBank is testdata/banks/largest.yaml, a bank at the documented
// limits (docs/performance.md): 100 roles, 500 Likert questions on an
// 11-point scale, two dimensions.
func largestBank(t testing.TB) *quiz.Bank {
	t.Helper()
	const path = "../../testdata/banks/largest.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank(path, data, quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Roles) != 100 || len(b.Questions) != 500 || b.Scale.Points() != 11 {
		t.Fatalf("%s: %d roles, %d questions, %d points: not at the limits", path, len(b.Roles), len(b.Questions), b.Scale.Points())
	}
	return b
}

// TestAnalyzeStaysWithinBudgets: on the largest bank allowed, a tally's
// sensitivity tries alternatives only while its budget lasts (the counts
// say how many were tried), and a short take past its budget is cut, not
// run for hours; on the built-in bank neither bound is reached.
func TestAnalyzeStaysWithinBudgets(t *testing.T) {
	b := largestBank(t)
	a := New(scoring.New(b))
	tally := a.NewTally()
	rng := rand.New(rand.NewPCG(5, 6))
	sets := 0
	var res scoring.Result
	for range 64 {
		as := b.NewAnswers()
		Random(b, rng, as)
		a.model.ScoreInto(&res, as)
		tally.Add(as, &res, -1, -1)
		sets++
	}
	tried := 0
	for _, n := range tally.tried {
		tried += n
	}
	// Each set tries 10 alternatives to each of 500 questions, for 100
	// roles: 500,000 fits; the budget stops after the set that passes it.
	if fits := tried * len(b.Roles); fits > sensitivityWork+500*10*len(b.Roles) {
		t.Errorf("sensitivity computed %d fits, budget %d", fits, sensitivityWork)
	}
	if tried == 0 || tried == sets*500*10 {
		t.Errorf("sensitivity tried %d alternatives over %d sets: the budget should cut it, not stop it", tried, sets)
	}
	take := a.shortTake(b.NewAnswers(), false)
	if !take.Cut {
		t.Errorf("a short take on the largest bank was not cut: %+v", take)
	}

	def := defaultBank(t)
	da := New(scoring.New(def))
	dt := da.NewTally()
	for range 512 {
		as := def.NewAnswers()
		Random(def, rng, as)
		da.model.ScoreInto(&res, as)
		dt.Add(as, &res, -1, -1)
		if da.shortTake(as, false).Cut {
			t.Fatal("a short take on the built-in bank was cut")
		}
	}
	if dt.sensLeft <= 0 {
		t.Error("the built-in bank ran past the sensitivity budget in 512 sets")
	}
}
