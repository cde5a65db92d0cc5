package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// SearchKey folds s for searching: lower case, accents removed, runs of white space and punctuation turned into
// one space. SQLite's LIKE folds ASCII case only, so every searchable table keeps a column filled with this
// and queries fold the user's text the same way.
func SearchKey(s string) string {
	folded := s
	if !isASCII(s) { // only letters outside ASCII carry accents to remove; imports fold 100,000 names
		var err error
		if folded, _, err = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s); err != nil {
			folded = s
		}
	}
	var b strings.Builder
	b.Grow(len(folded))
	space := true
	for _, r := range folded {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// SearchKeyDigits returns only the digits of s, so that a NIP typed with spaces or dots ("19690309 199403 2 001")
// still finds the stored 18 digits.
func SearchKeyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
