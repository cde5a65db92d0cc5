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
	afterSep  = regexp.MustCompile(`[,;]\s*([^,;]+)$`)
	tingkatRe = regexp.MustCompile(`(?i)\btk\b\.?|\btkt\b\.?|\btingkat\b`)
)

var arabic = map[string]string{"1": "I", "2": "II", "3": "III", "4": "IV"}

// Normalize turns any spelling of a rank seen in participant lists into its code. It accepts codes
// ("III/b", "III.b", "IIIb", "3b", "Gol. III/b"), names ("Penata Muda Tk. I"), both ("Penata Muda Tingkat I
// (III/b)") and PPPK golongan ("IX", "Golongan IX"). An empty input gives ("", true): no rank is not an error.
func Normalize(s string) (string, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if s == "" || s == "-" {
		return "", true
	}
	if code, ok := normalizeCode(s); ok {
		return code, true
	}
	// A code in parentheses or after a comma wins over the name beside it: it is the more precise part.
	for _, m := range inParens.FindAllStringSubmatch(s, -1) {
		if code, ok := normalizeCode(m[1]); ok {
			return code, true
		}
	}
	if m := afterSep.FindStringSubmatch(s); m != nil {
		if code, ok := normalizeCode(m[1]); ok {
			return code, true
		}
	}
	name := inParens.ReplaceAllString(s, " ")
	if i := strings.IndexAny(name, ",;"); i >= 0 {
		name = name[:i]
	}
	if r, ok := byName[nameKey(name)]; ok {
		return r.Code, true
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

// nameKey folds a rank name: lower case, "Tk."/"Tkt." read as "tingkat", punctuation and extra spaces dropped.
func nameKey(s string) string {
	s = tingkatRe.ReplaceAllString(s, " tingkat ")
	s = strings.Map(func(r rune) rune {
		if r == '.' || r == ',' || r == '-' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}
