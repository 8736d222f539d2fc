package textwidth

import (
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"Product Manager", 15},
		{"Gerente de producto técnico", 27},
		{"e\u0301", 1},                // e + combining acute
		{"プロダクトマネージャー", 22},           // katakana: wide
		{"产品经理", 8},                   // CJK ideographs: wide
		{"ＡＢ", 4},                     // fullwidth Latin
		{"ｱｲ", 2},                     // halfwidth katakana
		{"a\u200db", 2},               // zero-width joiner
		{"\x1b[1;32mgreen\x1b[0m", 5}, // colours take no columns
		{"tab\there", 7},              // a control character takes none
		{"█████░░░░░", 10},
	}
	for _, tt := range tests {
		if got := String(tt.s); got != tt.want {
			t.Errorf("String(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestTruncateAndPad(t *testing.T) {
	tests := []struct {
		s         string
		n         int
		truncated string
	}{
		{"Product Manager", 20, "Product Manager"},
		{"Product Manager", 10, "Product M…"},
		{"产品经理产品经理", 7, "产品经…"}, // 6 columns and the ellipsis: a wide character never splits
		{"产品经理产品经理", 8, "产品经…"}, // 7 would need half a character
		{"产品经理产品经理", 16, "产品经理产品经理"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		got := Truncate(tt.s, tt.n)
		if got != tt.truncated {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.truncated)
		}
		if w := String(got); w > tt.n {
			t.Errorf("Truncate(%q, %d) is %d columns wide", tt.s, tt.n, w)
		}
	}
	if got := PadRight("产品", 6); got != "产品  " {
		t.Errorf("PadRight(产品, 6) = %q", got)
	}
	if got := PadRight("Manager", 3); got != "Manager" {
		t.Errorf("PadRight(Manager, 3) = %q", got)
	}
}

func FuzzTruncate(f *testing.F) {
	f.Add("产品经理 Product", 5)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 200 {
			return
		}
		if w := String(Truncate(s, n)); w > n {
			t.Fatalf("Truncate(%q, %d) is %d columns wide", s, n, w)
		}
	})
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text string
		n    int
		want []string
	}{
		{"Which product-management role fits you?", 20, []string{"Which", "product-management", "role fits you?"}},
		{"a\u00a0b c", 3, []string{"a\u00a0b", "c"}}, // a no-break space holds
		{"averyveryverylongword x", 5, []string{"averyveryverylongword", "x"}},
		{"产品经理负责产品的方向。", 8, []string{"产品经理", "负责产品", "的方向。"}}, // never "。" alone
		{"你好，世界", 4, []string{"你", "好，", "世界"}},               // nor a line starting with "，"
		{"「产品」经理", 4, []string{"「产", "品」", "经理"}},             // nor one ending with "「"
		{"PM 是产品经理", 6, []string{"PM 是", "产品经", "理"}},
		{"", 10, []string{""}},
	}
	for _, tt := range tests {
		got := Wrap(tt.text, tt.n)
		if len(got) != len(tt.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.n, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.n, got, tt.want)
				break
			}
		}
	}
}

func TestWrapItems(t *testing.T) {
	got := WrapItems([]string{"1 = No", "2 = Maybe", "3 = Yes"}, " · ", 20)
	if len(got) != 2 || got[0] != "1 = No · 2 = Maybe" || got[1] != "3 = Yes" {
		t.Errorf("WrapItems = %q", got)
	}
	got = WrapItems([]string{"非常不同意", "不同意", "同意"}, " · ", 16) // 10 + 3 + 6 columns: too wide for one line
	if len(got) != 2 || got[1] != "不同意 · 同意" {
		t.Errorf("WrapItems (wide) = %q", got)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("产品经理负责产品的方向。 Product managers own the why.", 10)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 2 || n > 200 {
			return
		}
		lines := Wrap(s, n)
		for _, line := range lines {
			// Only a piece with no break opportunity may overflow, alone.
			if String(line) > n && (len(segments(line)) > 1 || strings.ContainsAny(line, " \t")) {
				t.Fatalf("Wrap(%q, %d): line %q is %d columns", s, n, line, String(line))
			}
		}
		// Nothing is lost or reordered but the spaces it breaks at.
		drop := func(s string) string { return strings.NewReplacer(" ", "", "\t", "", "\r", "").Replace(s) }
		if drop(strings.Join(lines, "")) != drop(s) {
			t.Fatalf("Wrap(%q, %d) = %q: text changed", s, n, lines)
		}
	})
}
