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

// formEditor edits one form: its fields on top, the outline of sections and questions on the left, the
// selected section or question on the right. Changes stay in the working copy until Simpan; the store
// refuses deleting or changing the meaning of questions that already have answers, and the editor locks
// those fields up front.
type formEditor struct {
	u        *UI
	form     *data.Form
	counts   map[int64]int
	dirty    bool
	items    []editorItem
	selected int

	list    *widget.List
	detail  *fyne.Container
	status  *widget.Label
	heading *widget.Label
	bank    *fyne.Container
}

type editorItem struct {
	sec    *data.Section
	q      *data.Question // nil for the section's own row
	number int            // 1-based among visible questions; 0 for hidden ones and sections
}

// openFormEditor shows a form's editor in place of the form list.
func (u *UI) openFormEditor(id int64) *formEditor {
	ctx := context.Background()
	f, err := u.store.Form(ctx, id)
	if err != nil {
		u.showError(err)
		return nil
	}
	counts, err := u.store.AnswerCounts(ctx, id)
	if err != nil {
		u.showError(err)
		return nil
	}
	e := &formEditor{u: u, form: f, counts: counts, selected: -1}
	u.setPageView(e.build())
	return e
}

func (e *formEditor) build() fyne.CanvasObject {
	f := e.form
	back := widget.NewButtonWithIcon(L("Daftar formulir"), theme.NavigateBackIcon(), e.leave)
	e.heading = widget.NewLabelWithStyle(f.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.heading.Truncation = fyne.TextTruncateEllipsis
	save := widget.NewButtonWithIcon(L("Simpan"), theme.DocumentSaveIcon(), e.save)
	save.Importance = widget.HighImportance
	copyButton := widget.NewButtonWithIcon(L("Salin formulir"), theme.ContentCopyIcon(), e.copyForm)
	remove := widget.NewButtonWithIcon(L("Hapus formulir"), theme.DeleteIcon(), e.deleteForm)
	e.status = widget.NewLabel("")
	e.status.Importance = widget.LowImportance
	bar := container.NewBorder(nil, nil, back, container.NewHBox(e.status, copyButton, remove, save), e.heading)

	title := newKeyEntry()
	title.SetText(f.Title)
	title.OnChanged = func(s string) { f.Title = s; e.heading.SetText(s); e.changed() }
	kind := widget.NewSelect(kindNames(), nil)
	for i, k := range data.FormKinds {
		if k == f.Kind {
			kind.SetSelectedIndex(i)
		}
	}
	scale := widget.NewSelect(scaleNames(), nil)
	for i, sc := range scaleList {
		if sc == f.Scale {
			scale.SetSelectedIndex(i)
		}
	}
	answered := len(e.counts) > 0
	if answered {
		kind.Disable()
	}
	bank := newKeyEntry()
	bank.SetText(f.ItemBank)
	bank.SetPlaceHolder(L("sama untuk pre-test dan post-test yang berpasangan"))
	bank.OnChanged = func(s string) { f.ItemBank = s; e.changed() }
	e.bank = container.NewBorder(nil, nil, widget.NewLabel(L("Bank soal")), nil, bank)
	kind.OnChanged = func(string) {
		f.Kind = data.FormKinds[kind.SelectedIndex()]
		e.showBank()
		e.changed()
	}
	scale.OnChanged = func(string) {
		f.Scale = scaleList[scale.SelectedIndex()]
		e.changed()
		e.showDetail()
	}
	desc := newKeyMultiLineEntry()
	desc.Wrapping = fyne.TextWrapWord
	desc.SetText(f.Description)
	desc.SetMinRowsVisible(2)
	desc.SetPlaceHolder(L("Petunjuk pengisian yang dibaca responden (boleh kosong)"))
	desc.OnChanged = func(s string) { f.Description = s; e.changed() }
	fields := widget.NewForm(
		widget.NewFormItem(L("Judul formulir"), title),
		widget.NewFormItem(L("Jenis"), container.NewGridWithColumns(2, kind, container.NewBorder(nil, nil, widget.NewLabel(L("Skala")), nil, scale))),
		widget.NewFormItem(L("Keterangan"), desc),
	)
	e.showBank()

	e.list = widget.NewList(func() int { return len(e.items) }, func() fyne.CanvasObject {
		text := widget.NewLabel("Pertanyaan panjang sekali")
		text.Truncation = fyne.TextTruncateEllipsis
		note := widget.NewLabel("Harapan × Kenyataan")
		note.Importance = widget.LowImportance
		note.SizeName = theme.SizeNameCaptionText
		note.Truncation = fyne.TextTruncateEllipsis
		return container.New(&tightLayout{}, text, note)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		text, note := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
		if id >= len(e.items) {
			return
		}
		it := e.items[id]
		if it.q == nil {
			text.TextStyle = fyne.TextStyle{Bold: true}
			title := it.sec.Title
			if title == "" {
				title = L("(bagian tanpa judul)")
			}
			text.SetText(title)
			note.SetText(fmt.Sprintf(L("Bagian · %d pertanyaan"), len(it.sec.Questions)))
			return
		}
		text.TextStyle = fyne.TextStyle{}
		prefix := "–  "
		if it.number > 0 {
			prefix = strconv.Itoa(it.number) + ".  "
		}
		t := it.q.Text
		if t == "" {
			t = L("(pertanyaan baru)")
		}
		text.SetText(prefix + t)
		var flags []string
		if it.q.Hidden {
			flags = append(flags, L("disembunyikan"))
		}
		if n := e.counts[it.q.ID]; n > 0 && it.q.ID != 0 {
			flags = append(flags, fmt.Sprintf(L("%s jawaban"), answersText(n)))
		}
		flags = append(flags, L(it.q.Kind.Label()))
		note.SetText(strings.Join(flags, " · "))
	})
	e.list.OnSelected = func(id widget.ListItemID) {
		e.selected = id
		e.showDetail()
	}
	addSection := widget.NewButtonWithIcon(L("Bagian"), theme.ContentAddIcon(), e.addSection)
	addQuestion := widget.NewButtonWithIcon(L("Pertanyaan"), theme.ContentAddIcon(), e.addQuestion)
	addQuestion.Importance = widget.HighImportance
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(1) })
	del := widget.NewButtonWithIcon(L("Hapus"), theme.DeleteIcon(), e.deleteItem)
	tools := container.NewHBox(addSection, addQuestion, up, down, del)
	outline := container.NewBorder(nil, container.NewPadded(tools), nil, nil, e.list)
	e.detail = container.NewStack()
	split := container.NewHSplit(outline, container.NewPadded(e.detail))
	split.Offset = 0.45
	e.flatten()
	e.showDetail()
	top := container.NewVBox(bar, fields, e.bank, widget.NewSeparator())
	return withCommands(container.NewBorder(container.NewPadded(top), nil, nil, nil, split),
		viewCommands{New: e.u.newFormDialog, Print: e.printBlank})
}

// printBlank is Cetak (Ctrl+P) in the editor: the form's blank paper version, as saved.
func (e *formEditor) printBlank() {
	if e.dirty {
		dialog.ShowInformation(L("Cetak"), L("Formulir ini belum disimpan. Simpan dulu perubahannya, lalu cetak: yang dicetak adalah formulir yang tersimpan."), e.u.win)
		return
	}
	e.u.printBlankForm(e.form.ID, e.form.Title)
}

func (e *formEditor) showBank() {
	if e.form.IsTest() {
		e.bank.Show()
	} else {
		e.bank.Hide()
	}
}

func (e *formEditor) changed() {
	e.dirty = true
	e.status.SetText(L("Belum disimpan"))
}

// flatten rebuilds the outline from the working copy.
func (e *formEditor) flatten() {
	e.items = e.items[:0]
	n := 0
	for _, s := range e.form.Sections {
		e.items = append(e.items, editorItem{sec: s})
		for _, q := range s.Questions {
			it := editorItem{sec: s, q: q}
			if !q.Hidden {
				n++
				it.number = n
			}
			e.items = append(e.items, it)
		}
	}
	if e.list != nil {
		e.list.Refresh()
	}
}

func (e *formEditor) current() (editorItem, bool) {
	if e.selected < 0 || e.selected >= len(e.items) {
		return editorItem{}, false
	}
	return e.items[e.selected], true
}

// selectItem selects the outline row of a section or question.
func (e *formEditor) selectItem(sec *data.Section, q *data.Question) {
	e.flatten()
	for i, it := range e.items {
		if it.sec == sec && it.q == q {
			e.list.Select(i)
			e.list.ScrollTo(i)
			return
		}
	}
}

func (e *formEditor) showDetail() {
	it, ok := e.current()
	var body fyne.CanvasObject
	switch {
	case !ok:
		hint := widget.NewLabel(L("Pilih bagian atau pertanyaan di sebelah kiri untuk mengubahnya, atau tambahkan pertanyaan baru."))
		hint.Wrapping = fyne.TextWrapWord
		body = hint
	case it.q == nil:
		body = e.sectionDetail(it.sec)
	default:
		body = e.questionDetail(it.sec, it.q)
	}
	e.detail.Objects = []fyne.CanvasObject{container.NewVScroll(body)}
	e.detail.Refresh()
}

func (e *formEditor) sectionDetail(sec *data.Section) fyne.CanvasObject {
	title := newKeyEntry()
	title.SetText(sec.Title)
	title.SetPlaceHolder(L("misalnya Materi dan Metode"))
	title.OnChanged = func(s string) { sec.Title = s; e.changed(); e.list.Refresh() }
	info := widget.NewLabel(fmt.Sprintf(L("%d pertanyaan di bagian ini."), len(sec.Questions)))
	return widget.NewForm(widget.NewFormItem(L("Judul bagian"), title), widget.NewFormItem("", info))
}

func (e *formEditor) questionDetail(sec *data.Section, q *data.Question) fyne.CanvasObject {
	f := e.form
	answers := 0
	if q.ID != 0 {
		answers = e.counts[q.ID]
	}
	locked := answers > 0
	text := newKeyMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(3)
	text.SetText(q.Text)
	text.SetPlaceHolder(L("Teks pertanyaan"))
	text.OnChanged = func(s string) { q.Text = s; e.changed(); e.list.Refresh() }

	kinds := make([]string, len(data.QuestionKinds))
	for i, k := range data.QuestionKinds {
		kinds[i] = L(k.Label())
	}
	kind := widget.NewSelect(kinds, nil)
	for i, k := range data.QuestionKinds {
		if k == q.Kind {
			kind.SetSelectedIndex(i)
		}
	}
	kind.OnChanged = func(string) {
		q.Kind = data.QuestionKinds[kind.SelectedIndex()]
		e.changed()
		e.list.Refresh()
		e.showDetail()
	}

	sectionNames := make([]string, len(f.Sections))
	for i, s := range f.Sections {
		sectionNames[i] = fmt.Sprintf("%d. %s", i+1, s.Title)
	}
	section := widget.NewSelect(sectionNames, nil)
	for i, s := range f.Sections {
		if s == sec {
			section.SetSelectedIndex(i)
		}
	}
	section.OnChanged = func(string) {
		to := f.Sections[section.SelectedIndex()]
		if to == sec {
			return
		}
		sec.Questions = removeQuestion(sec.Questions, q)
		to.Questions = append(to.Questions, q)
		e.changed()
		e.selectItem(to, q)
	}

	items := []*widget.FormItem{
		widget.NewFormItem(L("Pertanyaan"), text),
		widget.NewFormItem(L("Jenis"), kind),
		widget.NewFormItem(L("Bagian"), section),
	}
	var lockable []fyne.Disableable
	lockable = append(lockable, kind)

	switch q.Kind {
	case data.QuestionScale, data.QuestionImportancePerf:
		options := []string{fmt.Sprintf(L("Skala formulir (%s)"), f.Scale.Label())}
		options = append(options, scaleNames()...)
		scale := widget.NewSelect(options, nil)
		scale.SetSelectedIndex(0)
		for i, sc := range scaleList {
			if q.Scale == sc {
				scale.SetSelectedIndex(i + 1)
			}
		}
		scale.OnChanged = func(string) {
			q.Scale = ""
			if i := scale.SelectedIndex(); i > 0 {
				q.Scale = scaleList[i-1]
			}
			e.changed()
			e.showDetail()
		}
		lockable = append(lockable, scale)
		items = append(items, widget.NewFormItem(L("Skala"), scale))
		if f.ScaleOf(q).Points() > 0 {
			labels := newKeyMultiLineEntry()
			labels.SetMinRowsVisible(f.ScaleOf(q).Points())
			labels.SetText(strings.Join(q.Labels, "\n"))
			labels.SetPlaceHolder(strings.Join(f.ScaleOf(q).DefaultLabels(), "\n"))
			labels.OnChanged = func(s string) { q.Labels = lines(s); e.changed() }
			items = append(items, widget.NewFormItem(L("Keterangan titik"), labels))
			hint := widget.NewLabel(L("Satu per baris dari nilai terendah; kosongkan untuk keterangan bawaan."))
			hint.Wrapping, hint.Importance = fyne.TextWrapWord, widget.LowImportance
			items = append(items, widget.NewFormItem("", hint))
		}
	case data.QuestionSingleChoice, data.QuestionMultiChoice, data.QuestionTestItem:
		opts := newKeyMultiLineEntry()
		opts.SetMinRowsVisible(4)
		opts.Wrapping = fyne.TextWrapWord
		opts.SetText(strings.Join(q.Options, "\n"))
		opts.SetPlaceHolder(L("Satu pilihan per baris"))
		items = append(items, widget.NewFormItem(L("Pilihan jawaban"), opts))
		if q.Kind == data.QuestionTestItem {
			correct := widget.NewSelect(q.Options, nil)
			correct.SetSelected(q.Correct)
			correct.OnChanged = func(s string) { q.Correct = s; e.changed() }
			correct.PlaceHolder = L("pilih kunci jawaban")
			points := newKeyEntry()
			points.SetText(indo.Number(q.Points, 2))
			points.OnChanged = func(s string) {
				v, err := indo.ParseDecimal(s)
				if err == nil {
					q.Points = v
					e.changed()
				}
			}
			key := newKeyEntry()
			key.SetText(q.ItemKey)
			key.SetPlaceHolder(L("misalnya TD01"))
			key.OnChanged = func(s string) { q.ItemKey = s; e.changed() }
			opts.OnChanged = func(s string) {
				q.Options = lines(s)
				correct.Options = q.Options
				correct.Refresh()
				e.changed()
			}
			lockable = append(lockable, opts, correct, points, key)
			items = append(items, widget.NewFormItem(L("Kunci jawaban"), correct),
				widget.NewFormItem(L("Bobot nilai"), points), widget.NewFormItem(L("Kode soal"), key))
		} else {
			opts.OnChanged = func(s string) { q.Options = lines(s); e.changed() }
		}
	}
	required := widget.NewCheck(L("Wajib dijawab"), nil)
	required.SetChecked(q.Required)
	required.OnChanged = func(b bool) { q.Required = b; e.changed() }
	hidden := widget.NewCheck(L("Sembunyikan (tidak ditanyakan lagi)"), nil)
	hidden.SetChecked(q.Hidden)
	hidden.OnChanged = func(b bool) { q.Hidden = b; e.changed(); e.flatten() }
	items = append(items, widget.NewFormItem("", container.NewHBox(required, hidden)))
	form := widget.NewForm(items...)
	if !locked {
		return form
	}
	for _, w := range lockable {
		w.Disable()
	}
	note := widget.NewLabel(fmt.Sprintf(L("Pertanyaan ini sudah dijawab %s kali: jenis, skala, pilihan yang ada dan kunci jawabannya tidak dapat diubah, dan pertanyaannya tidak dapat dihapus. Teksnya hanya boleh diperbaiki salah ketiknya. Bila tidak dipakai lagi, sembunyikan saja."),
		answersText(answers)))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.WarningImportance
	return container.NewVBox(note, form)
}

// answersText writes an answer count, "10.000+" at the store's counting cap.
func answersText(n int) string {
	if n >= store.AnswerCountCap {
		return indo.Int(int64(n)) + "+"
	}
	return indo.Int(int64(n))
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func removeQuestion(list []*data.Question, q *data.Question) []*data.Question {
	out := list[:0]
	for _, x := range list {
		if x != q {
			out = append(out, x)
		}
	}
	return out
}

func (e *formEditor) addSection() {
	sec := &data.Section{Title: L("Bagian baru")}
	at := len(e.form.Sections)
	if it, ok := e.current(); ok {
		for i, s := range e.form.Sections {
			if s == it.sec {
				at = i + 1
			}
		}
	}
	e.form.Sections = append(e.form.Sections[:at], append([]*data.Section{sec}, e.form.Sections[at:]...)...)
	e.changed()
	e.selectItem(sec, nil)
}

// addQuestion adds a new scale question after the selected one (or at the start of the selected section, or
// at the end of the form) and selects it.
func (e *formEditor) addQuestion() {
	q := &data.Question{Kind: data.QuestionScale, Required: true}
	if e.form.IsTest() {
		q.Kind, q.Points = data.QuestionTestItem, 10
	}
	if len(e.form.Sections) == 0 {
		e.form.Sections = []*data.Section{{}}
	}
	sec, at := e.form.Sections[len(e.form.Sections)-1], -1
	if it, ok := e.current(); ok {
		sec = it.sec
		at = 0
		for i, x := range sec.Questions {
			if x == it.q {
				at = i + 1
			}
		}
	}
	if at < 0 || at > len(sec.Questions) {
		at = len(sec.Questions)
	}
	sec.Questions = append(sec.Questions[:at], append([]*data.Question{q}, sec.Questions[at:]...)...)
	e.changed()
	e.selectItem(sec, q)
}

// move moves the selected question up or down (across sections at their edges), or the selected section.
func (e *formEditor) move(dir int) {
	it, ok := e.current()
	if !ok {
		return
	}
	secs := e.form.Sections
	si := 0
	for i, s := range secs {
		if s == it.sec {
			si = i
		}
	}
	if it.q == nil {
		if j := si + dir; j >= 0 && j < len(secs) {
			secs[si], secs[j] = secs[j], secs[si]
			e.changed()
			e.selectItem(it.sec, nil)
		}
		return
	}
	qs := it.sec.Questions
	qi := 0
	for i, x := range qs {
		if x == it.q {
			qi = i
		}
	}
	switch j := qi + dir; {
	case j >= 0 && j < len(qs):
		qs[qi], qs[j] = qs[j], qs[qi]
	case j < 0 && si > 0:
		it.sec.Questions = removeQuestion(qs, it.q)
		secs[si-1].Questions = append(secs[si-1].Questions, it.q)
		it.sec = secs[si-1]
	case j >= len(qs) && si+1 < len(secs):
		it.sec.Questions = removeQuestion(qs, it.q)
		secs[si+1].Questions = append([]*data.Question{it.q}, secs[si+1].Questions...)
		it.sec = secs[si+1]
	default:
		return
	}
	e.changed()
	e.selectItem(it.sec, it.q)
}

// deleteItem deletes the selected question (not one with answers: that one can only be hidden) or section
// (its questions move to the section before it).
func (e *formEditor) deleteItem() {
	it, ok := e.current()
	if !ok {
		return
	}
	if it.q != nil {
		if n := e.counts[it.q.ID]; n > 0 && it.q.ID != 0 {
			e.u.showError(data.Errorf(data.KindConflict, "%s", fmt.Sprintf(L("Pertanyaan ini sudah dijawab %s kali dan tidak dapat dihapus; centang Sembunyikan bila tidak dipakai lagi."), answersText(n))))
			return
		}
		it.sec.Questions = removeQuestion(it.sec.Questions, it.q)
		e.deselect()
		return
	}
	secs := e.form.Sections
	for i, s := range secs {
		if s != it.sec {
			continue
		}
		if len(s.Questions) > 0 {
			target := i - 1
			if target < 0 {
				target = i + 1
			}
			if target >= len(secs) {
				s.Title = ""
				e.changed()
				e.flatten()
				e.showDetail()
				return
			}
			if target < i {
				secs[target].Questions = append(secs[target].Questions, s.Questions...)
			} else {
				secs[target].Questions = append(append([]*data.Question(nil), s.Questions...), secs[target].Questions...)
			}
		}
		e.form.Sections = append(secs[:i], secs[i+1:]...)
		break
	}
	e.deselect()
}

// deselect marks the form changed and shows the outline with nothing selected.
func (e *formEditor) deselect() {
	e.changed()
	e.selected = -1
	e.list.UnselectAll()
	e.flatten()
	e.showDetail()
}

// save stores the working copy; on success the editor reloads the form (new questions get their IDs).
func (e *formEditor) save() {
	ctx := context.Background()
	if err := e.u.store.SaveForm(ctx, e.form); err != nil {
		e.u.showError(err)
		return
	}
	f, err := e.u.store.Form(ctx, e.form.ID)
	if err != nil {
		e.u.showError(err)
		return
	}
	counts, err := e.u.store.AnswerCounts(ctx, f.ID)
	if err != nil {
		e.u.showError(err)
		return
	}
	sel := e.selected
	e.form, e.counts, e.dirty = f, counts, false
	e.flatten()
	e.selected = -1
	if sel >= 0 && sel < len(e.items) {
		e.list.Select(sel)
	} else {
		e.showDetail()
	}
	e.status.SetText(L("Tersimpan"))
}

// leave goes back to the form list, asking first when changes are not saved.
func (e *formEditor) leave() {
	back := func() {
		e.u.pages[e.u.current].view = nil
		e.u.show(e.u.current)
	}
	if !e.dirty {
		back()
		return
	}
	dialog.ShowConfirm(L("Perubahan belum disimpan"), L("Tinggalkan formulir ini tanpa menyimpan perubahannya?"), func(ok bool) {
		if ok {
			back()
		}
	}, e.u.win)
}

func (e *formEditor) copyForm() {
	if e.dirty {
		e.u.showError(data.Errorf(data.KindConflict, "%s", L("Simpan perubahan dulu sebelum menyalin formulir ini.")))
		return
	}
	c, err := e.u.store.CopyForm(context.Background(), e.form.ID)
	if err != nil {
		e.u.showError(err)
		return
	}
	e.u.openFormEditor(c.ID)
}

func (e *formEditor) deleteForm() {
	msg := fmt.Sprintf(L("Hapus formulir %q? Formulir yang sudah dipakai di program tidak dapat dihapus."), e.form.Title)
	showDangerConfirm(L("Hapus formulir"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := e.u.store.DeleteForm(context.Background(), e.form.ID); err != nil {
			e.u.showError(err)
			return
		}
		e.dirty = false
		e.leave()
	}, e.u.win)
}

// tightLayout stacks a line of text over a caption with less space between them than a VBox leaves, so that
// outline rows stay compact.
type tightLayout struct{}

func (tightLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height-2*theme.Padding())
}

func (tightLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a := objs[0].MinSize()
	objs[0].Resize(fyne.NewSize(size.Width, a.Height))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(size.Width, objs[1].MinSize().Height))
	objs[1].Move(fyne.NewPos(0, a.Height-2*theme.Padding()))
}
