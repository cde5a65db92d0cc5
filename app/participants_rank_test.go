package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The participant form refuses a PPPK golongan for a PNS, under the rank field, and saves once a PNS rank
// is chosen.
func TestParticipantFormRankFitsStatus(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("participants")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Peserta baru"))
	u.WaitIdle()
	test.Type(entries(u, nipPlaceholder)[0], "198609262015051001")
	test.Type(entries(u, "nama tanpa gelar")[0], "Rizki Pratama")
	ranks := selectWith(t, u, "Golongan IV (PPPK)")
	ranks.SetSelected("Golongan IV (PPPK)")
	u.WaitIdle()
	const want = "golongan IV tanpa ruang hanya dipakai PPPK, sedangkan statusnya PNS"
	if !labelContaining(u, want) {
		t.Errorf("a PPPK golongan on a PNS does not say %q", want)
	}
	if !findButton(t, u, "Simpan").Disabled() {
		t.Error("Simpan is enabled with a PPPK golongan on a PNS")
	}
	ranks.SetSelected("Pembina (IV/a)")
	u.WaitIdle()
	if labelContaining(u, want) {
		t.Error("the problem stays after choosing a PNS rank")
	}
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	p, err := s.ParticipantByNIP(context.Background(), "198609262015051001")
	if err != nil || p.RankCode != "IV/a" {
		t.Fatalf("stored %+v, %v", p, err)
	}
}
