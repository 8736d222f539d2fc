package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// lspClient speaks the Language Server Protocol to a server on stdio:
// enough to open a document, ask for completions and collect the
// diagnostics it publishes.
type lspClient struct {
	t     *testing.T
	cmd   *exec.Cmd
	in    io.WriteCloser
	msgs  chan lspMessage
	id    int
	diags map[string][]lspDiagnostic
}

type lspMessage struct {
	ID     *int            `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
}

type lspDiagnostic struct {
	Message string `json:"message"`
	Range   struct {
		Start struct{ Line int } `json:"start"`
	} `json:"range"`
}

func startLSP(t *testing.T, name string, args ...string) *lspClient {
	t.Helper()
	c := &lspClient{t: t, cmd: exec.Command(name, args...), msgs: make(chan lspMessage, 64), diags: map[string][]lspDiagnostic{}}
	var err error
	if c.in, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.in.Close(); _ = c.cmd.Process.Kill(); _ = c.cmd.Wait() })
	go func() {
		defer close(c.msgs)
		r := bufio.NewReader(out)
		for {
			n := -1
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if line = strings.TrimSpace(line); line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					n, _ = strconv.Atoi(v)
				}
			}
			body := make([]byte, max(n, 0))
			if _, err := io.ReadFull(r, body); err != nil {
				return
			}
			var m lspMessage
			if json.Unmarshal(body, &m) == nil {
				c.msgs <- m
			}
		}
	}()
	return c
}

func (c *lspClient) send(v map[string]any) {
	v["jsonrpc"] = "2.0"
	b, _ := json.Marshal(v)
	fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(b), b)
}

// handle answers the server's own requests (its configuration) and keeps
// the diagnostics it publishes.
func (c *lspClient) handle(m lspMessage) {
	switch {
	case m.ID != nil && m.Method != "":
		var result any
		if m.Method == "workspace/configuration" {
			result = []any{map[string]any{"validate": true, "completion": true}}
		}
		c.send(map[string]any{"id": *m.ID, "result": result})
	case m.Method == "textDocument/publishDiagnostics":
		var p struct {
			URI         string          `json:"uri"`
			Diagnostics []lspDiagnostic `json:"diagnostics"`
		}
		if json.Unmarshal(m.Params, &p) == nil {
			c.diags[p.URI] = p.Diagnostics
		}
	}
}

func (c *lspClient) call(method string, params any) json.RawMessage {
	c.t.Helper()
	c.id++
	id := c.id
	c.send(map[string]any{"id": id, "method": method, "params": params})
	timeout := time.After(60 * time.Second)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("%s: the server stopped", method)
			}
			if m.ID != nil && *m.ID == id && m.Method == "" {
				return m.Result
			}
			c.handle(m)
		case <-timeout:
			c.t.Fatalf("%s: no answer in a minute", method)
		}
	}
}

// TestEditorsCompleteAndCheckAnswers drives yaml-language-server (the
// engine of VS Code's YAML extension and others) on answer files that
// point at `pmfit schema answers`: it completes a question's values and
// names the allowed ones when an answer is wrong. .ci/run installs it
// (PMFIT_YAMLLS_DIR); elsewhere the test skips without it.
func TestEditorsCompleteAndCheckAnswers(t *testing.T) {
	dir := os.Getenv("PMFIT_YAMLLS_DIR")
	server := filepath.Join(dir, "node_modules", "yaml-language-server", "bin", "yaml-language-server")
	if _, err := os.Stat(server); dir == "" || err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("yaml-language-server is not installed at PMFIT_YAMLLS_DIR=%q (.ci/run installs it)", dir)
		}
		t.Skip("set PMFIT_YAMLLS_DIR to an npm prefix holding yaml-language-server to run this test")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	work := t.TempDir()
	schema, err := exec.Command(pmfitBinary(t), "schema", "answers").Output()
	if err != nil {
		t.Fatal(err)
	}
	schemaPath := filepath.Join(work, "answers.schema.json")
	if err := os.WriteFile(schemaPath, schema, 0o644); err != nil {
		t.Fatal(err)
	}
	c := startLSP(t, node, server, "--stdio")
	c.call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": "file://" + work, "capabilities": map[string]any{}})
	c.send(map[string]any{"method": "initialized", "params": map[string]any{}})
	c.send(map[string]any{"method": "workspace/didChangeConfiguration", "params": map[string]any{"settings": map[string]any{"yaml": map[string]any{"validate": true, "completion": true}}}})

	open := func(name, text string) string {
		uri := "file://" + filepath.Join(work, name)
		text = "# yaml-language-server: $schema=" + schemaPath + "\n" + text
		c.send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
		return uri
	}
	complete := func(uri string, line, char int) []string {
		var res struct {
			Items []struct{ Label string } `json:"items"`
		}
		if err := json.Unmarshal(c.call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": line, "character": char}}), &res); err != nil {
			t.Fatal(err)
		}
		var labels []string
		for _, it := range res.Items {
			labels = append(labels, it.Label)
		}
		return labels
	}

	// Line 0 is the schema line.
	uri := open("a.yaml", "answers:\n  degree: \n  week-of-work:\n    - \n")
	if got, want := complete(uri, 2, 10), []string{"business", "marketing", "design", "computer-science", "engineering", "data", "other"}; !containsAll(got, want) {
		t.Errorf("after \"degree: \": %q, want %q", got, want)
	}
	if got, want := complete(uri, 4, 6), []string{"trial-conversion", "onboarding", "interviews", "usability", "launch", "enablement", "backlog", "sprints", "platform"}; !containsAll(got, want) {
		t.Errorf("under week-of-work: %q, want %q", got, want)
	}

	wrong := open("wrong.yaml", "answers:\n  degree: law\n  read-code: 9\n")
	persona, err := os.ReadFile("testdata/personas/pm-generalist.yaml")
	if err != nil {
		t.Fatal(err)
	}
	right := open("right.yaml", string(persona))
	// Diagnostics follow edits asynchronously; a completion request on
	// each document waits for its validation to be published before.
	for deadline := time.Now().Add(60 * time.Second); ; {
		complete(wrong, 1, 0)
		complete(right, 1, 0)
		if _, ok := c.diags[wrong]; ok {
			if _, ok := c.diags[right]; ok {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("no diagnostics published")
		}
	}
	byLine := map[int]string{}
	for _, d := range c.diags[wrong] {
		byLine[d.Range.Start.Line] += d.Message
	}
	if m := byLine[2]; !strings.Contains(m, `Valid values: "business", "marketing", "design", "computer-science", "engineering", "data", "other"`) {
		t.Errorf("degree: law: %q, want the allowed values named", m)
	}
	if m := byLine[3]; !strings.Contains(m, "Valid values: 1, 2, 3, 4, 5") {
		t.Errorf("read-code: 9: %q, want the allowed points named", m)
	}
	if d := c.diags[right]; len(d) > 0 {
		t.Errorf("a valid answer file has problems: %+v", d)
	}
}

func containsAll(got, want []string) bool {
	have := map[string]bool{}
	for _, g := range got {
		have[g] = true
	}
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}
