package store

import (
	"context"
	"strings"
	"sync"

	"github.com/pembina/pembina/data"
)

// participantIndex keeps every participant's search text in memory, in list order, so that a search over
// 100,000 people takes milliseconds: SQLite's LIKE must read every row for a '%word%' pattern, twice (count
// and page). The index reloads itself when participant_rev, bumped by triggers on every change, moves on.
type participantIndex struct {
	mu       sync.Mutex
	rev      int64 // participant_rev at load; -1 before the first load
	ids      []int64
	keys     []string
	units    []string
	statuses []string             // employment status
	services []data.ServiceStatus // in service or not

	// The last answer, since the window asks for the count and then the first page of the same search.
	lastFilter ParticipantFilter
	lastRev    int64
	lastIDs    []int64
}

func newParticipantIndex() *participantIndex { return &participantIndex{rev: -1} }

// current returns the index, reloading it first when the participants changed since it was loaded.
func (ix *participantIndex) current(ctx context.Context, q querier) (*participantIndex, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var rev int64
	if err := q.QueryRowContext(ctx, "SELECT rev FROM participant_rev WHERE id = 1").Scan(&rev); err != nil {
		return nil, storageError(err)
	}
	if rev == ix.rev {
		return ix, nil
	}
	rows, err := q.QueryContext(ctx, "SELECT id, search, unit, employment_status, service FROM participant ORDER BY sort_name, id")
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	ids, keys, units, statuses, services := ix.ids[:0], ix.keys[:0], ix.units[:0], ix.statuses[:0], ix.services[:0]
	for rows.Next() {
		var id int64
		var key, unit, status string
		var service data.ServiceStatus
		if err := rows.Scan(&id, &key, &unit, &status, &service); err != nil {
			return nil, storageError(err)
		}
		ids, keys, units = append(ids, id), append(keys, key), append(units, unit)
		statuses, services = append(statuses, status), append(services, service)
	}
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	ix.ids, ix.keys, ix.units, ix.statuses, ix.services, ix.rev = ids, keys, units, statuses, services, rev
	return ix, nil
}

// match returns the IDs, in list order, of the participants whose search text holds every word of the folded
// query (a NIP typed with spaces counts as one number) and that pass the filter's other conditions. The slice must not
// be modified.
func (ix *participantIndex) match(f ParticipantFilter) []int64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.lastIDs != nil && ix.lastRev == ix.rev && ix.lastFilter == f {
		return ix.lastIDs
	}
	words := searchWords(f.Search)
	out := []int64{}
	for i, key := range ix.keys {
		if f.Unit != "" && ix.units[i] != f.Unit || f.Employment != "" && ix.statuses[i] != f.Employment ||
			f.Service != "" && ix.services[i] != f.Service || f.Only != nil && !f.Only.IDs[ix.ids[i]] {
			continue
		}
		ok := true
		for _, w := range words {
			if !strings.Contains(key, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, ix.ids[i])
		}
	}
	ix.lastFilter, ix.lastRev, ix.lastIDs = f, ix.rev, out
	return out
}

// searchWords folds a query into the words that must all appear.
func searchWords(q string) []string {
	key := data.SearchKey(q)
	if digits := data.SearchKeyDigits(q); len(digits) >= 4 && len(digits) == len(strings.ReplaceAll(key, " ", "")) {
		return []string{digits}
	}
	return strings.Fields(key)
}

// PrepareSearch loads the participant search index ahead of the first search, so that the first key press
// in a list of 100,000 people is as quick as the next ones. The window calls it in the background.
func (s *Store) PrepareSearch(ctx context.Context) error {
	_, err := s.participants.current(ctx, s.db)
	return err
}
