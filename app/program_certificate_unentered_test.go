package app

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// A session of today without attendance holds new numbers back in the Sertifikat tab: the tab's summary names
// it "belum diisi", the issue dialog says why and asks for a reason, issuing without one is refused with the
// session named and no number used, and with the coordinator's reason the certificates are issued and the
// reason stays in the register's history.
func TestCertificateTabUnenteredSession(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p, err := s.ProgramByCode(ctx, "PTD-II/2026")
	if err != nil {
		t.Fatal(err)
	}
	if certs, _ := s.Certificates(ctx, p.ID); len(certs) != 0 {
		t.Fatalf("PTD-II already has %d certificates", len(certs))
	}
	x := &data.Session{ProgramID: p.ID, Date: sampleDay, Start: "13:00", End: "15:00", TimeZone: "WIB",
		Topic: "Penutupan dan Rencana Tindak Lanjut", JP: 2}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	openCertificateTab(t, u, s, p.Code)
	sessionLabel := "sesi " + strconv.Itoa(x.Number)
	if !hasLabelContaining(u, "presensi belum diisi: "+sessionLabel) {
		t.Errorf("the tab's summary does not name %s as belum diisi", sessionLabel)
	}

	// Without a reason: refused, the session named, no number given.
	fakeSave(u, filepath.Join(t.TempDir(), "tanpa-alasan.pdf"))
	tapDialogButton(t, u, "Terbitkan & cetak semua…")
	if !labelContaining(u, "Presensi belum diisi untuk "+sessionLabel+" (") || !labelContaining(u, "Penutupan dan Rencana Tindak Lanjut") {
		t.Fatal("the issue dialog does not say which session has no attendance")
	}
	tapDialogButton(t, u, "Lanjut")
	if !hasLabelContaining(u, "belum diisi untuk "+sessionLabel+" (") || !hasLabelContaining(u, "isi presensinya dulu, atau tuliskan alasan") {
		t.Error("issuing without a reason is not refused with the session named and what to do, in the window's words")
	}
	if certs, _ := s.Certificates(ctx, p.ID); len(certs) != 0 {
		t.Fatalf("%d numbers given although refused", len(certs))
	}
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}

	// With the coordinator's reason: issued, and the reason recorded with every number.
	out := filepath.Join(t.TempDir(), "sertifikat.pdf")
	fakeSave(u, out)
	tapDialogButton(t, u, "Terbitkan & cetak semua…")
	findEntry(t, u, "Alasan menerbitkan walau presensi belum diisi").SetText("Penutupan tanpa daftar hadir; disetujui Kepala Bidang")
	tapDialogButton(t, u, "Lanjut")
	if fi, err := os.Stat(out); err != nil || fi.Size() < 10000 {
		t.Fatalf("no PDF written: %v", err)
	}
	certs, _ := s.Certificates(ctx, p.ID)
	if len(certs) == 0 {
		t.Fatal("no certificate issued with the coordinator's reason")
	}
	changes, err := s.CertificateChanges(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	noted := map[string]bool{}
	for _, ch := range changes {
		if ch.Field == store.IssuedUnmarked && strings.Contains(ch.Reason, "disetujui Kepala Bidang") {
			noted[ch.Number] = true
		}
	}
	for _, c := range certs {
		if !noted[c.Number] {
			t.Errorf("certificate %s has no record of the reason it was issued with attendance unentered", c.Number)
		}
	}
}
