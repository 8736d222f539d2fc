package quiz

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"
)

// Limits that keep a hostile file from costing more than a moment.
const (
	// MaxFileBytes bounds a bank or answer file.
	MaxFileBytes = 4 << 20
	// maxVisits bounds the nodes one file may make the decoder visit,
	// following aliases included: a YAML alias bomb stops here.
	maxVisits = 200_000
	// maxNodes bounds the nodes a file may hold, checked before parsing
	// (nodeBound): a tree of that many nodes fits in a few tens of
	// megabytes, where 4 MB of "1," would build two million of them.
	maxNodes = 100_000
	// maxTextRunes bounds one text of a bank.
	maxTextRunes = 2000
	// maxProblems bounds the problems reported for one file; past it the
	// file is clearly not what it should be and reading stops.
	maxProblems = 100
	// maxLanguages bounds the languages one bank is written in.
	maxLanguages = 32
	// quoteRunes bounds how much of a value a message quotes.
	quoteRunes = 64
)

// Quote shows a value from a file in a message: sanitized, clipped, and
// quoted, so a hostile value cannot flood the screen or drive it.
func Quote(s string) string {
	return fmt.Sprintf("%q", Sanitize(clip(s, quoteRunes)))
}

// clip is s cut to its first n runes, with "…" when cut: without
// converting the rest, which may be megabytes.
func clip(s string, n int) string {
	i := 0
	for at := range s {
		if i == n {
			return s[:at] + "…"
		}
		i++
	}
	return s
}

// idPattern is what ids and option values look like: safe in flags,
// comma-separated lists, CSV headers and file names. Compiled on first
// use: commands that read no bank (--help, --version) never pay for it.
var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`) })

const idRule = "letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 long"

// langPattern is a language tag as --lang and LANG give it, reduced to
// what banks key translations by: "en", "es", "pt-BR".
var langPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`) })

// decoder walks a parsed YAML tree, keeping the position of everything it
// reads and every problem it finds, so one pass reports them all.
type decoder struct {
	file     string
	problems []Problem
	visits   int
	aborted  bool

	// lang picks one text out of a translated map; fallback is used when
	// the map lacks it.
	lang, fallback string
	// languages seen in any text, in first-seen order.
	languages []string
	// texts lists each translated or plain text with the languages it has,
	// so missing translations can be reported once all languages are known.
	texts []textSeen
	// measuredBy counts, per dimension, the questions that measure it.
	measuredBy       []int
	tooManyLanguages bool
}

type textSeen struct {
	node  *yaml.Node
	what  string
	langs []string // nil for a plain string
}

func (d *decoder) report(at Source, sev Severity, format string, args ...any) {
	if d.aborted {
		return
	}
	p := Problem{File: d.file, Line: at.Line, Col: at.Col, Severity: sev, Message: fmt.Sprintf(format, args...)}
	if len(d.problems) == maxProblems {
		d.aborted = true
		p.Severity, p.Message = Error, fmt.Sprintf("more than %d problems; stopping here", maxProblems)
	}
	d.problems = append(d.problems, p)
}

// errorf reports an error at node n (nil: the file as a whole).
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.report(sourceOf(n), Error, format, args...)
}

func (d *decoder) warnf(n *yaml.Node, format string, args ...any) {
	d.report(sourceOf(n), Warning, format, args...)
}

func sourceOf(n *yaml.Node) Source {
	if n == nil {
		return Source{}
	}
	return Source{Line: n.Line, Col: n.Column}
}

// parse reads data as one YAML document and returns its root node, or nil
// with the problem recorded.
func (d *decoder) parse(data []byte) *yaml.Node {
	if len(data) > MaxFileBytes {
		d.errorf(nil, "file is %d bytes, more than the limit of %d", len(data), MaxFileBytes)
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		d.errorf(nil, "file is empty")
		return nil
	}
	if n := nodeBound(data); n > maxNodes {
		d.errorf(nil, "file could hold up to %d YAML values (it has that many ',', ':', '-', '[', '{' and '?'), more than the limit of %d; a bank or answer file needs far fewer", n, maxNodes)
		return nil
	}
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		d.problems = append(d.problems, d.yamlProblem(err))
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		d.errorf(&doc, "expected one YAML document")
		return nil
	}
	return doc.Content[0]
}

// nodeBound is an upper bound on the nodes a YAML (or JSON) text can
// hold, found without parsing it: every node but the first is introduced
// by a ',', '[', '{', '-' or '?', or by a ':' (which may introduce two, a
// key and its value). Such characters inside texts only raise the bound.
func nodeBound(data []byte) int {
	n := 1
	for _, c := range data {
		switch c {
		case ',', '[', '{', '-', '?':
			n++
		case ':':
			n += 2
		}
	}
	return n
}

// yamlProblem turns a parser error into a positioned problem without the
// library's own prefixes, which mean nothing to a person editing a bank.
func (d *decoder) yamlProblem(err error) Problem {
	p := Problem{File: d.file, Severity: Error}
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		p.Message = "invalid YAML: " + err.Error()
		return p
	}
	msg := strings.TrimPrefix(le.Message, "yaml: ")
	if le.ContextMsg != "" {
		msg = le.ContextMsg + ": " + msg
	}
	if strings.Contains(msg, "multiple") && strings.Contains(msg, "document") {
		msg = "expected one YAML document, found several (remove the extra '---')"
	}
	p.Line, p.Col = le.Mark.Line, le.Mark.Column
	p.Message = "invalid YAML: " + msg
	return p
}

// resolve follows aliases and charges each node visited against the
// file's budget; it returns nil once the budget is spent.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		d.visits++
		n = n.Alias
	}
	d.visits++
	if d.aborted {
		return nil
	}
	if d.visits > maxVisits {
		d.errorf(n, "file expands to more than %d YAML nodes (aliases included); refusing to read further", maxVisits)
		d.aborted = true
		return nil
	}
	return n
}

// fields is one YAML mapping read as named fields.
type fields struct {
	node     *yaml.Node
	vals     map[string]*yaml.Node
	keyNodes map[string]*yaml.Node // where each key stands, for messages
	keys     []string              // in file order, duplicates left out
	// misspelt holds the known keys that unknown keys were taken for
	// ("lable" → "label"), so a missing "label" is not reported twice.
	misspelt map[string]bool
}

func (f fields) get(name string) *yaml.Node {
	if f.vals == nil {
		return nil
	}
	return f.vals[name]
}

// mapping reads n as a mapping with the given known keys, reporting
// duplicate and unknown keys (with a suggestion); with no known keys, any
// key is accepted (maps of ids or languages). ok is false when n is not a
// mapping at all.
func (d *decoder) mapping(n *yaml.Node, what string, known ...string) (fields, bool) {
	n = d.resolve(n)
	if n == nil {
		return fields{}, false
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping, not %s", what, describe(n))
		return fields{}, false
	}
	f := fields{node: n, vals: make(map[string]*yaml.Node, len(n.Content)/2), keyNodes: make(map[string]*yaml.Node, len(n.Content)/2)}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			return f, false
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: keys must be plain strings", what)
			continue
		}
		if first, dup := f.keyNodes[k.Value]; dup {
			d.errorf(k, "%s: duplicate key %s (first at line %d)", what, Quote(k.Value), first.Line)
			continue
		}
		f.keyNodes[k.Value] = k
		if known != nil && !contains(known, k.Value) {
			s := suggest(k.Value, known)
			d.errorf(k, "%s: unknown key %s%s; known keys: %s", what, Quote(k.Value), meant(s), strings.Join(known, ", "))
			if s != "" {
				if f.misspelt == nil {
					f.misspelt = map[string]bool{}
				}
				f.misspelt[s] = true
			}
			continue
		}
		f.vals[k.Value] = v
		f.keys = append(f.keys, k.Value)
	}
	return f, true
}

// require reports a missing required key and returns its value node.
func (d *decoder) require(f fields, what, key string) *yaml.Node {
	v := f.get(key)
	if v == nil && f.node != nil && !f.misspelt[key] {
		d.errorf(f.node, "%s: missing required key %q", what, key)
	}
	return v
}

// sequence reads n as a YAML sequence.
func (d *decoder) sequence(n *yaml.Node, what string) ([]*yaml.Node, bool) {
	n = d.resolve(n)
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list, not %s", what, describe(n))
		return nil, false
	}
	return n.Content, true
}

// scalar reads n as a non-null scalar.
func (d *decoder) scalar(n *yaml.Node, what, want string) (*yaml.Node, bool) {
	n = d.resolve(n)
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s must be %s, not %s", what, want, describe(n))
		return nil, false
	}
	return n, true
}

// str reads a string; numbers and booleans count, as their text.
func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	s, ok := d.scalar(n, what, "a string")
	if !ok {
		return "", false
	}
	return s.Value, true
}

// id reads an id or option value and checks its form.
func (d *decoder) id(n *yaml.Node, what string) (string, bool) {
	s, ok := d.str(n, what)
	if !ok {
		return "", false
	}
	if !idPattern().MatchString(s) {
		d.errorf(n, "%s %s is not a valid id: use %s", what, Quote(s), idRule)
		return "", false
	}
	return s, true
}

// number reads a finite number.
func (d *decoder) number(n *yaml.Node, what string) (float64, bool) {
	s, ok := d.scalar(n, what, "a number")
	if !ok {
		return 0, false
	}
	if s.Tag != "!!int" && s.Tag != "!!float" {
		d.errorf(s, "%s must be a number, not %s", what, Quote(s.Value))
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s.Value, "_", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		d.errorf(s, "%s must be a finite number, not %s", what, Quote(s.Value))
		return 0, false
	}
	return f, true
}

// integer reads a whole number that fits comfortably in an int.
func (d *decoder) integer(n *yaml.Node, what string) (int, bool) {
	s, ok := d.scalar(n, what, "an integer")
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(s.Value, "_", ""), 10, 32)
	if s.Tag != "!!int" || err != nil {
		d.errorf(s, "%s must be an integer, not %s", what, Quote(s.Value))
		return 0, false
	}
	return int(v), true
}

// boolean reads true or false.
func (d *decoder) boolean(n *yaml.Node, what string) (bool, bool) {
	s, ok := d.scalar(n, what, "true or false")
	if !ok {
		return false, false
	}
	v, err := strconv.ParseBool(s.Value)
	if s.Tag != "!!bool" || err != nil {
		d.errorf(s, "%s must be true or false, not %s", what, Quote(s.Value))
		return false, false
	}
	return v, true
}

// text reads a text meant for people: a plain string, or a mapping of
// language to string. It returns the text in the decoder's language and
// neutralises control characters, so nothing from a file can drive a
// terminal.
func (d *decoder) text(n *yaml.Node, what string) string {
	n = d.resolve(n)
	if n == nil {
		return ""
	}
	var out string
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag != "!!null":
		out = n.Value
		d.texts = append(d.texts, textSeen{node: n, what: what})
	case n.Kind == yaml.MappingNode:
		f, ok := d.mapping(n, what)
		if !ok {
			return ""
		}
		if len(f.keys) > maxLanguages {
			d.errorf(n, "%s has %d languages, more than the limit of %d", what, len(f.keys), maxLanguages)
			return ""
		}
		byLang := make(map[string]string, len(f.keys))
		for _, lang := range f.keys {
			v := f.get(lang)
			if !langPattern().MatchString(lang) {
				d.errorf(v, "%s: %s is not a language code (use one like \"en\", \"es\" or \"pt-BR\")", what, Quote(lang))
				continue
			}
			s, ok := d.str(v, what+" ("+lang+")")
			if !ok {
				continue
			}
			byLang[lang] = s
			d.sawLanguage(lang)
		}
		d.texts = append(d.texts, textSeen{node: n, what: what, langs: f.keys})
		out = pickLanguage(byLang, f.keys, d.lang, d.fallback)
	default:
		d.errorf(n, "%s must be a string or a mapping of language to string, not %s", what, describe(n))
		return ""
	}
	if r := []rune(out); len(r) > maxTextRunes {
		d.errorf(n, "%s is %d characters long, more than the limit of %d", what, len(r), maxTextRunes)
		out = string(r[:maxTextRunes])
	}
	if clean := Sanitize(out); clean != out {
		d.warnf(n, "%s contains control characters or terminal escape sequences; they are shown as %q", what, replacement)
		out = clean
	}
	return out
}

func (d *decoder) sawLanguage(lang string) {
	if contains(d.languages, lang) {
		return
	}
	if len(d.languages) == maxLanguages {
		if !d.tooManyLanguages {
			d.tooManyLanguages = true
			d.errorf(nil, "the file uses more than %d languages", maxLanguages)
		}
		return
	}
	d.languages = append(d.languages, lang)
}

// pickLanguage chooses want, then its base language ("es" for "es-MX"),
// then fallback, then English, then the first one written.
func pickLanguage(byLang map[string]string, order []string, want, fallback string) string {
	base, _, _ := strings.Cut(want, "-")
	for _, l := range []string{want, base, fallback, "en"} {
		if s, ok := byLang[l]; ok && l != "" {
			return s
		}
	}
	for _, l := range order {
		if s, ok := byLang[l]; ok {
			return s
		}
	}
	return ""
}

// missingTranslations warns, once per text, about each language the file
// uses elsewhere but this text lacks. A plain string counts as written in
// the file's default language.
func (d *decoder) missingTranslations(defaultLang string) {
	if len(d.languages) == 0 {
		return
	}
	all := append([]string{defaultLang}, d.languages...)
	for _, t := range d.texts {
		have := t.langs
		if have == nil {
			have = []string{defaultLang}
		}
		var missing []string
		for _, l := range all {
			if !contains(have, l) && !contains(missing, l) {
				missing = append(missing, l)
			}
		}
		if len(missing) > 0 {
			d.warnf(t.node, "%s has no translation for %s", t.what, strings.Join(missing, ", "))
		}
	}
}

// describe names a node's kind for messages: "a list", "a number".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		}
		return "the string " + Quote(n.Value)
	}
	return "something else"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
