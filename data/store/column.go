package store

import "context"

// column runs a query of one column and returns its values in order. Its errors are SQLite's own: a caller
// wraps them (storageError, or damaged for a file being inspected).
func column[T any](ctx context.Context, q querier, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// tableNames lists the tables of a database, SQLite's own left out.
func tableNames(ctx context.Context, q querier) ([]string, error) {
	return column[string](ctx, q, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
}
