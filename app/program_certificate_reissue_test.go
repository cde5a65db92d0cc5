package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestReissueFromCertificateTab: a NIP corrected in the participant's record leaves the certificate as printed;
// Terbitkan ulang with a reason takes the new NIP and keeps the number. Without a change it says so.
func TestReissueFromCertificateTab(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p := openCertificateTab(t, u, s, "PTD-I/2026")
	table := findTable(t, u)
	number := colOf(t, table, "Nomor sertifikat")
	rows, _ := table.Length()
	row := -1
	for r := 0; r < rows && row < 0; r++ {
		if c, _ := s.CertificateByNumber(ctx, table.cell(r, number)); c != nil && c.NIP != "" {
			row = r
		}
	}
	if row < 0 {
		t.Fatal("no certificate with a NIP listed")
	}
	table.Select(widget.TableCellID{Row: row, Col: 1})
	u.WaitIdle()
	cert, _ := s.CertificateByNumber(ctx, table.cell(row, number))

	tapDialogButton(t, u, "Terbitkan ulang…")
	test.Type(findEntry(t, u, "Alasan, misalnya: NIP dikoreksi sesuai SK"), "NIP dikoreksi")
	tapDialogButton(t, u, "Terbitkan ulang")
	if !hasLabelContaining(u, "tidak ada yang perlu diterbitkan ulang") {
		t.Error("issuing again without a change is not explained")
	}
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}

	person, _ := s.Participant(ctx, cert.ParticipantID)
	person.NIP = cert.NIP[:17] + string(rune('0'+(cert.NIP[17]-'0'+1)%10)) // the last digit mistyped at first
	if err := s.UpdateParticipant(ctx, person); err != nil {
		t.Fatal(err)
	}
	if still, _ := s.CertificateByNumber(ctx, cert.Number); still.NIP != cert.NIP {
		t.Fatalf("correcting the person changed the certificate's NIP to %s", still.NIP)
	}
	tapDialogButton(t, u, "Terbitkan ulang…")
	test.Type(findEntry(t, u, "Alasan, misalnya: NIP dikoreksi sesuai SK"), "NIP dikoreksi sesuai SK")
	tapDialogButton(t, u, "Terbitkan ulang")
	again, _ := s.CertificateByNumber(ctx, cert.Number)
	if again == nil || again.NIP != person.NIP || again.ID != cert.ID || len(again.Earlier) != 1 {
		t.Fatalf("after Terbitkan ulang: %+v", again)
	}
	if !hasLabelContaining(u, "NIP: "+cert.NIP+" → "+person.NIP) {
		t.Error("the change is not shown")
	}
	changes, _ := s.CertificateChanges(ctx, p.ID)
	if len(changes) != 1 || changes[0].Label() != "NIP" || changes[0].Reason != "NIP dikoreksi sesuai SK" {
		t.Errorf("register history %+v", changes)
	}
}
