package store

import (
	"context"

	"github.com/pembina/pembina/data"
)

// Loader writes many rows of several kinds in one transaction, each distinct statement prepared once: the
// sample data set and tests that build large databases. It offers whole rows, never SQL. Its methods take
// values already normalised and validated (the caller's loop over thousands of rows does that once), and
// set the IDs of what they store.
type Loader struct {
	b *batchTx
}

// Load runs fn with a Loader: everything fn writes is committed together, or nothing is when it returns an
// error or ctx is cancelled.
func (s *Store) Load(ctx context.Context, fn func(*Loader) error) error {
	return s.batch(ctx, func(b *batchTx) error { return fn(&Loader{b: b}) })
}

// Institution returns the institution settings as the transaction sees them.
func (l *Loader) Institution(ctx context.Context) (*data.Institution, error) {
	return institutionTx(ctx, l.b)
}

// SaveInstitution stores the institution settings (validated, as Store.SaveInstitution does).
func (l *Loader) SaveInstitution(ctx context.Context, in *data.Institution) error {
	if err := in.Validate(); err != nil {
		return err
	}
	return saveInstitution(ctx, l.b, in)
}

// AddSignatory stores a new signatory, setting its ID.
func (l *Loader) AddSignatory(ctx context.Context, g *data.Signatory) error {
	return insertSignatory(ctx, l.b, g)
}

// AddParticipant stores a new participant, setting its ID.
func (l *Loader) AddParticipant(ctx context.Context, p *data.Participant) error {
	return insertParticipant(ctx, l.b, p)
}

// AddProgram stores a new program with its certificate design from the institution's defaults, setting its ID.
func (l *Loader) AddProgram(ctx context.Context, p *data.Program) error {
	return insertProgram(ctx, l.b, p)
}

// UpdateProgram stores changes to a program.
func (l *Loader) UpdateProgram(ctx context.Context, p *data.Program) error {
	return updateProgram(ctx, l.b, p)
}

// AddSubject stores a subject of a program; without a position it goes last.
func (l *Loader) AddSubject(ctx context.Context, sub *data.Subject) error {
	return insertSubject(ctx, l.b, sub)
}

// AddSession stores a session of a program; without a number it goes last.
func (l *Loader) AddSession(ctx context.Context, x *data.Session) error {
	return insertSession(ctx, l.b, x)
}

// Enrol enrols a participant in a program with the snapshot of their rank, position and unit.
func (l *Loader) Enrol(ctx context.Context, programID, participantID int64, role data.EnrolmentRole) (*data.Enrolment, error) {
	return enrolTx(ctx, l.b, programID, participantID, role)
}

// EnrolAll enrols many participants in a program, 500 per statement, and returns the new enrolment IDs by
// participant ID. Someone already enrolled is a conflict.
func (l *Loader) EnrolAll(ctx context.Context, programID int64, participantIDs []int64, role data.EnrolmentRole) (map[int64]int64, error) {
	return enrolAllTx(ctx, l.b, programID, participantIDs, role)
}

// SetMark stores one attendance mark; a mark for someone not enrolled in the session's program is refused.
func (l *Loader) SetMark(ctx context.Context, m *data.Mark) error { return setMarkTx(ctx, l.b, m) }

// AddMarks stores many new marks, a hundred per statement; a mark that exists already is a conflict.
func (l *Loader) AddMarks(ctx context.Context, marks []data.Mark) error {
	return insertMarksTx(ctx, l.b, marks)
}

// Form returns a form with its sections and questions.
func (l *Loader) Form(ctx context.Context, id int64) (*data.Form, error) { return formTx(ctx, l.b, id) }

// FormByBuiltin finds a built-in form by its key.
func (l *Loader) FormByBuiltin(ctx context.Context, key string) (*data.Form, error) {
	return formByBuiltinTx(ctx, l.b, key)
}

// AddForm stores a new form, setting the IDs of the form, its sections and questions.
func (l *Loader) AddForm(ctx context.Context, f *data.Form) error { return insertForm(ctx, l.b, f) }

// AttachForm attaches a form to a program; a form without questions cannot be attached.
func (l *Loader) AttachForm(ctx context.Context, pf *data.ProgramForm) error {
	return attachFormTx(ctx, l.b, pf)
}

// AddResponse stores a response and its answers, setting its ID.
func (l *Loader) AddResponse(ctx context.Context, r *data.Response) error {
	return insertResponseTx(ctx, l.b, r)
}
