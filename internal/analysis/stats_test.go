package analysis

import (
	"math"
	"testing"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.9f, want %.9f", what, got, want)
	}
}

// workedItems is docs/analysis.md's worked example: five people, three
// items, positions on 0–100.
var workedItems = [][]float64{
	{25, 50, 25},
	{50, 50, 75},
	{75, 100, 50},
	{100, 75, 100},
	{0, 25, 50},
}

// TestCronbachAlphaWorkedExample checks the numbers docs/analysis.md
// works out by hand.
func TestCronbachAlphaWorkedExample(t *testing.T) {
	c := newCovariance(3)
	for _, row := range workedItems {
		c.add(row)
	}
	m := c.matrix()
	// Item means 50, 60, 60; variances 1562.5, 812.5, 812.5; covariances
	// 937.5 (1,2), 781.25 (1,3), 187.5 (2,3).
	want := [][]float64{{1562.5, 937.5, 781.25}, {937.5, 812.5, 187.5}, {781.25, 187.5, 812.5}}
	for i := range want {
		near(t, "mean", c.mean(i), []float64{50, 60, 60}[i], 1e-9)
		for j := range want[i] {
			near(t, "covariance", m[i][j], want[i][j], 1e-9)
		}
	}
	// The sum's variance is the sum of the matrix, 7000; the items'
	// variances add to 3187.5: α = 3/2 · (1 − 3187.5/7000).
	near(t, "alpha", cronbachAlpha(m), 1.5*(1-3187.5/7000), 1e-12)
	near(t, "alpha (rounded)", math.Round(cronbachAlpha(m)*1000)/1000, 0.817, 0)
	// Item 1 against items 2+3: (937.5 + 781.25) / √(1562.5 · (812.5 + 812.5 + 2·187.5)).
	near(t, "item-total 1", itemTotalCorrelation(m, 0), 1718.75/math.Sqrt(1562.5*2000), 1e-12)
	near(t, "item-total 2", itemTotalCorrelation(m, 1), 1125/math.Sqrt(812.5*3937.5), 1e-12)
	near(t, "item-total 3", itemTotalCorrelation(m, 2), 968.75/math.Sqrt(812.5*4250), 1e-12)
}

// TestOmegaJustIdentified: with three items a one-factor model fits
// exactly, λ_i² = r_ij r_ik / r_jk, so omega has a closed form to check
// the iterated fit against.
func TestOmegaJustIdentified(t *testing.T) {
	r := [][]float64{{1, 0.6, 0.48}, {0.6, 1, 0.4}, {0.48, 0.4, 1}}
	l := []float64{math.Sqrt(0.6 * 0.48 / 0.4), math.Sqrt(0.6 * 0.4 / 0.48), math.Sqrt(0.48 * 0.4 / 0.6)} // .8485, .7071, .5657
	sum, unique := 0.0, 0.0
	for _, x := range l {
		sum += x
		unique += 1 - x*x
	}
	want := sum * sum / (sum*sum + unique) // 4.5 / 5.96
	near(t, "omega", mcdonaldOmega(r), want, 1e-6)
	near(t, "omega (rounded)", math.Round(mcdonaldOmega(r)*1000)/1000, 0.755, 0)

	// Scaling items changes nothing in a correlation, but omega weighs
	// the raw sum: scaled by standard deviations 10, 20, 30.
	sd := []float64{10, 20, 30}
	cov := make([][]float64, 3)
	for i := range cov {
		cov[i] = make([]float64, 3)
		for j := range cov[i] {
			cov[i][j] = r[i][j] * sd[i] * sd[j]
		}
	}
	common, uniq := 0.0, 0.0
	for i := range l {
		common += l[i] * sd[i]
		uniq += sd[i] * sd[i] * (1 - l[i]*l[i])
	}
	near(t, "omega of the raw sum", mcdonaldOmega(cov), common*common/(common*common+uniq), 1e-6)

	if !math.IsNaN(mcdonaldOmega([][]float64{{1, 0.5}, {0.5, 1}})) {
		t.Error("omega of two items should be undefined")
	}
	if !math.IsNaN(cronbachAlpha([][]float64{{1}})) {
		t.Error("alpha of one item should be undefined")
	}
}

func TestTopEigen(t *testing.T) {
	a := [][]float64{{2, 1, 0}, {1, 2, 0}, {0, 0, 1}} // eigenvalues 3, 1, 1
	value, vec := topEigen(a)
	near(t, "eigenvalue", value, 3, 1e-9)
	near(t, "vector", math.Abs(vec[0]), 1/math.Sqrt2, 1e-9)
	near(t, "vector", math.Abs(vec[1]), 1/math.Sqrt2, 1e-9)
	near(t, "vector", vec[2], 0, 1e-9)
}

func TestHistogramQuantiles(t *testing.T) {
	h := newHistogram()
	for i := 0; i < 100; i++ {
		h.add(float64(i) / 10) // 0.0 … 9.9
	}
	near(t, "p50", h.quantile(0.5), 4.9, 1e-9)
	near(t, "p10", h.quantile(0.1), 0.9, 1e-9)
	near(t, "p90", h.quantile(0.9), 8.9, 1e-9)
	h.add(250) // past the last bin
	near(t, "max", h.quantile(1), 100, 1e-9)
}
