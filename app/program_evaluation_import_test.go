package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestImportWindowSaysWhichFormAndWhy: a file that matches one column of the attached forms is not routed to
// them; the window says a new form will be made and why, and "Buat formulir baru" is one click away from an
// attached form chosen by hand.
func TestImportWindowSaysWhichFormAndWhy(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	before, _ := s.Forms(ctx)
	path := filepath.Join(t.TempDir(), "Survei Asrama.csv")
	os.WriteFile(path, []byte("Timestamp,Nama Lengkap,Penguasaan materi,Kebersihan kamar asrama,Kenyamanan tempat tidur,Kualitas makanan\r\n"+
		"2026/11/28 10:00:00,Tamu Undangan,4,Sangat Baik,Baik,Cukup\r\n"), 0o644)
	u.dialogs.openIn = func(_ string, _ []string, _ string, done func(string)) { done(path) }

	test.Tap(findButton(t, u, "Impor jawaban…"))
	u.WaitIdle()
	if !hasLabelPart(u, "Tidak ada formulir terlampir yang cocok (yang paling dekat hanya 1 dari 4 kolom pertanyaan, 25%)") {
		t.Fatal("the window does not say why no attached form was chosen")
	}
	// Choosing an attached form by hand shows its share; one click on Buat formulir baru goes back.
	sel := selectWithOption(t, u, "Formulir baru dari kolom berkas")
	sel.SetSelectedIndex(0)
	u.WaitIdle()
	if !hasLabelPart(u, "Pilihan Anda: ") {
		t.Error("choosing an attached form does not show its share")
	}
	test.Tap(findButton(t, u, "Buat formulir baru"))
	u.WaitIdle()
	if sel.Selected != "Formulir baru dari kolom berkas" || !hasLabelPart(u, "formulir baru dibuat dari kolom berkas") {
		t.Fatalf("Buat formulir baru selected %q", sel.Selected)
	}
	test.Tap(findButton(t, u, "Impor"))
	u.WaitIdle()
	after, _ := s.Forms(ctx)
	if len(after) != len(before)+1 {
		t.Errorf("%d forms after the import, want %d", len(after), len(before)+1)
	}
	_ = tab
}

// selectWithOption finds the select on screen that offers option.
func selectWithOption(t *testing.T, u *UI, option string) *widget.Select {
	t.Helper()
	for _, o := range objects(u) {
		if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, option) {
			return s
		}
	}
	t.Fatalf("no select offers %q", option)
	return nil
}
