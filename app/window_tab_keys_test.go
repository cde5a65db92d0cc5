package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestProgramByKeyboard: on Program, the code typed in the search and Enter open that program; Ctrl+PageDown
// and Ctrl+PageUp (Halaman > Tab berikutnya, sebelumnya) walk its tabs round, and with Shift the tabs inside
// Jadwal & Presensi.
func TestProgramByKeyboard(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.Navigate("programs")
	u.WaitIdle()
	search := findEntry(t, u, "Cari kode, nama program, jenis, penyelenggara atau tempat…")
	u.win.Canvas().Focus(search)
	test.Type(search, "PTD-I/2026")
	pressKey(u.win, fyne.KeyReturn)
	u.WaitIdle()
	tabs := findTabs(t, u, "Ringkasan")
	if !hasLabelContaining(u, "PTD-I/2026 · ") {
		t.Fatal("Enter in the search did not open PTD-I/2026")
	}
	if u.win.Canvas().Focused() != nil {
		t.Errorf("the hidden search keeps the focus (%T)", u.win.Canvas().Focused())
	}
	menu := func(label string, mod fyne.KeyModifier, key fyne.KeyName) {
		t.Helper()
		it := menuItem(t, u, "Halaman", label)
		sc, _ := it.Shortcut.(*desktop.CustomShortcut)
		if sc == nil || sc.KeyName != key || sc.Modifier != mod {
			t.Fatalf("%s: shortcut %v", label, it.Shortcut)
		}
		it.Action()
		u.WaitIdle()
	}
	ctrl := fyne.KeyModifierShortcutDefault
	menu("Tab berikutnya", ctrl, fyne.KeyPageDown)
	if e, ok := u.win.Canvas().Focused().(*keyEntry); !ok || e.PlaceHolder != "Ketik NIP lalu Enter untuk mendaftarkan" {
		t.Errorf("Peserta shown by keyboard focuses %T, want the NIP box", u.win.Canvas().Focused())
	}
	menu("Tab berikutnya", ctrl, fyne.KeyPageDown)
	if u.win.Canvas().Focused() != nil {
		t.Errorf("Jadwal & Presensi shown by keyboard leaves the focus on %T", u.win.Canvas().Focused())
	}
	if got := tabs.Selected().Text; got != "Jadwal & Presensi" {
		t.Fatalf("two Ctrl+PageDown from Ringkasan show %q", got)
	}
	inner := findTabs(t, u, "Jadwal")
	menu("Subtab berikutnya", ctrl|fyne.KeyModifierShift, fyne.KeyPageDown)
	if got := inner.Selected().Text; got != "Presensi" || tabs.Selected().Text != "Jadwal & Presensi" {
		t.Fatalf("Ctrl+Shift+PageDown shows %q in %q, want Presensi in Jadwal & Presensi", got, tabs.Selected().Text)
	}
	menu("Subtab sebelumnya", ctrl|fyne.KeyModifierShift, fyne.KeyPageUp)
	menu("Subtab sebelumnya", ctrl|fyne.KeyModifierShift, fyne.KeyPageUp)
	if got := inner.Selected().Text; got != "Rekap" {
		t.Fatalf("Ctrl+Shift+PageUp twice from Presensi shows %q, want Rekap (round)", got)
	}
	for i := 0; i < 3; i++ {
		menu("Tab sebelumnya", ctrl, fyne.KeyPageUp)
	}
	if got := tabs.Selected().Text; got != "Laporan" {
		t.Fatalf("three Ctrl+PageUp from Jadwal & Presensi show %q, want Laporan (round)", got)
	}
	// Evaluasi shown by keyboard puts it on Mode kios of the chosen form, which Space then presses.
	menu("Tab sebelumnya", ctrl, fyne.KeyPageUp)
	menu("Tab sebelumnya", ctrl, fyne.KeyPageUp)
	if got := tabs.Selected().Text; got != "Evaluasi" {
		t.Fatalf("two Ctrl+PageUp from Laporan show %q", got)
	}
	if b, ok := u.win.Canvas().Focused().(*widget.Button); !ok || b.Text != "Mode kios" {
		t.Fatalf("Evaluasi shown by keyboard focuses %v, want Mode kios", u.win.Canvas().Focused())
	}
}
