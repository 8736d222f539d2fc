package scoring

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
)

func closeTo(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f (±%g)", what, got, want, tol)
	}
}

// TestRoundingVariance: the mean squared distance to the nearest of a
// question's positions, for x uniform on 0–100, worked by hand.
func TestRoundingVariance(t *testing.T) {
	closeTo(t, "five-point scale", roundingVariance([]float64{0, 25, 50, 75, 100}), 625.0/12, 1e-9)
	// Two positions, 10 and 90: each takes half the line, ∫(x − 10)² over
	// 0–50 = (40³ + 10³)/3, and the same for 90; over 100.
	closeTo(t, "10 and 90", roundingVariance([]float64{90, 10, 90}), 2*(64000.0+1000)/3/100, 1e-9)
	closeTo(t, "one position at 50", roundingVariance([]float64{50}), 2*125000.0/3/100, 1e-9)
}

// TestTruncatedMoments: the moments of a normal cut to 0–100, against
// numerical integration.
func TestTruncatedMoments(t *testing.T) {
	for _, c := range [][2]float64{{95, 400}, {50, 100}, {-20, 900}, {50, 1e6}} {
		m, v := c[0], c[1]
		var z, s1, s2 float64
		for x := 0.0005; x < 100; x += 0.001 {
			w := math.Exp(-(x - m) * (x - m) / (2 * v))
			z += w
			s1 += w * x
			s2 += w * x * x
		}
		mean := s1 / z
		gotMean, gotVar := truncated(m, v)
		closeTo(t, "mean", gotMean, mean, 1e-3)
		closeTo(t, "variance", gotVar, s2/z-mean*mean, 1e-2)
	}
}

// TestMarginMomentsMatchSampling: the exact mean and variance of a sum of
// quadratics in independent normals, against a large sample.
func TestMarginMomentsMatchSampling(t *testing.T) {
	mu, v := []float64{30, 70, 55}, []float64{100, 25, 400}
	c2, c1, c0 := []float64{0.2, -0.1, 0.05}, []float64{-12, 10, -3}, []float64{180, -250, 20}
	mean, vari := marginMoments(mu, v, c2, c1, c0)
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 400000
	var s1, s2 float64
	for range n {
		x := 0.0
		for d := range mu {
			s := mu[d] + math.Sqrt(v[d])*rng.NormFloat64()
			x += c2[d]*s*s + c1[d]*s + c0[d]
		}
		s1 += x
		s2 += x * x
	}
	sm := s1 / n
	closeTo(t, "mean", mean, sm, 0.01*math.Sqrt(vari))
	closeTo(t, "variance", vari, s2/n-sm*sm, 0.01*vari)
}

func workedModel(t *testing.T) *Model {
	t.Helper()
	data, err := os.ReadFile("testdata/worked-example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank("worked-example.yaml", data, quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return New(b)
}

func answerAll(t *testing.T, m *Model, vals map[string]string) quiz.Answers {
	t.Helper()
	as := m.bank.NewAnswers()
	for id, v := range vals {
		qi, _ := m.bank.Question(id)
		a, err := m.bank.ParseAnswer(qi, []string{v})
		if err != nil {
			t.Fatal(err)
		}
		as[qi] = a
	}
	return as
}

// TestPersonNoiseWorkedExample: docs/adaptive.md's worked example of the
// person's noise. On focus, q1=4 and q2=2 place the person at 75 and q3=how
// (weight 2) at 90: weighted mean 82.5, spread 56.25, effective number
// 16/6, so n s² = 150 on 5/3 degrees of freedom. Rounding: the five-point
// scale's 625/12 for q1 and q2, and q3's two positions (10 and 90)
// 1300/3; weighted by 1, 1 and 2, a mean of 242.71, which over 5/3
// degrees of freedom (404.5) exceeds 150: the answers disagree no more
// than rounding explains, so σ² = (3 × 20²)/(3 + 5/3) = 257.14. Size's one
// answer has no degrees of freedom.
func TestPersonNoiseWorkedExample(t *testing.T) {
	m := workedModel(t)
	as := answerAll(t, m, map[string]string{"q1": "4", "q2": "2", "q3": "how", "q4": "large"})
	const prior = LikelyPriorItems * LikelyNoise * LikelyNoise // 3 × 20²
	closeTo(t, "σ²", m.personNoise(as), prior/(LikelyPriorItems+5.0/3), 1e-9)
	closeTo(t, "σ² (the worked number)", m.personNoise(as), 257.142857, 1e-6)
	// Answers that disagree more than rounding can explain raise it:
	// q1=5 (100) and q2=5 (reversed: 0) on top of q3=how.
	as = answerAll(t, m, map[string]string{"q1": "5", "q2": "5", "q3": "how"})
	// Weighted mean (100 + 0 + 180)/4 = 70; wpp (10000 + 0 + 16200)/4 =
	// 6550; spread 6550 − 4900 = 1650; n s² = 4400; less 404.5.
	closeTo(t, "σ² of disagreeing answers", m.personNoise(as), (prior+4400-(5.0/3)*(2*625.0/12+2*1300.0/3)/4)/(LikelyPriorItems+5.0/3), 1e-9)
}

// TestLikelyAtTheEnds: before any answer there is nothing to go on (0);
// with every question answered nothing is left to change, and the top
// role is certain (1).
func TestLikelyAtTheEnds(t *testing.T) {
	m := workedModel(t)
	if lk := m.Likely(m.bank.NewAnswers()); lk.Probability != 0 {
		t.Errorf("no answers: %+v", lk)
	}
	full := answerAll(t, m, map[string]string{"q1": "4", "q2": "2", "q3": "how", "q4": "large"})
	full[4] = quiz.Answer{Set: true, Picks: 0b0101}
	lk := m.Likely(full)
	if lk.Probability != 1 || m.bank.Roles[lk.Role].ID != "how-pm" {
		t.Errorf("complete answers: %+v", lk)
	}
	st := m.NextStep(full, StopLikely)
	if !st.Stop || st.Next != -1 || m.bank.Roles[st.Top].ID != "how-pm" {
		t.Errorf("complete answers: step %+v", st)
	}
}

// TestNextLikelyAsksWhatSeparatesTheLeaderAndItsRival: with two roles
// that differ only on focus, the next question is a focus question, never
// the size one (both roles look for the same size, so its answer cannot
// move the margin).
func TestNextLikelyAsksWhatSeparatesTheLeaderAndItsRival(t *testing.T) {
	b, err := quiz.LoadBank("two.yaml", []byte(`version: 1
id: two
dimensions:
  - {id: size, name: Size, low: Small, high: Large}
  - {id: focus, name: Focus, low: Why, high: How}
roles:
  - {id: why, name: Why, summary: Why., profile: {size: 60, focus: 20}}
  - {id: how, name: How, summary: How., profile: {size: 60, focus: 80}}
questions:
  - {id: s1, type: likert, dimension: size, text: Big.}
  - {id: s2, type: likert, dimension: size, reverse: true, text: Small.}
  - {id: f1, type: likert, dimension: focus, text: How.}
  - {id: f2, type: likert, dimension: focus, reverse: true, text: Why.}
`), quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := New(b)
	as := b.NewAnswers()
	for range 2 {
		qi := m.NextLikely(as)
		if id := b.Questions[qi].ID; id != "f1" && id != "f2" {
			t.Fatalf("asked %s, a question that cannot separate the roles", id)
		}
		as[qi] = quiz.Answer{Set: true, Level: 4}
	}
}
