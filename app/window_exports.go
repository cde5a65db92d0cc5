package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// saveExport is Ekspor (Ctrl+E) of a list: it asks where to save the workbook, suggesting a name of kind and
// code (report.FileName), writes it
// with write (an app/report export) behind a progress bar with a cancel button, then says where it went and
// what it holds (what gets the number of rows written).
func (u *UI) saveExport(title, kind, code string, write func(ctx context.Context, path string, progress Progress) (int, error), what func(n int) string) {
	u.dialogs.savePath(report.FileName(kind, code, u.now(), ".xlsx"), func(path string) {
		if path == "" {
			return
		}
		chosen := path
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			path += ".xlsx"
		}
		var n int
		u.runTask(title, func(ctx context.Context, progress Progress) error {
			var err error
			n, err = write(ctx, path, progress)
			return err
		}, func(err error) {
			if chosen != path {
				removeIfEmpty(chosen) // the empty file the save dialog made under the name without .xlsx
			}
			if err != nil {
				removeIfEmpty(path)
				u.showError(err)
				return
			}
			u.showSaved(L("Ekspor tersimpan"), path, what(n))
		})
	})
}

// exportPrograms is Ctrl+E on the Program page: the programs listed, as filtered.
func (pl *programList) exportPrograms() {
	f := pl.filter
	pl.u.saveExport(L("Mengekspor daftar program…"), "Daftar Program", "", func(ctx context.Context, path string, _ Progress) (int, error) {
		return report.SavePrograms(ctx, path, pl.u.store, f)
	}, func(n int) string {
		return fmt.Sprintf(L("%s program, dengan pencarian dan saringan yang tampil."), indo.Int(int64(n)))
	})
}

// exportParticipants is Ctrl+E on the Peserta page: every participant the search finds, in the columns of
// the import template.
func (pp *participantPager) exportParticipants() {
	pp.mu.Lock()
	f := pp.filter
	pp.mu.Unlock()
	pp.u.saveExport(L("Mengekspor peserta…"), "Daftar Peserta", strings.TrimSpace(f.Search), func(ctx context.Context, path string, progress Progress) (int, error) {
		return report.SaveParticipants(ctx, path, pp.u.store, f, progress)
	}, func(n int) string {
		return fmt.Sprintf(L("%s peserta, dalam kolom templat impor: ubah lalu impor kembali lewat Impor daftar."), indo.Int(int64(n)))
	})
}

// exportEnrolments is Ctrl+E on a program's Peserta tab.
func (t *enrolmentTab) exportEnrolments() {
	p, s := t.p, t.u.store
	t.u.saveExport(L("Mengekspor peserta program…"), "Peserta", p.Code, func(ctx context.Context, path string, _ Progress) (int, error) {
		return report.SaveEnrolments(ctx, path, s, p.ID)
	}, func(n int) string { return fmt.Sprintf(L("%s pendaftaran %s."), indo.Int(int64(n)), p.Code) })
}

// exportRecap is Ctrl+E on Jadwal & Presensi: the attendance recap as the Rekap tab computes it.
func (st *scheduleTab) exportRecap() {
	p, s := st.p, st.u.store
	if len(st.sessions) == 0 {
		st.u.showError(data.Errorf(data.KindInvalid, "%s", L("Program ini belum memiliki sesi; buat jadwalnya dulu sebelum mengekspor rekap kehadiran")))
		return
	}
	today := st.u.now.today()
	st.u.saveExport(L("Mengekspor rekap kehadiran…"), "Rekap Presensi", p.Code, func(ctx context.Context, path string, _ Progress) (int, error) {
		return report.SaveAttendanceRecap(ctx, path, s, p.ID, today)
	}, func(n int) string {
		return fmt.Sprintf(L("%s peserta × %d sesi per %s, dengan persentase kehadiran dan status batas kehadiran."), indo.Int(int64(n)),
			len(st.sessions), uiDate(today))
	})
}

// exportResults is Ctrl+E on Evaluasi: the results of every attached form as tables.
func (t *evaluationTab) exportResults() {
	if len(t.rows) == 0 {
		t.u.showError(data.Errorf(data.KindInvalid, "%s", L("Program ini belum memiliki formulir evaluasi; lampirkan formulir dulu (Baru, Ctrl+N)")))
		return
	}
	t.u.exportEvaluationResults(t.p)
}

// exportEvaluationResults saves the program's evaluation results as tables (Ctrl+E on Evaluasi and Laporan):
// the numbers behind the summary PDF, for whoever wants to chart them their own way.
func (u *UI) exportEvaluationResults(p *data.Program) {
	s := u.store
	u.saveExport(L("Mengekspor hasil evaluasi…"), "Hasil Evaluasi", p.Code, func(ctx context.Context, path string, _ Progress) (int, error) {
		return report.SaveEvaluationResults(ctx, path, s, p.ID)
	}, func(n int) string {
		return fmt.Sprintf(L("%s butir berjawaban, dengan peringkat narasumber dan nilai pre-test dan post-test bila ada."), indo.Int(int64(n)))
	})
}
