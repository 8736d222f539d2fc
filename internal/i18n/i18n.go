// Package i18n holds pmfit's own messages around the quiz (prompts,
// progress, the results screen's headings) in every language pmfit
// speaks, and picks one. Banks carry their own translations; this is for
// the words pmfit itself adds.
package i18n

import (
	"fmt"
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

// T renders m with args.
func (p Printer) T(m Message, args ...any) string {
	format := m.En
	if p.Lang() == "es" && m.Es != "" {
		format = m.Es
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
