package render

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzIndentJSON: for any valid JSON, indentJSON lays out its compact
// form exactly as json.Indent does.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `{"a":[]}`, `[{},[],{"x":{}}]`, `{"a":"b\":,[]{}\\","c":[1,2,{"d":null}]}`,
		`"just a string"`, `12.5e3`, `true`, `{"é":"\u2028 ✓","k":-0.0}`, `[[[[]]],[[{}]]]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("indentJSON(%s)\n got %s\nwant %s", compact.Bytes(), got, want.Bytes())
		}
	})
}
