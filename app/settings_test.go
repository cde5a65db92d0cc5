package app

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/data"
)

var ctx = context.Background()

// openSettings shows Pengaturan on the given tab.
func openSettings(t *testing.T, u *UI, tab int) {
	t.Helper()
	u.Navigate("settings")
	u.WaitIdle()
	settingsTabs(t, u).SelectIndex(tab)
	u.WaitIdle()
}

func settingsTabs(t *testing.T, u *UI) *container.AppTabs {
	t.Helper()
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok {
			return tabs
		}
	}
	t.Fatal("no tabs on screen")
	return nil
}

// topDialog lists what the dialog on top shows.
func topDialog(t *testing.T, u *UI) []fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return test.LaidOutObjects(top)
}

func dialogText(t *testing.T, u *UI) string {
	t.Helper()
	var b strings.Builder
	for _, o := range topDialog(t, u) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		}
	}
	return b.String()
}

func closeDialogs(u *UI) {
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	}
}

func pngFile(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.NRGBA{0, 0, 128, 255})
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	path := filepath.Join(t.TempDir(), "logo.png")
	os.WriteFile(path, b.Bytes(), 0o644)
	return path
}

// fakeFiles makes the window's file chooser answer path.
func fakeFiles(u *UI, path string) {
	u.dialogs.openIn = func(_ string, _ []string, _ string, chosen func(string)) { chosen(path) }
}

// fakeFolder makes the window's folder chooser answer dir.
func fakeFolder(u *UI, dir string) {
	u.dialogs.folder = func(_, _ string, chosen func(string)) { chosen(dir) }
}

func TestSettingsSavesInstitutionAndLogo(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabInstitution)
	name := findEntry(t, u, "contoh: DINAS PENDIDIKAN")
	name.SetText("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM")
	for _, o := range objects(u) {
		if sel, ok := o.(*widget.Select); ok && strings.HasPrefix(sel.Selected, "WIB") {
			sel.SetSelectedIndex(1)
		}
	}
	if !hasLabel(u, "Ada perubahan yang belum disimpan.") {
		t.Error("an edit does not say it is unsaved")
	}

	// A corrupt picture is refused with a message saying so.
	broken := pngFile(t, 120, 60)
	b, _ := os.ReadFile(broken)
	os.WriteFile(broken, b[:len(b)/2], 0o644)
	fakeFiles(u, broken)
	test.Tap(findButton(t, u, "Pilih gambar…"))
	u.WaitIdle()
	if msg := dialogText(t, u); !strings.Contains(msg, "rusak atau terpotong") || !strings.Contains(msg, "logo.png") {
		t.Errorf("corrupt logo message: %q", msg)
	}
	closeDialogs(u)

	fakeFiles(u, pngFile(t, 1600, 1200))
	test.Tap(findButton(t, u, "Pilih gambar…"))
	u.WaitIdle()
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	if !hasLabel(u, "Tersimpan.") {
		t.Error("no confirmation after saving")
	}
	in, _ := s.Institution(ctx)
	if in.Name != "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM" || in.TimeZone != "WITA" || in.City != "Sukamaju" {
		t.Errorf("stored %q %q %q", in.Name, in.TimeZone, in.City)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(in.Logo))
	if err != nil || format != "png" || cfg.Width != 800 || cfg.Height != 600 {
		t.Errorf("stored logo %s %dx%d (%v), want the picture scaled to 800×600", format, cfg.Width, cfg.Height, err)
	}
	if in.DefaultSignatoryID == 0 {
		t.Error("saving the institution dropped the default signatory")
	}
}

func TestSettingsDefaults(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabDefaults)
	threshold := findEntry(t, u, "80")
	threshold.SetText("120")
	test.Tap(findButton(t, u, "Simpan"))
	if in, _ := s.Institution(ctx); in.AttendanceThreshold != 80 {
		t.Errorf("a threshold of 120 was stored: %v", in.AttendanceThreshold)
	}
	if !hasLabel(u, "Batas kehadiran: harus antara 0 dan 100 persen") {
		t.Error("no message for a threshold of 120")
	}
	threshold.SetText("87,5")
	findEntry(t, u, "contoh: 800/{seq:03}/DISDIK/{month_roman}/{year}").SetText("B.{seq}/BKPSDM/{year}")
	for _, o := range objects(u) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Izin, Sakit dan Dinas Luar dihitung hadir" {
			c.SetChecked(true)
		}
		if sel, ok := o.(*widget.Select); ok && strings.HasPrefix(sel.Selected, "Sertifikat") {
			sel.SetSelectedIndex(1)
		}
	}
	test.Tap(findButton(t, u, "Simpan"))
	in, _ := s.Institution(ctx)
	if in.AttendanceThreshold != 87.5 || !in.ExcusedCountPresent || in.CertificateKind != "sttp" || in.NumberPattern != "B.{seq}/BKPSDM/{year}" {
		t.Errorf("stored %+v", in)
	}
	if in.Name != "DINAS PENDIDIKAN" {
		t.Errorf("saving the defaults changed the name to %q", in.Name)
	}
}

func TestSettingsSignatories(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabSignatories)
	table := findTable(t, u)
	if n, _ := table.Length(); n != 2 || !tableHas(table, 4, "Bawaan") {
		t.Fatalf("%d signatories listed", n)
	}

	// Ctrl+N on Pengaturan: a new signatory.
	u.runCommand(cmdNew)
	test.Tap(dialogButton(t, u, "Simpan"))
	if msg := dialogText(t, u); !strings.Contains(msg, "Nama: wajib diisi") || !strings.Contains(msg, "Jabatan: wajib diisi") {
		t.Errorf("an empty form says %q", msg)
	}
	for _, o := range topDialog(t, u) {
		e, ok := o.(*keyEntry)
		switch {
		case ok && e.PlaceHolder == "contoh: Asep Saepudin":
			e.SetText("Rina Marlina")
		case ok && e.PlaceHolder == "contoh: M.Pd.":
			e.SetText("S.Sos., M.Si.")
		case ok && e.PlaceHolder == "contoh: 19720315 199803 1 004":
			e.SetText("NIP. 19800412 200501 2 007")
		case ok && e.PlaceHolder == "contoh: Kepala Dinas Pendidikan" && !e.Disabled():
			e.SetText("Kepala Bidang Pembinaan Ketenagaan")
		}
		if c, ok := o.(*widget.Check); ok && c.Text == "Penandatangan bawaan" {
			c.SetChecked(true)
		}
	}
	if msg := dialogText(t, u); !strings.Contains(msg, "Rina Marlina, S.Sos., M.Si.") {
		t.Errorf("the preview does not follow the form: %q", msg)
	}
	test.Tap(dialogButton(t, u, "Simpan"))
	u.WaitIdle()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", dialogText(t, u))
	}
	list, _ := s.Signatories(ctx)
	var rina *data.Signatory
	for _, g := range list {
		if g.Name == "Rina Marlina" {
			rina = g
		}
	}
	if rina == nil || rina.NIP != "198004122005012007" || rina.BackTitle != "S.Sos., M.Si." {
		t.Fatalf("stored %+v", rina)
	}
	if in, _ := s.Institution(ctx); in.DefaultSignatoryID != rina.ID {
		t.Errorf("default signatory %d, want %d", in.DefaultSignatoryID, rina.ID)
	}
	if n, _ := table.Length(); n != 3 || !tableHas(table, 0, "Rina Marlina, S.Sos., M.Si.") {
		t.Errorf("the list shows %d rows after adding", n)
	}

	// Edit the secretary: choosing her row opens her form.
	for i := range 3 {
		if strings.Contains(table.cell(i, 0), "Euis") {
			table.Select(widget.TableCellID{Row: i, Col: 0})
		}
	}
	for _, o := range topDialog(t, u) {
		if e, ok := o.(*keyEntry); ok && e.Text == "Sekretaris" {
			e.SetText("Sekretaris Dinas")
		}
	}
	test.Tap(dialogButton(t, u, "Simpan"))
	u.WaitIdle()
	list, _ = s.Signatories(ctx)
	found := false
	for _, g := range list {
		found = found || g.Name == "Euis Komariah" && g.Position == "Sekretaris Dinas" && g.Delegation == "a.n."
	}
	if !found {
		t.Error("the edit was not stored")
	}
}

func TestLanguageSwitchKeepsSettingsTabAndEdits(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabInstitution)
	findEntry(t, u, "contoh: DINAS PENDIDIKAN").SetText("DINAS PENDIDIKAN DAN KEBUDAYAAN")
	settingsTabs(t, u).SelectIndex(settingsTabLanguage)
	for _, o := range objects(u) {
		if sel, ok := o.(*widget.Select); ok && sel.Selected == "Bahasa Indonesia" {
			sel.SetSelected("English")
		}
	}
	u.WaitIdle()
	if u.CurrentPage() != "settings" || settingsTabs(t, u).SelectedIndex() != settingsTabLanguage {
		t.Fatalf("after switching: page %s, tab %d", u.CurrentPage(), settingsTabs(t, u).SelectedIndex())
	}
	if !hasLabel(u, "Settings") || settingsTabs(t, u).Items[1].Text != "Signatory" {
		t.Error("Pengaturan is not in English")
	}
	settingsTabs(t, u).SelectIndex(settingsTabInstitution)
	if e := findEntry(t, u, "e.g. DINAS PENDIDIKAN"); e.Text != "DINAS PENDIDIKAN DAN KEBUDAYAAN" {
		t.Errorf("the unsaved edit became %q", e.Text)
	}
	if in, _ := s.Institution(ctx); in.Name != "DINAS PENDIDIKAN" {
		t.Errorf("the switch saved the edit: %q", in.Name)
	}
	if menu := u.win.MainMenu(); menu.Items[0].Label != "File" || menu.Items[0].Items[0].Label != "New" {
		t.Errorf("menu not in English: %s / %s", menu.Items[0].Label, menu.Items[0].Items[0].Label)
	}
}

// Pengaturan exports this office's public key, the one its certificates are verified with.
func TestSettingsExportsThePublicKey(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabDatabase)
	path := filepath.Join(t.TempDir(), "kunci.txt")
	fakeSave(u, path)
	test.Tap(findButton(t, u, "Ekspor kunci publik…"))
	u.WaitIdle()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pub, _, err := certify.ParsePublicKey(string(b))
	if err != nil {
		t.Fatalf("the exported key does not read back: %v\n%s", err, b)
	}
	own, _, err := s.OwnPublicKey(context.Background())
	if err != nil || !pub.Equal(own) {
		t.Errorf("exported key %x, the database's %x (%v)", pub, own, err)
	}
}
