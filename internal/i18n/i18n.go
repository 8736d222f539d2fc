// Package i18n holds pmfit's own messages around the quiz (prompts,
// progress, the results screen's headings) in every language pmfit
// speaks, and picks one. Banks carry their own translations; this is for
// the words pmfit itself adds.
package i18n

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Message is one message in each language pmfit speaks. Its texts are fmt
// formats; every language's text takes the same arguments. Messages are
// plain data, so defining them costs nothing at start-up.
type Message struct {
	En, Es string
}

// Languages pmfit's own messages are written in, English first.
var Languages = []string{"en", "es"}

// Printer renders messages in one language, falling back to English.
type Printer struct{ lang string }

// New returns a printer for lang ("es", "es-MX", "pt-BR"); a language
// pmfit does not speak gets English.
func New(lang string) Printer {
	base, _, _ := strings.Cut(lang, "-")
	for _, l := range Languages {
		if l == lang || l == base {
			return Printer{lang: l}
		}
	}
	return Printer{lang: "en"}
}

// Lang is the language the printer writes.
func (p Printer) Lang() string {
	if p.lang == "" {
		return "en"
	}
	return p.lang
}

// T renders m with args. Numbers with a fraction are written the
// language's way: 13.3 in English, 13,3 in Spanish.
func (p Printer) T(m Message, args ...any) string {
	format := m.En
	if p.Lang() == "es" && m.Es != "" {
		format = m.Es
	}
	if len(args) == 0 {
		return format
	}
	if p.Lang() == "es" {
		args = slices.Clone(args)
		for i, a := range args {
			switch v := a.(type) {
			case float64:
				args[i] = decimalComma(v)
			case float32:
				args[i] = decimalComma(v)
			}
		}
	}
	return fmt.Sprintf(format, args...)
}

// Number writes x with prec decimals the language's way.
func (p Printer) Number(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if p.Lang() == "es" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// decimalComma is a number written with a decimal comma.
type decimalComma float64

// Format implements fmt.Formatter: the number as the verb and flags ask
// for, with its decimal point turned into a comma.
func (d decimalComma) Format(f fmt.State, verb rune) {
	s := fmt.Sprintf(fmt.FormatString(f, verb), float64(d))
	_, _ = io.WriteString(f, strings.Replace(s, ".", ",", 1))
}
