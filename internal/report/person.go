package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
	"github.com/pmfit/pmfit/internal/shell"
)

// Person is what a person's report is drawn from.
type Person struct {
	Printer i18n.Printer
	Bank    *quiz.Bank
	Answers quiz.Answers
	// Result is the result's JSON view, as `pmfit score --format json`
	// writes it, with explanations for the roles to explain.
	Result render.ResultJSON
	// AnswersFile is where the answers are kept, for the command that
	// scores them again; "" when they are only in this page.
	AnswersFile string
	// Verdict is the result's headline and note, as every other screen
	// says them.
	Verdict render.Verdict
	// Made is when the report was drawn, shown beside who it is for.
	Made time.Time
	// Route is what it would take the runner-up (or the role asked about)
	// to rank first; nil when not worked out.
	Route *scoring.Route
}

// NewPerson is the report of a scored answer set: its JSON view (the
// contract `--format json` writes), with the bank's texts. id is who
// answered, if known; answersFile is where the answers are kept; made is
// the date the page carries.
func NewPerson(p i18n.Printer, b *quiz.Bank, answers quiz.Answers, res *scoring.Result, id, answersFile string, made time.Time) Person {
	return Person{Printer: p, Bank: b, Answers: answers, Result: render.Result(p, b, answers, res, id), AnswersFile: answersFile,
		Verdict: render.NewVerdict(p, b, res), Route: res.Route, Made: made}
}

// personPage is the person's report as its template reads it.
type personPage struct {
	page
	// The verdict: a headline naming two roles (Close, Headline), or Lead,
	// the role (its last word kept with the fit, so "· 94%" never starts a
	// line alone), Fit and After.
	Byline           string // who the report is for, and when it was drawn
	Close, TwoRoles  bool
	Headline, Lead   string
	TopHead, TopLast string
	Fit, After       string
	Note             string
	Level            string
	Separator        string
	Coverage         string

	Roles      []roleRow
	RolesH     float64
	RolesDesc  string
	Gauge      *gaugeView
	Profile    profileView
	Why        []whyView
	About      aboutView
	Path       *pathView
	AnswerRows []answerRow
	Rescore    string
	AnswerYAML string
	AnswersOf  string
}

type roleRow struct {
	ID, Name string
	Label    string // the name, cut to fit the chart
	Fit      float64
	Y, W     float64
	Top      bool
}

type gaugeView struct {
	Title, Low, High, Sentence string
	Score, XScore              float64
	Desc                       string
}

type profileView struct {
	Title, RoleLegend string
	Rows              []dimRow
	H                 float64
	Desc              string
}

type dimRow struct {
	ID, Name  string
	Label     string // the name, cut to fit the chart
	Scored    bool
	Score     float64
	HasTarget bool
	Target    float64
	Weight    float64
	Values    string // "you 23 · role 20"
	// What the row's ends mean, and the dashed gap between the person
	// and the target, in percent of the line.
	Low, High         string
	GapFrom, GapWidth float64
	Y                 float64
	XScore            float64
	XTarget           float64
}

type whyView struct {
	W                  words
	Title, FromNeutral string
	Closest, Furthest  string
	Moves              []moveView
	Open               bool
}

type moveView struct {
	Up              bool
	Amount          string
	Question, Value string
	// A group of answers with one shown effect through one dimension:
	// Group says so ("2 answers on Background, 2.3 each:"), Items lists
	// them.
	Group string
	Items []answerRow
	// Lines, for a change on a route, say what it asks (ChangeLines).
	Lines []string
}

type aboutView struct {
	Title, Summary string
	Facts          []render.FactLine
	References     []render.ReferenceJSON
}

// RefID is the id of the reference a fact names by its short name, for
// the link to its full entry below the facts.
func (a aboutView) RefID(name string) string {
	for _, r := range a.References {
		if r.Name == name {
			return r.ID
		}
	}
	return ""
}

type answerRow struct{ Question, Answer string }

// pathView is "What it would take": the changes that would rank another
// role first, grouped by what they mean for work, facts apart.
type pathView struct {
	Title, Count string
	Groups       []pathGroupView
	FactsTitle   string
	Why          []string
	Facts        []moveView
	Caveats      []render.CaveatJSON
	CaveatLabel  string
	Command      string
}

type pathGroupView struct {
	Toward  string
	Changes []moveView
}

// WritePerson draws a person's report.
func WritePerson(w io.Writer, in Person) error {
	v, err := personView(in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := execute(&buf, "person", v); err != nil {
		return err
	}
	if buf.Len() > MaxPageBytes {
		return fmt.Errorf("the report would be %d bytes, more than the limit of %d", buf.Len(), MaxPageBytes)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func personView(in Person) (*personPage, error) {
	p, b, r := in.Printer, in.Bank, in.Result
	if len(r.Roles) == 0 {
		return nil, fmt.Errorf("the result ranks no role")
	}
	top, ok := b.Role(r.Top)
	if !ok {
		return nil, fmt.Errorf("the result's top role %q is not in the bank", r.Top)
	}
	topRole := b.Roles[top]
	verdict := in.Verdict
	v := &personPage{
		page:  page{Lang: p.Lang(), Title: p.T(i18n.ReportTitle, topRole.Name), CSP: CSP, W: wordsFor(p)},
		Close: verdict.Close(), TwoRoles: verdict.Lead == "",
		Headline: verdict.Headline, Lead: verdict.Lead, Fit: verdict.Fit, After: verdict.After,
		Note: verdict.Note, Separator: verdict.Separate, Coverage: verdict.Coverage,
	}
	v.TopHead, v.TopLast = splitLastWord(verdict.Top)
	date := in.Made.Format("2006-01-02")
	v.Byline = p.T(i18n.ReportByline, date)
	if r.ID != "" {
		v.Byline = p.T(i18n.ReportBylineFor, r.ID, date)
	}
	v.Level = p.T(i18n.CertaintyLevel, render.LevelWord(p, r.Certainty.Level))

	var desc []string
	for i, rf := range r.Roles {
		v.Roles = append(v.Roles, roleRow{ID: rf.ID, Name: rf.Name, Label: cut(rf.Name, 38), Fit: rf.FitOr(), Y: float64(i) * roleRowH, W: x(rf.FitOr()), Top: i == 0})
		desc = append(desc, fmt.Sprintf("%s %.0f%%", rf.Name, render.Round1(rf.FitOr())))
	}
	v.RolesH = float64(len(r.Roles)) * roleRowH
	v.RolesDesc = strings.Join(desc, "; ")

	if g := r.Gauge; g != nil && g.Score != nil {
		s := float64(*g.Score)
		low, high := render.BeforeParen(g.Low), render.BeforeParen(g.High)
		d, _ := b.Dimension(g.Dimension)
		v.Gauge = &gaugeView{
			Title: p.T(i18n.WhereYouSit, b.Dimensions[d].Name), Low: cut(low, 22), High: cut(high, 22), Score: s, XScore: xt(s),
			Sentence: p.T(i18n.GaugeSentence, render.Round1(s), render.GaugeLean(p, s, low, high), render.LowerFirst(g.Low), render.LowerFirst(g.High)),
		}
		v.Gauge.Desc = v.Gauge.Sentence
	}

	v.Profile = profile(p, b, r, topRole)
	for i, e := range r.Explanation {
		v.Why = append(v.Why, why(p, b, in.Answers, e, i == 0))
	}
	facts := render.RoleFacts(p, b, topRole, true)
	about := aboutView{Title: p.T(i18n.AboutRole, topRole.Name), Summary: topRole.Summary, Facts: facts}
	for _, rj := range render.Roles(b) {
		if rj.ID == topRole.ID {
			about.References = rj.References
		}
	}
	v.About = about
	if in.Route != nil {
		v.Path = pathSection(p, b, in.Answers, in.Route)
	}

	n := 0
	for qi, a := range in.Answers {
		if !a.Set {
			continue
		}
		n++
		v.AnswerRows = append(v.AnswerRows, answerRow{Question: b.Questions[qi].Text, Answer: b.FormatLabel(qi, a)})
	}
	v.AnswersOf = p.T(i18n.YourAnswers, n, len(b.Questions))
	file := in.AnswersFile
	if file == "" {
		file = "answers.yaml"
	}
	v.Rescore = "pmfit score --answers " + shell.Quote(file)
	if n < len(b.Questions) {
		v.Rescore = "pmfit score --partial --answers " + shell.Quote(file)
	}
	if v.Path != nil && v.Path.Command != "" {
		v.Path.Command += " --answers " + shell.Quote(file)
	}
	v.AnswerYAML = answerYAML(b, in.Answers)
	return v, nil
}

// splitLastWord splits a name before its last word ("Product Owner" →
// "Product ", "Owner"), so the last word can be kept on a line with what
// follows it.
func splitLastWord(s string) (head, last string) {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[:i+1], s[i+1:]
	}
	return "", s
}

// profile lays out the person's dimension scores against the top role's
// targets: a dot plot, one row per dimension.
func profile(p i18n.Printer, b *quiz.Bank, r render.ResultJSON, top quiz.Role) profileView {
	targets := map[int]quiz.Target{}
	for _, t := range top.Profile {
		targets[t.Dimension] = t
	}
	v := profileView{Title: p.T(i18n.ProfileAgainst, top.Name), RoleLegend: p.T(i18n.LegendRole, top.Name)}
	var desc []string
	for i, d := range r.Dimensions {
		row := dimRow{ID: d.ID, Name: d.Name, Label: cut(d.Name, 26), Y: float64(i) * dimRowH}
		di, _ := b.Dimension(d.ID)
		t, hasTarget := targets[di]
		row.HasTarget, row.Target, row.Weight = hasTarget, t.Target, t.Weight
		if d.Score != nil {
			row.Scored, row.Score = true, float64(*d.Score)
		}
		row.XScore, row.XTarget = xt(row.Score), xt(row.Target)
		row.GapFrom, row.GapWidth = math.Min(row.Score, row.Target), math.Abs(row.Score-row.Target)
		dim := b.Dimensions[di]
		row.Low, row.High = render.BeforeParen(dim.Low), render.BeforeParen(dim.High)
		switch {
		case row.Scored && hasTarget:
			row.Values = p.T(i18n.YouAndTarget, render.Round1(row.Score), t.Target)
		case row.Scored:
			row.Values = p.T(i18n.YouOnly, render.Round1(row.Score))
		default:
			row.Values = p.T(i18n.NotAnsweredDim)
		}
		desc = append(desc, d.Name+": "+row.Values)
		v.Rows = append(v.Rows, row)
	}
	v.H = float64(len(v.Rows)) * dimRowH
	v.Desc = strings.Join(desc, "; ")
	return v
}

// why says what moved one role's fit, in the results screen's words: the
// dimensions closest and furthest, then the answers that moved it most
// each way.
func why(p i18n.Printer, b *quiz.Bank, answers quiz.Answers, e render.ExplanationJSON, open bool) whyView {
	ri, _ := b.Role(e.Role)
	role := b.Roles[ri]
	delta := render.Round1(float64(e.Fit) - float64(e.Baseline))
	moved := p.T(i18n.MovedNot)
	switch {
	case delta > 0:
		moved = p.T(i18n.MovedUp, delta)
	case delta < 0:
		moved = p.T(i18n.MovedDown, -delta)
	}
	v := whyView{W: wordsFor(p), Title: p.T(i18n.WhatMoved, role.Name, render.Round1(float64(e.Fit))), FromNeutral: p.T(i18n.FromNeutral, render.Round1(float64(e.Baseline)), moved), Open: open}
	mv := render.SelectMoves(e)
	dims := func(ds []render.DimensionEffectJSON) string {
		var parts []string
		for _, d := range ds {
			if di, ok := b.Dimension(d.ID); ok {
				parts = append(parts, p.T(i18n.YouAndRole, b.Dimensions[di].Name, render.Round1(float64(*d.Score)), d.Target))
			}
		}
		return strings.Join(parts, "; ")
	}
	v.Closest, v.Furthest = dims(mv.Closer), dims(mv.Further)
	for _, g := range append(render.GroupMoves(b, mv.Up), render.GroupMoves(b, mv.Down)...) {
		eff := float64(g.Effect)
		m := moveView{Up: eff > 0}
		if eff > 0 {
			m.Amount = p.T(i18n.Up, render.Round1(eff))
		} else {
			m.Amount = p.T(i18n.Down, -render.Round1(eff))
		}
		for _, a := range g.Answers {
			if qi, ok := b.Question(a.Question); ok {
				m.Items = append(m.Items, answerRow{Question: b.Questions[qi].Text, Answer: b.FormatLabel(qi, answers[qi])})
			}
		}
		if len(m.Items) == 0 {
			continue
		}
		if len(m.Items) == 1 {
			m.Question, m.Value, m.Items = m.Items[0].Question, m.Items[0].Answer, nil
		} else {
			m.Group = p.T(i18n.AnswersOn, len(m.Items), b.Dimensions[g.Dimension].Name, math.Abs(float64(g.Each)))
		}
		v.Moves = append(v.Moves, m)
	}
	return v
}

// answerYAML writes the answers as an answer file, to copy out of the
// page. Values are written as JSON, which YAML reads as it is, so no
// value can change the file's structure.
func answerYAML(b *quiz.Bank, answers quiz.Answers) string {
	var sb strings.Builder
	sb.WriteString("answers:\n")
	for _, kv := range b.AnswerValues(answers) {
		key, _ := json.Marshal(kv.Key)
		val, _ := json.Marshal(kv.Value)
		fmt.Fprintf(&sb, "  %s: %s\n", key, val)
	}
	return sb.String()
}

// cut shortens s to n runes with an ellipsis: chart labels have a fixed
// room, and the tables beside the charts hold the whole text.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// pathSection lays out "What it would take" as the terminal says it,
// every change shown: a page has the room.
func pathSection(p i18n.Printer, b *quiz.Bank, answers quiz.Answers, r *scoring.Route) *pathView {
	role := b.Roles[r.To]
	v := &pathView{Title: p.T(i18n.PathTitle, role.Name), CaveatLabel: p.T(i18n.PathCaveat)}
	pj := render.Path(p, b, answers, r)
	switch {
	case !r.Possible:
		v.Count = p.T(i18n.PathNone, role.Name)
		v.Why = pj.Why
		return v
	case len(r.Changes) == 0:
		v.Count = p.T(i18n.PathAlready, role.Name, render.Round1(r.FitBefore))
		return v
	}
	v.Count = render.PathCount(p, r)
	change := func(c scoring.RouteChange) moveView {
		return moveView{Up: render.Round1(c.Effect) >= 0, Amount: p.Number(math.Abs(c.Effect), 1), Question: b.Questions[c.Question].Text,
			Lines: render.ChangeLines(p, b, c)}
	}
	groups, facts := render.PathGroups(p, b, r)
	for _, g := range groups {
		gv := pathGroupView{Toward: g.Toward}
		for _, c := range g.Changes {
			gv.Changes = append(gv.Changes, change(c))
		}
		v.Groups = append(v.Groups, gv)
	}
	if len(facts) > 0 {
		v.FactsTitle, v.Why = p.T(i18n.PathFacts), pj.Why
		for _, c := range facts {
			v.Facts = append(v.Facts, change(c))
		}
	}
	v.Caveats = pj.Caveats
	v.Command = "pmfit path --to " + role.ID
	return v
}
