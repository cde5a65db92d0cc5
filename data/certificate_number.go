package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// NumberPattern is an office's certificate numbering scheme (docs/domain.md §5), such as
// "800/{seq:03}/DISDIK/{month_roman}/{year}". Its tokens:
//
//	{seq}          the sequence number within the pattern and year: 7
//	{seq:03}       the same, padded with zeros to the given width: 007
//	{year}         the issue year: 2026 (also written {tahun})
//	{month_roman}  the issue month in Roman numerals: XI (also written {bulan_romawi})
//	{program}      the program's code: PTD-I/2026 (also written {kode_program})
//
// Exactly one {seq} token is required: without it every certificate would get the same number.
type NumberPattern string

// numberPart is one piece of a parsed pattern: literal text, or a token with its zero-padding width.
type numberPart struct {
	literal string
	token   string // "", "seq", "year", "month_roman", "program"
	width   int    // for seq: pad to this many digits
}

var numberTokenAliases = map[string]string{
	"seq": "seq", "nomor": "seq", "no": "seq",
	"year": "year", "tahun": "year",
	"month_roman": "month_roman", "bulan_romawi": "month_roman",
	"program": "program", "kode_program": "program",
}

// parse splits the pattern into literal text and tokens, or says in Indonesian what is wrong with it.
func (p NumberPattern) parse() ([]numberPart, error) {
	s := strings.TrimSpace(string(p))
	if s == "" {
		return nil, Errorf(KindInvalid, "Pola nomor sertifikat kosong; isi misalnya 800/{seq:03}/DISDIK/{month_roman}/{year}")
	}
	if strings.ContainsAny(s, "|\n\r\t") {
		return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q memuat tanda | atau baris baru; hapus tanda itu", s)
	}
	var parts []numberPart
	seqs := 0
	for s != "" {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			if strings.Contains(s, "}") {
				return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q: tanda } tanpa pasangan {", p)
			}
			parts = append(parts, numberPart{literal: s})
			break
		}
		if open > 0 {
			if strings.Contains(s[:open], "}") {
				return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q: tanda } tanpa pasangan {", p)
			}
			parts = append(parts, numberPart{literal: s[:open]})
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q: tanda { tanpa penutup }", p)
		}
		body := strings.TrimSpace(s[open+1 : open+end])
		name, width := body, 0
		if i := strings.IndexByte(body, ':'); i >= 0 {
			name = strings.TrimSpace(body[:i])
			w, err := strconv.Atoi(strings.TrimSpace(body[i+1:]))
			if err != nil || w < 1 || w > 9 {
				return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q: {%s} tidak dikenal; tulis lebar nomor 1 sampai 9, misalnya {seq:03}", p, body)
			}
			width = w
		}
		token, ok := numberTokenAliases[strings.ToLower(name)]
		if !ok {
			return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q: {%s} tidak dikenal; yang dapat dipakai {seq}, {seq:03}, {year}, {month_roman} dan {program}", p, body)
		}
		if width > 0 && token != "seq" {
			return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q: hanya {seq} yang dapat diberi lebar, bukan {%s}", p, body)
		}
		if token == "seq" {
			seqs++
		}
		parts = append(parts, numberPart{token: token, width: width})
		s = s[open+end+1:]
	}
	switch {
	case seqs == 0:
		return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q tidak memuat {seq}; tanpa nomor urut semua sertifikat bernomor sama. Tambahkan {seq} atau {seq:03}", p)
	case seqs > 1:
		return nil, Errorf(KindInvalid, "Pola nomor sertifikat %q memuat {seq} lebih dari sekali; pakai satu saja", p)
	}
	return parts, nil
}

// Validate checks the pattern.
func (p NumberPattern) Validate() error {
	_, err := p.parse()
	return err
}

// Canonical is the pattern as counters are kept for it: trimmed, with the Indonesian token names written in
// their English form, so that "{tahun}" and "{year}" share one counter.
func (p NumberPattern) Canonical() string { return p.canonical(false, "") }

// CounterKey is the prefix a sequence runs in (as with agenda numbers, a sequence runs per distinct prefix): the
// canonical pattern with {program} written out as the program's code, so that under "SERT/{seq:03}/{program}"
// each program starts at 1, while programs sharing a pattern without the code share one sequence. The month
// stays a token: a sequence runs through the year, not per month. The year is kept beside the key.
func (p NumberPattern) CounterKey(programCode string) string { return p.canonical(true, programCode) }

func (p NumberPattern) canonical(expandProgram bool, programCode string) string {
	parts, err := p.parse()
	if err != nil {
		return strings.TrimSpace(string(p))
	}
	var b strings.Builder
	for _, part := range parts {
		switch {
		case part.token == "":
			b.WriteString(part.literal)
		case part.token == "program" && expandProgram:
			b.WriteString(strings.TrimSpace(programCode))
		case part.width > 0:
			fmt.Fprintf(&b, "{%s:%0*d}", part.token, 2, part.width)
		default:
			b.WriteString("{" + part.token + "}")
		}
	}
	return b.String()
}

// Format writes the certificate number for sequence seq, issued on day, for the program with the given code.
func (p NumberPattern) Format(seq int, day time.Time, programCode string) (string, error) {
	parts, err := p.parse()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, part := range parts {
		switch part.token {
		case "":
			b.WriteString(part.literal)
		case "seq":
			fmt.Fprintf(&b, "%0*d", part.width, seq)
		case "year":
			b.WriteString(strconv.Itoa(day.Year()))
		case "month_roman":
			b.WriteString(indo.Roman(int(day.Month())))
		case "program":
			b.WriteString(strings.TrimSpace(programCode))
		}
	}
	return b.String(), nil
}
