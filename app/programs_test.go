package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// entries returns the entries on screen (dialogs included) with the placeholder, in layout order.
func entries(u *UI, placeholder string) []*keyEntry {
	var out []*keyEntry
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && e.PlaceHolder == placeholder && e.Visible() {
			out = append(out, e)
		}
	}
	return out
}

// selectWith returns the first select on screen offering option.
func selectWith(t *testing.T, u *UI, option string) *widget.Select {
	t.Helper()
	for _, o := range objects(u) {
		if s, ok := o.(*widget.Select); ok {
			for _, opt := range s.Options {
				if opt == option {
					return s
				}
			}
		}
	}
	t.Fatalf("no choice offering %q on screen", option)
	return nil
}

// labelContaining reports whether a label on screen contains text.
func labelContaining(u *UI, text string) bool {
	for _, o := range objects(u) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// fillProgram types a valid new program into the program form.
func fillProgram(t *testing.T, u *UI, code string) {
	t.Helper()
	test.Type(entries(u, "PTD-I/2026")[0], code)
	test.Type(entries(u, "Pelatihan …")[0], "Pelatihan Penulisan Karya Ilmiah")
	selectWith(t, u, "Pelatihan Teknis").SetSelected("Pelatihan Teknis")
	dates := entries(u, "HH/BB/TTTT")
	test.Type(dates[0], "07/12/2026")
	test.Type(dates[1], "09/12/2026")
	test.Type(entries(u, "24")[0], "24")
	u.WaitIdle()
}

func TestCreateProgram(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("programs")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Program baru"))
	u.WaitIdle()
	save := findButton(t, u, "Simpan")
	if !save.Disabled() {
		t.Error("an empty program form can be saved")
	}
	fillProgram(t, u, "PKI-I/2026")
	test.Tap(findButton(t, u, "Tambah mata pelatihan"))
	test.Type(entries(u, "Nama mata pelatihan")[0], "Dasar Penulisan Ilmiah")
	test.Type(entries(u, "JP")[0], "24")
	u.WaitIdle()
	if save.Disabled() {
		t.Fatalf("a complete program cannot be saved")
	}
	if !labelContaining(u, "Jumlah 24 JP, sama dengan JP program.") {
		t.Error("the subject total is not confirmed")
	}
	test.Tap(save)
	u.WaitIdle()
	p, err := s.ProgramByCode(context.Background(), "PKI-I/2026")
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != "Pelatihan Teknis" || p.TotalJP != 24 || data.FormatDate(p.StartDate) != "2026-12-07" || p.BudgetYear != 2026 ||
		p.AttendanceThreshold != 80 || p.Organiser != "Dinas Pendidikan Kabupaten Sukamaju" {
		t.Errorf("stored program = %+v", p)
	}
	if subs, _ := s.Subjects(context.Background(), p.ID); len(subs) != 1 || subs[0].JP != 24 {
		t.Errorf("subjects = %+v", subs)
	}
	if !hasLabel(u, "PKI-I/2026 · Pelatihan Penulisan Karya Ilmiah") {
		t.Error("the new program is not opened after saving")
	}
	// Back on the list, the new program is there.
	test.Tap(findButton(t, u, "Daftar program"))
	u.WaitIdle()
	if !tableHas(findTable(t, u), 0, "PKI-I/2026") {
		t.Error("the program list does not show the new program")
	}
}

func TestProgramValidationBlocksSave(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("programs")
	u.WaitIdle()
	before, _ := s.Programs(context.Background(), store.ProgramFilter{IncludeArchived: true})
	test.Tap(findButton(t, u, "Program baru"))
	u.WaitIdle()
	fillProgram(t, u, "PKI-I/2026")
	save := findButton(t, u, "Simpan")

	// The end before the start.
	end := entries(u, "HH/BB/TTTT")[1]
	end.SetText("")
	test.Type(end, "01/12/2026")
	u.WaitIdle()
	if !save.Disabled() || !labelContaining(u, "tidak boleh sebelum tanggal mulai (7 Desember 2026)") {
		t.Error("an end date before the start does not block the save with its reason")
	}
	test.Tap(save)
	u.WaitIdle()
	end.SetText("09/12/2026")

	// A code another program has.
	code := entries(u, "PTD-I/2026")[0]
	code.SetText("")
	test.Type(code, before[0].Code)
	u.WaitIdle()
	if !save.Disabled() || !labelContaining(u, "sudah dipakai oleh "+before[0].Title) {
		t.Error("a code in use does not block the save")
	}
	code.SetText("PKI-I/2026")
	u.WaitIdle()

	// Subjects that do not add up, JP of zero, a threshold above 100.
	test.Tap(findButton(t, u, "Tambah mata pelatihan"))
	test.Type(entries(u, "Nama mata pelatihan")[0], "Dasar Penulisan")
	test.Type(entries(u, "JP")[0], "20")
	u.WaitIdle()
	if !save.Disabled() || !labelContaining(u, "Jumlah JP mata pelatihan (20) harus sama dengan jumlah JP program (24)") {
		t.Error("subjects that do not add up do not block the save")
	}
	entries(u, "JP")[0].SetText("24")
	threshold := entries(u, "80")[0]
	threshold.SetText("120")
	u.WaitIdle()
	if !save.Disabled() || !labelContaining(u, "harus antara 0 dan 100 persen") {
		t.Error("a threshold of 120% does not block the save")
	}
	if !labelContaining(u, "Belum dapat disimpan; periksa: Batas kehadiran") {
		t.Error("the summary does not name the field to fix")
	}
	test.Tap(save)
	u.WaitIdle()
	after, _ := s.Programs(context.Background(), store.ProgramFilter{IncludeArchived: true})
	if len(after) != len(before) {
		t.Fatalf("a program was stored while the form was invalid")
	}
	threshold.SetText("85")
	u.WaitIdle()
	if save.Disabled() {
		t.Fatal("the corrected form cannot be saved")
	}
	test.Tap(save)
	u.WaitIdle()
	if p, err := s.ProgramByCode(context.Background(), "PKI-I/2026"); err != nil || p.AttendanceThreshold != 85 {
		t.Errorf("after correcting: %+v, %v", p, err)
	}
}

func TestEditProgramAndChangeStatus(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	rows, _ := s.Programs(ctx, store.ProgramFilter{Status: data.StatusPlanned})
	p := rows[0].Program
	u.Navigate("programs")
	u.openProgram(p.ID)
	u.WaitIdle()
	test.Tap(findButton(t, u, "Ubah"))
	u.WaitIdle()
	title := entries(u, "Pelatihan …")[0]
	title.SetText(p.Title + " Terpadu")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	got, _ := s.Program(ctx, p.ID)
	if got.Title != p.Title+" Terpadu" || got.Code != p.Code {
		t.Errorf("after edit: %+v", got)
	}
	selectWith(t, u, "Berjalan").SetSelected("Berjalan")
	u.WaitIdle()
	if got, _ := s.Program(ctx, p.ID); got.Status != data.StatusRunning {
		t.Errorf("status after choosing Berjalan = %s", got.Status)
	}
}

func TestCopyProgramForNextBatch(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	source, err := s.ProgramByCode(ctx, "PTD-II/2026")
	if err != nil {
		t.Fatal(err)
	}
	u.Navigate("programs")
	u.openProgram(source.ID)
	u.WaitIdle()
	test.Tap(findButton(t, u, "Salin untuk angkatan berikutnya"))
	u.WaitIdle()
	if !labelContaining(u, "4 mata pelatihan dan 6 sesi") {
		t.Error("the copy dialog does not say what is copied")
	}
	start := entries(u, "HH/BB/TTTT")[0]
	start.SetText("")
	test.Type(start, "07/12/2026")
	u.WaitIdle()
	var code *keyEntry
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && e.Text == "PTD-III/2026" {
			code = e
		}
	}
	if code == nil {
		t.Fatal("the copy dialog does not propose PTD-III/2026")
	}
	if !labelContaining(u, "Selesai 9 Desember 2026") {
		t.Error("the copy dialog does not show the new end date")
	}
	test.Tap(findButton(t, u, "Salin"))
	u.WaitIdle()
	c, err := s.ProgramByCode(ctx, "PTD-III/2026")
	if err != nil {
		t.Fatal(err)
	}
	if c.Batch != 3 || c.Status != data.StatusPlanned || data.FormatDate(c.StartDate) != "2026-12-07" || data.FormatDate(c.EndDate) != "2026-12-09" {
		t.Errorf("copy = %+v", c)
	}
	sessions, _ := s.Sessions(ctx, c.ID)
	subjects, _ := s.Subjects(ctx, c.ID)
	enrolled, _ := s.Enrolments(ctx, c.ID)
	if len(sessions) != 6 || data.FormatDate(sessions[5].Date) != "2026-12-09" || len(subjects) != 4 || len(enrolled) != 0 {
		t.Errorf("copied %d sessions (last on %s), %d subjects, %d participants", len(sessions), data.FormatDate(sessions[len(sessions)-1].Date),
			len(subjects), len(enrolled))
	}
	if !hasLabel(u, "PTD-III/2026 · "+source.Title) {
		t.Error("the copy is not opened")
	}
}

func TestDeleteOrArchiveProgram(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	finished, _ := s.Programs(ctx, store.ProgramFilter{Status: data.StatusFinished})
	p := finished[0].Program
	u.Navigate("programs")
	u.openProgram(p.ID)
	u.WaitIdle()
	test.Tap(findButton(t, u, "Arsipkan"))
	u.WaitIdle()
	if !labelContaining(u, "tidak dapat dihapus karena sudah memiliki") {
		t.Error("archiving does not say why the program cannot be deleted")
	}
	confirmTop(t, u)
	if got, _ := s.Program(ctx, p.ID); !got.Archived {
		t.Fatal("the program was not archived")
	}
	test.Tap(findButton(t, u, "Keluarkan dari arsip"))
	u.WaitIdle()
	if got, _ := s.Program(ctx, p.ID); got.Archived {
		t.Fatal("the program was not brought back")
	}

	empty := &data.Program{Code: "KOSONG-I", Title: "Program Kosong", Kind: "Kursus", TotalJP: 8, StartDate: p.StartDate, EndDate: p.StartDate}
	if err := s.CreateProgram(ctx, empty); err != nil {
		t.Fatal(err)
	}
	u.openProgram(empty.ID)
	u.WaitIdle()
	test.Tap(findButton(t, u, "Hapus program"))
	u.WaitIdle()
	confirmTop(t, u)
	if _, err := s.Program(ctx, empty.ID); !data.IsKind(err, data.KindNotFound) {
		t.Errorf("the empty program was not deleted: %v", err)
	}
	if u.CurrentPage() != "programs" {
		t.Errorf("after deleting, page = %s", u.CurrentPage())
	}
}

// confirmTop answers yes to the confirmation dialog on top.
func confirmTop(t *testing.T, u *UI) {
	t.Helper()
	for _, label := range []string{"Ya", "Yes"} {
		for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok && b.Text == label {
				test.Tap(b)
				u.WaitIdle()
				return
			}
		}
	}
	t.Fatal("no confirmation dialog")
}
