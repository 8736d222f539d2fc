package quiz

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// smallBank is the smallest bank with every kind of question; tests
// change one thing in it at a time.
const smallBank = `version: 1
id: small
dimensions:
  - {id: focus, name: Focus, low: Why, high: How}
  - {id: size, name: Size, low: Small, high: Large}
roles:
  - id: why
    name: Why
    summary: Why first.
    profile: {focus: 20, size: {target: 50, weight: 2}}
  - id: how
    name: How
    summary: How first.
    profile: {focus: 80, size: 90}
questions:
  - {id: l1, type: likert, dimension: focus, text: I like building.}
  - {id: l2, type: likert, dimension: focus, reverse: true, text: I like customers.}
  - id: s1
    type: single
    text: How big?
    options:
      - {value: small, label: Small, scores: {size: 0}}
      - {value: large, label: Large, scores: {size: 100}}
  - id: m1
    type: multi
    text: Pick any.
    options:
      - {value: a, label: A, counts: [size]}
      - {value: b, label: B, counts: [size, focus]}
      - {value: none, label: None, none: true}
`

func mustLoad(t *testing.T, src string) *Bank {
	t.Helper()
	b, err := LoadBank("bank.yaml", []byte(src), LoadOptions{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return b
}

func TestSmallBankLoads(t *testing.T) {
	b := mustLoad(t, smallBank)
	if len(b.Dimensions) != 2 || len(b.Roles) != 2 || len(b.Questions) != 4 {
		t.Fatalf("got %d dimensions, %d roles, %d questions", len(b.Dimensions), len(b.Roles), len(b.Questions))
	}
	m1 := b.Questions[3]
	if m1.Kind != Multi || m1.None != 2 || len(m1.Dimensions) != 2 {
		t.Errorf("m1 = %+v", m1)
	}
	why := b.Roles[0]
	if why.Profile[1].Weight != 2 || why.Profile[1].Target != 50 || why.Profile[0].Weight != 1 {
		t.Errorf("why profile = %+v", why.Profile)
	}
	if s := b.Questions[0].Scale; s.Min != 1 || s.Max != 5 || s.Label(4) != "Agree" {
		t.Errorf("default scale = %+v", s)
	}
	if b.Gauge != -1 {
		t.Errorf("gauge = %d, want none", b.Gauge)
	}
}

func TestDefaultBankIsClean(t *testing.T) {
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, problems := CheckBank("questions.yaml", data, LoadOptions{})
	for _, p := range problems {
		t.Errorf("problem: %s", p)
	}
	if b == nil {
		t.Fatal("bank did not load")
	}
	if n := len(b.Questions); n < 24 || n > 40 {
		t.Errorf("%d questions, want 24 to 40", n)
	}
	kinds := map[Kind]int{}
	focusOnly := 0
	focus, _ := b.Dimension("focus")
	for _, q := range b.Questions {
		kinds[q.Kind]++
		if len(q.Dimensions) == 1 && q.Dimensions[0] == focus {
			focusOnly++
		}
	}
	if kinds[Single] == 0 || kinds[Multi] == 0 || kinds[Likert] == 0 {
		t.Errorf("question kinds = %v, want all three", kinds)
	}
	if focusOnly < 3 {
		t.Errorf("%d questions measure focus alone, want several", focusOnly)
	}
	for _, id := range []string{"background", "focus", "teams", "org-size", "growth", "ux", "gtm", "delivery", "experience"} {
		if _, ok := b.Dimension(id); !ok {
			t.Errorf("no dimension %q", id)
		}
	}
	for _, id := range []string{"pm", "tpm", "growth-pm", "core-pm", "product-owner", "apm", "pmm"} {
		ri, ok := b.Role(id)
		if !ok {
			t.Errorf("no role %q", id)
			continue
		}
		if r := b.Roles[ri]; r.Next == "" || r.Summary == "" {
			t.Errorf("role %q lacks a summary or next step", id)
		}
	}
	// The article's figures.
	for id, want := range map[string]int{"pm": 96522, "tpm": 100074} {
		ri, _ := b.Role(id)
		s := b.Roles[ri].Facts.Salary
		if s == nil || s.Amount != want || s.Year != 2021 || s.Currency != "USD" {
			t.Errorf("role %s salary = %+v, want %d USD (2021)", id, s, want)
		}
	}
}

// secondEdit completes the mistakes one edit cannot make.
var secondEdit = map[string][2]string{
	"dimension measured once": {"counts: [size, focus]", "counts: [size]"},
}

// TestBankProblems checks one mistake at a time: each gives exactly one
// error, at the right line and column, saying what is allowed.
func TestBankProblems(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string
	}{
		{"unknown top-level key", "id: small\n", "id: small\ntitel: x\n",
			`bank.yaml:3:1: bank: unknown key "titel" (did you mean "title"?); known keys: version, id, title, intro, language, gauge, scale, sources, dimensions, roles, questions`},
		{"unsupported version", "version: 1", "version: 2",
			`bank.yaml:1:10: version 2 is not supported (this pmfit reads version 1)`},
		{"duplicate dimension", "roles:\n", "  - {id: focus, name: Again, low: a, high: b}\nroles:\n",
			`bank.yaml:6:10: duplicate dimension id "focus" (first at line 4)`},
		{"invalid id", "id: small", "id: small bank",
			`bank.yaml:2:5: bank id "small bank" is not a valid id: use letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 long`},
		{"question measures unknown dimension", "dimension: focus, reverse", "dimension: focu, reverse",
			`bank.yaml:17:39: question "l2" measures unknown dimension "focu" (did you mean "focus"?)`},
		{"role profile names unknown dimension", "profile: {focus: 80, size: 90}", "profile: {focus: 80, sise: 90}",
			`bank.yaml:14:26: role "how" profile names unknown dimension "sise" (did you mean "size"?)`},
		{"target out of range", "profile: {focus: 80,", "profile: {focus: 180,",
			`bank.yaml:14:22: role "how" profile focus target 180 is outside 0 to 100`},
		{"weight not positive", "{target: 50, weight: 2}", "{target: 50, weight: -1}",
			`bank.yaml:10:53: role "why" profile size weight -1 must be greater than 0 and at most 100`},
		{"duplicate option value", "{value: large, label: Large", "{value: small, label: Large",
			`bank.yaml:23:17: question "s1": duplicate option value "small" (first at line 22)`},
		{"duplicate question id", "{id: l2,", "{id: l1,",
			`bank.yaml:17:10: duplicate question id "l1" (first at line 16)`},
		{"unknown question type", "type: single", "type: singel",
			`bank.yaml:19:11: question "s1": unknown type "singel" (did you mean "single"?); allowed: single, multi, likert`},
		{"key of another question kind", "reverse: true, text: I like customers.}", "reverse: true, text: I like customers., options: []}",
			`bank.yaml:17:95: question "l2": key "options" does not apply to a likert question`},
		{"inconsistent scale", "id: small\n", "id: small\nscale: {min: 1, max: 5, labels: [a, b, c]}\n",
			`bank.yaml:3:33: scale has 3 labels for 5 points (1 to 5): give one label per point`},
		{"scale upside down", "id: small\n", "id: small\nscale: {min: 5, max: 1, labels: [a]}\n",
			`bank.yaml:3:22: scale: max 1 must be greater than min 5`},
		{"dimension measured once", "  - {id: l2, type: likert, dimension: focus", "  - {id: l2, type: likert, dimension: size",
			`bank.yaml:4:5: dimension "focus" is measured by 1 question(s); at least 2 are needed for a stable score`},
		{"two none options", "{value: a, label: A, counts: [size]}", "{value: a, label: A, none: true}",
			`bank.yaml:30:42: question "m1": only one option may be "none of these"`},
		{"missing required key", "    name: How\n", "",
			`bank.yaml:11:5: role "how": missing required key "name"`},
		{"text of the wrong type", "text: How big?", "text: [How, big]",
			`bank.yaml:20:11: question "s1" text must be a string or a mapping of language to string, not a list`},
		{"string where a number belongs", "{focus: 20,", "{focus: twenty,",
			`bank.yaml:10:22: role "why" profile focus target must be a number, not "twenty"`},
		{"unknown gauge", "id: small\n", "id: small\ngauge: focs\n",
			`bank.yaml:3:8: gauge names unknown dimension "focs" (did you mean "focus"?)`},
		{"caveat on an unknown dimension", "    summary: How first.\n", "    summary: How first.\n    caveats: [{dimension: sise, below: 40, text: Rare.}]\n",
			`bank.yaml:14:27: role "how" caveats[1] names unknown dimension "sise" (did you mean "size"?)`},
		{"caveat with both bounds", "    summary: How first.\n", "    summary: How first.\n    caveats: [{dimension: size, below: 40, above: 60, text: Rare.}]\n",
			`bank.yaml:14:15: role "how" caveats[1] needs one of below or above (the score past which it applies)`},
		{"caveat bound out of range", "    summary: How first.\n", "    summary: How first.\n    caveats: [{dimension: size, above: 140, text: Rare.}]\n",
			`bank.yaml:14:15: role "how" caveats[1] bound 140 must be from 0 to 100`},
		{"fact not a boolean", "{id: l1, type: likert,", "{id: l1, type: likert, fact: maybe,",
			`bank.yaml:16:34: question "l1" fact must be true or false, not "maybe"`},
		{"YAML syntax error", "  - {id: l1,", "  - {id: l1,,",
			`bank.yaml:16:13: invalid YAML: while parsing a flow node: did not find expected node content`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(smallBank, tt.old) {
				t.Fatalf("test bank lacks %q", tt.old)
			}
			src := strings.Replace(smallBank, tt.old, tt.new, 1)
			if also, ok := secondEdit[tt.name]; ok {
				src = strings.Replace(src, also[0], also[1], 1)
			}
			_, err := LoadBank("bank.yaml", []byte(src), LoadOptions{})
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a *FileError", err)
			}
			if len(fe.Problems) != 1 || fe.Problems[0].String() != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// TestRouteFieldsLoad: facts, what moving toward a dimension's ends means,
// and role caveats, as routes to a role (pmfit path) use them.
func TestRouteFieldsLoad(t *testing.T) {
	src := strings.NewReplacer(
		"{id: size, name: Size, low: Small, high: Large}", "{id: size, name: Size, low: Small, high: Large, toward: {low: Go small, high: Go big}}",
		"    summary: How first.\n", "    summary: How first.\n    caveats: [{dimension: size, below: 40, text: Rare when small.}, {dimension: focus, above: 90, text: Far out.}]\n",
		"  - id: s1\n    type: single\n", "  - id: s1\n    type: single\n    fact: true\n",
	).Replace(smallBank)
	b := mustLoad(t, src)
	if d := b.Dimensions[1]; d.TowardLow != "Go small" || d.TowardHigh != "Go big" || b.Dimensions[0].TowardHigh != "" {
		t.Errorf("toward: %+v", b.Dimensions)
	}
	if !b.Questions[2].Fact || b.Questions[0].Fact {
		t.Errorf("facts: s1 %v, l1 %v", b.Questions[2].Fact, b.Questions[0].Fact)
	}
	cs := b.Roles[1].Caveats
	if len(cs) != 2 || cs[0].Dimension != 1 || cs[0].Bound != 40 || cs[0].Above || !cs[1].Above || cs[1].Text != "Far out." {
		t.Fatalf("caveats %+v", cs)
	}
	if !cs[0].Applies(39.9) || cs[0].Applies(40) || !cs[1].Applies(91) || cs[1].Applies(90) {
		t.Error("Applies is off at the bounds")
	}
}

func TestEveryProblemIsReported(t *testing.T) {
	src := strings.NewReplacer("version: 1", "version: 3", "{focus: 20,", "{focus: 200,", "type: single", "type: singel").Replace(smallBank)
	_, err := LoadBank("bank.yaml", []byte(src), LoadOptions{})
	var fe *FileError
	if !errors.As(err, &fe) || len(fe.Problems) != 3 {
		t.Fatalf("err = %v, want three problems", err)
	}
	if !strings.HasPrefix(err.Error(), "3 problems in bank.yaml:\nbank.yaml:1:10: ") {
		t.Errorf("message does not open with the count and the first problem:\n%s", err)
	}
}

func TestHostileFilesAreRefused(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for c := 'b'; c <= 'j'; c++ {
		bomb += string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+string(c-1)+", ", 9) + "*" + string(c-1) + "]\n"
	}
	tests := []struct {
		name, src, want string
	}{
		{"empty", "  \n", "bank.yaml: file is empty"},
		{"too large", "id: x\n" + strings.Repeat("#", MaxFileBytes), "bank.yaml: file is 4194310 bytes, more than the limit of 4194304"},
		{"billion laughs", bomb + "dimensions: *j\n", "bank.yaml:9:4: dimension 1 must be a mapping, not a list"},
		{"deep nesting", strings.Repeat("[", 20000), "bank.yaml:1:10001: invalid YAML: while increasing flow level: exceeded max depth of 10000"},
		{"several documents", "id: a\n---\nid: b\n", "bank.yaml: invalid YAML: expected one YAML document, found several (remove the extra '---')"},
		{"not a mapping", "- a\n- b\n", "bank.yaml:1:1: bank must be a mapping, not a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBank("bank.yaml", []byte(tt.src), LoadOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestAliasExpansionIsBounded builds a valid-looking bank whose aliases
// multiply the nodes the decoder must walk (100 questions × 64 options ×
// a label in 32 languages, the most allowed) and checks the walk stops at
// its budget.
func TestAliasExpansionIsBounded(t *testing.T) {
	var langs []string
	for a := 'a'; a <= 'd'; a++ {
		for b := 'a'; b <= 'h'; b++ {
			langs = append(langs, string(a)+string(b)+": x")
		}
	}
	var src strings.Builder
	src.WriteString(strings.Split(smallBank, "questions:\n")[0] + "questions:\n")
	for q := 0; q < 100; q++ {
		fmt.Fprintf(&src, "  - id: q%d\n    type: multi\n    text: t\n    options:\n", q)
		for o := 0; o < 64; o++ {
			label := "*label"
			if q == 0 && o == 0 {
				label = "&label {" + strings.Join(langs, ", ") + "}"
			}
			fmt.Fprintf(&src, "      - {value: o%d, label: %s, counts: [focus]}\n", o, label)
		}
	}
	_, err := LoadBank("bank.yaml", []byte(src.String()), LoadOptions{})
	var fe *FileError
	if !errors.As(err, &fe) || len(fe.Problems) != 1 || !strings.Contains(err.Error(), "file expands to more than 200000 YAML nodes (aliases included); refusing to read further") {
		t.Fatalf("err = %.500v", err)
	}
	big := strings.Replace(smallBank, "questions:\n", "questions:\n"+strings.Repeat("  - {id: q, type: likert, dimension: focus, text: t}\n", 600), 1)
	if _, err := LoadBank("bank.yaml", []byte(big), LoadOptions{}); err == nil || !strings.Contains(err.Error(), "questions: 604 is more than the limit of 500") {
		t.Errorf("err = %.300v, want the question limit", err)
	}
}

// TestHostileSizesStayCheap: huge keys and many languages cost little
// and say little.
func TestHostileSizesStayCheap(t *testing.T) {
	huge := strings.Repeat("k", 1<<20)
	_, err := LoadBank("bank.yaml", []byte(strings.Replace(smallBank, "id: small\n", "id: small\n"+huge+": 1\n", 1)), LoadOptions{})
	if err == nil || len(err.Error()) > 1000 || !strings.Contains(err.Error(), `unknown key "kkkk`) {
		t.Errorf("huge key: %.300v (%d bytes)", err, len(fmt.Sprint(err)))
	}
	var langs []string
	for i := 0; i < 40; i++ {
		langs = append(langs, fmt.Sprintf("l%c%c: x", 'a'+i/26, 'a'+i%26))
	}
	src := strings.Replace(smallBank, "id: small\n", "id: small\ntitle: {"+strings.Join(langs, ", ")+"}\n", 1)
	if _, err := LoadBank("bank.yaml", []byte(src), LoadOptions{}); err == nil || !strings.Contains(err.Error(), "title has 40 languages, more than the limit of 32") {
		t.Errorf("40 languages: %v", err)
	}
}

func TestProblemsAreCapped(t *testing.T) {
	src := smallBank + strings.Repeat("  - {id: bad id}\n", 300)
	_, err := LoadBank("bank.yaml", []byte(src), LoadOptions{})
	var fe *FileError
	if !errors.As(err, &fe) || len(fe.Problems) != 101 || !strings.HasSuffix(err.Error(), "more than 100 problems; stopping here") {
		t.Fatalf("err = %.300v…, %d problems", err, len(fe.Problems))
	}
}

func TestTextsAreSanitized(t *testing.T) {
	src := strings.Replace(smallBank, "text: How big?", `text: "How \e[31mbig\e[0m?\u202e"`, 1)
	b, problems := CheckBank("bank.yaml", []byte(src), LoadOptions{})
	if b == nil {
		t.Fatalf("bank refused: %v", problems)
	}
	got := b.Questions[2].Text
	if strings.ContainsAny(got, "\x1b\u202e") || got != "How \uFFFD[31mbig\uFFFD[0m?\uFFFD" {
		t.Errorf("text = %q", got)
	}
	if len(problems) != 1 || problems[0].Severity != Warning || !strings.Contains(problems[0].String(), "bank.yaml:20:11: warning: question \"s1\" text contains control characters") {
		t.Errorf("problems = %v", problems)
	}
}

func TestTranslatedTexts(t *testing.T) {
	src := strings.Replace(smallBank, "text: How big?", "text: {en: How big?, es: ¿Qué tamaño?}", 1)
	for lang, want := range map[string]string{"": "How big?", "es": "¿Qué tamaño?", "es-MX": "¿Qué tamaño?", "fr": "How big?"} {
		b, err := LoadBank("bank.yaml", []byte(src), LoadOptions{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		if got := b.Questions[2].Text; got != want {
			t.Errorf("lang %q: text = %q, want %q", lang, got, want)
		}
	}
	_, problems := CheckBank("bank.yaml", []byte(src), LoadOptions{})
	missing := 0
	for _, p := range problems {
		if strings.Contains(p.Message, "has no translation for es") {
			missing++
		}
	}
	// Every other text is plain English: each lacks Spanish.
	if missing == 0 {
		t.Errorf("no missing-translation warnings in %v", problems)
	}
}

// TestDefaultBankSpeaksSpanish: with --lang es every text people read is
// in Spanish: questions, options, scale labels, roles and their facts,
// dimensions. (A text equal in both languages would mean a missing
// translation fell back to English.)
func TestDefaultBankSpeaksSpanish(t *testing.T) {
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	en, err := LoadBank("questions.yaml", data, LoadOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	es, err := LoadBank("questions.yaml", data, LoadOptions{Lang: "es"})
	if err != nil {
		t.Fatal(err)
	}
	if es.Language != "es" || !contains(es.Languages, "es") {
		t.Fatalf("language %q of %v", es.Language, es.Languages)
	}
	// Words the same in both languages, which need no translation: the
	// Scrum title Spanish-speaking teams use as it is.
	same := map[string]bool{"Marketing": true, "Product Owner": true}
	check := func(what, e, s string) {
		t.Helper()
		if s == "" || (s == e && !same[e]) {
			t.Errorf("%s is not in Spanish: %q", what, s)
		}
	}
	check("title", en.Title, es.Title)
	check("intro", en.Intro, es.Intro)
	for i := range en.Scale.Labels {
		check("scale label", en.Scale.Labels[i], es.Scale.Labels[i])
	}
	for i, d := range en.Dimensions {
		check("dimension "+d.ID, d.Name, es.Dimensions[i].Name)
		check("dimension "+d.ID+" low", d.Low, es.Dimensions[i].Low)
		check("dimension "+d.ID+" high", d.High, es.Dimensions[i].High)
	}
	for i, r := range en.Roles {
		o := es.Roles[i]
		check("role "+r.ID, r.Name, o.Name)
		check("role "+r.ID+" summary", r.Summary, o.Summary)
		check("role "+r.ID+" next", r.Next, o.Next)
		for _, f := range [][2]Fact{{r.Facts.Background, o.Facts.Background}, {r.Facts.Focus, o.Facts.Focus}, {r.Facts.Teams, o.Facts.Teams}, {r.Facts.Where, o.Facts.Where}} {
			if f[0].Text != "" {
				check("role "+r.ID+" fact", f[0].Text, f[1].Text)
			}
		}
		if s := r.Facts.Salary; s != nil && s.Note != "" {
			check("role "+r.ID+" salary note", s.Note, o.Facts.Salary.Note)
		}
	}
	for i, q := range en.Questions {
		o := es.Questions[i]
		check("question "+q.ID, q.Text, o.Text)
		for j, opt := range q.Options {
			check("question "+q.ID+" option "+opt.Value, opt.Label, o.Options[j].Label)
		}
		for v := q.Scale.Min; q.Kind == Likert && v <= q.Scale.Max; v++ {
			check("question "+q.ID+" scale", q.Scale.Label(v), o.Scale.Label(v))
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := map[string]string{
		"plain":              "plain",
		"tab\tand\nnewline":  "tab\tand\nnewline",
		"\x1b[2J":            "\uFFFD[2J",
		"bell\a":             "bell\uFFFD",
		"c1 \u009b31m":       "c1 \uFFFD31m",
		"del\x7f":            "del\uFFFD",
		"bidi \u202eevil":    "bidi \uFFFDevil",
		"bad utf8 \xff":      "bad utf8 \uFFFD",
		"accents: ¿Qué tal?": "accents: ¿Qué tal?",
	}
	for in, want := range tests {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"focus", "background", "org-size"}
	for word, want := range map[string]string{"focs": "focus", "Focus": "focus", "backgrund": "background", "orgsize": "org-size", "zzz": "", "fcous": "focus"} {
		if got := suggest(word, ids); got != want {
			t.Errorf("suggest(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestRoleFactsCiteSources: a fact is a text, or {text, source} naming one
// of the bank's sources; a salary's source names one when the bank lists
// any, and is a note in words when it lists none.
func TestRoleFactsCiteSources(t *testing.T) {
	const src = `dimensions:
  - {id: d, name: D, low: l, high: h}
SOURCES
roles:
  - id: r
    name: R
    summary: S
    profile: {d: 50}
    salary: {amount: 1000, currency: EUR, year: 2024, source: SALARY}
    background: BACKGROUND
    where: Anywhere.
questions:
  - {id: q1, type: likert, dimension: d, text: t}
  - {id: q2, type: likert, dimension: d, reverse: true, text: t}
`
	const listed = "sources:\n  - {id: survey, name: the survey, title: A 2024 salary survey}"
	load := func(sources, salary, background string) (*Bank, string) {
		s := strings.NewReplacer("SOURCES", sources, "SALARY", salary, "BACKGROUND", background).Replace(src)
		b, problems := CheckBank("bank.yaml", []byte(s), LoadOptions{})
		got := ""
		for _, p := range problems {
			got += p.String() + "\n"
		}
		return b, got
	}

	b, problems := load(listed, "survey", "{text: From the survey., source: survey}")
	if problems != "" {
		t.Fatalf("problems:\n%s", problems)
	}
	r := b.Roles[0]
	if r.Facts.Background != (Fact{Text: "From the survey.", Reference: "survey"}) || r.Facts.Where != (Fact{Text: "Anywhere."}) {
		t.Errorf("facts = %+v", r.Facts)
	}
	if s := r.Facts.Salary; s.Reference != "survey" || s.Note != "" {
		t.Errorf("salary = %+v", s)
	}
	if ref, ok := b.Reference("survey"); !ok || ref.Name != "the survey" || ref.Title != "A 2024 salary survey" || ref.URL != "" {
		t.Errorf("reference = %+v", ref)
	}
	b, problems = load("sources:\n  - {id: survey, name: S, url: \"https://example.org/survey?y=2024\"}", "survey", "T")
	if ref, _ := b.Reference("survey"); problems != "" || ref.URL != "https://example.org/survey?y=2024" {
		t.Errorf("reference with an address = %+v, problems:\n%s", ref, problems)
	}

	// Without a sources list, a salary's source is a note, as before.
	b, problems = load("", `"a 2024 survey"`, "From a survey.")
	if problems != "" {
		t.Fatalf("problems:\n%s", problems)
	}
	if s := b.Roles[0].Facts.Salary; s.Note != "a 2024 survey" || s.Reference != "" {
		t.Errorf("salary = %+v", s)
	}

	for _, tt := range []struct{ sources, salary, background, want string }{
		{"", `"a 2024 survey"`, "{text: T, source: survey}",
			`bank.yaml:10:35: role "r" background source "survey": the bank lists no sources (add a top-level sources list)`},
		{listed, "survey", "{text: T, source: surevy}",
			`bank.yaml:11:35: role "r" background source names unknown source "surevy" (did you mean "survey"?) (sources: survey)`},
		{listed, "census", "T",
			`bank.yaml:10:63: role "r" salary source names unknown source "census" (sources: survey)`},
		{listed, "survey", "{text: T, sorce: survey}",
			`bank.yaml:11:27: role "r" background: unknown key "sorce" (did you mean "source"?); known keys: text, source`},
		// A source's address must be one a report can link safely.
		{"sources:\n  - {id: survey, name: S, url: \"javascript:alert(1)\"}", "survey", "T",
			`bank.yaml:4:32: source "survey" url "javascript:alert(1)" is not an address a report can link: use an absolute http:// or https:// URL`},
		{"sources:\n  - {id: survey, name: S, url: \"https://example.org/a b\"}", "survey", "T",
			`is not an address a report can link`},
		{"sources:\n  - {id: survey, name: S, url: \"https://me:pw@example.org/\"}", "survey", "T",
			`without a user name`},
		{"sources:\n  - {id: survey, name: S, url: /relative}", "survey", "T",
			`url "/relative" is not an address`},
	} {
		if _, problems := load(tt.sources, tt.salary, tt.background); !strings.Contains(problems, tt.want) {
			t.Errorf("problems:\n%swant:\n%s", problems, tt.want)
		}
	}
}
