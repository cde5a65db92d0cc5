package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// A program that ended last year and is still marked Berjalan is left out of this year's figures, but the
// dashboard still asks to set it Selesai.
func TestDashboardNudgesUnfinishedOfEarlierYears(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	last := sampleDay.AddDate(-1, 0, 0)
	p := &data.Program{Code: "LAMA-I/2025", Title: "Pelatihan Tahun Lalu", Kind: "Pelatihan Teknis", Batch: 1, BudgetYear: last.Year(),
		StartDate: last.AddDate(0, 0, -2), EndDate: last, TotalJP: 8, Status: data.StatusRunning, AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	u.Navigate("dashboard")
	u.WaitIdle()
	findDashboard(t, u).load()
	u.WaitIdle()
	if !hasLabelContaining(u, p.Code+" sudah berakhir") {
		t.Fatalf("no attention item for %s, which ended last year and is still running", p.Code)
	}
	for _, l := range findDashboard(t, u).programs {
		if l.Program.ID == p.ID {
			t.Errorf("%s counts among this year's programs", p.Code)
		}
	}
	var finish *widget.Button
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Tandai Selesai" && b.Visible() {
			finish = b // the earlier years' items come after this year's
		}
	}
	if finish == nil {
		t.Fatal("no Tandai Selesai button")
	}
	test.Tap(finish)
	u.WaitIdle()
	if got, _ := s.Program(ctx, p.ID); got.Status != data.StatusFinished {
		t.Errorf("status after Tandai Selesai: %s", got.Status)
	}
	if hasLabelContaining(u, p.Code+" sudah berakhir") {
		t.Error("the item is still listed after finishing the program")
	}
}
