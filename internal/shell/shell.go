// Package shell writes command lines a person can paste into a shell and
// have run exactly the words shown, whatever they hold, and paths a
// person can read on a terminal without the terminal acting on them.
package shell

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Quote quotes one word when it needs it: a word of letters, digits and
// a few safe punctuation marks stays as it is; anything else, a word
// starting with "~" (which the shell would expand) and the empty word
// are single-quoted. A word holding what a terminal would act on or
// hide (control characters such as ESC, bidirectional overrides, line
// separators, invalid UTF-8) is written in $'…' quoting with each such
// character escaped: printed, it shows the escape rather than obeying
// it, and pasted into bash, zsh, ksh or any POSIX.1-2024 shell, it
// stands for the same bytes.
func Quote(s string) string {
	if s != "" && !strings.HasPrefix(s, "~") && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '~' || r == '=' || r == ',' || r == ':' || r == '@' || r == '+' ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	if !needsEscapes(s) {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	b.WriteByte('\'')
	return b.String()
}

// needsEscapes reports a word that single quotes cannot show safely.
func needsEscapes(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || unsafeRune(r) }) >= 0
}

// unsafeRune is a character past ASCII that a terminal acts on or that
// hides or reorders text: C1 controls, bidirectional marks, embeddings,
// overrides and isolates, zero-width joiners and line separators.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x200e || r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028 || r == 0x2029, r == 0x061c, r >= 0x200b && r <= 0x200d, r == 0xfeff:
		return true
	}
	return false
}

// Join quotes every word of a command line.
func Join(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = Quote(w)
	}
	return strings.Join(quoted, " ")
}

// Path is how a path is shown in a line meant for reading ("Wrote …",
// "saved in …"): as Quote writes it, so that it is safe on a terminal and
// can be pasted as it is.
func Path(p string) string { return Quote(p) }
