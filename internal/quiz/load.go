package quiz

import (
	"fmt"
	"net/url"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Bounds on a bank's size; a bank past them is refused rather than slowly
// handled.
const (
	maxRoles     = 100
	maxQuestions = 500
	maxScale     = 11
)

// LoadOptions choose how a bank is read.
type LoadOptions struct {
	// Lang is the language to resolve translated texts to ("es", "pt-BR").
	// Empty means the bank's own default language.
	Lang string
}

// Source is where something was defined in its file.
type Source struct {
	Line, Col int
}

// defaultScaleLabels label the 1–5 agreement scale a bank gets when it
// names none.
var defaultScaleLabels = []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}

// LoadBank parses and checks a bank. Any error-severity problem makes it
// fail with a *FileError listing all of them.
func LoadBank(file string, data []byte, opts LoadOptions) (*Bank, error) {
	b, problems := CheckBank(file, data, opts)
	if errs := errorsOf(problems); len(errs) > 0 {
		return nil, &FileError{File: file, Problems: errs}
	}
	return b, nil
}

// CheckBank parses and checks a bank and returns every problem found,
// warnings included, in file order. The bank is nil when there are errors.
func CheckBank(file string, data []byte, opts LoadOptions) (*Bank, []Problem) {
	d := &decoder{file: file, lang: opts.Lang}
	b := d.bank(data)
	sortProblems(d.problems)
	if len(errorsOf(d.problems)) > 0 {
		return nil, d.problems
	}
	return b, d.problems
}

func (d *decoder) bank(data []byte) *Bank {
	root := d.parse(data)
	if root == nil {
		return nil
	}
	top, ok := d.mapping(root, "bank", "version", "id", "title", "intro", "language", "gauge", "scale", "sources", "dimensions", "roles", "questions")
	if !ok {
		return nil
	}
	b := &Bank{Gauge: -1, Language: "en"}
	// The default language is needed before any text is read.
	if n := top.get("language"); n != nil {
		if l, ok := d.str(n, "language"); ok {
			if langPattern().MatchString(l) {
				b.Language = l
			} else {
				d.errorf(n, "language %s is not a language code (use one like \"en\" or \"es\")", Quote(l))
			}
		}
	}
	d.fallback = b.Language
	if n := top.get("version"); n != nil {
		if v, ok := d.integer(n, "version"); ok && v != 1 {
			d.errorf(n, "version %d is not supported (this pmfit reads version 1)", v)
		}
	}
	if n := top.get("id"); n != nil {
		b.ID, _ = d.id(n, "bank id")
	}
	if n := top.get("title"); n != nil {
		b.Title = d.text(n, "title")
	}
	if n := top.get("intro"); n != nil {
		b.Intro = d.text(n, "intro")
	}
	b.Scale = Scale{Min: 1, Max: 5, Labels: defaultScaleLabels}
	if n := top.get("scale"); n != nil {
		if s, ok := d.scale(n, "scale"); ok {
			b.Scale = s
		}
	}

	b.Dimensions = d.dimensions(d.require(top, "bank", "dimensions"))
	b.index()
	if n := top.get("gauge"); n != nil {
		if id, ok := d.str(n, "gauge"); ok {
			if i, ok := b.dimensionByID[id]; ok {
				b.Gauge = i
			} else {
				d.errorf(n, "gauge names unknown dimension %s%s", Quote(id), DidYouMean(id, dimensionIDs(b)))
			}
		}
	}
	if n := top.get("sources"); n != nil {
		b.References = d.references(n)
	}
	b.Roles = d.roles(b, d.require(top, "bank", "roles"))
	b.Questions = d.questions(b, d.require(top, "bank", "questions"))
	b.index()
	if d.aborted {
		return nil
	}
	d.checkCoverage(b)
	d.missingTranslations(b.Language)
	b.Languages = append([]string{b.Language}, d.languages...)
	b.Languages = dedupe(b.Languages)
	b.Language = ResolveLanguage(b.Languages, d.lang)
	return b
}

// ResolveLanguage is the language a bank written in languages (its own
// first) shows when want is asked for: want, else its base language ("es"
// for "es-MX"), else the bank's own.
func ResolveLanguage(languages []string, want string) string {
	if want != "" {
		base, _, _ := strings.Cut(want, "-")
		for _, l := range []string{want, base} {
			if contains(languages, l) {
				return l
			}
		}
	}
	return languages[0]
}

func (d *decoder) scale(n *yaml.Node, what string) (Scale, bool) {
	f, ok := d.mapping(n, what, "min", "max", "labels")
	if !ok {
		return Scale{}, false
	}
	var s Scale
	minN, maxN := d.require(f, what, "min"), d.require(f, what, "max")
	labelsN := d.require(f, what, "labels")
	if minN == nil || maxN == nil || labelsN == nil {
		return Scale{}, false
	}
	var ok1, ok2 bool
	s.Min, ok1 = d.integer(minN, what+" min")
	s.Max, ok2 = d.integer(maxN, what+" max")
	if !ok1 || !ok2 {
		return Scale{}, false
	}
	if s.Max <= s.Min {
		d.errorf(maxN, "%s: max %d must be greater than min %d", what, s.Max, s.Min)
		return Scale{}, false
	}
	if s.Points() > maxScale {
		d.errorf(maxN, "%s has %d points, more than the limit of %d", what, s.Points(), maxScale)
		return Scale{}, false
	}
	items, ok := d.sequence(labelsN, what+" labels")
	if !ok {
		return Scale{}, false
	}
	for i, item := range items {
		s.Labels = append(s.Labels, d.text(item, fmt.Sprintf("%s label %d", what, i+1)))
	}
	if len(s.Labels) != s.Points() {
		d.errorf(labelsN, "%s has %d labels for %d points (%d to %d): give one label per point", what, len(s.Labels), s.Points(), s.Min, s.Max)
		return Scale{}, false
	}
	return s, true
}

func (d *decoder) dimensions(n *yaml.Node) []Dimension {
	var dims []Dimension
	d.entries(n, "dimension", MaxDimensions, []string{"id", "name", "low", "high", "toward"}, func(id string, f fields, what string) {
		dim := Dimension{ID: id, Source: sourceOf(f.node),
			Name: d.textField(f, what, "name"), Low: d.textField(f, what, "low"), High: d.textField(f, what, "high")}
		if tn := f.get("toward"); tn != nil {
			if tf, ok := d.mapping(tn, what+" toward", "low", "high"); ok {
				dim.TowardLow = d.optionalText(tf, what+" toward", "low")
				dim.TowardHigh = d.optionalText(tf, what+" toward", "high")
			}
		}
		dims = append(dims, dim)
	})
	return dims
}

// entries reads a list of mappings with ids (dimensions, roles,
// questions): each must be a mapping with known keys and an id that is
// valid and unique, and each such is handed to read.
func (d *decoder) entries(n *yaml.Node, kind string, limit int, known []string, read func(id string, f fields, what string)) {
	items, ok := d.sequence(n, kind+"s")
	if !ok {
		return
	}
	if len(items) == 0 {
		d.errorf(n, "%ss: a bank needs at least one %s", kind, kind)
	}
	if len(items) > limit {
		d.errorf(n, "%ss: %d is more than the limit of %d", kind, len(items), limit)
		return
	}
	seen := map[string]*yaml.Node{}
	for i, item := range items {
		what := fmt.Sprintf("%s %d", kind, i+1)
		f, ok := d.mapping(item, what, known...)
		if !ok {
			continue
		}
		idN := d.require(f, what, "id")
		id, ok := d.id(idN, what+" id")
		if !ok {
			continue
		}
		if first, dup := seen[id]; dup {
			d.errorf(idN, "duplicate %s id %q (first at line %d)", kind, id, first.Line)
			continue
		}
		seen[id] = idN
		read(id, f, fmt.Sprintf("%s %q", kind, id))
	}
}

// textField reads a required text key of a mapping.
func (d *decoder) textField(f fields, what, key string) string {
	if n := d.require(f, what, key); n != nil {
		return d.text(n, what+" "+key)
	}
	return ""
}

// optionalText reads an optional text key of a mapping.
func (d *decoder) optionalText(f fields, what, key string) string {
	if n := f.get(key); n != nil {
		return d.text(n, what+" "+key)
	}
	return ""
}

func (d *decoder) roles(b *Bank, n *yaml.Node) []Role {
	var roles []Role
	known := []string{"id", "name", "summary", "profile", "salary", "background", "focus", "teams", "where", "next", "caveats"}
	d.entries(n, "role", maxRoles, known, func(id string, f fields, what string) {
		r := Role{ID: id, Source: sourceOf(f.node)}
		r.Name = d.textField(f, what, "name")
		r.Summary = d.textField(f, what, "summary")
		r.Profile = d.profile(b, d.require(f, what, "profile"), what)
		if n := f.get("salary"); n != nil {
			r.Facts.Salary = d.salary(b, n, what+" salary")
		}
		r.Facts.Background = d.fact(b, f, what, "background")
		r.Facts.Focus = d.fact(b, f, what, "focus")
		r.Facts.Teams = d.fact(b, f, what, "teams")
		r.Facts.Where = d.fact(b, f, what, "where")
		r.Next = d.optionalText(f, what, "next")
		if n := f.get("caveats"); n != nil {
			r.Caveats = d.caveats(b, n, what+" caveats")
		}
		roles = append(roles, r)
	})
	return roles
}

// profile reads a role's targets: dimension id to a target (weight 1) or
// to {target, weight}.
func (d *decoder) profile(b *Bank, n *yaml.Node, what string) []Target {
	if n == nil {
		return nil
	}
	what += " profile"
	f, ok := d.mapping(n, what)
	if !ok {
		return nil
	}
	if len(f.keys) == 0 {
		d.errorf(f.node, "%s names no dimension", what)
	}
	var ts []Target
	for _, key := range f.keys {
		dim, ok := b.dimensionByID[key]
		if !ok {
			d.errorf(f.keyNodes[key], "%s names unknown dimension %s%s", what, Quote(key), DidYouMean(key, dimensionIDs(b)))
			continue
		}
		t := Target{Dimension: dim, Weight: 1}
		v := d.resolve(f.get(key))
		if v == nil {
			return nil
		}
		tw := what + " " + key
		targetN := v
		if v.Kind == yaml.MappingNode {
			g, ok := d.mapping(v, tw, "target", "weight")
			if !ok {
				continue
			}
			targetN = d.require(g, tw, "target")
			if wn := g.get("weight"); wn != nil {
				w, ok := d.number(wn, tw+" weight")
				if !ok {
					continue
				}
				if w <= 0 || w > 100 {
					d.errorf(wn, "%s weight %g must be greater than 0 and at most 100", tw, w)
					continue
				}
				t.Weight = w
			}
			if targetN == nil {
				continue
			}
		}
		target, ok := d.number(targetN, tw+" target")
		if !ok {
			continue
		}
		if target < 0 || target > 100 {
			d.errorf(targetN, "%s target %g is outside 0 to 100", tw, target)
			continue
		}
		t.Target = target
		ts = append(ts, t)
	}
	return ts
}

// references reads the bank's sources: what its role facts cite.
func (d *decoder) references(n *yaml.Node) []Reference {
	var refs []Reference
	d.entries(n, "source", maxRoles, []string{"id", "name", "title", "url"}, func(id string, f fields, what string) {
		r := Reference{ID: id, Source: sourceOf(f.node),
			Name: d.textField(f, what, "name"), Title: d.optionalText(f, what, "title")}
		if un := f.get("url"); un != nil {
			r.URL = d.address(un, what+" url")
		}
		refs = append(refs, r)
	})
	return refs
}

// maxURLBytes bounds a source's address: longer ones are not addresses
// a person would follow.
const maxURLBytes = 2048

// address reads a source's url: an absolute http or https address in
// printable ASCII (percent-encode the rest), so a report links it as is
// and no other scheme (javascript:, data:, file:) can reach a page.
func (d *decoder) address(n *yaml.Node, what string) string {
	s, ok := d.str(n, what)
	if !ok {
		return ""
	}
	bad := len(s) > maxURLBytes
	for i := 0; i < len(s) && !bad; i++ {
		bad = s[i] <= ' ' || s[i] >= 0x7f
	}
	u, err := url.Parse(s)
	if bad || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		d.errorf(n, "%s %s is not an address a report can link: use an absolute http:// or https:// URL in printable ASCII, at most %d bytes, without a user name", what, Quote(s), maxURLBytes)
		return ""
	}
	return s
}

// fact reads a role fact: a text, or {text, source} naming one of the
// bank's sources.
func (d *decoder) fact(b *Bank, f fields, what, key string) Fact {
	n := f.get(key)
	if n == nil {
		return Fact{}
	}
	what += " " + key
	if r := d.resolve(n); r != nil && r.Kind == yaml.MappingNode && hasKey(r, "text") {
		g, ok := d.mapping(r, what, "text", "source")
		if !ok {
			return Fact{}
		}
		fact := Fact{Text: d.textField(g, what, "text")}
		if sn := g.get("source"); sn != nil {
			fact.Reference = d.reference(b, sn, what)
		}
		return fact
	}
	return Fact{Text: d.text(n, what)}
}

// maxCaveats bounds a role's caveats.
const maxCaveats = 20

// caveats reads a role's caveats: each {dimension, below or above, text,
// source}.
func (d *decoder) caveats(b *Bank, n *yaml.Node, what string) []Caveat {
	items, ok := d.sequence(n, what)
	if !ok {
		return nil
	}
	if len(items) > maxCaveats {
		d.errorf(n, "%s: %d caveats, more than the limit of %d", what, len(items), maxCaveats)
		return nil
	}
	var out []Caveat
	for i, item := range items {
		w := fmt.Sprintf("%s[%d]", what, i+1)
		f, ok := d.mapping(item, w, "dimension", "below", "above", "text", "source")
		if !ok {
			continue
		}
		c := Caveat{Dimension: -1}
		if dn := d.require(f, w, "dimension"); dn != nil {
			if id, ok := d.str(dn, w+" dimension"); ok {
				if di, known := b.Dimension(id); known {
					c.Dimension = di
				} else {
					d.errorf(dn, "%s names unknown dimension %s%s", w, Quote(id), DidYouMean(id, dimensionIDs(b)))
				}
			}
		}
		below, above := f.get("below"), f.get("above")
		switch {
		case (below == nil) == (above == nil):
			d.errorf(item, "%s needs one of below or above (the score past which it applies)", w)
		case below != nil:
			c.Bound, ok = d.number(below, w+" below")
		default:
			c.Bound, ok = d.number(above, w+" above")
			c.Above = true
		}
		if ok && (c.Bound < 0 || c.Bound > 100) {
			d.errorf(item, "%s bound %g must be from 0 to 100", w, c.Bound)
		}
		c.Text = d.textField(f, w, "text")
		if sn := f.get("source"); sn != nil {
			c.Reference = d.reference(b, sn, w)
		}
		if c.Dimension >= 0 && c.Text != "" {
			out = append(out, c)
		}
	}
	return out
}

// hasKey reports whether mapping node n has the key.
func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// reference reads a source id and checks the bank declares it.
func (d *decoder) reference(b *Bank, n *yaml.Node, what string) string {
	id, ok := d.str(n, what+" source")
	if !ok {
		return ""
	}
	if _, known := b.Reference(id); known {
		return id
	}
	if len(b.References) == 0 {
		d.errorf(n, "%s source %s: the bank lists no sources (add a top-level sources list)", what, Quote(id))
		return ""
	}
	ids := make([]string, len(b.References))
	for i, r := range b.References {
		ids[i] = r.ID
	}
	d.errorf(n, "%s source names unknown source %s%s (sources: %s)", what, Quote(id), DidYouMean(id, ids), strings.Join(ids, ", "))
	return ""
}

// salary reads a role's salary. With a sources list in the bank, its
// source names one of them and a note may say more; without one, source
// is a note in words, as banks wrote it before sources existed.
func (d *decoder) salary(b *Bank, n *yaml.Node, what string) *Salary {
	f, ok := d.mapping(n, what, "amount", "currency", "year", "source", "note")
	if !ok {
		return nil
	}
	s := &Salary{}
	if n := d.require(f, what, "amount"); n != nil {
		if s.Amount, ok = d.integer(n, what+" amount"); ok && s.Amount <= 0 {
			d.errorf(n, "%s amount must be positive", what)
		}
	}
	if n := d.require(f, what, "currency"); n != nil {
		s.Currency, _ = d.id(n, what+" currency")
	}
	if n := d.require(f, what, "year"); n != nil {
		if s.Year, ok = d.integer(n, what+" year"); ok && (s.Year < 1900 || s.Year > 2200) {
			d.errorf(n, "%s year %d is not a plausible year", what, s.Year)
		}
	}
	s.Note = d.optionalText(f, what, "note")
	if sn := f.get("source"); sn != nil {
		if len(b.References) > 0 {
			s.Reference = d.reference(b, sn, what)
		} else if s.Note == "" {
			s.Note = d.text(sn, what+" source")
		}
	}
	return s
}

var questionKinds = map[string]Kind{"single": Single, "multi": Multi, "likert": Likert}

func (d *decoder) questions(b *Bank, n *yaml.Node) []Question {
	var qs []Question
	d.measuredBy = make([]int, len(b.Dimensions))
	known := []string{"id", "type", "text", "help", "weight", "fact", "options", "dimension", "reverse", "scale"}
	d.entries(n, "question", maxQuestions, known, func(id string, f fields, what string) {
		measured := make([]bool, len(b.Dimensions))
		q, ok := d.question(b, f, id, what, measured)
		// A question refused for another mistake still tells which
		// dimensions it meant to measure; counting them avoids a second,
		// misleading "measured by too few questions" report.
		for dim, m := range measured {
			if m {
				d.measuredBy[dim]++
			}
		}
		if ok {
			qs = append(qs, q)
		}
	})
	return qs
}

func (d *decoder) question(b *Bank, f fields, id, what string, measured []bool) (Question, bool) {
	q := Question{ID: id, Weight: 1, None: -1, Dimension: -1, Source: sourceOf(f.node)}
	typeN := d.require(f, what, "type")
	if typeN == nil {
		return q, false
	}
	kindName, ok := d.str(typeN, what+" type")
	if !ok {
		return q, false
	}
	kind, ok := questionKinds[kindName]
	if !ok {
		d.errorf(typeN, "%s: unknown type %s%s; allowed: single, multi, likert", what, Quote(kindName), DidYouMean(kindName, []string{"single", "multi", "likert"}))
		markReferenced(b, f, measured)
		return q, false
	}
	q.Kind = kind
	q.Text = d.textField(f, what, "text")
	q.Help = d.optionalText(f, what, "help")
	if n := f.get("fact"); n != nil {
		q.Fact, _ = d.boolean(n, what+" fact")
	}
	if n := f.get("weight"); n != nil {
		w, ok := d.number(n, what+" weight")
		if ok && (w <= 0 || w > 100) {
			d.errorf(n, "%s weight %g must be greater than 0 and at most 100", what, w)
		} else if ok {
			q.Weight = w
		}
	}
	// Keys that belong to another kind of question are mistakes, not noise.
	misplaced := map[Kind][]string{Likert: {"options"}, Single: {"dimension", "reverse", "scale"}, Multi: {"dimension", "reverse", "scale"}}
	for _, key := range misplaced[kind] {
		if n := f.get(key); n != nil {
			d.errorf(n, "%s: key %q does not apply to a %s question", what, key, kindName)
		}
	}
	if kind == Likert {
		return d.likert(b, f, q, what, measured)
	}
	optsN := d.require(f, what, "options")
	if optsN == nil {
		return q, false
	}
	items, ok := d.sequence(optsN, what+" options")
	if !ok {
		return q, false
	}
	if len(items) < 2 || len(items) > MaxOptions {
		d.errorf(optsN, "%s has %d options: give between 2 and %d", what, len(items), MaxOptions)
		return q, false
	}
	seen := map[string]*yaml.Node{}
	for i, item := range items {
		ow := fmt.Sprintf("%s option %d", what, i+1)
		known := []string{"value", "label", "scores"}
		if kind == Multi {
			known = []string{"value", "label", "counts", "none"}
		}
		of, ok := d.mapping(item, ow, known...)
		if !ok {
			return q, false
		}
		valueN := d.require(of, ow, "value")
		value, ok := d.id(valueN, ow+" value")
		if !ok {
			return q, false
		}
		ow = fmt.Sprintf("%s option %q", what, value)
		if first, dup := seen[value]; dup {
			d.errorf(valueN, "%s: duplicate option value %q (first at line %d)", what, value, first.Line)
			return q, false
		}
		seen[value] = valueN
		o := Option{Value: value, Label: d.textField(of, ow, "label")}
		if n := of.get("scores"); n != nil {
			o.Scores = d.scores(b, n, ow, measured)
		}
		if n := of.get("counts"); n != nil {
			o.Counts = d.counts(b, n, ow, measured)
		}
		if n := of.get("none"); n != nil {
			if none, ok := d.boolean(n, ow+" none"); ok && none {
				if q.None >= 0 {
					d.errorf(n, "%s: only one option may be \"none of these\"", what)
				} else if len(o.Counts) > 0 {
					d.errorf(n, "%s: a \"none of these\" option cannot count toward a dimension", ow)
				}
				o.None, q.None = true, i
			}
		}
		q.Options = append(q.Options, o)
	}
	for i, m := range measured {
		if m {
			q.Dimensions = append(q.Dimensions, i)
		}
	}
	if len(q.Dimensions) == 0 {
		field := "scores"
		if kind == Multi {
			field = "counts"
		}
		d.errorf(f.node, "%s measures no dimension: give its options %s", what, field)
		return q, false
	}
	return q, true
}

func (d *decoder) likert(b *Bank, f fields, q Question, what string, measured []bool) (Question, bool) {
	q.Scale = b.Scale
	scaleOK := true
	if n := f.get("scale"); n != nil {
		q.Scale, scaleOK = d.scale(n, what+" scale")
	}
	if n := f.get("reverse"); n != nil {
		q.Reverse, _ = d.boolean(n, what+" reverse")
	}
	dimN := d.require(f, what, "dimension")
	if dimN == nil {
		return q, false
	}
	id, ok := d.str(dimN, what+" dimension")
	if !ok {
		return q, false
	}
	i, ok := b.dimensionByID[id]
	if !ok {
		d.errorf(dimN, "%s measures unknown dimension %s%s", what, Quote(id), DidYouMean(id, dimensionIDs(b)))
		return q, false
	}
	measured[i] = true
	q.Dimension = i
	q.Dimensions = []int{i}
	return q, scaleOK
}

// markReferenced notes the dimensions a question of unknown type names,
// without judging them, so its one mistake is reported once.
func markReferenced(b *Bank, f fields, measured []bool) {
	mark := func(n *yaml.Node) {
		if n != nil && n.Kind == yaml.ScalarNode {
			if i, ok := b.dimensionByID[n.Value]; ok {
				measured[i] = true
			}
		}
	}
	mark(f.get("dimension"))
	opts := f.get("options")
	if opts == nil || opts.Kind != yaml.SequenceNode {
		return
	}
	for _, o := range opts.Content {
		if o.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(o.Content); i += 2 {
			switch v := o.Content[i+1]; o.Content[i].Value {
			case "scores":
				if v.Kind == yaml.MappingNode {
					for j := 0; j < len(v.Content); j += 2 {
						mark(v.Content[j])
					}
				}
			case "counts":
				if v.Kind == yaml.SequenceNode {
					for _, c := range v.Content {
						mark(c)
					}
				}
			}
		}
	}
}

// scores reads a single-choice option's positions: dimension id → 0..100.
func (d *decoder) scores(b *Bank, n *yaml.Node, what string, measured []bool) []Position {
	what += " scores"
	f, ok := d.mapping(n, what)
	if !ok {
		return nil
	}
	var ps []Position
	for _, key := range f.keys {
		v := f.get(key)
		dim, ok := b.dimensionByID[key]
		if !ok {
			d.errorf(f.keyNodes[key], "%s names unknown dimension %s%s", what, Quote(key), DidYouMean(key, dimensionIDs(b)))
			continue
		}
		at, ok := d.number(v, what+" "+key)
		if !ok {
			continue
		}
		if at < 0 || at > 100 {
			d.errorf(v, "%s %s: %g is outside 0 to 100", what, key, at)
			continue
		}
		measured[dim] = true
		ps = append(ps, Position{Dimension: dim, At: at})
	}
	return ps
}

// counts reads the dimensions a multi-select option counts toward.
func (d *decoder) counts(b *Bank, n *yaml.Node, what string, measured []bool) []int {
	what += " counts"
	items, ok := d.sequence(n, what)
	if !ok {
		return nil
	}
	var dims []int
	for _, item := range items {
		id, ok := d.str(item, what+" item")
		if !ok {
			continue
		}
		dim, ok := b.dimensionByID[id]
		if !ok {
			d.errorf(item, "%s names unknown dimension %s%s", what, Quote(id), DidYouMean(id, dimensionIDs(b)))
			continue
		}
		if measured[dim] && containsInt(dims, dim) {
			d.errorf(item, "%s names dimension %q twice", what, id)
			continue
		}
		measured[dim] = true
		dims = append(dims, dim)
	}
	return dims
}

// checkCoverage finds what only the whole bank shows: dimensions too
// thinly measured to score, and dimensions no role cares about.
func (d *decoder) checkCoverage(b *Bank) {
	measuredBy := d.measuredBy
	if measuredBy == nil {
		return // the questions could not be read at all
	}
	inProfile := make([]bool, len(b.Dimensions))
	for _, r := range b.Roles {
		for _, t := range r.Profile {
			inProfile[t.Dimension] = true
		}
	}
	for i, dim := range b.Dimensions {
		if measuredBy[i] < 2 {
			d.report(dim.Source, Error, "dimension %q is measured by %d question(s); at least 2 are needed for a stable score", dim.ID, measuredBy[i])
		}
		if !inProfile[i] {
			d.report(dim.Source, Warning, "dimension %q is in no role's profile, so it never changes a fit", dim.ID)
		}
	}
}

func dimensionIDs(b *Bank) []string {
	ids := make([]string, len(b.Dimensions))
	for i, d := range b.Dimensions {
		ids[i] = d.ID
	}
	return ids
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
