// Package archtest holds the test of the directions imports keep in Pembina: the domain (data/...) imports
// no app package, only data/store speaks SQL (database/sql, the SQLite driver), only the window imports Fyne,
// and documents out (app/report) and in (app/importer) stay independent. Its only code is that test; the
// architecture page in docs/ describes the layout it checks.
package archtest
