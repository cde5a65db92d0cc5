package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestImportResponsesCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	_, forms, _ := pembina(t, "--db", db, "list", "forms")
	speakerID := ""
	for _, l := range strings.Split(strings.TrimSpace(forms), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 5 && f[1] == "speaker" {
			speakerID = f[0]
		}
	}
	if speakerID == "" {
		t.Fatalf("no speaker form listed:\n%s", forms)
	}
	_, people, _ := pembina(t, "--db", db, "list", "participants", "--program", "KPP-I/2026")
	var enrolled [][]string
	for _, l := range strings.Split(strings.TrimSpace(people), "\n") {
		enrolled = append(enrolled, strings.Split(l, "\t"))
	}
	header := []string{"Timestamp", "NIP", "Nama", "Narasumber", "Penguasaan materi", "Ketepatan waktu", "Sistematika penyajian",
		"Penggunaan metode dan media pembelajaran", "Sikap dan perilaku", "Cara menjawab pertanyaan peserta", "Penggunaan bahasa",
		"Kemampuan memotivasi peserta", "Kerja sama dengan peserta dan panitia", "Saran untuk narasumber"}
	row := func(stamp, nipCell, name, value string) []string {
		r := []string{stamp, nipCell, name, "Nurhadi, S.H., M.H."}
		for i := 0; i < 9; i++ {
			r = append(r, value)
		}
		return append(r, "Contoh, lebih banyak")
	}
	path := filepath.Join(dir, "Evaluasi Narasumber (Jawaban).csv")
	f, _ := os.Create(path)
	w := csv.NewWriter(f)
	w.WriteAll([][]string{header,
		row("2026/11/28 9:15:32 AM GMT+7", enrolled[0][0], enrolled[0][1], "Sangat Baik"),
		row("2026/11/28 9:16:32 AM GMT+7", "", enrolled[1][1], "4"),
		row("2026/11/28 9:17:32 AM GMT+7", "", "Tamu Undangan", "Baik"),
		row("2026/11/28 9:45:00 AM GMT+7", enrolled[0][0], enrolled[0][1], "Baik"),
	})
	f.Close()

	code, out, errOut := pembina(t, "--db", db, "import", "responses", path, "--program", "KPP-I/2026", "--form", speakerID)
	if code != 0 {
		t.Fatalf("import = %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"Diimpor 3 jawaban ke \"Evaluasi Narasumber\"", "1 baris tidak cocok", "baris 4: Tamu Undangan",
		"Jawaban ganda dari", "baris 5 dipakai (lebih baru), baris 2 dilewati"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = pembina(t, "--db", db, "import", "responses", "--program", "KPP-I/2026", "--form", speakerID, path)
	if code != 0 || !strings.Contains(out, "Diimpor 0 jawaban") || !strings.Contains(out, "3 baris sudah pernah diimpor") {
		t.Errorf("second import = %d\n%s", code, out)
	}
	// Without --form: the attached form the file fits, so the same file adds nothing.
	code, out, _ = pembina(t, "--db", db, "import", "responses", path, "--program", "KPP-I/2026")
	if code != 0 || !strings.Contains(out, "Diimpor 0 jawaban ke \"Evaluasi Narasumber\"") || strings.Contains(out, "Formulir baru") {
		t.Errorf("import without --form of a file already imported = %d\n%s", code, out)
	}
	// A file that fits no attached form: a new form, attached, its ID printed; a second import finds it.
	other := filepath.Join(dir, "Kesan Peserta.csv")
	os.WriteFile(other, []byte("Timestamp,NIP,Nama,Kesan keseluruhan pelatihan,Hal yang paling berguna\n"+
		"2026/11/28 9:15:32,"+enrolled[0][0]+","+enrolled[0][1]+",Sangat Baik,Praktik\n"+
		"2026/11/28 9:16:32,,"+enrolled[1][1]+",Baik,Diskusi\n"), 0o644)
	code, out, _ = pembina(t, "--db", db, "import", "responses", other, "--program", "KPP-I/2026", "--dry-run")
	if code != 0 || !strings.Contains(out, "Uji coba: 2 jawaban akan diimpor") {
		t.Errorf("dry run = %d\n%s", code, out)
	}
	code, out, _ = pembina(t, "--db", db, "import", "responses", other, "--program", "KPP-I/2026")
	if code != 0 || !strings.Contains(out, "Formulir baru dibuat dari kolom berkas: ID 7") || !strings.Contains(out, "Diimpor 2 jawaban") {
		t.Errorf("import without a form = %d\n%s", code, out)
	}
	code, out, _ = pembina(t, "--db", db, "import", "responses", other, "--program", "KPP-I/2026")
	if code != 0 || !strings.Contains(out, "Diimpor 0 jawaban") || strings.Contains(out, "Formulir baru") {
		t.Errorf("the same file again = %d\n%s", code, out)
	}

	bad := filepath.Join(dir, "salah.csv")
	os.WriteFile(bad, []byte("Timestamp,Nama,Narasumber,Penguasaan materi\n2026/11/28 9:00:00,Budi,Nurhadi,7\n"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, 2, "sebutkan jenis berkas"},
		{[]string{"import", "cats"}, 2, "tidak dikenal"},
		{[]string{"import", "responses"}, 2, "sebutkan berkas"},
		{[]string{"import", "responses", path}, 2, "--program"},
		{[]string{"import", "responses", path, "--program", "NOPE"}, 1, "tidak ditemukan"},
		{[]string{"import", "responses", filepath.Join(dir, "hilang.csv"), "--program", "KPP-I/2026"}, 1, "tidak ditemukan"},
		{[]string{"import", "responses", bad, "--program", "KPP-I/2026", "--form", speakerID}, 1, "Baris 2, kolom \"Penguasaan materi\": nilai \"7\" di luar skala"},
		{[]string{"import", "responses", path, "--program", "KPP-I/2026", "--form", "999"}, 1, "Formulir 999 tidak ditemukan"},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) || (code == 1 && strings.Count(errOut, "\n") != 1) {
			t.Errorf("pembina %v = %d, %q; want %d with %q on one line", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
