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

	"github.com/pembina/pembina/app/chart"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// paperEntry types in paper forms, one after another, from the keyboard alone: the respondent by their
// number in the list, NIP or name, the speaker by number, then one short field per question. A scale point
// is one digit and moves on by itself (a pair takes two digits, harapan then kenyataan), Ya/Tidak is y or t,
// a choice its number (a test item its letter); other answers end with Enter. Enter on the last field saves
// and starts the next sheet.
type paperEntry struct {
	u    *UI
	tab  *evaluationTab
	win  fyne.Window
	pf   store.ProgramFormRow
	form *data.Form

	people   []store.Respondent
	speakers []string
	who      *keyEntry
	whoLabel *widget.Label
	speaker  *keyEntry
	spLabel  *widget.Label
	rows     []*paperRow
	status   *widget.Label
	saved    int
}

type paperRow struct {
	q     *data.Question
	entry *keyEntry
	hint  string
}

// openPaperEntry opens the paper entry window for an attached form.
func (u *UI) openPaperEntry(tab *evaluationTab, r store.ProgramFormRow) *paperEntry {
	ctx := context.Background()
	f, err := u.store.Form(ctx, r.FormID)
	if err != nil {
		u.showError(err)
		return nil
	}
	rate, err := u.store.ResponseRate(ctx, r.ID)
	if err != nil {
		u.showError(err)
		return nil
	}
	pe := &paperEntry{u: u, tab: tab, pf: r, form: f, people: rate.Respondents, speakers: rate.Speakers}
	pe.win = u.app.NewWindow(L("Isi dari kertas") + " · " + f.Title)
	pe.win.SetContent(pe.build())
	size := fyne.NewSize(1100, 720)
	if c := u.win.Canvas().Size(); c.Width > 0 && c.Height > 0 {
		size = size.Min(c) // no larger than the main window, which fits the screen
	}
	pe.win.Resize(size)
	pe.win.SetOnClosed(func() {
		if tab != nil && pe.saved > 0 {
			tab.reload()
		}
	})
	pe.win.Show()
	pe.focusFirst()
	return pe
}

func (pe *paperEntry) build() fyne.CanvasObject {
	form := widget.NewForm()
	anonymous := pe.pf.Respondent == data.RespondentAnonymous
	if !anonymous {
		pe.who = newKeyEntry()
		pe.who.SetPlaceHolder(L("nomor urut, NIP atau nama"))
		pe.whoLabel = widget.NewLabel("")
		pe.whoLabel.Truncation = fyne.TextTruncateEllipsis
		pe.who.OnChanged = func(string) { pe.findWho() }
		pe.who.OnSubmitted = func(string) {
			if _, ok := pe.findWho(); ok {
				pe.advance(-1)
			}
		}
		label := L("Responden")
		if pe.pf.Respondent == data.RespondentSuperior {
			label = L("Alumni yang dinilai")
		}
		form.Append(label, container.NewGridWithColumns(2, pe.who, pe.whoLabel))
	}
	if pe.form.Kind == data.FormSpeaker {
		pe.speaker = newKeyEntry()
		pe.speaker.SetPlaceHolder(fmt.Sprintf(L("nomor 1–%d"), len(pe.speakers)))
		pe.spLabel = widget.NewLabel("")
		pe.spLabel.Truncation = fyne.TextTruncateEllipsis
		pe.speaker.OnChanged = func(s string) {
			// One digit is enough while there are fewer than ten speakers.
			if _, ok := pe.findSpeaker(); ok && len(strings.TrimSpace(s)) >= len(strconv.Itoa(len(pe.speakers))) {
				pe.advance(-1)
			}
		}
		pe.speaker.OnSubmitted = func(string) {
			if _, ok := pe.findSpeaker(); ok {
				pe.advance(-1)
			}
		}
		form.Append(L("Narasumber"), container.NewGridWithColumns(2, pe.speaker, pe.spLabel))
	}
	number := 0
	for _, q := range pe.form.Visible() {
		number++
		row := &paperRow{q: q, entry: newKeyEntry(), hint: pe.hintFor(q)}
		i := len(pe.rows)
		pe.rows = append(pe.rows, row)
		row.entry.SetPlaceHolder(row.hint)
		row.entry.OnChanged = func(s string) {
			if pe.complete(row.q, s) {
				pe.advance(i)
			}
		}
		row.entry.OnSubmitted = func(string) { pe.advance(i) }
		star := ""
		if q.Required {
			star = " *"
		}
		text := widget.NewLabel(strconv.Itoa(number) + ". " + q.Text + star)
		text.Truncation = fyne.TextTruncateEllipsis
		hint := widget.NewLabel(row.hint)
		hint.Importance = widget.LowImportance
		hint.Truncation = fyne.TextTruncateEllipsis
		form.Append("", container.NewBorder(nil, nil, nil, container.New(&chart.FixedWidth{Width: 300}, container.NewGridWithColumns(2, row.entry, hint)), text))
	}
	pe.status = widget.NewLabel(L("Ketik jawaban dari lembar kertas. Angka skala langsung pindah ke pertanyaan berikutnya; Enter pada isian terakhir menyimpan lembar ini."))
	pe.status.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon(L("Simpan lembar (Enter)"), theme.DocumentSaveIcon(), pe.save)
	save.Importance = widget.HighImportance
	clear := widget.NewButton(L("Kosongkan"), pe.clear)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(clear, save), pe.status)
	body := container.NewVScroll(container.NewPadded(form))
	var side fyne.CanvasObject
	if !anonymous || pe.form.Kind == data.FormSpeaker {
		side = pe.reference()
	}
	center := fyne.CanvasObject(body)
	if side != nil {
		split := container.NewHSplit(body, side)
		split.Offset = 0.72
		center = split
	}
	return container.NewBorder(nil, container.NewPadded(bottom), nil, nil, center)
}

// reference lists the respondents and speakers with the numbers typed for them.
func (pe *paperEntry) reference() fyne.CanvasObject {
	var lines []string
	if len(pe.speakers) > 0 && pe.form.Kind == data.FormSpeaker {
		lines = append(lines, L("Narasumber:"))
		for i, sp := range pe.speakers {
			lines = append(lines, fmt.Sprintf("%d. %s", i+1, sp))
		}
		lines = append(lines, "")
	}
	if pe.pf.Respondent != data.RespondentAnonymous {
		lines = append(lines, L("Peserta:"))
	}
	top := widget.NewLabel(strings.Join(lines, "\n"))
	if pe.pf.Respondent == data.RespondentAnonymous {
		return container.NewVScroll(top)
	}
	list := widget.NewList(func() int { return len(pe.people) }, func() fyne.CanvasObject {
		l := widget.NewLabel("100. Nama Peserta")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(pe.people) {
			o.(*widget.Label).SetText(fmt.Sprintf("%d. %s", id+1, pe.people[id].Name))
		}
	})
	return container.NewBorder(top, nil, nil, nil, list)
}

func (pe *paperEntry) hintFor(q *data.Question) string {
	sc := pe.form.ScaleOf(q)
	switch q.Kind {
	case data.QuestionScale:
		if sc.Points() == 0 {
			return "0–100"
		}
		return sc.Label()
	case data.QuestionImportancePerf:
		if sc.Points() == 0 {
			return L("harapan kenyataan")
		}
		return fmt.Sprintf(L("2 angka %s: harapan, kenyataan"), sc.Label())
	case data.QuestionYesNo:
		return L("y/t")
	case data.QuestionSingleChoice:
		return fmt.Sprintf(L("nomor 1–%d"), len(q.Options))
	case data.QuestionMultiChoice:
		return fmt.Sprintf(L("nomor 1–%d, dipisah spasi"), len(q.Options))
	case data.QuestionTestItem:
		return fmt.Sprintf(L("huruf a–%s"), string(rune('a'+len(q.Options)-1)))
	case data.QuestionNumber:
		return L("angka")
	}
	return L("teks, lalu Enter")
}

// complete reports whether a field already holds a whole answer that needs no Enter: a digit of a 1–4 or
// 1–5 scale, two for a pair, y or t, or the one digit or letter of a short choice list.
func (pe *paperEntry) complete(q *data.Question, s string) bool {
	s = strings.TrimSpace(strings.ToLower(s))
	sc := pe.form.ScaleOf(q)
	digit := func(r byte, lo, hi int) bool { return r >= byte('0'+lo) && r <= byte('0'+hi) }
	switch q.Kind {
	case data.QuestionScale:
		return sc.Points() > 0 && len(s) == 1 && digit(s[0], 1, sc.Points())
	case data.QuestionImportancePerf:
		return sc.Points() > 0 && len(s) == 2 && digit(s[0], 1, sc.Points()) && digit(s[1], 1, sc.Points())
	case data.QuestionYesNo:
		return s == "y" || s == "t" || s == "1" || s == "0"
	case data.QuestionSingleChoice:
		return len(q.Options) <= 9 && len(s) == 1 && digit(s[0], 1, len(q.Options))
	case data.QuestionTestItem:
		return len(s) == 1 && s[0] >= 'a' && int(s[0]-'a') < len(q.Options)
	}
	return false
}

// findWho reads the respondent field: a number in the list, an 18-digit NIP, or a name that only one
// participant has.
func (pe *paperEntry) findWho() (*store.Respondent, bool) {
	s := strings.TrimSpace(pe.who.Text)
	set := func(text string, imp widget.Importance) {
		pe.whoLabel.Importance = imp
		pe.whoLabel.SetText(text)
	}
	if s == "" {
		set("", widget.MediumImportance)
		return nil, false
	}
	digits := data.SearchKeyDigits(s)
	var found []store.Respondent
	switch {
	case digits == s && len(digits) < 9:
		if n, _ := strconv.Atoi(digits); n >= 1 && n <= len(pe.people) {
			found = append(found, pe.people[n-1])
		}
	case len(digits) == 18:
		for _, p := range pe.people {
			if p.NIP == digits {
				found = append(found, p)
			}
		}
	default:
		key := data.SearchKey(s)
		for _, p := range pe.people {
			if strings.Contains(data.SearchKey(p.Name), key) {
				found = append(found, p)
			}
		}
	}
	switch len(found) {
	case 0:
		set(L("tidak ditemukan"), widget.DangerImportance)
		return nil, false
	case 1:
		set("→ "+found[0].Name, widget.SuccessImportance)
		return &found[0], true
	}
	set(fmt.Sprintf(L("%d peserta cocok; ketik lebih lengkap"), len(found)), widget.WarningImportance)
	return nil, false
}

func (pe *paperEntry) findSpeaker() (string, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(pe.speaker.Text))
	if err != nil || n < 1 || n > len(pe.speakers) {
		if strings.TrimSpace(pe.speaker.Text) != "" {
			pe.spLabel.Importance = widget.DangerImportance
			pe.spLabel.SetText(fmt.Sprintf(L("ketik nomor 1–%d"), len(pe.speakers)))
		} else {
			pe.spLabel.SetText("")
		}
		return "", false
	}
	pe.spLabel.Importance = widget.SuccessImportance
	pe.spLabel.SetText("→ " + pe.speakers[n-1])
	return pe.speakers[n-1], true
}

// advance moves the focus to the field after row i (-1: the respondent or speaker field), or saves after the
// last one.
func (pe *paperEntry) advance(i int) {
	c := pe.win.Canvas()
	if i == -1 {
		if pe.speaker != nil && c.Focused() != pe.speaker {
			c.Focus(pe.speaker)
			return
		}
		if len(pe.rows) > 0 {
			c.Focus(pe.rows[0].entry)
		}
		return
	}
	if i+1 < len(pe.rows) {
		c.Focus(pe.rows[i+1].entry)
		return
	}
	pe.save()
}

func (pe *paperEntry) focusFirst() {
	c := pe.win.Canvas()
	switch {
	case pe.who != nil:
		c.Focus(pe.who)
	case pe.speaker != nil:
		c.Focus(pe.speaker)
	case len(pe.rows) > 0:
		c.Focus(pe.rows[0].entry)
	}
}

// parse turns a field into an answer; ok is false for an empty field.
func (pe *paperEntry) parse(row *paperRow) (a data.Answer, ok bool, err error) {
	q := row.q
	s := strings.TrimSpace(row.entry.Text)
	a.QuestionID = q.ID
	if s == "" {
		return a, false, nil
	}
	bad := func() (data.Answer, bool, error) {
		return a, false, fmt.Errorf(L("%q tidak dapat dibaca; isi %s"), s, row.hint)
	}
	switch q.Kind {
	case data.QuestionScale, data.QuestionNumber:
		v, err := indo.ParseDecimal(s)
		if err != nil {
			return bad()
		}
		a.Number, a.HasNumber = v, true
	case data.QuestionImportancePerf:
		parts := strings.Fields(s)
		if len(parts) == 1 && len(s) == 2 {
			parts = []string{s[:1], s[1:]}
		}
		if len(parts) != 2 {
			return bad()
		}
		v1, err1 := indo.ParseDecimal(parts[0])
		v2, err2 := indo.ParseDecimal(parts[1])
		if err1 != nil || err2 != nil {
			return bad()
		}
		a.Number, a.HasNumber, a.Number2, a.HasNumber2 = v1, true, v2, true
	case data.QuestionYesNo:
		a.Text = s
	case data.QuestionSingleChoice:
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > len(q.Options) {
			return bad()
		}
		a.Text = q.Options[n-1]
	case data.QuestionMultiChoice:
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > len(q.Options) {
				return bad()
			}
			a.Choices = append(a.Choices, q.Options[n-1])
		}
	case data.QuestionTestItem:
		l := strings.ToLower(s)
		if len(l) != 1 || l[0] < 'a' || int(l[0]-'a') >= len(q.Options) {
			return bad()
		}
		a.Text = q.Options[l[0]-'a']
	default:
		a.Text = s
	}
	return a, true, nil
}

// save stores the sheet; a respondent who already answered is replaced only after asking.
func (pe *paperEntry) save() {
	r := &data.Response{ProgramFormID: pe.pf.ID, Source: data.ResponsePaper}
	var name string
	if pe.who != nil {
		who, ok := pe.findWho()
		if !ok {
			pe.fail(L("Pilih respondennya dulu: ketik nomor urut, NIP atau nama."), pe.who)
			return
		}
		r.ParticipantID, name = who.ParticipantID, who.Name
	}
	if pe.speaker != nil {
		sp, ok := pe.findSpeaker()
		if !ok {
			pe.fail(fmt.Sprintf(L("Pilih narasumbernya dulu: ketik nomor 1–%d."), len(pe.speakers)), pe.speaker)
			return
		}
		r.Speaker = sp
	}
	blank := 0
	for i, row := range pe.rows {
		a, ok, err := pe.parse(row)
		if err != nil {
			pe.fail(fmt.Sprintf(L("Pertanyaan %d: %v"), i+1, errorText(err)), row.entry)
			return
		}
		if ok {
			r.Answers = append(r.Answers, a)
		} else if row.q.Required {
			blank++
		}
	}
	if len(r.Answers) == 0 {
		pe.fail(L("Lembar ini belum berisi jawaban."), pe.rows[0].entry)
		return
	}
	err := pe.u.store.SaveResponse(context.Background(), r, false)
	if data.IsKind(err, data.KindConflict) {
		dialog.ShowConfirm(L("Sudah pernah mengisi"), errorText(err), func(ok bool) {
			if !ok {
				return
			}
			r.ID = 0
			if err := pe.u.store.SaveResponse(context.Background(), r, true); err != nil {
				pe.fail(errorText(err), pe.rows[0].entry)
				return
			}
			pe.done(name, blank)
		}, pe.win)
		return
	}
	if err != nil {
		pe.fail(errorText(err), pe.rows[0].entry)
		return
	}
	pe.done(name, blank)
}

func (pe *paperEntry) done(name string, blank int) {
	pe.saved++
	msg := fmt.Sprintf(L("Lembar ke-%d tersimpan."), pe.saved)
	if name != "" {
		msg = fmt.Sprintf(L("Lembar ke-%d tersimpan: %s."), pe.saved, name)
	}
	if blank > 0 {
		msg += " " + fmt.Sprintf(L("%d pertanyaan wajib dibiarkan kosong seperti di kertas."), blank)
	}
	pe.status.Importance = widget.SuccessImportance
	pe.status.SetText(msg)
	pe.clear()
}

func (pe *paperEntry) fail(msg string, focus fyne.Focusable) {
	pe.status.Importance = widget.DangerImportance
	pe.status.SetText(msg)
	if focus != nil {
		pe.win.Canvas().Focus(focus)
	}
}

// clear empties the sheet for the next one; the speaker stays, since a stack of sheets is usually for one
// speaker.
func (pe *paperEntry) clear() {
	for _, row := range pe.rows {
		row.entry.SetText("")
	}
	if pe.who != nil {
		pe.who.SetText("")
	}
	pe.focusFirst()
}
