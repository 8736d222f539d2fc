package report

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmfit/pmfit/internal/batch"
	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden reports")

func loadBank(t testing.TB, path, lang string) *quiz.Bank {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.LoadBank(path, data, quiz.LoadOptions{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func answersFrom(t testing.TB, b *quiz.Bank, path string) quiz.Answers {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := quiz.ParseAnswerFile(b, path, data)
	if err != nil {
		t.Fatal(err)
	}
	return set.Answers
}

// drawPerson draws a person's report for answers on bank b.
func drawPerson(t testing.TB, b *quiz.Bank, lang string, answers quiz.Answers, file string) string {
	t.Helper()
	p := i18n.New(lang)
	res := scoring.New(b).Score(answers, scoring.Options{Explain: 3, Route: scoring.RouteRunnerUp})
	var out bytes.Buffer
	person := NewPerson(p, b, answers, &res, "", file, time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC))
	if err := WritePerson(&out, person); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./internal/report -update rewrites it; review the diff)", name)
	}
}

// TestWorkedExampleReport: the report of docs/scoring.md's worked
// example, held as a golden file, with the numbers the document quotes.
func TestWorkedExampleReport(t *testing.T) {
	b := loadBank(t, "../scoring/testdata/worked-example.yaml", "")
	answers := b.NewAnswers()
	for id, vals := range map[string][]string{"q1": {"4"}, "q2": {"2"}, "q3": {"how"}, "q4": {"large"}, "q5": {"a", "c"}} {
		qi, _ := b.Question(id)
		a, err := b.ParseAnswer(qi, vals)
		if err != nil {
			t.Fatal(err)
		}
		answers[qi] = a
	}
	page := drawPerson(t, b, "en", answers, "worked-example-answers.yaml")
	for _, want := range []string{
		`How <span class="nowrap">PM <span class="fit">· 95%</span></span>`,
		`data-role="how-pm"`, `data-fit="95.4"`, `data-fit="41.9"`,
		`data-dim="focus"`, `data-score="86"`, `data-score="87.5"`,
		"Someone neutral on every question would fit it 65%; your answers moved it up 30.8 points.",
		"pmfit score --answers worked-example-answers.yaml",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	golden(t, "worked-example.html", page)
}

// TestPersonaReport: a real persona's report on the default bank, in
// English and Spanish, as golden files.
func TestPersonaReport(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		b := loadBank(t, "../../questions.yaml", lang)
		page := drawPerson(t, b, lang, answersFrom(t, b, "../../testdata/personas/core-researcher.yaml"), "core-researcher.yaml")
		golden(t, "core-researcher."+lang+".html", page)
		for _, want := range map[string][]string{
			"en": {"<summary>What it would take: Product Manager</summary>", "pmfit path --to pm --answers core-researcher.yaml"},
			"es": {"<summary>Qué haría falta: Gerente de producto</summary>"},
		}[lang] {
			if !strings.Contains(page, want) {
				t.Errorf("%s: report lacks %q", lang, want)
			}
		}
		if !strings.Contains(page, `<html lang="`+lang+`">`) {
			t.Errorf("%s: page language not set", lang)
		}
	}
}

// allowedTags are the elements pmfit's pages are made of: anything else
// in a page came from a bank or an answer file.
var allowedTags = map[string]bool{
	"!doctype": true, "html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "section": true, "footer": true, "h1": true, "h2": true, "h3": true, "p": true,
	"strong": true, "span": true, "ul": true, "li": true, "dl": true, "dt": true, "dd": true,
	"details": true, "summary": true, "table": true, "thead": true, "tbody": true, "tr": true,
	"th": true, "td": true, "pre": true, "code": true, "figure": true, "figcaption": true, "div": true,
	"svg": true, "desc": true, "g": true, "text": true, "tspan": true, "rect": true, "line": true, "circle": true,
	"path": true, "br": true, "a": true,
}

var (
	tagPattern   = regexp.MustCompile(`<(/?)([!a-zA-Z][a-zA-Z0-9-]*)`)
	openTag      = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	quoted       = regexp.MustCompile(`"[^"]*"`)
	labelledBars = regexp.MustCompile(`<div class="hchart [a-z]+" role="img" aria-label="[^"]+"`)
	// A link within the page, or a source's own address, are the hrefs
	// pmfit writes.
	inPageLink  = regexp.MustCompile(`\shref="#[a-zA-Z0-9_-]+"|^<a class="ref" href="https?://[^"]+" rel="noreferrer"`)
	badAttrPatt = regexp.MustCompile(`(?i)\s(on[a-z]+|src|href|xlink:href|formaction)\s*=`)
)

// checkSafePage fails the test on markup a page should not hold: an
// element pmfit does not write, a second style sheet, a script, an event
// handler, a remote URL; and on a missing Content-Security-Policy.
func checkSafePage(t *testing.T, name, page string) {
	t.Helper()
	for _, m := range tagPattern.FindAllStringSubmatch(page, -1) {
		if !allowedTags[strings.ToLower(m[2])] {
			t.Errorf("%s: element <%s%s> in the page", name, m[1], m[2])
		}
	}
	if n := strings.Count(page, "<style"); n != 1 {
		t.Errorf("%s: %d style elements, want 1", name, n)
	}
	for _, tag := range openTag.FindAllString(page, -1) {
		// Attribute values are escaped text: only the names count.
		if m := badAttrPatt.FindString(quoted.ReplaceAllString(inPageLink.ReplaceAllString(tag, ""), `""`)); m != "" {
			t.Errorf("%s: attribute %q in %s", name, m, tag)
		}
	}
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Errorf("%s: a script element", name)
	}
	if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;`) {
		t.Errorf("%s: no strict Content-Security-Policy", name)
	}
}

// TestHostileBankCannotInjectMarkup: a bank full of planted markup, and
// answer ids holding more, draw pages where all of it is text.
func TestHostileBankCannotInjectMarkup(t *testing.T) {
	b := loadBank(t, "../../testdata/banks/hostile.yaml", "")
	answers := b.NewAnswers()
	for qi, q := range b.Questions {
		switch q.Kind {
		case quiz.Likert:
			answers[qi] = quiz.Answer{Set: true, Level: q.Scale.Min}
		case quiz.Single:
			answers[qi] = quiz.Answer{Set: true, Choice: 0}
		default:
			answers[qi] = quiz.Answer{Set: true, Picks: 1}
		}
	}
	person := drawPerson(t, b, "en", answers, "x'; touch PWNED; '.yaml")
	checkSafePage(t, "person", person)
	if !strings.Contains(person, "Role \uFFFD[31mone&lt;script&gt;alert(&#39;role&#39;)&lt;/script&gt;") {
		t.Errorf("the planted role name is not shown as text")
	}

	m := scoring.New(b)
	var people []render.Compared
	for _, id := range []string{"<script>alert(1)</script>", `"><img src=x onerror=alert(2)>`} {
		res := m.Score(answers, scoring.Options{})
		people = append(people, render.Compared{ID: id, Answers: answers, Result: &res})
	}
	var cmp bytes.Buffer
	if err := WriteCompare(&cmp, i18n.New("en"), b, render.Comparison(i18n.New("en"), b, people)); err != nil {
		t.Fatal(err)
	}
	checkSafePage(t, "compare", cmp.String())

	lines := `{"id":"<script>alert(3)</script>","answers":{"l1":1,"l2":1,"s1":"a","m1":["x"]}}` + "\n" +
		`{"id":"</title><svg onload=alert(4)>","answers":{"l1":3,"l2":2,"s1":"b","m1":["y"]}}` + "\n"
	checkSafePage(t, "cohort", drawCohort(t, b, lines))
}

// drawCohort runs batch scoring of NDJSON lines into a team view.
func drawCohort(t *testing.T, b *quiz.Bank, lines string) string {
	t.Helper()
	var out bytes.Buffer
	_, err := batch.Run(batch.Options{
		Bank: b, Model: scoring.New(b), Lookup: batch.NewLookup(b),
		Inputs: []batch.Input{{Name: "-", Format: batch.NDJSON}}, Stdin: strings.NewReader(lines),
		Encoder: NewCohort(i18n.New("en"), b, scoring.New(b)), Out: &out, Note: func(string) {},
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestCohortStaysReadable: a cohort's page counts everyone, but maps an
// even sample of at most MaxMapPoints people, and lists the same sample.
func TestCohortStaysReadable(t *testing.T) {
	b := loadBank(t, "../../questions.yaml", "")
	for _, n := range []int{2, 299, 300, 301, 5000} {
		var gen bytes.Buffer
		if err := batch.Generate(&gen, b, n, 7, "ndjson"); err != nil {
			t.Fatal(err)
		}
		page := drawCohort(t, b, gen.String()+"{\"id\":\"bad\",\"answers\":{\"degree\":\"nope\"}}\n")
		checkSafePage(t, "cohort", page)
		points := strings.Count(page, `<path class="dot series`)
		want := n
		if n > MaxMapPoints {
			want = (n + (n+MaxMapPoints-1)/MaxMapPoints - 1) / ((n + MaxMapPoints - 1) / MaxMapPoints)
		}
		if points != want || points > MaxMapPoints {
			t.Errorf("%d people: %d points on the map, want %d", n, points, want)
		}
		if rows := strings.Count(page, `<tr data-person="`); rows != points {
			t.Errorf("%d people: %d rows in the people table, want %d", n, rows, points)
		}
		counted := 0
		for _, m := range regexp.MustCompile(`data-count="(\d+)"`).FindAllStringSubmatch(page, -1) {
			c, _ := strconv.Atoi(m[1])
			counted += c
		}
		if counted != n {
			t.Errorf("%d people: the role counts add up to %d", n, counted)
		}
		if !strings.Contains(page, fmt.Sprintf("%d people: where each landed", n)) || !strings.Contains(page, "scored, 1 invalid.") {
			t.Errorf("%d people: no heading or counts", n)
		}
		// A table for every chart: role counts, map, histograms; and the
		// people.
		if tables := strings.Count(page, "<table"); tables != 4 {
			t.Errorf("%d people: %d tables, want 4", n, tables)
		}
		if len(page) > 600<<10 {
			t.Errorf("%d people: page of %d bytes", n, len(page))
		}
	}
}

// TestPersonReportsStaySmall: every persona's report, in both languages,
// stays well under the size limit and has its text equivalents.
func TestPersonReportsStaySmall(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		b := loadBank(t, "../../questions.yaml", lang)
		files, _ := filepath.Glob("../../testdata/personas/*.yaml")
		for _, f := range files {
			page := drawPerson(t, b, lang, answersFrom(t, b, f), filepath.Base(f))
			if len(page) > MaxPageBytes/2 {
				t.Errorf("%s (%s): %d bytes", f, lang, len(page))
			}
			checkSafePage(t, f, page)
			// A drawn chart carries a desc; an HTML chart an aria-label.
			svgs, descs := strings.Count(page, "<svg class=\"chart"), strings.Count(page, "<desc id=")
			bars, labels := strings.Count(page, "<div class=\"hchart"), len(labelledBars.FindAllString(page, -1))
			if svgs != descs || bars != labels || svgs+bars < 3 {
				t.Errorf("%s: %d drawn charts with %d descriptions, %d HTML charts with %d labels", f, svgs, descs, bars, labels)
			}
		}
	}
}

// TestSourceAddressIsAPlainLink: a source with a url is a link to it,
// its address escaped, and printed beside its title; one without stays
// text (the default bank's article has no address pmfit could vouch for).
func TestSourceAddressIsAPlainLink(t *testing.T) {
	data, err := os.ReadFile("../../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plain := loadBank(t, "../../questions.yaml", "")
	page := drawPerson(t, plain, "en", answersFrom(t, plain, "../../testdata/personas/tpm-platform.yaml"), "tpm.yaml")
	if strings.Contains(page, `class="ref"`) {
		t.Errorf("a source without an address is linked")
	}

	const title = "    title:\n      en: \"\\\"What is the key difference"
	if !bytes.Contains(data, []byte(title)) {
		t.Fatal("the article's title is not where the test expects it")
	}
	addr := `https://example.org/pm-vs-tpm?a=1&b="2"><script>x</script>`
	linked := bytes.Replace(data, []byte(title), []byte("    url: '"+addr+"'\n"+title), 1)
	b, err := quiz.LoadBank("questions.yaml", linked, quiz.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	page = drawPerson(t, b, "en", answersFrom(t, b, "../../testdata/personas/tpm-platform.yaml"), "tpm.yaml")
	checkSafePage(t, "linked", page)
	want := `<a class="ref" href="https://example.org/pm-vs-tpm?a=1&amp;b=%222%22%3e%3cscript%3ex%3c/script%3e" rel="noreferrer">&#34;What is the key difference`
	if !strings.Contains(page, want) {
		i := strings.Index(page, `id="ref-article"`)
		t.Errorf("no link to the article; got %q", page[i:min(len(page), i+300)])
	}
}

// TestMapNumbersDoNotCollide: every person's number on the team map is
// inside the frame and clear of every other number, and of every lone
// marker, for a clump at one spot, clumps side by side, and people spread
// as a team would be.
func TestMapNumbersDoNotCollide(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var spread []spot
	for i := range 35 {
		spread = append(spread, spot{num: i + 1, role: i % palette, x: 20 + 320*rng.Float64(), y: 20 + 320*rng.Float64()})
	}
	var clumps, one []spot
	for i := range 16 {
		clumps = append(clumps, spot{num: i + 1, role: i % palette, x: 100 + 12*float64(i/4), y: 200})
	}
	for i := range 6 {
		one = append(one, spot{num: i + 1, role: i, x: 180, y: 180})
	}
	for name, spots := range map[string][]spot{"spread": spread, "clumps": clumps, "one spot": one} {
		points, labels := placeSpots(spots)
		if len(points) != len(spots) || len(labels) != len(spots) {
			t.Fatalf("%s: %d points, %d labels for %d people", name, len(points), len(labels), len(spots))
		}
		type box struct{ x0, y0, x1, y1 float64 }
		boxOf := func(l mapLabel) box {
			w := 6.5*float64(len(l.Text)) + 1
			return box{l.X - w/2, l.Y + 1.5 - 10, l.X + w/2, l.Y + 1.5}
		}
		overlap := func(a, b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
		lone := map[int]bool{}
		for i, s := range spots {
			lone[i] = true
			for j, o := range spots {
				if i != j && math.Abs(s.x-o.x) < 10 && math.Abs(s.y-o.y) < 10 {
					lone[i] = false
				}
			}
		}
		for i, l := range labels {
			a := boxOf(l)
			if a.x0 < 0 || a.y0 < 0 || a.x1 > 360 || a.y1 > 360 {
				t.Errorf("%s: number %s outside the frame: %+v", name, l.Text, a)
			}
			for j := range i {
				if overlap(a, boxOf(labels[j])) {
					t.Errorf("%s: numbers %s and %s overlap", name, l.Text, labels[j].Text)
				}
			}
			for j, s := range spots {
				if lone[j] && overlap(a, box{s.x - 5, s.y - 5, s.x + 5, s.y + 5}) {
					t.Errorf("%s: number %s covers person %d's marker", name, l.Text, s.num)
				}
			}
		}
	}
}

// TestTeamRoutesShareOneBudget: the routes a team page works out share
// one work budget; past it, the people listed last go without, and the
// page says how many.
func TestTeamRoutesShareOneBudget(t *testing.T) {
	b := loadBank(t, "../../questions.yaml", "")
	var gen bytes.Buffer
	if err := batch.Generate(&gen, b, 40, 3, "ndjson"); err != nil {
		t.Fatal(err)
	}
	draw := func(work int) string {
		enc := NewCohort(i18n.New("en"), b, scoring.New(b))
		enc.RouteWork = work
		var out bytes.Buffer
		if _, err := batch.Run(batch.Options{
			Bank: b, Model: scoring.New(b), Lookup: batch.NewLookup(b),
			Inputs: []batch.Input{{Name: "-", Format: batch.NDJSON}}, Stdin: strings.NewReader(gen.String()),
			Encoder: enc, Out: &out, Note: func(string) {},
		}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	takes := regexp.MustCompile(`<td class="take" data-label="[^"]*">([^<]*)</td>`)
	count := func(page string) (with, without int) {
		for _, m := range takes.FindAllStringSubmatch(page, -1) {
			if m[1] == "–" {
				without++
			} else {
				with++
			}
		}
		return with, without
	}

	page := draw(0)
	if with, without := count(page); with != 40 || without != 0 || strings.Contains(page, "search budget ran out") {
		t.Errorf("default budget: %d people with what it would take, %d without", with, without)
	}
	page = draw(1)
	with, without := count(page)
	if with != 1 || without != 39 || !strings.Contains(page, "What it would take is left out for the last 39 people listed") {
		t.Errorf("a budget of 1: %d with, %d without; note present: %v", with, without, strings.Contains(page, "left out"))
	}
	if !strings.Contains(page, "at most") && !strings.Contains(page, "none found within the search") {
		t.Errorf("the one route cut by the budget does not say so")
	}
}

// TestTemplatesHoldNoWords: every word a page shows comes from the bank
// or from i18n, so a Spanish page has no English left in it; the
// templates hold markup, CSS and template actions only.
func TestTemplatesHoldNoWords(t *testing.T) {
	names, err := fs.Glob(files, "templates/*.tmpl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	strip := []*regexp.Regexp{
		regexp.MustCompile(`(?s)<style>.*?</style>`),
		regexp.MustCompile(`(?s)\{\{.*?\}\}`),
		regexp.MustCompile(`(?s)<[^>]*>`),
		regexp.MustCompile(`&[a-z]+;|&#\d+;`),
	}
	word := regexp.MustCompile(`\p{L}{2,}`)
	for _, name := range names {
		data, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, re := range strip {
			text = re.ReplaceAllString(text, " ")
		}
		if w := word.FindAllString(text, -1); len(w) > 0 {
			t.Errorf("%s shows words of its own: %q", name, w)
		}
	}
}

// TestCompareStacksWithoutCover: twelve people with the same answers
// stand on every track at one spot; stacked above and below it, no
// marker covers another, and each row grows to hold its stack.
func TestCompareStacksWithoutCover(t *testing.T) {
	b := loadBank(t, "../../questions.yaml", "")
	answers := answersFrom(t, b, "../../testdata/personas/tpm-platform.yaml")
	m := scoring.New(b)
	var people []render.Compared
	for i := range 12 {
		res := m.Score(answers, scoring.Options{})
		people = append(people, render.Compared{ID: fmt.Sprintf("twin-%d", i+1), Answers: answers, Result: &res})
	}
	var out bytes.Buffer
	p := i18n.New("en")
	if err := WriteCompare(&out, p, b, render.Comparison(p, b, people)); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	group := regexp.MustCompile(`(?s)<g class="dimension" data-dim="([^"]+)" transform="translate\(0 ([0-9.]+)\)">(.*?)</g>`)
	marker := regexp.MustCompile(`<path class="person hollow k\d+" data-person="[^"]+" data-score="[^"]+" d="([^"]+)"`)
	point := regexp.MustCompile(`[ML]([-0-9.]+) ([-0-9.]+)`)
	rows := group.FindAllStringSubmatch(page, -1)
	if len(rows) != len(b.Dimensions) {
		t.Fatalf("%d rows, want %d", len(rows), len(b.Dimensions))
	}
	bottom := 0.0
	for _, row := range rows {
		top, _ := strconv.ParseFloat(row[2], 64)
		if top < bottom {
			t.Errorf("%s: row starts at %.1f, inside the row above (which reaches %.1f)", row[1], top, bottom)
		}
		var ys []float64
		for _, mk := range marker.FindAllStringSubmatch(row[3], -1) {
			// A marker's middle: a circle's starting point, or the mean
			// of a shape's corners.
			pts := point.FindAllStringSubmatch(mk[1], -1)
			sum := 0.0
			for _, pt := range pts {
				y, _ := strconv.ParseFloat(pt[2], 64)
				sum += y
			}
			ys = append(ys, sum/float64(len(pts)))
		}
		if len(ys) != 12 {
			t.Fatalf("%s: %d markers", row[1], len(ys))
		}
		slices.Sort(ys)
		for i := 1; i < len(ys); i++ {
			if ys[i]-ys[i-1] < 9 {
				t.Errorf("%s: markers at %.1f and %.1f cover each other", row[1], ys[i-1], ys[i])
			}
		}
		if ys[0]-5 < 18 {
			t.Errorf("%s: the top marker (%.1f) reaches the dimension's name", row[1], ys[0])
		}
		bottom = top + ys[len(ys)-1] + 5
	}
}
