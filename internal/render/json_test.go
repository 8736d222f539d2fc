package render

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestWriteJSONMatchesTheEncoder: WriteJSON writes what an indenting
// json.Encoder without HTML escaping writes, trailing newline included.
func TestWriteJSONMatchesTheEncoder(t *testing.T) {
	v := map[string]any{"roles": []any{map[string]any{"id": "pm", "fit": 92.5, "why": []string{}}}, "html": "<b>&</b>", "none": nil, "empty": map[string]int{}}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := WriteJSON(&got, v); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want.String())
	}
}

func BenchmarkIndentJSON(b *testing.B) {
	var src bytes.Buffer
	v := map[string]any{"roles": []any{map[string]any{"id": "pm", "fit": 92.5, "why": []string{"a", "b"}}}, "text": "a \"quoted\" line, with: [brackets]"}
	_ = json.NewEncoder(&src).Encode(v)
	b.Run("indentJSON", func(b *testing.B) {
		for b.Loop() {
			_ = indentJSON(nil, src.Bytes())
		}
	})
	b.Run("json.Indent", func(b *testing.B) {
		for b.Loop() {
			var out bytes.Buffer
			_ = json.Indent(&out, src.Bytes(), "", "  ")
		}
	})
}
