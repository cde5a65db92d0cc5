// Package rank knows the ranks (pangkat, golongan/ruang) of Indonesian civil servants: the PNS codes I/a … IV/e
// with their names, the PPPK golongan I … XVII, their order, and the many spellings imports meet.
package rank

import (
	"regexp"
	"strings"
)

// Rank is one rank. PNS ranks have a ruang letter and a name; PPPK golongan have neither.
type Rank struct {
	Code    string // "III/b" or, for PPPK, "IX"
	Name    string // "Penata Muda Tingkat I"; empty for PPPK
	Ordinal int    // sort order: PNS 1–17, PPPK 101–117
	PPPK    bool
}

// Label is the rank as lists print it: "Penata Muda Tingkat I (III/b)" or "Golongan IX (PPPK)".
func (r Rank) Label() string {
	if r.PPPK {
		return "Golongan " + r.Code + " (PPPK)"
	}
	return r.Name + " (" + r.Code + ")"
}

var pns = []Rank{
	{Code: "I/a", Name: "Juru Muda"},
	{Code: "I/b", Name: "Juru Muda Tingkat I"},
	{Code: "I/c", Name: "Juru"},
	{Code: "I/d", Name: "Juru Tingkat I"},
	{Code: "II/a", Name: "Pengatur Muda"},
	{Code: "II/b", Name: "Pengatur Muda Tingkat I"},
	{Code: "II/c", Name: "Pengatur"},
	{Code: "II/d", Name: "Pengatur Tingkat I"},
	{Code: "III/a", Name: "Penata Muda"},
	{Code: "III/b", Name: "Penata Muda Tingkat I"},
	{Code: "III/c", Name: "Penata"},
	{Code: "III/d", Name: "Penata Tingkat I"},
	{Code: "IV/a", Name: "Pembina"},
	{Code: "IV/b", Name: "Pembina Tingkat I"},
	{Code: "IV/c", Name: "Pembina Utama Muda"},
	{Code: "IV/d", Name: "Pembina Utama Madya"},
	{Code: "IV/e", Name: "Pembina Utama"},
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"}

var (
	all    []Rank
	byCode = map[string]Rank{}
	byName = map[string]Rank{}
)

func init() {
	for i, r := range pns {
		r.Ordinal = i + 1
		all = append(all, r)
	}
	for i, c := range romans {
		all = append(all, Rank{Code: c, Ordinal: 101 + i, PPPK: true})
	}
	for _, r := range all {
		byCode[r.Code] = r
		if r.Name != "" {
			byName[nameKey(r.Name)] = r
		}
	}
}

// All returns every rank, PNS first, each group in ascending order.
func All() []Rank { return append([]Rank(nil), all...) }

// ByCode returns the rank with exactly this code.
func ByCode(code string) (Rank, bool) {
	r, ok := byCode[code]
	return r, ok
}

// Ordinal returns the sort order of a code, 0 for an empty or unknown one (sorted first).
func Ordinal(code string) int { return byCode[code].Ordinal }

var (
	// pnsCode matches "III/b", "III.b", "IIIb", "III - b", "III b", "3b" with an optional "Gol."/"Golongan" in front.
	pnsCode   = regexp.MustCompile(`(?i)^(?:gol(?:ongan)?\.?\s*(?:ruang)?\s*)?(iv|iii|ii|i|[1-4])\s*[/.\-]?\s*([a-e])$`)
	pppkCode  = regexp.MustCompile(`(?i)^(?:gol(?:ongan)?\.?\s*)?(xvii|xvi|xv|xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)(?:\s*\(?pppk\)?)?$`)
	inParens  = regexp.MustCompile(`\(([^()]*)\)`)
	separator = regexp.MustCompile(`[,;\-–—]`) // between a code and a name: "III/a - Penata Muda"
	tingkatRe = regexp.MustCompile(`(?i)\btk\b\.?|\btkt\b\.?|\btingkat\b`)
)

var arabic = map[string]string{"1": "I", "2": "II", "3": "III", "4": "IV"}

// Normalize turns any spelling of a rank seen in participant lists into its code. It accepts codes
// ("III/b", "III.b", "IIIb", "3b", "Gol. III/b"), names ("Penata Muda Tk. I", "Penata Muda Tingkat 1"), both
// in either order ("Penata Muda Tingkat I (III/b)", "IIIB (Penata Muda Tk I)", "III/a - Penata Muda") and
// PPPK golongan ("IX", "Golongan IX"). Where a spelling holds both, a code with its ruang wins over the name
// beside it (it is the more precise part), and a name wins over a bare golongan ("IV (Pembina)" is IV/a).
// A bare "I" to "IV" is returned as the PPPK golongan it also is; whether it fits the person is for
// the caller that knows their employment status (FitsStatus). An empty input gives ("", true): no rank is
// not an error.
func Normalize(s string) (string, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if s == "" || s == "-" {
		return "", true
	}
	if code, ok := normalizeCode(s); ok {
		return code, true
	}
	// The parts: each parenthesis, what is outside them (a code spelled "III - b" stays whole), and that split
	// at commas, semicolons and dashes.
	var parts []string
	for _, m := range inParens.FindAllStringSubmatch(s, -1) {
		parts = append(parts, m[1])
	}
	outside := inParens.ReplaceAllString(s, " ")
	parts = append(parts, outside)
	parts = append(parts, separator.Split(outside, -1)...)
	var bare, named string
	for _, part := range parts {
		if code, ok := edgeCode(part); ok {
			return code, true
		}
		if code, ok := normalizeCode(part); ok {
			if r := byCode[code]; !r.PPPK {
				return code, true
			}
			if bare == "" {
				bare = code
			}
			continue
		}
		if r, ok := byName[nameKey(part)]; ok && named == "" {
			named = r.Code
		}
	}
	switch {
	case named != "":
		return named, true
	case bare != "":
		return bare, true
	}
	return "", false
}

// edgeCode finds a PNS code with its ruang written before or after its name with only a space between them
// ("III/a Penata Muda", "Penata Muda Tk. I III/b", "Penata Muda Tingkat 1 / III b"): it tries the words at
// either end of s, the longest first, and takes the code only when the other words are a rank's name, so that
// a stray text ("Guru Kelas 4 B") is still refused. A bare golongan ("Pembina Tingkat I" ends in "I") is not
// taken here.
func edgeCode(s string) (string, bool) {
	words := strings.Fields(s)
	named := func(ws []string) bool {
		_, ok := byName[nameKey(strings.Trim(strings.Join(ws, " "), "/ "))]
		return ok
	}
	for n := min(len(words)-1, 4); n >= 1; n-- {
		for _, edge := range []struct {
			code, rest []string
		}{{words[:n], words[n:]}, {words[len(words)-n:], words[:len(words)-n]}} {
			code, ok := normalizeCode(strings.Trim(strings.Join(edge.code, " "), "/ "))
			if ok && !byCode[code].PPPK && named(edge.rest) {
				return code, true
			}
		}
	}
	return "", false
}

func normalizeCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if m := pnsCode.FindStringSubmatch(s); m != nil {
		g := strings.ToUpper(m[1])
		if a, ok := arabic[g]; ok {
			g = a
		}
		return g + "/" + strings.ToLower(m[2]), true
	}
	if m := pppkCode.FindStringSubmatch(s); m != nil {
		return strings.ToUpper(m[1]), true
	}
	return "", false
}

// nameKey folds a rank name: lower case, "Tk."/"Tkt." read as "tingkat", "tingkat 1" as "tingkat i",
// punctuation and extra spaces dropped.
func nameKey(s string) string {
	s = tingkatRe.ReplaceAllString(s, " tingkat ")
	s = strings.Map(func(r rune) rune {
		if r == '.' || r == ',' || r == '-' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		if words[i] == "1" && words[i-1] == "tingkat" {
			words[i] = "i"
		}
	}
	return strings.Join(words, " ")
}

// FitsStatus tells whether a rank code fits an employment status: PNS and CPNS have a golongan with its
// ruang (III/b), PPPK and PPPK Paruh Waktu a golongan I–XVII without one. Other statuses (Non-ASN, or not
// known) and an empty or unknown code fit. When the code does not fit, the reason says what to write.
func FitsStatus(code, status string) (ok bool, reason string) {
	r, known := byCode[code]
	if !known {
		return true, ""
	}
	pppk := strings.HasPrefix(status, "PPPK")
	pns := status == "PNS" || status == "CPNS"
	switch {
	case pns && r.PPPK && r.Ordinal <= 104:
		return false, "golongan " + code + " tanpa ruang hanya dipakai PPPK, sedangkan statusnya " + status +
			"; tulis golongan dan ruangnya, misalnya " + code + "/a, atau perbaiki statusnya"
	case pns && r.PPPK:
		return false, "golongan " + code + " hanya ada pada PPPK, sedangkan statusnya " + status +
			"; tulis pangkat PNS-nya, misalnya III/a, atau perbaiki statusnya"
	case pppk && !r.PPPK:
		return false, code + " (" + r.Name + ") adalah pangkat PNS, sedangkan statusnya " + status +
			"; PPPK memakai golongan I sampai XVII tanpa ruang, atau perbaiki statusnya"
	}
	return true, ""
}
