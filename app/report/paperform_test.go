package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

func TestPaperForms(t *testing.T) {
	p := &data.Program{Code: "PTD-I/2026", Title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran", Batch: 1,
		StartDate: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC),
		Place: "Aula Dinas Pendidikan Kabupaten Sukamaju"}
	sessions := []*data.Session{
		{Speaker: "Dr. Hendra Gunawan, M.Kom.", Topic: "Literasi Digital bagi Guru"},
		{Speaker: "Rina Kartika, S.Kom., M.T.", Topic: "Platform Pembelajaran Daring"},
		{Speaker: "Dr. Hendra Gunawan, M.Kom.", Topic: "Asesmen Berbasis Digital"},
	}
	forms := builtinFormsWithIDs()
	tests := []struct {
		key        string
		respondent data.Respondent
		want       []string
		minPages   int
	}{
		{data.BuiltinOrganisation, data.RespondentAnonymous, []string{"EVALUASI PENYELENGGARAAN", "Harapan", "Kenyataan",
			"Kesesuaian materi dengan kebutuhan pekerjaan *", "1 = Tidak Penting", "4 = Sangat Baik", "Tidak perlu menuliskan nama",
			"Saran perbaikan penyelenggaraan", "Angkatan I", "3 s.d. 5 November 2026", "halaman 1 dari"}, 1},
		{data.BuiltinSpeaker, data.RespondentParticipant, []string{"EVALUASI NARASUMBER", "Dr. Hendra Gunawan, M.Kom.",
			"Literasi Digital bagi Guru; Asesmen Berbasis Digital", "Rina Kartika, S.Kom., M.T.", "Penguasaan materi *", "NIP"}, 2},
		{data.BuiltinPreTest, data.RespondentParticipant, []string{"PRE-TEST PEMANFAATAN TEKNOLOGI DIGITAL",
			"Learning Management System", "Lingkari huruf", "Nilai", "Redefinition"}, 2},
		{data.BuiltinFollowUpSuperior, data.RespondentSuperior, []string{"Nama alumni yang dinilai", "Sangat Setuju",
			"Atasan langsung,", "Sukamaju, ....", "Perubahan yang paling terlihat pada alumni"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			var b bytes.Buffer
			err := WritePaperForm(&b, PaperForm{Institution: institution(), Program: p, Form: forms[tt.key], Sessions: sessions,
				Attachment: &data.ProgramForm{Level: forms[tt.key].Kind.DefaultLevel(), Respondent: tt.respondent}})
			if err != nil {
				t.Fatal(err)
			}
			text, pages := pdfText(t, b.Bytes())
			flat := strings.Join(strings.Fields(text), " ")
			for _, want := range tt.want {
				if !strings.Contains(flat, want) {
					t.Errorf("PDF lacks %q", want)
				}
			}
			if pages < tt.minPages {
				t.Errorf("%d pages, want at least %d", pages, tt.minPages)
			}
			for _, q := range forms[tt.key].Visible() {
				if words := strings.Fields(q.Text); !strings.Contains(flat, words[0]) {
					t.Errorf("question %q missing", q.Text)
				}
			}
		})
	}
}

// builtinFormsWithIDs are the built-in forms by key, their questions numbered as the store would.
func builtinFormsWithIDs() map[string]*data.Form {
	forms := map[string]*data.Form{}
	for i, f := range data.BuiltinForms() {
		for j, q := range f.Questions() {
			q.ID = int64(i*100 + j + 1)
		}
		forms[f.Builtin] = f
	}
	return forms
}
