//go:build !windows

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bashCompletion is where Debian's bash-completion package puts the
// functions cobra's bash script needs (.ci/run installs it).
const bashCompletion = "/usr/share/bash-completion/bash_completion"

// TestBashCompletesAfterAComma runs the real bash completion script, as
// bash would on TAB, on command lines a person types.
func TestBashCompletesAfterAComma(t *testing.T) {
	if _, err := os.Stat(bashCompletion); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("bash-completion is not installed (.ci/run installs it): %v", err)
		}
		t.Skip("bash-completion is not installed; apt-get install bash-completion to run this test")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	bin := pmfitBinary(t)
	dir := t.TempDir()
	script, err := exec.Command(bin, "completion", "bash").Output()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pmfit.bash"), script, 0o644); err != nil {
		t.Fatal(err)
	}
	// complete splits a line into words as bash does (spaces, and each of
	// COMP_WORDBREAKS' characters as a word of its own), calls the
	// completion function and prints COMPREPLY.
	driver := `source ` + bashCompletion + `
source "$1/pmfit.bash"
complete_line() {
  local line="$1" cur="" c i
  COMP_LINE="$line"; COMP_POINT=${#line}; COMP_WORDS=()
  for ((i=0; i<${#line}; i++)); do c="${line:i:1}"
    if [[ "$c" == " " ]]; then [[ -n "$cur" ]] && COMP_WORDS+=("$cur"); cur=""
    elif [[ "$COMP_WORDBREAKS" == *"$c"* ]]; then [[ -n "$cur" ]] && COMP_WORDS+=("$cur"); COMP_WORDS+=("$c"); cur=""
    else cur+="$c"; fi
  done
  COMP_WORDS+=("$cur"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=()
  __start_pmfit pmfit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
  printf '%s\n' "${COMPREPLY[*]}"
}
complete_line "pmfit score --answer week-of-work=launch,ba"
complete_line "pmfit score --answer week-of-work=launch,"
complete_line "pmfit score --answer degree=comp"
complete_line "pmfit score --lang "
`
	cmd := exec.Command(bash, "-c", driver, "bash", dir)
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	want := []func(string) bool{
		func(s string) bool { return s == `launch\,backlog` },
		func(s string) bool {
			return strings.Contains(s, "launch,backlog") && !strings.Contains(s, "launch,launch") && !strings.Contains(s, "launch,none")
		},
		func(s string) bool { return s == "computer-science" },
		func(s string) bool { return s == "en es" },
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines:\n%s", len(got), out)
	}
	for i, ok := range want {
		if !ok(got[i]) {
			t.Errorf("line %d: %q", i+1, got[i])
		}
	}
}
