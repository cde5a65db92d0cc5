package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// pressKey delivers a key as the window's driver does: to the focused widget, else to the canvas' handler.
func pressKey(w fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

func passwordEntries(o fyne.CanvasObject) []*keyEntry {
	var out []*keyEntry
	for _, x := range test.LaidOutObjects(o) {
		if e, ok := x.(*keyEntry); ok && e.Password {
			out = append(out, e)
		}
	}
	return out
}

// Leaving the kiosk (Keluar, Esc) asks for the PIN the coordinator set in Pengaturan > Mode kios; without one
// it asks for a confirmation that says a PIN can be set. Wrong PINs keep the kiosk open, and too many lock
// the exit for a while.
func TestKioskExitAsksForThePIN(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	k := u.openKiosk(tab, attachment(t, tab, data.FormOrganisation))
	u.WaitIdle()

	// No PIN: Esc asks for a confirmation that names the setting; Esc again leaves the question, not the kiosk.
	pressKey(k.win, fyne.KeyEscape)
	if k.win.Canvas().Overlays().Top() == nil || !labelIn(k.win, "Pengaturan > Mode kios") {
		t.Fatal("Esc without a PIN did not ask for confirmation naming where to set a PIN")
	}
	pressKey(k.win, fyne.KeyEscape)
	if k.win.Canvas().Overlays().Top() != nil || k.closed {
		t.Fatal("Esc on the confirmation did not just close it")
	}

	// The coordinator sets a PIN in Pengaturan: too short is refused, then 2468 twice is stored, hashed.
	view := u.kioskTab()
	w := test.NewTempWindow(t, view)
	w.Resize(fyne.NewSize(900, 600))
	pins := passwordEntries(view)
	if len(pins) != 2 {
		t.Fatalf("Mode kios has %d PIN fields, want 2", len(pins))
	}
	test.Type(pins[0], "12")
	test.Type(pins[1], "12")
	test.Tap(buttonIn(t, w, "Simpan PIN"))
	if v, _ := s.Setting(ctx, kioskPINSetting, ""); v != "" || !labelIn(u.win, "4 sampai 12 angka") {
		t.Fatalf("a 2-digit PIN was stored (%q) or not refused with a message", v)
	}
	u.win.Canvas().Overlays().Top().Hide()
	pins[0].SetText("")
	pins[1].SetText("")
	test.Type(pins[0], "2468")
	test.Type(pins[1], "2468")
	test.Tap(buttonIn(t, w, "Simpan PIN"))
	stored, _ := s.Setting(ctx, kioskPINSetting, "")
	if stored == "" || strings.Contains(stored, "2468") || stored != kioskPINHash("2468") {
		t.Fatalf("the PIN is stored as %q", stored)
	}
	if !labelIn(w, "PIN kios sudah diatur") {
		t.Error("Pengaturan does not say that a PIN is set")
	}

	// Keluar now asks for the PIN, with the field focused; a wrong one keeps the kiosk open.
	test.Tap(buttonIn(t, k.win, "Keluar"))
	pin, ok := k.win.Canvas().Focused().(*keyEntry)
	if !ok || !pin.Password {
		t.Fatalf("the PIN field does not have the focus (%T)", k.win.Canvas().Focused())
	}
	test.Type(pin, "1111")
	pressKey(k.win, fyne.KeyReturn)
	if k.closed || !labelIn(k.win, "PIN salah.") {
		t.Fatal("a wrong PIN did not keep the kiosk open with a message")
	}
	// Esc in the PIN field closes the question only.
	pressKey(k.win, fyne.KeyEscape)
	if k.win.Canvas().Overlays().Top() != nil || k.closed {
		t.Fatal("Esc in the PIN field did not close the question (only)")
	}
	// Three wrong PINs lock the exit: even the right one is refused until the time is over.
	for i := 0; i < kioskMaxTries; i++ {
		k.askExit()
		test.Type(k.win.Canvas().Focused(), "0000")
		pressKey(k.win, fyne.KeyReturn)
		k.win.Canvas().Overlays().Top().Hide()
	}
	k.askExit()
	test.Type(k.win.Canvas().Focused(), "2468")
	pressKey(k.win, fyne.KeyReturn)
	if k.closed || !labelIn(k.win, "Terlalu banyak PIN salah") {
		t.Fatal("after three wrong PINs the exit is not locked")
	}
	k.win.Canvas().Overlays().Top().Hide()
	k.exitLocked = time.Now().Add(-time.Second) // the 30 seconds are over
	k.askExit()
	test.Type(k.win.Canvas().Focused(), "2468")
	var leave *widget.Button // the dialog's Keluar, not the one on the kiosk's top bar
	for _, o := range test.LaidOutObjects(k.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Keluar" {
			leave = b
		}
	}
	test.Tap(leave)
	u.WaitIdle()
	if !k.closed {
		t.Fatal("the right PIN did not close the kiosk")
	}
}

// After sending, the thank-you screen returns to the names by itself.
func TestKioskThanksReturnsToTheNames(t *testing.T) {
	u, s := newTestUI(t, true)
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	org := attachment(t, tab, data.FormOrganisation)
	k := u.openKiosk(tab, org)
	// Long enough that sending (which WaitIdle waits for) cannot outlast it on a busy machine.
	k.thanksDelay = 500 * time.Millisecond
	u.WaitIdle()
	rate, _ := s.ResponseRate(context.Background(), org.ID)
	who := rate.Missing()[0]
	k.begin(&who)
	answerTiles(k, "4\n")
	test.Tap(buttonIn(t, k.win, "Kirim jawaban"))
	u.WaitIdle()
	if !labelIn(k.win, "Terima kasih, "+who.Name) {
		t.Fatal("no thank-you screen")
	}
	time.Sleep(time.Second)
	u.WaitIdle()
	if !labelIn(k.win, "Ketuk nama Anda") || labelIn(k.win, "Terima kasih") {
		t.Fatal("the thank-you screen did not return to the names")
	}
	// A timer of an old thank-you screen leaves a newer screen alone.
	k.thanksDelay = 20 * time.Millisecond
	k.begin(&rate.Missing()[1])
	k.thanks()
	k.begin(&rate.Missing()[1])
	time.Sleep(100 * time.Millisecond)
	u.WaitIdle()
	if labelIn(k.win, "Ketuk nama Anda") {
		t.Fatal("the thank-you timer left the form of the next respondent")
	}
}

// Escape dismisses any dialog of the window and Enter presses its default button, also from a text field
// that is a keyEntry.
func TestDialogKeys(t *testing.T) {
	u, _ := newTestUI(t, false)
	var got []bool
	dialog.ShowConfirm("Hapus?", "Yakin?", func(ok bool) { got = append(got, ok) }, u.win)
	pressKey(u.win, fyne.KeyEscape)
	dialog.ShowConfirm("Hapus?", "Yakin?", func(ok bool) { got = append(got, ok) }, u.win)
	pressKey(u.win, fyne.KeyReturn)
	if len(got) != 2 || got[0] || !got[1] {
		t.Fatalf("Escape then Enter on confirmations answered %v, want [false true]", got)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is still open")
	}
	dialog.ShowInformation("Info", "Selesai.", u.win)
	pressKey(u.win, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter did not close an information dialog")
	}
	e := newKeyEntry()
	submitted := 0
	d := dialog.NewForm("Catatan", "Simpan", "Batal", []*widget.FormItem{widget.NewFormItem("Catatan", e)}, func(ok bool) {
		if ok {
			submitted++
		}
	}, u.win)
	d.Show()
	u.win.Canvas().Focus(e)
	test.Type(e, "x")
	pressKey(u.win, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil || submitted != 0 {
		t.Fatal("Escape in a dialog's text field did not cancel the dialog")
	}
	// A pop-up that is not a dialog closes on Escape too.
	widget.ShowPopUp(widget.NewLabel("kalender"), u.win.Canvas())
	pressKey(u.win, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close a pop-up")
	}
}

// The kiosk answers by keyboard too: Tab reaches the tiles in order, Space chooses, Escape still asks to leave.
func TestKioskTilesByKeyboard(t *testing.T) {
	u, s := newTestUI(t, true)
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	org := attachment(t, tab, data.FormOrganisation)
	k := u.openKiosk(tab, org)
	u.WaitIdle()
	rate, _ := s.ResponseRate(context.Background(), org.ID)
	c := k.win.Canvas()
	// The name: typed into the search, which has the focus; Enter starts the one name left.
	who := rate.Missing()[0]
	if c.Focused() != k.search {
		t.Fatalf("the start screen's focus is on %T, want the search", c.Focused())
	}
	test.Type(k.search, who.Name)
	pressKey(k.win, fyne.KeyReturn)
	u.WaitIdle()
	if k.who == nil || k.who.ParticipantID != who.ParticipantID {
		t.Fatalf("Enter on the search for %q started %+v", who.Name, k.who)
	}
	c.FocusNext() // the first tile (the form comes before the top bar in the focus order)
	tile, ok := c.Focused().(*choiceTile)
	if !ok || tile.Text != "1\nTidak Penting" {
		t.Fatalf("Tab reached %T, want the first answer tile", c.Focused())
	}
	if tile.bg.StrokeColor != theme.Color(theme.ColorNameFocus) {
		t.Error("the focused tile is not framed in the focus colour")
	}
	for i := 0; i < 3; i++ {
		c.FocusNext()
	}
	test.Type(c.Focused(), " ")
	if !c.Focused().(*choiceTile).Selected() || c.Focused().(*choiceTile).Text != "4\nSangat Penting" {
		t.Fatal("Space did not choose the fourth tile")
	}
	pressKey(k.win, fyne.KeyEscape)
	if c.Overlays().Top() == nil {
		t.Fatal("Escape on a tile did not ask to leave")
	}
}

// KioskForm, for `pembina kiosk`: the attached form asked for, else the only one open today; several open
// today or one not attached is an error that lists the attached forms.
func TestKioskFormChoice(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p, err := s.ProgramByCode(ctx, "KPP-I/2026")
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.ProgramForms(ctx, p.ID)
	open := 0
	for _, r := range rows {
		if r.IsOpen(sampleDay) {
			open++
		}
	}
	if open < 2 {
		t.Fatalf("the sample program has %d forms open on its day; the case needs several", open)
	}
	if _, err := KioskForm(ctx, s, p, 0, sampleDay); err == nil || !strings.Contains(data.ErrorMessage(err), "sebutkan --form ID") {
		t.Errorf("several open forms without --form: %v", err)
	}
	r, err := KioskForm(ctx, s, p, rows[1].FormID, sampleDay)
	if err != nil || r.ID != rows[1].ID {
		t.Errorf("--form %d chose %+v, %v", rows[1].FormID, r.ProgramForm, err)
	}
	if _, err := KioskForm(ctx, s, p, 99999, sampleDay); err == nil || !strings.Contains(data.ErrorMessage(err), rows[0].FormTitle) {
		t.Errorf("a form not attached: %v", err)
	}
	// Outside every form's dates, one must be named.
	if _, err := KioskForm(ctx, s, p, 0, sampleDay.AddDate(2, 0, 0)); err == nil || !strings.Contains(data.ErrorMessage(err), "tidak ada formulir") {
		t.Errorf("no form open: %v", err)
	}
	_ = u
}
