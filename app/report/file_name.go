package report

import (
	"strings"
	"unicode"
)

// SafeFileName turns text typed by people (a unit kerja, a program title) into a part of a file name that
// every system accepts: the characters Windows refuses and control characters become "-", spaces are
// collapsed, trailing dots and spaces go, the names Windows reserves (CON, NUL, COM1, …) get a "_" and the
// result keeps at most 80 characters; empty text gives fallback.
func SafeFileName(s, fallback string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80])
	}
	s = strings.Trim(s, ". -")
	if s == "" {
		return fallback
	}
	base := strings.ToUpper(s)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		s = "_" + s
	}
	return s
}
