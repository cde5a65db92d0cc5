package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Verifikasi Sertifikat is on the Berkas menu with Ctrl+Shift+V, so it works from any page.
func TestVerifyCertificateFromAnyPage(t *testing.T) {
	u, _ := newTestUI(t, true)
	for _, page := range []string{"dashboard", "participants", "settings"} {
		u.Navigate(page)
		it := menuItem(t, u, "Berkas", "Verifikasi Sertifikat…")
		s, ok := it.Shortcut.(*desktop.CustomShortcut)
		if !ok || s.KeyName != fyne.KeyV || s.Modifier != fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift {
			t.Fatalf("shortcut %v", it.Shortcut)
		}
		it.Action()
		if !hasLabel(u, "Verifikasi Sertifikat") {
			t.Errorf("on %s the menu does not open the verification", page)
		}
		u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	}
}

// Bantuan > Panduan walks through the coordinator's year, and every line of it has its English.
func TestGuideInBothLanguages(t *testing.T) {
	u, _ := newTestUI(t, false)
	menuItem(t, u, "Bantuan", "Panduan").Action()
	for _, title := range []string{"1. Pengaturan", "2. Program", "3. Peserta", "4. Jadwal dan presensi", "5. Evaluasi",
		"6. Sertifikat", "7. Laporan", "8. Cadangan"} {
		if !hasLabel(u, title) {
			t.Errorf("the guide lacks %q", title)
		}
	}
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range coordinatorGuide {
		for _, s := range append([]string{sec.title}, sec.lines...) {
			if en[s] == "" || en[s] == s {
				t.Errorf("no English for %q", s)
			}
		}
	}
}
