package data

import (
	"math"
	"testing"
)

// The index's categories at every boundary of PermenPANRB 14/2017, the index rounded to the two decimals
// it is printed with.
func TestIndexCategory(t *testing.T) {
	tests := []struct {
		index float64
		want  string
	}{
		{20, "Tidak Baik"}, // a 1–5 mean of 1 on 0–100: below the index's range, still its lowest category
		{25, "Tidak Baik"},
		{64.99, "Tidak Baik"},
		{64.994, "Tidak Baik"},  // printed 64,99
		{64.995, "Kurang Baik"}, // printed 65,00
		{65, "Kurang Baik"},
		{75, "Kurang Baik"}, // a 1–4 mean of 3,00: Kurang Baik on both axes
		{76.60, "Kurang Baik"},
		{76.604, "Kurang Baik"},
		{76.605, "Baik"}, // printed 76,61
		{76.61, "Baik"},
		{88.30, "Baik"},
		{88.31, "Sangat Baik"},
		{100, "Sangat Baik"},
		{math.NaN(), ""},
	}
	for _, tt := range tests {
		if got := IndexCategory(tt.index); got != tt.want {
			t.Errorf("IndexCategory(%v) = %q, want %q", tt.index, got, tt.want)
		}
	}
	if got, want := IndexLegendText(), "25,00–64,99 Tidak Baik · 65,00–76,60 Kurang Baik · 76,61–88,30 Baik · 88,31–100,00 Sangat Baik"; got != want {
		t.Errorf("index legend\n got %s\nwant %s", got, want)
	}
}

// Every 1–4 mean as printed (1,00 … 4,00) and its index fall in the same category, also when the index is an
// answer given on 0–100.
func TestIndexAgreesWithScale4(t *testing.T) {
	for h := 100; h <= 400; h++ {
		mean := float64(h) / 100
		index := Scale4.ToPercent(mean)
		if a, b, c := Scale4.Category(mean), IndexCategory(index), Scale100.Category(index); a != b || a != c {
			t.Errorf("mean %v is %s, its index %v is %s, and %s as an answer on 0–100", mean, a, index, b, c)
		}
	}
}

// A satisfaction figure has one category: its scale's when its items were answered on one scale, the
// index's when on several.
func TestSatisfactionCategory(t *testing.T) {
	tests := []struct {
		scale       Scale
		mean, index float64
		want        string
	}{
		{Scale4, 3.00, 75, "Kurang Baik"},
		{Scale4, 3.0644, 76.61, "Kurang Baik"}, // printed 3,06: the mean's scale decides, the index follows
		{Scale4, 3.07, 76.75, "Baik"},
		{Scale5, 3.75, 75, "Baik"},          // above 3,40 on 1–5
		{Scale5, 3.00, 60, "Cukup"},         // 1–5 has a middle category the index lacks
		{"", math.NaN(), 75, "Kurang Baik"}, // mixed scales: the index (the 0–100 test legend would say Baik)
		{"", math.NaN(), 88.31, "Sangat Baik"},
		{"", math.NaN(), math.NaN(), ""},
	}
	for _, tt := range tests {
		if got := SatisfactionCategory(tt.scale, tt.mean, tt.index); got != tt.want {
			t.Errorf("SatisfactionCategory(%q, %v, %v) = %q, want %q", tt.scale, tt.mean, tt.index, got, tt.want)
		}
	}
}

// A mix of satisfaction figures: on their shared scale when they have one, on the index otherwise; NaN
// figures are left out. Adding a figure on another scale with the same index never moves a 1–4 category: for
// every 1–4 mean as printed, the mix with a 1–5 or 0–100 figure of the same index has the 1–4 mean's category.
func TestSatisfactionMix(t *testing.T) {
	var none SatisfactionMix
	if sc, mean, pct, cat := none.Result(); sc != "" || !math.IsNaN(mean) || !math.IsNaN(pct) || cat != "" || none.N() != 0 {
		t.Errorf("empty mix = %q %v %v %q", sc, mean, pct, cat)
	}
	var five SatisfactionMix
	five.Add(Scale5, 70)
	five.Add(Scale5, math.NaN())
	five.Add(Scale5, 80)
	if sc, mean, pct, cat := five.Result(); sc != Scale5 || math.Abs(mean-3.75) > 1e-9 || pct != 75 || cat != "Baik" || five.N() != 2 {
		t.Errorf("1–5 mix = %q %v %v %q (%d)", sc, mean, pct, cat, five.N())
	}
	five.Add("", 75) // a program that itself mixed scales
	if sc, mean, pct, cat := five.Result(); sc != "" || !math.IsNaN(mean) || pct != 75 || cat != "Kurang Baik" {
		t.Errorf("mixed = %q %v %v %q", sc, mean, pct, cat)
	}
	for h := 100; h <= 400; h++ {
		mean := float64(h) / 100
		for _, other := range []Scale{Scale5, Scale100} {
			var m SatisfactionMix
			m.Add(Scale4, Scale4.ToPercent(mean))
			m.Add(Scale4, Scale4.ToPercent(mean))
			m.Add(other, Scale4.ToPercent(mean))
			if _, _, _, cat := m.Result(); cat != Scale4.Category(mean) {
				t.Fatalf("1–4 mean %v (%s) mixed with %s of the same index: %s", mean, Scale4.Category(mean), other, cat)
			}
			var alone SatisfactionMix
			alone.Add(Scale100, Scale4.ToPercent(mean))
			if _, _, _, cat := alone.Result(); cat != Scale4.Category(mean) {
				t.Fatalf("0–100 answers averaging %v: %s; the 1–4 mean %v is %s", Scale4.ToPercent(mean), cat, mean, Scale4.Category(mean))
			}
		}
	}
}
