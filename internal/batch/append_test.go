package batch

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pmfit/pmfit/internal/render"
)

// TestAppendTenthsMatchesRender: the fast path must print exactly what
// render.Points prints, or batch and single results would disagree.
func TestAppendTenthsMatchesRender(t *testing.T) {
	values := []float64{0, 0.04, 0.05, 0.049999999999999996, 87.45, 87.44999999999999, 99.95, 99.94999999999999,
		100, 100.04, 100.05, 250.25, -0.04, -0.05, -3.25, math.Nextafter(0.05, 0), 1e-300, 1000.44}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		values = append(values, rng.Float64()*100, float64(rng.IntN(2001))/20, math.Nextafter(float64(rng.IntN(1001))/10+0.05, 0))
	}
	for _, x := range values {
		want, _ := render.Points(x).MarshalJSON()
		if got := appendTenths(nil, x); string(got) != string(want) {
			t.Fatalf("appendTenths(%v) = %s, render.Points = %s", x, got, want)
		}
	}
}

func TestAppendShareMatchesRender(t *testing.T) {
	for _, x := range []float64{0, 1, 0.5, 1.0 / 3, 2.0 / 3, 30.0 / 31, 0.12345} {
		want, _ := render.Share(x).MarshalJSON()
		if got := appendShare(nil, x); string(got) != string(want) {
			t.Errorf("appendShare(%v) = %s, render.Share = %s", x, got, want)
		}
	}
}

// TestAppendJSONString: any bytes at all come out as a valid JSON string
// that decodes to the same text (invalid UTF-8 as U+FFFD).
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\x00\x01\x1f\x7f", "accents é ü 漢字", "bad \xff utf8", "\u2028 separator", "<html>&"} {
		var got string
		if err := json.Unmarshal(appendJSONString(nil, []byte(s)), &got); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		want := string([]rune(s)) // invalid bytes become U+FFFD
		if got != want {
			t.Errorf("%q round-tripped as %q", s, got)
		}
	}
}

func TestAppendCSVField(t *testing.T) {
	for in, want := range map[string]string{"plain": "plain", "a,b": `"a,b"`, `say "hi"`: `"say ""hi"""`, "two\nlines": "\"two\nlines\""} {
		if got := string(appendCSVField(nil, in)); got != want {
			t.Errorf("appendCSVField(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestAppendCSVTextNeutralisesFormulas(t *testing.T) {
	for in, want := range map[string]string{
		"ana":                 "ana",
		"=1+1":                "'=1+1",
		"+33 612":             "'+33 612",
		"-2":                  "'-2",
		"@SUM(A1)":            "'@SUM(A1)",
		"\tx":                 "'\tx",
		"\rx":                 "\ufffdx", // CR is a control character: replaced, so nothing is left to run
		"a=1":                 "a=1",     // only the first character counts
		"x\x1b[31m":           "x\ufffd[31m",
		`=HYPERLINK("h","y")`: `"'=HYPERLINK(""h"",""y"")"`,
		"two\nlines":          "\"two\nlines\"",
		"":                    "",
	} {
		if got := string(appendCSVText(nil, in)); got != want {
			t.Errorf("appendCSVText(%q) = %q, want %q", in, got, want)
		}
	}
}
