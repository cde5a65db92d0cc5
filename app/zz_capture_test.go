package app

import (
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pembina/pembina/data"
)

func capture(t *testing.T, w fyne.Window, name string) {
	img := w.Canvas().Capture()
	f, _ := os.Create("/tmp/cap-" + name + ".png")
	png.Encode(f, img)
	f.Close()
}

func TestZZImportShot(t *testing.T) {
	u, s := newTestUI(t, true)
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	path := filepath.Join(t.TempDir(), "Evaluasi Hari Pertama (Jawaban).csv")
	out, _ := os.Create(path)
	w := csv.NewWriter(out)
	w.Write([]string{"Stempel waktu", "Alamat email", "Nama Lengkap", "NIP", "Harapan [Kesesuaian materi dengan kebutuhan pekerjaan]", "Kenyataan [Kesesuaian materi dengan kebutuhan pekerjaan]", "Harapan [Bahan ajar mudah dipahami]", "Kenyataan [Bahan ajar mudah dipahami]", "Apakah Anda akan menyarankan pelatihan ini kepada rekan kerja?", "Saran perbaikan penyelenggaraan", "Kesan umum"})
	w.Write([]string{"28/11/2026 9.15.32", "", "Tamu", "", "Sangat Penting", "Baik", "Penting", "Lumayan", "Ya", "Bagus", "ok"})
	w.Write([]string{"28/11/2026 9.16.32", "", "Tamu Dua", "", "Sangat Penting", "5", "Penting", "Baik", "Ya", "", "ok"})
	w.Flush()
	out.Close()
	chooseResponsesFile = func(_ *UI, done func(string)) { done(path) }
	tab.importResponses(nil)
	u.WaitIdle()
	u.win.Resize(fyne.NewSize(1200, 760))
	capture(t, u.win, "import")
	org := attachment(t, tab, data.FormSpeaker)
	pe := u.openPaperEntry(tab, org)
	test.Type(pe.who, "2")
	pe.win.Resize(fyne.NewSize(1100, 720))
	capture(t, pe.win, "paper")
}
