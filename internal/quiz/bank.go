// Package quiz holds the question bank (its model, loading and checks), the
// answers a person gives to it, and the interactive runner that asks them.
//
// Nothing here assumes product management: a bank names its own dimensions,
// roles and questions, and every other package works from those.
package quiz

import (
	_ "embed"
	"fmt"
	"strings"
)

// BankSchema is the JSON Schema (draft 2020-12) of a bank file, for
// `pmfit schema` and for editors (questions.yaml names it).
//
//go:embed bank.schema.json
var BankSchema []byte

// Kind is how a question is answered.
type Kind int

const (
	// Single is a choice of exactly one option.
	Single Kind = iota
	// Multi is a choice of one or more options.
	Multi
	// Likert is a point on an agreement scale.
	Likert
)

// String returns the name scripts see in `pmfit questions --format json`.
func (k Kind) String() string {
	switch k {
	case Single:
		return "single"
	case Multi:
		return "multi"
	case Likert:
		return "likert"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MaxOptions bounds the options of one question: multi-select answers are
// held as a bit set in a uint64, which keeps scoring free of allocation.
const MaxOptions = 64

// MaxDimensions bounds a bank's dimensions, so that per-dimension scratch
// space in scoring and analysis fits on the stack.
const MaxDimensions = 64

// Bank is a loaded, checked question bank. Its slices are in the order the
// file gives, and that order is meaningful: roles tie-break in it and
// questions are asked in it.
type Bank struct {
	ID       string
	Title    string
	Intro    string
	Language string // the language texts were resolved to
	// Gauge is the index of the dimension shown as a low↔high gauge on the
	// results screen, or -1 when the bank names none.
	Gauge      int
	Scale      Scale // the default Likert scale
	Dimensions []Dimension
	Roles      []Role
	Questions  []Question
	// References are what role facts cite: the bank's sources.
	References []Reference

	// Languages lists every language some text of the bank is written in.
	Languages []string

	questionByID  map[string]int
	dimensionByID map[string]int
	roleByID      map[string]int
}

// Dimension is one axis a person is measured on, scored 0–100.
type Dimension struct {
	ID   string
	Name string
	Low  string // what a score near 0 means
	High string // what a score near 100 means
	// TowardLow and TowardHigh say what moving toward each end means for
	// a person's work ("Spend more of your week with development teams"),
	// for routes to a role (pmfit path); optional.
	TowardLow, TowardHigh string

	Source Source
}

// Role is a job a person may fit, described by a target profile.
type Role struct {
	ID      string
	Name    string
	Summary string
	Profile []Target
	Facts   Facts
	Next    string // a next-step hint for someone who fits the role
	// Caveats are things to know when moving toward the role, each shown
	// when the person's score on a dimension is past a bound.
	Caveats []Caveat

	Source Source
}

// Caveat is something to know about a role that applies to a person
// whose score on Dimension is below Below (or, when Above is set, above
// Bound): "at a startup the role may not exist yet".
type Caveat struct {
	Dimension int
	Bound     float64
	Above     bool
	Text      string
	Reference string // a source id, when the bank lists sources
}

// Applies reports whether the caveat applies to a person at score on its
// dimension.
func (c Caveat) Applies(score float64) bool {
	if c.Above {
		return score > c.Bound
	}
	return score < c.Bound
}

// Target is where a role sits on one dimension and how much that matters.
type Target struct {
	Dimension int     // index into Bank.Dimensions
	Target    float64 // 0–100
	Weight    float64 // > 0
}

// Facts are what is known about a role, each with where it comes from.
// Every field is optional; empty means nothing is said.
type Facts struct {
	Salary     *Salary
	Background Fact
	Focus      Fact
	Teams      Fact
	Where      Fact
}

// Fact is one statement about a role and the reference it comes from
// (an id of Bank.References; empty when the bank cites none).
type Fact struct {
	Text      string
	Reference string
}

// Reference is a source a bank's facts come from.
type Reference struct {
	ID     string
	Name   string // a short label shown beside a fact: "the article"
	Title  string // what it is, in full: a title, an author
	URL    string // an http or https address to read it at, or empty
	Source Source
}

// Salary is an average salary and the year the figure is from.
type Salary struct {
	Amount    int
	Currency  string
	Year      int
	Note      string // where the figure itself comes from, in words
	Reference string // an id of Bank.References, or empty
}

// Scale is a Likert scale: integer points Min..Max, one label per point.
type Scale struct {
	Min, Max int
	Labels   []string
}

// Label returns the label of scale point v.
func (s Scale) Label(v int) string {
	if i := v - s.Min; i >= 0 && i < len(s.Labels) {
		return s.Labels[i]
	}
	return fmt.Sprint(v)
}

// Points is the number of points on the scale.
func (s Scale) Points() int { return s.Max - s.Min + 1 }

// Question is one item of the bank.
type Question struct {
	ID     string
	Kind   Kind
	Text   string
	Help   string
	Weight float64 // > 0; how much each of its items counts in a dimension
	// Fact marks a question about something a person cannot change by
	// deciding to (their degree, years in product): routes to a role
	// avoid changing it when they can.
	Fact bool

	// Options of a Single or Multi question.
	Options []Option
	// None is the index of the exclusive "none of these" option of a Multi
	// question, or -1.
	None int

	// Dimension, Reverse and Scale describe a Likert question: agreeing
	// moves Dimension up, or down when Reverse is set.
	Dimension int
	Reverse   bool
	Scale     Scale

	// Dimensions the question measures, in the bank's dimension order.
	Dimensions []int

	Source Source
}

// Option is one choice of a Single or Multi question.
type Option struct {
	Value string // what scripts pass
	Label string // what people read
	// Scores place a Single question's chosen option on dimensions (0–100).
	Scores []Position
	// Counts lists the dimensions a Multi option counts toward when chosen.
	Counts []int
	None   bool // the exclusive "none of these" option
}

// Position is a point on one dimension.
type Position struct {
	Dimension int
	At        float64 // 0–100
}

// Question returns the index of the question with the given id.
func (b *Bank) Question(id string) (int, bool) {
	i, ok := b.questionByID[id]
	return i, ok
}

// Dimension returns the index of the dimension with the given id.
func (b *Bank) Dimension(id string) (int, bool) {
	i, ok := b.dimensionByID[id]
	return i, ok
}

// Reference returns the reference with the given id.
func (b *Bank) Reference(id string) (Reference, bool) {
	for _, r := range b.References {
		if r.ID == id {
			return r, true
		}
	}
	return Reference{}, false
}

// Role returns the index of the role with the given id.
func (b *Bank) Role(id string) (int, bool) {
	i, ok := b.roleByID[id]
	return i, ok
}

// QuestionIDs lists every question id in bank order.
func (b *Bank) QuestionIDs() []string {
	ids := make([]string, len(b.Questions))
	for i, q := range b.Questions {
		ids[i] = q.ID
	}
	return ids
}

// RoleIDs lists every role id in bank order.
func (b *Bank) RoleIDs() []string {
	ids := make([]string, len(b.Roles))
	for i, r := range b.Roles {
		ids[i] = r.ID
	}
	return ids
}

// index builds the id lookups once, after loading.
func (b *Bank) index() {
	b.questionByID = make(map[string]int, len(b.Questions))
	for i, q := range b.Questions {
		b.questionByID[q.ID] = i
	}
	b.dimensionByID = make(map[string]int, len(b.Dimensions))
	for i, d := range b.Dimensions {
		b.dimensionByID[d.ID] = i
	}
	b.roleByID = make(map[string]int, len(b.Roles))
	for i, r := range b.Roles {
		b.roleByID[r.ID] = i
	}
}

// Allowed describes the values question q accepts, for error messages and
// `pmfit questions`.
func (q *Question) Allowed() string {
	switch q.Kind {
	case Likert:
		return fmt.Sprintf("an integer from %d to %d", q.Scale.Min, q.Scale.Max)
	case Multi:
		return "one or more of " + strings.Join(q.Values(), ", ")
	default:
		return "one of " + strings.Join(q.Values(), ", ")
	}
}

// Values lists the option values of a choice question.
func (q *Question) Values() []string {
	vs := make([]string, len(q.Options))
	for i, o := range q.Options {
		vs[i] = o.Value
	}
	return vs
}

// Option returns the index of the option with the given value.
func (q *Question) Option(value string) (int, bool) {
	for i := range q.Options {
		if q.Options[i].Value == value {
			return i, true
		}
	}
	return 0, false
}

// Indexed builds b's id lookups and returns it: for a Bank written as Go
// values (the built-in bank, decoded at build time) rather than loaded.
func Indexed(b *Bank) *Bank {
	b.index()
	return b
}
