package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileName is a file name carrying an OSC 52 sequence (which would
// set the clipboard), a colour, and a right-to-left override (which
// would show "lmth.exe" as "exe.html").
const hostileName = "x\x1b]52;c;cm0gLXJmIH4=\a\x1b[31m\u202elmth.exe"

// rawUnsafe lists what must not reach a terminal or a page raw.
var rawUnsafe = []string{"\x1b", "\a", "\u202e"}

func assertNoRawEscapes(t *testing.T, where, text string) {
	t.Helper()
	for _, u := range rawUnsafe {
		if strings.Contains(text, u) {
			t.Errorf("%s holds %q raw:\n%q", where, u, text)
		}
	}
}

// TestPathsAreShownSafely: a file name with escapes and a bidi override,
// through every command that echoes a path, on the terminal and in the
// HTML it writes, shows the characters as escapes ($'…' quoting) and
// never obeys them.
func TestPathsAreShownSafely(t *testing.T) {
	dir := t.TempDir()
	persona, err := os.ReadFile("../testdata/personas/pm-generalist.yaml")
	if err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(dir, hostileName+".yaml")
	if err := os.WriteFile(answers, persona, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"report", answers, "-o", filepath.Join(dir, hostileName+".html")},
		{"report", answers},
		{"score", "--answers", answers, "--format", "html"},
		{"score", answers, filepath.Join(dir, "missing"+hostileName+".yaml")},
		{"score", "--answers", filepath.Join(dir, "missing"+hostileName+".yaml")},
		{"path", "--to", "tpm", "--answers", answers},
		{"compare", answers, answers, "--format", "html"},
		{"validate", "--answers", answers},
	} {
		f, ios := testFactory(t, nil)
		ios.SetStdoutTTY(args[0] == "report" && len(args) == 2) // report to a terminal writes FILE.html and says so
		Run(f, args)
		assertNoRawEscapes(t, strings.Join(args[:1], " ")+" stdout", ios.Out.(*bytes.Buffer).String())
		assertNoRawEscapes(t, strings.Join(args[:1], " ")+" stderr", ios.ErrOut.(*bytes.Buffer).String())
	}
	for _, page := range []string{hostileName + ".html"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Fatal(err)
		}
		assertNoRawEscapes(t, "the report", string(data))
		if !strings.Contains(string(data), `\x1b]52;c;cm0gLXJmIH4=\x07\x1b[31m\u202elmth.exe.yaml`) {
			t.Errorf("the report's command does not show the name's escapes")
		}
	}

	// The quiz: "saved in", "Also written to", "Resume with".
	qt := newQuizTest(t, "pm-generalist.yaml", nil)
	qt.opts.Save = filepath.Join(dir, hostileName+".progress.json")
	qt.opts.Out = filepath.Join(dir, hostileName+".json")
	qt.opts.Report = filepath.Join(dir, hostileName+".quiz.html")
	if err := qt.run(); err != nil {
		t.Fatal(err)
	}
	assertNoRawEscapes(t, "the quiz's screen", qt.out.String()+qt.errOut.String())
	if !strings.Contains(strings.ReplaceAll(qt.out.String(), "\n", " "), `Also written to $'`) {
		t.Errorf("the quiz does not name the files it also wrote:\n%s", qt.out.String())
	}
	data, err := os.ReadFile(qt.opts.Report)
	if err != nil {
		t.Fatal(err)
	}
	assertNoRawEscapes(t, "the quiz's report", string(data))

	qt = newQuizTest(t, "pm-generalist.yaml", nil)
	qt.opts.Save = filepath.Join(dir, hostileName+".progress2.json")
	qt.persona.interruptAfter = 3
	_ = qt.run()
	assertNoRawEscapes(t, "the interrupted quiz's screen", qt.out.String()+qt.errOut.String())
	if !strings.Contains(strings.ReplaceAll(qt.out.String(), "\n", " "), "--resume $'") {
		t.Errorf("the resume command does not quote the name:\n%s", qt.out.String())
	}
}
