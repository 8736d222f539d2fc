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

// completionScript writes pmfit's completion script for shell to a file
// and returns its path.
func completionScript(t *testing.T, bin, shell string) string {
	t.Helper()
	script, err := exec.Command(bin, "completion", shell).Output()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pmfit."+shell)
	if err := os.WriteFile(path, script, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// inShell is a shell command that finds the pmfit at bin on its PATH,
// as the completion scripts call it.
func inShell(bin, shell string, args ...string) *exec.Cmd {
	cmd := exec.Command(shell, args...)
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"))
	return cmd
}

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
	script := completionScript(t, bin, "bash")
	// complete splits a line into words as bash does (spaces, and each of
	// COMP_WORDBREAKS' characters as a word of its own), calls the
	// completion function and prints COMPREPLY.
	driver := `source ` + bashCompletion + `
source "$1"
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
	out, err := inShell(bin, bash, "-c", driver, "bash", script).CombinedOutput()
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

// shellCompletions are command lines with what the shell must offer for
// them: answers whose ids hold a hyphen, with and without "=" after the
// flag, a multi-select after a comma, and a flag's own values.
var shellCompletions = []struct {
	line string
	want []string // each offered, as the shell would insert it
	not  []string // nothing offered starts with one of these
}{
	{"pmfit score -a read-code=", []string{"read-code=1", "read-code=2", "read-code=3", "read-code=4", "read-code=5"}, []string{"-code="}},
	{"pmfit score --answer read-code=4", []string{"read-code=4"}, nil},
	{"pmfit score --answer=degree=comp", []string{"--answer=degree=computer-science"}, []string{"--answer=degree=degree=", "degree="}},
	{"pmfit score -a week-of-work=launch,", []string{"week-of-work=launch,trial-conversion", "week-of-work=launch,backlog"}, []string{"week-of-work=launch,none", "week-of-work=launch,launch", "-of-work="}},
	{"pmfit score --format=", []string{"--format=text", "--format=json"}, nil},
	{"pmfit path --to t", []string{"tpm"}, nil},
}

func checkOffers(t *testing.T, shell, line string, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if slicesIndex(got, w) < 0 {
			t.Errorf("%s: %q: %q not offered; got %q", shell, line, w, got)
		}
	}
	for _, n := range not {
		for _, g := range got {
			if strings.HasPrefix(g, n) {
				t.Errorf("%s: %q: offered %q", shell, line, g)
			}
		}
	}
}

func slicesIndex(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// lookShell finds a shell the completion tests drive; in CI it must be
// there (.ci/run installs it).
func lookShell(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (.ci/run installs it): %v", name, err)
		}
		t.Skipf("%s is not installed; apt-get install %s to run this test", name, name)
	}
	return path
}

// TestFishCompletesAnswers runs the real fish completion script through
// fish's own `complete -C`, which prints what TAB would offer.
func TestFishCompletesAnswers(t *testing.T) {
	fish := lookShell(t, "fish")
	bin := pmfitBinary(t)
	script := completionScript(t, bin, "fish")
	for _, tc := range shellCompletions {
		out, err := inShell(bin, fish, "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, script, tc.line).CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			value, _, _ := strings.Cut(l, "\t") // a description follows a tab
			got = append(got, value)
		}
		checkOffers(t, "fish", tc.line, got, tc.want, tc.not)
	}
}

// TestZshCompletesAnswers runs the real zsh completion function in zsh,
// with zsh's _describe replaced by one that prints what it was given (the
// completions and the prefix to insert before each): the rest of the
// completion system needs a terminal.
func TestZshCompletesAnswers(t *testing.T) {
	zsh := lookShell(t, "zsh")
	bin := pmfitBinary(t)
	script := completionScript(t, bin, "zsh")
	driver := `
compdef() { }
_describe() {
  local prefix="" i
  for ((i=1; i<=$#; i++)); do [[ ${@[i]} == -P ]] && prefix=${@[i+1]}; done
  for c in "${completions[@]}"; do print -r -- "${prefix}${c%%:*}"; done
}
_arguments() { print -r -- "(files)"; }
source "$1"
words=(${(z)2}); [[ $2 == *" " ]] && words+=("")
CURRENT=${#words}
_pmfit
`
	for _, tc := range shellCompletions {
		out, err := inShell(bin, zsh, "-f", "-c", driver, "zsh", script, tc.line).CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			got = append(got, strings.ReplaceAll(l, `\:`, ":"))
		}
		checkOffers(t, "zsh", tc.line, got, tc.want, tc.not)
	}
}
