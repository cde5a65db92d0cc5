package app

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// kioskTheme enlarges text and spacing so that the kiosk reads from a step away and works by touch.
type kioskTheme struct{ fyne.Theme }

func (t kioskTheme) Size(name fyne.ThemeSizeName) float32 {
	switch name {
	case theme.SizeNameText:
		return 19
	case theme.SizeNameHeadingText:
		return 30
	case theme.SizeNameSubHeadingText:
		return 23
	case theme.SizeNameCaptionText:
		return 15
	case theme.SizeNameInnerPadding:
		return 12
	case theme.SizeNamePadding:
		return 6
	}
	return t.Theme.Size(name)
}

// choiceTile is a large answer to tap: a scale point, an option, Ya or Tidak. A selected tile is tinted and
// framed in the primary colour, its text bold, so it reads in light and dark themes alike.
type choiceTile struct {
	widget.BaseWidget
	Text     string
	selected bool
	focused  bool
	onTap    func()
	bg       *canvas.Rectangle
	label    *widget.Label
}

func newChoiceTile(text string, onTap func()) *choiceTile {
	c := &choiceTile{Text: text, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *choiceTile) CreateRenderer() fyne.WidgetRenderer {
	c.bg = canvas.NewRectangle(color.Transparent)
	c.bg.CornerRadius = theme.InputRadiusSize() * 2
	c.bg.StrokeWidth = 2
	c.bg.SetMinSize(fyne.NewSize(90, 62))
	c.label = widget.NewLabel(c.Text)
	c.label.Alignment = fyne.TextAlignCenter
	content := container.NewCenter(c.label)
	if longest(strings.Split(c.Text, "\n")) > 40 {
		// A long option wraps across the tile's width instead of widening it.
		c.label.Wrapping = fyne.TextWrapWord
		c.label.Alignment = fyne.TextAlignLeading
		content = container.NewPadded(c.label)
	}
	c.paint()
	return widget.NewSimpleRenderer(container.NewStack(c.bg, content))
}

func (c *choiceTile) paint() {
	if c.bg == nil {
		return
	}
	if c.selected {
		c.bg.FillColor = theme.Color(theme.ColorNameSelection)
		c.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		c.bg.StrokeWidth = 4
		c.label.TextStyle = fyne.TextStyle{Bold: true}
	} else {
		c.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		c.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
		c.bg.StrokeWidth = 2
		c.label.TextStyle = fyne.TextStyle{}
	}
	if c.focused { // the keyboard's place, in the focus colour
		c.bg.StrokeColor = theme.Color(theme.ColorNameFocus)
		c.bg.StrokeWidth = 4
	}
	c.bg.Refresh()
	c.label.Refresh()
}

// Tapped selects the answer.
func (c *choiceTile) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

// FocusGained frames the tile for the keyboard: Tab moves between answers, Space or Enter chooses.
func (c *choiceTile) FocusGained() {
	c.focused = true
	c.paint()
}

// FocusLost removes the keyboard frame.
func (c *choiceTile) FocusLost() {
	c.focused = false
	c.paint()
}

// TypedRune chooses the tile on Space.
func (c *choiceTile) TypedRune(r rune) {
	if r == ' ' {
		c.Tapped(nil)
	}
}

// TypedKey chooses the tile on Enter; Escape goes on to the window (leaving the kiosk).
func (c *choiceTile) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		c.Tapped(nil)
	case fyne.KeyEscape:
		if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil && cv.OnTypedKey() != nil {
			cv.OnTypedKey()(e)
		}
	}
}

// SetSelected marks the tile chosen or not.
func (c *choiceTile) SetSelected(b bool) {
	c.selected = b
	c.paint()
}

// Selected reports whether the tile is chosen.
func (c *choiceTile) Selected() bool { return c.selected }

// kiosk is the full-screen filling-in of one attached form on the coordinator's laptop: the respondent picks
// their name (or starts anonymously), answers with large tiles, cannot send without the required answers,
// sees a thank-you screen that returns by itself to the names, and the form starts clean for the next person.
// The send button and its message sit in a footer that never scrolls away. Leaving asks for the coordinator's
// PIN (kiosk_exit.go).
type kiosk struct {
	u       *UI
	tab     *evaluationTab
	win     fyne.Window
	program *data.Program
	pf      store.ProgramFormRow
	form    *data.Form
	root    *fyne.Container
	themed  *container.ThemeOverride

	speakers []string
	who      *store.Respondent // nil: anonymous
	queue    []string          // speakers still to judge
	speaker  string
	answers  map[int64]*data.Answer
	cards    map[int64]*kioskCard
	message  *widget.Label
	scroll   *container.Scroll
	page     *fyne.Container // the form: the scroll and, under it, the footer with the message and send button
	next     *time.Timer     // the return from the thank-you screen
	screen   int             // counts the screens shown, so that a late timer leaves a newer screen alone
	// thanksDelay overrides kioskThanksDelay (tests).
	thanksDelay time.Duration
	closed      bool
	exitTries   int       // wrong PINs in a row
	exitLocked  time.Time // after too many wrong PINs, no try before this time
	// search narrows the list of names on the start screen.
	search *keyEntry
	// superior is the name a superior gives of themselves, on a superior's form.
	superior *keyEntry
}

type kioskCard struct {
	box     *fyne.Container
	warning *widget.Label
	tiles   []*choiceTile // the answer tiles (both halves of a pair)
	entry   *keyEntry
}

// openKiosk opens the kiosk for an attached form in a window of its own, full screen.
func (u *UI) openKiosk(tab *evaluationTab, r store.ProgramFormRow) *kiosk {
	k, err := u.newKiosk(tab.p, r)
	if err != nil {
		u.showError(err)
		return nil
	}
	k.tab = tab
	k.win.Show()
	// The coordinator's window is hidden while the kiosk runs, so that a participant cannot switch to it
	// (Alt+Tab, the taskbar); leaving the kiosk with the PIN brings it back.
	u.win.Hide()
	return k
}

// newKiosk builds the kiosk's window for an attached form of program p, on its first screen, not shown yet.
func (u *UI) newKiosk(p *data.Program, r store.ProgramFormRow) (*kiosk, error) {
	ctx := context.Background()
	f, err := u.store.Form(ctx, r.FormID)
	if err != nil {
		return nil, err
	}
	speakers, err := u.store.ProgramSpeakers(ctx, r.ProgramID)
	if err != nil {
		return nil, err
	}
	if f.Kind == data.FormSpeaker && len(speakers) == 0 {
		return nil, data.Errorf(data.KindInvalid, "%s", L("Jadwal program ini belum mencantumkan narasumber; isi nama narasumber pada sesi-sesinya dulu."))
	}
	k := &kiosk{u: u, program: p, pf: r, form: f, speakers: speakers}
	k.win = u.app.NewWindow(L("Mode kios") + " · " + f.Title)
	k.root = container.NewStack()
	k.themed = container.NewThemeOverride(k.root, kioskTheme{u.app.Settings().Theme()})
	k.win.SetContent(k.themed)
	k.win.SetFullScreen(true)
	k.win.SetCloseIntercept(k.askExit)
	handleDialogKeys(k.win, func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			k.askExit()
		}
	})
	k.start()
	return k, nil
}

func (k *kiosk) show(o fyne.CanvasObject) {
	k.screen++
	exit := widget.NewButtonWithIcon(L("Keluar"), theme.LogoutIcon(), k.askExit)
	exit.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle(k.form.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	program := widget.NewLabel(k.program.Title + " " + k.program.BatchLabel())
	program.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, exit, container.NewVBox(title, program))
	k.root.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(top), nil, nil, nil, o)}
	if k.themed != nil {
		// The theme reaches a widget's inner parts (a label's text) only once they exist, which the first pass
		// makes; the second gives them the kiosk's sizes, and the last lays the screen out with those sizes
		// (else the scroll ends inside the last question: measured small, drawn large).
		k.themed.Refresh()
		k.themed.Refresh()
	}
	k.root.Refresh()
	// A widget of the last screen (the list of names) may keep the keyboard focus, and with it Escape.
	k.win.Canvas().Unfocus()
}

// noShrink lays out its content at full size and reports as its minimum height at least the height it was
// last laid out at. A scroll clamps its offset to the content's minimum height, while it sized the content
// earlier: under the kiosk's theme override, labels measure a little larger while the screen is laid out than
// afterwards, so the minimum shrank below the laid-out form and the last question could not be scrolled to.
type noShrink struct{ laid float32 }

func (n *noShrink) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(s.Width, max(s.Height, n.laid))
}

func (n *noShrink) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n.laid = size.Height
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// centered keeps content at a readable width in the middle of a wide screen.
func centered(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&maxWidth{width: 980}, o)
}

// maxWidth lays out its content centred, no wider than width.
type maxWidth struct{ width float32 }

func (m *maxWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(0, 0)
	for _, o := range objs {
		ms := o.MinSize()
		s = fyne.NewSize(max(s.Width, min(ms.Width, m.width)), max(s.Height, ms.Height))
	}
	return s
}

func (m *maxWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, m.width)
	for _, o := range objs {
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// start is the first screen: the respondent's name (or the anonymous start).
func (k *kiosk) start() {
	if k.next != nil {
		k.next.Stop()
		k.next = nil
	}
	trace("kios: daftar nama")
	k.who, k.queue, k.speaker = nil, nil, ""
	if k.pf.Respondent == data.RespondentAnonymous {
		begin := newChoiceTile(L("Mulai mengisi"), func() { k.begin(nil) })
		intro := widget.NewLabel(L("Formulir ini anonim: nama Anda tidak dicatat. Ketuk Mulai mengisi."))
		intro.Wrapping = fyne.TextWrapWord
		intro.Alignment = fyne.TextAlignCenter
		k.show(centered(container.NewVBox(layoutSpacer(60), intro, begin)))
		return
	}
	ask := L("Ketuk nama Anda")
	if k.pf.Respondent == data.RespondentSuperior {
		ask = L("Ketuk nama alumni yang Anda nilai")
	}
	heading := widget.NewLabelWithStyle(ask, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	var all, shown []store.Respondent
	k.search = k.newEntry()
	k.search.SetPlaceHolder(L("Cari nama atau NIP…"))
	list := widget.NewList(func() int { return len(shown) }, func() fyne.CanvasObject {
		l := widget.NewLabel("Nama Peserta Yang Panjang")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(layoutSpacer(58), container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer()))
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(shown) {
			l := o.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].(*widget.Label)
			l.SetText(shown[id].Name)
		}
	})
	list.OnSelected = func(id widget.ListItemID) {
		list.UnselectAll()
		if id < len(shown) {
			who := shown[id]
			k.begin(&who)
		}
	}
	filter := func() {
		key := data.SearchKey(k.search.Text)
		shown = shown[:0]
		for _, r := range all {
			if key == "" || strings.Contains(data.SearchKey(r.Name), key) || strings.Contains(r.NIP, data.SearchKeyDigits(k.search.Text)) && data.SearchKeyDigits(k.search.Text) != "" {
				shown = append(shown, r)
			}
		}
		list.Refresh()
	}
	k.search.OnChanged = func(string) { filter() }
	// Enter starts the one name the search leaves, so the kiosk works from the keyboard too.
	k.search.OnSubmitted = func(string) {
		if len(shown) == 1 {
			who := shown[0]
			k.begin(&who)
		}
	}
	empty := note(L("Semua peserta sudah mengisi formulir ini. Terima kasih!"))
	empty.Alignment = fyne.TextAlignCenter
	empty.Hide()
	k.show(centered(container.NewBorder(container.NewVBox(heading, k.search, empty), nil, nil, nil, list)))
	k.win.Canvas().Focus(k.search) // ready for a name typed
	k.u.goBackground(func() {
		rate, err := k.u.store.ResponseRate(context.Background(), k.pf.ID)
		fyne.Do(func() {
			if err != nil {
				k.showError(err)
				return
			}
			all = rate.Missing()
			trace("kios: %d nama", len(all))
			if len(all) == 0 {
				empty.Show()
			}
			filter()
		})
	})
}

// newEntry is a text field of the kiosk: Escape in it asks to leave, as anywhere in the kiosk.
func (k *kiosk) newEntry() *keyEntry {
	e := newKeyEntry()
	e.onEscape = k.askExit
	return e
}

func layoutSpacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// begin starts a respondent's answers; a speaker form goes through the speakers they have not judged yet.
func (k *kiosk) begin(who *store.Respondent) {
	k.who = who
	k.queue = nil
	if k.form.Kind == data.FormSpeaker {
		judged := map[string]bool{}
		if who != nil {
			var err error
			if judged, err = k.u.store.SpeakersJudged(context.Background(), k.pf.ID, who.ParticipantID); err != nil {
				k.showError(err)
				return
			}
		}
		for _, sp := range k.speakers {
			if !judged[sp] {
				k.queue = append(k.queue, sp)
			}
		}
		if len(k.queue) == 0 {
			k.thanks()
			return
		}
	}
	k.fill()
}

// fill shows the form, clean, for the current respondent (and speaker).
func (k *kiosk) fill() {
	trace("kios: formulir")
	k.answers = map[int64]*data.Answer{}
	k.cards = map[int64]*kioskCard{}
	k.speaker = ""
	if len(k.queue) > 0 {
		k.speaker, k.queue = k.queue[0], k.queue[1:]
	}
	box := container.NewVBox()
	var who []string
	if k.who != nil {
		who = append(who, k.who.Name)
	}
	if k.speaker != "" {
		done := len(k.speakers) - len(k.queue)
		who = append(who, fmt.Sprintf(L("Narasumber %d dari %d: %s"), done, len(k.speakers), k.speaker))
	}
	if len(who) > 0 {
		h := widget.NewLabelWithStyle(strings.Join(who, " · "), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.SizeName = theme.SizeNameSubHeadingText
		h.Wrapping = fyne.TextWrapWord
		box.Add(h)
	}
	k.superior = nil
	if k.pf.Respondent == data.RespondentSuperior {
		k.superior = k.newEntry()
		k.superior.SetPlaceHolder(L("Nama Anda (atasan langsung)"))
		box.Add(k.superior)
	}
	if k.form.Description != "" {
		d := widget.NewLabel(k.form.Description)
		d.Wrapping = fyne.TextWrapWord
		box.Add(d)
	}
	number := 0
	for _, sec := range k.form.Sections {
		first := true
		for _, q := range sec.Questions {
			if q.Hidden {
				continue
			}
			if first && sec.Title != "" {
				s := widget.NewLabelWithStyle(sec.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
				s.SizeName = theme.SizeNameSubHeadingText
				box.Add(widget.NewSeparator())
				box.Add(s)
			}
			first = false
			number++
			card := k.card(q, number)
			k.cards[q.ID] = card
			box.Add(card.box)
		}
	}
	k.message = widget.NewLabel("")
	k.message.Wrapping = fyne.TextWrapWord
	k.message.Importance = widget.DangerImportance
	k.message.Hide()
	send := widget.NewButtonWithIcon(L("Kirim jawaban"), theme.ConfirmIcon(), k.submit)
	send.Importance = widget.HighImportance
	buttons := container.NewGridWithColumns(1, send)
	if k.speaker != "" {
		skip := widget.NewButton(L("Lewati narasumber ini"), k.skipSpeaker)
		buttons = container.NewGridWithColumns(2, skip, send)
	}
	box.Add(layoutSpacer(20))
	k.scroll = container.NewVScroll(container.New(&noShrink{}, centered(container.NewPadded(box))))
	// The send button and the message sit in a footer outside the scroll, so that they are on screen at any
	// window size and whatever the message's length.
	footer := container.NewVBox(widget.NewSeparator(), centered(container.NewPadded(container.NewVBox(k.message, buttons))))
	k.page = container.NewBorder(nil, footer, nil, nil, k.scroll)
	k.show(k.page)
}

// say shows msg above the send button ("" hides it); the page is laid out again, the footer growing.
func (k *kiosk) say(msg string) {
	k.message.SetText(msg)
	k.message.Hidden = msg == ""
	if k.page != nil {
		k.page.Refresh()
	}
}

func (k *kiosk) answer(q *data.Question) *data.Answer {
	a := k.answers[q.ID]
	if a == nil {
		a = &data.Answer{QuestionID: q.ID}
		k.answers[q.ID] = a
	}
	return a
}

// card builds one question with its large answer tiles or entry.
func (k *kiosk) card(q *data.Question, number int) *kioskCard {
	c := &kioskCard{}
	star := ""
	if q.Required {
		star = " *"
	}
	title := widget.NewLabelWithStyle(strconv.Itoa(number)+". "+q.Text+star, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	c.warning = widget.NewLabel(L("Pertanyaan ini wajib dijawab."))
	c.warning.Importance = widget.DangerImportance
	c.warning.Hide()
	c.box = container.NewVBox(title)
	f := k.form
	sc := f.ScaleOf(q)
	scaleRow := func(words []string, set func(v float64)) *fyne.Container {
		row := container.NewGridWithColumns(len(words))
		var tiles []*choiceTile
		for i, w := range words {
			v := sc.Min() + float64(i)
			var tile *choiceTile
			tile = newChoiceTile(indo.Number(v, 0)+"\n"+w, func() {
				for _, t := range tiles {
					t.SetSelected(t == tile)
				}
				set(v)
				c.warning.Hide()
			})
			tiles = append(tiles, tile)
			row.Add(tile)
		}
		c.tiles = append(c.tiles, tiles...)
		return row
	}
	numberEntry := func(set func(v float64, ok bool)) *keyEntry {
		e := k.newEntry()
		e.OnChanged = func(s string) {
			v, err := indo.ParseDecimal(s)
			set(v, err == nil && strings.TrimSpace(s) != "")
			c.warning.Hide()
		}
		c.entry = e
		return e
	}
	switch q.Kind {
	case data.QuestionScale:
		if sc.Points() == 0 {
			e := numberEntry(func(v float64, ok bool) { a := k.answer(q); a.Number, a.HasNumber = v, ok })
			e.SetPlaceHolder(L("nilai 0 sampai 100"))
			c.box.Add(e)
			break
		}
		c.box.Add(scaleRow(f.PointLabels(q), func(v float64) { a := k.answer(q); a.Number, a.HasNumber = v, true }))
	case data.QuestionImportancePerf:
		imp := widget.NewLabel(L("Seberapa penting bagi Anda?"))
		perf := widget.NewLabel(L("Seberapa baik terlaksana?"))
		if sc.Points() == 0 {
			c.box.Add(container.NewGridWithColumns(2, imp, numberEntry(func(v float64, ok bool) {
				a := k.answer(q)
				a.Number, a.HasNumber = v, ok
			})))
			e2 := k.newEntry()
			e2.OnChanged = func(s string) {
				v, err := indo.ParseDecimal(s)
				a := k.answer(q)
				a.Number2, a.HasNumber2 = v, err == nil
			}
			c.box.Add(container.NewGridWithColumns(2, perf, e2))
			break
		}
		c.box.Add(imp)
		c.box.Add(scaleRow(sc.ImportanceLabels(), func(v float64) { a := k.answer(q); a.Number, a.HasNumber = v, true }))
		c.box.Add(perf)
		c.box.Add(scaleRow(f.PointLabels(q), func(v float64) { a := k.answer(q); a.Number2, a.HasNumber2 = v, true }))
	case data.QuestionYesNo:
		c.box.Add(k.options(c, q, []string{data.Yes, data.No}, false, 2))
	case data.QuestionSingleChoice, data.QuestionTestItem:
		cols := 1
		if longest(q.Options) < 30 && len(q.Options) <= 4 {
			cols = len(q.Options)
		}
		c.box.Add(k.options(c, q, q.Options, false, cols))
	case data.QuestionMultiChoice:
		c.box.Add(note(L("Boleh memilih lebih dari satu.")))
		c.box.Add(k.options(c, q, q.Options, true, 1))
	case data.QuestionShortText, data.QuestionLongText:
		e := k.newEntry()
		if q.Kind == data.QuestionLongText {
			e.MultiLine = true
			e.Wrapping = fyne.TextWrapWord
			e.SetMinRowsVisible(3)
		}
		e.OnChanged = func(s string) { k.answer(q).Text = s; c.warning.Hide() }
		c.entry = e
		c.box.Add(e)
	case data.QuestionNumber:
		c.box.Add(numberEntry(func(v float64, ok bool) { a := k.answer(q); a.Number, a.HasNumber = v, ok }))
	}
	c.box.Add(c.warning)
	return c
}

func longest(list []string) int {
	n := 0
	for _, s := range list {
		n = max(n, len([]rune(s)))
	}
	return n
}

// options builds tiles for choices; multi lets several be selected.
func (k *kiosk) options(c *kioskCard, q *data.Question, options []string, multi bool, cols int) fyne.CanvasObject {
	grid := container.NewGridWithColumns(max(1, cols))
	var tiles []*choiceTile
	for i, o := range options {
		text := o
		if q.Kind == data.QuestionTestItem {
			text = string(rune('A'+i)) + ". " + o
		}
		option := o
		var tile *choiceTile
		tile = newChoiceTile(text, func() {
			a := k.answer(q)
			c.warning.Hide()
			if !multi {
				for _, t := range tiles {
					t.SetSelected(t == tile)
				}
				a.Text = option
				return
			}
			tile.SetSelected(!tile.Selected())
			a.Choices = a.Choices[:0]
			for j, t := range tiles {
				if t.Selected() {
					a.Choices = append(a.Choices, options[j])
				}
			}
		})
		tiles = append(tiles, tile)
		grid.Add(tile)
	}
	c.tiles = append(c.tiles, tiles...)
	return grid
}

// submit checks the required answers (marking the questions that lack one and scrolling to the first) and
// the answers themselves, then stores the response.
func (k *kiosk) submit() {
	r := &data.Response{ProgramFormID: k.pf.ID, Source: data.ResponseApp, Speaker: k.speaker}
	if k.who != nil {
		r.ParticipantID = k.who.ParticipantID
	}
	if k.superior != nil {
		r.RespondentName = strings.TrimSpace(k.superior.Text)
	}
	var missing []string
	var first *kioskCard
	number := 0
	for _, q := range k.form.Visible() {
		number++
		a := k.answers[q.ID]
		if a != nil && a.Answered(q.Kind) {
			r.Answers = append(r.Answers, *a)
			continue
		}
		if q.Required {
			missing = append(missing, strconv.Itoa(number))
			card := k.cards[q.ID]
			card.warning.Show()
			if first == nil {
				first = card
			}
		}
	}
	if len(missing) > 0 {
		k.say(fmt.Sprintf(L("Jawaban belum dikirim: pertanyaan %s wajib dijawab."), strings.Join(missing, ", ")))
		if first != nil && k.scroll != nil {
			k.scroll.Offset = fyne.NewPos(0, max(0, first.box.Position().Y-20))
			k.scroll.Refresh()
		}
		return
	}
	if err := r.Validate(k.form); err != nil {
		k.say(errorText(err))
		return
	}
	k.say("")
	k.u.goBackground(func() {
		err := k.u.store.SaveResponse(context.Background(), r, false)
		fyne.Do(func() {
			if err != nil {
				k.say(errorText(err))
				return
			}
			if len(k.queue) > 0 {
				k.fill()
				return
			}
			k.thanks()
		})
	})
}

func (k *kiosk) skipSpeaker() {
	if len(k.queue) > 0 {
		k.fill()
		return
	}
	k.thanks()
}

// kioskThanksDelay is how long the thank-you screen stays before the kiosk is back at the names: long enough
// to read it, short enough that the next person does not find the last one's screen.
const kioskThanksDelay = 5 * time.Second

// thanks thanks the respondent and, after a few seconds (or a tap), starts again for the next person.
func (k *kiosk) thanks() {
	text := L("Terima kasih!")
	if k.who != nil {
		text = fmt.Sprintf(L("Terima kasih, %s!"), k.who.Name)
	}
	heading := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	heading.Wrapping = fyne.TextWrapWord
	body := widget.NewLabel(L("Jawaban Anda sudah tersimpan. Layar ini kembali ke daftar nama dalam beberapa detik; silakan serahkan laptop kepada peserta berikutnya."))
	body.Alignment = fyne.TextAlignCenter
	body.Wrapping = fyne.TextWrapWord
	next := newChoiceTile(L("Peserta berikutnya"), k.start)
	k.show(centered(container.NewVBox(layoutSpacer(80), heading, body, layoutSpacer(20), next)))
	trace("kios: jawaban terkirim")
	k.screen++
	shown := k.screen
	back := func() {
		if !k.closed && k.screen == shown { // still this thank-you screen
			k.start()
		}
	}
	delay := k.thanksDelay
	if delay == 0 {
		delay = kioskThanksDelay
	}
	k.next = time.AfterFunc(delay, func() {
		if k.u.serial {
			k.u.goBackground(back) // tests run it on their goroutine in WaitIdle
			return
		}
		fyne.Do(back)
	})
}

// showError shows a failure on the kiosk's own window (the main window is behind it, or absent).
func (k *kiosk) showError(err error) {
	msg := widget.NewLabel(errorText(err))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(L("Tidak dapat dilanjutkan"), L("Tutup"), msg, k.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func (k *kiosk) close() {
	k.closed = true
	if k.next != nil {
		k.next.Stop()
	}
	k.win.SetCloseIntercept(nil)
	if k.tab != nil {
		k.u.win.Show()
	}
	k.win.Close()
	if k.tab != nil {
		k.tab.reload()
	}
}
