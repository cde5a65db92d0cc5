package sample

import (
	"context"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// programPlan describes one sample program relative to the load's "today".
type programPlan struct {
	code, title, kind, competency, delivery string
	batch                                   int
	startOffset, days                       int // days from today to the first day, and the number of days
	sessionsPerDay                          int
	jpPerSession                            int
	place                                   string
	audiences                               []audience
	enrolled                                int
	subjects                                []data.Subject
	topics                                  []string
}

var plans = []programPlan{
	{code: "PTD-I", title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran", kind: "Pelatihan Teknis",
		competency: "Teknis", delivery: "luring", batch: 1, startOffset: -150, days: 3, sessionsPerDay: 2, jpPerSession: 5,
		place: "Aula Dinas Pendidikan Kabupaten Sukamaju", audiences: []audience{teacher}, enrolled: 40,
		subjects: []data.Subject{{Name: "Literasi Digital bagi Guru", JP: 6}, {Name: "Platform Pembelajaran Daring", JP: 8},
			{Name: "Pembuatan Konten Ajar Interaktif", JP: 10}, {Name: "Asesmen Berbasis Digital", JP: 6}},
		topics: []string{"Literasi Digital bagi Guru", "Platform Pembelajaran Daring", "Platform Pembelajaran Daring (praktik)",
			"Pembuatan Konten Ajar Interaktif", "Pembuatan Konten Ajar Interaktif (praktik)", "Asesmen Berbasis Digital"}},
	{code: "WMP-I", title: "Workshop Manajemen Proyek", kind: "Workshop/Lokakarya", competency: "Manajerial",
		delivery: "luring", batch: 1, startOffset: -110, days: 2, sessionsPerDay: 2, jpPerSession: 4,
		place: "Hotel Puri Sukamaju", audiences: []audience{staff, head}, enrolled: 30,
		topics: []string{"Dasar-dasar Manajemen Proyek", "Perencanaan dan Penjadwalan", "Pengelolaan Risiko dan Anggaran",
			"Monitoring, Evaluasi dan Pelaporan"}},
	{code: "EPA-I", title: "E-learning Peraturan ASN Terbaru", kind: "E-learning", competency: "Teknis",
		delivery: "daring", batch: 1, startOffset: -80, days: 4, sessionsPerDay: 1, jpPerSession: 3,
		place: "Daring (LMS Dinas Pendidikan)", audiences: []audience{staff, teacher, head}, enrolled: 50,
		topics: []string{"UU 20/2023 tentang ASN", "Manajemen Kinerja PNS", "Pengembangan Kompetensi 20 JP", "Disiplin dan Kode Etik ASN"}},
	{code: "PTD-II", title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran", kind: "Pelatihan Teknis",
		competency: "Teknis", delivery: "luring", batch: 2, startOffset: -60, days: 3, sessionsPerDay: 2, jpPerSession: 5,
		place: "Aula Dinas Pendidikan Kabupaten Sukamaju", audiences: []audience{teacher}, enrolled: 35,
		subjects: []data.Subject{{Name: "Literasi Digital bagi Guru", JP: 6}, {Name: "Platform Pembelajaran Daring", JP: 8},
			{Name: "Pembuatan Konten Ajar Interaktif", JP: 10}, {Name: "Asesmen Berbasis Digital", JP: 6}},
		topics: []string{"Literasi Digital bagi Guru", "Platform Pembelajaran Daring", "Platform Pembelajaran Daring (praktik)",
			"Pembuatan Konten Ajar Interaktif", "Pembuatan Konten Ajar Interaktif (praktik)", "Asesmen Berbasis Digital"}},
	{code: "SKK-I", title: "Seminar Kepemimpinan Kepala Sekolah", kind: "Seminar/Konferensi", competency: "Manajerial",
		delivery: "luring", batch: 1, startOffset: -30, days: 1, sessionsPerDay: 2, jpPerSession: 4,
		place: "Gedung Negara Kabupaten Sukamaju", audiences: []audience{head}, enrolled: 24,
		topics: []string{"Kepemimpinan Pembelajaran", "Budaya Sekolah yang Aman dan Inklusif"}},
	{code: "KPP-I", title: "Pelatihan Komunikasi Pelayanan Publik", kind: "Pelatihan Sosial Kultural",
		competency: "Sosial Kultural", delivery: "luring", batch: 1, startOffset: -1, days: 3, sessionsPerDay: 2, jpPerSession: 4,
		place: "Aula Dinas Pendidikan Kabupaten Sukamaju", audiences: []audience{staff, teacher}, enrolled: 30,
		topics: []string{"Standar Pelayanan Publik", "Komunikasi Efektif", "Menangani Pengaduan", "Etika Pelayanan",
			"Pelayanan Digital", "Simulasi dan Evaluasi"}},
	{code: "BTK-I", title: "Bimbingan Teknis Administrasi Kepegawaian", kind: "Bimbingan Teknis", competency: "Teknis",
		delivery: "blended", batch: 1, startOffset: 21, days: 2, sessionsPerDay: 2, jpPerSession: 4,
		place: "Ruang Rapat Bidang Ketenagaan", audiences: []audience{staff}, enrolled: 20,
		topics: []string{"Layanan SIASN", "Kenaikan Pangkat dan Jabatan", "Penilaian Kinerja", "Praktik Usul Layanan"}},
}

var sessionTimes = [][2]string{{"08:00", "11:45"}, {"13:00", "16:15"}}

func (w *world) makePrograms(ctx context.Context, l *store.Loader) error {
	for _, plan := range plans {
		start := w.today.AddDate(0, 0, plan.startOffset)
		end := start.AddDate(0, 0, plan.days-1)
		p := &data.Program{Code: plan.code + "/" + start.Format("2006"), Title: plan.title, Kind: plan.kind,
			CompetencyKind: plan.competency, Delivery: plan.delivery, Batch: plan.batch, BudgetYear: start.Year(),
			Organiser: "Dinas Pendidikan Kabupaten Sukamaju", Place: plan.place, StartDate: start, EndDate: end,
			TotalJP: plan.days * plan.sessionsPerDay * plan.jpPerSession, AttendanceThreshold: 80, TimeZone: "WIB"}
		switch {
		case end.Before(w.today):
			p.Status = data.StatusFinished
		case start.After(w.today):
			p.Status = data.StatusPlanned
		default:
			p.Status = data.StatusRunning
		}
		p.Normalize()
		if err := p.Validate(); err != nil {
			return err
		}
		if err := l.AddProgram(ctx, p); err != nil {
			return err
		}
		pp := &plannedProgram{Program: p}
		w.programs = append(w.programs, pp)
		w.sum.Programs++
		for i := range plan.subjects {
			sub := plan.subjects[i]
			sub.ProgramID = p.ID
			if err := l.AddSubject(ctx, &sub); err != nil {
				return err
			}
		}
		if err := w.makeSessions(ctx, l, pp, plan); err != nil {
			return err
		}
		if err := w.enrol(ctx, l, pp, plan); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) makeSessions(ctx context.Context, l *store.Loader, pp *plannedProgram, plan programPlan) error {
	n := 0
	for day := 0; day < plan.days; day++ {
		for k := 0; k < plan.sessionsPerDay; k++ {
			times := sessionTimes[k%len(sessionTimes)]
			if plan.delivery == "daring" {
				times = [2]string{"13:30", "16:00"}
			}
			x := &data.Session{ProgramID: pp.ID, Date: pp.StartDate.AddDate(0, 0, day), Start: times[0], End: times[1],
				TimeZone: "WIB", Topic: plan.topics[n%len(plan.topics)], Speaker: speakers[(n+len(pp.Code))%len(speakers)],
				JP: plan.jpPerSession}
			if err := l.AddSession(ctx, x); err != nil {
				return err
			}
			pp.sessions = append(pp.sessions, x)
			w.sum.Sessions++
			n++
		}
	}
	return nil
}

// enrol draws the program's participants from its audiences, without repeats.
func (w *world) enrol(ctx context.Context, l *store.Loader, pp *plannedProgram, plan programPlan) error {
	var pool []person
	for _, p := range w.people {
		for _, a := range plan.audiences {
			if p.audience == a {
				pool = append(pool, p)
			}
		}
	}
	w.rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	for _, p := range pool[:min(plan.enrolled, len(pool))] {
		e, err := l.Enrol(ctx, pp.ID, p.ID, data.RoleParticipant)
		if err != nil {
			return err
		}
		pp.enrolments = append(pp.enrolments, e)
		w.sum.Enrolments++
	}
	return nil
}

// markAttendance records the sessions already held with a realistic mix: most present, a few late, excused or
// absent, and two or three people per program who miss enough to fall below the threshold.
func (w *world) markAttendance(ctx context.Context, l *store.Loader) error {
	for _, pp := range w.programs {
		for i, e := range pp.enrolments {
			chronic := i%13 == 5
			for si, x := range pp.sessions {
				if !x.Date.Before(w.today) {
					continue
				}
				m := &data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: w.status(chronic && si%3 != 0), Source: data.SourcePaper}
				if m.Status == data.Late {
					m.Time = lateTime(x.Start, 10+w.rng.IntN(35))
				}
				if m.Status == data.Leave || m.Status == data.Duty {
					m.Note = []string{"Rapat di sekolah", "Tugas dari kepala sekolah", "Menghadiri undangan Kecamatan"}[w.rng.IntN(3)]
				}
				if err := l.SetMark(ctx, m); err != nil {
					return err
				}
				w.sum.Marks++
			}
		}
	}
	return nil
}

func (w *world) status(missing bool) data.AttendanceStatus {
	r := w.rng.IntN(1000)
	if missing {
		return []data.AttendanceStatus{data.Absent, data.Sick, data.Leave, data.Absent}[r%4]
	}
	switch {
	case r < 870:
		return data.Present
	case r < 920:
		return data.Late
	case r < 940:
		return data.Leave
	case r < 960:
		return data.Sick
	case r < 975:
		return data.Duty
	case r < 980:
		return data.Holiday
	}
	return data.Absent
}

func lateTime(start string, minutes int) string {
	t, _ := time.Parse("15:04", start)
	return t.Add(time.Duration(minutes) * time.Minute).Format("15:04")
}
