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
	"github.com/pembina/pembina/data/store"
)

// sessionsView is the Jadwal tab: the program's sessions in order, with buttons to add, generate, edit, move
// and delete them and to print their sign-in sheets.
type sessionsView struct {
	st       *scheduleTab
	table    *listTable
	summary  *widget.Label
	selected int // index into st.sessions, -1 for none

	edit, up, down, remove, print, attend *widget.Button
	content                               fyne.CanvasObject
}

func (st *scheduleTab) newSessionsView() *sessionsView {
	v := &sessionsView{st: st, selected: -1}
	v.table = newListTable([]column{
		{title: "No.", width: 48, align: fyne.TextAlignTrailing},
		{title: "Hari/Tanggal", width: 190},
		{title: "Waktu", width: 150},
		{title: "Topik", width: 200, grow: true},
		{title: "Narasumber", width: 160, grow: true},
		{title: "JP", width: 40, align: fyne.TextAlignTrailing},
		{title: "Presensi", width: 110, align: fyne.TextAlignTrailing},
	}, func() int { return len(st.sessions) }, v.cell)
	v.table.style = func(row, col int) widget.Importance {
		switch {
		case row == v.selected:
			return widget.HighImportance
		case col == 6 && v.unentered(row):
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		v.selected = id.Row
		v.refresh()
	}
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(L("Tambah sesi"), theme.ContentAddIcon(), func() { v.editSession(nil) })
	generate := widget.NewButtonWithIcon(L("Buat sesi per hari"), theme.ViewRefreshIcon(), v.generate)
	v.edit = widget.NewButtonWithIcon(L("Ubah"), theme.DocumentCreateIcon(), func() {
		if x := v.current(); x != nil {
			v.editSession(x)
		}
	})
	v.up = widget.NewButtonWithIcon(L("Naik"), theme.MoveUpIcon(), func() { v.move(-1) })
	v.down = widget.NewButtonWithIcon(L("Turun"), theme.MoveDownIcon(), func() { v.move(1) })
	v.remove = widget.NewButtonWithIcon(L("Hapus"), theme.DeleteIcon(), v.delete)
	v.print = widget.NewButtonWithIcon(L("Cetak daftar hadir"), theme.DocumentPrintIcon(), func() { st.printSheets(v.current()) })
	v.attend = widget.NewButtonWithIcon(L("Isi presensi"), theme.ConfirmIcon(), func() {
		if x := v.current(); x != nil {
			st.tabs.SelectIndex(1)
			st.entry.show(x.ID)
		}
	})
	tools := container.NewHBox(add, generate, widget.NewSeparator(), v.edit, v.up, v.down, v.remove, widget.NewSeparator(), v.print, v.attend)
	top := container.NewVBox(container.NewHScroll(tools), v.summary)
	v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, v.table)
	return v
}

func (v *sessionsView) current() *data.Session {
	if v.selected < 0 || v.selected >= len(v.st.sessions) {
		return nil
	}
	return v.st.sessions[v.selected]
}

func (v *sessionsView) cell(row, col int) string {
	if row >= len(v.st.sessions) {
		return ""
	}
	x := v.st.sessions[row]
	switch col {
	case 0:
		return strconv.Itoa(x.Number)
	case 1:
		return uiDateWithDay(x.Date)
	case 2:
		return x.TimeLabel()
	case 3:
		return x.Topic
	case 4:
		return x.Speaker
	case 5:
		return strconv.Itoa(x.JP)
	case 6:
		if v.st.roster == 0 {
			return "–"
		}
		if v.unentered(row) {
			return L("belum diisi")
		}
		if v.st.marks[x.ID] == 0 && data.Day(x.Date).After(v.st.u.now.today()) {
			return L("akan datang") // not "0/30": nobody is absent from a session still to come
		}
		return fmt.Sprintf("%d/%d", v.st.marks[x.ID], v.st.roster)
	}
	return ""
}

// unentered reports whether the session of the row is of today or earlier and nobody has been marked for it
// ("belum diisi", data.SessionUnentered): not absence, and the program's certificates wait for it.
func (v *sessionsView) unentered(row int) bool {
	if row < 0 || row >= len(v.st.sessions) || v.st.roster == 0 {
		return false
	}
	x := v.st.sessions[row]
	return data.SessionUnentered(x.Date, v.st.u.now.today(), v.st.marks[x.ID] > 0)
}

// refresh shows the sessions loaded last, the totals and which buttons apply.
func (v *sessionsView) refresh() {
	st := v.st
	if v.selected >= len(st.sessions) {
		v.selected = len(st.sessions) - 1
	}
	jp := 0
	for _, x := range st.sessions {
		jp += x.JP
	}
	var b strings.Builder
	if len(st.sessions) == 0 {
		fmt.Fprintf(&b, L("Belum ada sesi. Tambahkan sesi satu per satu, atau buat satu sesi untuk setiap hari program (%s)."), uiDateRange(st.p.StartDate, st.p.EndDate))
	} else {
		fmt.Fprintf(&b, L("%d sesi, %d JP terjadwal dari %d JP program."), len(st.sessions), jp, st.p.TotalJP)
		if jp != st.p.TotalJP {
			b.WriteString(" " + L("Jumlah JP sesi belum sama dengan JP program."))
		}
	}
	var outside int
	for _, x := range st.sessions {
		if len(data.SessionWarnings(st.p, x)) > 0 {
			outside++
		}
	}
	if outside > 0 {
		fmt.Fprintf(&b, " "+L("%d sesi di luar tanggal program (%s)."), outside, uiDateRange(st.p.StartDate, st.p.EndDate))
	}
	v.summary.SetText(b.String())
	v.summary.Importance = widget.MediumImportance
	if len(st.sessions) > 0 && (jp != st.p.TotalJP || outside > 0) {
		v.summary.Importance = widget.WarningImportance
	}
	v.summary.Refresh()
	has := v.current() != nil
	for _, b := range []*widget.Button{v.edit, v.up, v.down, v.remove, v.attend} {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if len(st.sessions) == 0 {
		v.print.Disable()
	} else {
		v.print.Enable()
	}
	v.table.Refresh()
}

// afterChange reloads the sessions, keeping the session with id selected.
func (v *sessionsView) afterChange(id int64) {
	st := v.st
	st.u.goBackground(func() {
		sessions, err := st.u.store.Sessions(context.Background(), st.p.ID)
		var marks map[int64]int
		if err == nil {
			marks, err = st.u.store.SessionMarkCounts(context.Background(), st.p.ID)
		}
		fyne.Do(func() {
			if err != nil {
				st.u.showError(err)
				return
			}
			st.sessions, st.marks = sessions, marks
			v.selected = st.sessionIndex(id)
			v.refresh()
		})
	})
}

// editSession shows the session form, for a new session when x is nil. A date outside the program's dates is
// saved only after the coordinator confirms it.
func (v *sessionsView) editSession(x *data.Session) {
	st := v.st
	isNew := x == nil
	if isNew {
		x = &data.Session{ProgramID: st.p.ID, Start: "08:00", End: "16:00", TimeZone: st.p.TimeZone, Date: st.p.StartDate}
		if n := len(st.sessions); n > 0 {
			last := st.sessions[n-1]
			x.Date, x.Start, x.End, x.TimeZone = last.Date, last.Start, last.End, last.TimeZone
		}
	}
	date := newDateField(v.st.u, nil)
	date.SetDate(x.Date)
	start, end := newKeyEntry(), newKeyEntry()
	start.SetText(x.Start)
	end.SetText(x.End)
	start.SetPlaceHolder("08:00")
	end.SetPlaceHolder("16:00")
	start.Validator = clockValidator
	end.Validator = func(s string) error {
		if err := clockValidator(s); err != nil {
			return err
		}
		if a, b := normalClock(start.Text), normalClock(s); data.ValidClock(a) && b <= a {
			return fmt.Errorf("%s", L("harus setelah jam mulai"))
		}
		return nil
	}
	zone := widget.NewSelect(data.TimeZones, nil)
	zone.SetSelected(x.TimeZone)
	topic, speaker := newKeyEntry(), newKeyEntry()
	topic.SetText(x.Topic)
	speaker.SetText(x.Speaker)
	topic.SetPlaceHolder(L("Materi yang dibahas"))
	speaker.SetPlaceHolder(L("Nama dengan gelar"))
	jp := newKeyEntry()
	jp.SetText(strconv.Itoa(x.JP))
	jp.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 0 || n > 100 {
			return fmt.Errorf("%s", L("isi bilangan bulat 0 sampai 100"))
		}
		return nil
	}
	subjects := []*data.Subject{}
	subject := widget.NewSelect([]string{L("(tanpa mata pelatihan)")}, nil)
	subject.SetSelectedIndex(0)
	st.u.goBackground(func() {
		list, err := st.u.store.Subjects(context.Background(), st.p.ID)
		fyne.Do(func() {
			if err != nil || len(list) == 0 {
				subject.Disable()
				return
			}
			subjects = list
			options := []string{L("(tanpa mata pelatihan)")}
			chosen := 0
			for i, s := range list {
				options = append(options, fmt.Sprintf("%s (%d JP)", s.Name, s.JP))
				if s.ID == x.SubjectID {
					chosen = i + 1
				}
			}
			subject.Options = options
			subject.SetSelectedIndex(chosen)
			subject.OnChanged = func(string) {
				if i := subject.SelectedIndex(); i > 0 && strings.TrimSpace(topic.Text) == "" {
					topic.SetText(subjects[i-1].Name)
				}
			}
		})
	})
	items := []*widget.FormItem{
		widget.NewFormItem(L("Tanggal sesi"), date.box),
		widget.NewFormItem(L("Jam mulai"), start),
		widget.NewFormItem(L("Jam selesai"), end),
		widget.NewFormItem(L("Zona waktu"), zone),
		widget.NewFormItem(L("Mata pelatihan"), subject),
		widget.NewFormItem(L("Topik"), topic),
		widget.NewFormItem(L("Narasumber"), speaker),
		widget.NewFormItem(L("JP"), jp),
	}
	title := L("Ubah sesi")
	if isNew {
		title = L("Tambah sesi")
	}
	save := func(ok bool) {
		if !ok {
			return
		}
		y := *x
		d, err := data.ParseDate(date.Entry.Text)
		if err != nil {
			st.u.showError(err)
			return
		}
		y.Date, y.Start, y.End, y.TimeZone = d, normalClock(start.Text), normalClock(end.Text), zone.Selected
		y.Topic, y.Speaker = strings.TrimSpace(topic.Text), strings.TrimSpace(speaker.Text)
		y.JP, _ = strconv.Atoi(strings.TrimSpace(jp.Text))
		y.SubjectID = 0
		if i := subject.SelectedIndex(); i > 0 && i <= len(subjects) {
			y.SubjectID = subjects[i-1].ID
		}
		if err := y.Validate(); err != nil {
			st.u.showError(err)
			return
		}
		write := func() {
			st.u.goBackground(func() {
				var err error
				if isNew {
					err = st.u.store.CreateSession(context.Background(), &y)
				} else {
					err = st.u.store.UpdateSession(context.Background(), &y)
				}
				fyne.Do(func() {
					if err != nil {
						st.u.showError(err)
						return
					}
					v.afterChange(y.ID)
				})
			})
		}
		if w := data.SessionWarnings(st.p, &y); len(w) > 0 {
			c := dialog.NewConfirm(L("Tanggal di luar program"), capitalise(strings.Join(w, "; "))+". "+L("Simpan juga?"), func(yes bool) {
				if yes {
					write()
				}
			}, st.u.win)
			c.SetConfirmText(L("Simpan"))
			c.Show()
			return
		}
		write()
	}
	form := dialog.NewForm(title, L("Simpan"), L("Batal"), items, save, st.u.win)
	for _, e := range []*keyEntry{date.keyEntry, start, end, topic, speaker, jp} {
		e.OnSubmitted = func(string) { form.Submit() }
	}
	form.Resize(fyne.NewSize(560, 470))
	form.Show()
}

// generate makes one session for every day of the program that has none, after asking for the times.
func (v *sessionsView) generate() {
	st := v.st
	start, end := newKeyEntry(), newKeyEntry()
	start.SetText("08:00")
	end.SetText("16:00")
	start.Validator = clockValidator
	end.Validator = clockValidator
	zone := widget.NewSelect(data.TimeZones, nil)
	zone.SetSelected(st.p.TimeZone)
	jp := 0
	for _, x := range st.sessions {
		jp += x.JP
	}
	note := widget.NewLabel(fmt.Sprintf(L("Satu sesi dibuat untuk setiap hari program (%s) yang belum memiliki sesi. JP program yang belum terjadwal (%d JP) dibagi rata ke sesi baru; semuanya dapat diubah sesudahnya."),
		uiDateRange(st.p.StartDate, st.p.EndDate), max(st.p.TotalJP-jp, 0)))
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", note),
		widget.NewFormItem(L("Jam mulai"), start),
		widget.NewFormItem(L("Jam selesai"), end),
		widget.NewFormItem(L("Zona waktu"), zone),
	}
	d := dialog.NewForm(L("Buat sesi per hari"), L("Buat"), L("Batal"), items, func(ok bool) {
		if !ok {
			return
		}
		opt := store.GenerateOptions{Start: normalClock(start.Text), End: normalClock(end.Text), TimeZone: zone.Selected}
		st.u.goBackground(func() {
			made, err := st.u.store.GenerateSessions(context.Background(), st.p.ID, opt)
			fyne.Do(func() {
				if err != nil {
					st.u.showError(err)
					return
				}
				v.afterChange(made[0].ID)
			})
		})
	}, st.u.win)
	d.Resize(fyne.NewSize(560, 380))
	d.Show()
}

func (v *sessionsView) move(delta int) {
	x := v.current()
	if x == nil {
		return
	}
	st := v.st
	st.u.goBackground(func() {
		err := st.u.store.MoveSession(context.Background(), x.ID, delta)
		fyne.Do(func() {
			if err != nil {
				st.u.showError(err)
				return
			}
			v.afterChange(x.ID)
		})
	})
}

// delete asks first; when the session has marks, the question says how many go with it.
func (v *sessionsView) delete() {
	x := v.current()
	if x == nil {
		return
	}
	st := v.st
	marks := st.marks[x.ID]
	msg := fmt.Sprintf(L("Hapus %s?"), sessionLabel(x))
	if marks > 0 {
		msg = fmt.Sprintf(L("%s sudah memiliki %d tanda hadir. Menghapus sesi ini juga menghapus semua tanda hadirnya dan tidak dapat dibatalkan. Hapus juga?"),
			sessionLabel(x), marks)
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	c := dialog.NewCustomConfirm(L("Hapus sesi"), L("Hapus"), L("Batal"), label, func(yes bool) {
		if !yes {
			return
		}
		st.u.goBackground(func() {
			err := st.u.store.DeleteSession(context.Background(), x.ID, marks > 0)
			fyne.Do(func() {
				if err != nil {
					st.u.showError(err)
				}
				v.selected = -1
				st.reload()
			})
		})
	}, st.u.win)
	c.SetConfirmImportance(widget.DangerImportance)
	c.Resize(fyne.NewSize(480, 220))
	c.Show()
}

// clockValidator accepts "08:00" and "08.00".
func clockValidator(s string) error {
	if !data.ValidClock(normalClock(s)) {
		return fmt.Errorf("%s", L("tulis sebagai JJ:MM, misalnya 08:00"))
	}
	return nil
}

// normalClock turns "8.00", "08.00", " 8:00 ", "0800" and "800" into "08:00".
func normalClock(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", ":")
	if strings.Trim(s, "0123456789") == "" && (len(s) == 3 || len(s) == 4) {
		s = s[:len(s)-2] + ":" + s[len(s)-2:]
	}
	if len(s) == 4 && s[1] == ':' {
		s = "0" + s
	}
	return s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
