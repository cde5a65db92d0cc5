package app

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data/store"
)

// sheetRows reads a sheet of a saved workbook, heading included.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s does not open as a workbook: %v", path, err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s has no sheet %q: %v", path, sheet, err)
	}
	return rows
}

// runMenu runs a Berkas menu item and waits for what it started.
func runMenu(t *testing.T, u *UI, label string) {
	t.Helper()
	menuItem(t, u, "Berkas", label).Action()
	u.WaitIdle()
}

// Ctrl+E on the Program page saves the programs as filtered; on the Peserta page the participants the search
// finds, in the template's columns.
func TestExportListsFromTheMenu(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	dir := t.TempDir()

	u.Navigate("programs")
	u.WaitIdle()
	search := findEntry(t, u, "Cari kode, nama program, jenis, penyelenggara atau tempat…")
	test.Type(search, "Pelatihan")
	u.WaitIdle()
	want, err := s.Programs(ctx, store.ProgramFilter{Search: "Pelatihan"})
	if err != nil || len(want) == 0 {
		t.Fatalf("the sample has no program matching Pelatihan (%v)", err)
	}
	all, _ := s.Programs(ctx, store.ProgramFilter{})
	if len(all) == len(want) {
		t.Fatal("the search does not narrow the sample's programs: the test would prove nothing")
	}
	programs := filepath.Join(dir, "program") // without .xlsx: the export adds it
	fakeSave(u, programs)
	runMenu(t, u, "Ekspor…")
	if msg := dialogText(t, u); !strings.Contains(msg, "Disimpan ke "+programs+".xlsx") {
		t.Fatalf("after Ekspor the Program page says %q", msg)
	}
	closeDialogs(u)
	rows := sheetRows(t, programs+".xlsx", report.SheetProgramList)
	if len(rows)-1 != len(want) || rows[0][0] != "KODE" {
		t.Errorf("the program export has %d rows under %v, want %d", len(rows)-1, rows[0], len(want))
	}
	for i, p := range want {
		if rows[i+1][0] != p.Code {
			t.Errorf("row %d is %q, want %q", i+1, rows[i+1][0], p.Code)
		}
	}

	u.Navigate("participants")
	u.WaitIdle()
	test.Type(findEntry(t, u, "Cari nama, NIP, jabatan atau unit kerja…"), "SD Negeri")
	u.WaitIdle()
	found, err := s.CountParticipants(ctx, store.ParticipantFilter{Search: "SD Negeri"})
	if err != nil || found == 0 {
		t.Fatalf("no participant of an SD Negeri in the sample (%v)", err)
	}
	people := filepath.Join(dir, "peserta.xlsx")
	fakeSave(u, people)
	runMenu(t, u, "Ekspor…")
	if msg := dialogText(t, u); !strings.Contains(msg, "Disimpan ke "+people) {
		t.Fatalf("after Ekspor the Peserta page says %q", msg)
	}
	closeDialogs(u)
	rows = sheetRows(t, people, report.SheetPeople)
	if len(rows)-1 != found {
		t.Errorf("the participant export has %d rows, the search finds %d", len(rows)-1, found)
	}
	if rows[0][1] != "NIP" || rows[0][2] != "NAMA" {
		t.Errorf("the participant export's heading is %v", rows[0])
	}
}

// In an opened program Ctrl+N, Ctrl+P and Ctrl+E act on the open tab.
func TestProgramTabsTakeTheContextCommands(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	dir := t.TempDir()
	p := programCalled(t, s, "PTD-I/2026")
	u.Navigate("programs")

	// Peserta: Ctrl+N puts the cursor in the NIP box, Ctrl+E saves the enrolments.
	u.openProgramAt(p.ID, "Peserta")
	u.WaitIdle()
	runMenu(t, u, "Baru")
	if e, ok := u.win.Canvas().Focused().(*keyEntry); !ok || e.PlaceHolder != "Ketik NIP lalu Enter untuk mendaftarkan" {
		t.Errorf("Baru on Peserta focused %v", u.win.Canvas().Focused())
	}
	enrolments, _ := s.Enrolments(ctx, p.ID)
	path := filepath.Join(dir, "peserta.xlsx")
	fakeSave(u, path)
	runMenu(t, u, "Ekspor…")
	closeDialogs(u)
	if rows := sheetRows(t, path, report.SheetEnrolments); len(rows)-1 != len(enrolments) {
		t.Errorf("the enrolment export has %d rows, the program %d enrolments", len(rows)-1, len(enrolments))
	}

	// Jadwal & Presensi: Ctrl+N opens a new session's form, Ctrl+E saves the recap.
	u.openProgramAt(p.ID, "Jadwal & Presensi")
	u.WaitIdle()
	runMenu(t, u, "Baru")
	if u.win.Canvas().Overlays().Top() == nil || !hasLabel(u, "Topik") {
		t.Error("Baru on Jadwal & Presensi did not open the session form")
	}
	closeDialogs(u)
	roster, _ := s.Roster(ctx, p.ID)
	path = filepath.Join(dir, "rekap.xlsx")
	fakeSave(u, path)
	runMenu(t, u, "Ekspor…")
	if msg := dialogText(t, u); !strings.Contains(msg, "Disimpan ke "+path) {
		t.Fatalf("after Ekspor on Jadwal & Presensi the dialog says %q", msg)
	}
	closeDialogs(u)
	if rows := sheetRows(t, path, report.SheetRecap); len(rows)-1 < len(roster) {
		t.Errorf("the recap has %d rows for %d participants who sign in", len(rows)-1, len(roster))
	}

	// Evaluasi: Ctrl+E saves the results, Ctrl+P asks which form, or prints the chosen one.
	u.openProgramAt(p.ID, "Evaluasi")
	u.WaitIdle()
	path = filepath.Join(dir, "evaluasi.xlsx")
	fakeSave(u, path)
	runMenu(t, u, "Ekspor…")
	closeDialogs(u)
	if rows := sheetRows(t, path, report.SheetItems); len(rows) < 2 {
		t.Errorf("the evaluation export holds %d rows", len(rows))
	}
	table := findTable(t, u)
	table.OnSelected(widget.TableCellID{Row: 1, Col: 0})
	u.WaitIdle()
	chosen := table.cell(1, 0)
	paper := filepath.Join(dir, "formulir.pdf")
	fakeSave(u, paper)
	runMenu(t, u, "Cetak…")
	if msg := dialogText(t, u); !strings.Contains(msg, "Disimpan ke "+paper) {
		t.Errorf("after Cetak on Evaluasi the dialog says %q", msg)
	}
	closeDialogs(u)
	if out, err := exec.Command("pdftotext", paper, "-").Output(); err == nil && !strings.Contains(string(out), strings.ToUpper(chosen)) {
		t.Errorf("Cetak on Evaluasi did not print the chosen form %q: %.300s", chosen, out)
	}
	runMenu(t, u, "Baru")
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Baru on Evaluasi did not open the attach dialog")
	}
	closeDialogs(u)

	// Sertifikat: Ctrl+E saves the register.
	u.openProgramAt(p.ID, "Sertifikat")
	u.WaitIdle()
	if u.contextCommands().Print == nil {
		t.Error("the Sertifikat tab offers no Print")
	}
	path = filepath.Join(dir, "register.xlsx")
	fakeSave(u, path)
	runMenu(t, u, "Ekspor…")
	closeDialogs(u)
	if _, err := excelize.OpenFile(path); err != nil {
		t.Errorf("Ekspor on Sertifikat wrote no register: %v", err)
	}

	// Laporan: Ctrl+E saves the evaluation results too.
	u.openProgramAt(p.ID, "Laporan")
	u.WaitIdle()
	if u.contextCommands().Export == nil {
		t.Error("the Laporan tab offers no Export")
	}
}

// Cetak on the Formulir page saves the chosen form blank, with a line for the training's name.
func TestFormsPagePrintsABlankForm(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("forms")
	u.WaitIdle()
	rows, err := s.Forms(context.Background())
	if err != nil || len(rows) == 0 {
		t.Fatalf("no forms (%v)", err)
	}
	path := filepath.Join(t.TempDir(), "kosong.pdf")
	var suggested string
	u.dialogs.savePath = func(name string, done func(string)) { suggested = name; done(path) }
	runMenu(t, u, "Cetak…")
	tapDialogButton(t, u, "Simpan PDF…")
	if !strings.Contains(dialogText(t, u), "Disimpan ke "+path) {
		t.Fatalf("after printing the dialog says %q", dialogText(t, u))
	}
	if suggested != report.FileName(rows[0].Title, "", time.Now(), ".pdf") {
		t.Errorf("suggested %q for %q", suggested, rows[0].Title)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil || !strings.Contains(string(out), "Nama pelatihan") || !strings.Contains(string(out), strings.ToUpper(rows[0].Title)) {
			t.Errorf("the blank form reads %q (%v)", string(out)[:min(len(out), 300)], err)
		}
	}
	closeDialogs(u)

	// In the editor, a form with unsaved changes is not printed.
	e := u.openFormEditor(rows[0].ID)
	e.changed()
	runMenu(t, u, "Cetak…")
	if msg := dialogText(t, u); !strings.Contains(msg, "belum disimpan") {
		t.Errorf("Cetak in an editor with changes says %q", msg)
	}
}

// An export cancelled or failing leaves no file behind and says why.
func TestExportToAFolderThatIsNotThere(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.Navigate("programs")
	u.WaitIdle()
	path := filepath.Join(t.TempDir(), "tidak-ada", "program.xlsx")
	fakeSave(u, path)
	runMenu(t, u, "Ekspor…")
	msg := dialogText(t, u)
	if strings.Contains(msg, "Disimpan ke") || !strings.Contains(msg, "tidak-ada") {
		t.Fatalf("an export into a missing folder says %q", msg)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was left at the path")
	}
}
