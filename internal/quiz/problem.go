package quiz

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops a file from being used.
type Severity int

const (
	// Error problems make a file unusable.
	Error Severity = iota
	// Warning problems leave a file usable but worth a look (a missing
	// translation, say).
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a file, at a position in it. Line and
// Col are 1-based; 0 means the position is unknown.
type Problem struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Message  string
}

// String formats the problem as compilers do: file:line:col: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// FileError reports every error found in one file.
type FileError struct {
	File     string
	Problems []Problem // errors only, in file order
}

// Error gives one problem on one line; several get a count first, then
// one per line, each starting file:line:col as editors expect.
func (e *FileError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String()
	}
	lines := make([]string, 0, len(e.Problems)+1)
	lines = append(lines, fmt.Sprintf("%d problems in %s:", len(e.Problems), e.File))
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// errorsOf returns the error-severity problems, or nil.
func errorsOf(ps []Problem) []Problem {
	var errs []Problem
	for _, p := range ps {
		if p.Severity == Error {
			errs = append(errs, p)
		}
	}
	return errs
}

// sortProblems orders problems by position, keeping the order they were
// found in for equal positions, so reports read top to bottom.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
}

// suggest returns the candidate closest to word, for "did you mean"
// hints, or "" when none is close enough to help. Among equally close
// candidates the one nearest in length wins ("tmp" → "tpm", not "pm").
func suggest(word string, candidates []string) string {
	if len(word) > 2*quoteRunes {
		return "" // no typo is that long; and the distance costs len²
	}
	best, bestDist, bestLen := "", len(word)/2+2, 0
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := editDistance(lw, strings.ToLower(c))
		dl := abs(len(c) - len(word))
		if d < bestDist || (d == bestDist && best != "" && dl < bestLen) {
			best, bestDist, bestLen = c, d, dl
		}
	}
	return best
}

// suggestValue is suggest for a value typed by a person or written by a
// tool ("buisness" → "business"): stricter than for keys, so a value
// that is simply different ("huge", "c") is not taken for a typo of one
// that happens to be short. The typo may cost at most a third of the
// word, and never all of it.
func suggestValue(word string, candidates []string) string {
	s := suggest(word, candidates)
	if s == "" {
		return ""
	}
	d := editDistance(strings.ToLower(word), strings.ToLower(s))
	if d > max(1, len([]rune(word))/3) || d >= len([]rune(word)) {
		return ""
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the optimal string alignment distance between a and b,
// in runes: insertions, deletions, substitutions and transpositions of
// neighbours each cost one, as typos do.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// DidYouMean formats the candidate closest to word as the tail of a
// message, or returns "" when none is close enough to help.
func DidYouMean(word string, candidates []string) string { return meant(suggest(word, candidates)) }

// meant formats a suggestion already found, "" for none.
func meant(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", s)
}
