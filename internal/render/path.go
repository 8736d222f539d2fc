package render

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// PathJSON is what it would take a role to rank first (docs/path.md):
// `pmfit path --format json`, and a result's "path" when --to asks.
type PathJSON struct {
	To string `json:"to"`
	// Reachable: a route exists that changes no fact (changes of focus
	// and practice alone). When it is false, Why says what stands in the
	// way, and Changes, when not empty, is the route changing the fewest
	// facts.
	Reachable bool `json:"reachable"`
	// Exact: no shorter route exists. False when the search stopped at its
	// work budget: the shortest route is then no longer than Changes.
	Exact     bool             `json:"exact"`
	Changes   []PathChangeJSON `json:"changes"`
	FitBefore Points           `json:"fit_before"`
	// FitAfter is the role's fit after the changes; null when no route
	// was found.
	FitAfter *Points      `json:"fit_after"`
	Why      []string     `json:"why"`
	Caveats  []CaveatJSON `json:"caveats"`
}

// PathChangeJSON is one answer to change, its values in the forms answer
// files use.
type PathChangeJSON struct {
	Question string `json:"question"`
	From     any    `json:"from"`
	To       any    `json:"to"`
	// Effect is how far the role's fit after the route would fall were
	// this change alone taken back.
	Effect Points `json:"effect"`
	// Dimension is the dimension the change moves most.
	Dimension string `json:"dimension"`
	// Fact marks an answer a person cannot change by deciding to.
	Fact bool `json:"fact"`
	// Instead is the role that would rank first were this change alone
	// taken back.
	Instead string `json:"instead"`
}

// CaveatJSON is something the bank's source says about the role that
// applies where the person is, or where the route would leave them.
type CaveatJSON struct {
	Dimension string `json:"dimension"`
	Text      string `json:"text"`
	Source    string `json:"source,omitempty"`
}

// Path builds the JSON view of a route.
func Path(p i18n.Printer, b *quiz.Bank, answers quiz.Answers, r *scoring.Route) PathJSON {
	v := PathJSON{To: b.Roles[r.To].ID, Reachable: r.Possible && r.Reachable, Exact: r.Exact,
		Changes: []PathChangeJSON{}, FitBefore: Points(r.FitBefore), Why: []string{}, Caveats: []CaveatJSON{}}
	if r.Possible {
		after := Points(r.FitAfter)
		v.FitAfter = &after
	}
	for _, c := range r.Changes {
		v.Changes = append(v.Changes, PathChangeJSON{
			Question: b.Questions[c.Question].ID, From: b.AnswerValue(c.Question, c.From), To: b.AnswerValue(c.Question, c.To),
			Effect: Points(c.Effect), Dimension: dimensionID(b, c.Dimension), Fact: b.Questions[c.Question].Fact,
			Instead: b.Roles[c.Instead].ID,
		})
	}
	v.Why = append(v.Why, pathWhy(p, b, answers, r)...)
	for _, c := range pathCaveats(b, r) {
		cj := CaveatJSON{Dimension: b.Dimensions[c.Dimension].ID, Text: c.Text}
		if ref, ok := b.Reference(c.Reference); ok {
			cj.Source = ref.Name
		}
		v.Caveats = append(v.Caveats, cj)
	}
	return v
}

func dimensionID(b *quiz.Bank, d int) string {
	if d < 0 {
		return ""
	}
	return b.Dimensions[d].ID
}

// pathWhy says what stands in the way when no route changes choices
// alone: the facts the route changes, or why there is no route at all.
func pathWhy(p i18n.Printer, b *quiz.Bank, answers quiz.Answers, r *scoring.Route) []string {
	role := b.Roles[r.To].Name
	var why []string
	switch {
	case r.Unscored:
		why = append(why, p.T(i18n.PathWhyUnscored, role))
	case !r.Possible && r.Exact:
		why = append(why, p.T(i18n.PathWhyNone, role))
	case !r.Possible:
		why = append(why, p.T(i18n.PathWhyBudget, role))
	case len(r.Facts) > 0:
		if r.Exact {
			why = append(why, p.T(i18n.PathWhyFacts, role))
		} else {
			why = append(why, p.T(i18n.PathWhyFactsBudget, role))
		}
		for _, qi := range r.Facts {
			why = append(why, p.T(i18n.PathWhyFact, b.Questions[qi].Text, b.FormatLabel(qi, answers[qi])))
		}
	}
	if !r.Possible {
		if open := len(answers) - answers.Count(); open > 0 {
			why = append(why, p.T(i18n.PathWhyOpen, open))
		}
	}
	return why
}

// pathCaveats are the role's caveats that apply where the person is now
// or where the route would leave them: a startup PM is told that a TPM
// role seldom exists at a startup, whether or not the route moves them.
func pathCaveats(b *quiz.Bank, r *scoring.Route) []quiz.Caveat {
	if !r.Possible {
		return nil
	}
	var out []quiz.Caveat
	for _, c := range b.Roles[r.To].Caveats {
		before, after := r.Before[c.Dimension], r.After[c.Dimension]
		if before.Scored && c.Applies(before.Score) || after.Scored && c.Applies(after.Score) {
			out = append(out, c)
		}
	}
	return out
}

// PathGroup is the changes of a route that move one dimension most,
// told by what moving that way means for work.
type PathGroup struct {
	Dimension int
	Toward    string // "Spend more of your week with development teams"
	Changes   []scoring.RouteChange
	Effect    float64 // the changes' effects, summed
}

// PathGroups groups a route's changes that are not facts by the
// dimension each moves most, the group with the largest effect first
// (then bank order); facts are the changes to facts, in bank order.
func PathGroups(p i18n.Printer, b *quiz.Bank, r *scoring.Route) (groups []PathGroup, facts []scoring.RouteChange) {
	at := map[int]int{}
	for _, c := range r.Changes {
		if b.Questions[c.Question].Fact {
			facts = append(facts, c)
			continue
		}
		i, ok := at[c.Dimension]
		if !ok {
			i = len(groups)
			at[c.Dimension] = i
			groups = append(groups, PathGroup{Dimension: c.Dimension, Toward: toward(p, b, r, c.Dimension)})
		}
		groups[i].Changes = append(groups[i].Changes, c)
		groups[i].Effect += c.Effect
	}
	slices.SortStableFunc(groups, func(x, y PathGroup) int {
		if c := cmp.Compare(Round1(y.Effect), Round1(x.Effect)); c != 0 {
			return c
		}
		return cmp.Compare(x.Dimension, y.Dimension)
	})
	return groups, facts
}

// toward says what the route's move on dimension d means: the bank's
// words for that direction, or else the end it moves toward.
func toward(p i18n.Printer, b *quiz.Bank, r *scoring.Route, d int) string {
	if d < 0 {
		return p.T(i18n.PathOther)
	}
	dim := b.Dimensions[d]
	up := r.After[d].Score >= r.Before[d].Score
	switch {
	case up && dim.TowardHigh != "":
		return dim.TowardHigh
	case !up && dim.TowardLow != "":
		return dim.TowardLow
	case up:
		return p.T(i18n.PathToward, dim.Name, dim.High)
	}
	return p.T(i18n.PathToward, dim.Name, dim.Low)
}

// PathText is `pmfit path`: how the role ranks now, the route grouped by
// what it means for work, the facts it changes kept apart, and the
// role's caveats where the route leaves the person. rank is the role's
// place now (1 for first), of roles.
func PathText(out io.Writer, t *Theme, b *quiz.Bank, answers quiz.Answers, r *scoring.Route, rank, roles int) error {
	w := &errWriter{w: out}
	role := b.Roles[r.To].Name
	fmt.Fprintln(w, t.Heading.Sprint(t.P.T(i18n.PathTitle, role)))
	fmt.Fprintln(w)
	switch {
	case r.Possible && len(r.Changes) == 0:
		t.writeWrapped(w, "", 0, t.P.T(i18n.PathAlready, role, Round1(r.FitBefore)))
		return w.err
	case !r.Possible:
		t.writeWrapped(w, "", 0, t.P.T(i18n.PathNow, role, Round1(r.FitBefore), rank, roles))
		for _, why := range pathWhy(t.P, b, answers, r) {
			t.writeWrapped(w, "  ", 2, why)
		}
		return w.err
	}
	t.writeWrapped(w, "", 0, t.P.T(i18n.PathNow, role, Round1(r.FitBefore), rank, roles)+" "+PathCount(t.P, r))
	groups, facts := PathGroups(t.P, b, r)
	for _, g := range groups {
		fmt.Fprintln(w)
		t.writeWrapped(w, "", 0, t.Strong.Sprint(g.Toward))
		for _, c := range g.Changes {
			t.writeChange(w, b, c)
		}
	}
	if len(facts) > 0 {
		fmt.Fprintln(w)
		t.writeWrapped(w, "", 0, t.Strong.Sprint(t.P.T(i18n.PathFacts)))
		for _, why := range pathWhy(t.P, b, answers, r) {
			t.writeWrapped(w, "  ", 2, t.Dim.Sprint(why))
		}
		for _, c := range facts {
			t.writeChange(w, b, c)
		}
	}
	for _, c := range pathCaveats(b, r) {
		fmt.Fprintln(w)
		text := c.Text
		if ref, ok := b.Reference(c.Reference); ok {
			text += " " + t.Dim.Sprintf("[%s]", strings.ReplaceAll(ref.Name, " ", "\u00a0"))
		}
		t.writeWrapped(w, "", 0, t.Accent.Sprint(t.P.T(i18n.PathCaveat))+" "+text)
	}
	return w.err
}

// PathCount says how many changes make the role first, and whether fewer
// could.
func PathCount(p i18n.Printer, r *scoring.Route) string {
	n, fit := len(r.Changes), Round1(r.FitAfter)
	switch {
	case !r.Exact:
		return p.T(i18n.PathCountFound, n, fit)
	case n == 1:
		return p.T(i18n.PathCountOne, fit)
	}
	return p.T(i18n.PathCount, n, fit)
}

// writeChange writes one change: its effect, the question, and the
// answer now and after.
func (t *Theme) writeChange(w io.Writer, b *quiz.Bank, c scoring.RouteChange) {
	mark, style := "▲", t.Good
	if Round1(c.Effect) < 0 {
		mark, style = "▼", t.Bad
	}
	if t.Plain {
		mark = " "
	}
	q := b.Questions[c.Question]
	first := fmt.Sprintf("  %s %s  ", style.Sprint(mark), style.Sprint(padRight(t.P.Number(math.Abs(c.Effect), 1), 5)))
	t.writeWrapped(w, first, 11, q.Text)
	pad := strings.Repeat(" ", 11)
	for _, line := range ChangeLines(t.P, b, c) {
		t.writeWrapped(w, pad, 13, line)
	}
	if Round1(c.Effect) <= 0 {
		// It lowers the role's fit, or leaves it: what it does is hold a
		// rival back, and saying which makes sense of the change.
		t.writeWrapped(w, strings.Repeat(" ", 11), 11, t.Dim.Sprint(t.P.T(i18n.PathHoldsBack, b.Roles[c.Instead].Name)))
	}
}

// writePathSummary is the results screen's short "What it would take":
// how many changes would rank the role first, and what they mean for
// work, one line each, with the command that lists them.
func (t *Theme) writePathSummary(w io.Writer, b *quiz.Bank, r *scoring.Route) {
	role := b.Roles[r.To]
	t.section(w, t.P.T(i18n.PathTitle, role.Name))
	if !r.Possible || len(r.Changes) == 0 {
		if !r.Possible {
			t.writeWrapped(w, "  ", 2, t.P.T(i18n.PathNone, role.Name))
		} else {
			t.writeWrapped(w, "  ", 2, t.P.T(i18n.PathAlready, role.Name, Round1(r.FitBefore)))
		}
		return
	}
	t.writeWrapped(w, "  ", 2, PathCount(t.P, r))
	groups, facts := PathGroups(t.P, b, r)
	bullet := "•"
	if t.Plain {
		bullet = "-"
	}
	for _, g := range groups {
		line := t.P.T(i18n.PathGroupLine, g.Toward, len(g.Changes))
		if len(g.Changes) == 1 {
			line = t.P.T(i18n.PathGroupLineOne, g.Toward)
		}
		t.writeWrapped(w, "  "+bullet+" ", 4, line)
	}
	if len(facts) > 0 {
		t.writeWrapped(w, "  "+bullet+" ", 4, t.P.T(i18n.PathFactsLine, len(facts)))
	}
	for _, c := range pathCaveats(b, r) {
		t.writeWrapped(w, "  "+bullet+" ", 4, c.Text)
	}
	t.writeWrapped(w, "  ", 2, t.Dim.Sprint(t.P.T(i18n.PathMore, role.ID)))
}

// ChangeLines says what a change asks: the answer now and after, or, for
// a multi-select, the options to add and to drop (the whole lists before
// and after would bury the difference).
func ChangeLines(p i18n.Printer, b *quiz.Bank, c scoring.RouteChange) []string {
	q := &b.Questions[c.Question]
	if q.Kind != quiz.Multi {
		return []string{p.T(i18n.PathFromTo, b.FormatLabel(c.Question, c.From), b.FormatLabel(c.Question, c.To))}
	}
	labels := func(picks uint64) string {
		var ls []string
		for i, o := range q.Options {
			if picks&(1<<uint(i)) != 0 {
				ls = append(ls, o.Label)
			}
		}
		return strings.Join(ls, "; ")
	}
	var lines []string
	if add := c.To.Picks &^ c.From.Picks; add != 0 {
		lines = append(lines, p.T(i18n.PathAdd, labels(add)))
	}
	if drop := c.From.Picks &^ c.To.Picks; drop != 0 {
		lines = append(lines, p.T(i18n.PathDrop, labels(drop)))
	}
	return lines
}
