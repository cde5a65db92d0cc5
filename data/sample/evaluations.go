package sample

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// The evaluation step: the built-in forms attached to the sample programs with the responses a Dinas
// Pendidikan would collect. Every finished program has its level-1 reaction (the organisation and each of its
// speakers); both batches of the digital-learning training have the pre-test and post-test with a pass score
// of 70; the first batch, finished five months ago, has its level-3 follow-up from alumni and their
// superiors. The running program has its level-1 forms attached and waiting, for the kiosk.

// orgProfile is how well each organisation item went: performance offset and importance, by question order.
var orgProfile = []struct{ perf, imp float64 }{
	{+0.20, 3.80}, // relevance of the material
	{0.00, 3.60},  // easy teaching material
	{+0.05, 3.55}, // methods fit the material
	{-0.30, 3.45}, // time for tasks and quizzes
	{+0.15, 3.40}, // responsive organisers
	{-0.40, 3.05}, // meals
	{-0.10, 3.30}, // learning environment
	{-0.25, 3.50}, // online platform
}

var usefulComments = []string{
	"Materinya langsung bisa diterapkan di tempat kerja",
	"Diskusi dan berbagi pengalaman dengan peserta dari sekolah lain",
	"Contoh kasus sesuai dengan pekerjaan sehari-hari",
	"Narasumber menguasai materi dan penjelasannya mudah dipahami",
	"Latihan praktik di setiap sesi",
	"Bahan tayang dan modul yang dibagikan lengkap",
}

var improvementComments = []string{
	"Waktu praktik perlu ditambah",
	"Konsumsi siang sering terlambat datang",
	"Ruangan terlalu dingin, mohon pendingin ruangan diatur",
	"Koneksi internet di lokasi perlu diperbaiki",
	"Bahan ajar sebaiknya dibagikan beberapa hari sebelum pelatihan",
	"Jeda istirahat sore sebaiknya lebih panjang",
	"Mohon diadakan pelatihan lanjutan tingkat mahir",
	"Jadwal jangan bertepatan dengan pembagian rapor",
}

var speakerComments = []string{
	"Contoh praktiknya diperbanyak",
	"Suara kurang terdengar dari barisan belakang",
	"Penyampaian sangat jelas, pertahankan",
	"Waktu tanya jawab sebaiknya diperpanjang",
	"Tayangan terlalu padat tulisan",
	"Terima kasih, sangat memotivasi",
}

var alumniExamples = []string{
	"Membuat kuis daring untuk ulangan harian di kelas saya",
	"Memakai video pembelajaran buatan sendiri untuk materi yang sulit",
	"Mengelola pengumpulan tugas siswa melalui kelas daring",
	"Membantu rekan guru menyiapkan asesmen berbasis digital",
	"Menyusun bahan ajar interaktif untuk pembelajaran tematik",
	"Mengirim umpan balik tugas kepada siswa lewat platform pembelajaran",
}

var alumniObstacles = []string{
	"Jaringan internet di sekolah belum stabil",
	"Tidak semua siswa memiliki gawai sendiri",
	"Waktu menyiapkan bahan ajar digital terbatas",
	"Proyektor di kelas sering bermasalah",
}

var alumniNeeds = []string{"Pembuatan video pembelajaran", "Analisis hasil asesmen", "Pengelolaan kelas daring tingkat lanjut",
	"Desain grafis sederhana untuk bahan ajar"}

var superiorChanges = []string{
	"Lebih aktif memakai teknologi dalam pembelajaran",
	"Menjadi rujukan rekan guru untuk urusan TIK",
	"Administrasi nilai lebih tertib dan tepat waktu",
	"Pembelajaran di kelasnya lebih menarik bagi siswa",
}

var superiorAdvice = []string{
	"Pelatihan pembuatan media pembelajaran berbasis video",
	"Dilibatkan sebagai fasilitator pada angkatan berikutnya",
	"Pelatihan analisis data hasil belajar",
}

// evaluations holds the built-in forms for the step.
type evaluations struct {
	forms map[string]*data.Form
	check bool // validate every response against its form (the small set; the large one trusts the generator)
	n     int  // responses written
}

func (w *world) builtinForms(ctx context.Context, l *store.Loader) (*evaluations, error) {
	ev := &evaluations{forms: map[string]*data.Form{}}
	for _, f := range data.BuiltinForms() {
		got, err := l.FormByBuiltin(ctx, f.Builtin)
		if data.IsKind(err, data.KindNotFound) {
			// An empty database whose built-in form was deleted gets it back for the sample.
			f.Normalize()
			err = l.AddForm(ctx, f)
			got = f
		}
		if err != nil {
			return nil, err
		}
		ev.forms[f.Builtin] = got
	}
	return ev, nil
}

// attach attaches the built-in forms named by keys to a program as the standard set does.
func (ev *evaluations) attach(ctx context.Context, l *store.Loader, pp *plannedProgram, keys []string) (map[string]*data.ProgramForm, error) {
	attached := map[string]*data.ProgramForm{}
	for _, key := range keys {
		f := ev.forms[key]
		pf := store.StandardAttachment(pp.Program, f.Kind)
		pf.FormID = f.ID
		if err := l.AttachForm(ctx, &pf); err != nil {
			return nil, err
		}
		attached[key] = &pf
	}
	return attached, nil
}

// evaluate is the step loadBase runs after attendance.
func (w *world) evaluate(ctx context.Context, l *store.Loader) error {
	ev, err := w.builtinForms(ctx, l)
	if err != nil {
		return err
	}
	ev.check = true
	followUp := false
	for _, pp := range w.programs {
		if pp.Status != data.StatusFinished && pp.Status != data.StatusRunning {
			continue
		}
		keys := []string{data.BuiltinOrganisation, data.BuiltinSpeaker}
		tests := strings.HasPrefix(pp.Code, "PTD-")
		if tests {
			keys = append(keys, data.BuiltinPreTest, data.BuiltinPostTest)
			// Stored with a pass score; the plan's copy keeps none, as it always did.
			scored := *pp.Program
			scored.PassScore = 70
			if err := l.UpdateProgram(ctx, &scored); err != nil {
				return err
			}
		}
		withFollowUp := tests && !followUp && pp.Status == data.StatusFinished && w.today.Sub(pp.EndDate) > 100*24*time.Hour
		if withFollowUp {
			followUp = true
			keys = append(keys, data.BuiltinFollowUpAlumni, data.BuiltinFollowUpSuperior)
		}
		attached, err := ev.attach(ctx, l, pp, keys)
		if err != nil {
			return err
		}
		if pp.Status != data.StatusFinished {
			continue // the running program's forms wait for the kiosk
		}
		quality := 3.0 + float64((len(pp.Code)*7+pp.Batch*5+int(pp.ID)*3)%8)/10 // 3,0 … 3,7
		if err := w.reactions(ctx, l, ev, pp, attached, quality); err != nil {
			return err
		}
		if tests {
			if err := w.tests(ctx, l, ev, pp, attached, pp.Batch == 2); err != nil {
				return err
			}
		}
		if withFollowUp {
			if err := w.followUps(ctx, l, ev, pp, attached); err != nil {
				return err
			}
		}
	}
	w.sum.Responses += ev.n
	return nil
}

// point draws a whole scale point around mean, with the spread real answers have.
func (w *world) point(mean float64, max int) float64 {
	v := math.Round(mean + w.rng.NormFloat64()*0.55)
	return math.Max(1, math.Min(float64(max), v))
}

func (w *world) pick(list []string) string { return list[w.rng.IntN(len(list))] }

func (w *world) source() string {
	switch r := w.rng.IntN(20); {
	case r < 12:
		return data.ResponseApp
	case r < 17:
		return data.ResponsePaper
	}
	return data.ResponseImport
}

// at is a moment on day between the given WIB hours, in UTC as responses store it.
func (w *world) at(day time.Time, fromHour, toHour int) time.Time {
	minutes := fromHour*60 + w.rng.IntN((toHour-fromHour)*60)
	return day.Add(time.Duration(minutes-7*60) * time.Minute)
}

func (ev *evaluations) write(ctx context.Context, l *store.Loader, f *data.Form, r *data.Response) error {
	if ev.check {
		if err := r.Validate(f); err != nil {
			return fmt.Errorf("sample response to %s: %w", f.Title, err)
		}
	}
	if r.Source == data.ResponseImport {
		r.ImportKey = fmt.Sprintf("contoh-%d-%d-%s", r.ProgramFormID, r.ParticipantID, r.Speaker)
	}
	ev.n++
	return l.AddResponse(ctx, r)
}

// reactions writes the level-1 responses: the organisation form from most participants and the speaker form
// for each speaker they heard.
func (w *world) reactions(ctx context.Context, l *store.Loader, ev *evaluations, pp *plannedProgram,
	attached map[string]*data.ProgramForm, quality float64) error {
	org, speaker := ev.forms[data.BuiltinOrganisation], ev.forms[data.BuiltinSpeaker]
	online := pp.Delivery != "luring"
	speakers := programSpeakers(pp)
	skill := map[string]float64{}
	for i, sp := range speakers {
		skill[sp] = 2.9 + float64((i*5+len(sp))%9)/10 // 2,9 … 3,7
	}
	for _, e := range pp.enrolments {
		if w.rng.IntN(100) < 92 {
			r := &data.Response{ProgramFormID: attached[data.BuiltinOrganisation].ID, ParticipantID: e.ParticipantID,
				Source: w.source(), SubmittedAt: w.at(pp.EndDate, 14, 17)}
			mood := w.rng.NormFloat64() * 0.25
			item := 0
			for _, q := range org.Visible() {
				switch q.Kind {
				case data.QuestionImportancePerf:
					prof := orgProfile[item%len(orgProfile)]
					item++
					if !q.Required && !online {
						continue // the online-platform item, left empty in a classroom training
					}
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, HasNumber: true, HasNumber2: true,
						Number: w.point(prof.imp, 4), Number2: w.point(quality+prof.perf+mood, 4)})
				case data.QuestionYesNo:
					text := data.Yes
					if w.rng.Float64() > 0.55+quality/10 {
						text = data.No
					}
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: text, Number: b2f(text == data.Yes), HasNumber: true})
				case data.QuestionLongText:
					list := usefulComments
					if strings.Contains(q.Text, "Saran") {
						list = improvementComments
					}
					if w.rng.IntN(100) < 35 {
						r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: w.pick(list)})
					}
				}
			}
			if err := ev.write(ctx, l, org, r); err != nil {
				return err
			}
		}
		if w.rng.IntN(100) >= 88 {
			continue
		}
		for _, sp := range speakers {
			if w.rng.IntN(100) >= 95 {
				continue
			}
			r := &data.Response{ProgramFormID: attached[data.BuiltinSpeaker].ID, ParticipantID: e.ParticipantID, Speaker: sp,
				Source: data.ResponseApp, SubmittedAt: w.at(pp.EndDate, 14, 17)}
			mood := w.rng.NormFloat64() * 0.2
			for i, q := range speaker.Visible() {
				if q.Kind == data.QuestionScale {
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, HasNumber: true,
						Number: w.point(skill[sp]+mood+float64(i%3-1)*0.1, 4)})
				} else if w.rng.IntN(100) < 15 {
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: w.pick(speakerComments)})
				}
			}
			if err := ev.write(ctx, l, speaker, r); err != nil {
				return err
			}
		}
	}
	return nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func programSpeakers(pp *plannedProgram) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range pp.sessions {
		if x.Speaker != "" && !seen[x.Speaker] {
			seen[x.Speaker] = true
			out = append(out, x.Speaker)
		}
	}
	return out
}

// tests writes the pre-test and post-test: each participant has an ability and a learning rate, each item an
// ease, so the class gains, a few decline, and the items differ in difficulty. With perfect set, one
// participant scores 100 on the pre-test (the undefined-gain case of docs/domain.md §4).
func (w *world) tests(ctx context.Context, l *store.Loader, ev *evaluations, pp *plannedProgram,
	attached map[string]*data.ProgramForm, perfect bool) error {
	pre, post := ev.forms[data.BuiltinPreTest], ev.forms[data.BuiltinPostTest]
	ease := func(q *data.Question) float64 {
		var h int
		for _, c := range q.ItemKey {
			h = h*31 + int(c)
		}
		return 0.6 + float64(h%8)/10 // 0,6 … 1,3
	}
	answer := func(q *data.Question, p float64) data.Answer {
		a := data.Answer{QuestionID: q.ID, Text: q.Correct, Number: q.Points, HasNumber: true}
		if w.rng.Float64() >= p {
			wrong := q.Options[w.rng.IntN(len(q.Options))]
			for wrong == q.Correct {
				wrong = q.Options[w.rng.IntN(len(q.Options))]
			}
			a.Text, a.Number = wrong, 0
		}
		return a
	}
	for i, e := range pp.enrolments {
		ability := 0.25 + w.rng.Float64()*0.45
		learn := 0.25 + w.rng.Float64()*0.6
		if perfect && i == 3 {
			ability, learn = 1.2, -0.15
		}
		if w.rng.IntN(100) < 97 {
			r := &data.Response{ProgramFormID: attached[data.BuiltinPreTest].ID, ParticipantID: e.ParticipantID,
				Source: data.ResponseApp, SubmittedAt: w.at(pp.StartDate, 8, 9)}
			for _, q := range pre.Visible() {
				r.Answers = append(r.Answers, answer(q, math.Min(0.97, ability*ease(q))))
			}
			if perfect && i == 3 {
				for k := range r.Answers {
					q := pre.Question(r.Answers[k].QuestionID)
					r.Answers[k].Text, r.Answers[k].Number = q.Correct, q.Points
				}
			}
			if err := ev.write(ctx, l, pre, r); err != nil {
				return err
			}
		}
		if w.rng.IntN(100) < 94 {
			after := ability + learn*(1-math.Min(ability, 1))
			r := &data.Response{ProgramFormID: attached[data.BuiltinPostTest].ID, ParticipantID: e.ParticipantID,
				Source: w.source(), SubmittedAt: w.at(pp.EndDate, 13, 15)}
			for _, q := range post.Visible() {
				r.Answers = append(r.Answers, answer(q, math.Max(0.05, math.Min(0.98, after*(0.85+0.15*ease(q))))))
			}
			if err := ev.write(ctx, l, post, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// followUps writes the level-3 follow-up three to five months after the program: most alumni and about
// half of their superiors (the head of their school or office) answer.
func (w *world) followUps(ctx context.Context, l *store.Loader, ev *evaluations, pp *plannedProgram,
	attached map[string]*data.ProgramForm) error {
	alumni, superior := ev.forms[data.BuiltinFollowUpAlumni], ev.forms[data.BuiltinFollowUpSuperior]
	for _, e := range pp.enrolments {
		applied := 2.8 + w.rng.Float64()*0.9
		day := pp.EndDate.AddDate(0, 0, 95+w.rng.IntN(40))
		if !day.Before(w.today) {
			day = w.today.AddDate(0, 0, -1)
		}
		if w.rng.IntN(100) < 68 {
			r := &data.Response{ProgramFormID: attached[data.BuiltinFollowUpAlumni].ID, ParticipantID: e.ParticipantID,
				Source: data.ResponseImport, SubmittedAt: w.at(day, 9, 20)}
			for _, q := range alumni.Visible() {
				switch {
				case q.Kind == data.QuestionScale:
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, HasNumber: true, Number: w.point(applied, 4)})
				case q.Required:
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: w.pick(alumniExamples)})
				case strings.HasPrefix(q.Text, "Hambatan") && w.rng.IntN(100) < 60:
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: w.pick(alumniObstacles)})
				case strings.HasPrefix(q.Text, "Pelatihan") && w.rng.IntN(100) < 45:
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: w.pick(alumniNeeds)})
				}
			}
			if err := ev.write(ctx, l, alumni, r); err != nil {
				return err
			}
		}
		if w.rng.IntN(100) < 52 {
			r := &data.Response{ProgramFormID: attached[data.BuiltinFollowUpSuperior].ID, ParticipantID: e.ParticipantID,
				RespondentName: "Kepala " + e.Unit, Source: data.ResponsePaper, SubmittedAt: w.at(day.AddDate(0, 0, 3), 9, 15)}
			for _, q := range superior.Visible() {
				switch {
				case q.Kind == data.QuestionScale:
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, HasNumber: true, Number: w.point(applied-0.1, 4)})
				case strings.HasPrefix(q.Text, "Perubahan") && w.rng.IntN(100) < 70:
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: w.pick(superiorChanges)})
				case strings.HasPrefix(q.Text, "Pengembangan") && w.rng.IntN(100) < 50:
					r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: w.pick(superiorAdvice)})
				}
			}
			if err := ev.write(ctx, l, superior, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// evaluateBulk is the step loadBulk runs: the benchmark programs get responses in proportion to the small
// set, where every finished program has its reaction: every program the organisation form, every twentieth
// its speakers, every other digital-learning one its tests. That is about 280,000 responses and 2.6 million
// answers, which add about 8 seconds to the large load (27,6 s without them, 35,5 s with them, 2 cores).
func (w *world) evaluateBulk(ctx context.Context, l *store.Loader) error {
	ev, err := w.builtinForms(ctx, l)
	if err != nil {
		return err
	}
	for i, pp := range w.bench {
		keys := []string{data.BuiltinOrganisation}
		if i%20 == 0 {
			keys = append(keys, data.BuiltinSpeaker)
		}
		tests := strings.Contains(pp.Title, "Teknologi Digital") && i%2 == 0
		if tests {
			keys = append(keys, data.BuiltinPreTest, data.BuiltinPostTest)
		}
		attached, err := ev.attach(ctx, l, pp, keys)
		if err != nil {
			return err
		}
		if attached[data.BuiltinSpeaker] == nil {
			attached[data.BuiltinSpeaker] = &data.ProgramForm{}
			keep := pp.sessions
			pp.sessions = nil // no speaker responses for this program
			err = w.reactions(ctx, l, ev, pp, attached, 3.0+float64(i%8)/10)
			pp.sessions = keep
		} else {
			err = w.reactions(ctx, l, ev, pp, attached, 3.0+float64(i%8)/10)
		}
		if err != nil {
			return err
		}
		if tests {
			if err := w.tests(ctx, l, ev, pp, attached, false); err != nil {
				return err
			}
		}
		if i%100 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	w.sum.Responses += ev.n
	return nil
}
