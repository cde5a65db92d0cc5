package app

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// attendanceView is the Presensi tab: every participant of one session with their mark, keyed in with the
// keyboard (a status letter sets the mark and moves on, T with the time of arrival now; arrows or Tab move;
// Enter edits a T's time in the row, or opens the note of another mark; Delete clears) or with the status
// buttons. Every mark is stored at once, in the order it was made. No key opens a dialog that would catch the
// letters typed for the next rows.
type attendanceView struct {
	st      *scheduleTab
	session *data.Session
	roster  []store.RosterRow
	marks   map[int64]*data.Mark // by enrolment ID
	counts  data.StatusCounts
	loaded  int64 // the session the marks belong to

	choose     *widget.Select
	countsText *widget.Label
	empty      *widget.Label
	list       *markList
	allPresent *widget.Button
	importFile *widget.Button
	print      *widget.Button
	content    fyne.CanvasObject
	saver      *markSaver
}

// markKeys maps the letters typed to the statuses; D stands for DL (Dinas Luar).
var markKeys = map[rune]data.AttendanceStatus{'H': data.Present, 'T': data.Late, 'I': data.Leave, 'S': data.Sick,
	'D': data.Duty, 'C': data.Holiday, 'A': data.Absent}

func (st *scheduleTab) newAttendanceView() *attendanceView {
	v := &attendanceView{st: st, marks: map[int64]*data.Mark{}}
	v.saver = &markSaver{u: st.u, failed: func(err error) {
		st.u.showError(err)
		v.loadMarks() // show what is really stored
	}}
	v.choose = widget.NewSelect(nil, func(string) {
		if i := v.choose.SelectedIndex(); i >= 0 && i < len(st.sessions) && st.sessions[i].ID != v.loaded {
			v.session = st.sessions[i]
			v.loadMarks()
		}
	})
	v.choose.PlaceHolder = L("Pilih sesi")
	v.countsText = widget.NewLabel("")
	v.countsText.Wrapping = fyne.TextWrapWord
	v.empty = widget.NewLabel("")
	v.empty.Wrapping = fyne.TextWrapWord
	v.empty.Hide()
	v.allPresent = widget.NewButtonWithIcon(L("Semua hadir"), theme.ConfirmIcon(), v.markAllPresent)
	v.allPresent.Importance = widget.HighImportance
	v.importFile = widget.NewButtonWithIcon(L("Impor laporan rapat daring…"), theme.DownloadIcon(), func() {
		if v.session != nil {
			st.importMeetingReport(v.session)
		}
	})
	v.print = widget.NewButtonWithIcon(L("Cetak daftar hadir sesi ini"), theme.DocumentPrintIcon(), func() { st.printSheets(v.session) })
	v.list = newMarkList(v)
	help := st.u.hintButton(L("Mengisi presensi dengan papan ketik"), L("Ketik H, T, I, S, D (Dinas Luar), C atau A untuk mengisi lalu lanjut ke baris berikutnya (T mencatat jam datang sekarang); ↑ ↓ atau Tab untuk pindah; Enter mengubah jam datang di baris, atau membuka catatan; Delete untuk mengosongkan. Setiap tanda langsung tersimpan."))
	classroom := widget.NewButtonWithIcon(L("Mode Kelas"), theme.ComputerIcon(), func() { st.u.openClassroom(st.p, v.session) })
	tools := container.NewHBox(v.allPresent, classroom, v.importFile, v.print)
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(L("Sesi")), help, v.choose),
		container.NewHScroll(tools),
		v.countsText,
	)
	header := markHeader()
	v.content = container.NewBorder(container.NewVBox(container.NewPadded(top), header), nil, nil, nil,
		container.NewStack(v.list, container.NewPadded(v.empty)))
	return v
}

// sessionsChanged refills the session choice after the schedule changed and keeps or picks the session shown.
func (v *attendanceView) sessionsChanged() {
	st := v.st
	options := make([]string, len(st.sessions))
	for i, x := range st.sessions {
		options[i] = sessionLabel(x)
		if x.Topic != "" {
			options[i] += " · " + x.Topic
		}
	}
	v.choose.Options = options
	i := -1
	if v.session != nil {
		i = st.sessionIndex(v.session.ID)
	}
	if i < 0 && len(st.sessions) > 0 {
		i = st.defaultSession()
	}
	if i < 0 {
		v.session, v.loaded = nil, 0
		v.choose.ClearSelected()
		v.roster, v.marks = nil, map[int64]*data.Mark{}
		v.refresh()
		return
	}
	v.session = st.sessions[i]
	v.loaded = v.session.ID // keeps OnChanged from loading too
	v.choose.SetSelectedIndex(i)
	v.loaded = 0
	v.loadMarks()
}

// show opens attendance on the session with the given ID.
func (v *attendanceView) show(id int64) {
	if i := v.st.sessionIndex(id); i >= 0 {
		v.session = v.st.sessions[i]
	}
	v.sessionsChanged()
}

// loadMarks reads the roster and the session's marks.
func (v *attendanceView) loadMarks() {
	x := v.session
	if x == nil {
		return
	}
	st := v.st
	st.u.goBackground(func() {
		ctx := context.Background()
		roster, err := st.u.store.Roster(ctx, st.p.ID)
		var marks map[int64]*data.Mark
		if err == nil {
			marks, err = st.u.store.Marks(ctx, x.ID)
		}
		fyne.Do(func() {
			if err != nil {
				st.u.showError(err)
				return
			}
			if v.session == nil || v.session.ID != x.ID {
				return // another session was chosen meanwhile
			}
			v.roster, v.marks, v.loaded = roster, marks, x.ID
			v.refresh()
			if st.tabs.SelectedIndex() == 1 && len(roster) > 0 {
				v.list.focus() // ready for the keyboard at once
			}
		})
	})
}

// refresh recounts and redraws.
func (v *attendanceView) refresh() {
	v.counts = data.StatusCounts{}
	for _, r := range v.roster {
		if m := v.marks[r.EnrolmentID]; m != nil {
			v.counts.Add(m.Status)
		} else {
			v.counts.Add("")
		}
	}
	switch {
	case len(v.st.sessions) == 0:
		v.empty.SetText(L("Belum ada sesi. Buat jadwalnya dulu di tab Jadwal."))
		v.empty.Show()
	case v.session != nil && v.loaded == v.session.ID && len(v.roster) == 0:
		v.empty.SetText(L("Belum ada peserta terdaftar di program ini. Daftarkan peserta di tab Peserta."))
		v.empty.Show()
	default:
		v.empty.Hide()
	}
	ready := v.session != nil && len(v.roster) > 0
	for _, b := range []*widget.Button{v.allPresent, v.importFile, v.print} {
		if ready {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	v.showCounts()
	v.list.cur = min(v.list.cur, max(len(v.roster)-1, 0))
	v.list.Refresh()
}

func (v *attendanceView) showCounts() {
	if v.session == nil {
		v.countsText.SetText("")
		return
	}
	var parts []string
	for _, s := range data.AttendanceStatuses {
		parts = append(parts, fmt.Sprintf("%s %d", L(s.Label()), v.counts.Of(s)))
	}
	parts = append(parts, fmt.Sprintf("%s %d", L("Belum diisi"), v.counts.Unmarked))
	v.countsText.SetText(fmt.Sprintf(L("%d peserta: %s"), len(v.roster), strings.Join(parts, " · ")))
}

// setMark gives row i the status (keeping its time for T and its note) and stores it; status "" clears it.
func (v *attendanceView) setMark(i int, status data.AttendanceStatus, clock, note *string) {
	if v.session == nil || i < 0 || i >= len(v.roster) {
		return
	}
	r := v.roster[i]
	old := v.marks[r.EnrolmentID]
	if old != nil {
		v.counts.Remove(old.Status)
	} else {
		v.counts.Remove("")
	}
	sessionID := v.session.ID
	if status == "" {
		delete(v.marks, r.EnrolmentID)
		v.counts.Add("")
		v.saver.add(func() error { return v.st.u.store.ClearMark(context.Background(), sessionID, r.EnrolmentID) })
	} else {
		m := &data.Mark{SessionID: sessionID, EnrolmentID: r.EnrolmentID, Status: status, Source: data.SourceScreen}
		if old != nil {
			m.Time, m.Note, m.Minutes = old.Time, old.Note, old.Minutes
		}
		if status != data.Late {
			m.Time = ""
		}
		if clock != nil {
			m.Time = *clock
		}
		if note != nil {
			m.Note = *note
		}
		v.marks[r.EnrolmentID] = m
		v.counts.Add(status)
		saved := *m
		v.saver.add(func() error { return v.st.u.store.SetMark(context.Background(), &saved) })
	}
	v.showCounts()
	v.list.RefreshItem(i)
	v.st.marks[sessionID] = v.counts.Marked()
}

// markLate marks row i late: on the session's day with the time now, on another day keeping the time it
// had (the coordinator types it with Enter).
func (v *attendanceView) markLate(i int) {
	if v.session == nil || i < 0 || i >= len(v.roster) {
		return
	}
	if v.session.Date.Equal(v.st.u.now.today()) {
		now := v.st.u.now().Format("15:04")
		v.setMark(i, data.Late, &now, nil)
		return
	}
	v.setMark(i, data.Late, nil, nil)
}

// markAllPresent marks everyone without a mark present, in one transaction, then shows the result.
func (v *attendanceView) markAllPresent() {
	x := v.session
	if x == nil {
		return
	}
	v.saver.add(func() error {
		_, err := v.st.u.store.MarkAllPresent(context.Background(), x.ID)
		if err == nil {
			fyne.Do(func() {
				v.loadMarks()
				v.list.focus()
			})
		}
		return err
	})
}

// details opens the time of arrival and the note of row i.
func (v *attendanceView) details(i int) {
	if v.session == nil || i < 0 || i >= len(v.roster) {
		return
	}
	r := v.roster[i]
	m := v.marks[r.EnrolmentID]
	var options []string
	for _, s := range data.AttendanceStatuses {
		options = append(options, string(s)+" – "+L(s.Label()))
	}
	status := widget.NewSelect(options, nil)
	clock, note := newKeyEntry(), newKeyEntry() // Escape in them cancels the dialog
	clock.SetPlaceHolder(L("JJ:MM, untuk yang terlambat"))
	clock.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return clockValidator(s)
	}
	note.SetPlaceHolder(L("Misalnya: surat tugas dari sekolah"))
	current := data.Present // a note for someone not marked yet is usually for someone present
	if m != nil {
		current = m.Status
		clock.SetText(m.Time)
		note.SetText(m.Note)
	}
	for k, s := range data.AttendanceStatuses {
		if s == current {
			status.SetSelectedIndex(k)
		}
	}
	if current == data.Late && clock.Text == "" && v.session.Date.Equal(v.st.u.now.today()) {
		clock.SetText(v.st.u.now().Format("15:04"))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(L("Status"), status),
		widget.NewFormItem(L("Jam datang"), clock),
		widget.NewFormItem(L("Catatan"), note),
	}
	var d *dialog.FormDialog
	submit := func(string) { d.Submit() } // Enter saves, as everywhere in data entry
	clock.OnSubmitted, note.OnSubmitted = submit, submit
	d = dialog.NewForm(r.Name, L("Simpan"), L("Batal"), items, func(ok bool) {
		defer v.list.focus()
		if !ok {
			return
		}
		k := status.SelectedIndex()
		if k < 0 {
			return
		}
		t, n := normalClock(clock.Text), strings.TrimSpace(note.Text)
		if strings.TrimSpace(clock.Text) == "" {
			t = ""
		}
		v.setMark(i, data.AttendanceStatuses[k], &t, &n)
	}, v.st.u.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
	if c := v.st.u.win.Canvas(); c != nil {
		if current == data.Late {
			c.Focus(clock)
			clock.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the proposed time
		} else {
			c.Focus(note)
		}
	}
}

// markOf is row i's mark, or nil.
func (v *attendanceView) markOf(i int) *data.Mark {
	if i < 0 || i >= len(v.roster) {
		return nil
	}
	return v.marks[v.roster[i].EnrolmentID]
}

// tapLabel is a label that reacts to a click (the Keterangan cell of an attendance row).
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel(onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs onTap.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// noteText is what the Keterangan column shows: the time of arrival, the note and the minutes online.
func noteText(m *data.Mark) string {
	if m == nil {
		return ""
	}
	var parts []string
	if m.Time != "" {
		parts = append(parts, fmt.Sprintf(L("datang %s"), strings.ReplaceAll(m.Time, ":", ".")))
	}
	if m.Note != "" {
		parts = append(parts, m.Note)
	}
	if m.Minutes != nil {
		parts = append(parts, fmt.Sprintf(L("daring %d menit"), *m.Minutes))
	}
	return strings.Join(parts, " · ")
}

// markSaver stores marks one after another off the UI goroutine, in the order they were made, so that a
// quick H then A on the same row ends as A in the database too.
type markSaver struct {
	u      *UI
	failed func(error)
	mu     sync.Mutex
	jobs   []func() error
	busy   bool
}

func (s *markSaver) add(job func() error) {
	s.mu.Lock()
	s.jobs = append(s.jobs, job)
	start := !s.busy
	s.busy = true
	s.mu.Unlock()
	if start {
		s.u.goBackground(s.drain)
	}
}

func (s *markSaver) drain() {
	for {
		s.mu.Lock()
		if len(s.jobs) == 0 {
			s.busy = false
			s.mu.Unlock()
			return
		}
		job := s.jobs[0]
		s.jobs = s.jobs[1:]
		s.mu.Unlock()
		if err := job(); err != nil {
			fyne.Do(func() { s.failed(err) })
		}
	}
}

// markList is the keyboard-driven list of a session's participants. It keeps its own current row (the
// List's focus row is internal to Fyne) and draws it highlighted while the list has the focus.
type markList struct {
	widget.List
	v       *attendanceView
	cur     int
	focused bool
	shift   bool
	editing int        // the row whose time of arrival is edited in place, or -1
	rows    []*markRow // every row made, to find the one showing a given participant
}

var (
	_ fyne.Focusable  = (*markList)(nil)
	_ fyne.Tabbable   = (*markList)(nil)
	_ desktop.Keyable = (*markList)(nil)
)

func newMarkList(v *attendanceView) *markList {
	ml := &markList{v: v, editing: -1}
	ml.ExtendBaseWidget(ml)
	ml.Length = func() int { return len(v.roster) }
	ml.CreateItem = func() fyne.CanvasObject {
		r := newMarkRow(ml)
		ml.rows = append(ml.rows, r)
		return r
	}
	ml.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { o.(*markRow).update(id) }
	ml.OnSelected = func(id widget.ListItemID) {
		ml.Unselect(id)
		ml.moveTo(id)
		ml.focus()
	}
	return ml
}

func (ml *markList) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(ml); c != nil {
		c.Focus(ml)
	}
}

// moveTo makes row id the current row and scrolls to it.
func (ml *markList) moveTo(id int) {
	n := len(ml.v.roster)
	if n == 0 {
		return
	}
	id = min(max(id, 0), n-1)
	old := ml.cur
	ml.cur = id
	ml.ScrollTo(id)
	ml.RefreshItem(old)
	ml.RefreshItem(id)
}

// FocusGained highlights the current row.
func (ml *markList) FocusGained() {
	ml.focused = true
	ml.RefreshItem(ml.cur)
}

// FocusLost removes the highlight.
func (ml *markList) FocusLost() {
	ml.focused = false
	ml.RefreshItem(ml.cur)
}

// AcceptsTab keeps Tab inside the list: it moves to the next participant.
func (ml *markList) AcceptsTab() bool { return true }

// KeyDown tracks Shift, for Shift+Tab.
func (ml *markList) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		ml.shift = true
	}
}

// KeyUp tracks Shift.
func (ml *markList) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		ml.shift = false
	}
}

// TypedKey moves between participants, opens the details or clears a mark.
func (ml *markList) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDown:
		ml.moveTo(ml.cur + 1)
	case fyne.KeyUp:
		ml.moveTo(ml.cur - 1)
	case fyne.KeyTab:
		if ml.shift {
			ml.moveTo(ml.cur - 1)
		} else {
			ml.moveTo(ml.cur + 1)
		}
	case fyne.KeyPageDown:
		ml.moveTo(ml.cur + 10)
	case fyne.KeyPageUp:
		ml.moveTo(ml.cur - 10)
	case fyne.KeyHome:
		ml.moveTo(0)
	case fyne.KeyEnd:
		ml.moveTo(len(ml.v.roster) - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if m := ml.v.markOf(ml.cur); m != nil && m.Status == data.Late {
			ml.editTime(ml.cur)
			return
		}
		ml.v.details(ml.cur)
	case fyne.KeyDelete, fyne.KeyBackspace:
		ml.v.setMark(ml.cur, "", nil, nil)
	}
}

// TypedRune sets the current participant's status from its letter and moves on; T (terlambat) takes the
// time now, which Enter on the row edits.
func (ml *markList) TypedRune(r rune) {
	status, ok := markKeys[unicode.ToUpper(r)]
	if !ok {
		return
	}
	if status == data.Late {
		ml.v.markLate(ml.cur)
	} else {
		ml.v.setMark(ml.cur, status, nil, nil)
	}
	ml.moveTo(ml.cur + 1)
}

// editTime opens row id's time of arrival for editing in the row itself: Enter stores it, Escape leaves it.
func (ml *markList) editTime(id int) {
	if id < 0 || id >= len(ml.v.roster) {
		return
	}
	ml.moveTo(id)
	old := ml.editing
	ml.editing = id
	if old >= 0 && old != id {
		ml.RefreshItem(old)
	}
	ml.RefreshItem(id)
	for _, r := range ml.rows {
		if r.id == id && r.clock.Visible() {
			if c := fyne.CurrentApp().Driver().CanvasForObject(ml); c != nil {
				c.Focus(r.clock)
				r.clock.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the time shown
			}
			return
		}
	}
}

// endEdit closes the inline time of arrival; with save, a valid time is stored (Enter on an invalid one
// keeps the field open, red; leaving it drops it). refocus gives the keyboard back to the list.
func (ml *markList) endEdit(r *markRow, save, refocus bool) {
	if ml.editing < 0 || r.id != ml.editing {
		return
	}
	id := ml.editing
	text := strings.TrimSpace(r.clock.Text)
	if save && text != "" && clockValidator(text) != nil {
		if refocus {
			return
		}
		save = false
	}
	if save {
		t := ""
		if text != "" {
			t = normalClock(text)
		}
		ml.editing = -1
		ml.v.setMark(id, data.Late, &t, nil)
	} else {
		ml.editing = -1
	}
	ml.RefreshItem(id)
	if refocus {
		ml.focus()
	}
}

// markColumns are the widths of the list's columns: number, name (takes the spare width), NIP, the status
// buttons, the note and its edit button.
var markColumns = []column{{width: 44}, {width: 220, grow: true}, {width: 176}, {width: 7*40 + 6*2}, {width: 170}, {width: 40}}

// markHeader is the heading above the list, in the list's columns.
func markHeader() fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for _, title := range []string{"No.", "Nama", "NIP", "Status", "Keterangan", ""} {
		l := widget.NewLabelWithStyle(L(title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if title == "" {
			l.Text = ""
		}
		cells = append(cells, l)
	}
	return container.New(&columnsLayout{cols: markColumns}, cells...)
}

// markRow is one participant's row.
type markRow struct {
	widget.BaseWidget
	ml            *markList
	id            int
	bg            *canvas.Rectangle
	no, name, nip *widget.Label
	note          *tapLabel
	clock         *keyEntry // the time of arrival, edited in place
	buttons       []*widget.Button
	edit          *widget.Button
	box           *fyne.Container
}

func newMarkRow(ml *markList) *markRow {
	r := &markRow{ml: ml, bg: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.no = widget.NewLabel("")
	r.no.Alignment = fyne.TextAlignTrailing
	r.name, r.nip = widget.NewLabel(""), widget.NewLabel("")
	r.note = newTapLabel(func() {
		// A click on a late participant's note edits the time of arrival, as Enter does.
		if m := r.ml.v.markOf(r.id); m != nil && m.Status == data.Late {
			r.ml.editTime(r.id)
			return
		}
		r.ml.moveTo(r.id)
		r.ml.focus()
	})
	for _, l := range []*widget.Label{r.name, r.nip, &r.note.Label} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.clock = newKeyEntry()
	r.clock.SetPlaceHolder(L("JJ:MM"))
	r.clock.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return clockValidator(s)
	}
	r.clock.OnSubmitted = func(string) { r.ml.endEdit(r, true, true) }
	r.clock.onEscape = func() { r.ml.endEdit(r, false, true) }
	r.clock.onFocusLost = func() { r.ml.endEdit(r, true, false) }
	r.clock.Hide()
	statuses := container.New(&columnsLayout{cols: []column{{width: 40}, {width: 40}, {width: 40}, {width: 40}, {width: 40}, {width: 40}, {width: 40}}, gap: 2})
	for _, s := range data.AttendanceStatuses {
		s := s
		b := widget.NewButton(string(s), func() {
			r.ml.moveTo(r.id)
			if s == data.Late {
				r.ml.v.markLate(r.id)
			} else {
				r.ml.v.setMark(r.id, s, nil, nil)
			}
			r.ml.focus()
		})
		r.buttons = append(r.buttons, b)
		statuses.Add(b)
	}
	r.edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() {
		r.ml.moveTo(r.id)
		r.ml.v.details(r.id)
	})
	r.edit.Importance = widget.LowImportance
	r.box = container.New(&columnsLayout{cols: markColumns}, r.no, r.name, r.nip, statuses, container.NewStack(r.note, r.clock), r.edit)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the highlight behind the row.
func (r *markRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.box))
}

func (r *markRow) update(id int) {
	r.id = id
	v := r.ml.v
	if id >= len(v.roster) {
		return
	}
	p := v.roster[id]
	m := v.marks[p.EnrolmentID]
	// Setting a label's text shapes it again, the costly part of a refresh: only changed texts are set.
	setText(r.no, strconv.Itoa(id+1))
	setText(r.name, p.Name)
	setText(r.nip, printedNIP(p.NIP))
	setText(&r.note.Label, noteText(m))
	if id == r.ml.editing {
		if !r.clock.Visible() {
			t := ""
			if m != nil {
				t = m.Time
			}
			r.clock.SetText(t)
			r.clock.Show()
			r.note.Hide()
		}
	} else if r.clock.Visible() {
		r.clock.Hide()
		r.note.Show()
	}
	for k, s := range data.AttendanceStatuses {
		imp := widget.LowImportance
		if m != nil && m.Status == s {
			imp = statusImportance(s)
		}
		if r.buttons[k].Importance != imp {
			r.buttons[k].Importance = imp
			r.buttons[k].Refresh()
		}
	}
	fill := color.Color(color.Transparent)
	if id == r.ml.cur && r.ml.focused {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if r.bg.FillColor != fill {
		r.bg.FillColor = fill
		r.bg.Refresh()
	}
}

func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// statusImportance colours a chosen status: present green, late and excused amber, absent red.
func statusImportance(s data.AttendanceStatus) widget.Importance {
	switch s {
	case data.Present:
		return widget.SuccessImportance
	case data.Late, data.Leave, data.Sick, data.Duty, data.Holiday:
		return widget.WarningImportance
	}
	return widget.DangerImportance
}

// columnsLayout places its objects side by side in columns of the given widths; columns marked grow share
// the room left over, so rows and their heading line up.
type columnsLayout struct {
	cols []column
	gap  float32
}

func (l *columnsLayout) widths(total float32) []float32 {
	var fixed, growing float32
	for _, c := range l.cols {
		fixed += c.width
		if c.grow {
			growing += c.width
		}
	}
	gaps := l.gap * float32(len(l.cols)-1)
	extra := total - fixed - gaps
	out := make([]float32, len(l.cols))
	for i, c := range l.cols {
		out[i] = c.width
		if c.grow && extra > 0 && growing > 0 {
			out[i] += extra * c.width / growing
		}
	}
	return out
}

// Layout sizes each object to its column and the full height.
func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, w := range l.widths(size.Width) {
		if i >= len(objects) {
			return
		}
		objects[i].Move(fyne.NewPos(x, 0))
		objects[i].Resize(fyne.NewSize(w, size.Height))
		x += w + l.gap
	}
}

// MinSize is the sum of the widths and the tallest object.
func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, c := range l.cols {
		w += c.width
	}
	w += l.gap * float32(len(l.cols)-1)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// printedNIP is a NIP in its 8-6-1-3 form, or "–".
func printedNIP(digits string) string {
	if digits == "" {
		return "–"
	}
	p := data.Participant{NIP: digits}
	return p.PrintedNIP()
}
