// Package textwidth measures text the way a terminal lays it out: in
// columns, not bytes or runes. A CJK character takes two columns, a
// combining accent none; wrapping and padding by rune count would let a
// bank written in Japanese overflow an 80-column screen.
package textwidth

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Rune is the number of columns r takes: 2 for East Asian wide and
// fullwidth characters, 0 for control characters, combining marks and
// invisible format characters (a zero-width joiner, say), else 1.
func Rune(r rune) int {
	switch {
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return 0
	case r < 0x300:
		return 1 // Latin: the common case, without table lookups
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// String is the number of columns s takes. ANSI escape sequences (the
// colours of a themed line) take none.
func String(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case esc:
			// A CSI sequence ends with a byte from @ to ~.
			esc = !(r >= 0x40 && r <= 0x7e && r != '[')
		case r == 0x1b:
			esc = true
		default:
			n += Rune(r)
		}
	}
	return n
}

// Truncate cuts s to at most n columns, ending it with "…" when cut.
func Truncate(s string, n int) string {
	if String(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := Rune(r)
		if w+rw > n-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String() + "…"
}

// PadRight pads s with spaces to n columns (s is left as it is when it is
// wider).
func PadRight(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-String(s)))
}

// Wrap breaks one paragraph into lines of at most n columns. Lines break
// at spaces and tabs (never at a no-break space), and between characters
// where at least one is wide: Chinese and Japanese text has no spaces and
// may break between any two ideographs, but not before closing
// punctuation such as "。" nor after opening punctuation such as "「". A
// word that cannot break and is wider than n gets a line of its own.
func Wrap(text string, n int) []string {
	var lines []string
	line, lineW := "", 0
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }) {
		for i, seg := range segments(word) {
			sep, segW := "", String(seg)
			if i == 0 && line != "" {
				sep = " "
			}
			switch {
			case line == "":
				line, lineW = seg, segW
			case lineW+len(sep)+segW <= n:
				line += sep + seg
				lineW += len(sep) + segW
			default:
				lines = append(lines, line)
				line, lineW = seg, segW
			}
		}
	}
	return append(lines, line)
}

// WrapItems lays items out in lines of at most n columns, joined by sep,
// breaking only between items (an item wider than n gets a line of its
// own).
func WrapItems(items []string, sep string, n int) []string {
	var lines []string
	line := ""
	for _, item := range items {
		switch {
		case line == "":
			line = item
		case String(line)+String(sep)+String(item) <= n:
			line += sep + item
		default:
			lines = append(lines, line)
			line = item
		}
	}
	return append(lines, line)
}

// segments splits a word where a line may break inside it: before and
// after each wide character, except before closing and after opening
// punctuation.
func segments(word string) []string {
	var segs []string
	start, prev := 0, rune(-1)
	for i, r := range word {
		if prev >= 0 && (Rune(prev) == 2 || Rune(r) == 2) &&
			!strings.ContainsRune(noBreakBefore, r) && !strings.ContainsRune(noBreakAfter, prev) {
			segs = append(segs, word[start:i])
			start = i
		}
		prev = r
	}
	return append(segs, word[start:])
}

// Punctuation a line must not start with, or end with (a short form of
// the Japanese kinsoku rules that Chinese layout shares).
const (
	noBreakBefore = "、。，．・：；？！）］｝〕〉》」』】〙〗〟’”ー～…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.:;?!)]}"
	noBreakAfter  = "（［｛〔〈《「『【〘〖〝‘“([{"
)
