package data

import (
	"math/rand/v2"
	"testing"
)

// RateFromTallies must give what Add gives session by session, for any marks and either excused rule.
func TestRateFromTalliesEqualsAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	statuses := append([]AttendanceStatus{""}, AttendanceStatuses...)
	for n := 0; n < 500; n++ {
		excused := n%2 == 0
		sessions := rng.IntN(8)
		var want AttendanceRate
		heldJP := 0
		sums := map[AttendanceStatus]*StatusTally{}
		var order []AttendanceStatus
		for i := 0; i < sessions; i++ {
			jp := rng.IntN(5) // 0-JP sessions too
			st := statuses[rng.IntN(len(statuses))]
			want.Add(jp, st, excused)
			heldJP += jp
			if st == "" {
				continue
			}
			if sums[st] == nil {
				sums[st] = &StatusTally{Status: st}
				order = append(order, st)
			}
			sums[st].Sessions++
			sums[st].JP += jp
		}
		var tallies []StatusTally
		for _, st := range order {
			tallies = append(tallies, *sums[st])
		}
		if got := RateFromTallies(heldJP, sessions, tallies, excused); got != want {
			t.Fatalf("case %d: RateFromTallies = %+v, Add gives %+v", n, got, want)
		}
	}
}
