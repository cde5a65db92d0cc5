package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/pembina/pembina/data"
)

// letterCounterPrefix keeps letter sequences apart from certificate sequences in number_counter (and in the
// counter file beside the database, which protects both from an older backup).
const letterCounterPrefix = "surat:"

// LetterPatternKey is the setting holding the letter number pattern.
const LetterPatternKey = "letter.number_pattern"

// LetterPattern returns the letter number pattern: Pengaturan's, or data.DefaultLetterPattern.
func (s *Store) LetterPattern(ctx context.Context) (data.NumberPattern, error) {
	v, err := s.Setting(ctx, LetterPatternKey, data.DefaultLetterPattern)
	return data.NumberPattern(v), err
}

// RecordLetters numbers the letters with the letter pattern (one sequence per pattern and year, never given
// twice: a number already in the register is skipped) and records them with the people they concern, all in
// one transaction. Each letter's Number and ID are filled in.
func (s *Store) RecordLetters(ctx context.Context, letters []*data.LetterRecord) error {
	if len(letters) == 0 {
		return nil
	}
	pattern, err := s.LetterPattern(ctx)
	if err != nil {
		return err
	}
	if err := pattern.Validate(); err != nil {
		return data.Wrap(data.KindInvalid, err, "Pola nomor surat di Pengaturan salah: %v", err)
	}
	key := letterCounterPrefix + pattern.CounterKey("")
	err = s.tx(ctx, func(tx *sql.Tx) error {
		next, err := tx.PrepareContext(ctx, "UPDATE number_counter SET last_seq = last_seq + 1 WHERE pattern = ? AND year = ? RETURNING last_seq")
		if err != nil {
			return storageError(err)
		}
		defer next.Close()
		insert, err := tx.PrepareContext(ctx, `INSERT INTO letter (kind, number, pattern, year, seq, sent_on, unit, addressee, subject, program_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
		if err != nil {
			return storageError(err)
		}
		defer insert.Close()
		for _, l := range letters {
			year := l.Date.Year()
			if _, err := tx.ExecContext(ctx, "INSERT INTO number_counter (pattern, year, last_seq) VALUES (?, ?, 0) ON CONFLICT DO NOTHING", key, year); err != nil {
				return storageError(err)
			}
			var seq int
			for {
				if err := next.QueryRowContext(ctx, key, year).Scan(&seq); err != nil {
					return storageError(err)
				}
				if l.Number, err = pattern.Format(seq, l.Date, ""); err != nil {
					return err
				}
				var n int
				if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM letter WHERE number = ?", l.Number).Scan(&n); err != nil {
					return storageError(err)
				}
				if n == 0 {
					break
				}
			}
			var program any
			if l.ProgramID != 0 {
				program = l.ProgramID
			}
			if err := insert.QueryRowContext(ctx, string(l.Kind), l.Number, key, year, seq, data.FormatDate(l.Date), l.Unit, l.Addressee,
				l.Subject, program).Scan(&l.ID); err != nil {
				return constraintError(err, "Nomor surat "+l.Number+" sudah dipakai", "Program surat tidak ditemukan")
			}
		}
		return recordLetterPeople(ctx, tx, letters)
	})
	if err != nil {
		return err
	}
	// The counter file keeps the highest numbers given, as for certificates; failing to write it is not fatal.
	_ = s.recordCounters(ctx)
	return nil
}

// letterPeopleBatch is how many people one statement of recordLetterPeople records.
const letterPeopleBatch = 400

// recordLetterPeople records the people of the letters (already inserted) in participant order, many to a
// statement. letter_person's index by participant then takes the 68,000 people of a JP follow-up in one pass
// over its pages; in the letters' order each person touched a page of it at random, so that every rerun of
// the follow-up, which adds as many entries again, took longer than the one before.
func recordLetterPeople(ctx context.Context, tx *sql.Tx, letters []*data.LetterRecord) error {
	type pair struct{ letter, person int64 }
	var pairs []pair
	for _, l := range letters {
		for _, id := range l.People {
			pairs = append(pairs, pair{l.ID, id})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].person != pairs[j].person {
			return pairs[i].person < pairs[j].person
		}
		return pairs[i].letter < pairs[j].letter
	})
	const row = "INSERT OR IGNORE INTO letter_person (letter_id, participant_id) VALUES (?, ?)"
	args := make([]any, 0, 2*letterPeopleBatch)
	for len(pairs) > 0 {
		batch := pairs[:min(letterPeopleBatch, len(pairs))]
		pairs = pairs[len(batch):]
		args = args[:0]
		for _, p := range batch {
			args = append(args, p.letter, p.person)
		}
		if _, err := tx.ExecContext(ctx, row+strings.Repeat(", (?, ?)", len(batch)-1), args...); err == nil {
			continue
		}
		// The failed statement changed nothing; row by row finds the person to name.
		for _, p := range batch {
			if _, err := tx.ExecContext(ctx, row, p.letter, p.person); err != nil {
				return constraintError(err, "", fmt.Sprintf("Peserta %d tidak ditemukan", p.person))
			}
		}
	}
	return nil
}

// ParticipantLetters lists the letters recorded about a participant, newest first: their history shows them.
func (s *Store) ParticipantLetters(ctx context.Context, participantID int64) ([]*data.LetterRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT l.id, l.kind, l.number, l.sent_on, l.unit, l.addressee, l.subject, COALESCE(l.program_id, 0)
		FROM letter l JOIN letter_person lp ON lp.letter_id = l.id WHERE lp.participant_id = ? ORDER BY l.sent_on DESC, l.id DESC`, participantID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []*data.LetterRecord
	for rows.Next() {
		l := &data.LetterRecord{}
		var kind, day string
		if err := rows.Scan(&l.ID, &kind, &l.Number, &day, &l.Unit, &l.Addressee, &l.Subject, &l.ProgramID); err != nil {
			return nil, storageError(err)
		}
		l.Kind = data.LetterKind(kind)
		l.Date, _ = data.ParseDate(day)
		out = append(out, l)
	}
	return out, storageError(rows.Err())
}

// The settings holding the letter bodies Pengaturan edits.
const (
	FollowUpBodyKey   = "letter.followup_body"
	SummonsBodyKey    = "letter.summons_body"
	InvitationBodyKey = "letter.invitation_body"
)

// LetterTexts are the office's letter settings: the number pattern and the body templates.
type LetterTexts struct {
	Pattern    string
	FollowUp   string
	Summons    string
	Invitation string
}

// LetterTexts returns the letter settings, the built-in ones where none was saved.
func (s *Store) LetterTexts(ctx context.Context) (*LetterTexts, error) {
	t := &LetterTexts{}
	var err error
	if t.Pattern, err = s.Setting(ctx, LetterPatternKey, data.DefaultLetterPattern); err != nil {
		return nil, err
	}
	if t.FollowUp, err = s.Setting(ctx, FollowUpBodyKey, data.DefaultFollowUpBody); err != nil {
		return nil, err
	}
	if t.Summons, err = s.Setting(ctx, SummonsBodyKey, data.DefaultSummonsBody); err != nil {
		return nil, err
	}
	if t.Invitation, err = s.Setting(ctx, InvitationBodyKey, data.DefaultInvitationBody); err != nil {
		return nil, err
	}
	return t, nil
}

// SaveLetterTexts checks and stores the letter settings in one transaction: the pattern must be a valid number
// pattern, each body must not be empty and may use only its own placeholders (a misspelt one would print
// empty in every letter).
func (s *Store) SaveLetterTexts(ctx context.Context, t *LetterTexts) error {
	var fe data.FieldErrors
	if err := data.NumberPattern(t.Pattern).Validate(); err != nil {
		fe.Add("Pola nomor surat", "%s", data.SentenceOf(err))
	}
	for _, b := range []struct {
		field, body string
		known       []string
	}{{"Isi nota dinas tindak lanjut JP", t.FollowUp, data.FollowUpPlaceholders}, {"Isi surat panggilan", t.Summons, data.SummonsPlaceholders},
		{"Isi surat undangan", t.Invitation, data.InvitationPlaceholders}} {
		if strings.TrimSpace(b.body) == "" {
			fe.Add(b.field, "wajib diisi")
		} else if unknown := data.UnknownPlaceholders(b.body, b.known); len(unknown) > 0 {
			fe.Add(b.field, "isian {%s} tidak dikenal; yang tersedia: {%s}", strings.Join(unknown, "}, {"), strings.Join(b.known, "}, {"))
		}
	}
	if err := fe.Err(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for key, value := range map[string]string{LetterPatternKey: strings.TrimSpace(t.Pattern), FollowUpBodyKey: t.FollowUp, SummonsBodyKey: t.Summons, InvitationBodyKey: t.Invitation} {
			if _, err := tx.ExecContext(ctx, "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value); err != nil {
				return storageError(err)
			}
		}
		return nil
	})
}
