package cmd

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// NewCmdMan builds `pmfit man`: the manual page, in roff, built from the
// commands' own help so the two never disagree.
func NewCmdMan(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff): pmfit man > pmfit.1; man ./pmfit.1",
		Example: `  pmfit man > pmfit.1 && man ./pmfit.1
  pmfit man | gzip > /usr/local/share/man/man1/pmfit.1.gz`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return writeMan(f.IOStreams.Out, cmd.Root(), f.Version)
		},
	}
}

// writeMan writes root's manual page: every command with its usage,
// description, options and examples.
func writeMan(w io.Writer, root *cobra.Command, version string) error {
	var b strings.Builder
	// The coding line makes man(1) pass the page through preconv.
	b.WriteString(".\\\" -*- coding: UTF-8 -*-\n")
	fmt.Fprintf(&b, ".TH PMFIT 1 \"\" \"pmfit %s\" \"pmfit manual\"\n", roffText(version))
	b.WriteString(".SH NAME\npmfit \\- " + roffText(root.Short) + "\n")
	b.WriteString(".SH SYNOPSIS\n.B pmfit\n.I command\n[\n.I flags\n]\n")
	long, exits, _ := strings.Cut(root.Long, exitHeading)
	b.WriteString(".SH DESCRIPTION\n" + roffParagraphs(long))
	b.WriteString(".SH COMMANDS\n")
	for _, c := range root.Commands() {
		if c.Hidden || !c.IsAvailableCommand() || c.Name() == "help" {
			continue
		}
		fmt.Fprintf(&b, ".SS \"%s\"\n", roffText(c.CommandPath()+strings.TrimPrefix(c.Use, c.Name())))
		text := c.Long
		if text == "" {
			text = c.Short
		}
		text, _, _ = strings.Cut(text, exitHeading)
		b.WriteString(roffParagraphs(text))
		writeManFlags(&b, c.LocalFlags())
		if c.Example != "" {
			b.WriteString(".PP\nExamples:\n.PP\n.nf\n" + roffLines(manExamples(c.Example)) + ".fi\n")
		}
	}
	b.WriteString(".SH GLOBAL OPTIONS\n")
	writeManFlags(&b, root.PersistentFlags())
	b.WriteString(".SH EXIT STATUS\n" + roffExits(exits))
	b.WriteString(`.SH ENVIRONMENT
.TP
.B PMFIT_QUESTIONS
The question bank to use when --questions is not given.
.TP
.BR LC_ALL ", " LC_MESSAGES ", " LANG
The language, when --lang is not given.
.TP
.B NO_COLOR
Set to anything but the empty string: no colour, whatever else is set.
.TP
.BR CLICOLOR_FORCE ", " FORCE_COLOR
Set (and not 0): colour even when output is not a terminal.
.TP
.B CLICOLOR
Set to 0: no colour.
.TP
.B CI
Set to true: never prompt.
.TP
.B PMFIT_ACCESSIBLE
Set to 1: plain, numbered prompts (also TERM=dumb).
.TP
.B XDG_STATE_HOME
Where a quiz saves its progress (pmfit/progress.json), else ~/.local/state.
.TP
.B SOURCE_DATE_EPOCH
Seconds since 1970: the date an HTML report carries, instead of today.
.SH SEE ALSO
The README, docs/commands.md (every command), docs/scoring.md, docs/analysis.md and docs/bank.md.
`)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeManFlags(b *strings.Builder, flags *pflag.FlagSet) {
	flags.VisitAll(func(fl *pflag.Flag) {
		if fl.Hidden || fl.Name == "help" {
			return
		}
		name := "\\-\\-" + fl.Name
		if fl.Shorthand != "" {
			name = "\\-" + fl.Shorthand + ", " + name
		}
		varname, usage := pflag.UnquoteUsage(fl)
		switch {
		case varname != "" && fl.NoOptDefVal != "" && fl.Value.Type() != "bool":
			name += "[=" + roffText(varname) + "]" // the value is optional
		case varname != "":
			name += " " + roffText(varname)
		}
		fmt.Fprintf(b, ".TP\n.B %s\n%s\n", name, roffText(usage))
	})
}

// roffText escapes text for roff: backslashes, and a line starting with
// a dot or an apostrophe (which roff would read as a request).
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return roffUnicode(s)
}

// roffGlyphs are roff's names for the characters pmfit's help uses;
// any other character past ASCII is written as \[uXXXX]. Raw, they make
// groff warn and some man pagers show garbage.
var roffGlyphs = map[rune]string{
	'–': `\(en`, '—': `\(em`, '↑': `\(ua`, '↓': `\(da`, '←': `\(<-`, '→': `\(->`,
	'“': `\(lq`, '”': `\(rq`, '‘': `\(oq`, '’': `\(cq`, '×': `\(mu`, '·': `\(pc`, '…': `.\|.\|.`,
	'≤': `\(<=`, '≥': `\(>=`, '•': `\(bu`, '✔': `\[u2714]`,
}

func roffUnicode(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r > 0x7f }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch g, ok := roffGlyphs[r]; {
		case ok:
			b.WriteString(g)
		case r > 0x7f:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// roffLines escapes each line of preformatted text.
func roffLines(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString(roffText(line) + "\n")
	}
	return b.String()
}

// roffParagraphs turns help text into roff paragraphs: blank lines
// separate paragraphs; a list ("  - item", continued on lines indented
// further) becomes filled bullet items, so man wraps it to the page;
// other indented lines (tables, examples) keep their lines.
func roffParagraphs(s string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		b.WriteString(".PP\n")
		lines := strings.Split(para, "\n")
		var head []string // lines before the list, if any
		for len(lines) > 0 && !strings.HasPrefix(lines[0], "  - ") && !strings.HasPrefix(lines[0], "  ") {
			head, lines = append(head, lines[0]), lines[1:]
		}
		if len(head) > 0 {
			b.WriteString(roffLines(strings.Join(head, "\n")))
		}
		switch {
		case len(lines) == 0:
		case strings.HasPrefix(lines[0], "  - "):
			for _, item := range listItems(lines) {
				b.WriteString(".IP \\(bu 2\n" + roffText(item) + "\n")
			}
			b.WriteString(".PP\n")
		default:
			b.WriteString(".nf\n" + roffLines(strings.Join(lines, "\n")) + ".fi\n")
		}
	}
	return b.String()
}

// listItems joins a list's lines into its items: "  - " starts one, a
// line indented further continues it.
func listItems(lines []string) []string {
	var items []string
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "  - "); ok || len(items) == 0 {
			items = append(items, strings.TrimSpace(rest))
			continue
		}
		items[len(items)-1] += " " + strings.TrimSpace(l)
	}
	return items
}

// roffExits writes the EXIT STATUS lines ("  2    meaning", continued on
// lines indented further) as tagged paragraphs man fills to the page.
func roffExits(s string) string {
	var b strings.Builder
	code, text := "", ""
	flush := func() {
		if code != "" {
			b.WriteString(".TP 6\n.B " + code + "\n" + roffText(text) + "\n")
		}
	}
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		fields := strings.Fields(l)
		if len(fields) == 0 {
			continue
		}
		if _, err := strconv.Atoi(fields[0]); err == nil && strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "     ") {
			flush()
			code, text = fields[0], strings.Join(fields[1:], " ")
			continue
		}
		text += " " + strings.Join(fields, " ")
	}
	flush()
	return b.String()
}

// manWidth is the longest example line the man page keeps: man indents
// a section's text by 7 columns, and the page must read at 80.
const manWidth = 72

// manExamples fits a command's examples to manWidth without changing
// what they run: a trailing comment moves to a line of its own above its
// command, a long pipeline breaks after a "|", and a long command breaks
// between words with a "\" continuation (indented two more).
func manExamples(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	// When one commented line is too long, every comment of the block
	// moves above its command: one style per block.
	moveComments := slices.ContainsFunc(lines, func(l string) bool {
		return utf8.RuneCountInString(l) > manWidth && strings.Contains(l, "  # ")
	})
	var out []string
	for _, line := range lines {
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		_, _, commented := strings.Cut(line, "  # ")
		if utf8.RuneCountInString(line) <= manWidth && !(moveComments && commented) {
			out = append(out, line)
			continue
		}
		if cmd, comment, ok := strings.Cut(line, "  # "); ok {
			out = append(out, indent+"# "+strings.TrimSpace(comment))
			line = strings.TrimRight(cmd, " ")
		}
		for utf8.RuneCountInString(line) > manWidth {
			cut := strings.LastIndex(line[:min(len(line), manWidth)], " | ")
			cont := ""
			if cut < 0 {
				cut = strings.LastIndex(line[:min(len(line), manWidth-2)], " ")
				cont = " \\"
			} else {
				cut += 2 // keep "|" on the first line
			}
			if cut <= len(indent) {
				break // one word longer than the width: leave it
			}
			out = append(out, strings.TrimRight(line[:cut], " ")+cont)
			line = indent + "    " + strings.TrimLeft(line[cut:], " ")
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
