package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Formatted is an error that keeps the Indonesian format and arguments its message was written from (Error,
// nip.Error), so that another language can write the same sentence from its own version of the format.
type Formatted interface {
	error
	ErrorFormat() (format string, args []any)
}

// Sentence is an error written into another error's message as its readable sentence: fmt prints it as
// ErrorMessage does, so the Indonesian message is unchanged, while ErrorTranslator writes the error in its own
// language instead of quoting the Indonesian.
type Sentence struct{ Err error }

// SentenceOf is err as an argument of a message (Sentence).
func SentenceOf(err error) Sentence { return Sentence{Err: err} }

func (s Sentence) String() string { return ErrorMessage(s.Err) }

// ErrorTranslator writes errors in another language than the Indonesian their messages are written in: the
// window uses it for English, while the command line keeps ErrorMessage's Indonesian. Each formatted error is
// written from the translation of its format with the same arguments, and an argument that is itself an
// error or a Phrase is written the same way first, so that nested sentences change language too.
type ErrorTranslator struct {
	// Text returns the translation of an Indonesian format or field label, or false when there is none.
	Text func(indonesian string) (string, bool)
	// Phrase writes a phrase in the language.
	Phrase func(Phrase) string
}

// Error returns err's message in the translator's language, or false when a part of it has no translation (the
// caller then shows ErrorMessage, all of it Indonesian, rather than a sentence in two languages). An error
// outside Pembina (the operating system's, SQLite's) is shown as its own text, which is English.
func (t ErrorTranslator) Error(err error) (string, bool) {
	if err == nil {
		return "", true
	}
	var f Formatted
	if !errors.As(err, &f) {
		return err.Error(), true
	}
	body, ok := t.formatted(f)
	if !ok {
		return "", false
	}
	// Context added around the domain error by fmt.Errorf stays as it was written.
	full, inner := err.Error(), f.Error()
	if full == inner || inner == "" {
		return body, true
	}
	if i := strings.Index(full, inner); i >= 0 {
		return full[:i] + body + full[i+len(inner):], true
	}
	return "", false
}

// Field returns a field problem's label and message in the translator's language; a label without a
// translation is kept, a message without one makes ok false.
func (t ErrorTranslator) Field(f FieldError) (label, message string, ok bool) {
	label = t.label(f.Field)
	if f.Format == "" {
		return label, "", false
	}
	message, ok = t.write(f.Format, f.Args)
	return label, message, ok
}

// label translates a field label; a numbered one ("Pertanyaan 3") through the translation of its pattern
// ("Pertanyaan %d"). A label without a translation is kept.
func (t ErrorTranslator) label(s string) string {
	if l, ok := t.Text(s); ok {
		return l
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil {
			if l, ok := t.Text(s[:i] + " %d"); ok {
				return fmt.Sprintf(l, n)
			}
		}
	}
	return s
}

// formatted writes one formatted error.
func (t ErrorTranslator) formatted(f Formatted) (string, bool) {
	format, args := f.ErrorFormat()
	if format != "" {
		return t.write(format, args)
	}
	e, isDomain := f.(*Error)
	if !isDomain {
		return "", false
	}
	var fe FieldErrors
	if errors.As(e.Err, &fe) && e.Message == fe.Error() { // FieldErrors.Err
		parts := make([]string, len(fe))
		for i, x := range fe {
			label, message, ok := t.Field(x)
			if !ok {
				return "", false
			}
			parts[i] = label + ": " + message
		}
		return strings.Join(parts, "; "), true
	}
	if e.Message == "" && e.Err != nil {
		return t.Error(e.Err)
	}
	return "", false
}

// write fills the translation of format with args, each error or phrase among them translated first.
func (t ErrorTranslator) write(format string, args []any) (string, bool) {
	translated, ok := t.Text(format)
	if !ok {
		return "", false
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case FieldErrors:
			s, ok := t.formatted(&Error{Message: a.Error(), Err: a})
			if !ok {
				return "", false
			}
			out[i] = s
		case error:
			s, ok := t.Error(a)
			if !ok {
				return "", false
			}
			out[i] = s
		case Sentence:
			s, ok := t.Error(a.Err)
			if !ok {
				return "", false
			}
			out[i] = s
		case Phrase:
			out[i] = t.Phrase(a)
		case Phrases:
			parts := make([]string, len(a))
			for j, p := range a {
				parts[j] = t.Phrase(p)
			}
			out[i] = strings.Join(parts, "; ")
		default:
			out[i] = a
		}
	}
	return fmt.Sprintf(translated, out...), true
}
