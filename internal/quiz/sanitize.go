package quiz

import (
	"strings"
	"unicode/utf8"
)

// replacement stands in for every character Sanitize removes.
const replacement = "\uFFFD"

// Sanitize neutralises what could drive or deceive a terminal: C0 and C1
// control characters (ESC among them, so no escape sequence survives),
// DEL, invalid UTF-8, the Unicode bidirectional overrides and marks, and
// the line and paragraph separators. Newlines and tabs are kept. Each is replaced by U+FFFD so the text still shows where
// something was.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unsafeRune(r) {
			b.WriteString(replacement)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == utf8.RuneError:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// SanitizeLine is Sanitize for text that must stay on one line (a table
// row, a single-line message): line breaks and tabs become U+FFFD too.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.NewReplacer("\n", replacement, "\t", replacement).Replace(s)
}
