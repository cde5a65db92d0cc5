package app

import (
	"context"
	"fmt"
	"image/color"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/classroom"
	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

// classroomView is Mode Kelas on the laptop: a window of its own (for the projector) with the QR code, the
// address and the check-in code large, the network choice, and the live list of who has checked in and
// answered. Closing the window stops the server.
type classroomView struct {
	u       *UI
	p       *data.Program
	session *data.Session
	win     fyne.Window
	srv     *classroom.Server

	addrs   []classroom.Address
	address *widget.Select
	port    *keyEntry
	problem *widget.Label

	qr     *canvas.Image
	url    *widget.Label
	code   *canvas.Text
	counts *widget.Label
	sortBy *widget.Select
	list   *widget.List
	people []classroom.Person

	refresh *debouncer
	live    atomic.Pointer[classroom.Server] // srv, for the goroutine that reads the live list
	closed  bool
	stop    chan struct{} // ends the live list's polling when the window closes
}

// classroomPoll is how often the live list is read again besides after each check-in and response: marks keyed
// in the attendance grid meanwhile and answers entered elsewhere show within this time.
var classroomPoll = 5 * time.Second

// openClassroom opens Mode Kelas for a program; x is the session participants check in to (nil: the session
// under way or next today, or none: evaluations only). The server starts at once on the address and port
// chosen last.
func (u *UI) openClassroom(p *data.Program, x *data.Session) *classroomView {
	ctx := context.Background()
	if x == nil {
		if list, err := u.store.Sessions(ctx, p.ID); err == nil {
			x = classroom.SessionNow(list, u.now())
		}
	}
	cv := &classroomView{u: u, p: p, session: x, refresh: newDebouncer(u, 300*time.Millisecond), stop: make(chan struct{})}
	cv.win = u.app.NewWindow(L("Mode Kelas") + " · " + p.Title)
	cv.build()
	cv.win.SetOnClosed(cv.close)
	cv.win.Resize(fyne.NewSize(1200, 760))
	cv.win.Show()
	cv.start()
	go cv.poll()
	return cv
}

// poll reads the live list again every classroomPoll until the window closes.
func (cv *classroomView) poll() {
	t := time.NewTicker(classroomPoll)
	defer t.Stop()
	for {
		select {
		case <-cv.stop:
			return
		case <-t.C:
			cv.u.goBackground(cv.reload)
		}
	}
}

func (cv *classroomView) build() {
	ctx := context.Background()
	port, _ := cv.u.store.Setting(ctx, classroom.PortSetting, strconv.Itoa(classroom.DefaultPort))
	cv.address = widget.NewSelect(nil, nil)
	cv.listAddresses()
	cv.address.OnChanged = func(string) { cv.start() }
	// A hotspot turned on after Mode Kelas opened brings a new address.
	again := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), func() {
		before := cv.address.Selected
		cv.address.OnChanged = nil
		cv.listAddresses()
		cv.address.OnChanged = func(string) { cv.start() }
		if cv.srv == nil || cv.address.Selected != before {
			cv.start() // a new address; the phones' address stays when it did not change
		}
	})
	cv.port = newKeyEntry()
	cv.port.SetText(port)
	cv.port.OnSubmitted = func(string) { cv.start() }
	apply := widget.NewButton(L("Pakai"), cv.start)
	cv.problem = widget.NewLabel("")
	cv.problem.Wrapping = fyne.TextWrapWord
	cv.problem.Importance = widget.DangerImportance
	cv.problem.Hide()
	network := container.NewBorder(nil, nil, widget.NewLabel(L("Alamat laptop")),
		container.NewHBox(again, widget.NewLabel(L("Port")), container.NewGridWrap(fyne.NewSize(90, cv.port.MinSize().Height), cv.port), apply),
		cv.address)

	cv.qr = canvas.NewImageFromImage(nil)
	cv.qr.FillMode = canvas.ImageFillContain
	cv.qr.ScaleMode = canvas.ImageScalePixels
	cv.qr.SetMinSize(fyne.NewSize(340, 340))
	cv.url = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	cv.url.SizeName = theme.SizeNameSubHeadingText
	cv.url.Selectable = true
	cv.url.Wrapping = fyne.TextWrapBreak
	cv.code = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	cv.code.TextSize = 84
	cv.code.TextStyle = fyne.TextStyle{Bold: true}
	cv.code.Alignment = fyne.TextAlignCenter
	what := L("Pindai kode QR atau ketik alamatnya, lalu isi NIP dan kode ini:")
	if cv.session == nil {
		what = L("Tanpa sesi: hanya evaluasi. Pindai kode QR atau ketik alamatnya, lalu isi NIP dan kode ini:")
	}
	instruction := widget.NewLabelWithStyle(what, fyne.TextAlignCenter, fyne.TextStyle{})
	instruction.Wrapping = fyne.TextWrapWord
	sessionText := L("Evaluasi saja (tanpa presensi)")
	if cv.session != nil {
		sessionText = sessionLabel(cv.session)
	}
	title := widget.NewLabelWithStyle(cv.p.Title+" · "+cv.p.BatchLabel(), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	left := container.NewVBox(title, widget.NewLabelWithStyle(sessionText, fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewCenter(cv.qr), cv.url, instruction, cv.code)

	cv.counts = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cv.counts.Wrapping = fyne.TextWrapWord
	cv.sortBy = widget.NewSelect([]string{L("Urut nama"), L("Belum dulu")}, func(string) { cv.sortPeople(); cv.list.Refresh() })
	cv.list = widget.NewList(func() int { return len(cv.people) }, cv.newRow, cv.updateRow)
	sheet := widget.NewButtonWithIcon(L("Lembar QR untuk pintu (PDF)…"), theme.DocumentPrintIcon(), cv.printSheet)
	guide := widget.NewButtonWithIcon(L("Panduan jaringan"), theme.HelpIcon(), cv.u.showClassroomGuide)
	full := widget.NewButtonWithIcon(L("Layar penuh"), theme.ViewFullScreenIcon(), func() { cv.win.SetFullScreen(!cv.win.FullScreen()) })
	stop := widget.NewButtonWithIcon(L("Tutup Mode Kelas"), theme.CancelIcon(), func() { cv.win.Close() })
	right := container.NewBorder(container.NewVBox(cv.counts, container.NewBorder(nil, nil, nil, cv.sortBy)), nil, nil, nil, cv.list)
	split := container.NewHSplit(container.NewVScroll(left), right)
	split.Offset = 0.45
	top := container.NewVBox(network, cv.problem)
	bottom := container.NewHBox(sheet, guide, layout.NewSpacer(), full, stop)
	cv.win.SetContent(container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, split))
	cv.sortBy.SetSelectedIndex(0)
}

// listAddresses fills the address choice with the laptop's addresses now, selecting the one in use, else
// the one remembered, else the first.
func (cv *classroomView) listAddresses() {
	current := ""
	if i := cv.address.SelectedIndex(); i >= 0 && i < len(cv.addrs) {
		current = cv.addrs[i].IP
	}
	if current == "" {
		current, _ = cv.u.store.Setting(context.Background(), classroom.AddressSetting, "")
	}
	chosen := classroom.PickAddress(current)
	cv.addrs = classroom.Addresses()
	labels := make([]string, len(cv.addrs))
	for i, a := range cv.addrs {
		labels[i] = a.Label()
	}
	cv.address.SetOptions(labels)
	for i, a := range cv.addrs {
		if a.IP == chosen {
			cv.address.SetSelectedIndex(i)
		}
	}
}

// start (re)starts the server on the chosen address and port and remembers them.
func (cv *classroomView) start() {
	if cv.closed {
		return
	}
	if cv.srv != nil {
		old := cv.srv
		cv.srv = nil
		cv.live.Store(nil)
		old.Close()
	}
	i := cv.address.SelectedIndex()
	port, err := strconv.Atoi(strings.TrimSpace(cv.port.Text))
	switch {
	case i < 0:
		cv.fail(L("Pilih alamat laptop yang dipakai ponsel peserta."))
		return
	case err != nil || port < 1024 || port > 65535:
		cv.fail(fmt.Sprintf(L("Port harus angka 1024 sampai 65535, misalnya %d."), classroom.DefaultPort))
		return
	}
	cfg := classroom.Config{Store: cv.u.store, ProgramID: cv.p.ID, Addr: net.JoinHostPort(cv.addrs[i].IP, strconv.Itoa(port)), Now: cv.u.now,
		OnCode:   func(c string) { fyne.Do(func() { cv.code.Text = c; cv.code.Refresh() }) },
		OnChange: func() { cv.refresh.call(cv.reload) }}
	if cv.session != nil {
		cfg.SessionID = cv.session.ID
	}
	ctx := context.Background()
	srv, err := classroom.New(ctx, cfg)
	if err == nil {
		err = srv.Start()
	}
	if err != nil {
		cv.fail(errorText(err))
		return
	}
	cv.srv = srv
	cv.live.Store(srv)
	cv.problem.Hide()
	cv.u.store.SetSetting(ctx, classroom.AddressSetting, cv.addrs[i].IP)
	cv.u.store.SetSetting(ctx, classroom.PortSetting, strconv.Itoa(port))
	cv.url.SetText(srv.URL())
	if q, err := pdf.EncodeQR(srv.URL()); err == nil {
		cv.qr.Image = q.Image()
		cv.qr.Refresh()
	}
	cv.code.Text = srv.Code()
	cv.code.Refresh()
	cv.refresh.call(cv.reload)
}

func (cv *classroomView) fail(msg string) {
	cv.problem.SetText(msg)
	cv.problem.Show()
	cv.url.SetText("")
	cv.code.Text = ""
	cv.code.Refresh()
	cv.qr.Image = nil
	cv.qr.Refresh()
}

// reload reads the live list off the UI goroutine and shows it.
func (cv *classroomView) reload() {
	srv := cv.live.Load()
	if srv == nil {
		return
	}
	st, err := srv.Status(context.Background())
	fyne.Do(func() {
		if cv.closed {
			return
		}
		if err != nil {
			cv.problem.SetText(errorText(err))
			cv.problem.Show()
			return
		}
		cv.people = st.People
		cv.sortPeople()
		text := fmt.Sprintf(L("Hadir %d · Sudah mengisi %d · Belum %d · dari %d peserta"), st.CheckedIn, st.Answered, st.NotYet, len(st.People))
		if cv.session == nil {
			text = fmt.Sprintf(L("Sudah mengisi %d dari %d peserta"), st.Answered, len(st.People))
		}
		if st.Forms == 0 {
			text += " · " + L("belum ada formulir yang dibuka hari ini")
		}
		cv.counts.SetText(text)
		cv.list.Refresh()
	})
}

// stateRank orders "Belum dulu": not yet, then checked in, then answered.
func stateRank(p *classroom.Person) int {
	switch {
	case p.Done():
		return 2
	case p.Present():
		return 1
	}
	return 0
}

func (cv *classroomView) sortPeople() {
	if cv.sortBy.SelectedIndex() == 1 {
		slices.SortStableFunc(cv.people, func(a, b classroom.Person) int { return stateRank(&a) - stateRank(&b) })
		return
	}
	slices.SortStableFunc(cv.people, func(a, b classroom.Person) int {
		return strings.Compare(data.SearchKey(a.Name), data.SearchKey(b.Name))
	})
}

func (cv *classroomView) newRow() fyne.CanvasObject {
	name := widget.NewLabel("Nama Peserta Yang Cukup Panjang")
	name.Truncation = fyne.TextTruncateEllipsis
	name.TextStyle.Bold = true
	unit := widget.NewLabel("")
	unit.Truncation = fyne.TextTruncateEllipsis
	unit.SizeName = theme.SizeNameCaptionText
	// The state and the button keep a fixed width, so that names and units line up whatever the row says.
	state := widget.NewLabel(L("Sudah mengisi") + " · 10/10 · T 23.59")
	mark := widget.NewButton(L("Tandai hadir"), nil)
	fixed := func(o fyne.CanvasObject) *fyne.Container { return container.NewGridWrap(o.MinSize(), o) }
	return container.NewBorder(nil, nil, nil, container.NewHBox(fixed(state), fixed(mark)),
		container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), name, unit)) // the unit under the name, which gets the width
}

func (cv *classroomView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(cv.people) {
		return
	}
	p := cv.people[id]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	texts.Objects[0].(*widget.Label).SetText(p.Name)
	texts.Objects[1].(*widget.Label).SetText(p.Unit)
	right := row.Objects[1].(*fyne.Container)
	state := right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
	text := L(p.State())
	if p.Of > 0 {
		text += fmt.Sprintf(" · %d/%d", p.Answered, p.Of)
	}
	if p.Mark != nil && p.Mark.Status == data.Late && p.Mark.Time != "" {
		text += " · T " + strings.Replace(p.Mark.Time, ":", ".", 1) // late, at the time of arrival
	}
	state.SetText(text)
	state.Importance = widget.MediumImportance
	if p.Done() {
		state.Importance = widget.SuccessImportance
	}
	state.Refresh()
	mark := right.Objects[1].(*fyne.Container).Objects[0].(*widget.Button)
	if cv.session == nil || p.Mark != nil {
		mark.Hide()
		return
	}
	mark.Show()
	enrolment := p.EnrolmentID
	mark.OnTapped = func() { cv.markByHand(enrolment) }
}

// markByHand is "tandai manual": H for someone without a phone, with the function the attendance grid uses.
func (cv *classroomView) markByHand(enrolmentID int64) {
	x := cv.session
	cv.u.goBackground(func() {
		err := cv.u.store.SetMark(context.Background(), &data.Mark{SessionID: x.ID, EnrolmentID: enrolmentID,
			Status: data.Present, Source: data.SourceScreen})
		if err != nil {
			fyne.Do(func() { cv.u.showError(err) })
			return
		}
		cv.reload()
	})
}

// printSheet saves the door sheet with the current address.
func (cv *classroomView) printSheet() {
	if cv.srv == nil {
		cv.u.showError(data.Errorf(data.KindInvalid, "%s", L("Mode Kelas belum berjalan; pilih alamat dan port dulu.")))
		return
	}
	sheet := report.ClassroomSheet{Program: cv.p.Title + " · " + cv.p.BatchLabel(), URL: cv.srv.URL()}
	if cv.session != nil {
		sheet.Session = sessionLabel(cv.session)
	}
	cv.u.dialogs.savePath(report.FileName("Mode Kelas", cv.p.Code, cv.u.now(), ".pdf"), func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
			path += ".pdf"
		}
		cv.u.doThen(func() error {
			return report.SaveClassroomSheet(path, sheet)
		},
			func() { cv.u.showSaved(L("Lembar QR tersimpan"), path) })
	})
}

// close stops the server when the window closes.
func (cv *classroomView) close() {
	cv.closed = true
	close(cv.stop)
	cv.live.Store(nil)
	if srv := cv.srv; srv != nil {
		cv.srv = nil
		cv.u.goBackground(func() { srv.Close() })
	}
}

// showClassroomGuide is Bantuan > Panduan Mode Kelas: the network guide, and its printable PDF.
func (u *UI) showClassroomGuide() {
	box := container.NewVBox()
	for _, sec := range report.ClassroomGuide {
		box.Add(subheading(L(sec.Title)))
		for _, l := range sec.Lines {
			t := widget.NewLabel("• " + L(l))
			t.Wrapping = fyne.TextWrapWord
			box.Add(t)
		}
	}
	var d dialog.Dialog
	save := widget.NewButtonWithIcon(L("Simpan sebagai PDF…"), theme.DocumentPrintIcon(), func() {
		u.dialogs.savePath(report.FileName("Panduan Mode Kelas", "", u.now(), ".pdf"), func(path string) {
			if path == "" {
				return
			}
			u.doThen(func() error { return report.SaveClassroomGuide(path) },
				func() { u.showSaved(L("Panduan tersimpan"), path) })
		})
	})
	rect := canvas.NewRectangle(color.Transparent)
	rect.SetMinSize(fyne.NewSize(720, 480))
	d = dialog.NewCustom(L("Panduan jaringan Mode Kelas"), L("Tutup"),
		container.NewBorder(nil, save, nil, nil, container.NewStack(rect, container.NewVScroll(box))), u.win)
	d.Show()
}

// graceMinutes is the Pengaturan value of Mode Kelas's grace period, in minutes.
func (u *UI) graceMinutes() string {
	v, _ := u.store.Setting(context.Background(), classroom.GraceSetting, strconv.Itoa(int(classroom.DefaultGrace.Minutes())))
	return v
}

// saveGraceMinutes stores the grace period typed in Pengaturan: whole minutes from 0 to 180.
func (u *UI) saveGraceMinutes(text string) error {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || n < 0 || n > 180 {
		return data.Errorf(data.KindInvalid, "%s", L("Mode Kelas, terlambat setelah: tulis menit 0 sampai 180, misalnya 15"))
	}
	return u.store.SetSetting(context.Background(), classroom.GraceSetting, strconv.Itoa(n))
}
