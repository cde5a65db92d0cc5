package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// openCertificateTab opens the program with the given code on its Sertifikat tab.
func openCertificateTab(t *testing.T, u *UI, s *store.Store, code string) *data.Program {
	t.Helper()
	u.now = func() time.Time { return sampleDay }
	p, err := s.ProgramByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	u.Navigate("programs")
	u.openProgram(p.ID)
	u.WaitIdle()
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for i, item := range tabs.Items {
				if item.Text == "Sertifikat" {
					tabs.SelectIndex(i)
				}
			}
		}
	}
	u.WaitIdle()
	return p
}

// rowOf is the index of the row of the participant named name in the table tb.
func rowOf(t *testing.T, tb *listTable, name string) int {
	t.Helper()
	rows, _ := tb.Length()
	for r := 0; r < rows; r++ {
		if tb.cell(r, 1) == name {
			return r
		}
	}
	t.Fatalf("%s is not listed", name)
	return -1
}

// colOf is the index of the column with the given title.
func colOf(t *testing.T, tb *listTable, title string) int {
	t.Helper()
	for i, c := range tb.cols {
		if c.title == title {
			return i
		}
	}
	t.Fatalf("no column %q", title)
	return -1
}

func tapDialogButton(t *testing.T, u *UI, text string) {
	t.Helper()
	test.Tap(findButton(t, u, text))
	u.WaitIdle()
}

// fakeSave makes the window's save dialog answer path.
func fakeSave(u *UI, path string) {
	u.dialogs.savePath = func(name string, done func(string)) { done(path) }
}

func TestCertificateTabListsEligibilityAndIssues(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p := openCertificateTab(t, u, s, "PTD-II/2026")
	table := findTable(t, u)
	rows, _ := table.Length()
	enrolled, _ := s.Enrolments(ctx, p.ID)
	if rows != len(enrolled) {
		t.Fatalf("tab lists %d rows for %d enrolments", rows, len(enrolled))
	}
	// Someone below the threshold is listed with the reason.
	status, reason, number := colOf(t, table, "Status"), colOf(t, table, "Alasan"), colOf(t, table, "Nomor sertifikat")
	below := -1
	for r := 0; r < rows; r++ {
		if strings.HasPrefix(table.cell(r, reason), "kehadiran ") && table.cell(r, status) == "Tidak memenuhi" {
			below = r
			break
		}
	}
	if below < 0 {
		t.Fatal("nobody below the attendance threshold is listed with a reason")
	}
	if table.style(below, status) != widget.DangerImportance {
		t.Error("a participant who is not eligible is not shown in red")
	}
	name := table.cell(below, 1)

	// The coordinator decides for that person, with a reason.
	table.Select(widget.TableCellID{Row: below, Col: 1})
	tapDialogButton(t, u, "Putuskan manual…")
	for _, o := range objects(u) {
		if rg, ok := o.(*widget.RadioGroup); ok && len(rg.Options) == 3 {
			rg.SetSelected("Memenuhi syarat")
		}
	}
	test.Type(findEntry(t, u, "Alasan, misalnya: izin dinas diganti tugas pengganti"), "sakit, diganti tugas mandiri")
	tapDialogButton(t, u, "Simpan")
	row := rowOf(t, table, name)
	if table.cell(row, status) != "Memenuhi syarat (manual)" || !strings.Contains(table.cell(row, reason), "sakit, diganti tugas mandiri") {
		t.Errorf("after the override: %q, %q", table.cell(row, status), table.cell(row, reason))
	}

	// Issue and print everything into one PDF.
	out := filepath.Join(t.TempDir(), "sertifikat.pdf")
	fakeSave(u, out)
	tapDialogButton(t, u, "Terbitkan & cetak semua…")
	tapDialogButton(t, u, "Lanjut")
	if fi, err := os.Stat(out); err != nil || fi.Size() < 10000 {
		t.Fatalf("no PDF written: %v", err)
	}
	certs, _ := s.Certificates(ctx, p.ID)
	eligible := 0
	for r := 0; r < rows; r++ {
		if strings.HasPrefix(table.cell(r, status), "Terbit") {
			eligible++
		}
	}
	if len(certs) == 0 || eligible != len(certs) {
		t.Errorf("%d certificates issued, the table shows %d", len(certs), eligible)
	}
	if n := table.cell(rowOf(t, table, name), number); !strings.HasPrefix(n, "800/") {
		t.Errorf("the overridden participant has number %q", n)
	}
	if !hasLabel(u, "Sertifikat selesai dicetak") && !strings.Contains(test.RenderObjectToMarkup(u.win.Canvas().Overlays().Top()), "sertifikat dicetak") {
		t.Error("no message after printing")
	}
	u.win.Canvas().Overlays().Top().Hide()

	// Revoke one: the number stays, the status says so.
	row = rowOf(t, table, name)
	table.Select(widget.TableCellID{Row: row, Col: 1})
	tapDialogButton(t, u, "Cabut…")
	test.Type(findEntry(t, u, "Alasan pencabutan"), "ternyata tidak mengikuti sesi praktik")
	if b := findButton(t, u, "Cabut"); b.Importance != widget.DangerImportance {
		t.Errorf("the Cabut confirmation is not in the danger colour (importance %v)", b.Importance)
	}
	tapDialogButton(t, u, "Cabut")
	if got := table.cell(rowOf(t, table, name), status); got != "Dicabut (manual)" {
		t.Errorf("after revoking: %q", got)
	}
	if table.cell(rowOf(t, table, name), number) == "–" {
		t.Error("the revoked number is no longer shown")
	}
}

func TestCertificateTabNobodyEligible(t *testing.T) {
	u, s := newTestUI(t, true)
	openCertificateTab(t, u, s, "BTK-I/2026")
	out := filepath.Join(t.TempDir(), "kosong.pdf")
	os.WriteFile(out, nil, 0o644) // the save dialog creates the file
	fakeSave(u, out)
	tapDialogButton(t, u, "Terbitkan & cetak semua…")
	tapDialogButton(t, u, "Lanjut")
	if _, err := os.Stat(out); err == nil {
		t.Error("an empty PDF file was left behind")
	}
	// The planned program has nobody eligible yet because its sessions are still to come, which the message says.
	if !strings.Contains(test.RenderObjectToMarkup(u.win.Canvas().Overlays().Top()), "sesi yang belum terlaksana") {
		t.Error("no message saying the sessions are still to come")
	}
}

func TestVerifyDialog(t *testing.T) {
	u, s := newTestUI(t, true)
	p := openCertificateTab(t, u, s, "PTD-I/2026")
	certs, _ := s.Certificates(context.Background(), p.ID)
	if len(certs) == 0 {
		t.Fatal("the sample has no certificates")
	}
	for _, tt := range []struct{ text, want string }{
		{certs[0].Payload, "SAH"},
		{strings.Replace(certs[0].Payload, "|30|", "|31|", 1), "TIDAK SAH: diubah atau dipalsukan"},
		{certs[0].Payload[:40], "TIDAK SAH: diubah atau dipalsukan"},
	} {
		tapDialogButton(t, u, "Verifikasi Sertifikat")
		e := findEntry(t, u, "Pindai kode QR dengan pemindai, atau tempel teksnya di sini")
		test.Type(e, tt.text)
		e.OnSubmitted(e.Text)
		if !hasLabel(u, tt.want) {
			t.Errorf("verifying %.30q… does not show %q", tt.text, tt.want)
		}
		u.win.Canvas().Overlays().Top().Hide()
	}
}

func TestCertificateDesignPreviewAndSave(t *testing.T) {
	u, s := newTestUI(t, true)
	p := openCertificateTab(t, u, s, "PTD-I/2026")
	tapDialogButton(t, u, "Desain & pratinjau")
	var preview *certificatePreview
	for _, o := range objects(u) {
		if pv, ok := o.(*certificatePreview); ok {
			preview = pv
		}
	}
	if preview == nil || len(preview.page.Ops) == 0 {
		t.Fatal("no preview drawn")
	}
	texts := func() string {
		var all []string
		for _, op := range preview.page.Ops {
			all = append(all, op.Text)
		}
		return strings.Join(all, " ")
	}
	if !strings.Contains(texts(), "SERTIFIKAT") || !strings.Contains(texts(), "800/") {
		t.Errorf("preview lacks the title or the number: %s", texts())
	}
	title := findEntryWithText(t, u, "SERTIFIKAT")
	title.SetText("SERTIFIKAT PELATIHAN")
	u.WaitIdle()
	if !strings.Contains(texts(), "SERTIFIKAT PELATIHAN") {
		t.Error("the preview does not follow the title")
	}
	// A pattern without {seq} shows why, and cannot be saved.
	pattern := findEntryWithPlaceholderPrefix(t, u, "800/")
	pattern.SetText("800/DISDIK/{year}")
	u.WaitIdle()
	if !hasLabelContaining(u, "tidak memuat {seq}") {
		t.Error("a pattern without {seq} is not explained")
	}
	test.Tap(findButton(t, u, "Simpan desain"))
	u.WaitIdle()
	// PTD-I has numbers already: another pattern is refused and the reason shown.
	before, _ := s.Program(context.Background(), p.ID)
	pattern.SetText("B.{seq}/DISDIK/{month_roman}/{year}")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Simpan desain"))
	u.WaitIdle()
	if !hasLabelContaining(u, "tidak dapat diubah") {
		t.Error("changing the pattern of a program with numbers is not refused with a reason")
	}
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
	pattern.SetText(before.NumberPattern)
	u.WaitIdle()
	test.Tap(findButton(t, u, "Simpan desain"))
	u.WaitIdle()
	d, _ := s.CertificateDesign(context.Background(), p.ID)
	again, _ := s.Program(context.Background(), p.ID)
	if d.Title != "SERTIFIKAT PELATIHAN" || again.NumberPattern != before.NumberPattern || before.NumberPattern == "" {
		t.Errorf("saved title %q, pattern %q (was %q)", d.Title, again.NumberPattern, before.NumberPattern)
	}
}

func findEntryWithText(t *testing.T, u *UI, text string) *keyEntry {
	t.Helper()
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && e.Text == text {
			return e
		}
	}
	t.Fatalf("no entry showing %q", text)
	return nil
}

func findEntryWithPlaceholderPrefix(t *testing.T, u *UI, prefix string) *keyEntry {
	t.Helper()
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && strings.HasPrefix(e.PlaceHolder, prefix) {
			return e
		}
	}
	t.Fatalf("no entry with a placeholder starting %q", prefix)
	return nil
}

func hasLabelContaining(u *UI, text string) bool {
	for _, o := range objects(u) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// TestCertificateLabelsHaveEnglish covers the domain labels the Sertifikat tab shows through L.
func TestCertificateLabelsHaveEnglish(t *testing.T) {
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	labels := append([]string(nil), certify.Statuses...)
	for _, k := range data.CertificateKinds {
		labels = append(labels, data.CertificateKindLabel(k.Code))
	}
	for _, m := range data.SignatureModes {
		labels = append(labels, data.SignatureModeLabel(m))
	}
	for _, v := range []data.Verdict{data.VerdictValid, data.VerdictAltered, data.VerdictRevoked, data.VerdictUnknown} {
		labels = append(labels, v.Label())
	}
	for _, ph := range data.CertificatePlaceholders {
		labels = append(labels, ph.Meaning)
	}
	for _, l := range labels {
		if _, ok := en[l]; !ok {
			t.Errorf("%q has no English", l)
		}
	}
}

// TestCertificateScreens saves pictures of the Sertifikat tab, its design editor and the verification dialog
// when PEMBINA_SHOTS names a folder, to look at them: PEMBINA_SHOTS=/tmp/shots go test -tags ci -run Screens ./app/
func TestCertificateScreens(t *testing.T) {
	dir := os.Getenv("PEMBINA_SHOTS")
	if dir == "" {
		t.Skip("set PEMBINA_SHOTS to a folder to save the pictures")
	}
	u, s := newTestUI(t, true)
	p := openCertificateTab(t, u, s, "PTD-I/2026")
	save := func(name string) {
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		png.Encode(f, u.win.Canvas().Capture())
	}
	findTable(t, u).Select(widget.TableCellID{Row: 2, Col: 1})
	u.WaitIdle()
	save("tab")
	tapDialogButton(t, u, "Verifikasi Sertifikat")
	certs, _ := s.Certificates(context.Background(), p.ID)
	e := findEntry(t, u, "Pindai kode QR dengan pemindai, atau tempel teksnya di sini")
	test.Type(e, certs[0].Payload)
	e.OnSubmitted(e.Text)
	save("verify")
	u.win.Canvas().Overlays().Top().Hide()
	tapDialogButton(t, u, "Kunci verifikasi…")
	save("keys")
	u.win.Canvas().Overlays().Top().Hide()
	table := findTable(t, u)
	for r := 0; r < len(certs)+10; r++ {
		if table.cell(r, colOf(t, table, "Nomor sertifikat")) == "–" {
			table.Select(widget.TableCellID{Row: r, Col: 1})
			break
		}
	}
	tapDialogButton(t, u, "Putuskan manual…")
	save("override")
	u.win.Canvas().Overlays().Top().Hide()
	table.Select(widget.TableCellID{Row: 0, Col: 1})
	tapDialogButton(t, u, "Koreksi nama…")
	save("correct")
	u.win.Canvas().Overlays().Top().Hide()
	tapDialogButton(t, u, "Desain & pratinjau")
	save("design")
	tapDialogButton(t, u, "Perbesar")
	save("preview")
}
