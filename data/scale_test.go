package data

import (
	"math"
	"testing"
)

func TestScaleCategory(t *testing.T) {
	tests := []struct {
		scale Scale
		mean  float64
		want  string
	}{
		{Scale4, 1, "Tidak Baik"},
		{Scale4, 2.59, "Tidak Baik"},
		{Scale4, 2.594, "Tidak Baik"},  // printed 2,59
		{Scale4, 2.596, "Kurang Baik"}, // printed 2,60
		{Scale4, 2.60, "Kurang Baik"},
		{Scale4, 3.06, "Kurang Baik"},
		{Scale4, 3.0689, "Baik"}, // printed 3,07
		{Scale4, 3.07, "Baik"},
		{Scale4, 3.53, "Baik"},
		{Scale4, 3.54, "Sangat Baik"},
		{Scale4, 4, "Sangat Baik"},
		{Scale5, 1.80, "Tidak Baik"}, // "above 1,80": 1,80 itself is not
		{Scale5, 1.81, "Kurang Baik"},
		{Scale5, 2.60, "Kurang Baik"},
		{Scale5, 2.61, "Cukup"},
		{Scale5, 3.40, "Cukup"},
		{Scale5, 3.41, "Baik"},
		{Scale5, 4.35, "Baik"},
		{Scale5, 4.354, "Baik"},
		{Scale5, 4.36, "Sangat Baik"},
		// A satisfaction answer on 0–100 is on the index's axis: its categories, not the test-score legend's.
		{Scale100, 0, "Tidak Baik"},
		{Scale100, 64.99, "Tidak Baik"},
		{Scale100, 65, "Kurang Baik"},
		{Scale100, 75, "Kurang Baik"}, // as a 1–4 mean of 3,00 and its index 75
		{Scale100, 76.60, "Kurang Baik"},
		{Scale100, 76.61, "Baik"},
		{Scale100, 88.30, "Baik"},
		{Scale100, 88.31, "Sangat Baik"},
		{Scale100, 100, "Sangat Baik"},
		{Scale4, math.NaN(), ""},
	}
	for _, tt := range tests {
		if got := tt.scale.Category(tt.mean); got != tt.want {
			t.Errorf("%s.Category(%v) = %q, want %q", tt.scale, tt.mean, got, tt.want)
		}
	}
}

func TestScaleLegendText(t *testing.T) {
	tests := []struct {
		scale Scale
		want  string
	}{
		{Scale4, "1,00–2,59 Tidak Baik · 2,60–3,06 Kurang Baik · 3,07–3,53 Baik · 3,54–4,00 Sangat Baik"},
		{Scale5, "1,00–1,80 Tidak Baik · 1,81–2,60 Kurang Baik · 2,61–3,40 Cukup · 3,41–4,35 Baik · 4,36–5,00 Sangat Baik"},
		{Scale100, "0,00–64,99 Tidak Baik · 65,00–76,60 Kurang Baik · 76,61–88,30 Baik · 88,31–100,00 Sangat Baik"},
	}
	for _, tt := range tests {
		if got := tt.scale.LegendText(); got != tt.want {
			t.Errorf("%s legend\n got %s\nwant %s", tt.scale, got, tt.want)
		}
	}
}

func TestScaleContains(t *testing.T) {
	tests := []struct {
		scale Scale
		v     float64
		want  bool
	}{
		{Scale4, 1, true}, {Scale4, 4, true}, {Scale4, 0, false}, {Scale4, 5, false}, {Scale4, 2.5, false},
		{Scale5, 5, true}, {Scale5, 6, false},
		{Scale100, 0, true}, {Scale100, 87.5, true}, {Scale100, 100.5, false}, {Scale100, -1, false},
		{Scale4, math.NaN(), false},
	}
	for _, tt := range tests {
		if got := tt.scale.Contains(tt.v); got != tt.want {
			t.Errorf("%s.Contains(%v) = %v", tt.scale, tt.v, got)
		}
	}
	if got := Scale4.ToPercent(3.2); math.Abs(got-80) > 1e-9 {
		t.Errorf("3,2 on 1–4 = %v%%, want 80", got)
	}
}

func TestNormalisedGain(t *testing.T) {
	tests := []struct {
		pre, post float64
		g         float64
		ok        bool
		category  string
	}{
		{40, 70, 0.5, true, GainMedium},
		{40, 82, 0.7, true, GainHigh}, // 42 / 60, exactly on the line
		{50, 65, 0.3, true, GainMedium},
		{50, 64, 0.28, true, GainLow},
		{0, 100, 1, true, GainHigh},
		{60, 40, -0.5, true, GainLow}, // post < pre: negative
		{100, 100, 0, false, ""},      // pre = max: undefined
		{100, 90, 0, false, ""},
	}
	for _, tt := range tests {
		g, ok := NormalisedGain(tt.pre, tt.post, 100)
		if ok != tt.ok || (ok && math.Abs(g-tt.g) > 1e-12) {
			t.Errorf("NormalisedGain(%v, %v) = %v, %v; want %v, %v", tt.pre, tt.post, g, ok, tt.g, tt.ok)
		}
		if ok && GainCategory(g) != tt.category {
			t.Errorf("GainCategory(%v) = %s, want %s", g, GainCategory(g), tt.category)
		}
	}
}
