package store

import (
	"context"

	"github.com/pembina/pembina/data"
)

// exportChunk is how many participants EachParticipant reads with one query.
const exportChunk = 500

// EachParticipant calls fn with every participant matching the filter, whole (every field), in the order of
// the participant list (by name), and returns how many there are. It reads a few hundred people at a time,
// so that an export of 100,000 holds only what it is writing; progress, when not nil, gets done of total.
// A participant deleted while the export runs is left out; an error from fn stops the reading.
func (s *Store) EachParticipant(ctx context.Context, f ParticipantFilter, progress func(done, total int), fn func(*data.Participant) error) (int, error) {
	ix, err := s.participants.current(ctx, s.db)
	if err != nil {
		return 0, err
	}
	ids := ix.match(f)
	// match's slice is the index's own: the index may reload while the export runs.
	ids = append([]int64(nil), ids...)
	done := 0
	for start := 0; start < len(ids); start += exportChunk {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		chunk := ids[start:min(len(ids), start+exportChunk)]
		people, err := s.participantsByID(ctx, chunk)
		if err != nil {
			return done, err
		}
		for _, id := range chunk {
			p, ok := people[id]
			if !ok {
				continue
			}
			if err := fn(p); err != nil {
				return done, err
			}
			done++
		}
		if progress != nil {
			progress(start+len(chunk), len(ids))
		}
	}
	return done, nil
}

// participantsByID reads the participants with the given IDs.
func (s *Store) participantsByID(ctx context.Context, ids []int64) (map[int64]*data.Participant, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+participantColumns+" FROM participant WHERE id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := make(map[int64]*data.Participant, len(ids))
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, storageError(err)
		}
		out[p.ID] = p
	}
	return out, storageError(rows.Err())
}
