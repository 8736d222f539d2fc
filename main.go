// Command pmfit tells a person which product-management role fits them,
// and why. See README.md.
package main

import (
	_ "embed"
	"os"

	"github.com/pmfit/pmfit/cmd"
	"github.com/pmfit/pmfit/internal/builtin"
)

// defaultBank is the question bank pmfit uses unless told otherwise. It
// is also decoded at build time (internal/builtin, generated from it), so
// commands take it from Go values; validate checks the file itself.
//
//go:embed questions.yaml
var defaultBank []byte

func main() {
	os.Exit(cmd.Main(defaultBank, builtin.Bank))
}
