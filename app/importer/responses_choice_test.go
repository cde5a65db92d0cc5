package importer

import (
	"context"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

// TestReadResponsesRefusesWhatIsNoEvaluation: a participant list and random text are refused with the
// reason; an export with a timestamp, or with two scale or question columns, is read.
func TestReadResponsesRefusesWhatIsNoEvaluation(t *testing.T) {
	refused := map[string][][]string{
		"daftar peserta.csv": {{"NO", "NIP", "NAMA", "JABATAN", "UNIT KERJA", "EMAIL"},
			{"1", "198609262015051001", "Budi Santoso", "Guru", "SD Negeri 1", "budi@guru.sd.belajar.id"},
			{"2", "196903091994032001", "Siti Aminah", "Guru", "SD Negeri 2", "siti@guru.sd.belajar.id"}},
		"acak.csv":       {{"xq7#Lp", "9vR!k", "zz(8"}, {"mQ2@", "p0o9", "l;kj"}, {"3hf&", "Yt5%", "q1w2"}},
		"satu skala.csv": {{"Nama", "Nilai materi"}, {"Budi", "4"}, {"Siti", "5"}},
		// A short list: its row numbers 1–3 are no answers on a scale.
		"daftar kecil.csv": {{"No.", "NIP", "Nama", "Mata Pelajaran yang Diampu", "Unit Kerja"},
			{"1", "199011042019062188", "Ai Rostika", "Bahasa Indonesia", "SMP Negeri 1 Sindangsari"},
			{"2", "197205031998122498", "Ai Wulandari", "Matematika", "SD Negeri 2 Margaluyu"},
			{"3", "199612022022222992", "Cucu Nurjanah", "IPA", "SD Negeri 1 Cikadu"}},
	}
	for name, rows := range refused {
		_, err := ReadResponses(gfCSV(t, name, rows))
		if !data.IsKind(err, data.KindInvalid) || !strings.Contains(err.Error(), "bukan ekspor jawaban evaluasi") {
			t.Errorf("%s: %v, want it refused as no evaluation export", name, err)
		}
	}
	accepted := map[string][][]string{
		"waktu saja.csv": {{"Timestamp", "Nama", "Kesan Anda"}, {"2026/11/20 8:01:02 AM GMT+7", "Budi", "bagus"}},
		"dua skala.csv": {{"Nama", "Materi", "Pelayanan panitia"}, {"Budi", "Sangat Baik", "Sangat Setuju"}, {"Siti", "Cukup", "Ragu-ragu"},
			{"Asep", "Sangat Kurang", "Sangat Tidak Setuju"}, {"Euis", "Kurang", "Netral"}},
		"dua pertanyaan.csv": {{"Nama", "Apa yang paling bermanfaat?", "Saran untuk penyelenggaraan berikutnya menurut Anda"},
			{"Budi", "praktik", "waktu ditambah"}},
	}
	for name, rows := range accepted {
		if _, err := ReadResponses(gfCSV(t, name, rows)); err != nil {
			t.Errorf("%s refused: %v", name, err)
		}
	}
}

// TestFivePointScaleWords: both Indonesian five-point families are read as a 1–5 scale, in order.
func TestFivePointScaleWords(t *testing.T) {
	for _, words := range [][]string{
		{"Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"},
		{"Sangat Tidak Setuju", "Tidak Setuju", "Ragu-ragu", "Setuju", "Sangat Setuju"},
		{"Sangat Tidak Setuju", "Tidak Setuju", "Netral", "Setuju", "Sangat Setuju"},
	} {
		sc, labels := inferScale(words)
		if sc != data.Scale5 || len(labels) != 5 {
			t.Errorf("%v read as %q %v", words, sc, labels)
			continue
		}
		r := newScaleReader(sc, labels, words)
		for i, w := range words {
			if v, msg := r.read(w); msg != "" || v != float64(i+1) {
				t.Errorf("%q = %v %q, want %d", w, v, msg, i+1)
			}
		}
	}
}

// TestChooseFormNeedsMostColumns: a file goes to the attached form most of its question columns match, with
// the share in the reason; a file that matches one column of the speaker form gets a new form instead.
func TestChooseFormNeedsMostColumns(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	org := gfCSV(t, "organisasi.csv", [][]string{orgHeader(fx.org),
		orgRow("2026/11/20 8:01:02 AM GMT+7", "budi.santoso@guru.sd.belajar.id", "Budi Santoso", "198609262015051001",
			[]string{"4"}, []string{"3"}, "Ya", "praktik", "waktu")})
	rf, err := ReadResponses(org)
	if err != nil {
		t.Fatal(err)
	}
	choice, err := ChooseForm(ctx, fx.s, fx.program, rf)
	if err != nil {
		t.Fatal(err)
	}
	if choice.Form == nil || choice.Form.ID != fx.org.ID || !choice.Fit.Enough() || !strings.Contains(choice.Reason, "kolom pertanyaan (") {
		t.Errorf("organisation export: %+v", choice)
	}

	other := gfCSV(t, "lain.csv", [][]string{
		{"Timestamp", "Nama", "Penguasaan materi", "Kebersihan ruang kelas", "Kenyamanan asrama", "Kualitas konsumsi", "Kecepatan internet"},
		{"2026/11/20 8:01:02 AM GMT+7", "Budi Santoso", "4", "3", "2", "4", "1"}})
	if rf, err = ReadResponses(other); err != nil {
		t.Fatal(err)
	}
	choice, err = ChooseForm(ctx, fx.s, fx.program, rf)
	if err != nil {
		t.Fatal(err)
	}
	if choice.Form != nil || choice.Fit.Matched != 1 || choice.Fit.Questions != 5 || !strings.Contains(choice.Reason, "1 dari 5 kolom pertanyaan (20%)") ||
		!strings.Contains(choice.Reason, "formulir baru") {
		t.Errorf("one matching column: form %v, fit %+v, %q", choice.Form != nil, choice.Fit, choice.Reason)
	}
}
