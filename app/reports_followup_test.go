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

	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
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
	u.dialogs.openIn = func(_ string, _ []string, _ string, done func(string)) { done(book) }
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
	u.dialogs.folder = func(_, _ string, done func(string)) { done(dir) }
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

// The Peserta page's filters: the dashboard's "belum mencapai target" opens it showing exactly the follow-up's
// people; unit, employment and service filters narrow it; Ctrl+E exports what is shown.
func TestParticipantFilters(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	u.openParticipantsJP(followup.JPBelow)
	u.WaitIdle()
	f, err := followup.Load(ctx, s, u.now.today().Year(), "", u.now.today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	below := f.Below()
	want := indo.Int(int64(len(below))) + " peserta"
	if !hasLabel(u, want) {
		t.Fatalf("the filtered list does not say %q", want)
	}
	tb := findTable(t, u)
	for _, p := range below[:3] {
		if !tableHas(tb, 1, p.Name) {
			t.Errorf("%s missing from the filtered list", p.Name)
		}
	}
	// Narrow to the first person's unit and status.
	unit := below[0].Unit
	for _, o := range objects(u) {
		if sel, ok := o.(*widget.Select); ok && len(sel.Options) > 0 && sel.Options[0] == "Semua unit kerja" {
			sel.SetSelected(unit)
		}
		if sel, ok := o.(*widget.Select); ok && len(sel.Options) > 0 && sel.Options[0] == "Semua status dinas" {
			sel.SetSelectedIndex(1) // Aktif
		}
	}
	u.WaitIdle()
	n := 0
	for _, p := range below {
		if p.Unit == unit {
			n++
		}
	}
	if want := indo.Int(int64(n)) + " peserta"; !hasLabel(u, want) {
		t.Errorf("unit filter: want %q", want)
	}
	// The export follows the filter.
	path := filepath.Join(t.TempDir(), "peserta.xlsx")
	u.dialogs.savePath = func(_ string, done func(string)) { done(path) }
	runMenu(t, u, "Ekspor…")
	u.WaitIdle()
	xf, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, _ := xf.GetRows(xf.GetSheetList()[0])
	data := 0
	for _, r := range rows {
		for _, c := range r {
			if c == unit {
				data++
				break
			}
		}
	}
	if data != n {
		t.Errorf("export has %d rows of %s, want %d", data, unit, n)
	}
}
