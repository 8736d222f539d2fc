package batch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Bounds of a CSV record: no row may cost more than maxLineLength bytes,
// and a quoted field may span at most maxQuotedLines lines. An unclosed
// quote would otherwise swallow every row after it, and a file with no
// line break at all would be read into memory whole.
const maxQuotedLines = 100

// csvReader reads CSV as spreadsheets and form tools export it (RFC
// 4180): fields separated by commas, records by line breaks (LF or
// CRLF), a field in double quotes may hold commas, quotes (doubled) and
// line breaks. Empty lines are skipped. It is encoding/csv's reading with
// FieldsPerRecord -1 and strict quotes, bounded, and it never loses
// more than the one bad record: after an error it resumes at the line
// after the one the record started on.
type csvReader struct {
	r     *bufio.Reader
	line  int // number of the line the next byte is on
	field []byte
	rec   []string
	// pending holds bytes to be read again, in front of the input.
	pending []byte
	// raw is every byte of the record being read, to replay what follows
	// its first line if the record turns out bad.
	raw []byte
	bom bool // the leading byte-order mark has been dealt with
}

func newCSVReader(r io.Reader) *csvReader {
	return &csvReader{r: bufio.NewReaderSize(r, 64<<10), line: 1}
}

// csvRecordError is a record that could not be read; line is where it
// started.
type csvRecordError struct {
	line int
	msg  string
}

func (e *csvRecordError) Error() string { return e.msg }

// next reads one byte, from bytes held back first, and keeps it in raw.
func (c *csvReader) next() (byte, error) {
	if len(c.pending) > 0 {
		b := c.pending[0]
		c.pending = c.pending[1:]
		c.raw = append(c.raw, b)
		return b, nil
	}
	b, err := c.r.ReadByte()
	if err == nil {
		c.raw = append(c.raw, b)
	}
	return b, err
}

// Read returns the next record, the line it starts on, and an error: a
// *csvRecordError for a record that could not be read (reading can go
// on), io.EOF at the end, anything else from the input.
func (c *csvReader) Read() ([]string, int, error) {
	if !c.bom {
		c.bom = true
		if head, err := c.r.Peek(3); err == nil && bytes.Equal(head, []byte("\xEF\xBB\xBF")) {
			_, _ = c.r.Discard(3)
		}
	}
	for {
		rec, start, err := c.record()
		if err != nil || len(rec) > 0 {
			return rec, start, err
		}
		// An empty line: skipped, as encoding/csv does.
	}
}

// record reads one record; a blank line gives no fields and no error.
func (c *csvReader) record() ([]string, int, error) {
	c.rec = c.rec[:0]
	c.raw = c.raw[:0]
	start := c.line
	size := 0 // the record's length, bounded
	b, err := c.next()
	if err != nil {
		return nil, start, err
	}
	if b == '\n' {
		c.line++
		return nil, start, nil
	}
	if b == '\r' && c.crlf() {
		c.line++
		return nil, start, nil
	}
	bad := func(format string, args ...any) ([]string, int, error) {
		return nil, start, &csvRecordError{line: start, msg: fmt.Sprintf(format, args...)}
	}
	for {
		// At the start of a field.
		c.field = c.field[:0]
		if b == '"' {
			quotedLines := 0
			for {
				nb, err := c.next()
				if err != nil {
					if err == io.EOF {
						return bad("a quoted field opened on line %d is never closed", start)
					}
					return nil, start, err
				}
				if size++; size > maxLineLength {
					c.skipLine()
					return bad("row is longer than %d bytes", maxLineLength)
				}
				switch {
				case nb == '"':
					peek, err := c.next()
					switch {
					case err == nil && peek == '"':
						c.field = append(c.field, '"')
						continue
					case err == nil && (peek == ',' || peek == '\n'):
						c.rec = append(c.rec, string(c.field))
						b = peek
					case err == nil && peek == '\r' && c.crlf():
						c.rec = append(c.rec, string(c.field))
						b = '\n'
					case err == io.EOF:
						c.rec = append(c.rec, string(c.field))
						return c.rec, start, nil
					case err != nil:
						return nil, start, err
					default:
						c.skipLine()
						return bad("extraneous or missing \" in quoted field")
					}
				case nb == '\n':
					c.line++
					if quotedLines++; quotedLines >= maxQuotedLines {
						// Replay everything after the line the quote opened
						// on: those rows are not part of this one.
						c.replayAfterFirstLine()
						c.line = start + 1
						return bad("a quoted field opened on line %d is not closed within %d lines", start, maxQuotedLines)
					}
					c.field = append(c.field, '\n')
					continue
				case nb == '\r':
					// CRLF inside a quoted field reads as LF.
					if peek, err := c.next(); err == nil && peek == '\n' {
						c.unread(peek)
						continue
					} else if err == nil {
						c.unread(peek)
					}
					c.field = append(c.field, '\r')
					continue
				default:
					c.field = append(c.field, nb)
					continue
				}
				break
			}
		} else {
			for b != ',' && b != '\n' && !(b == '\r' && c.crlf()) {
				if b == '"' {
					c.skipLine()
					return bad("bare \" in a field without quotes")
				}
				c.field = append(c.field, b)
				if size++; size > maxLineLength {
					c.skipLine()
					return bad("row is longer than %d bytes", maxLineLength)
				}
				var err error
				if b, err = c.next(); err == io.EOF {
					c.rec = append(c.rec, string(c.field))
					return c.rec, start, nil
				} else if err != nil {
					return nil, start, err
				}
			}
			c.rec = append(c.rec, string(c.field))
		}
		// b ends the field: a comma, or a line break (LF, or CRLF whose LF
		// crlf has consumed).
		if b != ',' {
			c.line++
			return c.rec, start, nil
		}
		var err error
		if b, err = c.next(); err == io.EOF {
			return append(c.rec, ""), start, nil
		} else if err != nil {
			return nil, start, err
		}
	}
}

// crlf reports whether the '\r' just read ends a line: when the next
// byte is '\n' (which it consumes), or the input ends there. A lone '\r'
// is text, as in encoding/csv.
func (c *csvReader) crlf() bool {
	nb, err := c.next()
	if err != nil {
		return err == io.EOF
	}
	if nb == '\n' {
		return true
	}
	c.unread(nb)
	return false
}

// unread puts back the byte last read.
func (c *csvReader) unread(b byte) {
	c.raw = c.raw[:len(c.raw)-1]
	c.pending = append([]byte{b}, c.pending...)
}

// skipLine reads past the end of the current line, keeping memory flat
// however long it is.
func (c *csvReader) skipLine() {
	for {
		b, err := c.next()
		c.raw = c.raw[:0] // nothing skipped is replayed
		if err != nil {
			return
		}
		if b == '\n' {
			c.line++
			return
		}
	}
}

// replayAfterFirstLine arranges for everything of the record read after
// its first line break to be read again.
func (c *csvReader) replayAfterFirstLine() {
	if i := bytes.IndexByte(c.raw, '\n'); i >= 0 {
		c.pending = append(append([]byte(nil), c.raw[i+1:]...), c.pending...)
	}
}

// isCSVRecordError reports an error that spoils one record only.
func isCSVRecordError(err error) bool {
	var re *csvRecordError
	return errors.As(err, &re)
}
