package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// programSummaryTab is the Ringkasan tab: the program's details, its subjects, how many people and sessions it
// has, and what can be done to it as a whole: edit, change status, copy for the next batch, delete or archive.
func (u *UI) programSummaryTab(p *data.Program) fyne.CanvasObject {
	holder := container.NewStack()
	var reload func()
	reload = func() {
		// the details are the program's own: read it again too, it may have been changed elsewhere
		if fresh, err := u.store.Program(context.Background(), p.ID); err == nil {
			p = fresh
		}
		holder.Objects = []fyne.CanvasObject{u.programSummaryContent(p, reload)}
		holder.Refresh()
	}
	holder.Objects = []fyne.CanvasObject{u.programSummaryContent(p, reload)}
	return withCommands(holder, viewCommands{Reload: reload})
}

// programSummaryContent is what the Ringkasan tab shows of p; reload shows it again from the database.
func (u *UI) programSummaryContent(p *data.Program, reload func()) fyne.CanvasObject {
	edit := widget.NewButtonWithIcon(L("Ubah"), theme.DocumentCreateIcon(), func() { u.editProgram(p) })
	edit.Importance = widget.HighImportance
	copyNext := widget.NewButtonWithIcon(L("Salin untuk angkatan berikutnya"), theme.ContentCopyIcon(), func() { u.copyProgramDialog(p) })
	statuses := make([]string, len(data.ProgramStatuses))
	for i, s := range data.ProgramStatuses {
		statuses[i] = L(s.Label())
	}
	status := widget.NewSelect(statuses, nil)
	status.SetSelected(L(p.Status.Label()))
	status.OnChanged = func(string) {
		if i := status.SelectedIndex(); i >= 0 && data.ProgramStatuses[i] != p.Status {
			u.changeProgramStatus(p, data.ProgramStatuses[i], func() { status.SetSelected(L(p.Status.Label())) })
		}
	}
	remove := widget.NewButtonWithIcon(L("Hapus atau arsipkan"), theme.DeleteIcon(), nil)
	remove.Importance = widget.DangerImportance
	remove.Disable()
	if p.Archived {
		remove.SetText(L("Keluarkan dari arsip"))
		remove.SetIcon(theme.UploadIcon())
		remove.Importance = widget.MediumImportance
	}
	refresh := widget.NewButtonWithIcon(L("Muat ulang"), theme.ViewRefreshIcon(), reload)
	actions := container.NewHBox(edit, copyNext, widget.NewSeparator(), widget.NewLabel(L("Status")), status, widget.NewSeparator(), remove, refresh)

	signatory := L("(bawaan instansi)")
	if p.SignatoryID != 0 {
		if g, err := u.store.Signatory(context.Background(), p.SignatoryID); err == nil {
			signatory = g.FullName() + " — " + g.Position
		}
	}
	pass := L("tanpa nilai lulus")
	if p.PassScore > 0 {
		pass = indo.Number(p.PassScore, 2)
	}
	excused := L("Izin, sakit dan dinas luar tidak dihitung hadir")
	if p.ExcusedCountPresent {
		excused = L("Izin, sakit dan dinas luar dihitung hadir")
	}
	pattern := p.NumberPattern
	if pattern == "" {
		pattern = L("(pola bawaan instansi)")
	}
	items := []*widget.FormItem{
		widget.NewFormItem(L("Kode"), widget.NewLabel(p.Code)),
		widget.NewFormItem(L("Nama program"), wrapLabel(p.Title)),
		widget.NewFormItem(L("Angkatan"), widget.NewLabel(p.BatchLabel()+" · "+L("Tahun anggaran")+" "+strconv.Itoa(p.BudgetYear))),
		widget.NewFormItem(L("Jenis"), wrapLabel(p.Kind+" · "+p.CompetencyKind+" · "+p.Delivery)),
		widget.NewFormItem(L("Tanggal"), widget.NewLabel(uiDateRange(p.StartDate, p.EndDate)+" ("+p.TimeZone+")")),
		widget.NewFormItem(L("Tempat"), wrapLabel(p.Place)),
		widget.NewFormItem(L("Penyelenggara"), wrapLabel(p.Organiser)),
		widget.NewFormItem(L("Jumlah JP"), widget.NewLabel(indo.WithWords(int64(p.TotalJP))+" "+L("jam pelajaran"))),
		widget.NewFormItem(L("Batas kehadiran"), wrapLabel(indo.PercentOf(p.AttendanceThreshold)+" · "+excused)),
		widget.NewFormItem(L("Nilai lulus"), widget.NewLabel(pass)),
		widget.NewFormItem(L("Penandatangan"), wrapLabel(signatory)),
		widget.NewFormItem(L("Pola nomor sertifikat"), wrapLabel(pattern)),
	}
	if p.Description != "" {
		items = append(items, widget.NewFormItem(L("Keterangan"), wrapLabel(p.Description)))
	}
	details := widget.NewForm(items...)

	counts := widget.NewLabel(L("memuat…"))
	counts.Wrapping = fyne.TextWrapWord
	subjects := container.NewVBox()
	subjectCheck := widget.NewLabel("")
	subjectCheck.Wrapping = fyne.TextWrapWord
	side := container.NewVBox(subheading(L("Peserta dan jadwal")), counts, widget.NewSeparator(), subheading(L("Mata pelatihan")), subjects, subjectCheck)
	sideScroll := container.NewVScroll(container.NewPadded(side))

	top := container.NewVBox(container.NewHScroll(actions))
	if p.Archived {
		banner := widget.NewLabel(L("Program ini diarsipkan: tidak tampil di daftar program kecuali “Tampilkan arsip” dicentang."))
		banner.Wrapping = fyne.TextWrapWord
		banner.Importance = widget.WarningImportance
		top.Add(banner)
	}
	u.goBackground(func() {
		ctx := context.Background()
		enrolments, err := u.store.Enrolments(ctx, p.ID)
		var sessions []*data.Session
		var subs []*data.Subject
		var deps store.ProgramDependants
		if err == nil {
			sessions, err = u.store.Sessions(ctx, p.ID)
		}
		if err == nil {
			subs, err = u.store.Subjects(ctx, p.ID)
		}
		if err == nil {
			deps, err = u.store.ProgramDependants(ctx, p.ID)
		}
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			withdrawn, roles := 0, map[data.EnrolmentRole]int{}
			for _, e := range enrolments {
				if e.Withdrawn {
					withdrawn++
				} else {
					roles[e.Role]++
				}
			}
			scheduled := 0
			for _, x := range sessions {
				scheduled += x.JP
			}
			var lines []string
			lines = append(lines, fmt.Sprintf(L("%s peserta terdaftar"), indo.Int(int64(roles[data.RoleParticipant]))))
			for _, r := range data.EnrolmentRoles[1:] {
				if roles[r] > 0 {
					lines = append(lines, fmt.Sprintf("%s %s", indo.Int(int64(roles[r])), strings.ToLower(L(r.Label()))))
				}
			}
			if withdrawn > 0 {
				lines = append(lines, fmt.Sprintf(L("%s mengundurkan diri"), indo.Int(int64(withdrawn))))
			}
			lines = append(lines, fmt.Sprintf(L("%s sesi, %s JP terjadwal dari %s JP program"), indo.Int(int64(len(sessions))),
				indo.Int(int64(scheduled)), indo.Int(int64(p.TotalJP))))
			counts.SetText(strings.Join(lines, "\n"))
			subjects.RemoveAll()
			total := 0
			list := make([]data.Subject, len(subs))
			for i, s := range subs {
				total += s.JP
				list[i] = *s
				row := container.NewBorder(nil, nil, nil, widget.NewLabel(strconv.Itoa(s.JP)+" JP"), wrapLabel(strconv.Itoa(i+1)+". "+s.Name))
				subjects.Add(row)
			}
			switch err := data.SubjectJPError(p.TotalJP, list); {
			case len(subs) == 0:
				subjectCheck.Importance = widget.LowImportance
				subjectCheck.SetText(L("Belum ada mata pelatihan; tambahkan lewat Ubah bila sertifikat mencantumkannya."))
			case err != nil:
				subjectCheck.Importance = widget.WarningImportance
				subjectCheck.SetText(strings.TrimPrefix(errorText(err), L("Mata pelatihan")+": "))
			default:
				subjectCheck.Importance = widget.SuccessImportance
				subjectCheck.SetText(fmt.Sprintf(L("Jumlah %s JP, sama dengan JP program."), indo.Int(int64(total))))
			}
			subjectCheck.Refresh()
			sideScroll.Refresh() // the texts above grew; lay the panel out again
			u.setRemoveAction(remove, p, deps)
		})
	})
	body := container.NewHSplit(container.NewVScroll(container.NewPadded(details)), sideScroll)
	body.Offset = 0.62
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, body)
}

// setRemoveAction makes the remove button delete the program when nothing hangs on it, and archive it
// otherwise (saying why it cannot be deleted); an archived program is brought back instead.
func (u *UI) setRemoveAction(b *widget.Button, p *data.Program, deps store.ProgramDependants) {
	b.Enable()
	switch {
	case p.Archived:
		b.OnTapped = func() { u.archiveProgram(p, false) }
	case !deps.Any():
		b.SetText(L("Hapus program"))
		b.OnTapped = func() {
			showDangerConfirm(L("Hapus program"), fmt.Sprintf(L("Hapus %s beserta mata pelatihan dan jadwalnya? Tindakan ini tidak dapat dibatalkan."), p.Code+" · "+p.Title),
				func(ok bool) {
					if ok {
						u.deleteProgram(p)
					}
				}, u.win)
		}
	default:
		b.SetText(L("Arsipkan"))
		b.SetIcon(theme.FolderIcon()) // archived programs leave the list for the archive, nothing is downloaded
		b.Importance = widget.MediumImportance
		b.OnTapped = func() {
			msg := fmt.Sprintf(L("Program ini tidak dapat dihapus karena sudah memiliki %s peserta, %s tanda hadir, %s jawaban evaluasi dan %s sertifikat. Arsipkan agar tidak tampil di daftar program? Semua datanya tetap tersimpan."),
				indo.Int(int64(deps.Enrolments)), indo.Int(int64(deps.Attendance)), indo.Int(int64(deps.Responses)), indo.Int(int64(deps.Certificates)))
			d := dialog.NewConfirm(L("Arsipkan program"), msg, func(ok bool) {
				if ok {
					u.archiveProgram(p, true)
				}
			}, u.win)
			d.Resize(fyne.NewSize(520, 240))
			d.Show()
		}
	}
	b.Refresh()
}

func (u *UI) deleteProgram(p *data.Program) {
	u.doThen(func() error { return u.store.DeleteProgram(context.Background(), p.ID) }, func() {
		u.dropPage("programs")
		u.Navigate("programs")
		u.show(u.current)
	})
}

func (u *UI) archiveProgram(p *data.Program, archived bool) {
	u.doThen(func() error { return u.store.SetProgramArchived(context.Background(), p.ID, archived) }, func() {
		u.dropPage("programs")
		u.openProgram(p.ID)
	})
}

// changeProgramStatus stores a new status; cancelling a program asks first. revert puts the choice back when
// the user declines or the change fails.
func (u *UI) changeProgramStatus(p *data.Program, status data.ProgramStatus, revert func()) {
	apply := func() {
		u.goBackground(func() {
			err := u.store.SetProgramStatus(context.Background(), p.ID, status)
			fyne.Do(func() {
				if err != nil {
					revert()
					u.showError(err)
					return
				}
				u.dropPage("programs")
				u.openProgram(p.ID)
			})
		})
	}
	if status != data.StatusCancelled {
		apply()
		return
	}
	dialog.ShowConfirm(L("Batalkan program"), fmt.Sprintf(L("Tandai %s sebagai dibatalkan? Peserta dan jadwalnya tetap tersimpan."), p.Code), func(ok bool) {
		if ok {
			apply()
		} else {
			revert()
		}
	}, u.win)
}
