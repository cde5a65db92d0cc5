package indo

import "strings"

var romanValues = []struct {
	value  int
	symbol string
}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"},
	{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}

// Roman writes n (1–3999) in Roman numerals, as batches ("Angkatan III") and months in letter numbers use them;
// other values are written as "".
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return ""
	}
	var b strings.Builder
	for _, v := range romanValues {
		for n >= v.value {
			b.WriteString(v.symbol)
			n -= v.value
		}
	}
	return b.String()
}

// ParseRoman reads a Roman numeral (any case); ok is false for anything that is not a canonical numeral.
func ParseRoman(s string) (int, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	n, rest := 0, s
	for _, v := range romanValues {
		for strings.HasPrefix(rest, v.symbol) {
			n += v.value
			rest = rest[len(v.symbol):]
		}
	}
	if rest != "" || Roman(n) != s {
		return 0, false
	}
	return n, true
}
