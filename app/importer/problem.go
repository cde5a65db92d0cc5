package importer

import (
	"strings"

	"github.com/pembina/pembina/data/indo"
)

// Problem is something wrong with a file, a row or a cell, in Indonesian, for every importer alike. An error
// stops the import (unless rows with errors are skipped); a warning is reported and the import goes on. A
// participant row's problems are errors and its warnings are not (ParticipantRow).
type Problem struct {
	Line    int    // the file's row as the coordinator's program shows it, 0 for the whole file
	Column  string // the column's heading as the file writes it, "" for the whole row
	Message string
	Error   bool
}

// String names the row and the column, then what is wrong: `Baris 4, kolom "Nilai": nilai "9" di luar skala`.
func (p Problem) String() string {
	var where []string
	if p.Line > 0 {
		where = append(where, "baris "+indo.Int(int64(p.Line)))
	}
	if p.Column != "" {
		where = append(where, "kolom "+quoteN(p.Column, 100))
	}
	if len(where) == 0 {
		return strings.ToUpper(p.Message[:1]) + p.Message[1:]
	}
	w := strings.Join(where, ", ")
	return strings.ToUpper(w[:1]) + w[1:] + ": " + p.Message
}
