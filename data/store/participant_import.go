package store

import (
	"context"
	"errors"

	"github.com/pembina/pembina/data"
)

// PersonAction is what applying a participant list does with one of its rows.
type PersonAction int

// The actions of a row.
const (
	PersonAdd    PersonAction = iota // store a person not stored yet
	PersonUpdate                     // store new values of a stored person (Participant.ID set)
	PersonKeep                       // a stored person the row tells nothing new about
	PersonSkip                       // an invalid row, left out
)

// PersonRow is one row of a participant list as its plan decided: the row number the spreadsheet shows, the
// action, the person to store (the file's values over the stored ones) and, with a program, whether the person
// is to be enrolled in it (not enrolled already).
type PersonRow struct {
	Line        int
	Action      PersonAction
	Participant *data.Participant
	Enrol       bool
}

// PeopleApplied counts what ApplyParticipants wrote.
type PeopleApplied struct {
	Added, Updated, Unchanged, Enrolled, Skipped int
}

// ErrPlanOutdated marks a participant list refused because the database changed after its plan was made
// (another import stored the same person in the meantime): nothing was written, and a new plan of the same
// file applies.
var ErrPlanOutdated = errors.New("store: the plan is older than the database")

// ApplyParticipants writes a participant list's rows in one transaction, as one whole operation: new people
// added, changed people updated and, when programID is not 0, the rows' people marked Enrol enrolled as
// participants with their rank, position and unit just written as the snapshot (one statement per 500
// people). Each statement is prepared once for the whole list. progress, when not nil, hears how many rows
// are done every 250 rows. A cancelled ctx or any failure leaves the database as it was; the error names the
// row.
func (s *Store) ApplyParticipants(ctx context.Context, programID int64, rows []PersonRow, progress func(done, total int)) (PeopleApplied, error) {
	var res PeopleApplied
	err := s.batch(ctx, func(b *batchTx) error {
		res = PeopleApplied{}
		var enrol []int64
		for i := range rows {
			row := &rows[i]
			if i%250 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(i, len(rows))
				}
			}
			if row.Action == PersonSkip {
				res.Skipped++
				continue
			}
			person := *row.Participant
			switch row.Action {
			case PersonAdd:
				if err := insertParticipant(ctx, b, &person); err != nil {
					if data.IsKind(err, data.KindConflict) {
						// The plan saw no one with this NIP; someone was stored since (another import at the same time).
						return data.Wrap(data.KindConflict, ErrPlanOutdated, "Baris %d: NIP %s "+
							"baru saja disimpan oleh proses lain (impor lain berjalan bersamaan; basis data sedang sibuk); "+
							"tidak ada yang disimpan. Coba lagi", row.Line, row.Participant.NIP)
					}
					return data.Wrap(data.ErrorKind(err), err, "baris %d: %v", row.Line, err)
				}
				res.Added++
			case PersonUpdate:
				if err := updateParticipantTx(ctx, b, &person); err != nil {
					return data.Wrap(data.ErrorKind(err), err, "baris %d: %v", row.Line, err)
				}
				res.Updated++
			default:
				res.Unchanged++
			}
			if programID != 0 && row.Enrol {
				enrol = append(enrol, person.ID)
			}
		}
		if len(enrol) > 0 {
			if _, err := enrolAllTx(ctx, b, programID, enrol, data.RoleParticipant); err != nil {
				return err
			}
			res.Enrolled = len(enrol)
		}
		return nil
	})
	if err != nil {
		return PeopleApplied{}, err
	}
	if progress != nil {
		progress(len(rows), len(rows))
	}
	return res, nil
}
