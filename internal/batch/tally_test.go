package batch

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// listTally records every record it is given, so a test can check what
// a run's merged tally saw.
type listTally struct{ seen []string }

func (l *listTally) Add(answers quiz.Answers, res *scoring.Result, expect, also int) {
	l.seen = append(l.seen, fmt.Sprintf("l1=%d top=%d expect=%d also=%d", answers[0].Level, res.Top(), expect, also))
}

func (l *listTally) Merge(o Tally) { l.seen = append(l.seen, o.(*listTally).seen...) }

// TestTallySeesEveryValidRecordInOrder: expect and also are read from
// answer files, NDJSON and CSV alike; every valid record reaches the
// tally once, invalid ones never, in input order on any number of
// workers.
func TestTallySeesEveryValidRecordInOrder(t *testing.T) {
	bank := loadSmall(t)
	var ndjson strings.Builder
	for i := 1; i <= 1500; i++ {
		level := 1 + i%5
		switch {
		case i%100 == 0:
			ndjson.WriteString(`{"answers":{"l1":9}}` + "\n") // invalid
		case i%7 == 0:
			fmt.Fprintf(&ndjson, `{"expect":"how","also":"why","answers":{"l1":%d,"l2":2,"s1":"large","m1":"a"}}`+"\n", level)
		default:
			fmt.Fprintf(&ndjson, `{"answers":{"l1":%d,"l2":2,"s1":"large","m1":"a"}}`+"\n", level)
		}
	}
	dir := writeFiles(t, map[string]string{
		"a.yaml":        "expect: why\nalso: how\nanswers: {l1: 1, l2: 5, s1: small, m1: none}\n",
		"b.ndjson":      ndjson.String(),
		"c.csv":         "l1,l2,s1,m1,expect,also\n3,3,small,b,How,why\n4,1,large,a,,\n",
		"d-also.yaml":   "expect: why\nalso: why\nanswers: {l1: 1, l2: 5, s1: small, m1: none}\n",
		"e-role.ndjson": `{"also":"who","answers":{"l1":1,"l2":5,"s1":"small","m1":"none"}}` + "\n",
	})
	var want []string
	for _, workers := range []int{1, 2, 7} {
		opts := Options{Partial: true, Workers: workers, NewTally: func() Tally { return &listTally{} }}
		for _, name := range []string{"a.yaml", "b.ndjson", "c.csv", "d-also.yaml", "e-role.ndjson"} {
			opts.Inputs = append(opts.Inputs, Input{Name: filepath.Join(dir, name)})
		}
		r := run(t, bank, "ndjson", opts)
		if r.err != nil {
			t.Fatal(r.err)
		}
		seen := r.sum.Tally.(*listTally).seen
		if len(seen) != r.sum.Scored || r.sum.Invalid != 15+2 {
			t.Fatalf("%d workers: tally saw %d records, %d scored, %d invalid\n%s", workers, len(seen), r.sum.Scored, r.sum.Invalid, r.notes)
		}
		if seen[0] != "l1=1 top=0 expect=0 also=1" {
			t.Errorf("answer file: %s", seen[0])
		}
		if got := seen[7]; !strings.HasPrefix(got, "l1=3 ") || !strings.HasSuffix(got, "expect=1 also=0") {
			t.Errorf("NDJSON line 7: %s", got) // seen[0] is a.yaml
		}
		if got := seen[len(seen)-2]; !strings.HasSuffix(got, "expect=1 also=0") {
			t.Errorf("CSV row with expect and also: %s", got)
		}
		for _, msg := range []string{"also names \"why\", the role expect already names", "also names unknown role \"who\""} {
			if !strings.Contains(r.notes, msg) {
				t.Errorf("notes lack %q:\n%s", msg, r.notes)
			}
		}
		if want == nil {
			want = seen
		} else if strings.Join(seen, "\n") != strings.Join(want, "\n") {
			t.Errorf("%d workers: the tally saw the records in another order", workers)
		}
	}
}

// slowFirst is an encoder whose first record takes until release: the
// slow answer file ahead of a long input.
type slowFirst struct {
	Encoder
	release  chan struct{}
	appended atomic.Int64
}

func (s *slowFirst) Append(b []byte, o *Outcome) []byte {
	if string(o.ID) == "slow" {
		<-s.release
	} else {
		s.appended.Add(1)
	}
	return s.Encoder.Append(b, o)
}

// TestSlowRecordDoesNotPileUpChunks: while the first record is slow,
// the reader and the other workers stop after a bounded number of
// chunks instead of reading the whole input into the reorder buffer.
func TestSlowRecordDoesNotPileUpChunks(t *testing.T) {
	bank := loadSmall(t)
	pad := strings.Repeat("x", 200)
	var in strings.Builder
	in.WriteString(`{"id":"slow","answers":{"l1":3,"l2":3,"s1":"small","m1":["a"]}}` + "\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&in, `{"id":"%s%d","answers":{"l1":3,"l2":3,"s1":"small","m1":["a"]}}`+"\n", pad, i)
	}
	inner, _ := NewEncoder("ndjson", bank)
	enc := &slowFirst{Encoder: inner, release: make(chan struct{})}
	// The bound allows some ten chunks of ~900 records each to be
	// encoded while the first waits; without it, all of them would be.
	const pileUp = 30_000
	var held int64
	go func() {
		deadline := time.Now().Add(2 * time.Second)
		for enc.appended.Load() < pileUp && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		held = enc.appended.Load()
		close(enc.release)
	}()
	done := make(chan int64)
	var out countingWriter
	go func() {
		_, err := Run(Options{Bank: bank, Model: scoring.New(bank), Lookup: NewLookup(bank),
			Inputs: []Input{{Name: "-", Format: NDJSON}}, Stdin: strings.NewReader(in.String()),
			Encoder: enc, Out: &out, Workers: 2})
		if err != nil {
			t.Error(err)
		}
		done <- out.n
	}()
	<-done
	if n := enc.appended.Load(); n != 100_000 {
		t.Fatalf("encoded %d records, want 100000", n)
	}
	if held >= pileUp {
		t.Errorf("%d records piled up behind one slow record", held)
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }
