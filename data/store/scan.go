package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// nullDate stores the zero time as NULL.
func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return data.FormatDate(t)
}

// dateOf reads a stored date; NULL and malformed values give the zero time.
func dateOf(s sql.NullString) time.Time {
	if !s.Valid || s.String == "" {
		return time.Time{}
	}
	t, _ := time.Parse(data.DateLayout, s.String)
	return t
}

// instantOf reads a stored "YYYY-MM-DD HH:MM:SS" UTC timestamp.
func instantOf(s string) time.Time {
	t, _ := time.Parse("2006-01-02 15:04:05", s)
	return t
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// likePattern turns one folded search word into a LIKE pattern that finds it anywhere; LIKE's own wildcards
// are escaped with '\' (SearchKey removes them already, but a caller may pass raw digits).
func likePattern(word string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(word) + "%"
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// countsByID runs a query whose rows are (id, count) and returns the non-zero counts by ID.
func countsByID(ctx context.Context, q querier, query string, args ...any) (map[int64]int, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, storageError(err)
		}
		if n > 0 {
			out[id] = n
		}
	}
	return out, storageError(rows.Err())
}
