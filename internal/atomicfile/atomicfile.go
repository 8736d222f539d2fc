// Package atomicfile writes files so that readers see either the old
// content or the whole new content, never a part: data goes to a temporary
// file in the same directory, is synced, then renamed over the target.
//
// Only regular files are replaced. A symlink keeps pointing where it did
// (its target is replaced), and a device, FIFO or terminal — /dev/null,
// /dev/stdout, a named pipe — is written to directly: renaming over it
// would destroy it.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// File is a file being written; nothing appears at its path until Commit.
type File struct {
	*os.File
	path   string
	done   bool
	direct bool // writing straight into a device or pipe
}

// Create starts writing path, in a directory that must exist: a typo in
// a folder name is an error, not a new folder. A new file gets the
// permissions perm; a file replaced keeps its own, so replacing a private
// file never makes it readable to others (nor a shared one private).
func Create(path string, perm os.FileMode) (*File, error) {
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		path = resolved
	}
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			if st.IsDir() {
				// A place the caller can fix, as a missing folder is.
				return nil, &CreateError{Path: path, Dir: filepath.Dir(path), Err: errIsDir}
			}
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return nil, err
			}
			return &File{File: f, path: path, direct: true}, nil
		}
		perm = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	removeStale(dir, filepath.Base(path))
	tmp, err := os.CreateTemp(dir, fmt.Sprintf(".%s.%d.*.tmp", filepath.Base(path), os.Getpid()))
	if err != nil {
		// Name the file asked for, not the temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &CreateError{Path: path, Dir: dir, Err: err}
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	return &File{File: tmp, path: path}, nil
}

var errIsDir = errors.New("it is a folder; name a file in it")

// CreateError is a file that could not be started: its folder is
// missing or takes no new files. It unwraps to the cause, so
// errors.Is(err, fs.ErrNotExist) and fs.ErrPermission work.
type CreateError struct {
	Path, Dir string
	Err       error
}

func (e *CreateError) Error() string {
	if errors.Is(e.Err, fs.ErrNotExist) {
		return fmt.Sprintf("cannot write %s: the folder %s does not exist", e.Path, e.Dir)
	}
	return fmt.Sprintf("cannot write %s: %v", e.Path, e.Err)
}

func (e *CreateError) Unwrap() error { return e.Err }

// RemoveTemp removes the temporary file, leaving the target as it was:
// for a signal handler, while another goroutine may still be writing
// (the writes then go to a file no one can see). The File is not usable
// for a Commit afterwards.
func (f *File) RemoveTemp() {
	if !f.direct {
		os.Remove(f.File.Name())
	}
}

// removeStale removes temporary files an earlier write to base left in
// dir when its process died before it could (kill -9, a power cut): each
// names the process that made it, and only those of processes that no
// longer exist are removed, so a write under way elsewhere is untouched.
func removeStale(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.*.tmp"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), "."+base+".")
		pidText, _, ok := strings.Cut(rest, ".")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || processExists(pid) {
			continue
		}
		if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() {
			os.Remove(m)
		}
	}
}

// globEscape escapes what filepath.Glob would read as a pattern.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// processExists reports whether a process with this id exists; when it
// cannot tell, it says yes, so nothing is removed on a guess.
func processExists(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}

// Commit syncs the data and moves it into place.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: already committed or aborted")
	}
	f.done = true
	if f.direct {
		return f.File.Close()
	}
	err := f.File.Sync()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.File.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	return nil
}

// Abort discards what was written. It is safe to call after Commit, so
// `defer f.Abort()` cleans up every early return.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	if !f.direct {
		os.Remove(f.File.Name())
	}
}

// Write writes data to path atomically: a new file gets the permissions
// perm, a replaced one keeps its own.
func Write(path string, data []byte, perm os.FileMode) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}
