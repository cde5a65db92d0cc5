package report

import (
	"strings"
	"time"
	"unicode"
)

// FileName is the one scheme for every file Pembina suggests or writes on its own: "Jenis – KODE – tanggal.ext",
// for example "Sertifikat – PTD-II-2026 – 2026-12-06.pdf". The kind says what the file is, the code which
// program (or period, unit, number) it belongs to, and the day (ISO, so a folder sorts by it) when it was made;
// an empty code is left out. Characters that Windows, macOS or Linux refuse in a name (\ / : * ? " < > |) and
// control characters become "-", runs of spaces one space, and trailing dots and spaces go.
func FileName(kind, code string, day time.Time, ext string) string {
	parts := []string{safeName(kind)}
	if c := safeName(code); c != "" {
		parts = append(parts, c)
	}
	parts = append(parts, day.Format("2006-01-02"))
	return strings.Join(parts, " – ") + ext
}

func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case r < 0x20 || strings.ContainsRune(`\/:*?"<>|`, r):
			return '-'
		}
		return r
	}, s)
	return strings.TrimRight(strings.Join(strings.Fields(s), " "), ". ")
}
