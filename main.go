// Command pmfit tells a person which product-management role fits them,
// and why. See README.md.
package main

import (
	_ "embed"
	"os"

	"github.com/pmfit/pmfit/cmd"
)

// defaultBank is the question bank pmfit uses unless told otherwise.
//
//go:embed questions.yaml
var defaultBank []byte

func main() {
	os.Exit(cmd.Main(defaultBank))
}
