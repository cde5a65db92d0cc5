package indo

import (
	"math"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDates(t *testing.T) {
	tests := []struct{ got, want string }{
		{Date(day("2026-11-28")), "28 November 2026"},
		{DateWithDay(day("2026-11-28")), "Sabtu, 28 November 2026"},
		{DateWithDay(day("2026-03-01")), "Minggu, 1 Maret 2026"},
		{DateRange(day("2026-03-12"), day("2026-03-14")), "12 s.d. 14 Maret 2026"},
		{DateRange(day("2026-11-28"), day("2026-12-02")), "28 November s.d. 2 Desember 2026"},
		{DateRange(day("2026-12-28"), day("2027-01-02")), "28 Desember 2026 s.d. 2 Januari 2027"},
		{DateRange(day("2026-11-03"), day("2026-11-03")), "3 November 2026"},
		{DateRange(day("2026-11-03"), day("2026-11-09")), "3 s.d. 9 November 2026"},
		{TimeRange("08:00", "09:30", "WIB"), "08.00 – 09.30 WIB"},
		{TimeRange("13:00", "", "WITA"), "13.00 WITA"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct{ got, want string }{
		{Int(0), "0"},
		{Int(999), "999"},
		{Int(1000), "1.000"},
		{Int(1234567), "1.234.567"},
		{Int(-1234), "-1.234"},
		{Decimal(1234.5, 1), "1.234,5"},
		{Decimal(3.5, 2), "3,50"},
		{Decimal(-0.25, 2), "-0,25"},
		{Decimal(math.NaN(), 2), "–"},
		{Number(85.50, 2), "85,5"},
		{Number(20, 2), "20"},
		{Percent(0.855, 1), "85,5%"},
		{Percent(1, 1), "100,0%"},
		{Percent(0.8, 1), "80,0%"},
		{PercentOf(80), "80,0%"},
		{PercentOf(87.5), "87,5%"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{{"3,5", 3.5}, {"3.5", 3.5}, {"1.234,5", 1234.5}, {"1,234.5", 1234.5}, {"1.234.567", 1234567}, {" 42 ", 42}}
	for _, tt := range tests {
		got, err := ParseDecimal(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseDecimal("abc"); err == nil {
		t.Error("ParseDecimal(abc) succeeded")
	}
}

func TestTerbilang(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "nol"}, {1, "satu"}, {2, "dua"}, {10, "sepuluh"}, {11, "sebelas"}, {12, "dua belas"}, {19, "sembilan belas"},
		{20, "dua puluh"}, {21, "dua puluh satu"}, {32, "tiga puluh dua"}, {100, "seratus"}, {101, "seratus satu"},
		{111, "seratus sebelas"}, {115, "seratus lima belas"}, {200, "dua ratus"}, {999, "sembilan ratus sembilan puluh sembilan"},
		{1000, "seribu"}, {1001, "seribu satu"}, {1100, "seribu seratus"}, {2000, "dua ribu"}, {11000, "sebelas ribu"},
		{100000, "seratus ribu"}, {1000000, "satu juta"}, {2500000, "dua juta lima ratus ribu"},
		{1000000000, "satu miliar"}, {-5, "minus lima"},
	}
	for _, tt := range tests {
		if got := Terbilang(tt.n); got != tt.want {
			t.Errorf("Terbilang(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got, want := WithWords(20), "20 (dua puluh)"; got != want {
		t.Errorf("WithWords(20) = %q, want %q", got, want)
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{1, "I"}, {4, "IV"}, {9, "IX"}, {12, "XII"}, {14, "XIV"}, {40, "XL"}, {2026, "MMXXVI"}, {0, ""}}
	for _, tt := range tests {
		if got := Roman(tt.n); got != tt.want {
			t.Errorf("Roman(%d) = %q, want %q", tt.n, got, tt.want)
		}
		if tt.n > 0 {
			if n, ok := ParseRoman(tt.want); !ok || n != tt.n {
				t.Errorf("ParseRoman(%q) = %d, %v", tt.want, n, ok)
			}
		}
	}
	for _, bad := range []string{"", "IIII", "VX", "ABC", "IL"} {
		if _, ok := ParseRoman(bad); ok {
			t.Errorf("ParseRoman(%q) accepted", bad)
		}
	}
}
