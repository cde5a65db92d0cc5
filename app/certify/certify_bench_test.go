package certify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
	"github.com/pembina/pembina/internal/peakmem"
)

// thousand makes a finished program with 1,000 participants, all present at its one session.
func thousand(b *testing.B) (*store.Store, *data.Program) {
	s := storetest.New(b)
	ctx := context.Background()
	p := &data.Program{Code: "BESAR-I", Title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran", Kind: "Pelatihan Teknis",
		BudgetYear: 2026, StartDate: day("2026-11-02"), EndDate: day("2026-11-02"), TotalJP: 8, AttendanceThreshold: 80,
		Organiser: "Dinas Pendidikan Kabupaten Sukamaju", Place: "Aula Dinas Pendidikan"}
	if err := s.CreateProgram(ctx, p); err != nil {
		b.Fatal(err)
	}
	x := &data.Session{ProgramID: p.ID, Date: p.StartDate, Start: "08:00", End: "16:00", TimeZone: "WIB", JP: 8}
	if err := s.CreateSession(ctx, x); err != nil {
		b.Fatal(err)
	}
	err := s.Load(ctx, func(tx *store.Loader) error {
		var ids []int64
		for i := 0; i < 1000; i++ {
			pp := &data.Participant{NIP: fmt.Sprintf("198609262015%02d%d%03d", 1+i/999, 1+i%2, i%999+1), Name: fmt.Sprintf("Peserta Pelatihan %04d", i+1),
				BackTitle: "S.Pd.", RankCode: "III/b", Position: "Guru Ahli Pertama", Unit: "SMP Negeri 1 Sukamaju"}
			pp.Normalize()
			if err := tx.AddParticipant(ctx, pp); err != nil {
				return err
			}
			ids = append(ids, pp.ID)
		}
		enrolments, err := tx.EnrolAll(ctx, p.ID, ids, data.RoleParticipant)
		if err != nil {
			return err
		}
		var marks []data.Mark
		for _, e := range enrolments {
			marks = append(marks, data.Mark{SessionID: x.ID, EnrolmentID: e, Status: data.Present})
		}
		return tx.AddMarks(ctx, marks)
	})
	if err != nil {
		b.Fatal(err)
	}
	return s, p
}

// BenchmarkPrint1000 is `pembina certificates` for 1,000 participants whose certificates were issued and
// printed before: eligibility, the register, the PDF (QR codes from the register).
func BenchmarkPrint1000(b *testing.B) {
	s, p := thousand(b)
	out := filepath.Join(b.TempDir(), "seribu.pdf")
	if res, err := Print(context.Background(), s, p, out, false, day("2026-11-28"), nil); err != nil || res.Printed != 1000 {
		b.Fatal(res, err)
	}
	runtime.GC()
	b.ResetTimer()
	var peak float64
	for i := 0; i < b.N; i++ {
		stop := peakmem.Start()
		if _, err := Print(context.Background(), s, p, out, false, day("2026-11-28"), nil); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
	}
	fi, _ := os.Stat(out)
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric(float64(fi.Size())/1000/1024, "KB/page")
}

// BenchmarkIssueAndPrint1000 is the first `pembina certificates` for 1,000 participants: 1,000 numbers and
// signatures in one transaction, 1,000 QR codes encoded (in parallel) and kept, and the PDF.
func BenchmarkIssueAndPrint1000(b *testing.B) {
	var peak float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, p := thousand(b)
		out := filepath.Join(b.TempDir(), "seribu.pdf")
		runtime.GC()
		b.StartTimer()
		stop := peakmem.Start()
		res, err := Print(context.Background(), s, p, out, false, day("2026-11-28"), nil)
		if err != nil || res.Issued != 1000 {
			b.Fatal(res, err)
		}
		peak = max(peak, stop())
	}
	b.ReportMetric(peak, "peak-MB")
}
