// Package batch scores many answer sets in one run: answer files,
// directories of them, NDJSON and CSV, from files or stdin, streamed
// through all cores and written in input order, in one of several output
// formats. Every record is accounted for: an invalid one becomes an error
// record in its place, and the run goes on.
//
// One reader turns inputs into numbered chunks of records; workers parse,
// score and encode each chunk into bytes with buffers they reuse; one
// writer puts the chunks back in order. The channels between them are
// small and fixed, so memory stays flat however long the input is.
package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// Options configure a run.
type Options struct {
	Bank    *quiz.Bank
	Model   *scoring.Model
	Lookup  *Lookup
	Inputs  []Input
	Stdin   io.Reader
	Columns *Columns // CSV headers → question ids; nil maps ids and question texts only
	Partial bool     // score sets with unanswered questions instead of refusing them
	// NA are the CSV cells that mean "not answered" (compared ignoring
	// case and surrounding space); nil means DefaultNA. An empty cell is
	// always unanswered; a cell that names an option is that option.
	NA []string
	// NoSource leaves each record's source out of the output, and ids
	// empty where a record has none, so a record's output depends on
	// that record alone: the same whether the input is scored in one run
	// or split into parts scored apart (notes still name the source).
	NoSource bool
	// FailFast stops at the first invalid record, after writing it.
	FailFast bool
	Workers  int // 0: one per CPU
	Encoder  Encoder
	Out      io.Writer
	// Note is called on the writer's goroutine, in input order, with a
	// line for each invalid record and each unmet expectation, and for
	// warnings about inputs (an ignored CSV column).
	Note func(line string)
	// NewTally, when set, returns an empty tally: each chunk's valid
	// records are added to one on the worker that scores them, and the
	// chunks' tallies are merged in input order into Summary.Tally.
	NewTally func() Tally
}

// Tally accumulates what a caller measures over valid records (pmfit
// analyze). Merging the tallies of a run's chunks in input order gives
// the tally of the whole run.
type Tally interface {
	Add(answers quiz.Answers, res *scoring.Result, expect, also int)
	Merge(other Tally)
}

// roles are the roles a record expects: the one expected first, and an
// acceptable second; -1 for none.
type roles struct{ expect, also int }

var noRoles = roles{-1, -1}

// A chunk holds up to chunkSize bytes of records (or one longer record)
// and at most chunkRecords records: large enough to amortize the channel
// hand-offs, small enough that a chunk's output (an error record for
// each of 100,000 one-byte lines would be megabytes) stays small too.
// inFlightBytes bounds the input bytes read but not yet written, whatever
// the size of rows, lines or files; a chunk larger than it (one answer
// file of up to quiz.MaxFileBytes) waits until it is alone in flight.
const (
	chunkSize     = 256 << 10
	chunkRecords  = 512
	maxLineLength = 1 << 20
	inFlightBytes = 4 << 20
	byteToken     = 64 << 10 // the bytes one token of the in-flight budget stands for
)

// DefaultNA are the missing-value cells spreadsheets and data tools
// write: R's NA, pandas' NaN and null, N/A, and a lone dash.
var DefaultNA = []string{"NA", "N/A", "NaN", "null", "-"}

// MaxWorkers is the most workers a run starts: scoring is CPU-bound and
// the input is read by one goroutine, so workers past the CPUs the
// runtime uses add no speed, only the memory each holds.
func MaxWorkers() int { return runtime.GOMAXPROCS(0) }

type chunkKind int

const (
	kindNDJSON chunkKind = iota // data holds whole lines
	kindRows                    // rows hold CSV records
	kindFile                    // data holds one answer file
	kindFailed                  // an input (or a line) that could not be read
	kindNote                    // a warning about an input, no record
)

type chunk struct {
	seq    int
	tokens int // of the in-flight byte budget, held until written
	size   int // bytes(), as counted in flight
	kind   chunkKind
	name   string // the input, as sources name it
	line   int    // the first line's number
	data   []byte
	buf    *[]byte // data's pooled buffer, to return
	rows   []csvRow
	cols   *csvColumns
	err    error

	// Filled in by a worker.
	out   *[]byte
	sum   Summary
	tally Tally
	notes []string
	stop  int // fail-fast: where out ends after the first invalid record; -1 when none
}

// freeBufs recycles chunk buffers. A fixed free list rather than a
// sync.Pool: the pool is emptied at every garbage collection, and then
// each chunk pays for a fresh, zeroed quarter-megabyte.
var freeBufs = make(chan *[]byte, 64)

func getBuf() *[]byte {
	select {
	case b := <-freeBufs:
		*b = (*b)[:0]
		return b
	default:
		b := make([]byte, 0, chunkSize)
		return &b
	}
}

func putBuf(b *[]byte) {
	// Buffers grown for a long line are dropped, not kept: a free list of
	// megabyte buffers would hold the memory the bound is there to spare.
	if b == nil || cap(*b) > 2*chunkSize {
		return
	}
	select {
	case freeBufs <- b:
	default:
	}
}

// Run scores every input and writes the results. It returns an error only
// for failures not caused by the input, writing the output above all;
// invalid records are counted in the summary.
func Run(opts Options) (Summary, error) {
	sum := Summary{Top: make([]int, len(opts.Bank.Roles))}
	workers := opts.Workers
	if workers <= 0 || workers > MaxWorkers() {
		workers = MaxWorkers()
	}
	sum.Workers = workers
	body, err := opts.Encoder.Begin(opts.Out)
	if err != nil {
		return sum, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	jobs := make(chan *chunk, 2*workers)
	results := make(chan *chunk, 2*workers)
	// slots bounds the chunks between being read and being written: one
	// slow record (a large answer file) ahead of a long input must not
	// let the chunks after it pile up waiting for their turn.
	slots := make(chan struct{}, maxInFlight(workers))
	tokens := make(chan struct{}, inFlightBytes/byteToken)
	var inFlight, peak atomic.Int64 // input bytes read and not yet written
	go func() {
		defer close(jobs)
		(&reader{opts: &opts, ctx: ctx, jobs: jobs, slots: slots, tokens: tokens, inFlight: &inFlight, peak: &peak}).run()
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker(&opts)
			for c := range jobs {
				w.process(c)
				results <- c
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Put chunks back in input order as they come.
	lead := 0
	if lt, ok := opts.Encoder.(leadTrimmer); ok {
		lead = lt.lead()
	}
	pending := map[int]*chunk{}
	next, first := 0, true
	var writeErr error
	for c := range results {
		pending[c.seq] = c
		for {
			c, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			for range c.tokens {
				<-tokens
			}
			inFlight.Add(-int64(c.size))
			if sum.Stopped || writeErr != nil {
				recycle(c)
				continue
			}
			data := *c.out
			if opts.FailFast && c.stop >= 0 {
				data = data[:c.stop]
				sum.Stopped = true
				cancel()
			}
			if first && len(data) > 0 {
				data, first = data[lead:], false
			}
			if _, err := body.Write(data); err != nil {
				writeErr = err
				cancel()
			}
			sum.add(c.sum)
			if c.tally != nil {
				if sum.Tally == nil {
					sum.Tally = c.tally
				} else {
					sum.Tally.Merge(c.tally)
				}
			}
			for _, n := range c.notes {
				if opts.Note != nil {
					opts.Note(n)
				}
			}
			recycle(c)
		}
	}
	sum.PeakBytes = int(peak.Load())
	if writeErr != nil {
		return sum, writeErr
	}
	return sum, opts.Encoder.End(opts.Out, &sum)
}

// maxInFlight is how many chunks may be read but not yet written: enough
// to keep every worker busy while the writer waits for the next in order.
func maxInFlight(workers int) int { return 4*workers + 2 }

// bytes is how much input a chunk holds.
func (c *chunk) bytes() int {
	n := len(c.data)
	for _, row := range c.rows {
		for _, f := range row.fields {
			n += len(f)
		}
	}
	return n
}

func recycle(c *chunk) {
	putBuf(c.buf)
	putBuf(c.out)
	c.buf, c.out, c.data = nil, nil, nil
}

// errLineTooLong reports a line over maxLineLength.
var errLineTooLong error = lineTooLong{}

type lineTooLong struct{}

func (lineTooLong) Error() string { return fmt.Sprintf("line is longer than %d bytes", maxLineLength) }

// worker holds what one goroutine reuses from record to record.
type worker struct {
	opts    *Options
	parser  *ndjsonParser
	answers quiz.Answers
	res     scoring.Result
	src     []byte
	outcome Outcome // reused: passed to an interface, a local would escape
	// savedPartial: the answer file being scored is a result pmfit saved
	// from a partial set (quiz.AnswerSet.Partial).
	savedPartial bool
}

func newWorker(opts *Options) *worker {
	return &worker{opts: opts, parser: newNDJSONParser(opts.Lookup), answers: opts.Bank.NewAnswers()}
}

func (w *worker) process(c *chunk) {
	c.out = getBuf()
	c.stop = -1
	c.sum.Top = make([]int, len(w.opts.Bank.Roles))
	if w.opts.NewTally != nil && c.kind != kindNote {
		c.tally = w.opts.NewTally()
	}
	switch c.kind {
	case kindNDJSON:
		w.ndjson(c)
	case kindRows:
		w.csvRows(c)
	case kindFile:
		set, err := quiz.ParseAnswerFile(w.opts.Bank, c.name, c.data)
		var id []byte
		want := noRoles
		if err == nil {
			w.savedPartial = set.Partial
			copy(w.answers, set.Answers)
			if set.ID != "" {
				id = []byte(set.ID)
			}
			if set.Expect != "" {
				want.expect, _ = w.opts.Bank.Role(set.Expect)
			}
			if set.Also != "" {
				want.also, _ = w.opts.Bank.Role(set.Also)
			}
		}
		w.record(c, id, []byte(c.name), err, want)
		w.savedPartial = false
	case kindFailed:
		w.record(c, nil, []byte(c.source()), c.err, noRoles)
	case kindNote:
		c.notes = append(c.notes, c.err.Error())
	}
}

func (c *chunk) source() string {
	if c.line > 0 {
		return c.name + ":" + strconv.Itoa(c.line)
	}
	return c.name
}

// ndjson scores each line of a chunk of NDJSON.
func (w *worker) ndjson(c *chunk) {
	data, line := c.data, c.line
	for len(data) > 0 && c.stop < 0 {
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
		if len(bytes.TrimSpace(l)) > 0 {
			w.src = strconv.AppendInt(append(append(w.src[:0], c.name...), ':'), int64(line), 10)
			if len(l) > maxLineLength {
				// The reader bounds its buffers near this size; the limit
				// itself is enforced here, exactly, whatever they hold.
				w.record(c, nil, w.src, errLineTooLong, noRoles)
				line++
				continue
			}
			rec, err := w.parser.parse(l, w.answers)
			var id []byte
			if rec.hasID {
				id = rec.id
			}
			w.record(c, id, w.src, err, roles{rec.expect, rec.also})
		}
		line++
	}
}

// record checks, scores and encodes one answer set, now in w.answers.
// A record without an id (nil) is known by its source.
func (w *worker) record(c *chunk, id, src []byte, err error, want roles) {
	c.sum.Records++
	note := src
	if w.opts.NoSource {
		src = nil
	} else if id == nil {
		id = src
	}
	partial := w.opts.Partial || w.savedPartial
	if err == nil && !partial {
		err = w.checkComplete()
	}
	if err == nil && partial && w.answers.Count() == 0 {
		err = errors.New("no question is answered") // complete sets have answers
	}
	o := &w.outcome
	*o = Outcome{ID: id, Source: src, Err: err, Result: &w.res, Expect: want.expect, Also: want.also}
	if err == nil {
		o.Answers = w.answers
	}
	if err != nil {
		c.sum.Invalid++
		*c.out = w.opts.Encoder.Append(*c.out, o)
		c.notes = append(c.notes, noteLine(note, err))
		if w.opts.FailFast {
			c.stop = len(*c.out)
		}
		return
	}
	w.opts.Model.ScoreInto(&w.res, w.answers)
	c.sum.Scored++
	c.sum.Top[w.res.Top()]++
	if c.tally != nil {
		c.tally.Add(w.answers, &w.res, want.expect, want.also)
	}
	if want.expect >= 0 {
		if o.Met() {
			c.sum.Met++
		} else {
			c.sum.Unmet++
			who := id
			if len(who) == 0 {
				who = note
			}
			c.notes = append(c.notes, quiz.Sanitize(string(who))+": "+o.Unmet(w.opts.Bank))
		}
	}
	*c.out = w.opts.Encoder.Append(*c.out, o)
}

// note formats an invalid record for stderr: its source, then what was
// wrong. Messages that already start with their file (answer files) keep
// their own positions.
func noteLine(src []byte, err error) string {
	msg := quiz.Sanitize(err.Error())
	var fe *quiz.FileError
	if errors.As(err, &fe) {
		return msg
	}
	return quiz.Sanitize(string(src)) + ": " + msg
}

// checkComplete refuses a set with unanswered questions, listing them.
func (w *worker) checkComplete() error {
	for _, a := range w.answers {
		if !a.Set {
			missing := w.opts.Bank.Missing(w.answers)
			return fmt.Errorf("missing answers for %d of %d questions: %s", len(missing), len(w.answers), joinIDs(missing))
		}
	}
	return nil
}

func joinIDs(ids []string) string {
	const show = 8
	if len(ids) <= show {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:show], ", ") + fmt.Sprintf(" and %d more", len(ids)-show)
}
