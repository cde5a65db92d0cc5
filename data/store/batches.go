package store

import (
	"context"
	"strings"
)

// BatchedTitles are the titles (folded to lower case) that more than one program carries, or whose program
// is a batch after the first: such a course runs in batches, and SIASN names it with its "Angkatan".
func (s *Store) BatchedTitles(ctx context.Context) (map[string]bool, error) {
	titles, err := column[string](ctx, s.db, `SELECT lower(trim(title)) FROM program GROUP BY lower(trim(title))
		HAVING count(*) > 1 OR max(batch) > 1`)
	if err != nil {
		return nil, storageError(err)
	}
	out := make(map[string]bool, len(titles))
	for _, title := range titles {
		out[title] = true
	}
	return out, nil
}

// Batched reports whether a title is one of BatchedTitles.
func Batched(titles map[string]bool, title string) bool {
	return titles[strings.ToLower(strings.TrimSpace(title))]
}
