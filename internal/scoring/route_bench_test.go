package scoring_test

import (
	"testing"

	"github.com/pmfit/pmfit/internal/scoring"
)

// BenchmarkRoute is `pmfit path`'s search on the default bank: a Core PM
// asking what it would take to be a Technical PM (a long way), and a
// Product Manager asking about Growth (a short one).
func BenchmarkRoute(b *testing.B) {
	bank := defaultBank(b)
	m := scoring.New(bank)
	for _, tc := range []struct{ persona, to string }{{"core-researcher.yaml", "tpm"}, {"pm-generalist.yaml", "growth-pm"}, {"tpm-platform.yaml", "pm"}} {
		answers := loadPersona(b, bank, tc.persona).Answers
		to, _ := bank.Role(tc.to)
		b.Run(tc.persona+"->"+tc.to, func(b *testing.B) {
			for b.Loop() {
				_ = m.Route(answers, to)
			}
		})
	}
}
