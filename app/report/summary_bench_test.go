package report

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// bigProgram writes a finished program of 500 participants with 8 sessions of 4 speakers, every mark, and the
// standard evaluations answered by nearly everyone: reactions with comments, the speakers, pre-test and
// post-test, and both follow-ups.
func bigProgram(b *testing.B, s *store.Store) *data.Program {
	b.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	p := &data.Program{Code: "BESAR-I/2026", Title: "Pelatihan Kepemimpinan Pengawas Sekolah", Kind: "Pelatihan Manajerial",
		CompetencyKind: "Manajerial", StartDate: start, EndDate: start.AddDate(0, 0, 3), TotalJP: 32, Status: data.StatusFinished,
		AttendanceThreshold: 80, PassScore: 60, Organiser: "Dinas Pendidikan", Place: "Aula"}
	p.Normalize()
	var sessions []*data.Session
	var enrolments []*data.Enrolment
	speakers := []string{"Dr. Hendra Gunawan", "Dra. Euis Komariah", "Ir. Bambang Sutrisno", "Dian Permatasari, M.Psi."}
	err := s.Load(ctx, func(tx *store.Loader) error {
		if err := tx.AddProgram(ctx, p); err != nil {
			return err
		}
		for i := 0; i < 8; i++ {
			x := &data.Session{ProgramID: p.ID, Number: i + 1, Date: start.AddDate(0, 0, i/2), Start: []string{"08:00", "13:00"}[i%2],
				End: []string{"11:30", "16:30"}[i%2], TimeZone: "WIB", Topic: fmt.Sprintf("Materi %d", i+1), Speaker: speakers[i%4], JP: 4}
			if err := tx.AddSession(ctx, x); err != nil {
				return err
			}
			sessions = append(sessions, x)
		}
		var ids []int64
		for i := 0; i < 500; i++ {
			person := &data.Participant{Name: fmt.Sprintf("Peserta Besar %03d", i), EmploymentStatus: "PNS", NIP: fmt.Sprintf("1980010120050%d1%03d", 1+i%9, i+1),
				Unit: fmt.Sprintf("SD Negeri %d Sukamaju", i%30+1)}
			person.Normalize()
			if err := tx.AddParticipant(ctx, person); err != nil {
				return err
			}
			ids = append(ids, person.ID)
		}
		enrolled, err := tx.EnrolAll(ctx, p.ID, ids, data.RoleParticipant)
		if err != nil {
			return err
		}
		var marks []data.Mark
		for _, id := range ids {
			e := &data.Enrolment{ID: enrolled[id], ProgramID: p.ID, ParticipantID: id, Role: data.RoleParticipant}
			enrolments = append(enrolments, e)
			for _, x := range sessions {
				st := data.Present
				if rng.IntN(20) == 0 {
					st = []data.AttendanceStatus{data.Sick, data.Leave, data.Absent, data.Late}[rng.IntN(4)]
				}
				marks = append(marks, data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: st})
			}
		}
		return tx.AddMarks(ctx, marks)
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.AttachStandard(ctx, p.ID, data.BuiltinKeys); err != nil {
		b.Fatal(err)
	}
	attached, err := s.ProgramForms(ctx, p.ID)
	if err != nil {
		b.Fatal(err)
	}
	comments := []string{"Materi sangat bermanfaat untuk tugas pengawasan.", "Waktu praktik perlu ditambah.", "Ruangan terlalu dingin.",
		"Narasumber menguasai materi dengan baik."}
	err = s.Load(ctx, func(tx *store.Loader) error {
		for _, a := range attached {
			f, err := tx.Form(ctx, a.FormID)
			if err != nil {
				return err
			}
			who := []string{""}
			if f.Kind == data.FormSpeaker {
				who = speakers
			}
			for _, e := range enrolments {
				if rng.IntN(10) == 0 {
					continue
				}
				for _, sp := range who {
					r := &data.Response{ProgramFormID: a.ID, ParticipantID: e.ParticipantID, Speaker: sp, Source: data.ResponseImport}
					if a.Respondent == data.RespondentSuperior {
						r.ParticipantID, r.RespondentName = 0, "Atasan "+fmt.Sprint(e.ParticipantID)
					}
					for _, q := range f.Visible() {
						ans := data.Answer{QuestionID: q.ID}
						switch q.Kind {
						case data.QuestionScale:
							ans.Number, ans.HasNumber = float64(2+rng.IntN(3)), true
						case data.QuestionImportancePerf:
							ans.Number, ans.HasNumber, ans.Number2, ans.HasNumber2 = float64(3+rng.IntN(2)), true, float64(2+rng.IntN(3)), true
						case data.QuestionShortText, data.QuestionLongText:
							if rng.IntN(4) == 0 {
								ans.Text = comments[rng.IntN(len(comments))]
							}
						case data.QuestionTestItem:
							ans.Text = q.Options[rng.IntN(len(q.Options))]
							if rng.IntN(3) > 0 {
								ans.Text = q.Correct
							}
						case data.QuestionYesNo:
							ans.Text = data.Yes
						case data.QuestionSingleChoice:
							ans.Text = q.Options[rng.IntN(len(q.Options))]
						case data.QuestionNumber:
							ans.Number, ans.HasNumber = float64(rng.IntN(10)), true
						}
						r.Answers = append(r.Answers, ans)
					}
					if err := tx.AddResponse(ctx, r); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkSummary500 reads and writes the evaluation summary of a program of 500 participants (8 sessions,
// about 4.000 responses over six forms). The issue asks for 0,5 s or less.
func BenchmarkSummary500(b *testing.B) {
	s := storetest.New(b)
	p := bigProgram(b, s)
	ctx := context.Background()
	today := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		sum, err := LoadSummary(ctx, s, p.ID, today)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Line.Enrolled != 500 {
			b.Fatalf("%d enrolled", sum.Line.Enrolled)
		}
		if err := WriteSummary(io.Discard, sum); err != nil {
			b.Fatal(err)
		}
	}
}
