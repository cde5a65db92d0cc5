package data

import (
	"math"

	"github.com/pembina/pembina/data/indo"
)

// scoreHundredths is a final score in whole hundredths, rounded half up on the decimal the coordinator
// typed: 90,005 is 9001. The small allowance absorbs the binary representation (90,005 is stored as
// 90,00499999…), which would otherwise print as 90 while the score is compared as 90,01.
func scoreHundredths(score float64) int64 {
	if score < 0 {
		return -scoreHundredths(-score)
	}
	return int64(math.Floor(score*100 + 0.5 + 1e-7))
}

// RoundScore is a final score as certificates and lists print it, rounded to two decimals. The predicate
// (Predicate) and the pass-score check are decided on this rounded score, so that what is printed and what
// it earned never differ.
func RoundScore(score float64) float64 { return float64(scoreHundredths(score)) / 100 }

// FormatScoreValue writes a final score as it is printed: RoundScore with at most two decimals, "90,01",
// "85,5", "90".
func FormatScoreValue(score float64) string { return indo.Number(RoundScore(score), 2) }
