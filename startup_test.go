package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkStartup runs pmfit's quickest commands and a Go hello world
// side by side, one after the other in each round, and reports each
// command's median time as a multiple of the hello world's (the x
// metrics) and the hello world's own median (hello-ms): start-up in
// docs/performance.md. Run it with a count of rounds:
//
//	go test -run '^$' -bench Startup -benchtime 300x .
func BenchmarkStartup(b *testing.B) {
	hello := helloBinary(b)
	pmfit := pmfitBinary(b)
	persona := "testdata/personas/tpm-platform.yaml"
	cmds := []struct {
		name string
		args []string
	}{
		{"hello", []string{hello}},
		{"version", []string{pmfit, "--version"}},
		{"score-csv", []string{pmfit, "score", "--answers", persona, "--format", "csv"}},
		{"score-json", []string{pmfit, "score", "--answers", persona, "--format", "json"}},
		{"score-text", []string{pmfit, "score", "--answers", persona}},
	}
	times := make([][]float64, len(cmds))
	for b.Loop() {
		for i, c := range cmds {
			start := time.Now()
			if out, err := exec.Command(c.args[0], c.args[1:]...).CombinedOutput(); err != nil {
				b.Fatalf("%s: %v\n%s", c.name, err, out)
			}
			times[i] = append(times[i], float64(time.Since(start))/float64(time.Millisecond))
		}
	}
	median := func(xs []float64) float64 {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	base := median(times[0])
	b.ReportMetric(base, "hello-ms")
	for i, c := range cmds[1:] {
		b.ReportMetric(median(times[i+1])/base, c.name+"-x")
	}
	b.ReportMetric(0, "ns/op") // the rounds' total says nothing
}

// helloBinary builds a Go hello world with the go command that runs the
// tests, the yardstick start-up is measured against.
func helloBinary(b *testing.B) string {
	dir := b.TempDir()
	src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(dir, "hello")
	cmd := exec.Command(goTool(), "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatal(fmt.Errorf("building a hello world: %v\n%s", err, out))
	}
	return bin
}
