// Package nip parses and checks the 18-digit NIP (Nomor Induk Pegawai) of Indonesian civil servants, both PNS
// and PPPK, as coordinators meet them: typed with spaces, dots or a "NIP." prefix, or mangled by Excel.
package nip

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Kind tells a PNS NIP from a PPPK one; digits [12:14] decide it.
type Kind string

// The kinds of NIP.
const (
	PNS  Kind = "PNS"
	PPPK Kind = "PPPK"
)

// Sex as coded by digit [14].
type Sex string

// The sexes, with the letters Indonesian lists use.
const (
	Male   Sex = "L" // laki-laki
	Female Sex = "P" // perempuan
)

// Label returns the Indonesian word for the sex.
func (s Sex) Label() string {
	switch s {
	case Male:
		return "Laki-laki"
	case Female:
		return "Perempuan"
	}
	return ""
}

// NIP is a parsed, valid NIP with what its digits say about the person.
type NIP struct {
	Digits    string    // the 18 digits
	BirthDate time.Time // from [0:8]
	Kind      Kind
	TMTYear   int // PNS: year of TMT CPNS; PPPK: year of first appointment
	TMTMonth  int // PNS only: month of TMT CPNS (1–12); 0 for PPPK
	Contract  int // PPPK only: contract count 1–9
	Sex       Sex
	Serial    int
	Warnings  []string // plausibility doubts in Indonesian; the NIP is still accepted
}

// Code identifies why a NIP was refused, for callers that react differently (an importer suggests formatting
// the column as Text for CodeNumeric).
type Code string

// The reasons a NIP is refused.
const (
	CodeEmpty     Code = "empty"
	CodeNumeric   Code = "numeric"   // Excel scientific notation or a decimal number
	CodeLetters   Code = "letters"   // characters other than digits after cleaning
	CodeLegacy    Code = "legacy"    // the old 9-digit NIP
	CodeLength    Code = "length"    // not 18 digits
	CodeBirthDate Code = "birthdate" // [0:8] is not a real date
	CodeKind      Code = "kind"      // [12:14] neither 01–12 nor 21–29
	CodeSex       Code = "sex"       // [14] not 1 or 2
	CodeSerial    Code = "serial"    // [15:18] is 000, what Excel leaves of a NIP turned into a number
)

// Error is a refused NIP: a code and a message in Indonesian that says what to do. Format and Args are what
// Message was written from, so that the English window can write it from the English of Format.
type Error struct {
	Code    Code
	Message string
	Format  string
	Args    []any
}

func (e *Error) Error() string { return e.Message }

// ErrorFormat returns the format and arguments Message was written from.
func (e *Error) ErrorFormat() (string, []any) { return e.Format, e.Args }

func fail(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

var (
	prefix     = regexp.MustCompile(`(?i)^\s*nip\s*[.:]?\s*`)
	scientific = regexp.MustCompile(`^\s*\d+([.,]\d+)?\s*[eE]\s*\+?\s*\d+\s*$`)
	decimal    = regexp.MustCompile(`^\s*\d{15,}[.,]\d+\s*$`)
)

// Clean strips what people and spreadsheets add around the digits: a leading "NIP", "NIP." or "NIP:", dots,
// dashes, quotes and any white space, line breaks and tabs included (a NIP pasted from a two-line cell or a
// PDF keeps its break), and the invisible zero-width spaces of copied web text. It does not check anything.
func Clean(s string) string {
	for {
		trimmed := prefix.ReplaceAllString(s, "")
		if trimmed == s {
			break
		}
		s = trimmed
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		switch r {
		case '.', '-', '\'', '`', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		}
		return r
	}, s)
	if prefix.MatchString(s) {
		return Clean(s)
	}
	return s
}

// LooksNumeric reports whether s is how Excel shows a NIP stored as a number: scientific notation
// ("1.98609E+17") or a long number with decimals ("198609262015051000.0").
func LooksNumeric(s string) bool {
	if !strings.ContainsAny(s, "eE.,") { // both forms need one of these; most NIPs are spared the regexps
		return false
	}
	return scientific.MatchString(s) || decimal.MatchString(s)
}

// Parse checks s against every rule for a NIP and returns what its digits say, judging plausibility against
// today's date.
func Parse(s string) (NIP, error) { return ParseAt(s, time.Now()) }

// ParseAt is Parse with a fixed "today", for tests and for judging old records.
func ParseAt(s string, now time.Time) (NIP, error) {
	if strings.TrimSpace(s) == "" {
		return NIP{}, fail(CodeEmpty, "NIP kosong")
	}
	if LooksNumeric(s) {
		return NIP{}, fail(CodeNumeric, "NIP %q tersimpan sebagai angka oleh Excel sehingga digit terakhirnya hilang; "+
			"format kolom NIP sebagai Teks (Text) lalu ketik ulang NIP-nya", strings.TrimSpace(s))
	}
	d := Clean(s)
	for _, r := range d {
		if r < '0' || r > '9' {
			return NIP{}, fail(CodeLetters, "NIP %q memuat karakter selain angka; NIP hanya terdiri dari 18 angka", strings.TrimSpace(s))
		}
	}
	switch {
	case len(d) == 9:
		return NIP{}, fail(CodeLegacy, "NIP %s adalah NIP lama (9 digit); isi NIP baru 18 digit, atau kosongkan NIP", d)
	case len(d) != 18:
		return NIP{}, fail(CodeLength, "NIP harus 18 digit, yang diisi %d digit (%s)", len(d), d)
	}
	var n NIP
	n.Digits = d
	birth, err := time.Parse("20060102", d[0:8])
	if err != nil || birth.Format("20060102") != d[0:8] {
		return NIP{}, fail(CodeBirthDate, "NIP %s: 8 digit pertama (%s) bukan tanggal lahir yang benar (TTTTBBHH)", Format(d), d[0:8])
	}
	n.BirthDate = birth
	n.TMTYear = atoi(d[8:12])
	code := atoi(d[12:14])
	switch {
	case code >= 1 && code <= 12:
		n.Kind, n.TMTMonth = PNS, code
	case code >= 21 && code <= 29:
		n.Kind, n.Contract = PPPK, code-20
	default:
		return NIP{}, fail(CodeKind, "NIP %s: digit ke-13 dan ke-14 (%s) harus bulan TMT 01–12 (PNS) atau 21–29 (PPPK)", Format(d), d[12:14])
	}
	switch d[14] {
	case '1':
		n.Sex = Male
	case '2':
		n.Sex = Female
	default:
		return NIP{}, fail(CodeSex, "NIP %s: digit ke-15 (%c) harus 1 (laki-laki) atau 2 (perempuan)", Format(d), d[14])
	}
	n.Serial = atoi(d[15:18])
	if n.Serial == 0 {
		return NIP{}, fail(CodeSerial, "NIP %s berakhir dengan 000: kemungkinan besar rusak karena Excel menyimpannya sebagai angka; "+
			"format kolom NIP sebagai Teks (Text) lalu ketik ulang NIP-nya", Format(d))
	}
	n.Warnings = plausibility(n, now)
	return n, nil
}

// TMT returns the first day of the appointment month (January for PPPK, whose NIP carries no month).
func (n NIP) TMT() time.Time {
	m := n.TMTMonth
	if m == 0 {
		m = 1
	}
	return time.Date(n.TMTYear, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
}

// Printed returns the 8-6-1-3 form used under names on documents: "19690309 199403 2 001".
func (n NIP) Printed() string { return Format(n.Digits) }

func plausibility(n NIP, now time.Time) []string {
	var w []string
	age := yearsBetween(n.BirthDate, n.TMT())
	switch {
	case age < 17:
		w = append(w, fmt.Sprintf("umur saat TMT hanya %d tahun (lahir %s, TMT %s); periksa kembali NIP", age,
			n.BirthDate.Format("02-01-2006"), n.TMT().Format("01-2006")))
	case age > 60:
		w = append(w, fmt.Sprintf("umur saat TMT %d tahun, di atas 60; periksa kembali NIP", age))
	}
	if n.TMT().After(now.AddDate(0, 6, 0)) {
		w = append(w, fmt.Sprintf("TMT %s lebih dari 6 bulan ke depan; periksa kembali NIP", n.TMT().Format("01-2006")))
	}
	if y := n.BirthDate.Year(); y < now.Year()-80 || y > now.Year()-16 {
		w = append(w, fmt.Sprintf("tahun lahir %d tidak wajar untuk pegawai aktif; periksa kembali NIP", y))
	}
	return w
}

func yearsBetween(from, to time.Time) int {
	years := to.Year() - from.Year()
	if to.Month() < from.Month() || (to.Month() == from.Month() && to.Day() < from.Day()) {
		years--
	}
	return years
}

// Format prints 18 digits in the 8-6-1-3 form; anything else is returned unchanged.
func Format(digits string) string {
	if len(digits) != 18 {
		return digits
	}
	return digits[0:8] + " " + digits[8:14] + " " + digits[14:15] + " " + digits[15:18]
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
