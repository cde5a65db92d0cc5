package store

import (
	"context"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
)

// lookupChunk bounds the values of one IN (...) list, well below SQLite's limit on bound parameters.
const lookupChunk = 500

// EnrolledParticipants returns the IDs of everyone enrolled in a program, withdrawn or not.
func (s *Store) EnrolledParticipants(ctx context.Context, programID int64) (map[int64]bool, error) {
	ids, err := column[int64](ctx, s.db, "SELECT participant_id FROM enrolment WHERE program_id = ?", programID)
	if err != nil {
		return nil, storageError(err)
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// ParticipantsByNIP returns the stored participants having any of the given NIPs (18 digits each), by NIP.
// An import of 10,000 rows asks once per 500 NIPs instead of once a row.
func (s *Store) ParticipantsByNIP(ctx context.Context, nips []string) (map[string]*data.Participant, error) {
	out := make(map[string]*data.Participant, len(nips))
	err := s.inChunks(ctx, "SELECT "+participantColumns+" FROM participant WHERE nip IN (%s)", nips, func(p *data.Participant) {
		out[p.NIP] = p
	})
	return out, err
}

// ParticipantsWithoutNIP returns the stored participants without a NIP whose folded name (data.SearchKey of the
// name without titles) is one of keys, grouped by that key: how an import recognises a non-ASN person it has
// seen before.
func (s *Store) ParticipantsWithoutNIP(ctx context.Context, keys []string) (map[string][]*data.Participant, error) {
	out := map[string][]*data.Participant{}
	err := s.inChunks(ctx, "SELECT "+participantColumns+" FROM participant WHERE nip IS NULL AND sort_name IN (%s)", keys,
		func(p *data.Participant) {
			k := data.SearchKey(p.Name)
			out[k] = append(out[k], p)
		})
	return out, err
}

func (s *Store) inChunks(ctx context.Context, query string, values []string, each func(*data.Participant)) error {
	for start := 0; start < len(values); start += lookupChunk {
		chunk := values[start:min(len(values), start+lookupChunk)]
		args := make([]any, len(chunk))
		for i, v := range chunk {
			args[i] = v
		}
		rows, err := s.db.QueryContext(ctx, strings.Replace(query, "%s", placeholders(len(chunk)), 1), args...)
		if err != nil {
			return storageError(err)
		}
		for rows.Next() {
			p, err := scanParticipant(rows)
			if err != nil {
				rows.Close()
				return storageError(err)
			}
			each(p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return storageError(err)
		}
	}
	return nil
}

// NIPEnrolment is the outcome of enrolling a pasted column of NIPs.
type NIPEnrolment struct {
	Added, Already int
	Participants   []int64  // the people whose NIPs were pasted, enrolled now or before
	Unknown        []string // valid NIPs of nobody stored yet, printed 8-6-1-3
	Invalid        []string // lines that are no NIP, each with the reason
}

// EnrolNIPs enrols the participants whose NIPs are listed (one per line, in any printed form; blank lines
// ignored) in one transaction. NIPs of people not stored yet and lines that are not NIPs are listed, not
// guessed at.
func (s *Store) EnrolNIPs(ctx context.Context, programID int64, lines []string, role data.EnrolmentRole) (NIPEnrolment, error) {
	var res NIPEnrolment
	var digits []string
	seen := map[string]bool{}
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		n, err := nip.Parse(line)
		if err != nil {
			res.Invalid = append(res.Invalid, strings.TrimSpace(line)+": "+err.Error())
			continue
		}
		if !seen[n.Digits] {
			seen[n.Digits] = true
			digits = append(digits, n.Digits)
		}
	}
	known, err := s.ParticipantsByNIP(ctx, digits)
	if err != nil {
		return res, err
	}
	var ids []int64
	for _, d := range digits {
		if p, ok := known[d]; ok {
			ids = append(ids, p.ID)
		} else {
			res.Unknown = append(res.Unknown, nip.Format(d))
		}
	}
	res.Participants = ids
	res.Added, res.Already, err = s.EnrolMany(ctx, programID, ids, role)
	return res, err
}
