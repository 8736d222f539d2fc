package batch

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is how an input's records are laid out.
type Format int

const (
	// Auto picks the format from the file's extension.
	Auto Format = iota
	// AnswerFile is one answer set per YAML or JSON file.
	AnswerFile
	// NDJSON is one answer set per line.
	NDJSON
	// CSV is one answer set per row under a header of question ids.
	CSV
)

// InputFormats are the names --input-format accepts.
var InputFormats = []string{"yaml", "json", "ndjson", "csv"}

// ParseFormat reads an --input-format value.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return Auto, nil
	case "yaml", "yml", "json":
		return AnswerFile, nil
	case "ndjson", "jsonl":
		return NDJSON, nil
	case "csv":
		return CSV, nil
	}
	return Auto, fmt.Errorf("unknown input format %q (allowed: %s)", s, strings.Join(InputFormats, ", "))
}

// FormatOf tells an input's format from its extension, or Auto when the
// extension says nothing.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return AnswerFile
	case ".ndjson", ".jsonl":
		return NDJSON
	case ".csv":
		return CSV
	}
	return Auto
}

// walked reports whether a directory walk picks up name: answer files
// only, as the other formats hold many sets and are named explicitly.
func walked(name string) bool { return FormatOf(name) == AnswerFile }

// Input is one thing named on the command line: a file, a directory, or
// "-" for stdin.
type Input struct {
	Name   string
	Format Format // Auto: by extension (files), or sniffed (stdin)
}
