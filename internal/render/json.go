// Package render turns banks and results into what people and scripts
// read: JSON views whose field names are a stable contract, and text laid
// out for a terminal. Renderers never score and never decide; they show.
package render

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// Points is a 0–100 quantity shown to one decimal place, always, so JSON
// output is byte-stable and reads the same as the text screens.
type Points float64

// MarshalJSON writes the value rounded half away from zero to one decimal.
func (p Points) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, Round1(float64(p)), 'f', 1, 64), nil
}

// Round1 rounds half away from zero to one decimal place, as every number
// pmfit shows is rounded.
func Round1(x float64) float64 {
	r := math.Round(x*10) / 10
	if r == 0 {
		return 0 // no "-0.0"
	}
	return r
}

// Share is a 0–1 fraction, written with at most four decimals.
type Share float64

// MarshalJSON writes the share rounded to four decimals, without trailing
// zeros.
func (s Share) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, math.Round(float64(s)*1e4)/1e4, 'f', -1, 64), nil
}

// QuestionJSON is one entry of `pmfit questions --format json`.
type QuestionJSON struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	Text       string       `json:"text"`
	Help       string       `json:"help,omitempty"`
	Dimensions []string     `json:"dimensions"`
	Options    []OptionJSON `json:"options,omitempty"`
	Min        *int         `json:"min,omitempty"`
	Max        *int         `json:"max,omitempty"`
	Reverse    *bool        `json:"reverse,omitempty"`
	Labels     []string     `json:"labels,omitempty"`
	Weight     float64      `json:"weight"`
}

// OptionJSON is one option of a choice question.
type OptionJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
	None  bool   `json:"none,omitempty"`
}

// Questions builds the JSON view of every question.
func Questions(b *quiz.Bank) []QuestionJSON {
	out := make([]QuestionJSON, len(b.Questions))
	for i := range b.Questions {
		out[i] = Question(b, i)
	}
	return out
}

// Question builds the JSON view of question qi.
func Question(b *quiz.Bank, qi int) QuestionJSON {
	q := &b.Questions[qi]
	v := QuestionJSON{ID: q.ID, Type: q.Kind.String(), Text: q.Text, Help: q.Help, Weight: q.Weight, Dimensions: dimensionIDs(b, q.Dimensions)}
	if q.Kind == quiz.Likert {
		minV, maxV, rev := q.Scale.Min, q.Scale.Max, q.Reverse
		v.Min, v.Max, v.Reverse, v.Labels = &minV, &maxV, &rev, q.Scale.Labels
	} else {
		for _, o := range q.Options {
			v.Options = append(v.Options, OptionJSON{Value: o.Value, Label: o.Label, None: o.None})
		}
	}
	return v
}

// RoleJSON is one entry of `pmfit roles --format json`.
type RoleJSON struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	Summary    string      `json:"summary"`
	Salary     *SalaryJSON `json:"salary,omitempty"`
	Background string      `json:"background,omitempty"`
	Focus      string      `json:"focus,omitempty"`
	Teams      string      `json:"teams,omitempty"`
	Where      string      `json:"where,omitempty"`
	Next       string      `json:"next,omitempty"`
	// Sources maps each fact that cites a reference (salary, background,
	// focus, teams, where) to the reference's id, and References describes
	// each reference cited.
	Sources    map[string]string `json:"sources,omitempty"`
	References []ReferenceJSON   `json:"references,omitempty"`
	Profile    []TargetJSON      `json:"profile"`
}

// ReferenceJSON is a source role facts cite.
type ReferenceJSON struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	URL   string `json:"url,omitempty"`
}

// SalaryJSON is an average salary and the year it is from; Source says
// where the figure comes from, in words.
type SalaryJSON struct {
	Amount   int    `json:"amount"`
	Currency string `json:"currency"`
	Year     int    `json:"year"`
	Source   string `json:"source,omitempty"`
}

// TargetJSON is where a role sits on one dimension.
type TargetJSON struct {
	Dimension string  `json:"dimension"`
	Target    float64 `json:"target"`
	Weight    float64 `json:"weight"`
}

// Roles builds the JSON view of every role.
func Roles(b *quiz.Bank) []RoleJSON {
	out := make([]RoleJSON, len(b.Roles))
	for i, r := range b.Roles {
		v := RoleJSON{ID: r.ID, Name: r.Name, Summary: r.Summary, Background: r.Facts.Background.Text, Focus: r.Facts.Focus.Text,
			Teams: r.Facts.Teams.Text, Where: r.Facts.Where.Text, Next: r.Next, Sources: map[string]string{}}
		if s := r.Facts.Salary; s != nil {
			v.Salary = &SalaryJSON{Amount: s.Amount, Currency: s.Currency, Year: s.Year, Source: s.Note}
			if s.Reference != "" {
				v.Sources["salary"] = s.Reference
			}
		}
		for key, f := range map[string]quiz.Fact{"background": r.Facts.Background, "focus": r.Facts.Focus, "teams": r.Facts.Teams, "where": r.Facts.Where} {
			if f.Reference != "" {
				v.Sources[key] = f.Reference
			}
		}
		for _, ref := range b.References {
			for _, id := range v.Sources {
				if id == ref.ID {
					v.References = append(v.References, ReferenceJSON{ID: ref.ID, Name: ref.Name, Title: ref.Title, URL: ref.URL})
					break
				}
			}
		}
		for _, t := range r.Profile {
			v.Profile = append(v.Profile, TargetJSON{Dimension: b.Dimensions[t.Dimension].ID, Target: t.Target, Weight: t.Weight})
		}
		out[i] = v
	}
	return out
}

// ResultJSON is `pmfit score --format json`: the contract scripts rely on.
type ResultJSON struct {
	ID         string          `json:"id,omitempty"`
	Top        string          `json:"top"`
	Roles      []RoleFitJSON   `json:"roles"`
	Dimensions []DimensionJSON `json:"dimensions"`
	Coverage   Share           `json:"coverage"`
	Answered   int             `json:"answered"`
	Questions  int             `json:"questions"`
	// Headline is the result's headline, as the results screen shows it
	// (render.Verdict); Certainty.Note is the note beneath it. Both are in
	// the language asked for; scripts should read the fields instead.
	Headline    string            `json:"headline"`
	Certainty   CertaintyJSON     `json:"certainty"`
	Gauge       *GaugeJSON        `json:"gauge,omitempty"`
	Explanation []ExplanationJSON `json:"explanation"`
	// Decided says that no answer to the unanswered questions could change
	// the top role (docs/adaptive.md); Contenders, when it is false, are
	// the roles not yet ruled out.
	Decided    *bool    `json:"decided,omitempty"`
	Contenders []string `json:"contenders,omitempty"`
	// Likely, for a partial set, is the role ranked first and how likely
	// the full quiz is to rank it first too (docs/adaptive.md).
	Likely *LikelyJSON `json:"likely,omitempty"`
	// Path is what it would take the role --to names to rank first
	// (docs/path.md); left out without --to, and of batch results.
	Path *PathJSON `json:"path,omitempty"`
}

// LikelyJSON is the quick stop's estimate.
type LikelyJSON struct {
	Role        string `json:"role"`
	Probability Share  `json:"probability"`
}

// RoleFitJSON is one role's fit: null when none of the dimensions of its
// profile is scored, as NDJSON writes it (and CSV leaves the cell empty).
type RoleFitJSON struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Fit  *Points `json:"fit"`
}

// FitOr is the fit, or 0 when the role is unscored (for charts).
func (r RoleFitJSON) FitOr() float64 {
	if r.Fit == nil {
		return 0
	}
	return float64(*r.Fit)
}

// DimensionJSON is one dimension's score; null when nothing measured it.
type DimensionJSON struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Score *Points `json:"score"`
}

// CertaintyJSON says how far to trust the top role, and what the level
// was computed from (docs/scoring.md, Step 5).
type CertaintyJSON struct {
	Level  string `json:"level"`
	Margin Points `json:"margin"`
	// Z is the lead over Rival in standard errors (null when no role can
	// overtake the top one); RivalMargin and RivalSE are that lead and
	// its standard error, in points.
	Z           *Z     `json:"z"`
	Rival       string `json:"rival,omitempty"`
	RivalMargin Points `json:"rival_margin"`
	RivalSE     Points `json:"rival_se"`
	Flat        bool   `json:"flat"`
	Partial     bool   `json:"partial"`
	// Separator, when the level is low, is the dimension that would best
	// tell the top two roles apart.
	Separator string `json:"separator,omitempty"`
	Note      string `json:"note"`
}

// Z is a number of standard errors, written with two decimals.
type Z float64

// MarshalJSON writes the value rounded to two decimals.
func (z Z) MarshalJSON() ([]byte, error) {
	r := math.Round(float64(z)*100) / 100
	if r == 0 {
		r = 0
	}
	return strconv.AppendFloat(nil, r, 'f', 2, 64), nil
}

// GaugeJSON is where the person sits on the bank's headline dimension.
type GaugeJSON struct {
	Dimension string  `json:"dimension"`
	Score     *Points `json:"score"`
	Low       string  `json:"low"`
	High      string  `json:"high"`
}

// ExplanationJSON says what moved one role's fit.
type ExplanationJSON struct {
	Role string `json:"role"`
	Fit  Points `json:"fit"`
	// Baseline is the fit of a person at 50 on every dimension; the
	// effects below sum to Fit − Baseline.
	Baseline   Points                `json:"baseline"`
	Dimensions []DimensionEffectJSON `json:"dimensions"`
	Answers    []AnswerEffectJSON    `json:"answers"`
}

// DimensionEffectJSON is one dimension's part in a fit.
type DimensionEffectJSON struct {
	ID     string  `json:"id"`
	Score  *Points `json:"score"`
	Target float64 `json:"target"`
	Weight float64 `json:"weight"`
	Effect Points  `json:"effect"`
}

// AnswerEffectJSON is one answer's part in a fit.
type AnswerEffectJSON struct {
	Question string `json:"question"`
	Value    string `json:"value"`
	Effect   Points `json:"effect"`
}

// Result builds the JSON view of a result. id is who answered, if known;
// p writes the certainty note.
func Result(p i18n.Printer, b *quiz.Bank, answers quiz.Answers, res *scoring.Result, id string) ResultJSON {
	v := ResultJSON{
		ID:          id,
		Top:         b.Roles[res.Top()].ID,
		Coverage:    Share(res.Coverage()),
		Answered:    res.Answered,
		Questions:   res.Questions,
		Explanation: []ExplanationJSON{},
	}
	for _, rf := range res.Roles {
		rj := RoleFitJSON{ID: b.Roles[rf.Role].ID, Name: b.Roles[rf.Role].Name}
		if rf.Scored {
			fit := Points(rf.Fit)
			rj.Fit = &fit
		}
		v.Roles = append(v.Roles, rj)
	}
	for _, d := range res.Dimensions {
		v.Dimensions = append(v.Dimensions, DimensionJSON{ID: b.Dimensions[d.Dimension].ID, Name: b.Dimensions[d.Dimension].Name, Score: score(d)})
	}
	verdict := NewVerdict(p, b, res)
	v.Headline = verdict.Headline
	v.Certainty = certaintyJSON(b, res, verdict.Note)
	if b.Gauge >= 0 {
		dim := b.Dimensions[b.Gauge]
		v.Gauge = &GaugeJSON{Dimension: dim.ID, Score: score(res.Dimensions[b.Gauge]), Low: dim.Low, High: dim.High}
	}
	if d := res.Decision; d != nil {
		decided := d.Decided
		v.Decided = &decided
		if !d.Decided {
			for _, r := range d.Contenders {
				v.Contenders = append(v.Contenders, b.Roles[r].ID)
			}
		}
	}
	if lk := res.Likely; lk != nil {
		v.Likely = &LikelyJSON{Role: b.Roles[lk.Role].ID, Probability: Share(lk.Probability)}
	}
	for _, e := range res.Explanations {
		v.Explanation = append(v.Explanation, Explanation(b, answers, e))
	}
	if res.Route != nil {
		path := Path(p, b, answers, res.Route)
		v.Path = &path
	}
	return v
}

func certaintyJSON(b *quiz.Bank, res *scoring.Result, note string) CertaintyJSON {
	c := res.Certainty
	v := CertaintyJSON{
		Level: string(c.Level), Margin: Points(c.Margin), RivalMargin: Points(c.RivalMargin), RivalSE: Points(c.RivalSE),
		Flat: c.Flat, Partial: c.Partial, Note: note,
	}
	if !math.IsInf(c.Z, 0) {
		z := Z(c.Z)
		v.Z = &z
	}
	if c.Rival >= 0 {
		v.Rival = b.Roles[c.Rival].ID
	}
	if c.Separator >= 0 {
		v.Separator = b.Dimensions[c.Separator].ID
	}
	return v
}

func score(d scoring.DimensionScore) *Points {
	if !d.Scored {
		return nil
	}
	p := Points(d.Score)
	return &p
}

func dimensionIDs(b *quiz.Bank, dims []int) []string {
	ids := make([]string, len(dims))
	for i, d := range dims {
		ids[i] = b.Dimensions[d].ID
	}
	return ids
}

// WriteJSON writes v as indented JSON with a trailing newline. HTML
// escaping is off: nothing here is bound for a browser, and "<" should
// stay "<".
func WriteJSON(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentJSON(make([]byte, 0, compact.Len()*3/2), compact.Bytes()))
	return err
}

// indentJSON appends src, compact JSON as encoding/json writes it, laid
// out two spaces a level, byte for byte as json.Indent(dst, src, "", "  ")
// would: json.Indent validates as it goes, which cost twice the encoding
// itself and was a tenth of scoring one file from the command line.
// FuzzIndentJSON holds it to json.Indent.
func indentJSON(dst, src []byte) []byte {
	depth, inString, escaped := 0, false, false
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			dst = append(dst, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// An empty object or array stays on its line.
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
