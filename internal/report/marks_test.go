package report

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func srgb(hex string) [3]float64 {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return [3]float64{float64(v>>16&255) / 255, float64(v>>8&255) / 255, float64(v&255) / 255}
}

func linear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func luminance(c [3]float64) float64 {
	return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2])
}

// visions simulate colour-vision deficiencies in linear RGB, at full
// severity (Machado, Oliveira and Fernandes, 2009).
var visions = map[string][3][3]float64{
	"normal":       {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

// cieLab is a colour as seen through vision m, in CIE L*a*b* (D65).
func cieLab(c [3]float64, m [3][3]float64) [3]float64 {
	l := [3]float64{linear(c[0]), linear(c[1]), linear(c[2])}
	var s [3]float64
	for i := range 3 {
		for j := range 3 {
			s[i] += m[i][j] * l[j]
		}
		s[i] = math.Min(1, math.Max(0, s[i]))
	}
	x := 0.4124*s[0] + 0.3576*s[1] + 0.1805*s[2]
	y := 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	z := 0.0193*s[0] + 0.1192*s[1] + 0.9505*s[2]
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	fx, fy, fz := f(x/0.95047), f(y), f(z/1.08883)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// TestSeriesColoursStayApart: each series colour stands out from the
// page (3:1, WCAG's bar for graphics), and every two stay at least 20
// ΔE*ab apart for normal vision and simulated protanopia, deuteranopia
// and tritanopia, in light and dark schemes.
func TestSeriesColoursStayApart(t *testing.T) {
	for _, scheme := range []struct {
		name   string
		bg     string
		colors [palette]string
	}{{"light", "#ffffff", seriesLight}, {"dark", "#15181c", seriesDark}} {
		bg := luminance(srgb(scheme.bg))
		for _, c := range scheme.colors {
			l := luminance(srgb(c))
			if k := (math.Max(l, bg) + 0.05) / (math.Min(l, bg) + 0.05); k < 3 {
				t.Errorf("%s: %s against %s: contrast %.2f, under 3:1", scheme.name, c, scheme.bg, k)
			}
		}
		for vision, m := range visions {
			for i, a := range scheme.colors {
				for _, b := range scheme.colors[i+1:] {
					la, lb := cieLab(srgb(a), m), cieLab(srgb(b), m)
					if d := math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2])); d < 20 {
						t.Errorf("%s, %s: %s and %s are %.1f apart, under 20", scheme.name, vision, a, b, d)
					}
				}
			}
		}
	}
}

// TestMarkersWeighAlike: every shape is a different, closed outline about
// as heavy as the circle and centred where it is placed, so no role or
// person stands out (or hides) by its shape alone.
func TestMarkersWeighAlike(t *testing.T) {
	const cx, cy, r = 50.0, 40.0, 10.0
	circle := math.Pi * r * r
	seen := map[string]int{}
	for s := range palette {
		d := marker(s, cx, cy, r)
		if prev, ok := seen[d]; ok {
			t.Errorf("shapes %d and %d draw the same path %q", prev, s, d)
		}
		seen[d] = s
		if !strings.HasPrefix(d, "M") || !strings.HasSuffix(d, " Z") {
			t.Errorf("shape %d: %q is not a closed path", s, d)
		}
		if s == shapeCircle {
			if want := "M40 40 a10 10 0 1 0 20 0 a10 10 0 1 0 -20 0 Z"; d != want {
				t.Errorf("circle = %q, want %q", d, want)
			}
			continue
		}
		var xs, ys []float64
		for _, f := range strings.Fields(strings.NewReplacer("M", "", "L", "", "Z", "").Replace(d)) {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("shape %d: %q: %v", s, d, err)
			}
			if len(xs) == len(ys) {
				xs = append(xs, v)
			} else {
				ys = append(ys, v)
			}
		}
		// Shoelace area and centroid of the polygon.
		var area, mx, my float64
		for i := range xs {
			j := (i + 1) % len(xs)
			c := xs[i]*ys[j] - xs[j]*ys[i]
			area += c
			mx += (xs[i] + xs[j]) * c
			my += (ys[i] + ys[j]) * c
		}
		area /= 2
		mx, my = mx/(6*area), my/(6*area)
		if a := math.Abs(area) / circle; a < 0.55 || a > 1.5 {
			t.Errorf("shape %d: area %.2f of the circle's", s, a)
		}
		if math.Hypot(mx-cx, my-cy) > 0.25*r {
			t.Errorf("shape %d: centred at (%.1f, %.1f), placed at (%v, %v)", s, mx, my, cx, cy)
		}
	}
}
