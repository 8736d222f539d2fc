package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWholeFileWithMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	for _, content := range []string{"first", "second, longer"} {
		if err := Write(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestMissingFolderIsAnError: a mistyped folder is reported, naming the
// file asked for, and not created.
func TestMissingFolderIsAnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no-such-folder", "out.json")
	err := Write(path, []byte("x"), 0o600)
	if err == nil || !strings.Contains(err.Error(), "cannot write "+path+": the folder") || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("error %v", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Errorf("the missing folder was created")
	}
}

func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	f, err := Create(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("partial")
	f.Abort()
	f.Abort() // twice is fine
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("target exists after abort: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	if err := f.Commit(); err == nil {
		t.Error("commit after abort succeeded")
	}
}

// TestReplacingKeepsTheMode: a file replaced keeps its permissions,
// whatever the caller asks for new files, also through a symlink; a new
// file gets the caller's.
func TestReplacingKeepsTheMode(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.csv")
	if err := os.WriteFile(shared, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o640); err != nil { // past the umask
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(shared, link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{shared, link} {
		if err := Write(path, []byte("new"), 0o600); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(shared); st.Mode().Perm() != 0o640 {
			t.Errorf("after writing %s: mode %v, want 0640 kept", filepath.Base(path), st.Mode().Perm())
		}
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	fresh := filepath.Join(dir, "fresh.csv")
	if err := Write(fresh, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v, want 0600", st.Mode().Perm())
	}
}
