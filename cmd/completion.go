package cmd

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// Cobra's zsh and fish scripts take whatever ends in "-…=" in the word
// being completed for a flag written with "=" (--format=<TAB>) and prefix
// every completion with it. In an answer such as "read-code=" that
// matches "-code=", so zsh wrote "-code=read-code=5" and fish listed
// "-code=read-code=1": 32 of the built-in bank's 37 ids hold a hyphen.
// A flag starts the word; the patterns below say so, and stop at its
// first "=" (--answer=degree=<TAB> is the flag --answer, then degree=).
var completionFixes = map[string][2]string{
	"zsh":  {`if [[ "${lastParam}" =~ '-.*=' ]]; then`, `if [[ "${lastParam}" =~ '^-[^=]*=' ]]; then`},
	"fish": {`set -l flagPrefix (string match -r -- '-.*=' "$lastArg")`, `set -l flagPrefix (string match -r -- '^-[^=]*=' "$lastArg")`},
}

// fixCompletionScripts replaces the zsh and fish subcommands of cobra's
// default completion command with ones that write the patched scripts;
// bash and PowerShell are cobra's, unchanged.
func fixCompletionScripts(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	completion, _, err := root.Find([]string{"completion"})
	if err != nil || completion == root {
		return
	}
	for _, c := range completion.Commands() {
		fix, ok := completionFixes[c.Name()]
		if !ok {
			continue
		}
		shell := c.Name()
		c.RunE = func(cmd *cobra.Command, _ []string) error {
			noDesc, _ := cmd.Flags().GetBool("no-descriptions")
			var script bytes.Buffer
			var err error
			if shell == "zsh" {
				if noDesc {
					err = root.GenZshCompletionNoDesc(&script)
				} else {
					err = root.GenZshCompletion(&script)
				}
			} else {
				err = root.GenFishCompletion(&script, !noDesc)
			}
			if err != nil {
				return err
			}
			out := script.String()
			if !strings.Contains(out, fix[0]) {
				// A cobra that writes the line otherwise: say so, rather
				// than ship a script that garbles answers.
				return fmt.Errorf("completion %s: the script cobra wrote has changed; the fix for answers with hyphens (cmd/completion.go) needs updating", shell)
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), strings.Replace(out, fix[0], fix[1], 1))
			return err
		}
		c.Run = nil
	}
}
