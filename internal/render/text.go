package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmfit/pmfit/internal/textwidth"

	"github.com/fatih/color"

	"github.com/pmfit/pmfit/internal/i18n"
)

// Theme is the palette text output is drawn with. Colour is decided once,
// by the caller, and every colour here obeys that decision rather than
// fatih/color's global switch, which only looks at os.Stdout.
type Theme struct {
	Width int          // columns to lay text out in
	P     i18n.Printer // pmfit's own words, in the chosen language
	// Plain draws no bars, gauges or arrows, only words and numbers: for
	// screen readers and terminals that show block graphics as noise
	// (--accessible). A plain theme is never coloured.
	Plain bool

	Heading, Strong, Dim, Good, Bad, Accent, BarTop, Bar *color.Color
}

// NewTheme returns a theme for the given width, coloured or not, with
// pmfit's own words in p's language.
func NewTheme(width int, colored bool, p i18n.Printer) *Theme {
	mk := func(attrs ...color.Attribute) *color.Color { return Color(colored, attrs...) }
	// Past 100 columns prose gets hard to follow; below 40 nothing fits.
	width = max(40, min(width, 100))
	return &Theme{
		P:       p,
		Width:   width,
		Heading: mk(color.Bold),
		Strong:  mk(color.Bold),
		Dim:     mk(color.Faint),
		Good:    mk(color.FgGreen),
		Bad:     mk(color.FgRed),
		Accent:  mk(color.FgCyan),
		BarTop:  mk(color.FgGreen, color.Bold),
		Bar:     mk(color.FgCyan),
	}
}

// Color is a colour that obeys the caller's decision, colored, rather
// than fatih/color's global switch (which only looks at os.Stdout).
func Color(colored bool, attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if colored {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c
}

// PlainTheme returns an uncoloured theme without graphics, for
// --accessible.
func PlainTheme(width int, p i18n.Printer) *Theme {
	t := NewTheme(width, false, p)
	t.Plain = true
	return t
}

// bar is Bar, or nothing on a plain theme.
func (t *Theme) bar(value float64, width int) string {
	if t.Plain {
		return ""
	}
	return Bar(value, width) + " "
}

// Bar draws a 0–100 value as a bar of width cells.
func Bar(value float64, width int) string {
	filled := int(Round1(value)/100*float64(width) + 0.5)
	filled = max(0, min(width, filled))
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

// Wrap breaks text into lines of at most width columns, paragraph by
// paragraph ("\n"), where textwidth.Wrap allows: at spaces and tabs, and
// around Chinese and Japanese characters. A word that cannot break and
// is longer than width gets a line of its own rather than being cut.
func Wrap(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, textwidth.Wrap(para, width)...)
	}
	return lines
}

// writeWrapped writes text wrapped to the theme's width, each line after
// the first indented by indent spaces and the first prefixed by first
// (which should be indent columns wide).
func (t *Theme) writeWrapped(w io.Writer, first string, indent int, text string) {
	pad := strings.Repeat(" ", indent)
	for i, line := range Wrap(text, t.Width-indent-1) {
		if i == 0 {
			fmt.Fprintf(w, "%s%s\n", first, line)
			continue
		}
		fmt.Fprintf(w, "%s%s\n", pad, line)
	}
}

// padRight pads s with spaces to n columns, cutting it with "…" when
// longer.
func padRight(s string, n int) string {
	return textwidth.PadRight(truncate(s, n), n)
}

// truncate cuts s to n columns, ending it with "…" when cut.
func truncate(s string, n int) string { return textwidth.Truncate(s, n) }

// errWriter remembers the first write error so long renderers can write
// freely and report once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
