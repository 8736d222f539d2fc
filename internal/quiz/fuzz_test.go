package quiz

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// FuzzLoadBank feeds arbitrary bytes to the bank loader: it must never
// panic, and a bank it accepts must hold together.
func FuzzLoadBank(f *testing.F) {
	f.Add([]byte(smallBank))
	f.Add([]byte(strings.Replace(smallBank, "text: How big?", "text: {en: How big?, es: ¿Qué tamaño?}", 1)))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\ndimensions: *b\n"))
	f.Add([]byte("questions:\n  - {id: q, type: likert, scale: {min: 1, max: 1, labels: []}}\n"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, problems := CheckBank("fuzz.yaml", data, LoadOptions{Lang: "es"})
		if b == nil {
			if len(errorsOf(problems)) == 0 {
				t.Fatal("no bank and no error")
			}
			return
		}
		checkBankInvariants(t, b)
	})
}

func checkBankInvariants(t *testing.T, b *Bank) {
	t.Helper()
	nd := len(b.Dimensions)
	if nd == 0 || len(b.Roles) == 0 || len(b.Questions) == 0 {
		t.Fatalf("empty bank accepted: %d dimensions, %d roles, %d questions", nd, len(b.Roles), len(b.Questions))
	}
	for _, r := range b.Roles {
		for _, tg := range r.Profile {
			if tg.Dimension < 0 || tg.Dimension >= nd || tg.Target < 0 || tg.Target > 100 || tg.Weight <= 0 {
				t.Fatalf("role %s target %+v", r.ID, tg)
			}
		}
		checkSafe(t, r.Name, r.Summary, r.Next)
	}
	for _, q := range b.Questions {
		checkSafe(t, q.Text, q.Help)
		if len(q.Dimensions) == 0 || q.Weight <= 0 {
			t.Fatalf("question %s measures %v with weight %v", q.ID, q.Dimensions, q.Weight)
		}
		switch q.Kind {
		case Likert:
			if q.Scale.Max <= q.Scale.Min || len(q.Scale.Labels) != q.Scale.Points() || q.Dimension < 0 || q.Dimension >= nd {
				t.Fatalf("likert question %s: %+v", q.ID, q)
			}
		default:
			if len(q.Options) < 2 || len(q.Options) > MaxOptions || q.None >= len(q.Options) {
				t.Fatalf("question %s has %d options, none %d", q.ID, len(q.Options), q.None)
			}
			for _, o := range q.Options {
				checkSafe(t, o.Label)
				for _, p := range o.Scores {
					if p.Dimension < 0 || p.Dimension >= nd || p.At < 0 || p.At > 100 {
						t.Fatalf("question %s option %s score %+v", q.ID, o.Value, p)
					}
				}
			}
		}
	}
}

// checkSafe fails on any character that could drive a terminal.
func checkSafe(t *testing.T, texts ...string) {
	t.Helper()
	for _, s := range texts {
		for _, r := range s {
			if (unicode.IsControl(r) && r != '\n' && r != '\t') || (r >= 0x202a && r <= 0x202e) {
				t.Fatalf("text %q holds control character %U", s, r)
			}
		}
	}
}

// FuzzParseAnswerFile feeds arbitrary bytes to the answer-file parser:
// it must never panic, and answers it accepts must be valid for the bank.
func FuzzParseAnswerFile(f *testing.F) {
	f.Add([]byte("id: ana\nexpect: how\nanswers:\n  l1: 5\n  l2: 1\n  s1: large\n  m1: [a, b]\n"))
	f.Add([]byte(`{"answers": {"l1": 5, "m1": "a,none"}}`))
	f.Add([]byte("answers:\n  l1: 99\n  s1: [small, large]\n"))
	f.Add([]byte("answers: {l1: &x 3, l2: *x}\n"))
	b, err := LoadBank("bank.yaml", []byte(smallBank), LoadOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ParseAnswerFile(b, "fuzz.yaml", data)
		if err != nil {
			return
		}
		checkSafe(t, set.ID)
		if set.Expect != "" {
			if _, ok := b.Role(set.Expect); !ok {
				t.Fatalf("unknown expect %q accepted", set.Expect)
			}
		}
		checkAnswers(t, b, set.Answers)
	})
}

func checkAnswers(t *testing.T, b *Bank, as Answers) {
	t.Helper()
	if len(as) != len(b.Questions) {
		t.Fatalf("%d answers for %d questions", len(as), len(b.Questions))
	}
	for qi, a := range as {
		if !a.Set {
			continue
		}
		q := &b.Questions[qi]
		switch q.Kind {
		case Likert:
			if a.Level < q.Scale.Min || a.Level > q.Scale.Max {
				t.Fatalf("question %s level %d", q.ID, a.Level)
			}
		case Single:
			if a.Choice < 0 || a.Choice >= len(q.Options) {
				t.Fatalf("question %s choice %d", q.ID, a.Choice)
			}
		case Multi:
			if a.Picks == 0 || a.Picks>>uint(len(q.Options)) != 0 {
				t.Fatalf("question %s picks %b", q.ID, a.Picks)
			}
			if q.None >= 0 && a.Picks&(1<<uint(q.None)) != 0 && a.Picks != 1<<uint(q.None) {
				t.Fatalf("question %s picks %b combine none", q.ID, a.Picks)
			}
		}
	}
}

// FuzzDecodeProgress feeds arbitrary bytes to the progress-file reader
// (quiz --resume): it must never panic, answers it keeps must be valid,
// and what it keeps must survive being saved and read again unchanged.
func FuzzDecodeProgress(f *testing.F) {
	b, err := LoadBank("bank.yaml", []byte(smallBank), LoadOptions{})
	if err != nil {
		f.Fatal(err)
	}
	as := b.NewAnswers()
	as[0] = Answer{Set: true, Level: 4}
	as[3] = Answer{Set: true, Picks: 0b11}
	saved, err := b.EncodeProgress(Progress{Bank: b.ID, Digest: b.Digest(), Answers: as})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(saved)
	f.Add([]byte(`{"pmfit":"quiz progress","version":1,"answers":{"l1":9,"gone":"x","m1":["a","none"],"s1":"large"}}`))
	f.Add([]byte(`{"pmfit":"quiz progress","version":2}`))
	f.Add([]byte(`{"pmfit":"quiz progress","version":1,"seed":18446744073709551615,"answers":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, drops, err := b.DecodeProgress("fuzz.json", data)
		if err != nil {
			return
		}
		checkAnswers(t, b, p.Answers)
		for _, d := range drops {
			checkSafe(t, d.Question, d.Value)
		}
		again, err := b.EncodeProgress(p)
		if err != nil {
			t.Fatalf("cannot save what was read: %v", err)
		}
		q, drops, err := b.DecodeProgress("again.json", again)
		if err != nil || len(drops) > 0 {
			t.Fatalf("saved progress reads back with %v, drops %v:\n%s", err, drops, again)
		}
		if !slices.Equal(q.Answers, p.Answers) {
			t.Fatalf("answers changed on a round trip: %v, then %v", p.Answers, q.Answers)
		}
	})
}

// FuzzParseAnswer feeds arbitrary values to the parser behind --answer
// and answer files, for each kind of question: it must never panic, and
// an answer it accepts must be valid.
func FuzzParseAnswer(f *testing.F) {
	b, err := LoadBank("bank.yaml", []byte(smallBank), LoadOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint8(0), "3")
	f.Add(uint8(0), "3.0")
	f.Add(uint8(0), " 5\t")
	f.Add(uint8(2), "large")
	f.Add(uint8(3), "a,b\x00none")
	f.Add(uint8(3), "a,,b")
	f.Fuzz(func(t *testing.T, qi uint8, joined string) {
		q := int(qi) % len(b.Questions)
		a, err := b.ParseAnswer(q, strings.Split(joined, "\x00"))
		if err != nil {
			checkSafe(t, err.Error())
			return
		}
		as := b.NewAnswers()
		as[q] = a
		checkAnswers(t, b, as)
	})
}
