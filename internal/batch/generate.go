package batch

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"

	"github.com/pmfit/pmfit/internal/quiz"
)

// Generate writes n random, valid, complete answer sets for b, as NDJSON
// or CSV, the same for the same seed: input for benchmarks and load tests.
func Generate(w io.Writer, b *quiz.Bank, n int, seed uint64, format string) error {
	if format != "ndjson" && format != "csv" {
		return fmt.Errorf("unknown format %q (allowed: ndjson, csv)", format)
	}
	rng := rand.New(rand.NewPCG(seed, 0x706d666974)) // "pmfit"
	bw := bufio.NewWriterSize(w, 1<<20)
	var line []byte
	if format == "csv" {
		line = append(line, "id"...)
		for _, q := range b.Questions {
			line = appendCSVField(append(line, ','), q.ID)
		}
		line = append(line, '\n')
	}
	picked := make([]string, 0, quiz.MaxOptions)
	for i := 1; i <= n; i++ {
		id := "gen-" + strconv.Itoa(i)
		if format == "csv" {
			line = append(line, id...)
		} else {
			line = append(line, `{"id":"`...)
			line = append(line, id...)
			line = append(line, `","answers":{`...)
		}
		for qi := range b.Questions {
			q := &b.Questions[qi]
			if format == "csv" {
				line = append(line, ',')
			} else {
				if qi > 0 {
					line = append(line, ',')
				}
				line = append(appendJSONString(line, q.ID), ':')
			}
			switch q.Kind {
			case quiz.Likert:
				line = strconv.AppendInt(line, int64(q.Scale.Min+rng.IntN(q.Scale.Points())), 10)
			case quiz.Single:
				v := q.Options[rng.IntN(len(q.Options))].Value
				if format == "csv" {
					line = appendCSVField(line, v)
				} else {
					line = appendJSONString(line, v)
				}
			case quiz.Multi:
				picked = randomPicks(rng, q, picked[:0])
				if format == "csv" {
					line = appendCSVField(line, joinComma(picked))
					continue
				}
				line = append(line, '[')
				for j, v := range picked {
					if j > 0 {
						line = append(line, ',')
					}
					line = appendJSONString(line, v)
				}
				line = append(line, ']')
			}
		}
		if format != "csv" {
			line = append(line, "}}"...)
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
		line = line[:0]
	}
	return bw.Flush()
}

// randomPicks chooses each ordinary option with probability 0.4, falling
// back to "none of these" (or one option) when none was chosen.
func randomPicks(rng *rand.Rand, q *quiz.Question, out []string) []string {
	for i, o := range q.Options {
		if i != q.None && rng.Float64() < 0.4 {
			out = append(out, o.Value)
		}
	}
	if len(out) == 0 {
		if q.None >= 0 {
			return append(out, q.Options[q.None].Value)
		}
		return append(out, q.Options[rng.IntN(len(q.Options))].Value)
	}
	return out
}

func joinComma(vs []string) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ","
		}
		s += v
	}
	return s
}
