package analysis

import (
	"os"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// BenchmarkSimulate is analyze's simulation of 2,000 respondents (and as
// many uniformly random sets), without short takes.
func BenchmarkSimulate(b *testing.B) {
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		b.Fatal(err)
	}
	bank, err := quiz.LoadBank("questions.yaml", data, quiz.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	a := New(scoring.New(bank))
	for b.Loop() {
		a.Simulate(SimOptions{N: 2000, Seed: 1, Noise: DefaultNoise, Workers: 1})
	}
}
