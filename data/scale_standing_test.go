package data

import (
	"math"
	"testing"
)

func TestStanding(t *testing.T) {
	tests := []struct {
		sc   Scale
		mean float64
		want Standing
	}{
		{Scale4, 3.60, StandingBest}, {Scale4, 3.20, StandingGood}, {Scale4, 2.80, StandingMiddle}, {Scale4, 2.00, StandingLowest},
		{Scale5, 4.40, StandingBest}, {Scale5, 3.00, StandingMiddle}, {Scale100, 88.30, StandingGood}, {Scale100, 50, StandingLowest},
		{Scale4, math.NaN(), StandingNone},
	}
	for _, tt := range tests {
		if got := tt.sc.Standing(tt.mean); got != tt.want {
			t.Errorf("%s %v: standing %d, want %d", tt.sc, tt.mean, got, tt.want)
		}
	}
}
