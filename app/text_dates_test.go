package app

import (
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/indo"
)

func TestDatesFollowTheLanguage(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	if err := applyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	defer applyLanguage("id")
	tests := []struct{ got, want string }{
		{uiDate(d(2026, 12, 6)), "6 December 2026"},
		{uiDateWithDay(d(2026, 11, 28)), "Saturday, 28 November 2026"},
		{uiDateRange(d(2026, 3, 12), d(2026, 3, 14)), "12–14 March 2026"},
		{uiDateRange(d(2026, 11, 28), d(2026, 12, 2)), "28 November – 2 December 2026"},
		{uiDateRange(d(2026, 12, 30), d(2027, 1, 2)), "30 December 2026 – 2 January 2027"},
		{uiDateRange(d(2026, 5, 1), d(2026, 5, 1)), "1 May 2026"},
		{uiMonth(time.August), "August"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	applyLanguage("id")
	if got := uiDateRange(d(2026, 3, 12), d(2026, 3, 14)); got != indo.DateRange(d(2026, 3, 12), d(2026, 3, 14)) {
		t.Errorf("Indonesian range %q", got)
	}
}

// In the English window the program list's dates are English: no Indonesian month, no "s.d.".
func TestEnglishProgramDates(t *testing.T) {
	u, _ := newTestUI(t, true)
	if err := u.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	u.Navigate("programs")
	u.WaitIdle()
	tb := findTable(t, u)
	col := colOf(t, tb, "Tanggal")
	rows, _ := tb.Length()
	if rows == 0 {
		t.Fatal("no programs listed")
	}
	for r := 0; r < rows; r++ {
		cell := tb.cell(r, col)
		for _, id := range append(indo.Months[:], " s.d. ") {
			if id != "November" && id != "September" && id != "April" && strings.Contains(cell, id) {
				t.Errorf("row %d shows %q in the English window", r, cell)
			}
		}
	}
}
