package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// scheduleTab is the Jadwal & Presensi tab of one program: the sessions, the attendance entry of one session
// and the recap, each a tab of its own, sharing the sessions they show.
type scheduleTab struct {
	u        *UI
	p        *data.Program
	sessions []*data.Session
	marks    map[int64]int // marks per session ID
	roster   int           // participants who sign in

	tabs  *container.AppTabs
	plan  *sessionsView
	entry *attendanceView
	recap *recapView
}

// programScheduleTab is the Jadwal & Presensi tab: sessions, attendance, the recap and sign-in sheets.
func (u *UI) programScheduleTab(p *data.Program) fyne.CanvasObject {
	st := u.newScheduleTab(p)
	return withCommands(st.tabs, viewCommands{
		New: func() {
			st.tabs.SelectIndex(0)
			st.plan.editSession(nil)
		},
		Print:  func() { st.printSheets(nil) },
		Export: st.exportRecap,
		Reload: st.reload,
	})
}

func (u *UI) newScheduleTab(p *data.Program) *scheduleTab {
	st := &scheduleTab{u: u, p: p, marks: map[int64]int{}}
	st.plan = st.newSessionsView()
	st.entry = st.newAttendanceView()
	st.recap = st.newRecapView()
	st.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(L("Jadwal"), theme.ListIcon(), st.plan.content),
		container.NewTabItemWithIcon(L("Presensi"), theme.ConfirmIcon(), st.entry.content),
		container.NewTabItemWithIcon(L("Rekap"), theme.GridIcon(), st.recap.content),
	)
	st.tabs.OnSelected = func(*container.TabItem) { st.reload() }
	st.reload()
	return st
}

// reload fetches the sessions, their mark counts and the roster's size, then refreshes the view that shows.
func (st *scheduleTab) reload() {
	st.u.goBackground(func() {
		ctx := context.Background()
		sessions, err := st.u.store.Sessions(ctx, st.p.ID)
		var marks map[int64]int
		var roster int
		if err == nil {
			marks, err = st.u.store.SessionMarkCounts(ctx, st.p.ID)
		}
		if err == nil {
			var r []store.RosterRow
			r, err = st.u.store.Roster(ctx, st.p.ID)
			roster = len(r)
		}
		fyne.Do(func() {
			if err != nil {
				st.u.showError(err)
				return
			}
			st.sessions, st.marks, st.roster = sessions, marks, roster
			st.plan.refresh()
			switch st.tabs.SelectedIndex() {
			case 1:
				st.entry.sessionsChanged()
			case 2:
				st.recap.load()
			}
		})
	})
}

// sessionLabel names a session in lists and choices: "Sesi 3 · Selasa, 24 November 2026 · 08.00 – 11.45 WIB".
func sessionLabel(x *data.Session) string {
	return fmt.Sprintf("%s %d · %s · %s", L("Sesi"), x.Number, uiDateWithDay(x.Date), x.TimeLabel())
}

// sessionIndex returns the position of the session with the given ID, or -1.
func (st *scheduleTab) sessionIndex(id int64) int {
	for i, x := range st.sessions {
		if x.ID == id {
			return i
		}
	}
	return -1
}

// defaultSession is the session to open attendance on: today's, else the last one held, else the first.
func (st *scheduleTab) defaultSession() int {
	today := st.u.now.today()
	best := -1
	for i, x := range st.sessions {
		switch {
		case x.Date.Equal(today):
			return i
		case x.Date.Before(today):
			best = i
		}
	}
	return max(best, 0)
}

// showSaved tells where a document went, with a button to open it; details, when given, say what it holds.
func (u *UI) showSaved(title, path string, details ...string) {
	msg := widget.NewLabel(strings.Join(append(details, fmt.Sprintf(L("Disimpan ke %s"), path)), "\n"))
	msg.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon(L("Buka berkas"), theme.FileIcon(), func() {
		if link, err := url.Parse(storage.NewFileURI(path).String()); err == nil {
			if err := u.app.OpenURL(link); err != nil {
				u.showError(data.Wrap(data.KindInternal, err, L("Berkas tidak dapat dibuka: %v"), err))
			}
		}
	})
	d := dialog.NewCustom(title, L("Tutup"), container.NewVBox(msg, container.NewHBox(open)), u.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}
