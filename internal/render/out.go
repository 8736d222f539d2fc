package render

import (
	"encoding/json"

	"go.yaml.in/yaml/v4"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/scoring"
)

// AnswersAndResult writes `{answers, result}` as `pmfit quiz --out` keeps
// it: answers in bank order, in the forms an answer file uses, so the file
// can be scored again with `pmfit score --answers`; result exactly as
// `pmfit score --format json` prints it. format is "json" or "yaml".
func AnswersAndResult(p i18n.Printer, b *quiz.Bank, answers quiz.Answers, res *scoring.Result, format string) ([]byte, error) {
	given := object{}
	for _, kv := range b.AnswerValues(answers) {
		given = append(given, member{kv.Key, kv.Value})
	}
	data, err := json.MarshalIndent(object{{"answers", given}, {"result", Result(p, b, answers, res, "")}}, "", "  ")
	if err != nil {
		return nil, err
	}
	if format == "yaml" {
		return jsonToYAML(data)
	}
	return append(data, '\n'), nil
}

// jsonToYAML re-encodes a JSON document as block-style YAML, keeping key
// order and numbers exactly as written ("88.6" stays 88.6).
func jsonToYAML(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		return nil, err
	}
	var block func(n *yaml.Node)
	block = func(n *yaml.Node) {
		n.Style &^= yaml.FlowStyle
		for _, c := range n.Content {
			block(c)
		}
	}
	block(&doc)
	return yaml.Dump(&doc)
}
