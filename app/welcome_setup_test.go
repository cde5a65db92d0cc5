package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFirstRunSetup(t *testing.T) {
	u, s := newTestUI(t, false)
	ctx := context.Background()
	test.Tap(findButton(t, u, "Mulai dengan data kosong"))
	u.WaitIdle()
	if !hasLabel(u, "Pengaturan awal") {
		t.Fatal("a clean start does not open the setup")
	}
	// every placeholder says it is an example
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && e.PlaceHolder != "" && !strings.HasPrefix(e.PlaceHolder, "contoh: ") {
			t.Errorf("placeholder %q looks filled in", e.PlaceHolder)
		}
	}
	next := func() {
		t.Helper()
		test.Tap(findButton(t, u, "Simpan & lanjut"))
		u.WaitIdle()
	}
	findEntry(t, u, "contoh: PEMERINTAH KABUPATEN SUKAMAJU").SetText("PEMERINTAH KOTA BATURAJA")
	findEntry(t, u, "contoh: DINAS PENDIDIKAN").SetText("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM")
	findEntry(t, u, "contoh: Sukamaju").SetText("Baturaja")
	next()

	// the signatory: a missing position is said in a sentence and keeps the step
	findEntry(t, u, "contoh: Hendra Gunawan").SetText("Siti Aminah")
	next()
	if !hasLabel(u, "Penandatangan bawaan") || !hasLabelContaining(u, "Jabatan") {
		t.Fatal("a signatory without a position passes")
	}
	findEntry(t, u, "contoh: Kepala Dinas Pendidikan").SetText("Kepala BKPSDM")
	next()

	findEntry(t, u, "contoh: 800/{seq:03}/DISDIK/{month_roman}/{year}").SetText("B.{seq}/BKPSDM/{year}")
	next()
	findEntry(t, u, "contoh: 20").SetText("24")
	next()

	in, _ := s.Institution(ctx)
	if in.ParentName != "PEMERINTAH KOTA BATURAJA" || in.Name != "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM" || in.City != "Baturaja" ||
		in.NumberPattern != "B.{seq}/BKPSDM/{year}" {
		t.Errorf("institution after setup: %+v", in)
	}
	g, err := s.Signatory(ctx, in.DefaultSignatoryID)
	if err != nil || g.Name != "Siti Aminah" || g.Position != "Kepala BKPSDM" {
		t.Errorf("default signatory after setup: %+v, %v", g, err)
	}
	if targets, _ := s.JPTargets(ctx); targets.For("PNS") != 24 || targets.For("PPPK") != 24 {
		t.Errorf("JP targets after setup: %v", targets)
	}

	test.Tap(findButton(t, u, "Buat program pertama"))
	u.WaitIdle()
	if u.CurrentPage() != "programs" || len(entries(u, "contoh: Pelatihan Pelayanan Publik")) == 0 && !hasLabelContaining(u, "Program baru") {
		t.Errorf("Buat program pertama shows page %s without the program form", u.CurrentPage())
	}

	// reopened from Pengaturan, it shows what is stored, and can be left at once
	u.Navigate("settings")
	test.Tap(findButton(t, u, "Pengaturan awal…"))
	u.WaitIdle()
	if e := findEntry(t, u, "contoh: DINAS PENDIDIKAN"); e.Text != "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM" {
		t.Errorf("reopened setup shows %q", e.Text)
	}
	test.Tap(findButton(t, u, "Lewati pengaturan awal"))
	u.WaitIdle()
	if u.CurrentPage() != "dashboard" {
		t.Errorf("skipping leads to %s", u.CurrentPage())
	}
}
