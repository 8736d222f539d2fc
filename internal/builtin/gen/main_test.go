package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGeneratedFileIsCurrent: bank_gen.go is what gen writes from
// questions.yaml today.
func TestGeneratedFileIsCurrent(t *testing.T) {
	data, err := os.ReadFile("../../../questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := generate("questions.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../bank_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("internal/builtin/bank_gen.go is stale: run go generate ./internal/builtin")
	}
}

// TestRefusesWhatItCannotWrite: a broken bank is an error, not a file.
func TestRefusesWhatItCannotWrite(t *testing.T) {
	if _, err := generate("bad.yaml", []byte("questions: [")); err == nil {
		t.Error("a broken bank was written")
	}
}
