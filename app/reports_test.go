package app

import (
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

func programCalled(t *testing.T, s *store.Store, code string) *data.Program {
	t.Helper()
	p, err := s.ProgramByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func selectedTab(u *UI) string {
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok && tabs.Selected() != nil {
			return tabs.Selected().Text
		}
	}
	return ""
}

// The Laporan tab previews the summary's figures and sections, and saves the PDF with progress.
func TestProgramReportTabSavesSummary(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	p := programCalled(t, s, "PTD-I/2026")
	u.Navigate("programs")
	u.openProgramAt(p.ID, "Laporan")
	u.WaitIdle()
	if selectedTab(u) != "Laporan" {
		t.Fatalf("tab %q open", selectedTab(u))
	}
	roster, _ := s.Roster(context.Background(), p.ID)
	if !hasLabel(u, strconv.Itoa(len(roster))) || !hasLabel(u, "Peserta terdaftar") || !hasLabel(u, "Indeks kepuasan") {
		t.Error("the key figures are not shown")
	}
	for _, part := range []string{"Kehadiran per sesi: grafik dan tabel", "Evaluasi reaksi (level 1): ", "Evaluasi pembelajaran (level 2): ",
		"Evaluasi pasca pelatihan (level 3): ", "Penandatangan: "} {
		if !labelContaining(u, part) {
			t.Errorf("no section line %q", part)
		}
	}
	path := filepath.Join(t.TempDir(), "laporan.pdf")
	var suggested string
	u.dialogs.savePath = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(findButton(t, u, "Simpan PDF…"))
	u.WaitIdle()
	if suggested != "Laporan Evaluasi – PTD-I-2026 – "+sampleDay.Format("2006-01-02")+".pdf" {
		t.Errorf("suggested name %q", suggested)
	}
	if !strings.Contains(dialogText(t, u), "Disimpan ke "+path) {
		t.Fatalf("after saving the dialog says %q", dialogText(t, u))
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil || !strings.Contains(string(out), "LAPORAN EVALUASI PROGRAM") || !strings.Contains(string(out), "Kuadran I") {
			t.Errorf("the saved PDF reads %q (%v)", string(out)[:min(len(out), 300)], err)
		}
	}
	// Ctrl+P on the tab saves the summary too.
	u.win.Canvas().Overlays().Top().Hide()
	if u.contextCommands().Print == nil {
		t.Error("the Laporan tab offers no Print command")
	}
}

// A program without data keeps every section, saying what is missing.
func TestProgramReportTabWithoutData(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	p := programCalled(t, s, "BTK-I/2026")
	u.Navigate("programs")
	u.openProgramAt(p.ID, "Laporan")
	u.WaitIdle()
	for _, line := range []string{"Kehadiran per sesi: belum ada sesi yang terlaksana", "Evaluasi reaksi (level 1): belum ada formulir yang dilampirkan",
		"Evaluasi pembelajaran (level 2): program ini tidak memiliki pre-test dan post-test"} {
		if !labelContaining(u, line) {
			t.Errorf("no line %q", line)
		}
	}
}

// The Laporan page exports the leadership workbook of the year, and of one unit, with progress, then offers
// to open it.
func TestReportsPageExportsWorkbook(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	u.Navigate("reports")
	u.WaitIdle()
	path := filepath.Join(t.TempDir(), "buku.xlsx")
	var suggested string
	u.dialogs.savePath = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(findButton(t, u, "Ekspor buku kerja…"))
	u.WaitIdle()
	if suggested != "Buku Kerja Pimpinan – 2026 – "+sampleDay.Format("2006-01-02")+".xlsx" {
		t.Errorf("suggested %q", suggested)
	}
	text := dialogText(t, u)
	if !strings.Contains(text, "Tahun 2026") || !strings.Contains(text, "pegawai ASN mencapai 20 JP") || !findButtonIn(u, "Buka berkas") {
		t.Fatalf("after the export the dialog says %q", text)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(report.SheetJP)
	people, _ := s.CountParticipants(ctx, store.ParticipantFilter{})
	if strings.Join(f.GetSheetList(), ",") != strings.Join(report.WorkbookSheets, ",") || len(rows)-1 != people {
		t.Errorf("workbook sheets %v with %d people, want %d", f.GetSheetList(), len(rows)-1, people)
	}
	f.Close()
	u.win.Canvas().Overlays().Top().Hide()

	// One unit, over a date range; the unit typed in another case.
	units, _ := s.Units(ctx)
	rp := findReportsPage(t, u)
	rp.unit.SetText(strings.ToUpper(units[0]))
	rp.whole.SetSelected("Rentang tanggal")
	rp.from.SetText("01/07/2026")
	rp.to.SetText("31/10/2026")
	test.Tap(findButton(t, u, "Ekspor buku kerja…"))
	u.WaitIdle()
	if !strings.HasPrefix(suggested, "Buku Kerja Pimpinan – 2026-07-01 sd 2026-10-31 ") {
		t.Errorf("suggested %q for a range", suggested)
	}
	if text := dialogText(t, u); !strings.Contains(text, "1 Juli s.d. 31 Oktober 2026 · Unit kerja "+units[0]) {
		t.Fatalf("after the unit's export the dialog says %q", text)
	}
	f, _ = excelize.OpenFile(path)
	rows, _ = f.GetRows(report.SheetJP)
	f.Close()
	for _, r := range rows[1:] {
		if r[4] != units[0] {
			t.Fatalf("someone of %q in %s's workbook", r[4], units[0])
		}
	}
	u.win.Canvas().Overlays().Top().Hide()

	// A range without its end says what to fix, and writes nothing.
	rp.to.SetText("")
	os.Remove(path)
	test.Tap(findButton(t, u, "Ekspor buku kerja…"))
	u.WaitIdle()
	if !strings.Contains(dialogText(t, u), "Isi tanggal awal dan akhir periode") {
		t.Errorf("an incomplete range: %q", dialogText(t, u))
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a workbook was written for an incomplete period")
	}
	if u.contextCommands().Export == nil || u.contextCommands().Print == nil {
		t.Error("the Laporan page offers no Export or Print command")
	}
}

// The Laporan page saves the summaries of the chosen programs, one PDF each, into a folder.
func TestReportsPageSavesSummaries(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	u.Navigate("reports")
	u.WaitIdle()
	dir := t.TempDir()
	fakeFolder(u, dir)
	finished, _ := s.Programs(context.Background(), store.ProgramFilter{Year: 2026, Status: data.StatusFinished})
	if !labelContaining(u, strconv.Itoa(len(finished))+" dari 7 program dipilih") {
		t.Fatalf("the finished programs are not chosen by default")
	}
	test.Tap(findButton(t, u, "Simpan ke folder…"))
	u.WaitIdle()
	files, _ := filepath.Glob(filepath.Join(dir, "Laporan Evaluasi – *.pdf"))
	if len(files) != len(finished) || len(finished) == 0 {
		t.Fatalf("%d PDFs for %d finished programs", len(files), len(finished))
	}
	if !strings.Contains(dialogText(t, u), strconv.Itoa(len(finished))+" laporan evaluasi disimpan ke "+dir) || !findButtonIn(u, "Buka folder") {
		t.Errorf("after saving the dialog says %q", dialogText(t, u))
	}
	u.win.Canvas().Overlays().Top().Hide()
	test.Tap(findButton(t, u, "Kosongkan"))
	if b := findButton(t, u, "Simpan ke folder…"); !b.Disabled() {
		t.Error("saving is offered with nothing chosen")
	}
}

func findButtonIn(u *UI, text string) bool {
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

func findReportsPage(t *testing.T, u *UI) *reportsPage {
	t.Helper()
	for _, o := range objects(u) {
		if rp, ok := o.(*reportsPage); ok {
			return rp
		}
	}
	t.Fatal("no Laporan page")
	return nil
}

// TestReportScreens saves pictures of Beranda, Laporan and a program's Laporan tab when PEMBINA_SHOTS names
// a folder: PEMBINA_SHOTS=/tmp/shots go test -tags ci -run ReportScreens ./app/
func TestReportScreens(t *testing.T) {
	dir := os.Getenv("PEMBINA_SHOTS")
	if dir == "" {
		t.Skip("set PEMBINA_SHOTS to a folder to save the pictures")
	}
	u, s := newTestUIOnSampleDay(t)
	save := func(name string) {
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		png.Encode(f, u.win.Canvas().Capture())
	}
	u.Navigate("dashboard")
	u.WaitIdle()
	save("beranda")
	u.Navigate("reports")
	u.WaitIdle()
	save("laporan")
	u.Navigate("programs")
	u.openProgramAt(programCalled(t, s, "PTD-I/2026").ID, "Laporan")
	u.WaitIdle()
	save("program-laporan")
}

// The Laporan page's Ringkasan pimpinan button writes the brief of the chosen year under report.FileName's
// name, one or two pages with the year's figures.
func TestReportsPageSavesBrief(t *testing.T) {
	u, _ := newTestUIOnSampleDay(t)
	u.Navigate("reports")
	u.WaitIdle()
	path := filepath.Join(t.TempDir(), "ringkasan.pdf")
	var suggested string
	u.dialogs.savePath = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(findButton(t, u, "Ringkasan pimpinan (PDF)…"))
	u.WaitIdle()
	if suggested != "Ringkasan Pimpinan – 2026 – "+sampleDay.Format("2006-01-02")+".pdf" {
		t.Errorf("suggested %q", suggested)
	}
	if text := dialogText(t, u); !strings.Contains(text, "pegawai ASN mencapai 20 JP") {
		t.Fatalf("after saving the dialog says %q", text)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"RINGKASAN PIMPINAN", "Tahun 2026", "Temuan", "5 unit kerja paling tertinggal", "Pegawai ASN yang mencapai 20 JP per unit kerja"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
	info, _ := exec.Command("pdfinfo", path).Output()
	if !regexp.MustCompile(`Pages:\s+[12]\n`).Match(info) {
		t.Errorf("pdfinfo: %s", info)
	}
}
