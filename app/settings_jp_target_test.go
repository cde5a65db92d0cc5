package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// entryAfterLabel is the first entry after the label with text: the value beside it in a form grid.
func entryAfterLabel(t *testing.T, u *UI, text string) *keyEntry {
	t.Helper()
	seen := false
	for _, o := range objects(u) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			seen = true
		}
		if e, ok := o.(*keyEntry); ok && seen {
			return e
		}
	}
	t.Fatalf("no entry after %q", text)
	return nil
}

// Pengaturan > Nilai bawaan edits the JP target of each employment status; a wrong one is refused naming it.
func TestSettingsJPTargets(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	openSettings(t, u, settingsTabDefaults)
	pppk := entryAfterLabel(t, u, "PPPK")
	if pppk.Text != "20" {
		t.Errorf("PPPK target shown %q", pppk.Text)
	}
	pppk.SetText("dua belas")
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	if got, _ := s.JPTargets(ctx); got.For("PPPK") != 20 || !labelContaining(u, "Target JP PPPK") {
		t.Errorf("a target of \"dua belas\" was stored (%d) or not explained", got.For("PPPK"))
	}
	pppk.SetText("12")
	entryAfterLabel(t, u, "Non-ASN").SetText("8")
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	if got, _ := s.JPTargets(ctx); got.For("PPPK") != 12 || got.For("Non-ASN") != 8 || got.For("PNS") != 20 {
		t.Errorf("stored %v", got)
	}
}

// The participant form marks someone retired, and keeps it.
func TestParticipantFormService(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	rows, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 1)
	u.Navigate("participants")
	u.openParticipant(rows[0].ID)
	u.WaitIdle()
	sel := selectWithOption(t, u, "Pensiun")
	if sel.Selected != "Aktif" {
		t.Errorf("a sample participant shows %q", sel.Selected)
	}
	sel.SetSelected("Pensiun")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	if p, _ := s.Participant(ctx, rows[0].ID); p.Service != data.ServiceRetired {
		t.Errorf("stored service %q", p.Service)
	}
}
