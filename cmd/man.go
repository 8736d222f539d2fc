package cmd

import (
	"fmt"
	"io"
	"strings"

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
			b.WriteString(".PP\nExamples:\n.PP\n.nf\n.RS\n" + roffLines(c.Example) + ".RE\n.fi\n")
		}
	}
	b.WriteString(".SH GLOBAL OPTIONS\n")
	writeManFlags(&b, root.PersistentFlags())
	b.WriteString(".SH EXIT STATUS\n.nf\n" + roffLines(exits) + ".fi\n")
	b.WriteString(`.SH ENVIRONMENT
.TP
.B PMFIT_QUESTIONS
The question bank to use when --questions is not given.
.TP
.BR LC_ALL ", " LC_MESSAGES ", " LANG
The language, when --lang is not given.
.TP
.B NO_COLOR
Set to anything but the empty string: no colour.
.TP
.B CI
Set to true: never prompt.
.TP
.B PMFIT_ACCESSIBLE
Set to 1: plain, numbered prompts (also TERM=dumb).
.TP
.B XDG_STATE_HOME
Where a quiz saves its progress (pmfit/progress.json), else ~/.local/state.
.SH SEE ALSO
The README, docs/scoring.md, docs/analysis.md and docs/bank.md.
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
	return s
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
// separate paragraphs; indented lines (lists, examples) keep their lines.
func roffParagraphs(s string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		b.WriteString(".PP\n")
		if strings.Contains(para, "\n  ") || strings.HasPrefix(para, "  ") {
			b.WriteString(".nf\n" + roffLines(para) + ".fi\n")
			continue
		}
		b.WriteString(roffLines(para))
	}
	return b.String()
}
