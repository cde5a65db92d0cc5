package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// openProgram shows a program as its tabs (Ringkasan, Peserta, Jadwal & Presensi, Evaluasi,
// Sertifikat, Laporan) in place of the program list.
func (u *UI) openProgram(id int64) { u.openProgramAt(id, "") }

// openProgramAt opens a program on the tab with the given (Indonesian) title, for links from other pages:
// the dashboard opens a program's Evaluasi or Sertifikat tab. An empty or unknown title opens Ringkasan.
func (u *UI) openProgramAt(id int64, tab string) {
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
	for i, item := range tabs.Items {
		if tab != "" && item.Text == L(tab) {
			tabs.SelectIndex(i)
		}
	}
	// One refresh model for the tabs: each was filled when the program opened, and each reads the database
	// again whenever it is shown, so a change made in one tab (marks, enrolments, scores, overrides,
	// certificates, forms) shows in every other without reopening the program.
	tabs.OnSelected = func(item *container.TabItem) { reloadView(item.Content) }
	u.setPageView(container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, back, nil, title)), nil, nil, nil, tabs))
	trace("program dibuka: %s", p.Code)
}

// reloadView runs the Reload command of a view made by withCommands.
func reloadView(o fyne.CanvasObject) {
	if c, ok := o.(commander); ok && c.commands().Reload != nil {
		c.commands().Reload()
	}
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
