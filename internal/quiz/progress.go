package quiz

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Progress is a quiz saved part-way, to be resumed.
type Progress struct {
	Bank   string    // the bank's id
	Digest string    // the bank's Digest when saved
	Saved  time.Time // when it was saved
	Seed   *uint64   // the shuffle seed, when options were shuffled
	Short  bool      // the short quiz: questions chosen, stopping early
	// Stop is the short quiz's rule: "likely" or "proof" (docs/adaptive.md).
	// Files saved before there were two say nothing, and were "proof".
	Stop    string
	Answers Answers
}

// Drop is a saved answer a resumed quiz could not keep.
type Drop struct {
	Question string
	Value    string // empty when the question itself is gone
}

// Digest identifies what answers depend on in a bank: question ids and
// kinds, option values and scales, not the wording. A reworded or
// translated bank keeps its digest; one with a changed option does not.
func (b *Bank) Digest() string {
	h := sha256.New()
	for _, q := range b.Questions {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00", q.ID, q.Kind, q.Scale.Min, q.Scale.Max)
		for _, o := range q.Options {
			fmt.Fprintf(h, "%s\x00", o.Value)
		}
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// progressFile is the JSON form of a Progress. Answers keep the forms an
// answer file uses: option values, Likert integers, lists.
type progressFile struct {
	Kind    string                     `json:"pmfit"`
	Version int                        `json:"version"`
	Bank    string                     `json:"bank"`
	Digest  string                     `json:"digest"`
	Saved   time.Time                  `json:"saved"`
	Seed    *uint64                    `json:"seed,omitempty"`
	Mode    string                     `json:"mode,omitempty"`
	Stop    string                     `json:"stop,omitempty"`
	Answers map[string]json.RawMessage `json:"answers"`
}

const progressKind = "quiz progress"

// EncodeProgress writes p as indented JSON, answers in bank order.
func (b *Bank) EncodeProgress(p Progress) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("{\n")
	field := func(key string, v any) error {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&buf, "  %q: %s,\n", key, data)
		return nil
	}
	for _, f := range []struct {
		key string
		v   any
	}{{"pmfit", progressKind}, {"version", 1}, {"bank", b.ID}, {"digest", b.Digest()}, {"saved", p.Saved.UTC().Truncate(time.Second)}} {
		if err := field(f.key, f.v); err != nil {
			return nil, err
		}
	}
	if p.Seed != nil {
		fmt.Fprintf(&buf, "  \"seed\": %d,\n", *p.Seed)
	}
	if p.Short {
		buf.WriteString("  \"mode\": \"short\",\n")
		if p.Stop != "" {
			fmt.Fprintf(&buf, "  \"stop\": %q,\n", p.Stop)
		}
	}
	buf.WriteString("  \"answers\": {")
	first := true
	for qi, a := range p.Answers {
		if !a.Set {
			continue
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		value, err := json.Marshal(b.answerValue(qi, a))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&buf, "\n    %q: %s", b.Questions[qi].ID, value)
	}
	if !first {
		buf.WriteString("\n  ")
	}
	buf.WriteString("}\n}\n")
	return buf.Bytes(), nil
}

// answerValue is an answer as an answer file writes it.
func (b *Bank) answerValue(qi int, a Answer) any {
	q := &b.Questions[qi]
	switch q.Kind {
	case Likert:
		return a.Level
	case Single:
		return q.Options[a.Choice].Value
	default:
		return q.pickedValues(a.Picks)
	}
}

// AnswerValues maps each answered question's id to its value as an answer
// file writes it, for `quiz --out`.
func (b *Bank) AnswerValues(as Answers) []KeyValue {
	var kvs []KeyValue
	for qi, a := range as {
		if a.Set {
			kvs = append(kvs, KeyValue{Key: b.Questions[qi].ID, Value: b.answerValue(qi, a)})
		}
	}
	return kvs
}

// KeyValue is one entry of an ordered mapping.
type KeyValue struct {
	Key   string
	Value any
}

// DecodeProgress reads a progress file against b. Answers that still fit
// the bank are kept; the rest are returned as drops, so a bank changed
// since the save resumes what it can and says what it could not.
func (b *Bank) DecodeProgress(file string, data []byte) (Progress, []Drop, error) {
	var pf progressFile
	// A byte-order mark (an editor that saved the file) is not content.
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&pf); err != nil {
		return Progress{}, nil, fmt.Errorf("%s: not a pmfit progress file: %w", file, err)
	}
	switch {
	case pf.Kind != progressKind:
		return Progress{}, nil, fmt.Errorf("%s: not a pmfit progress file (it has no \"pmfit\": %q)", file, progressKind)
	case pf.Version > 1:
		return Progress{}, nil, fmt.Errorf("%s: written by a newer pmfit (progress file version %d; this pmfit reads version 1): update pmfit to resume it", file, pf.Version)
	case pf.Version != 1:
		return Progress{}, nil, fmt.Errorf("%s: not a pmfit progress file (version %d; this pmfit reads version 1)", file, pf.Version)
	}
	switch pf.Mode {
	case "", "short":
	default:
		return Progress{}, nil, fmt.Errorf("%s: unknown quiz mode %s (allowed: short, or none)", file, Quote(pf.Mode))
	}
	switch {
	case pf.Mode == "short" && pf.Stop == "":
		pf.Stop = "proof" // saved before the quick stop existed
	case pf.Mode == "short" && (pf.Stop == "likely" || pf.Stop == "proof"):
	case pf.Stop != "":
		return Progress{}, nil, fmt.Errorf("%s: unknown stop rule %s for mode %s (allowed: likely, proof)", file, Quote(pf.Stop), Quote(pf.Mode))
	}
	p := Progress{Bank: pf.Bank, Digest: pf.Digest, Saved: pf.Saved, Seed: pf.Seed, Short: pf.Mode == "short", Stop: pf.Stop, Answers: b.NewAnswers()}
	var drops []Drop
	// Sorted, so drops are reported in a stable order.
	for _, id := range slices.Sorted(maps.Keys(pf.Answers)) {
		qi, ok := b.Question(id)
		if !ok {
			drops = append(drops, Drop{Question: Sanitize(id)})
			continue
		}
		values, ok := rawValues(pf.Answers[id])
		if !ok {
			drops = append(drops, Drop{Question: id, Value: Sanitize(string(pf.Answers[id]))})
			continue
		}
		a, err := b.ParseAnswer(qi, values)
		if err != nil {
			drops = append(drops, Drop{Question: id, Value: Sanitize(strings.Join(values, ","))})
			continue
		}
		p.Answers[qi] = a
	}
	return p, drops, nil
}

// rawValues reads a saved value: a string, an integer, or a list of them.
func rawValues(raw json.RawMessage) ([]string, bool) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	scalar := func(x any) (string, bool) {
		switch x := x.(type) {
		case string:
			return x, true
		case json.Number:
			if _, err := strconv.Atoi(x.String()); err == nil {
				return x.String(), true
			}
		}
		return "", false
	}
	if list, ok := v.([]any); ok {
		var out []string
		for _, x := range list {
			s, ok := scalar(x)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	s, ok := scalar(v)
	return []string{s}, ok
}

// AnswerValue is answer a to question qi as an answer file writes it: an
// integer for a Likert question, an option value for a single choice, a
// list of values for a multi-select.
func (b *Bank) AnswerValue(qi int, a Answer) any { return b.answerValue(qi, a) }
