package cmd

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pmfit/pmfit/internal/builtin"
	"github.com/pmfit/pmfit/internal/iostreams"
)

// builtInFactory is the Factory main builds: the built-in bank from Go
// values, with yaml standing in for the embedded file.
func builtInFactory(yaml string, env map[string]string) (f *Factory, out, errOut *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	return &Factory{
		IOStreams:   ios,
		Env:         func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		Version:     "test",
		DefaultBank: []byte(yaml),
		BuiltIn:     builtin.Bank,
	}, out, errOut
}

// TestBuiltInBankIsNotParsed: with the bank decoded at build time,
// scoring never reads the embedded YAML (here broken on purpose), while
// a bank named by --questions or PMFIT_QUESTIONS is still read, and
// validate still checks the file itself.
func TestBuiltInBankIsNotParsed(t *testing.T) {
	const broken = "questions: ["
	persona := "../testdata/personas/tpm-platform.yaml"

	f, out, errOut := builtInFactory(broken, nil)
	if code := Run(f, []string{"score", "--answers", persona, "--format", "json"}); code != ExitOK {
		t.Fatalf("score exited %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), `"top": "tpm"`) {
		t.Errorf("no best fit in %s", out)
	}
	f, out, _ = builtInFactory(broken, map[string]string{"LANG": "es_ES.UTF-8"})
	if code := Run(f, []string{"roles"}); code != ExitOK || !strings.Contains(out.String(), "Gerente de producto") {
		t.Errorf("roles in Spanish exited %d: %s", code, out)
	}

	f, _, errOut = builtInFactory(broken, map[string]string{"PMFIT_QUESTIONS": "missing.yaml"})
	if code := Run(f, []string{"score", "--answers", persona}); code != ExitUsage || !strings.Contains(errOut.String(), "missing.yaml") {
		t.Errorf("PMFIT_QUESTIONS=missing.yaml: exit %d, %s", code, errOut)
	}
	f, out, _ = builtInFactory(broken, nil)
	if code := Run(f, []string{"validate"}); code == ExitOK {
		t.Errorf("validate passed a broken built-in file: %s", out)
	}
}

// TestScoringOneFileIsLight bounds the work of scoring one answer file,
// in allocations (the wall-clock side is docs/performance.md's start-up
// table): parsing the bank's YAML alone made over 20,000.
func TestScoringOneFileIsLight(t *testing.T) {
	args := []string{"score", "--answers", "../testdata/personas/tpm-platform.yaml", "--format", "json"}
	allocs := testing.AllocsPerRun(20, func() {
		f, _, _ := builtInFactory("", nil)
		if code := Run(f, args); code != ExitOK {
			t.Fatalf("exit %d", code)
		}
	})
	t.Logf("%.0f allocations", allocs)
	if allocs > 4000 {
		t.Errorf("scoring one file makes %.0f allocations, more than 4,000", allocs)
	}
}

// BenchmarkScoreOneFile is `pmfit score --answers F --format json` in
// process, from flags to output, with the built-in bank.
func BenchmarkScoreOneFile(b *testing.B) {
	args := []string{"score", "--answers", "../testdata/personas/tpm-platform.yaml", "--format", "json"}
	for b.Loop() {
		f, _, _ := builtInFactory("", nil)
		if code := Run(f, args); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
