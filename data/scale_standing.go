package data

import "math"

// Standing is where a mean stands on its scale's legend, so that charts colour it alike everywhere: in the
// best category, the one below it, the lowest, or one in between.
type Standing int

// The standings.
const (
	StandingNone   Standing = iota // no mean
	StandingLowest                 // the lowest category
	StandingMiddle                 // between the lowest and the two best
	StandingGood                   // the category below the best
	StandingBest                   // the best category
)

// Standing tells where mean stands on the scale's legend (Category).
func (s Scale) Standing(mean float64) Standing {
	if math.IsNaN(mean) {
		return StandingNone
	}
	legend := s.Legend()
	cat := s.Category(mean)
	for i, b := range legend {
		if b.Label != cat {
			continue
		}
		switch {
		case i == len(legend)-1:
			return StandingBest
		case i == len(legend)-2:
			return StandingGood
		case i == 0:
			return StandingLowest
		}
		return StandingMiddle
	}
	return StandingNone
}
