// Package data holds Pembina's domain: the types a training coordinator works with (programs, participants,
// sessions, attendance, forms, certificates), their validation and the rules derived from them. It knows nothing
// of windows or file formats; the SQLite store lives in data/store.
package data

import (
	"errors"
	"fmt"
)

// Kind classifies an error so that callers (the window, the command line) can decide what to show or which
// exit code to use without parsing messages.
type Kind string

// The kinds of error the domain reports.
const (
	KindInvalid  Kind = "invalid"   // the input breaks a rule; the message says which and how to fix it
	KindNotFound Kind = "not found" // the thing asked for does not exist
	KindConflict Kind = "conflict"  // the change clashes with what is stored (duplicate, still in use)
	KindInternal Kind = "internal"  // something outside the user's control failed (disk, database)
)

// Error is a domain error: a kind plus a message a coordinator can read, in Indonesian, optionally wrapping the
// low-level cause for logs and errors.Is. Format and Args are what Message was written from, kept so that the
// English window can write the same sentence from the English of Format (ErrorTranslator); they are empty for
// an error built without a format.
type Error struct {
	Kind    Kind
	Message string
	Format  string
	Args    []any
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Err.Error()
	}
	return e.Message
}

// Unwrap exposes the low-level cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds a domain error of the given kind with a formatted message.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// Wrap builds a domain error that keeps cause for errors.Is and logs while showing message to the user.
func Wrap(kind Kind, cause error, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...), Format: format, Args: args, Err: cause}
}

// ErrorFormat returns the format and arguments Message was written from.
func (e *Error) ErrorFormat() (string, []any) { return e.Format, e.Args }

// ErrorKind returns the kind of the first domain error in err's chain, or KindInternal when there is none.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// IsKind reports whether err carries a domain error of kind k.
func IsKind(err error, k Kind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == k
}

// FieldErrors collects several validation problems of one record so that a form can show them all at once.
type FieldErrors []FieldError

// FieldError is one field's problem; Format and Args are what Message was written from (see Error).
type FieldError struct {
	Field   string // the field's label as the user sees it, in Indonesian
	Message string
	Format  string
	Args    []any
}

func (fe FieldErrors) Error() string {
	s := ""
	for i, f := range fe {
		if i > 0 {
			s += "; "
		}
		s += f.Field + ": " + f.Message
	}
	return s
}

// Add appends a problem.
func (fe *FieldErrors) Add(field, format string, args ...any) {
	*fe = append(*fe, FieldError{Field: field, Message: fmt.Sprintf(format, args...), Format: format, Args: args})
}

// Err returns nil when there are no problems, otherwise an invalid-kind domain error listing them.
func (fe FieldErrors) Err() error {
	if len(fe) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Message: fe.Error(), Err: fe}
}
