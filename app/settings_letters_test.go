package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestLettersTabEditsInvitationBody: the Surat tab edits the surat undangan's body beside the follow-up's and
// the summons'; a misspelt placeholder is refused with the field named, and a corrected body is stored.
func TestLettersTabEditsInvitationBody(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabLetters)
	var bodies []*keyEntry
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && e.MultiLine {
			bodies = append(bodies, e)
		}
	}
	if len(bodies) != 3 {
		t.Fatalf("%d letter bodies on the Surat tab, want 3 (nota dinas, panggilan, undangan)", len(bodies))
	}
	invitation := bodies[2]
	if !strings.Contains(invitation.Text, "{program}") {
		t.Fatalf("the invitation body starts as %q, want the built-in one", invitation.Text)
	}

	invitation.SetText("Mohon hadir pada {acara}.")
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	if msg := dialogText(t, u); !strings.Contains(msg, "Isi surat undangan") || !strings.Contains(msg, "{acara}") {
		t.Fatalf("a misspelt placeholder says %q; want the field and the placeholder named", msg)
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	invitation.SetText("Mohon kehadiran Saudara pada {program} di {tempat}.")
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	got, err := s.LetterTexts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Invitation != "Mohon kehadiran Saudara pada {program} di {tempat}." {
		t.Errorf("stored invitation body %q", got.Invitation)
	}
}
