package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

func programByPrefix(t *testing.T, s *store.Store, prefix string) *data.Program {
	t.Helper()
	rows, _ := s.Programs(context.Background(), store.ProgramFilter{})
	for _, r := range rows {
		if strings.HasPrefix(r.Code, prefix) {
			return r.Program
		}
	}
	t.Fatalf("no sample program %s", prefix)
	return nil
}

// The summary of a program with every kind of evaluation, read back: its figures are the analysis's, written
// with the Indonesian decimal comma, and every section is there.
func TestSummaryReadBack(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	p := programByPrefix(t, s, "PTD-I/")
	sum, flat, pages := summaryText(t, s, p.ID)

	// The figures, computed independently by the analysis of the evaluations.
	rep, err := analysis.Load(ctx, s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	roster, _ := s.Roster(ctx, p.ID)
	want := []string{
		"LAPORAN EVALUASI PROGRAM", strings.ToUpper(p.Title), "Angkatan I · Tahun Anggaran 2026", p.Code, p.Dates(),
		indo.WithWords(int64(p.TotalJP)) + " jam pelajaran", p.Place,
		"A. Angka Utama", "B. Kehadiran per Sesi", "C. Evaluasi Reaksi (Level 1)", "D. Evaluasi Pembelajaran (Level 2)",
		"E. Evaluasi Pasca Pelatihan (Level 3)", "F. Keterangan Skala",
		rep.Satisfaction.Category + " · rata-rata " + indo.Decimal(rep.Satisfaction.Mean, 2),
		"Peringkat narasumber", "Butir terkuat dan terlemah", "Saran dan komentar peserta",
		"Analisis kepentingan × kinerja", "Kuadran I – Prioritas Utama",
		"1,00–2,59 Tidak Baik", "3,54–4,00 Sangat Baik", "Halaman 1 dari " + itoa(pages),
		sum.Signatory.FullName(), "NIP. " + formatNIP(sum.Signatory.NIP),
	}
	// The tiles print their labels on one line and their figures on the next.
	recap, _ := s.AttendanceRecap(ctx, p.ID, sampleDay)
	attended, held, responded, expected := 0, 0, 0, 0
	for _, r := range recap.Rows {
		attended += r.Rate.JPAttended
		held += r.Rate.JPScheduled
	}
	for _, f := range rep.Forms {
		if f.Attachment.Level == 1 {
			responded += f.Rate.Responded
			expected += f.Rate.Expected
		}
	}
	gain := "–"
	for _, pp := range rep.Tests {
		if pp.Paired > 0 {
			gain = indo.Decimal(pp.ClassNGain, 2)
			break
		}
	}
	want = append(want, "Peserta terdaftar Hadir Memenuhi syarat Bersertifikat "+indo.Int(int64(len(roster))),
		"Tingkat kehadiran Tingkat respons Indeks kepuasan N-gain kelas "+indo.Percent(float64(attended)/float64(held), 1)+" "+
			indo.Percent(float64(responded)/float64(expected), 1)+" "+indo.Decimal(rep.Satisfaction.Percent, 2)+" "+gain)
	tests := 0
	for _, pp := range rep.Tests {
		if pp.Paired > 0 {
			tests++
			want = append(want, "Rata-rata pre-test "+indo.Decimal(pp.MeanPre, 2),
				"Rata-rata post-test "+indo.Decimal(pp.MeanPost, 2), indo.Decimal(pp.ClassNGain, 2)+" ("+pp.ClassCategory+")")
		}
	}
	forms := 0
	for _, f := range rep.Forms {
		if f.Form.IsTest() || f.Result.Items == 0 {
			continue
		}
		forms++
		want = append(want, "Rata-rata formulir "+indo.Decimal(f.Result.Mean, 2)+" ("+f.Result.Category+")")
		for _, q := range f.Result.Questions {
			if q.IsRated() && q.Stat.N > 0 {
				want = append(want, indo.Decimal(q.Stat.Mean, 2)+" "+q.Category)
			}
		}
	}
	if tests == 0 || forms < 3 {
		t.Fatalf("the sample program should have tests and level 1 and 3 forms: %d, %d", tests, forms)
	}
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("summary lacks %q", w)
		}
	}
	if strings.Contains(flat, indo.Decimal(rep.Satisfaction.Percent, 2)[:2]+"."+indo.Decimal(rep.Satisfaction.Percent, 2)[3:]) {
		t.Error("a figure is written with a decimal point")
	}
	if pages < 3 {
		t.Errorf("%d pages", pages)
	}
}

// A planned program without sessions held or evaluations keeps every section, each saying so in one line.
func TestSummaryWithoutData(t *testing.T) {
	s := sampleStore(t)
	p := programByPrefix(t, s, "BTK-")
	_, flat, _ := summaryText(t, s, p.ID)
	for _, w := range []string{"B. Kehadiran per Sesi Belum ada sesi yang terlaksana.",
		"C. Evaluasi Reaksi (Level 1) Belum ada formulir evaluasi reaksi (level 1) yang dilampirkan pada program ini.",
		"D. Evaluasi Pembelajaran (Level 2) Program ini tidak memiliki pre-test dan post-test.",
		"E. Evaluasi Pasca Pelatihan (Level 3) Belum ada evaluasi pasca pelatihan (level 3) untuk program ini.",
		"F. Keterangan Skala Laporan ini tidak memuat nilai berskala.",
		"Tingkat kehadiran Tingkat respons Indeks kepuasan N-gain kelas – – – –"} {
		if !strings.Contains(flat, w) {
			t.Errorf("summary lacks %q", w)
		}
	}
}

// summaryText writes the summary of a program on the sample day and reads it back: the document, its text
// with every run of white space made one space, and its page count.
func summaryText(t *testing.T, s *store.Store, programID int64) (*Summary, string, int) {
	t.Helper()
	sum, err := LoadSummary(context.Background(), s, programID, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSummary(&buf, sum); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, buf.Bytes())
	return sum, strings.Join(strings.Fields(text), " "), pages
}

func itoa(n int) string { return indo.Plain(int64(n)) }
