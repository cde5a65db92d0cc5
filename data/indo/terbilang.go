package indo

import "strconv"

var ones = []string{"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"}

// Terbilang spells n in Indonesian words as official documents require: 20 → "dua puluh", 111 → "seratus
// sebelas", 1000 → "seribu", 0 → "nol".
func Terbilang(n int64) string {
	switch {
	case n < 0:
		return "minus " + Terbilang(-n)
	case n == 0:
		return "nol"
	}
	return spell(n)
}

func spell(n int64) string {
	switch {
	case n == 0:
		return ""
	case n < 12:
		return ones[n]
	case n < 20:
		return spell(n-10) + " belas"
	case n < 100:
		return join(spell(n/10)+" puluh", spell(n%10))
	case n < 200:
		return join("seratus", spell(n-100))
	case n < 1000:
		return join(spell(n/100)+" ratus", spell(n%100))
	case n < 2000:
		return join("seribu", spell(n-1000))
	case n < 1_000_000:
		return join(spell(n/1000)+" ribu", spell(n%1000))
	case n < 1_000_000_000:
		return join(spell(n/1_000_000)+" juta", spell(n%1_000_000))
	case n < 1_000_000_000_000:
		return join(spell(n/1_000_000_000)+" miliar", spell(n%1_000_000_000))
	}
	return join(spell(n/1_000_000_000_000)+" triliun", spell(n%1_000_000_000_000))
}

func join(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}

// WithWords writes a count in figures and words: 20 → "20 (dua puluh)".
func WithWords(n int64) string {
	return Int(n) + " (" + Terbilang(n) + ")"
}

// Plain writes an integer without separators, for codes and file names.
func Plain(n int64) string { return strconv.FormatInt(n, 10) }
