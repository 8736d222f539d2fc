package batch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/pmfit/pmfit/internal/quiz"
)

// stdinName is how sources name standard input.
const stdinName = "<stdin>"

// reader turns the inputs into numbered chunks, in order.
type reader struct {
	opts  *Options
	ctx   context.Context
	jobs  chan<- *chunk
	slots chan<- struct{} // taken per chunk, freed when it is written
	// tokens are the in-flight byte budget: a chunk takes one per
	// byteToken bytes of input it holds (at least one, at most all).
	tokens chan struct{}
	// inFlight counts the input bytes sent and not yet written; peak is
	// its highest value.
	inFlight, peak *atomic.Int64
	seq            int
}

// send hands a chunk to the workers once a slot is free; false means the
// run was stopped.
func (r *reader) send(c *chunk) bool {
	select {
	case r.slots <- struct{}{}:
	case <-r.ctx.Done():
		putBuf(c.buf)
		return false
	}
	c.size = c.bytes()
	c.tokens = min(max(1, (c.size+byteToken-1)/byteToken), cap(r.tokens))
	for i := range c.tokens {
		select {
		case r.tokens <- struct{}{}:
		case <-r.ctx.Done():
			// The writer frees what a chunk holds only once it is sent:
			// give back what this one took.
			for range i {
				<-r.tokens
			}
			putBuf(c.buf)
			return false
		}
	}
	c.seq = r.seq
	r.seq++
	if now := r.inFlight.Add(int64(c.size)); now > r.peak.Load() {
		r.peak.Store(now) // only the reader raises it
	}
	select {
	case r.jobs <- c:
		return true
	case <-r.ctx.Done():
		putBuf(c.buf)
		return false
	}
}

func (r *reader) failed(name string, line int, err error) bool {
	return r.send(&chunk{kind: kindFailed, name: name, line: line, err: err})
}

func (r *reader) warn(format string, args ...any) bool {
	return r.send(&chunk{kind: kindNote, err: fmt.Errorf(format, args...)})
}

func (r *reader) run() {
	for _, in := range r.opts.Inputs {
		if r.ctx.Err() != nil || !r.input(in) {
			return
		}
	}
}

// input reads one command-line input; false means stop.
func (r *reader) input(in Input) bool {
	if in.Name == "-" {
		return r.stream(stdinName, r.opts.Stdin, in.Format)
	}
	st, err := os.Stat(in.Name)
	if err != nil {
		return r.failed(in.Name, 0, unwrapPath(err))
	}
	if st.IsDir() {
		return r.walk(in.Name)
	}
	format := in.Format
	if format == Auto {
		format = FormatOf(in.Name)
	}
	if format == Auto && st.Mode().IsRegular() {
		return r.failed(in.Name, 0, errors.New("cannot tell the format from the file name; use --input-format"))
	}
	// A pipe or device with no telling name (<(…), /dev/stdin) is read as
	// stdin is: its format sniffed from its first line.
	f, err := os.Open(in.Name)
	if err != nil {
		return r.failed(in.Name, 0, unwrapPath(err))
	}
	defer f.Close()
	return r.stream(in.Name, f, format)
}

// unwrapPath drops the path an *fs.PathError repeats: sources already
// name the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return err
}

// walk reads every answer file under dir, in lexical order.
func (r *reader) walk(dir string) bool {
	ok := true
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable directory or file is a record too, never a
			// silent skip.
			ok = r.failed(path, 0, unwrapPath(err))
		} else if !d.IsDir() && walked(path) {
			ok = r.walkedFile(path, d)
		}
		if !ok {
			return filepath.SkipAll
		}
		if err != nil && d != nil && d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	})
	return ok && err == nil
}

// walkedFile reads an answer file found in a walk. Only regular files
// are read (a link is followed to see what it is): a named pipe or a
// device would wait for ever, and is reported instead.
func (r *reader) walkedFile(path string, d fs.DirEntry) bool {
	if !d.Type().IsRegular() {
		st, err := os.Stat(path)
		if err != nil {
			return r.failed(path, 0, unwrapPath(err))
		}
		if !st.Mode().IsRegular() {
			return r.failed(path, 0, fmt.Errorf("not a regular file (%s); only files are read from a directory", fileKind(st.Mode())))
		}
	}
	return r.file(path)
}

// fileKind names what a non-regular file is, for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a file"
}

func (r *reader) file(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return r.failed(path, 0, unwrapPath(err))
	}
	defer f.Close()
	return r.answerFile(path, f)
}

func (r *reader) stream(name string, rd io.Reader, format Format) bool {
	// A byte-order mark (Excel's "CSV UTF-8", some editors) is not part
	// of any record.
	br := bufio.NewReaderSize(rd, 64<<10)
	if head, err := br.Peek(3); err == nil && bytes.Equal(head, utf8BOM) {
		_, _ = br.Discard(3)
	}
	if format == Auto {
		br, format = sniff(br)
	}
	switch format {
	case NDJSON:
		return r.ndjson(name, br)
	case CSV:
		return r.csv(name, br)
	}
	return r.answerFile(name, br)
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// sniff tells the format of an input with no name to go by (stdin) from
// its first line that is not blank: a JSON object whole on that line is
// NDJSON; a line of comma-separated cells that does not start a YAML
// mapping is a CSV header; anything else is one answer file. It reads
// ahead as far as that line, up to the longest line allowed, so a long
// first record is still seen whole.
func sniff(br *bufio.Reader) (*bufio.Reader, Format) {
	big := bufio.NewReaderSize(br, maxLineLength+1)
	var peek []byte
	for n := 512; ; n *= 2 {
		n = min(n, maxLineLength+1)
		var err error
		// Only as far as the first line: a slow producer is not kept
		// waiting for a full buffer.
		peek, err = big.Peek(n)
		if bytes.IndexByte(bytes.TrimLeft(peek, " \t\r\n"), '\n') >= 0 || err != nil || n > maxLineLength {
			break
		}
	}
	first, _, complete := bytes.Cut(bytes.TrimLeft(peek, " \t\r\n"), []byte("\n"))
	first = bytes.TrimSpace(first)
	switch {
	case len(first) > 1 && first[0] == '{' && (first[len(first)-1] == '}' || (!complete && len(first) > maxLineLength/2)):
		// A first line too long to see whole still opens like a record.
		return big, NDJSON
	case looksLikeCSVHeader(first):
		return big, CSV
	}
	return big, AnswerFile
}

// looksLikeCSVHeader reports a line of at least two comma-separated
// cells that is not YAML or JSON: it does not open with a YAML key
// ("answers:", "id: ana") or a comment, list, flow or document marker.
func looksLikeCSVHeader(line []byte) bool {
	if len(line) == 0 || bytes.IndexByte(line, ',') < 0 {
		return false
	}
	switch line[0] {
	case '#', '-', '[', '{', '%':
		return false
	}
	// A YAML key is the first cell's text followed by ':' and a space or
	// the end of the line; a quoted CSV cell can hold a colon anywhere.
	firstCell := line
	if line[0] != '"' {
		firstCell, _, _ = bytes.Cut(line, []byte(","))
		if i := bytes.IndexByte(firstCell, ':'); i >= 0 && (i == len(firstCell)-1 || firstCell[i+1] == ' ') {
			return false
		}
	}
	return true
}

func (r *reader) answerFile(name string, rd io.Reader) bool {
	buf := getBuf()
	bb := bytes.NewBuffer(*buf) // reads into the pooled buffer's space
	_, err := bb.ReadFrom(io.LimitReader(rd, quiz.MaxFileBytes+1))
	data := bb.Bytes()
	*buf = data
	switch {
	case err != nil:
		putBuf(buf)
		return r.failed(name, 0, fmt.Errorf("cannot read: %w", err))
	case len(data) > quiz.MaxFileBytes:
		putBuf(buf)
		return r.failed(name, 0, fmt.Errorf("larger than the limit of %d bytes", quiz.MaxFileBytes))
	}
	return r.send(&chunk{kind: kindFile, name: name, data: data, buf: buf})
}

// ndjson reads NDJSON in blocks of whole lines. A last line without a
// newline is still a line; one too long to be an answer set becomes an
// error record and is skipped.
func (r *reader) ndjson(name string, rd io.Reader) bool {
	line := 1
	buf := getBuf()
	for eof := false; ; {
		for len(*buf) < cap(*buf) && !eof {
			n, err := rd.Read((*buf)[len(*buf):cap(*buf)])
			*buf = (*buf)[:len(*buf)+n]
			if err == io.EOF {
				eof = true
			} else if err != nil {
				putBuf(buf)
				return r.failed(name, line, fmt.Errorf("cannot read: %w", err))
			}
		}
		data := *buf
		if eof && len(data) == 0 {
			break
		}
		cut := bytes.LastIndexByte(data, '\n') + 1
		if eof {
			cut = len(data) // the last line may lack its newline
		}
		if cut == 0 {
			// A full buffer (filling stops early only at the end of the
			// input) holding no newline: part of one long line.
			if cap(data) < maxLineLength {
				// A long line: grow the buffer, up to the limit and no
				// further, so "too long" means exactly "over the limit".
				grown := make([]byte, len(data), min(2*cap(data), maxLineLength))
				copy(grown, data)
				putBuf(buf)
				buf = &grown
				continue
			}
			// One line longer than any answer set: report it, skip it.
			if !r.failed(name, line, errLineTooLong) {
				putBuf(buf)
				return false
			}
			rest, skipErr := skipLine(rd)
			if skipErr != nil {
				putBuf(buf)
				return skipErr == io.EOF
			}
			line++
			*buf = append((*buf)[:0], rest...)
			continue
		}
		if i := afterLines(data[:cut], chunkRecords); i > 0 {
			cut = i // the rest goes in the next chunk, with what follows
		}
		next := getBuf()
		*next = append(*next, data[cut:]...)
		*buf = data[:cut]
		c := &chunk{kind: kindNDJSON, name: name, line: line, data: *buf, buf: buf}
		line += bytes.Count(c.data, []byte{'\n'})
		if !r.send(c) {
			putBuf(next)
			return false
		}
		buf = next
	}
	putBuf(buf)
	return true
}

// afterLines is where the n-th line of data ends, when more lines follow
// it; else 0.
func afterLines(data []byte, n int) int {
	pos := 0
	for range n {
		i := bytes.IndexByte(data[pos:], '\n')
		if i < 0 {
			return 0
		}
		pos += i + 1
	}
	if pos < len(data) {
		return pos
	}
	return 0
}

// skipLine reads past the next newline and returns what followed it in
// the last read.
func skipLine(rd io.Reader) ([]byte, error) {
	b := make([]byte, 64<<10)
	for {
		n, err := rd.Read(b)
		if i := bytes.IndexByte(b[:n], '\n'); i >= 0 {
			return b[i+1 : n], nil
		}
		if err != nil {
			return nil, err
		}
	}
}
