package store

import (
	"context"
	"database/sql"
)

// querier is what a transaction offers the row helpers (insertParticipant, enrolTx, ...): *sql.Tx and
// *batchTx both satisfy it, so the same helper serves one form's save and a 100,000-row import.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// batchTx is a transaction that prepares each distinct statement once and reuses it. Imports and sample data
// that write thousands of rows go through it: SQLite then parses each statement once instead of once a row.
type batchTx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (b *batchTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := b.stmts[query]; ok {
		return st, nil
	}
	st, err := b.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	b.stmts[query] = st
	return st, nil
}

// ExecContext runs a prepared statement.
func (b *batchTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := b.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs a prepared query.
func (b *batchTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := b.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a prepared single-row query; a preparation error surfaces at Scan, like sql.Tx's.
func (b *batchTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := b.stmt(ctx, query)
	if err != nil {
		return b.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// batch runs fn in one transaction with statement reuse: everything fn writes is committed together, or
// nothing is when it returns an error or ctx is cancelled.
func (s *Store) batch(ctx context.Context, fn func(*batchTx) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		b := &batchTx{tx: tx, stmts: map[string]*sql.Stmt{}}
		defer func() {
			for _, st := range b.stmts {
				st.Close()
			}
		}()
		return fn(b)
	})
}
