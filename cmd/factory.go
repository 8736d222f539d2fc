package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/pmfit/pmfit/internal/i18n"
	"github.com/pmfit/pmfit/internal/iostreams"
	"github.com/pmfit/pmfit/internal/quiz"
	"github.com/pmfit/pmfit/internal/render"
	"github.com/pmfit/pmfit/internal/scoring"
)

// Factory is what every command is built from: the streams, the
// environment, and the question bank, loaded lazily and once, so `--help`
// and `--version` never parse it.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Env       iostreams.Env
	Version   string

	// DefaultBank is the embedded questions.yaml.
	DefaultBank []byte
	// BuiltIn, when set, is the same bank decoded at build time, in a
	// language: what Bank returns for the built-in bank without parsing
	// DefaultBank (internal/builtin; start-up in docs/performance.md).
	BuiltIn func(lang string) *quiz.Bank
	// BankFile and Lang are set from the persistent flags before a
	// command runs.
	BankFile string
	Lang     string

	bank  *quiz.Bank
	model *scoring.Model
	err   error
	done  bool
}

// defaultBankName is how messages name the embedded bank.
const defaultBankName = "questions.yaml (built in)"

// BankData returns the bank in use, as a name for messages and its bytes:
// --questions, else $PMFIT_QUESTIONS, else the built-in one.
func (f *Factory) BankData() (name string, data []byte, err error) {
	name = f.BankFile
	if name == "" {
		name = f.Env.Get("PMFIT_QUESTIONS")
	}
	if name == "" {
		return defaultBankName, f.DefaultBank, nil
	}
	data, err = readInput(f.IOStreams, name, "questions file")
	return name, data, err
}

// Bank returns the question bank in the chosen language, loading it the
// first time it is asked for.
func (f *Factory) Bank() (*quiz.Bank, error) {
	if f.done {
		return f.bank, f.err
	}
	f.done = true
	if f.BuiltIn != nil && f.BankFile == "" && f.Env.Get("PMFIT_QUESTIONS") == "" {
		f.bank = f.BuiltIn(f.Language())
		return f.bank, nil
	}
	name, data, err := f.BankData()
	if err != nil {
		f.err = err
		return nil, err
	}
	f.bank, f.err = quiz.LoadBank(name, data, quiz.LoadOptions{Lang: f.Language()})
	if f.err != nil {
		f.err = asInput(f.err)
	}
	return f.bank, f.err
}

// Model returns the bank compiled for scoring.
func (f *Factory) Model() (*scoring.Model, error) {
	if f.model != nil {
		return f.model, nil
	}
	b, err := f.Bank()
	if err != nil {
		return nil, err
	}
	f.model = scoring.New(b)
	return f.model, nil
}

// Language is the language texts are shown in: --lang, else LC_ALL,
// LC_MESSAGES or LANG as POSIX orders them, else the bank's own.
func (f *Factory) Language() string {
	if f.Lang != "" {
		return normalizeLang(f.Lang)
	}
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := f.Env.Get(key); v != "" {
			return normalizeLang(v)
		}
	}
	return ""
}

// normalizeLang turns a locale ("es_ES.UTF-8", "pt_BR@euro") into the
// tag banks key translations by ("es-ES", "pt-BR"); "C" and "POSIX" mean
// no preference.
func normalizeLang(v string) string {
	v, _, _ = strings.Cut(v, ".")
	v, _, _ = strings.Cut(v, "@")
	if v == "C" || v == "POSIX" {
		return ""
	}
	lang, region, ok := strings.Cut(strings.ReplaceAll(v, "_", "-"), "-")
	lang = strings.ToLower(lang)
	if ok {
		return lang + "-" + strings.ToUpper(region)
	}
	return lang
}

// PageDate is the time pages are dated with: the clock, or SOURCE_DATE_EPOCH
// when set (seconds since 1970, the reproducible-builds convention), so
// that the same answers draw the same bytes in a pipeline that compares
// them.
func (f *Factory) PageDate() time.Time {
	if s := f.Env.Get("SOURCE_DATE_EPOCH"); s != "" {
		if secs, err := strconv.ParseInt(s, 10, 64); err == nil && secs >= 0 && secs < 1<<35 {
			return time.Unix(secs, 0).UTC()
		}
	}
	return time.Now()
}

// Printer writes pmfit's own words in the chosen language.
func (f *Factory) Printer() i18n.Printer { return i18n.New(f.Language()) }

// Theme returns the text palette for stdout.
func (f *Factory) Theme() *render.Theme {
	return render.NewTheme(f.IOStreams.TerminalWidth(), f.IOStreams.ColorEnabled(), f.Printer())
}

// readInput reads a file named on the command line, "-" meaning stdin,
// refusing anything past quiz.MaxFileBytes. A file that does not exist or
// cannot be opened is the caller's mistake (exit 2); other read failures
// are I/O failures (exit 1).
func readInput(ios *iostreams.IOStreams, name, what string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = ios.In
	} else {
		file, err := os.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
				return nil, inputErrorf("%s: %w", what, err)
			}
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		defer file.Close()
		if st, err := file.Stat(); err == nil && st.IsDir() {
			return nil, inputErrorf("%s %s is a directory", what, name)
		}
		r = file
	}
	data, err := io.ReadAll(io.LimitReader(r, quiz.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s %s: %w", what, name, err)
	}
	if len(data) > quiz.MaxFileBytes {
		return nil, inputErrorf("%s %s is larger than the limit of %d bytes", what, name, quiz.MaxFileBytes)
	}
	return data, nil
}

// gatherAnswers is the one answer set a command was given: the answer
// file named by file, if any ("-" is stdin), with the --answer flags
// applied over it.
func gatherAnswers(ios *iostreams.IOStreams, b *quiz.Bank, file string, flags []string) (*quiz.AnswerSet, error) {
	set := &quiz.AnswerSet{Answers: b.NewAnswers()}
	if file != "" {
		var err error
		if set, err = readAnswerSet(ios, b, file); err != nil {
			return nil, err
		}
	}
	if err := applyAnswerFlags(b, set.Answers, flags); err != nil {
		return nil, err
	}
	return set, nil
}

// readAnswerSet reads and parses one answer file named on the command
// line ("-" is stdin), against bank b.
func readAnswerSet(ios *iostreams.IOStreams, b *quiz.Bank, file string) (*quiz.AnswerSet, error) {
	data, err := readInput(ios, file, "answers file")
	if err != nil {
		return nil, err
	}
	name := file
	if name == "-" {
		name = "<stdin>"
	}
	set, err := quiz.ParseAnswerFile(b, name, data)
	if err != nil {
		return nil, asInput(err)
	}
	return set, nil
}
