package store

import "database/sql"

// TestDB is the store's connection, for the tests of package store_test that read a database back row by
// row (a backup compared table by table with its original). The program never reaches it.
func (s *Store) TestDB() *sql.DB { return s.db }
