// Package archtest holds the test of the directions imports keep in Pembina: the domain (data/...) imports
// no app package, only data/store speaks SQL (database/sql, the SQLite driver, the store's connection and
// transactions), and only the window imports Fyne. Its only code is that test; docs/ARCHITECTURE.md
// describes the layout it checks.
package archtest
