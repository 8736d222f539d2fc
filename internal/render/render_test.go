package render

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmfit/pmfit/internal/i18n"
)

func TestRound1(t *testing.T) {
	for in, want := range map[float64]float64{72.25: 72.3, 72.35: 72.4, -0.04: 0, -1.25: -1.3, 99.95: 100, 0.05: 0.1} {
		if got := Round1(in); got != want {
			t.Errorf("Round1(%v) = %v, want %v", in, got, want)
		}
	}
}

func TestPointsJSON(t *testing.T) {
	for in, want := range map[float64]string{72: "72.0", 88.576: "88.6", -0.01: "0.0", 100: "100.0"} {
		got, _ := Points(in).MarshalJSON()
		if string(got) != want {
			t.Errorf("Points(%v) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[float64]string{1: "1", 0.129032258: "0.129", 2.0 / 3: "0.6667"} {
		got, _ := Share(in).MarshalJSON()
		if string(got) != want {
			t.Errorf("Share(%v) = %s, want %s", in, got, want)
		}
	}
}

func TestBar(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{{0, "░░░░░░░░░░"}, {100, "██████████"}, {50, "█████░░░░░"}, {44, "████░░░░░░"}, {45, "█████░░░░░"}, {-5, "░░░░░░░░░░"}} {
		if got := Bar(tt.v, 10); got != tt.want {
			t.Errorf("Bar(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	got := Wrap("the quick brown fox jumps over the lazy dog", 15)
	want := []string{"the quick brown", "fox jumps over", "the lazy dog"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
	if got := Wrap("a supercalifragilistic word", 10); got[1] != "supercalifragilistic" {
		t.Errorf("a long word should get its own line: %q", got)
	}
}

func TestColourFollowsTheDecision(t *testing.T) {
	var on, off bytes.Buffer
	NewTheme(80, true, i18n.New("")).Good.Fprint(&on, "ok")
	NewTheme(80, false, i18n.New("")).Good.Fprint(&off, "ok")
	if !strings.Contains(on.String(), "\x1b[32m") {
		t.Errorf("coloured theme wrote %q", on.String())
	}
	if off.String() != "ok" {
		t.Errorf("plain theme wrote %q", off.String())
	}
}

func TestThemeWidthIsBounded(t *testing.T) {
	if w := NewTheme(300, false, i18n.New("")).Width; w != 100 {
		t.Errorf("width %d, want 100", w)
	}
	if w := NewTheme(10, false, i18n.New("")).Width; w != 40 {
		t.Errorf("width %d, want 40", w)
	}
	if got := padRight("Technical Product Manager", 10); utf8.RuneCountInString(got) != 10 || !strings.HasSuffix(got, "…") {
		t.Errorf("padRight cut = %q", got)
	}
}

func TestApportionAddsUp(t *testing.T) {
	for _, tt := range []struct {
		values []float64
		total  float64
		want   []float64
	}{
		// Rounded one by one these give 0.3 + 0.3 + 0.3 = 0.9.
		{[]float64{0.33, 0.33, 0.34}, 1.0, []float64{0.3, 0.3, 0.4}},
		{[]float64{0.26, 0.26, 0.26, 0.26}, 1.0, []float64{0.3, 0.3, 0.2, 0.2}},
		// A total rounded down takes a tenth back from the least cut.
		{[]float64{1.04, 2.04}, 3.0, []float64{1.0, 2.0}},
		// Two halves, one tenth to give: the first in order takes it.
		{[]float64{-0.35, 0.05, 1.2}, 0.9, []float64{-0.3, 0, 1.2}},
		{nil, 0, nil},
	} {
		got := apportion(tt.values, tt.total)
		sum := 0.0
		for i := range got {
			sum += got[i]
			if math.Abs(got[i]-tt.want[i]) > 1e-9 {
				t.Errorf("apportion(%v, %v) = %v, want %v", tt.values, tt.total, got, tt.want)
			}
			if tt.values[i] > 0 && got[i] < 0 {
				t.Errorf("apportion turned %v negative", tt.values[i])
			}
		}
		if math.Abs(sum-tt.total) > 1e-9 {
			t.Errorf("apportion(%v) sums to %v, want %v", tt.values, sum, tt.total)
		}
	}
}

// TestSelectMoves: at most three dimensions and three answers each way,
// in the explanation's order; unscored dimensions and effects shown as
// 0.0 are left out.
func TestSelectMoves(t *testing.T) {
	p := func(v float64) *Points { x := Points(v); return &x }
	e := ExplanationJSON{
		Dimensions: []DimensionEffectJSON{
			{ID: "a", Score: p(90), Effect: 4}, {ID: "b", Score: nil, Effect: 3}, {ID: "c", Score: p(10), Effect: -2},
			{ID: "d", Score: p(50), Effect: 0}, {ID: "e", Score: p(60), Effect: 1}, {ID: "f", Score: p(70), Effect: 0.5},
			{ID: "g", Score: p(80), Effect: 0.1},
		},
		Answers: []AnswerEffectJSON{
			{Question: "q1", Effect: 2}, {Question: "q2", Effect: -1.5}, {Question: "q3", Effect: 0},
			{Question: "q4", Effect: 1}, {Question: "q5", Effect: 0.4}, {Question: "q6", Effect: 0.2}, {Question: "q7", Effect: -0.1},
		},
	}
	m := SelectMoves(e)
	ids := func(ds []DimensionEffectJSON) (s []string) {
		for _, d := range ds {
			s = append(s, d.ID)
		}
		return s
	}
	qs := func(as []AnswerEffectJSON) (s []string) {
		for _, a := range as {
			s = append(s, a.Question)
		}
		return s
	}
	for _, c := range []struct {
		got, want []string
	}{
		{ids(m.Closer), []string{"a", "e", "f"}},
		{ids(m.Further), []string{"c"}},
		{qs(m.Up), []string{"q1", "q4", "q5"}},
		{qs(m.Down), []string{"q2", "q7"}},
	} {
		if strings.Join(c.got, ",") != strings.Join(c.want, ",") {
			t.Errorf("got %v, want %v", c.got, c.want)
		}
	}
}
