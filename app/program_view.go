package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// openProgram shows a program as the tabs of ARCHITECTURE.md in place of the program list.
func (u *UI) openProgram(id int64) {
	p, err := u.store.Program(context.Background(), id)
	if err != nil {
		u.showError(err)
		return
	}
	back := widget.NewButtonWithIcon(L("Daftar program"), theme.NavigateBackIcon(), func() { u.Navigate("programs"); u.show(u.current) })
	title := widget.NewLabelWithStyle(p.Code+" · "+p.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	tabs := container.NewAppTabs(
		container.NewTabItem(L("Ringkasan"), u.programSummaryTab(p)),
		container.NewTabItem(L("Peserta"), u.programParticipantsTab(p)),
		container.NewTabItem(L("Jadwal & Presensi"), u.programScheduleTab(p)),
		container.NewTabItem(L("Evaluasi"), u.programEvaluationTab(p)),
		container.NewTabItem(L("Sertifikat"), u.programCertificateTab(p)),
		container.NewTabItem(L("Laporan"), u.programReportTab(p)),
	)
	u.setPageView(container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, back, nil, title)), nil, nil, nil, tabs))
}

func (u *UI) programSummaryTab(p *data.Program) fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(L("Kode"), widget.NewLabel(p.Code)),
		widget.NewFormItem(L("Nama program"), wrapLabel(p.Title)),
		widget.NewFormItem(L("Angkatan"), widget.NewLabel(p.BatchLabel())),
		widget.NewFormItem(L("Jenis"), widget.NewLabel(p.Kind+" · "+p.CompetencyKind+" · "+p.Delivery)),
		widget.NewFormItem(L("Tanggal"), widget.NewLabel(p.Dates())),
		widget.NewFormItem(L("Tempat"), wrapLabel(p.Place)),
		widget.NewFormItem(L("Penyelenggara"), wrapLabel(p.Organiser)),
		widget.NewFormItem(L("Jumlah JP"), widget.NewLabel(indo.WithWords(int64(p.TotalJP))+" "+L("jam pelajaran"))),
		widget.NewFormItem(L("Batas kehadiran"), widget.NewLabel(indo.Number(p.AttendanceThreshold, 1)+"%")),
		widget.NewFormItem(L("Status"), widget.NewLabel(L(p.Status.Label()))),
	)
	return container.NewVScroll(container.NewPadded(form))
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (u *UI) programParticipantsTab(p *data.Program) fyne.CanvasObject {
	var rows []store.EnrolmentRow
	count := widget.NewLabel("")
	table := newListTable([]column{
		{title: "No", width: 45, align: fyne.TextAlignTrailing},
		{title: "NIP", width: 185},
		{title: "Nama", width: 220, grow: true},
		{title: "Peran", width: 90},
		{title: "Gol.", width: 60},
		{title: "Jabatan", width: 170, grow: true},
		{title: "Unit kerja", width: 170, grow: true},
	}, func() int { return len(rows) }, func(row, col int) string {
		if row >= len(rows) {
			return ""
		}
		r := rows[row]
		switch col {
		case 0:
			return strconv.Itoa(row + 1)
		case 1:
			if r.NIP == "" {
				return "–"
			}
			return nip.Format(r.NIP)
		case 2:
			return r.Name
		case 3:
			return L(r.Role.Label())
		case 4:
			return r.RankCode
		case 5:
			return r.Position
		case 6:
			return r.Unit
		}
		return ""
	})
	u.goBackground(func() {
		list, err := u.store.Enrolments(context.Background(), p.ID)
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			rows = list
			count.SetText(indo.Int(int64(len(list))) + " " + L("peserta terdaftar"))
			table.Refresh()
		})
	})
	return container.NewBorder(container.NewPadded(count), nil, nil, nil, table)
}
