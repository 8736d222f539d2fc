package batch

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/pmfit/pmfit/internal/quiz"
)

// appendTenths appends x rounded half away from zero to one decimal
// place, always with that decimal ("72.0"), as render.Points writes it,
// without going through strconv's float formatting.
func appendTenths(b []byte, x float64) []byte {
	y := x * 10
	if y >= 0 && y < 1000.5 {
		// The same rounding as math.Round, faster: the fraction left after
		// truncating a value this small is exact, so comparing it with
		// one half decides exactly as math.Round does. (Adding 0.5 first
		// would not: the sum can round up.)
		t := int64(y)
		if y-float64(t) >= 0.5 {
			t++
		}
		// Scores and fits are 0–100: write the digits directly.
		switch {
		case t >= 1000:
			return append(b, "100.0"...)
		case t >= 100:
			return append(b, byte('0'+t/100), byte('0'+t/10%10), '.', byte('0'+t%10))
		default:
			return append(b, byte('0'+t/10), '.', byte('0'+t%10))
		}
	}
	t := int64(math.Round(y))
	if t == 0 {
		return append(b, "0.0"...) // no "-0.0"
	}
	if t < 0 {
		b = append(b, '-')
		t = -t
	}
	b = strconv.AppendInt(b, t/10, 10)
	return append(b, '.', byte('0'+t%10))
}

// appendShare appends a 0–1 share rounded to four decimals, without
// trailing zeros, as render.Share writes it.
func appendShare(b []byte, x float64) []byte {
	if x == 1 {
		return append(b, '1')
	}
	return strconv.AppendFloat(b, math.Round(x*1e4)/1e4, 'f', -1, 64)
}

// appendJSONString appends s as a JSON string. Control characters are
// escaped and invalid UTF-8 becomes U+FFFD, so any id from any input
// yields valid JSON; C1 controls, DEL, bidirectional overrides and the
// Unicode line separators are escaped too (\u0085, \u202e), so the
// bytes written stay inert wherever they land, and a JSON reader still
// gets the string exactly.
func appendJSONString[T string | []byte](b []byte, s T) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < 0x7f {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := decodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case inertEscape(r):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hex[r>>12], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// inertEscape reports the characters written escaped in JSON although
// JSON allows them raw: C1 controls, bidirectional overrides and marks,
// and the line and paragraph separators.
func inertEscape(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x2028 || r == 0x2029
}

func decodeRune[T string | []byte](s T) (rune, int) {
	switch v := any(s).(type) {
	case string:
		return utf8.DecodeRuneInString(v)
	case []byte:
		return utf8.DecodeRune(v)
	}
	return utf8.RuneError, 1
}

const hex = "0123456789abcdef"

// appendCSVField appends s as one CSV field, quoted when it must be.
func appendCSVField[T string | []byte](b []byte, s T) []byte {
	quote := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ',' || c == '"' || c == '\n' || c == '\r' {
			quote = true
			break
		}
	}
	if !quote {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// appendCSVText appends text from an input (an id, a file name, an
// error quoting a value) as a CSV field that is safe in a spreadsheet:
// characters that could drive a terminal become U+FFFD (line breaks are
// kept), and a field starting with =, +, -, @, a tab or a carriage
// return, which a spreadsheet would run as a formula, is prefixed with
// an apostrophe (OWASP's advice for CSV injection).
func appendCSVText[T string | []byte](b []byte, s T) []byte {
	text := quiz.Sanitize(string(s))
	if text != "" {
		switch text[0] {
		case '=', '+', '-', '@', '\t', '\r':
			text = "'" + text
		}
	}
	return appendCSVField(b, text)
}

// appendXML appends s escaped for XML text and attributes. Characters XML
// 1.0 cannot hold at all become U+FFFD.
func appendXML(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '"':
			b = append(b, "&quot;"...)
		case r == '\n':
			b = append(b, "&#10;"...)
		case r == '\t' || r == '\r':
			b = append(b, "&#"...)
			b = strconv.AppendInt(b, int64(r), 10)
			b = append(b, ';')
		case r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r <= 0xdfff) || inertEscape(r):
			b = append(b, "\uFFFD"...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
