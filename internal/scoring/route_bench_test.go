package scoring_test

import (
	"math/rand/v2"
	"testing"

	"github.com/pmfit/pmfit/internal/scoring"
)

// BenchmarkRoute is `pmfit path`'s search on the default bank: a Core PM
// asking what it would take to be a Technical PM (a long way), a Product
// Manager asking about Growth (a short one), a TPM asking about PM (eight
// changes, rivals on every side), and the slowest of the 210 persona and
// role pairs (a CS-graduate APM asking about product marketing).
func BenchmarkRoute(b *testing.B) {
	bank := defaultBank(b)
	m := scoring.New(bank)
	for _, tc := range []struct{ persona, to string }{{"core-researcher.yaml", "tpm"}, {"pm-generalist.yaml", "growth-pm"}, {"tpm-platform.yaml", "pm"}, {"apm-cs-grad.yaml", "pmm"}} {
		answers := loadPersona(b, bank, tc.persona).Answers
		to, _ := bank.Role(tc.to)
		b.Run(tc.persona+"->"+tc.to, func(b *testing.B) {
			for b.Loop() {
				_ = m.Route(answers, to)
			}
		})
	}
}

// BenchmarkRouteAtItsBudget is the search on a bank built to explode it
// (hugeBank): how long the work budget lets it run.
func BenchmarkRouteAtItsBudget(b *testing.B) {
	bank := hugeBank(b)
	m := scoring.New(bank)
	answers := bank.NewAnswers()
	uniformAnswers(bank, rand.New(rand.NewPCG(1, 2)), answers)
	to := (m.TopRole(answers) + 1) % len(bank.Roles)
	for b.Loop() {
		_ = m.Route(answers, to)
	}
}
