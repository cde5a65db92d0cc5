package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// recapView is the Rekap tab: participants × sessions with the status codes, each participant's rate by JP
// and by sessions and whether it meets the threshold (those below highlighted), each session's counts at the
// bottom, sortable by any column.
type recapView struct {
	st      *scheduleTab
	recap   *data.Recap
	table   *listTable
	summary *widget.Label
	excused *widget.Check
	sortCol int
	desc    bool
	content fyne.CanvasObject
}

// The columns: the participant, their rates and status, then one column per session (so the rates stay in
// sight however many sessions there are).
const (
	recapNo = iota
	recapName
	recapNIP
	recapJP
	recapJPRate
	recapSessions
	recapSessionRate
	recapStatus
	recapFirstSession
)

// recapCountRows are the rows under the participants: the count of each status per session.
var recapCountRows = append(append([]data.AttendanceStatus{}, data.AttendanceStatuses...), "")

func (st *scheduleTab) newRecapView() *recapView {
	v := &recapView{st: st, sortCol: recapName}
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.excused = widget.NewCheck(L("Izin, Sakit dan Dinas Luar dihitung hadir"), nil)
	v.excused.SetChecked(st.p.ExcusedCountPresent)
	v.excused.OnChanged = v.setExcused
	threshold := widget.NewLabel(fmt.Sprintf(L("Batas kehadiran %s dari JP"), indo.PercentOf(st.p.AttendanceThreshold)))
	refresh := widget.NewButtonWithIcon(L("Muat ulang"), theme.ViewRefreshIcon(), v.load)
	print := widget.NewButtonWithIcon(L("Cetak daftar hadir"), theme.DocumentPrintIcon(), func() { st.printSheets(nil) })
	legend := st.u.hintButton(L("Rekap kehadiran"), L("H Hadir · T Terlambat · I Izin · S Sakit · DL Dinas Luar · C Cuti · A Alpa · – belum diisi (kuning: presensi sesi itu belum diisi sama sekali, sesinya belum dihitung) · kosong: sesi belum berlangsung. Klik judul kolom untuk mengurutkan."))
	v.table = newListTable(v.columns(0), v.rows, v.cell)
	// The sessions come and go with the schedule: the column count follows the recap shown.
	v.table.Length = func() (int, int) { return v.rows(), len(v.table.cols) }
	v.table.style = v.style
	v.table.StickyColumnCount = 2 // number and name stay in sight while the sessions scroll sideways
	v.sortableHeader()
	top := container.NewVBox(container.NewHBox(threshold, v.excused, refresh, print, legend), v.summary)
	v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, v.table)
	return v
}

func (v *recapView) columns(sessions int) []column {
	cols := []column{{title: "No.", width: 44, align: fyne.TextAlignTrailing}, {title: "Nama", width: 220, grow: true},
		{title: "NIP", width: 172},
		{title: "JP hadir", width: 96, align: fyne.TextAlignTrailing},
		{title: "% JP", width: 68, align: fyne.TextAlignTrailing},
		{title: "Sesi hadir", width: 92, align: fyne.TextAlignTrailing},
		{title: "% Sesi", width: 86, align: fyne.TextAlignTrailing},
		{title: "Status", width: 150}}
	for i := 0; i < sessions; i++ {
		cols = append(cols, column{width: 46, align: fyne.TextAlignCenter})
	}
	return cols
}

// sortableHeader turns the heading cells into buttons: a tap sorts by the column, a second tap reverses.
func (v *recapView) sortableHeader() {
	t := v.table
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(t.cols) {
			b.SetText("")
			return
		}
		text := v.heading(id.Col)
		if id.Col == v.sortCol {
			if v.desc {
				text += " ▼"
			} else {
				text += " ▲"
			}
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() { v.sortBy(col) }
	}
}

func (v *recapView) sessions() int {
	if v.recap == nil {
		return 0
	}
	return len(v.recap.Sessions)
}

func (v *recapView) heading(col int) string {
	n := v.sessions()
	if col >= recapFirstSession && col < recapFirstSession+n {
		return fmt.Sprintf("S%d", v.recap.Sessions[col-recapFirstSession].Number)
	}
	return L(v.table.cols[col].title)
}

// sortBy sorts by a column; the count rows stay at the bottom.
func (v *recapView) sortBy(col int) {
	if v.recap == nil {
		return
	}
	if col == v.sortCol {
		v.desc = !v.desc
	} else {
		v.sortCol, v.desc = col, false
	}
	v.applySort()
	v.table.Refresh()
}

func (v *recapView) applySort() {
	n := v.sessions()
	key, session := data.ByName, 0
	switch c := v.sortCol; {
	case c == recapNIP:
		key = data.ByNIP
	case c == recapJP, c == recapJPRate, c == recapStatus:
		key = data.ByRate
	case c == recapSessions, c == recapSessionRate:
		key = data.BySessionsRate
	case c >= recapFirstSession && c < recapFirstSession+n:
		key, session = data.BySession, c-recapFirstSession
	}
	v.recap.Sort(key, session, v.desc)
}

// load reads the recap as of today.
func (v *recapView) load() {
	st := v.st
	st.u.goBackground(func() {
		r, err := st.u.store.AttendanceRecap(context.Background(), st.p.ID, st.u.now.today())
		fyne.Do(func() {
			if err != nil {
				st.u.showError(err)
				return
			}
			v.show(r)
		})
	})
}

func (v *recapView) show(r *data.Recap) {
	v.recap = r
	v.applySort()
	cols := v.columns(len(r.Sessions))
	v.table.cols = cols
	for i, c := range cols {
		v.table.SetColumnWidth(i, c.width)
	}
	v.table.Resize(v.table.Size())
	switch {
	case len(r.Rows) == 0:
		v.summary.SetText(L("Belum ada peserta terdaftar di program ini."))
	case len(r.Sessions) == 0:
		v.summary.SetText(L("Belum ada sesi. Buat jadwalnya dulu di tab Jadwal."))
	case r.HeldCount() == 0:
		v.summary.SetText(fmt.Sprintf(L("%d peserta, %d sesi. Belum ada sesi yang berlangsung, jadi kehadiran belum dapat dihitung."), len(r.Rows), len(r.Sessions)))
	default:
		v.summary.SetText(fmt.Sprintf(L("Per %s: %d dari %d sesi sudah berlangsung; %d dari %d peserta di bawah batas kehadiran."),
			uiDate(v.st.u.now.today()), r.HeldCount(), len(r.Sessions), r.BelowThreshold(), len(r.Rows)))
	}
	if len(r.Day.Unentered) > 0 && len(r.Rows) > 0 {
		v.summary.SetText(v.summary.Text + " " + L("Presensi {{.Sessions}} belum diisi: sesi itu belum dihitung, dan sertifikat menunggu presensinya.",
			map[string]any{"Sessions": sessionNumbers(r.Day.Unentered)}))
	}
	v.summary.Importance = widget.MediumImportance
	if r.BelowThreshold() > 0 || len(r.Day.Unentered) > 0 {
		v.summary.Importance = widget.DangerImportance
	}
	v.summary.Refresh()
	v.table.Refresh()
	if len(r.Sessions) > 0 && len(r.Rows) > 0 {
		// the session columns are what the recap is for: bring the first into sight on a narrow window
		v.table.ScrollTo(widget.TableCellID{Row: 0, Col: recapFirstSession})
	}
}

// setExcused stores the program's excused rule at once and recomputes the recap.
func (v *recapView) setExcused(on bool) {
	st := v.st
	if on == st.p.ExcusedCountPresent {
		return
	}
	p := *st.p
	p.ExcusedCountPresent = on
	st.u.goBackground(func() {
		err := st.u.store.UpdateProgram(context.Background(), &p)
		fyne.Do(func() {
			if err != nil {
				st.u.showError(err)
				v.excused.SetChecked(st.p.ExcusedCountPresent)
				return
			}
			st.p.ExcusedCountPresent = on
			v.load()
		})
	})
}

// rows are the participants, then the count rows when there are sessions.
func (v *recapView) rows() int {
	if v.recap == nil {
		return 0
	}
	if len(v.recap.Sessions) == 0 {
		return len(v.recap.Rows)
	}
	return len(v.recap.Rows) + len(recapCountRows)
}

func (v *recapView) cell(row, col int) string {
	r := v.recap
	if r == nil {
		return ""
	}
	n := len(r.Sessions)
	if row >= len(r.Rows) {
		return v.countCell(row-len(r.Rows), col)
	}
	p := r.Rows[row]
	rate := p.Rate
	switch {
	case col == recapNo:
		return strconv.Itoa(row + 1)
	case col == recapName:
		return p.Name
	case col == recapNIP:
		return printedNIP(p.NIP)
	case col == recapJP:
		return fmt.Sprintf("%d/%d", rate.JPAttended, rate.JPScheduled)
	case col == recapJPRate:
		return indo.Percent(rate.ByJP(), 1)
	case col == recapSessions:
		return fmt.Sprintf("%d/%d", rate.SessionsAttended, rate.SessionsScheduled)
	case col == recapSessionRate:
		return indo.Percent(rate.BySessions(), 1)
	case col == recapStatus:
		switch {
		case !rate.Defined():
			return L("Belum dapat dinilai")
		case p.Met:
			return L("Memenuhi")
		}
		return L("Di bawah batas")
	case col >= recapFirstSession && col < recapFirstSession+n:
		s := col - recapFirstSession
		switch {
		case p.Marks[s] != "":
			return string(p.Marks[s])
		case r.Held[s] || r.Unentered[s]:
			return "–"
		}
	}
	return ""
}

// countCell is a cell of the count rows: the status's name, then its count in each session.
func (v *recapView) countCell(k, col int) string {
	r := v.recap
	if k >= len(recapCountRows) {
		return ""
	}
	s := recapCountRows[k]
	n := len(r.Sessions)
	switch {
	case col == recapName:
		if s == "" {
			return L("Jumlah belum diisi")
		}
		return fmt.Sprintf(L("Jumlah %s (%s)"), L(s.Label()), s)
	case col >= recapFirstSession && col < recapFirstSession+n:
		return strconv.Itoa(r.Counts[col-recapFirstSession].Of(s))
	}
	return ""
}

// style marks those below the threshold in red and the count rows as secondary.
func (v *recapView) style(row, col int) widget.Importance {
	r := v.recap
	if r == nil {
		return widget.MediumImportance
	}
	if row >= len(r.Rows) {
		return widget.LowImportance
	}
	if s := col - recapFirstSession; s >= 0 && s < len(r.Sessions) && r.Unentered[s] {
		return widget.WarningImportance // a session of today or earlier that nobody has been marked for
	}
	p := r.Rows[row]
	if p.Rate.Defined() && !p.Met {
		return widget.DangerImportance
	}
	return widget.MediumImportance
}
