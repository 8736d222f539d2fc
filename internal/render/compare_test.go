package render

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/textwidth"
)

// TestCompareShowsWholeNames: at 60 and 80 columns, with 2 to 12 people,
// no cell of the comparison is cut: role names wrap whole within their
// column, ids break at a hyphen, every line fits, and each person's best
// fit can be read back from their column.
func TestCompareShowsWholeNames(t *testing.T) {
	b, answers, results := personaResults(t, "en")
	var names []string
	for name := range results {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, n := range []int{2, 4, 7, 12} {
		var people []Compared
		for _, name := range names[:n] {
			id := strings.TrimSuffix(filepath.Base(name), ".yaml")
			people = append(people, Compared{ID: id, Answers: answers[name], Result: results[name]})
		}
		v := Comparison(i18n.New("en"), b, people)
		for _, width := range []int{60, 80} {
			var out bytes.Buffer
			if err := CompareText(&out, NewTheme(width, false, i18n.New("en")), b, v); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			if strings.Contains(text, "…") {
				t.Errorf("%d people at %d columns: something is cut:\n%s", n, width, text)
			}
			for _, l := range strings.Split(text, "\n") {
				if textwidth.String(l) > width-1 {
					t.Errorf("%d people at %d columns: line of %d: %q", n, width, textwidth.String(l), l)
				}
			}
			for _, p := range v.People {
				if !columnHolds(text, p.ID, p.Roles[0].Name) {
					t.Errorf("%d people at %d columns: %s's best fit %q is not whole in their column:\n%s", n, width, p.ID, p.Roles[0].Name, text)
				}
			}
		}
	}
}

// columnHolds reports whether, in a table whose header row holds id (its
// first line, at least), the column under it spells want, read down the
// lines of the "Best fit" row.
func columnHolds(text, id, want string) bool {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		first := id
		if j := strings.IndexAny(id, "-_./"); j > 0 && !strings.Contains(l, id) {
			first = id[:j+1]
		}
		col := strings.Index(l, first)
		if col < 0 || !strings.HasPrefix(strings.TrimSpace(l), first) && !strings.Contains(l, "  "+first) {
			continue
		}
		var words []string
		for _, below := range lines[i+1:] {
			if strings.HasPrefix(below, "  Fit") {
				break
			}
			if len(below) > col {
				cell, _, _ := strings.Cut(strings.TrimLeft(below[col:], " "), "  ")
				if strings.HasPrefix(below[col:], " ") {
					continue
				}
				words = append(words, cell)
			}
		}
		if strings.Contains(strings.Join(strings.Fields(strings.Join(words, " ")), " "), want) {
			return true
		}
	}
	return false
}
