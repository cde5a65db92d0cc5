package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/pembina/pembina/data"
)

// The T button marks late with the time now, without a dialog; a click on the late row's Keterangan edits the
// time in place; the current row is drawn highlighted while the list has the keyboard.
func TestLateByButtonAndClickOnTheTime(t *testing.T) {
	u, s := newTestUI(t, true)
	st := openSchedule(t, u, s, data.StatusRunning, 1)
	u.now = func() time.Time { return sampleDay.Add(7*time.Hour + 55*time.Minute) }
	v := st.entry
	ml := v.list
	if len(v.roster) < 3 {
		t.Fatalf("roster of %d", len(v.roster))
	}
	var row *markRow
	for _, r := range ml.rows {
		if r.id == 1 && r.Visible() {
			row = r
		}
	}
	if row == nil {
		t.Fatal("row 1 is not shown")
	}
	test.Tap(row.buttons[1]) // T
	u.WaitIdle()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the T button opened a dialog")
	}
	x, e := v.session.ID, v.roster[1].EnrolmentID
	if m := storedMark(t, s, x, e); m == nil || m.Status != data.Late || m.Time != "07:55" {
		t.Fatalf("the T button stored %+v, want T at 07:55", m)
	}
	if row.bg.FillColor != theme.Color(theme.ColorNameSelection) {
		t.Error("the current row is not highlighted while the list has the keyboard")
	}
	test.Tap(row.note)
	if u.win.Canvas().Focused() != row.clock || !row.clock.Visible() || row.clock.Text != "07:55" {
		t.Fatalf("a click on the time focused %T, want the row's time field showing 07:55", u.win.Canvas().Focused())
	}
	test.Type(row.clock, "25:00")
	row.clock.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !row.clock.Visible() || u.win.Canvas().Focused() != row.clock {
		t.Fatal("Enter on an invalid time closed the field")
	}
	row.clock.SetText("7.58")
	row.clock.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	if m := storedMark(t, s, x, e); m.Time != "07:58" || row.clock.Visible() {
		t.Errorf("stored time %q (field shown: %v), want 07:58 and the note back", m.Time, row.clock.Visible())
	}
	// On another day than the session's, T keeps the time empty for the coordinator to type.
	u.now = func() time.Time { return sampleDay.AddDate(0, 0, 1) }
	ml.moveTo(2)
	test.Type(ml, "t")
	u.WaitIdle()
	if m := storedMark(t, s, x, v.roster[2].EnrolmentID); m == nil || m.Status != data.Late || m.Time != "" {
		t.Errorf("T on another day stored %+v, want T without a time", m)
	}
	ml.FocusLost()
	if row.bg.FillColor == theme.Color(theme.ColorNameSelection) {
		t.Error("the highlight stays when the list loses the keyboard")
	}
}
