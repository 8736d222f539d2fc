package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestEveryMessageIsTranslated reads messages.go and checks every Message
// literal: each language present and non-empty, with the same fmt verbs
// in the same order, so no translation can drop or reorder an argument.
func TestEveryMessageIsTranslated(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "messages.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(file, func(node ast.Node) bool {
		lit, ok := node.(*ast.CompositeLit)
		if !ok || !isMessage(lit.Type) {
			return true
		}
		n++
		texts := map[string]string{}
		for _, elt := range lit.Elts {
			kv := elt.(*ast.KeyValueExpr)
			s, err := strconv.Unquote(kv.Value.(*ast.BasicLit).Value)
			if err != nil {
				t.Fatal(err)
			}
			texts[kv.Key.(*ast.Ident).Name] = s
		}
		pos := fset.Position(lit.Pos())
		for _, field := range []string{"En", "Es"} {
			if texts[field] == "" {
				t.Errorf("%s: message lacks %s", pos, field)
			}
		}
		if en, es := verb.FindAllString(texts["En"], -1), verb.FindAllString(texts["Es"], -1); !slices.Equal(en, es) {
			t.Errorf("%s: verbs differ: en %v, es %v", pos, en, es)
		}
		return true
	})
	if n < 10 {
		t.Errorf("found only %d messages; is the parser looking at the right file?", n)
	}
}

func isMessage(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "Message"
}

func TestPrinter(t *testing.T) {
	m := Message{En: "Question %d of %d", Es: "Pregunta %d de %d"}
	for lang, want := range map[string]string{"": "Question 1 of 2", "en": "Question 1 of 2", "es": "Pregunta 1 de 2", "es-MX": "Pregunta 1 de 2", "fr": "Question 1 of 2"} {
		if got := New(lang).T(m, 1, 2); got != want {
			t.Errorf("%q: %q, want %q", lang, got, want)
		}
	}
}

// TestSpanishWritesADecimalComma: fractions are written 13,3 in Spanish,
// whatever the verb's width and precision; integers and text are left
// alone, and English keeps its point.
func TestSpanishWritesADecimalComma(t *testing.T) {
	m := Message{En: "%s is %.1f points behind (%5.2f; %.0f%%; %d)", Es: "%s está a %.1f puntos (%5.2f; %.0f%%; %d)"}
	if got, want := New("es").T(m, "A.B", 13.3, 1.5, 94.4, 3), "A.B está a 13,3 puntos ( 1,50; 94%; 3)"; got != want {
		t.Errorf("es: %q, want %q", got, want)
	}
	if got, want := New("en").T(m, "A.B", 13.3, 1.5, 94.4, 3), "A.B is 13.3 points behind ( 1.50; 94%; 3)"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	if got := New("es").Number(-0.25, 2); got != "-0,25" {
		t.Errorf("Number: %q", got)
	}
}
