package main

// These tests open pmfit's HTML pages in headless Chromium, from disk,
// with every network request blocked and recorded, and read back what a
// person would see: the charts' marks and where they landed, text
// contrast, overflow at phone and desktop widths, the printed page
// count; and they write screenshots for a person to look at.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// findBrowser returns a Chromium to test with: $PMFIT_CHROMIUM, else the
// first found on PATH. Outside CI a missing browser skips the tests; in
// CI (.ci/run installs Debian's chromium) it fails them.
func findBrowser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PMFIT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found: .ci/run installs Debian's chromium package")
	}
	t.Skip("no Chromium found: install Debian's chromium package (or set PMFIT_CHROMIUM) to run the browser tests")
	return ""
}

// browser is one headless Chromium for a test.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	requests []string
	problems []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findBrowser(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			b.problems = append(b.problems, "exception: "+e.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				b.problems = append(b.problems, "console "+string(e.Type))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
				b.problems = append(b.problems, fmt.Sprintf("%s: %s", e.Entry.Level, e.Entry.Text))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// Nothing may leave the machine: every scheme but file: is blocked,
	// and every request is recorded.
	var blocked []*network.BlockPattern
	for _, scheme := range []string{"http", "https", "ws", "wss", "ftp"} {
		blocked = append(blocked, &network.BlockPattern{URLPattern: scheme + "://*:*/*", Block: true})
	}
	steps := []func() error{
		func() error { _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); return err },
		func() error { _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); return err },
		func() error { _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); return err },
		func() error {
			_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: blocked})
			return err
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// open loads a page from disk at the given width and color scheme, and
// checks it made no request but its own and reported no problem.
func (b *browser) open(path string, width int64, scheme string) {
	b.t.Helper()
	abs, _ := filepath.Abs(path)
	url := "file://" + abs
	b.mu.Lock()
	b.requests, b.problems = nil, nil
	b.mu.Unlock()
	if _, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600}); err != nil {
		b.t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
		b.t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url), chromedp.WaitReady("footer")); err != nil {
		b.t.Fatalf("%s: %v", path, err)
	}
	time.Sleep(100 * time.Millisecond) // late console messages
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, r := range b.requests {
		if r != url {
			b.t.Errorf("%s made a request: %s", filepath.Base(path), r)
		}
	}
	for _, p := range b.problems {
		b.t.Errorf("%s at %d px (%s): %s", filepath.Base(path), width, scheme, p)
	}
}

// eval runs a script in the page and decodes its result into v.
func (b *browser) eval(js string, v any) {
	b.t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[json.RawMessage](js))
	if err != nil {
		b.t.Fatalf("%v\n%s", err, js)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		b.t.Fatalf("%v: %s", err, raw)
	}
}

// screenshot writes the whole page as a PNG to path.
func (b *browser) screenshot(path string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// pdfText prints the page as Chromium would to A4 and returns the PDF's
// text, as pdftotext (poppler-utils, which .ci/run installs) reads it.
func (b *browser) pdfText() string {
	b.t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			b.t.Fatalf("pdftotext is not installed (.ci/run installs poppler-utils): %v", err)
		}
		b.t.Skip("pdftotext is not installed; apt-get install poppler-utils to run this test")
	}
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), func(p *page.PrintToPDFParams) { yes := true; p.PreferCSSPageSize = &yes }))
	if err != nil {
		b.t.Fatal(err)
	}
	cmd := exec.Command(tool, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		b.t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pageFill counts the lines of text on each printed page (pdftotext ends
// each page with a form feed).
func pageFill(text string) []int {
	var fill []int
	for _, page := range strings.Split(strings.TrimSuffix(text, "\f"), "\f") {
		n := 0
		for _, line := range strings.Split(page, "\n") {
			if strings.TrimSpace(line) != "" {
				n++
			}
		}
		fill = append(fill, n)
	}
	return fill
}

// brokenWords are the words the page breaks inside, across two lines
// (a break after a hyphen or a slash is not one).
func (b *browser) brokenWords() []string {
	b.t.Helper()
	var broken []string
	b.eval(`(() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode()); ) {
    if (n.parentElement.closest("svg, pre, details:not([open]) > :not(summary)")) continue;
    const re = /[^\s\-–—\/]+/g;
    let m;
    while ((m = re.exec(n.textContent))) {
      if (m[0].length < 2) continue;
      const r = document.createRange();
      r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
      const rects = [...r.getClientRects()].filter(x => x.width > 0);
      if (rects.length > 1 && Math.abs(rects[0].top - rects[rects.length - 1].top) > 2) broken.push(m[0]);
    }
  }
  return broken.slice(0, 10);
})()`, &broken)
	return broken
}

// layoutChecks are run in the page: elements wider than the window, and
// the lowest text contrast against the page's background (WCAG).
const layoutChecks = `(() => {
  const lum = c => {
    const m = c.match(/[\d.]+/g).map(Number);
    const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(m[0]) + 0.7152 * ch(m[1]) + 0.0722 * ch(m[2]);
  };
  const bg = lum(getComputedStyle(document.documentElement).backgroundColor);
  const ratio = c => { const l = lum(c); return (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05); };
  const W = document.documentElement.clientWidth;
  const over = [];
  let minContrast = 99, worst = "";
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest("pre, details:not([open]) > :not(summary)")) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > W + 0.5 || r.left < -0.5)) over.push(el.tagName + "." + (el.getAttribute("class") || "") + " " + Math.round(r.left) + ".." + Math.round(r.right));
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || r.width === 0) continue;
    const cs = getComputedStyle(el);
    const c = el instanceof SVGElement ? cs.fill : cs.color;
    if (!c.startsWith("rgb")) continue;
    const k = ratio(c);
    if (k < minContrast) { minContrast = k; worst = el.tagName + " " + el.textContent.trim().slice(0, 40) + " " + c; }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: W, over: over.slice(0, 5), minContrast, worst};
})()`

type layout struct {
	ScrollWidth, Width int
	Over               []string
	MinContrast        float64
	Worst              string
}

// checkLayout fails the test on horizontal overflow or text under the
// WCAG AA contrast of 4.5:1.
func (b *browser) checkLayout(name string, width int64, scheme string) {
	b.t.Helper()
	var l layout
	b.eval(layoutChecks, &l)
	if l.ScrollWidth > l.Width || len(l.Over) > 0 {
		b.t.Errorf("%s at %d px: page %d wide in a %d px window; overflowing: %v", name, width, l.ScrollWidth, l.Width, l.Over)
	}
	b.t.Logf("%s at %d px (%s): lowest text contrast %.2f:1 (%s)", name, width, scheme, l.MinContrast, l.Worst)
	if l.MinContrast < 4.5 {
		b.t.Errorf("%s (%s): text contrast %.2f:1, under WCAG AA's 4.5:1: %s", name, scheme, l.MinContrast, l.Worst)
	}
}

// marks reads a chart's marks back from the page: for each element the
// selector matches, its data attributes and where its centre sits across
// its SVG, in the chart's 360-unit coordinates.
func (b *browser) marks(selector string) []mark {
	b.t.Helper()
	var m []mark
	b.eval(fmt.Sprintf(`[...document.querySelectorAll(%q)].map(el => {
  const svg = el.ownerSVGElement, s = svg.getBoundingClientRect(), r = el.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  return {data: {...el.dataset}, x: vb.x + (r.left + r.width / 2 - s.left) / s.width * vb.width,
          left: vb.x + (r.left - s.left) / s.width * vb.width, w: r.width / s.width * vb.width};
})`, selector), &m)
	return m
}

type mark struct {
	Data    map[string]string
	X, Left float64
	W       float64
}

// screenshotDir is where screenshots go: docs/img with -update (the
// README shows them), else a temporary folder named in the test log.
func screenshotDir(t *testing.T) string {
	if *update {
		return "docs/img"
	}
	dir := filepath.Join(os.TempDir(), "pmfit-screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs the built pmfit and fails the test unless it exits 0.
func run(t *testing.T, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(pmfitBinary(t), args...).Output()
	if err != nil {
		t.Fatalf("pmfit %v: %v", args, err)
	}
	return out
}

// hbars reads an HTML chart's marks back from the page: for each element
// the selector matches, its data attributes, and where it starts, ends
// and is centred across its line (the closest ancestor of class track or
// line), as a share of that line.
func (b *browser) hbars(selector string) []hmark {
	b.t.Helper()
	var m []hmark
	b.eval(fmt.Sprintf(`[...document.querySelectorAll(%q)].map(el => {
  const line = el.closest(".track, .line").getBoundingClientRect(), r = el.getBoundingClientRect();
  return {data: {...el.dataset}, from: (r.left - line.left) / line.width, to: (r.right - line.left) / line.width,
          centre: (r.left + r.width / 2 - line.left) / line.width, width: r.width, line: line.width};
})`, selector), &m)
	return m
}

type hmark struct {
	Data             map[string]string
	From, To, Centre float64
	Width, Line      float64
}

// checkWords fails the test on a word broken across lines.
func (b *browser) checkWords(name string, width int64) {
	b.t.Helper()
	if broken := b.brokenWords(); len(broken) > 0 {
		b.t.Errorf("%s at %d px: words broken across lines: %q", name, width, broken)
	}
}

// checkKeys fails the test when a table's key marker (a person's or a
// role's shape beside their name) does not sit on the first line of its
// text: on a phone it once floated above it.
func (b *browser) checkKeys(name string, width int64) {
	b.t.Helper()
	var off []string
	b.eval(`[...document.querySelectorAll("td svg.key")].flatMap(svg => {
  const text = [...svg.parentNode.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  if (!text) return [svg.parentNode.textContent.trim() + ": no text beside the key"];
  const range = document.createRange();
  range.selectNodeContents(text);
  const line = range.getClientRects()[0], key = svg.getBoundingClientRect();
  const mid = key.top + key.height / 2;
  return mid > line.top && mid < line.bottom ? [] : [text.textContent.trim() + " " + Math.round(mid) + " not in " + Math.round(line.top) + ".." + Math.round(line.bottom)];
})`, &off)
	if len(off) > 0 {
		b.t.Errorf("%s at %d px: key markers off their line: %q", name, width, off)
	}
}

// TestPersonReportInABrowser opens a person's report (English and
// Spanish, light and dark, phone and desktop) and reads its charts back;
// printed, every folded section is there.
func TestPersonReportInABrowser(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	shots := screenshotDir(t)
	var res struct {
		Roles []struct {
			ID  string
			Fit float64
		}
		Dimensions []struct {
			ID    string
			Score *float64
		}
	}
	if err := json.Unmarshal(run(t, "score", "--answers", "testdata/personas/core-researcher.yaml", "--format", "json"), &res); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "es"} {
		page := filepath.Join(dir, "report-"+lang+".html")
		run(t, "--lang", lang, "report", "testdata/personas/core-researcher.yaml", "-o", page)
		for _, width := range []int64{390, 1280} {
			for _, scheme := range []string{"light", "dark"} {
				b.open(page, width, scheme)
				b.checkLayout(filepath.Base(page), width, scheme)
				if width == 390 {
					b.checkWords(filepath.Base(page), width)
				}
				switch {
				case lang == "en" && width == 1280 && scheme == "light":
					b.screenshot(filepath.Join(shots, "report.png"))
				case lang == "en" && width == 390 && scheme == "dark":
					b.screenshot(filepath.Join(shots, "report-phone-dark.png"))
				}
			}
		}
		// The charts, read back from where they were drawn: at the
		// column's width, each bar as long as its fit, each point where
		// its score is.
		for _, width := range []int64{390, 1280} {
			b.open(page, width, "light")
			var column float64
			b.eval(`document.querySelector("#roles").getBoundingClientRect().width`, &column)
			bars := b.hbars(".hchart.roles .bar")
			if len(bars) != len(res.Roles) {
				t.Fatalf("%s: %d role bars, want %d", lang, len(bars), len(res.Roles))
			}
			for i, bar := range bars {
				want := res.Roles[i]
				if bar.Data["fit"] != fmt.Sprint(math.Round(want.Fit*10)/10) || math.Abs(bar.To-want.Fit/100) > 0.005 || math.Abs(bar.From) > 0.005 {
					t.Errorf("%s at %d px: bar %d (%v) runs %.3f..%.3f, want %s to %.3f", lang, width, i, bar.Data, bar.From, bar.To, want.ID, want.Fit/100)
				}
				if bar.Line < 0.95*column {
					t.Errorf("%s at %d px: the bars are %.0f px wide in a %.0f px column", lang, width, bar.Line, column)
				}
			}
			dots := b.hbars(".hchart.profile .you")
			i := 0
			for _, d := range res.Dimensions {
				if d.Score == nil {
					continue
				}
				if i >= len(dots) {
					t.Fatalf("%s: %d profile points, want more", lang, len(dots))
				}
				if math.Abs(dots[i].Centre-*d.Score/100) > 0.006 {
					t.Errorf("%s at %d px: %s's point at %.3f, want %.3f", lang, width, d.ID, dots[i].Centre, *d.Score/100)
				}
				i++
			}
			if i != len(dots) {
				t.Errorf("%s: %d profile points, want %d", lang, len(dots), i)
			}
			if targets := b.hbars(".hchart.profile .target"); len(targets) == 0 {
				t.Errorf("%s: no role targets on the profile", lang)
			}
		}
		// Printed: every folded section opens, its heading with it.
		b.open(page, 1280, "light")
		var folded []string
		b.eval(`[...document.querySelectorAll("details > summary")].map(s => s.textContent.trim())`, &folded)
		text := b.pdfText()
		flat := strings.Join(strings.Fields(text), " ")
		for _, h := range folded {
			if !strings.Contains(flat, strings.Join(strings.Fields(h), " ")) {
				t.Errorf("%s: the printout lacks the folded heading %q", lang, h)
			}
		}
		// What only folded sections hold: the command that scores the
		// answers again, and the answers as a file.
		for _, want := range []string{"pmfit score --answers", "answers:"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: the printout lacks the folded answers (%q)", lang, want)
			}
		}
		if strings.Contains(text, "…") {
			t.Errorf("%s: the printout cuts a label with \"…\"", lang)
		}
		// The pages fill: no page but the last is left half empty by a
		// section kept whole (the first holds the charts, so half the
		// fullest page's lines is the floor).
		if fill := pageFill(text); len(fill) > 0 {
			t.Logf("%s: lines per printed page %v", lang, fill)
			for i, n := range fill[:len(fill)-1] {
				if n < slices.Max(fill)/2 {
					t.Errorf("%s: printed page %d of %d holds %d lines, the fullest %d", lang, i+1, len(fill), n, slices.Max(fill))
				}
			}
		}
	}
	t.Logf("screenshots in %s", shots)
}

// TestTeamPagesInABrowser opens the cohort page (35 personas) and a
// comparison of four people, reads their charts back, and prints the
// team page: every person is named in it.
func TestTeamPagesInABrowser(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	shots := screenshotDir(t)
	cohort := filepath.Join(dir, "cohort.html")
	run(t, "score", "testdata/personas", "--format", "html", "-o", cohort)
	personas, _ := filepath.Glob("testdata/personas/*.yaml")
	b.open(cohort, 1280, "light")
	if n := len(b.marks("svg.map path.dot")); n != len(personas) {
		t.Errorf("cohort: %d people on the map, want %d", n, len(personas))
	}
	if n := len(b.marks("svg.map text.label")); n != len(personas) {
		t.Errorf("cohort: %d numbers on the map, want %d", n, len(personas))
	}
	counts := b.marks("svg.counts g.role")
	total := 0
	for _, c := range counts {
		var n int
		fmt.Sscan(c.Data["count"], &n)
		total += n
	}
	if len(counts) != 7 || total != len(personas) {
		t.Errorf("cohort: %d role rows counting %d people", len(counts), total)
	}
	if n := len(b.marks("svg.histogram rect.bar")); n != 9*10 {
		t.Errorf("cohort: %d histogram bars, want 90", n)
	}
	b.checkLayout("cohort", 1280, "light")
	b.screenshot(filepath.Join(shots, "cohort.png"))
	text := b.pdfText()
	for _, p := range personas {
		id := strings.TrimSuffix(filepath.Base(p), ".yaml")
		if !strings.Contains(text, id) {
			t.Errorf("cohort: the printout does not name %s", id)
		}
	}
	if strings.Contains(text, "…") {
		t.Errorf("cohort: the printout cuts a label with \"…\"")
	}
	for _, scheme := range []string{"light", "dark"} {
		b.open(cohort, 390, scheme)
		b.checkLayout("cohort", 390, scheme)
		b.checkWords("cohort", 390)
		b.checkKeys("cohort", 390)
	}

	cmp := filepath.Join(dir, "compare.html")
	four := []string{"testdata/personas/tpm-platform.yaml", "testdata/personas/pm-generalist.yaml", "testdata/personas/core-researcher.yaml", "testdata/personas/apm-graduate.yaml"}
	run(t, append(append([]string{"compare"}, four...), "--format", "html", "-o", cmp)...)
	for _, width := range []int64{390, 1280} {
		b.open(cmp, width, "light")
		b.checkLayout("compare", width, "light")
		b.checkKeys("compare", width)
		if width == 390 {
			b.checkWords("compare", width)
		}
	}
	dots := b.marks("svg.profiles .person")
	if len(dots) != 4*9 {
		t.Errorf("compare: %d points, want 36", len(dots))
	}
	for _, d := range dots {
		var score float64
		fmt.Sscan(d.Data["score"], &score)
		if want := 8 + score/100*344; math.Abs(d.X-want) > 0.6 {
			t.Errorf("compare: %v at %.1f, want %.1f", d.Data, d.X, want)
		}
	}
	b.screenshot(filepath.Join(shots, "compare.png"))
	t.Logf("screenshots in %s", shots)
}

// TestHostileReportInABrowser: a report from the hostile bank runs
// nothing and loads nothing in a real browser.
func TestHostileReportInABrowser(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("id: \"<script>alert(1)</script>\"\nanswers: {l1: 1, l2: 3, s1: a, m1: [x, y]}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "hostile.html")
	run(t, "--questions", "testdata/banks/hostile.yaml", "report", answers, "-o", page)
	b.open(page, 1280, "light")
	var found struct{ Scripts, Images, Frames, Hidden int }
	b.eval(`({scripts: document.scripts.length, images: document.images.length,
	  frames: document.querySelectorAll("iframe").length,
	  hidden: getComputedStyle(document.body).display === "none" ? 1 : 0})`, &found)
	if found != (struct{ Scripts, Images, Frames, Hidden int }{}) {
		t.Errorf("planted markup became elements: %+v", found)
	}
	text, err := chromedp.Run(b.ctx, chromedp.Text("h1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "<script>alert('role')</script>") {
		t.Errorf("the planted role name is not shown as text: %q", text)
	}
}
