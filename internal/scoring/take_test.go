package scoring_test

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// TestTakeStepsAreNextSteps: a Take keeps earlier steps' work, and must
// give exactly NextStep's answer at every step, under both rules, for
// random answers on the default bank and on a bank whose questions
// measure several dimensions.
func TestTakeStepsAreNextSteps(t *testing.T) {
	for _, b := range []*quiz.Bank{defaultBank(t), loadBank(t, "testdata/worked-example.yaml")} {
		m := scoring.New(b)
		for _, rule := range []scoring.StopRule{scoring.StopLikely, scoring.StopProof} {
			for seed := range uint64(12) {
				rng := rand.New(rand.NewPCG(seed, 7))
				full := b.NewAnswers()
				for qi, q := range b.Questions {
					all := q.EveryAnswer(1 << 10)
					full[qi] = all[rng.IntN(len(all))]
				}
				take := m.NewTake(rule, b.NewAnswers())
				for step := 0; ; step++ {
					got, want := take.Step(), m.NextStep(take.Answers(), rule)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s, rule %d, seed %d, step %d: take %+v, NextStep %+v", b.ID, rule, seed, step, got, want)
					}
					// Go on past a stop, as analyze does to measure every
					// threshold, in the order the rule would ask.
					next := want.Next
					if next < 0 {
						next = firstUnanswered(take.Answers())
					}
					if next < 0 {
						break
					}
					take.Answer(next, full[next])
				}
			}
		}
	}
}

func firstUnanswered(as quiz.Answers) int {
	for qi := range as {
		if !as[qi].Set {
			return qi
		}
	}
	return -1
}

func BenchmarkTake(b *testing.B) {
	bank := defaultBank(b)
	m := scoring.New(bank)
	full := loadPersona(b, bank, "pm-generalist.yaml").Answers
	for _, tc := range []struct {
		name string
		rule scoring.StopRule
	}{{"likely", scoring.StopLikely}, {"proof", scoring.StopProof}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				take := m.NewTake(tc.rule, bank.NewAnswers())
				for st := take.Step(); !st.Stop; st = take.Step() {
					take.Answer(st.Next, full[st.Next])
				}
			}
		})
	}
}
