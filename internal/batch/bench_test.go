package batch

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

func benchBank(b testing.TB) *quiz.Bank {
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		b.Fatal(err)
	}
	bank, err := quiz.LoadBank("questions.yaml", data, quiz.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return bank
}

func generated(b testing.TB, bank *quiz.Bank, n int, format string) []byte {
	var buf bytes.Buffer
	if err := Generate(&buf, bank, n, 1, format); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkParseNDJSON measures parsing one line into an answer set.
func BenchmarkParseNDJSON(b *testing.B) {
	bank := benchBank(b)
	lines := bytes.Split(bytes.TrimSpace(generated(b, bank, 1000, "ndjson")), []byte("\n"))
	p := newNDJSONParser(NewLookup(bank))
	answers := bank.NewAnswers()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.parse(lines[i%len(lines)], answers); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScore measures scoring one parsed answer set.
func BenchmarkScore(b *testing.B) {
	bank := benchBank(b)
	lines := bytes.Split(bytes.TrimSpace(generated(b, bank, 1000, "ndjson")), []byte("\n"))
	p := newNDJSONParser(NewLookup(bank))
	sets := make([]quiz.Answers, len(lines))
	for i, l := range lines {
		sets[i] = bank.NewAnswers()
		if _, err := p.parse(l, sets[i]); err != nil {
			b.Fatal(err)
		}
	}
	m := scoring.New(bank)
	var res scoring.Result
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.ScoreInto(&res, sets[i%len(sets)])
	}
}

// BenchmarkEncode measures writing one result in each format.
func BenchmarkEncode(b *testing.B) {
	bank := benchBank(b)
	lines := bytes.Split(bytes.TrimSpace(generated(b, bank, 1, "ndjson")), []byte("\n"))
	answers := bank.NewAnswers()
	if _, err := newNDJSONParser(NewLookup(bank)).parse(lines[0], answers); err != nil {
		b.Fatal(err)
	}
	var res scoring.Result
	scoring.New(bank).ScoreInto(&res, answers)
	o := Outcome{ID: []byte("gen-123456"), Source: []byte("sets.ndjson:123456"), Result: &res, Expect: 1}
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			enc, _ := NewEncoder(format, bank)
			buf := make([]byte, 0, 4096)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				buf = enc.Append(buf[:0], &o)
			}
			b.SetBytes(int64(len(buf)))
		})
	}
}

// BenchmarkPipeline measures whole runs in memory: read, parse, score,
// encode, reorder, write. Names are input-to-output formats.
func BenchmarkPipeline(b *testing.B) {
	bank := benchBank(b)
	const n = 100_000
	inputs := map[string][]byte{"ndjson": generated(b, bank, n, "ndjson"), "csv": generated(b, bank, n, "csv")}
	for _, c := range []struct{ in, out string }{{"ndjson", "ndjson"}, {"ndjson", "csv"}, {"csv", "ndjson"}} {
		b.Run(c.in+"-to-"+c.out, func(b *testing.B) {
			data := inputs[c.in]
			format, _ := ParseFormat(c.in)
			enc, _ := NewEncoder(c.out, bank)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sum, err := Run(Options{
					Bank: bank, Model: scoring.New(bank), Lookup: NewLookup(bank),
					Inputs: []Input{{Name: "-", Format: format}}, Stdin: bytes.NewReader(data),
					Encoder: enc, Out: io.Discard,
				})
				if err != nil || sum.Scored != n {
					b.Fatalf("%v, %+v", err, sum)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sets/s")
		})
	}
}
