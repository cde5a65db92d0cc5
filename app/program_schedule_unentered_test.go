package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// A session of today that nobody has been marked for reads "belum diisi" in the schedule, in yellow, and a
// session still to come "akan datang", neither as 0 of the roster; the recap shows its cells as "–" in yellow and says that the
// session is not counted yet.
func TestScheduleAndRecapShowUnenteredSession(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p, err := s.ProgramByCode(ctx, "PTD-II/2026")
	if err != nil {
		t.Fatal(err)
	}
	today := &data.Session{ProgramID: p.ID, Date: sampleDay, Start: "13:00", End: "15:00", TimeZone: "WIB", Topic: "Penutupan", JP: 2}
	later := &data.Session{ProgramID: p.ID, Date: sampleDay.AddDate(0, 0, 1), Start: "08:00", End: "10:00", TimeZone: "WIB", Topic: "Kunjungan", JP: 2}
	for _, x := range []*data.Session{today, later} {
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	st := showSchedule(t, u, p, 0)
	row := func(x *data.Session) int {
		for i, y := range st.sessions {
			if y.ID == x.ID {
				return i
			}
		}
		t.Fatalf("session %d is not listed", x.Number)
		return -1
	}
	v := st.plan
	if got := v.cell(row(today), 6); got != "belum diisi" || v.table.style(row(today), 6) != widget.WarningImportance {
		t.Errorf("today's session without attendance: %q, importance %v", got, v.table.style(row(today), 6))
	}
	if got := v.cell(row(later), 6); got != "akan datang" || v.table.style(row(later), 6) == widget.WarningImportance {
		t.Errorf("tomorrow's session: %q, importance %v", got, v.table.style(row(later), 6))
	}
	if got := v.cell(0, 6); got == "belum diisi" || strings.HasPrefix(got, "0/") {
		t.Errorf("the first session, which has attendance: %q", got)
	}

	st.tabs.SelectIndex(2)
	u.WaitIdle()
	r := st.recap
	col := recapFirstSession + row(today)
	if got := r.cell(0, col); got != "–" || r.style(0, col) != widget.WarningImportance {
		t.Errorf("the recap's cell of today's session: %q, importance %v", got, r.style(0, col))
	}
	if got := r.cell(0, recapFirstSession+row(later)); got != "" {
		t.Errorf("the recap's cell of tomorrow's session: %q, want empty", got)
	}
	if !strings.Contains(r.summary.Text, "Presensi sesi "+strings.TrimPrefix(sessionNumbers([]*data.Session{today}), "sesi ")+" belum diisi") {
		t.Errorf("the recap's summary: %q", r.summary.Text)
	}
}
