// Package shell writes command lines a person can paste into a POSIX
// shell and have run exactly the words shown, whatever they hold.
package shell

import "strings"

// Quote quotes one word when it needs it: a word of letters, digits and
// a few safe punctuation marks stays as it is; anything else, a word
// starting with "~" (which the shell would expand) and the empty word
// are single-quoted.
func Quote(s string) string {
	if s != "" && !strings.HasPrefix(s, "~") && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '~' || r == '=' || r == ',' || r == ':' || r == '@' || r == '+' ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Join quotes every word of a command line.
func Join(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = Quote(w)
	}
	return strings.Join(quoted, " ")
}
