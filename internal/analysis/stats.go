package analysis

import (
	"math"
)

// covariance accumulates the sample covariance matrix of k variables,
// one observation at a time. Values are shifted by 50 (the middle of
// every 0–100 scale) before summing, which keeps the sums small and the
// subtraction in cov exact enough for any cohort size.
type covariance struct {
	k     int
	n     float64
	sum   []float64 // k
	cross []float64 // k×k, row-major
}

func newCovariance(k int) covariance {
	return covariance{k: k, sum: make([]float64, k), cross: make([]float64, k*k)}
}

func (c *covariance) add(x []float64) {
	c.n++
	for i := 0; i < c.k; i++ {
		xi := x[i] - 50
		c.sum[i] += xi
		row := c.cross[i*c.k:]
		for j := i; j < c.k; j++ {
			row[j] += xi * (x[j] - 50)
		}
	}
}

func (c *covariance) merge(o *covariance) {
	c.n += o.n
	for i := range c.sum {
		c.sum[i] += o.sum[i]
	}
	for i := range c.cross {
		c.cross[i] += o.cross[i]
	}
}

// matrix returns the sample covariance matrix (divisor n − 1), or nil
// with fewer than two observations.
func (c *covariance) matrix() [][]float64 {
	if c.n < 2 {
		return nil
	}
	m := make([][]float64, c.k)
	for i := range m {
		m[i] = make([]float64, c.k)
	}
	for i := 0; i < c.k; i++ {
		for j := i; j < c.k; j++ {
			v := (c.cross[i*c.k+j] - c.sum[i]*c.sum[j]/c.n) / (c.n - 1)
			m[i][j], m[j][i] = v, v
		}
	}
	return m
}

// mean is the mean of variable i.
func (c *covariance) mean(i int) float64 { return 50 + c.sum[i]/c.n }

// cronbachAlpha is Cronbach's alpha of the unweighted sum of k items
// with covariance matrix cov:
//
//	α = k/(k−1) · (1 − Σ var(item) / var(sum))
//
// NaN when it is undefined (fewer than two items, or a sum that never
// varies).
func cronbachAlpha(cov [][]float64) float64 {
	k := len(cov)
	if k < 2 {
		return math.NaN()
	}
	var items, total float64
	for i := range cov {
		items += cov[i][i]
		for j := range cov {
			total += cov[i][j]
		}
	}
	if total <= 0 {
		return math.NaN()
	}
	return float64(k) / float64(k-1) * (1 - items/total)
}

// itemTotalCorrelation is the corrected item-total correlation of item i:
// the Pearson correlation between the item and the sum of the other
// items,
//
//	r = Σ_{j≠i} cov(i,j) / √( var(i) · Σ_{j≠i} Σ_{l≠i} cov(j,l) )
//
// NaN when either side never varies.
func itemTotalCorrelation(cov [][]float64, i int) float64 {
	var num, rest float64
	for j := range cov {
		if j == i {
			continue
		}
		num += cov[i][j]
		for l := range cov {
			if l != i {
				rest += cov[j][l]
			}
		}
	}
	if cov[i][i] <= 0 || rest <= 0 {
		return math.NaN()
	}
	return num / math.Sqrt(cov[i][i]*rest)
}

// Omega's one-factor fit: principal-axis iterations, stopping when no
// communality moves by more than omegaTolerance.
const (
	omegaIterations = 1000
	omegaTolerance  = 1e-9
	maxCommunality  = 0.995
)

// mcdonaldOmega is McDonald's omega (total) of the unweighted sum of the
// items, from a one-factor model fitted by iterated principal axes:
//
//  1. R is the items' correlation matrix; every communality h_i starts
//     at the largest |r_ij| in its row (j ≠ i).
//  2. Repeat: put h on R's diagonal; λ = √(largest eigenvalue) × its
//     unit eigenvector, signed so Σλ ≥ 0; h_i = min(λ_i², 0.995); until
//     no h_i moves by more than 1e-9 (at most 1000 times).
//  3. With s_i the items' standard deviations,
//     ω = (Σ λ_i s_i)² / ((Σ λ_i s_i)² + Σ s_i² (1 − λ_i²)).
//
// NaN with fewer than three items (one factor is not identified from
// two) or an item that never varies.
func mcdonaldOmega(cov [][]float64) float64 {
	k := len(cov)
	if k < 3 {
		return math.NaN()
	}
	sd := make([]float64, k)
	for i := range cov {
		if cov[i][i] <= 0 {
			return math.NaN()
		}
		sd[i] = math.Sqrt(cov[i][i])
	}
	r := make([][]float64, k)
	h := make([]float64, k)
	for i := range r {
		r[i] = make([]float64, k)
		for j := range r[i] {
			r[i][j] = cov[i][j] / (sd[i] * sd[j])
			if j != i {
				h[i] = math.Max(h[i], math.Abs(r[i][j]))
			}
		}
	}
	lambda := make([]float64, k)
	var vector []float64
	for iter := 0; iter < omegaIterations; iter++ {
		for i := range r {
			r[i][i] = h[i]
		}
		var value float64
		if k <= jacobiItems {
			value, vector = topEigen(r)
		} else {
			value, vector = powerEigen(r, vector)
		}
		sum := 0.0
		for i := range vector {
			sum += vector[i]
		}
		sign := 1.0
		if sum < 0 {
			sign = -1
		}
		moved := 0.0
		for i := range lambda {
			lambda[i] = sign * vector[i] * math.Sqrt(math.Max(value, 0))
			next := math.Min(lambda[i]*lambda[i], maxCommunality)
			moved = math.Max(moved, math.Abs(next-h[i]))
			h[i] = next
		}
		if moved <= omegaTolerance {
			break
		}
	}
	var common, unique float64
	for i := range lambda {
		l := math.Max(-1, math.Min(1, lambda[i]))
		common += l * sd[i]
		unique += cov[i][i] * (1 - l*l)
	}
	return common * common / (common*common + unique)
}

// jacobiItems is the most items whose omega uses full Jacobi rotations
// (O(k³) per sweep, the figures R psych's were matched against); past it,
// power iteration finds the top eigenpair in O(k²) a step, warm-started
// from the last: a dimension of 250 questions costs a fraction of a
// second rather than minutes.
const jacobiItems = 40

// powerEigen is topEigen by power iteration from start (nil: all ones),
// for large matrices. Principal-axis matrices here have a dominant first
// eigenvalue, so it converges in a few dozen steps; it stops at 1e-13 or
// after 10,000 steps.
func powerEigen(a [][]float64, start []float64) (float64, []float64) {
	n := len(a)
	v := make([]float64, n)
	if len(start) == n {
		copy(v, start)
	} else {
		for i := range v {
			v[i] = 1 / math.Sqrt(float64(n))
		}
	}
	w := make([]float64, n)
	value := 0.0
	for range 10_000 {
		for i := range a {
			s := 0.0
			for j, x := range a[i] {
				s += x * v[j]
			}
			w[i] = s
		}
		norm := 0.0
		for _, x := range w {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			return 0, v
		}
		diff := 0.0
		for i := range w {
			w[i] /= norm
			diff = math.Max(diff, math.Abs(w[i]-v[i]))
		}
		v, w = w, v
		value = norm
		if diff < 1e-13 {
			break
		}
	}
	return value, v
}

// topEigen returns the largest eigenvalue of the symmetric matrix a and
// a unit eigenvector for it, by cyclic Jacobi rotations (a is not
// changed).
func topEigen(a [][]float64) (float64, []float64) {
	n := len(a)
	m := make([][]float64, n)
	v := make([][]float64, n)
	for i := range m {
		m[i] = append([]float64(nil), a[i]...)
		v[i] = make([]float64, n)
		v[i][i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				off += m[i][j] * m[i][j]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				if m[p][q] == 0 {
					continue
				}
				theta := (m[q][q] - m[p][p]) / (2 * m[p][q])
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ {
					mkp, mkq := m[k][p], m[k][q]
					m[k][p], m[k][q] = c*mkp-s*mkq, s*mkp+c*mkq
				}
				for k := 0; k < n; k++ {
					mpk, mqk := m[p][k], m[q][k]
					m[p][k], m[q][k] = c*mpk-s*mqk, s*mpk+c*mqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := v[k][p], v[k][q]
					v[k][p], v[k][q] = c*vkp-s*vkq, s*vkp+c*vkq
				}
			}
		}
	}
	best := 0
	for i := 1; i < n; i++ {
		if m[i][i] > m[best][best] {
			best = i
		}
	}
	vec := make([]float64, n)
	for k := range vec {
		vec[k] = v[k][best]
	}
	return m[best][best], vec
}

// histogram counts values in bins of binWidth from 0, the last bin
// taking everything above; quantiles read from it are exact to one bin.
type histogram struct {
	counts []int
	n      int
}

const (
	binWidth = 0.1
	maxBins  = 1001 // 0–100 points in tenths, and one more for 100 itself
)

func newHistogram() histogram { return histogram{counts: make([]int, maxBins)} }

func (h *histogram) add(x float64) {
	i := int(math.Floor(x/binWidth + 1e-9))
	h.counts[max(0, min(i, len(h.counts)-1))]++
	h.n++
}

func (h *histogram) merge(o *histogram) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
}

// quantile is the lower edge of the bin holding the q-quantile (the
// smallest value with at least q·n values at or below it).
func (h *histogram) quantile(q float64) float64 {
	if h.n == 0 {
		return math.NaN()
	}
	need := int(math.Ceil(q * float64(h.n)))
	need = max(need, 1)
	seen := 0
	for i, c := range h.counts {
		if seen += c; seen >= need {
			return float64(i) * binWidth
		}
	}
	return float64(len(h.counts)-1) * binWidth
}
