package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A signatory signing "a.n." without the office signed for is refused with the field named; with the office
// it is stored and the preview prints "a.n. <OFFICE>," above the position. A NIP typed with a tab is accepted.
func TestSignatoryOnBehalfNeedsTheOffice(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabSignatories)
	u.runCommand(cmdNew)
	var position, office *keyEntry
	for _, o := range topDialog(t, u) {
		switch x := o.(type) {
		case *keyEntry:
			switch {
			case x.PlaceHolder == "contoh: Asep Saepudin":
				x.SetText("Nani Sumarni")
			case x.PlaceHolder == "contoh: 19720315 199803 1 004":
				x.SetText("19800412\t200501 2 007")
			case x.PlaceHolder == "contoh: Kepala Dinas Pendidikan" && position == nil:
				position = x
			case x.PlaceHolder == "contoh: Kepala Dinas Pendidikan":
				office = x
			}
		case *widget.Select:
			if len(x.Options) == 4 && strings.HasPrefix(x.Options[3], "a.n.") {
				x.SetSelectedIndex(3)
			}
		}
	}
	if position == nil || office == nil || office.Disabled() {
		t.Fatalf("the form has no position and enabled office entries (a.n. chosen): %v, %v", position, office)
	}
	position.SetText("Sekretaris Dinas")
	test.Tap(dialogButton(t, u, "Simpan"))
	u.WaitIdle()
	if msg := dialogText(t, u); !strings.Contains(msg, "Atas nama: wajib diisi") {
		t.Fatalf("a.n. without the office says %q", msg)
	}
	if msg := dialogText(t, u); strings.Contains(msg, "a.n. SEKRETARIS DINAS,") {
		t.Errorf("the preview signs on behalf of the signer's own position: %q", msg)
	}
	office.SetText("Kepala Dinas Pendidikan")
	if msg := dialogText(t, u); !strings.Contains(msg, "a.n. KEPALA DINAS PENDIDIKAN,") {
		t.Errorf("the preview lacks the office: %q", msg)
	}
	test.Tap(dialogButton(t, u, "Simpan"))
	u.WaitIdle()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", dialogText(t, u))
	}
	list, _ := s.Signatories(ctx)
	stored := false
	for _, g := range list {
		stored = stored || g.Name == "Nani Sumarni" && g.Delegation == "a.n." && g.OnBehalfOf == "Kepala Dinas Pendidikan" &&
			g.NIP == "198004122005012007"
	}
	if !stored {
		t.Errorf("the signatory was not stored as typed: %+v", list)
	}
}
