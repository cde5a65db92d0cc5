package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"
)

// Pengaturan's Unit kerja list starts from the participants' units, imports heads from a workbook, edits one
// in its form; the Laporan page then writes the nota dinas addressed to the heads, listing the units still
// without one.
func TestUnitsAndFollowUpPage(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	ul := u.unitsTab()
	u.win.SetContent(ul.view)
	u.WaitIdle()
	units, _ := s.Units(ctx)
	if len(ul.rows) != len(units) || ul.cell(0, 1) != "–" {
		t.Fatalf("%d rows for %d units; first head %q", len(ul.rows), len(units), ul.cell(0, 1))
	}

	book := filepath.Join(t.TempDir(), "kepala.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Unit Kerja", "Nama Kepala", "NIP Kepala", "Jabatan Kepala"})
	f.SetSheetRow("Sheet1", "A2", &[]any{units[0], "Drs. Ujang Suryana", "19690309 199403 2 001", "Kepala " + units[0]})
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	saved := chooseFile
	chooseFile = func(_ *UI, _ []string, done func(string)) { done(book) }
	defer func() { chooseFile = saved }()
	ul.importFile()
	u.WaitIdle()
	if d, ok := u.win.Canvas().Overlays().Top().(interface{ Hide() }); ok {
		d.Hide()
	}
	if !tableHas(ul.table, 1, "Drs. Ujang Suryana") || !tableHas(ul.table, 2, "19690309 199403 2 001") {
		t.Fatalf("imported head not listed")
	}

	// Edit the second unit in its form.
	ul.edit(ul.rows[1])
	test.Type(findEntry(t, u, example("Drs. Ujang Suryana, M.Pd.")), "Hj. Euis")
	test.Type(findEntry(t, u, example("Kepala SMP Negeri 1 Sukamaju")), "Kepala "+units[1])
	findButton(t, u, "Simpan").OnTapped()
	u.WaitIdle()
	heads, err := s.UnitHeads(ctx)
	if err != nil || heads[strings.ToLower(units[1])].HeadName != "Hj. Euis" {
		t.Fatalf("edited head %+v, %v", heads[strings.ToLower(units[1])], err)
	}

	// Laporan > Tindak lanjut JP.
	u.win.SetContent(u.followUpPanel())
	u.WaitIdle()
	dir := t.TempDir()
	savedFolder := chooseFolder
	chooseFolder = func(_ *UI, _, _ string, done func(string)) { done(dir) }
	defer func() { chooseFolder = savedFolder }()
	findButton(t, u, "Buat nota dinas…").OnTapped()
	u.WaitIdle()
	entries, _ := os.ReadDir(dir)
	if len(entries) < 3 {
		t.Fatalf("%d files written", len(entries))
	}
	found := false
	for _, o := range objects(u) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "belum memiliki data kepala") && !strings.Contains(l.Text, units[0]+";") {
			found = true
		}
	}
	if !found {
		t.Error("the page does not list the units without a head")
	}
}
