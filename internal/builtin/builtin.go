// Package builtin is the default question bank (questions.yaml) decoded
// at build time into Go values, one per language it is written in, so
// that scoring one answer file does not spend most of its time parsing
// YAML (docs/performance.md, "Start-up").
//
// bank_gen.go is generated from questions.yaml by ./gen; a test fails
// when the two disagree, naming the command that brings them back in
// step.
package builtin

import "github.com/pmfit/pmfit/internal/quiz"

//go:generate go run ./gen -o bank_gen.go ../../questions.yaml

// Bank returns the default bank with its texts in lang, as
// quiz.LoadBank would load questions.yaml with LoadOptions{Lang: lang}
// (quiz.ResolveLanguage). Each call builds a new Bank.
func Bank(lang string) *quiz.Bank {
	return build(quiz.ResolveLanguage(languages, lang))
}
