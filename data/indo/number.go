package indo

import (
	"math"
	"strconv"
	"strings"
)

// Int writes n with a dot between thousands: 1234567 → "1.234.567".
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Decimal writes f with exactly places decimals, a decimal comma and thousands dots: Decimal(1234.5, 2) →
// "1.234,50". NaN and infinities, which the rules produce for undefined figures, are written "–".
func Decimal(f float64, places int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	s := strconv.FormatFloat(f, 'f', places, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(intPart, 10, 64)
	out := Int(n)
	if n == 0 && strings.HasPrefix(intPart, "-") {
		out = "-0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// Number writes f with at most places decimals, dropping trailing zeros: Number(85.50, 2) → "85,5",
// Number(20, 2) → "20".
func Number(f float64, places int) string {
	s := Decimal(f, places)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ",")
	}
	return s
}

// Percent writes a share (0–1) as a percentage with exactly places decimals: Percent(0.855, 1) → "85,5%",
// Percent(0.8, 1) → "80,0%". Documents and screens write every percentage this way, one decimal, so that
// "80,0%" stands beside "77,1%" rather than "80%".
func Percent(share float64, places int) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return "–"
	}
	return Decimal(share*100, places) + "%"
}

// PercentOf writes a percentage stored as a number (an attendance threshold of 80) like Percent: "80,0%".
func PercentOf(percent float64) string { return Percent(percent/100, 1) }

// ParseDecimal reads a number written either way, "3,5", "3.5", "1.234,5" or "1,234.5", as people type them in
// Indonesian spreadsheets.
func ParseDecimal(s string) (float64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, " ", ""))
	lastComma, lastDot := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case lastComma >= 0 && lastDot >= 0 && lastComma > lastDot: // 1.234,5
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case lastComma >= 0 && lastDot >= 0: // 1,234.5
		s = strings.ReplaceAll(s, ",", "")
	case lastComma >= 0: // 3,5
		if strings.Count(s, ",") == 1 {
			s = strings.Replace(s, ",", ".", 1)
		}
	case strings.Count(s, ".") > 1: // 1.234.567
		s = strings.ReplaceAll(s, ".", "")
	}
	return strconv.ParseFloat(s, 64)
}
