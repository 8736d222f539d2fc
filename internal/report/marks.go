package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Series are told apart by shape as well as colour: a role on the team
// view, a person on a comparison. The colours were chosen to stay apart
// for people with each kind of colour-vision deficiency (marks_test.go
// checks every pair, simulated, and each colour's contrast with the page),
// and the shapes make the distinction without colour at all, in print
// and for everyone.
var (
	seriesLight = [palette]string{"#0072B2", "#D86C18", "#240C00", "#A88478", "#8400FC", "#002448", "#78300C"}
	seriesDark  = [palette]string{"#56B4E9", "#FC9000", "#F0E4C0", "#9030FC", "#E40048", "#E4189C", "#B4FC78"}
)

// palette is how many series a page tells apart (--s0 … --s6).
const palette = 7

// seriesCSS declares the series colours as CSS custom properties.
func seriesCSS(dark bool) template.CSS {
	colors := seriesLight
	if dark {
		colors = seriesDark
	}
	var b strings.Builder
	for i, c := range colors {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "--s%d: %s;", i, c)
	}
	return template.CSS(b.String())
}

// Shapes, one per series: circle, square, triangle, diamond, triangle
// down, plus and hexagon, each about as heavy as a circle of radius r.
const (
	shapeCircle = iota
	shapeSquare
	shapeTriangle
	shapeDiamond
	shapeDown
	shapePlus
	shapeHexagon
)

// marker is an SVG path of shape s centred on (cx, cy), about r across
// from the centre.
func marker(s int, cx, cy, r float64) string {
	pts := func(ps ...[2]float64) string {
		var b strings.Builder
		for i, p := range ps {
			if i == 0 {
				b.WriteString("M")
			} else {
				b.WriteString(" L")
			}
			fmt.Fprintf(&b, "%s %s", f1(cx+p[0]), f1(cy+p[1]))
		}
		b.WriteString(" Z")
		return b.String()
	}
	switch s % palette {
	case shapeSquare:
		a := r * 0.88
		return pts([2]float64{-a, -a}, [2]float64{a, -a}, [2]float64{a, a}, [2]float64{-a, a})
	case shapeTriangle:
		return pts([2]float64{0, -r * 1.2}, [2]float64{r * 1.1, r * 0.75}, [2]float64{-r * 1.1, r * 0.75})
	case shapeDiamond:
		a := r * 1.2
		return pts([2]float64{0, -a}, [2]float64{a, 0}, [2]float64{0, a}, [2]float64{-a, 0})
	case shapeDown:
		return pts([2]float64{0, r * 1.2}, [2]float64{r * 1.1, -r * 0.75}, [2]float64{-r * 1.1, -r * 0.75})
	case shapePlus:
		a, t := r*1.05, r*0.38
		return pts([2]float64{-t, -a}, [2]float64{t, -a}, [2]float64{t, -t}, [2]float64{a, -t}, [2]float64{a, t}, [2]float64{t, t},
			[2]float64{t, a}, [2]float64{-t, a}, [2]float64{-t, t}, [2]float64{-a, t}, [2]float64{-a, -t}, [2]float64{-t, -t})
	case shapeHexagon:
		var ps [][2]float64
		for k := range 6 {
			ang := math.Pi/6 + float64(k)*math.Pi/3
			ps = append(ps, [2]float64{r * 1.05 * math.Cos(ang), r * 1.05 * math.Sin(ang)})
		}
		return pts(ps...)
	}
	// A circle, as two arcs.
	return fmt.Sprintf("M%s %s a%s %s 0 1 0 %s 0 a%s %s 0 1 0 %s 0 Z", f1(cx-r), f1(cy), f1(r), f1(r), f1(2*r), f1(r), f1(r), f1(-2*r))
}

func f1(x float64) string { return fmt.Sprintf("%g", math.Round(x*10)/10) }
