package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// An ended program left "Berjalan" is listed under Perlu ditindaklanjuti with a button that sets it Selesai;
// a session of today without attendance is listed as "belum diisi".
func TestDashboardNudgesUnfinishedAndUnentered(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	rows, _ := s.Programs(ctx, store.ProgramFilter{IncludeArchived: true})
	var ended *data.Program
	for _, r := range rows {
		if r.Status == data.StatusFinished && r.EndDate.Year() == sampleDay.Year() {
			ended = r.Program
			break
		}
	}
	if err := s.SetProgramStatus(ctx, ended.ID, data.StatusRunning); err != nil {
		t.Fatal(err)
	}
	u.Navigate("dashboard")
	u.WaitIdle()
	findDashboard(t, u).load() // the page may have been made before the change
	u.WaitIdle()
	if !hasLabelContaining(u, ended.Code+" sudah berakhir") {
		t.Fatalf("no attention item for %s left running", ended.Code)
	}
	running := 0
	for _, r := range rows {
		if r.Status == data.StatusRunning {
			running++
		}
	}
	test.Tap(findButton(t, u, "Tandai Selesai"))
	u.WaitIdle()
	if p, _ := s.Program(ctx, ended.ID); p.Status != data.StatusFinished {
		t.Errorf("status after Tandai Selesai: %s", p.Status)
	}
	if hasLabelContaining(u, ended.Code+" sudah berakhir") {
		t.Error("the item is still listed after finishing the program")
	}
	// The sample's running program has today's sessions unmarked.
	if running > 0 && !hasLabelContaining(u, "presensi belum diisi") {
		t.Error("no item for sessions without attendance")
	}
}
