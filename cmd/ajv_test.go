package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSchemasCompileInAjvStrictMode: both schemas compile in ajv's
// strict mode, as editors and CI pipelines that use ajv run it. ajv comes
// from npm: .ci/run installs it and names its directory in PMFIT_AJV_DIR.
func TestSchemasCompileInAjvStrictMode(t *testing.T) {
	dir := os.Getenv("PMFIT_AJV_DIR")
	if dir == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("PMFIT_AJV_DIR is not set; .ci/run installs ajv and sets it")
		}
		t.Skip("set PMFIT_AJV_DIR to a directory with ajv installed (npm install --prefix DIR ajv@8) to run this test")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("no node:", err)
	}
	tmp := t.TempDir()
	for _, kind := range [][]string{nil, {"answers"}} {
		f, ios := testFactory(t, nil)
		if code := Run(f, append([]string{"schema"}, kind...)); code != 0 {
			t.Fatalf("exit %d", code)
		}
		name := filepath.Join(tmp, "schema.json")
		if err := os.WriteFile(name, []byte(ios.Out.(interface{ String() string }).String()), 0o644); err != nil {
			t.Fatal(err)
		}
		script := `const Ajv2020 = require(process.argv[1] + "/node_modules/ajv/dist/2020");
new Ajv2020({strict: true, allErrors: true}).compile(require(process.argv[2]));`
		if out, err := exec.Command(node, "-e", script, dir, name).CombinedOutput(); err != nil {
			t.Errorf("pmfit schema %v does not compile in ajv strict mode: %v\n%s", kind, err, out)
		}
	}
}
