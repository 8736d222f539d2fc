package batch

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

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
