package batch

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// Outcome is one record's result as an encoder sees it. Slices are only
// valid during the call.
type Outcome struct {
	ID     []byte // who answered, else where the record came from
	Source []byte // file:line, or the file
	Err    error  // set when the record is invalid
	Result *scoring.Result
	// Answers are the set's answers, valid for the call only (an encoder
	// that keeps them copies them); nil for an invalid record.
	Answers quiz.Answers
	Expect  int // the expected role's index, or -1
	Also    int // an acceptable second role's index, or -1
}

// Met reports whether the record's expectation held.
func (o *Outcome) Met() bool { return o.Err == nil && o.Expect >= 0 && o.Result.Top() == o.Expect }

// Unmet says how an expectation failed, with both fits.
func (o *Outcome) Unmet(b *quiz.Bank) string {
	top := o.Result.Roles[0]
	return fmt.Sprintf("expected %s (fit %.1f), but %s ranks first (fit %.1f)",
		b.Roles[o.Expect].ID, render.Round1(o.expectFit()), b.Roles[top.Role].ID, render.Round1(top.Fit))
}

// expectFit is the expected role's fit.
func (o *Outcome) expectFit() float64 {
	for _, rf := range o.Result.Roles {
		if rf.Role == o.Expect {
			return rf.Fit
		}
	}
	return 0
}

// Summary counts what a run did.
type Summary struct {
	Records int   // answer sets read, valid or not
	Scored  int   // valid and scored
	Invalid int   // invalid records
	Met     int   // expectations met
	Unmet   int   // expectations unmet
	Top     []int // per role: how many sets ranked it first
	Stopped bool  // --fail-fast stopped the run at an invalid record
	// Tally is the merged tally of the valid records, when
	// Options.NewTally was set (nil when no record was valid).
	Tally Tally
	// Workers is how many workers scored (Options.Workers, capped), and
	// PeakBytes the most input bytes that were read and not yet written
	// at any moment: what the run's memory bounds are about.
	Workers, PeakBytes int
}

func (s *Summary) add(o Summary) {
	s.Records += o.Records
	s.Scored += o.Scored
	s.Invalid += o.Invalid
	s.Met += o.Met
	s.Unmet += o.Unmet
	for i, n := range o.Top {
		s.Top[i] += n
	}
}

// Encoder writes one output format. Append is called from several
// workers at once and must depend only on its arguments; Begin and End
// run on the writer alone.
type Encoder interface {
	// Begin writes what comes before the records and returns where the
	// records go (out itself, or a spool the format needs).
	Begin(out io.Writer) (io.Writer, error)
	// Append appends one record.
	Append(b []byte, o *Outcome) []byte
	// End writes what comes after the records.
	End(out io.Writer, s *Summary) error
}

// leadTrimmer is an encoder whose records each start with a separator the
// very first one must drop (JSON arrays).
type leadTrimmer interface{ lead() int }

// Formats are the output formats batch scoring writes.
var Formats = []string{"text", "json", "ndjson", "csv", "junit"}

// NewEncoder returns the encoder for format.
func NewEncoder(format string, b *quiz.Bank) (Encoder, error) {
	keys := newKeys(b)
	switch format {
	case "ndjson":
		return &ndjsonEncoder{keys}, nil
	case "json":
		return &jsonEncoder{ndjsonEncoder{keys}}, nil
	case "csv":
		return &csvEncoder{keys}, nil
	case "junit":
		return &junitEncoder{k: keys}, nil
	case "text":
		return &textEncoder{keys}, nil
	}
	return nil, fmt.Errorf("unknown format %q (allowed: %s)", format, strings.Join(Formats, ", "))
}

// keys holds the bank's ids pre-rendered as output fragments.
type keys struct {
	bank     *quiz.Bank
	roleJSON [][]byte // `"pm":`
	dimJSON  [][]byte // `"background":`
	roleID   [][]byte // `"pm"`
}

func newKeys(b *quiz.Bank) *keys {
	k := &keys{bank: b}
	for _, r := range b.Roles {
		k.roleID = append(k.roleID, appendJSONString(nil, r.ID))
		k.roleJSON = append(k.roleJSON, append(appendJSONString(nil, r.ID), ':'))
	}
	for _, d := range b.Dimensions {
		k.dimJSON = append(k.dimJSON, append(appendJSONString(nil, d.ID), ':'))
	}
	return k
}

// ndjsonEncoder writes one JSON object per line:
//
//	{"id":…,"source":…,"top":"tpm","fit":89.2,"certainty":"high","margin":8.3,"flat":false,
//	 "coverage":1,"roles":{"pm":44.7,…},"dimensions":{"background":100.0,…},
//	 "expect":"tpm","expect_fit":89.2,"met":true}
//	{"id":…,"source":…,"error":"…"}
type ndjsonEncoder struct{ k *keys }

func (e *ndjsonEncoder) Begin(out io.Writer) (io.Writer, error) { return out, nil }
func (e *ndjsonEncoder) End(io.Writer, *Summary) error          { return nil }

func (e *ndjsonEncoder) Append(b []byte, o *Outcome) []byte {
	return append(e.object(b, o), '\n')
}

func (e *ndjsonEncoder) object(b []byte, o *Outcome) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, o.ID)
	b = append(b, `,"source":`...)
	b = appendJSONString(b, o.Source)
	if o.Err != nil {
		b = append(b, `,"error":`...)
		b = appendJSONString(b, o.Err.Error())
		return append(b, '}')
	}
	r := o.Result
	top := r.Roles[0]
	b = append(b, `,"top":`...)
	b = append(b, e.k.roleID[top.Role]...)
	b = append(b, `,"fit":`...)
	b = appendTenths(b, top.Fit)
	b = append(b, `,"certainty":"`...)
	b = append(b, r.Certainty.Level...)
	b = append(b, `","margin":`...)
	b = appendTenths(b, r.Certainty.Margin)
	b = append(b, `,"flat":`...)
	b = strconv.AppendBool(b, r.Certainty.Flat)
	b = append(b, `,"coverage":`...)
	b = appendShare(b, r.Coverage())
	b = append(b, `,"roles":{`...)
	// Bank order, so every line has the same keys in the same order.
	var byRole [maxRolesInline]*scoring.RoleFit
	fits := fitsByRole(r, byRole[:0])
	for i := range e.k.roleJSON {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.k.roleJSON[i]...)
		if f := fits[i]; f.Scored {
			b = appendTenths(b, f.Fit)
		} else {
			b = append(b, "null"...)
		}
	}
	b = append(b, `},"dimensions":{`...)
	for i, d := range r.Dimensions {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.k.dimJSON[i]...)
		if d.Scored {
			b = appendTenths(b, d.Score)
		} else {
			b = append(b, "null"...)
		}
	}
	b = append(b, '}')
	if o.Expect >= 0 {
		b = append(b, `,"expect":`...)
		b = append(b, e.k.roleID[o.Expect]...)
		b = append(b, `,"expect_fit":`...)
		b = appendTenths(b, o.expectFit())
		b = append(b, `,"met":`...)
		b = strconv.AppendBool(b, o.Met())
	}
	return append(b, '}')
}

// maxRolesInline covers the banks the loader accepts, so fitsByRole's
// index lives on the stack.
const maxRolesInline = 100

// fitsByRole indexes a result's ranked fits by role, in bank order.
func fitsByRole(r *scoring.Result, out []*scoring.RoleFit) []*scoring.RoleFit {
	out = out[:len(r.Roles)]
	for i := range r.Roles {
		out[r.Roles[i].Role] = &r.Roles[i]
	}
	return out
}

// jsonEncoder writes one document, records as the NDJSON objects:
//
//	{"results": [ {…}, … ], "summary": {…}}
type jsonEncoder struct{ ndjsonEncoder }

func (e *jsonEncoder) Begin(out io.Writer) (io.Writer, error) {
	_, err := io.WriteString(out, "{\n  \"results\": [")
	return out, err
}

func (e *jsonEncoder) lead() int { return 1 }

func (e *jsonEncoder) Append(b []byte, o *Outcome) []byte {
	b = append(b, ",\n    "...)
	return e.object(b, o)
}

func (e *jsonEncoder) End(out io.Writer, s *Summary) error {
	b := []byte("\n  ],\n  \"summary\": {")
	if s.Records == 0 {
		b = []byte("],\n  \"summary\": {")
	}
	b = fmt.Appendf(b, `"records":%d,"scored":%d,"invalid":%d,"expectations":{"met":%d,"unmet":%d},"stopped":%t,"top":{`, s.Records, s.Scored, s.Invalid, s.Met, s.Unmet, s.Stopped)
	for i, n := range s.Top {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.k.roleJSON[i]...)
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, "}}\n}\n"...)
	_, err := out.Write(b)
	return err
}

// csvEncoder writes a header, then one row per record:
//
//	id,source,top,fit,certainty,coverage,expect,met,fit_pm,…,score_background,…,error
//
// Text from inputs (id, source, error) goes through appendCSVText, so no
// cell can plant a spreadsheet formula.
type csvEncoder struct{ k *keys }

func (e *csvEncoder) Begin(out io.Writer) (io.Writer, error) {
	b := []byte("id,source,top,fit,certainty,coverage,expect,met")
	for _, r := range e.k.bank.Roles {
		b = appendCSVField(append(b, ','), "fit_"+r.ID)
	}
	for _, d := range e.k.bank.Dimensions {
		b = appendCSVField(append(b, ','), "score_"+d.ID)
	}
	b = append(b, ",error\n"...)
	_, err := out.Write(b)
	return out, err
}

func (e *csvEncoder) End(io.Writer, *Summary) error { return nil }

func (e *csvEncoder) Append(b []byte, o *Outcome) []byte {
	b = appendCSVText(b, o.ID)
	b = append(b, ',')
	b = appendCSVText(b, o.Source)
	if o.Err != nil {
		// Empty fields from top to the last score, then the error.
		b = append(b, strings.Repeat(",", 7+len(e.k.roleID)+len(e.k.dimJSON))...)
		b = appendCSVText(b, o.Err.Error())
		return append(b, '\n')
	}
	r := o.Result
	b = append(b, ',')
	b = append(b, e.k.bank.Roles[r.Top()].ID...)
	b = append(b, ',')
	b = appendTenths(b, r.Roles[0].Fit)
	b = append(b, ',')
	b = append(b, r.Certainty.Level...)
	b = append(b, ',')
	b = appendShare(b, r.Coverage())
	b = append(b, ',')
	if o.Expect >= 0 {
		b = append(b, e.k.bank.Roles[o.Expect].ID...)
		b = append(b, ',')
		b = strconv.AppendBool(b, o.Met())
	} else {
		b = append(b, ',')
	}
	var byRole [maxRolesInline]*scoring.RoleFit
	for _, f := range fitsByRole(r, byRole[:0]) {
		b = append(b, ',')
		if f.Scored {
			b = appendTenths(b, f.Fit)
		}
	}
	for _, d := range r.Dimensions {
		b = append(b, ',')
		if d.Scored {
			b = appendTenths(b, d.Score)
		}
	}
	return append(b, ",\n"...)
}

// junitEncoder writes JUnit XML: a test case per record with an
// expectation, and per invalid record, so CI dashboards show the checks.
// Each test case's file attribute names the record's source: GitLab reads
// it; the strict Ant XSD, which does not define it, rejects only it
// (README).
// The suite's counts come first in the XML but are known only at the end,
// so test cases are spooled to a temporary file meanwhile.
type junitEncoder struct {
	k     *keys
	spool *os.File
}

func (e *junitEncoder) Begin(io.Writer) (io.Writer, error) {
	f, err := os.CreateTemp("", "pmfit-junit-*.xml")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // gone when closed; nothing left behind
	e.spool = f
	return f, nil
}

func (e *junitEncoder) Append(b []byte, o *Outcome) []byte {
	if o.Err == nil && o.Expect < 0 {
		return b // nothing was checked
	}
	// time is required by strict (Ant-style) JUnit schemas; scoring one
	// set takes well under a millisecond, and a constant keeps the output
	// the same from run to run.
	b = append(b, `    <testcase classname="pmfit.score" name="`...)
	b = appendXML(b, string(o.ID))
	b = append(b, `" file="`...)
	b = appendXML(b, string(o.Source))
	b = append(b, `" time="0">`...)
	switch {
	case o.Err != nil:
		b = append(b, "\n      <error type=\"invalid\" message=\""...)
		b = appendXML(b, o.Err.Error())
		b = append(b, "\"></error>\n    "...)
	case !o.Met():
		b = append(b, "\n      <failure type=\"unmet\" message=\""...)
		b = appendXML(b, o.Unmet(e.k.bank))
		b = append(b, "\"></failure>\n    "...)
	}
	return append(b, "</testcase>\n"...)
}

func (e *junitEncoder) End(out io.Writer, s *Summary) error {
	defer e.spool.Close()
	tests := s.Met + s.Unmet + s.Invalid
	head := fmt.Sprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pmfit\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n  <testsuite name=\"pmfit score\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"0\">\n",
		tests, s.Unmet, s.Invalid, tests, s.Unmet, s.Invalid)
	if _, err := io.WriteString(out, head); err != nil {
		return err
	}
	if _, err := e.spool.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(out, e.spool); err != nil {
		return err
	}
	_, err := io.WriteString(out, "  </testsuite>\n</testsuites>\n")
	return err
}

// textEncoder writes one row per record, then how many landed on each
// role. Ids are sanitized: a record's id must not drive the terminal.
type textEncoder struct{ k *keys }

func (e *textEncoder) Begin(out io.Writer) (io.Writer, error) { return out, nil }

func (e *textEncoder) Append(b []byte, o *Outcome) []byte {
	// One line per record: an id holding a line break must not fake a row.
	b = appendPadded(b, quiz.SanitizeLine(string(o.ID)), 28)
	b = append(b, ' ', ' ')
	if o.Err != nil {
		b = append(b, "invalid: "...)
		b = append(b, quiz.SanitizeLine(oneLine(o.Err.Error()))...)
		return append(b, '\n')
	}
	top := o.Result.Roles[0]
	b = appendPadded(b, e.k.bank.Roles[top.Role].Name, 26)
	b = append(b, ' ')
	b = append(b, fmt.Sprintf("%5.1f", render.Round1(top.Fit))...)
	if o.Expect >= 0 {
		if o.Met() {
			b = append(b, "  ✓"...)
		} else {
			b = append(b, fmt.Sprintf("  ✗ expected %s (%.1f)", e.k.bank.Roles[o.Expect].Name, render.Round1(o.expectFit()))...)
		}
	}
	return append(b, '\n')
}

func (e *textEncoder) End(out io.Writer, s *Summary) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d answer sets: %d scored, %d invalid", s.Records, s.Scored, s.Invalid)
	if s.Met+s.Unmet > 0 {
		fmt.Fprintf(&b, "; expectations: %d met, %d unmet", s.Met, s.Unmet)
	}
	b.WriteString(".\n")
	if s.Stopped {
		b.WriteString("Stopped at the first invalid record (--fail-fast).\n")
	}
	if s.Scored > 0 {
		b.WriteString("Top role:\n")
		for i, n := range s.Top {
			fmt.Fprintf(&b, "  %s %6d  %5.1f%%\n", padRunes(e.k.bank.Roles[i].Name, 28), n, 100*float64(n)/float64(s.Scored))
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func appendPadded(b []byte, s string, n int) []byte {
	b = append(b, s...)
	for i := textwidth.String(s); i < n; i++ {
		b = append(b, ' ')
	}
	return b
}

func padRunes(s string, n int) string {
	return string(appendPadded(nil, s, n))
}

// oneLine folds a multi-line message (a file's several problems) onto one
// line for a table row.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "; ") }

// Discard writes nothing, for runs that only tally (pmfit analyze).
var Discard Encoder = discardEncoder{}

type discardEncoder struct{}

func (discardEncoder) Begin(io.Writer) (io.Writer, error) { return io.Discard, nil }
func (discardEncoder) Append(b []byte, _ *Outcome) []byte { return b }
func (discardEncoder) End(io.Writer, *Summary) error      { return nil }
