package app

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// evaluationTab is a program's Evaluasi tab: the attached forms on the left with their response rates, and
// for the selected one its actions (kiosk, paper entry, import, printing), who has not responded, the
// responses, and the results with bar charts.
type evaluationTab struct {
	u        *UI
	p        *data.Program
	rows     []store.ProgramFormRow
	report   *analysis.Report
	selected int64 // the program form shown on the right

	table   *listTable
	summary *widget.Label
	detail  *fyne.Container
	root    fyne.CanvasObject
	// focusKiosk asks the next showDetail to put the keyboard on Mode kios: the tab, shown by keyboard,
	// rebuilds its detail after reading the database, so the button to focus exists only then.
	focusKiosk bool
}

// programEvaluationTab is the Evaluasi tab: forms attached to the program, responses and results.
func (u *UI) programEvaluationTab(p *data.Program) fyne.CanvasObject {
	t := u.newEvaluationTab(p)
	return withCommands(t.root, viewCommands{New: func() { t.attachDialog(nil) }, Print: t.printSelected, Export: t.exportResults, Reload: t.reload,
		Focus: func() { t.focusKiosk = true }})
}

// startKiosk opens the kiosk, after a confirmation when the form is not open today: respondents fill in the
// kiosk on the day, so a date outside the form's open and close dates is most likely the wrong form.
func (t *evaluationTab) startKiosk(r store.ProgramFormRow) {
	if r.IsOpen(t.u.now.today()) {
		t.u.openKiosk(t, r)
		return
	}
	msg := L("Formulir ini menerima jawaban {{.Open}} sampai {{.Close}}; hari ini di luar masa itu. Tetap buka mode kios?",
		map[string]any{"Open": dateText(r.OpensOn), "Close": dateText(r.ClosesOn)})
	dialog.ShowConfirm(L("Formulir tidak sedang dibuka"), msg, func(ok bool) {
		if ok {
			t.u.openKiosk(t, r)
		}
	}, t.u.win)
}

// printSelected is Cetak (Ctrl+P) on Evaluasi: the paper version of the chosen form, or of the only one.
func (t *evaluationTab) printSelected() {
	r, ok := t.row(t.selected)
	if !ok && len(t.rows) == 1 {
		r, ok = t.rows[0], true
	}
	if !ok {
		msg := L("Pilih dulu formulir di daftar kiri, lalu Cetak (Ctrl+P) menyimpan versi kertasnya sebagai PDF.")
		if len(t.rows) == 0 {
			msg = L("Program ini belum memiliki formulir evaluasi; lampirkan formulir dulu (Baru, Ctrl+N)")
		}
		dialog.ShowInformation(L("Cetak"), msg, t.u.win)
		return
	}
	t.printForm(r)
}

func (u *UI) newEvaluationTab(p *data.Program) *evaluationTab {
	t := &evaluationTab{u: u, p: p, summary: widget.NewLabel(""), detail: container.NewStack()}
	t.summary.Wrapping = fyne.TextWrapWord
	t.table = newListTable([]column{
		{title: "Formulir", width: 150, grow: true},
		{title: "Level", width: 58, align: fyne.TextAlignCenter},
		{title: "Respons", width: 106, align: fyne.TextAlignTrailing},
	}, func() int { return len(t.rows) }, t.cell)
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.rows) {
			t.selected = t.rows[id.Row].ID
			t.showDetail()
		}
	}
	standard := widget.NewButtonWithIcon(L("Lampirkan set standar"), theme.ContentAddIcon(), t.attachStandard)
	standard.Importance = widget.HighImportance
	attach := widget.NewButtonWithIcon(L("Lampirkan formulir…"), theme.ContentAddIcon(), func() { t.attachDialog(nil) })
	importButton := widget.NewButtonWithIcon(L("Impor jawaban…"), theme.UploadIcon(), func() { t.importResponses(nil) })
	left := container.NewBorder(container.NewVBox(standard, attach, importButton), nil, nil, nil, t.table)
	split := container.NewHSplit(left, t.detail)
	split.Offset = 0.34
	t.reload()
	refresh := widget.NewButtonWithIcon(L("Muat ulang"), theme.ViewRefreshIcon(), t.reload)
	t.root = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, nil, refresh, t.summary)), nil, nil, nil, split)
	return t
}

// reload reads the attachments and analyses their responses off the UI goroutine, then shows them.
func (t *evaluationTab) reload() {
	t.u.goBackground(func() {
		ctx := context.Background()
		rows, err := t.u.store.ProgramForms(ctx, t.p.ID)
		var rep *analysis.Report
		if err == nil {
			rep, err = analysis.Load(ctx, t.u.store, t.p.ID)
		}
		fyne.Do(func() {
			if err != nil {
				t.u.showError(err)
				return
			}
			t.rows, t.report = rows, rep
			t.p = rep.Program
			t.table.Refresh()
			t.showSummary()
			if t.selected == 0 && len(rows) > 0 {
				t.selected = rows[0].ID
			}
			t.showDetail()
		})
	})
}

func (t *evaluationTab) showSummary() {
	if len(t.rows) == 0 {
		t.summary.SetText(L("Belum ada formulir yang dilampirkan. Lampirkan set standar (evaluasi penyelenggaraan, narasumber, pre-test dan post-test, evaluasi pasca pelatihan) dengan dua klik, atau pilih formulir sendiri."))
		return
	}
	s := t.report.Satisfaction
	text := L("Indeks kepuasan: belum ada jawaban level 1.")
	if !math.IsNaN(s.Percent) {
		if s.Scale != "" {
			text = fmt.Sprintf(L("Indeks kepuasan: %s dari 100 (%s; rata-rata %s pada skala %s) · %d butir, %d respons."),
				indo.Decimal(s.Percent, 2), L(s.Category), indo.Decimal(s.Mean, 2), s.Scale.Label(), s.Items, s.Responses)
		} else {
			text = fmt.Sprintf(L("Indeks kepuasan: %s dari 100 (%s) · %d butir, %d respons."), indo.Decimal(s.Percent, 2),
				L(s.Category), s.Items, s.Responses)
		}
	}
	for _, tr := range t.report.Tests {
		if tr.Paired > 0 {
			text += " " + fmt.Sprintf(L("Pre-test %s → post-test %s, N-gain kelas %s."), indo.Decimal(tr.MeanPre, 1),
				indo.Decimal(tr.MeanPost, 1), meanText(tr.ClassNGain, tr.ClassCategory))
		}
	}
	t.summary.SetText(text)
}

func (t *evaluationTab) cell(row, col int) string {
	if row >= len(t.rows) {
		return ""
	}
	r := t.rows[row]
	switch col {
	case 0:
		return r.FormTitle
	case 1:
		return strconv.Itoa(r.Level)
	case 2:
		if fr := t.formReport(r.ID); fr != nil && fr.Rate.Expected > 0 && r.Respondent != data.RespondentAnonymous {
			return fmt.Sprintf("%d/%d · %s", fr.Rate.Responded, fr.Rate.Expected, indo.Percent(fr.Rate.Rate(), 0))
		}
		return indo.Int(int64(r.Responses))
	}
	return ""
}

func (t *evaluationTab) formReport(id int64) *analysis.FormReport {
	if t.report == nil {
		return nil
	}
	return t.report.Find(id)
}

func (t *evaluationTab) row(id int64) (store.ProgramFormRow, bool) {
	for _, r := range t.rows {
		if r.ID == id {
			return r, true
		}
	}
	return store.ProgramFormRow{}, false
}

func dateText(d time.Time) string {
	if d.IsZero() {
		return "–"
	}
	return uiDate(d)
}

// parseDay reads a typed day; empty is no day.
func parseDay(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return data.ParseDate(s)
}

func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

// zoneOf is the fixed location of an Indonesian time zone, for showing stored UTC instants.
func zoneOf(name string) *time.Location {
	switch name {
	case "WITA":
		return time.FixedZone("WITA", 8*3600)
	case "WIT":
		return time.FixedZone("WIT", 9*3600)
	}
	return time.FixedZone("WIB", 7*3600)
}

// showDetail shows the selected attachment: its description, response rate and actions, then tabs with the
// results, who has not responded yet, and the responses.
func (t *evaluationTab) showDetail() {
	focus := t.focusKiosk
	t.focusKiosk = false
	r, ok := t.row(t.selected)
	fr := t.formReport(t.selected)
	if !ok || fr == nil {
		t.detail.Objects = []fyne.CanvasObject{container.NewPadded(note(L("Pilih formulir di sebelah kiri.")))}
		t.detail.Refresh()
		return
	}
	title := boldLabel(r.FormTitle)
	title.SizeName = theme.SizeNameSubHeadingText
	info := note(fmt.Sprintf("%s · %s · %s · %s %s – %s", L(data.LevelLabel(r.Level)), L(r.FormKind.Label()),
		L(r.Respondent.Label()), L("dibuka"), dateText(r.OpensOn), dateText(r.ClosesOn)))
	rate := fr.Rate
	bar := widget.NewProgressBar()
	var rateText string
	switch {
	case r.Respondent == data.RespondentAnonymous:
		rateText = fmt.Sprintf(L("%d respons anonim dari %d peserta (nama tidak dicatat)"), rate.Responses, rate.Expected)
	case r.FormKind == data.FormSpeaker:
		rateText = fmt.Sprintf(L("%d dari %d peserta sudah menilai narasumber (%s), %d di antaranya semua %d narasumber · %d penilaian"),
			rate.Responded, rate.Expected, indo.Percent(rate.Rate(), 0), rate.Completed, len(rate.Speakers), rate.Responses)
	default:
		rateText = fmt.Sprintf(L("%d dari %d peserta sudah mengisi (%s)"), rate.Responded, rate.Expected, indo.Percent(rate.Rate(), 0))
	}
	bar.TextFormatter = func() string { return rateText }
	bar.SetValue(rate.Rate())

	kiosk := widget.NewButtonWithIcon(L("Mode kios"), theme.ComputerIcon(), func() { t.startKiosk(r) })
	kiosk.Importance = widget.HighImportance
	paper := widget.NewButtonWithIcon(L("Dari kertas"), theme.DocumentCreateIcon(), func() { t.u.openPaperEntry(t, r) })
	importButton := widget.NewButtonWithIcon(L("Impor…"), theme.UploadIcon(), func() { t.importResponses(&r) })
	print := widget.NewButtonWithIcon(L("Cetak PDF…"), theme.DocumentPrintIcon(), func() { t.printForm(r) })
	edit := widget.NewButton(L("Ubah…"), func() { t.attachDialog(&r) })
	detach := widget.NewButton(L("Lepas"), func() { t.detach(r) })
	classroom := widget.NewButtonWithIcon(L("Mode Kelas"), theme.ComputerIcon(), func() { t.u.openClassroom(t.p, nil) })
	actions := container.NewHBox(kiosk, classroom, paper, importButton, print, edit, detach)

	var results fyne.CanvasObject
	if fr.Form.IsTest() {
		results = t.testTabs(fr)
	} else {
		results = container.NewVScroll(t.formResults(fr))
	}
	missing := rate.Missing()
	missingTitle := fmt.Sprintf(L("Belum mengisi (%d)"), len(missing))
	if r.FormKind == data.FormSpeaker {
		missingTitle = fmt.Sprintf(L("Belum menilai semua narasumber (%d)"), len(missing))
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(L("Hasil"), results),
		container.NewTabItem(missingTitle, t.missingView(r, rate, missing)),
		container.NewTabItem(fmt.Sprintf(L("Jawaban (%d)"), rate.Responses), t.responsesView(r)),
	)
	head := container.NewVBox(title, info, bar, container.NewHScroll(actions))
	t.detail.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(head), nil, nil, nil, tabs)}
	t.detail.Refresh()
	if focus {
		t.u.win.Canvas().Focus(kiosk)
	}
}

// testTabs shows a test attachment: the pair's class results and the participants' scores.
func (t *evaluationTab) testTabs(fr *analysis.FormReport) fyne.CanvasObject {
	var res *analysis.PrePostResult
	for _, tr := range t.report.Tests {
		if tr.Pre == fr.Form || tr.Post == fr.Form {
			res = tr
		}
	}
	if res == nil || fr.Result.Responses == 0 {
		return container.NewVScroll(t.formResults(fr))
	}
	return container.NewAppTabs(
		container.NewTabItem(L("Kelas"), container.NewVScroll(t.testResults(res))),
		container.NewTabItem(L("Per peserta"), testTakersTable(res)),
		container.NewTabItem(L("Per soal"), container.NewVScroll(t.formResults(fr))),
	)
}

func (t *evaluationTab) missingView(r store.ProgramFormRow, rate *store.ResponseRate, missing []store.Respondent) fyne.CanvasObject {
	if r.Respondent == data.RespondentAnonymous {
		return container.NewPadded(note(L("Formulir ini anonim: nama pengisi tidak dicatat, jadi daftar yang belum mengisi tidak dapat dibuat.")))
	}
	if len(missing) == 0 {
		return container.NewPadded(note(L("Semua peserta sudah mengisi.")))
	}
	speaker := r.FormKind == data.FormSpeaker
	table := newListTable([]column{
		{title: "No.", width: 45, align: fyne.TextAlignTrailing},
		{title: "Nama", width: 190, grow: true},
		{title: "NIP", width: 180},
		{title: "Unit kerja", width: 150, grow: true},
		{title: "Keterangan", width: 130},
	}, func() int { return len(missing) }, func(row, col int) string {
		if row >= len(missing) {
			return ""
		}
		m := missing[row]
		switch col {
		case 0:
			return strconv.Itoa(row + 1)
		case 1:
			return m.Name
		case 2:
			if m.NIP == "" {
				return "–"
			}
			return nip.Format(m.NIP)
		case 3:
			return m.Unit
		case 4:
			if speaker {
				return fmt.Sprintf(L("%d dari %d narasumber"), m.Done, m.Of)
			}
			return L("belum mengisi")
		}
		return ""
	})
	return table
}

func (t *evaluationTab) responsesView(r store.ProgramFormRow) fyne.CanvasObject {
	var rows []store.ResponseRow
	table := newListTable([]column{
		{title: "Waktu", width: 150},
		{title: "Responden", width: 220, grow: true},
		{title: "Narasumber", width: 180, grow: true},
		{title: "Sumber", width: 90},
	}, func() int { return len(rows) }, func(row, col int) string {
		if row >= len(rows) {
			return ""
		}
		x := rows[row]
		switch col {
		case 0:
			return uiDate(x.SubmittedAt) + " " + x.SubmittedAt.In(zoneOf(t.p.TimeZone)).Format("15.04")
		case 1:
			if x.Name == "" {
				return L("Anonim")
			}
			if x.ParticipantID == 0 {
				return x.Name + " " + L("(tidak cocok dengan peserta)")
			}
			return x.Name
		case 2:
			return x.Speaker
		case 3:
			return L(sourceLabel(x.Source))
		}
		return ""
	})
	table.OnSelected = func(id widget.TableCellID) {
		table.UnselectAll()
		if id.Row < 0 || id.Row >= len(rows) {
			return
		}
		x := rows[id.Row]
		who := x.Name
		if who == "" {
			who = L("Anonim")
		}
		showDangerConfirm(L("Hapus jawaban"), fmt.Sprintf(L("Hapus jawaban dari %s? Jawaban yang dihapus tidak dapat dikembalikan."), who), func(ok bool) {
			if !ok {
				return
			}
			if err := t.u.store.DeleteResponse(context.Background(), x.ID); err != nil {
				t.u.showError(err)
				return
			}
			t.reload()
		}, t.u.win)
	}
	t.u.goBackground(func() {
		list, err := t.u.store.ResponseList(context.Background(), r.ID)
		fyne.Do(func() {
			if err != nil {
				t.u.showError(err)
				return
			}
			rows = list
			table.Refresh()
		})
	})
	hint := note(L("Pilih satu baris untuk menghapus jawaban yang salah masuk."))
	return container.NewBorder(hint, nil, nil, nil, table)
}

func sourceLabel(s string) string {
	switch s {
	case data.ResponsePaper:
		return "Kertas"
	case data.ResponseImport:
		return "Impor"
	}
	return "Kios"
}

// attachStandard is the standard set in two clicks: this button, then Lampirkan in the dialog that lists the
// built-in forms with their level, respondents and dates (all ticked but those already attached).
func (t *evaluationTab) attachStandard() {
	items, err := t.u.store.StandardSet(context.Background(), t.p.ID)
	if err != nil {
		t.u.showError(err)
		return
	}
	if len(items) == 0 {
		t.u.showError(data.Errorf(data.KindNotFound, "%s", L("Formulir bawaan sudah dihapus dari basis data ini; lampirkan formulir lain.")))
		return
	}
	checks := container.NewVBox()
	chosen := map[string]bool{}
	for _, it := range items {
		key := it.Key
		text := fmt.Sprintf("%s — %s, %s, %s – %s", it.Form.Title, L(data.LevelLabel(it.Plan.Level)), L(it.Plan.Respondent.Label()),
			uiDate(it.Plan.OpensOn), uiDate(it.Plan.ClosesOn))
		c := widget.NewCheck(text, func(b bool) { chosen[key] = b })
		if it.Attached {
			c.SetText(it.Form.Title + " — " + L("sudah dilampirkan"))
			c.Disable()
		} else {
			c.SetChecked(true)
		}
		checks.Add(c)
	}
	d := dialog.NewCustomConfirm(L("Lampirkan set standar"), L("Lampirkan"), L("Batal"), container.NewVBox(
		note(L("Formulir bawaan berikut dilampirkan ke program ini dengan level, responden dan tanggal di bawah; semuanya dapat diubah nanti.")),
		checks), func(ok bool) {
		if !ok {
			return
		}
		var keys []string
		for k, v := range chosen {
			if v {
				keys = append(keys, k)
			}
		}
		if _, err := t.u.store.AttachStandard(context.Background(), t.p.ID, keys); err != nil {
			t.u.showError(err)
			return
		}
		t.reload()
	}, t.u.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
}

// attachDialog attaches a form (existing nil) or changes an attachment's level, respondents and dates.
func (t *evaluationTab) attachDialog(existing *store.ProgramFormRow) {
	ctx := context.Background()
	forms, err := t.u.store.Forms(ctx)
	if err != nil {
		t.u.showError(err)
		return
	}
	names := make([]string, len(forms))
	for i, f := range forms {
		names[i] = fmt.Sprintf("%s (%s)", f.Title, L(f.Kind.Label()))
	}
	form := widget.NewSelect(names, nil)
	levels := []string{L(data.LevelLabel(1)), L(data.LevelLabel(2)), L(data.LevelLabel(3))}
	level := widget.NewSelect(levels, nil)
	respondents := make([]string, len(data.Respondents))
	for i, r := range data.Respondents {
		respondents[i] = L(r.Label())
	}
	respondent := widget.NewSelect(respondents, nil)
	opens, closes := newDateField(t.u, nil), newDateField(t.u, nil)
	pf := data.ProgramForm{ProgramID: t.p.ID, Level: 1, Respondent: data.RespondentParticipant}
	if existing != nil {
		pf = *existing.ProgramForm
		for i, f := range forms {
			if f.ID == pf.FormID {
				form.SetSelectedIndex(i)
			}
		}
		form.Disable()
		opens.SetText(formatDay(pf.OpensOn))
		closes.SetText(formatDay(pf.ClosesOn))
	}
	level.SetSelectedIndex(pf.Level - 1)
	for i, r := range data.Respondents {
		if r == pf.Respondent {
			respondent.SetSelectedIndex(i)
		}
	}
	form.OnChanged = func(string) {
		f := forms[form.SelectedIndex()]
		plan := store.StandardAttachment(t.p, f.Kind)
		level.SetSelectedIndex(plan.Level - 1)
		for i, r := range data.Respondents {
			if r == plan.Respondent {
				respondent.SetSelectedIndex(i)
			}
		}
		opens.SetText(formatDay(plan.OpensOn))
		closes.SetText(formatDay(plan.ClosesOn))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(L("Formulir"), form),
		widget.NewFormItem(L("Level"), level),
		widget.NewFormItem(L("Responden"), respondent),
		widget.NewFormItem(L("Dibuka"), opens.box),
		widget.NewFormItem(L("Ditutup"), closes.box),
	}
	title, confirm := L("Lampirkan formulir"), L("Lampirkan")
	if existing != nil {
		title, confirm = L("Ubah formulir program"), L("Simpan")
	}
	d := dialog.NewForm(title, confirm, L("Batal"), items, func(ok bool) {
		if !ok {
			return
		}
		if form.SelectedIndex() < 0 {
			t.u.showError(data.Errorf(data.KindInvalid, "%s", L("Pilih formulir yang dilampirkan.")))
			return
		}
		pf.FormID = forms[form.SelectedIndex()].ID
		pf.Level = level.SelectedIndex() + 1
		pf.Respondent = data.Respondents[respondent.SelectedIndex()]
		pf.OpensOn, _ = parseDay(opens.Text)
		pf.ClosesOn, _ = parseDay(closes.Text)
		var err error
		if existing != nil {
			err = t.u.store.UpdateProgramForm(ctx, &pf)
		} else {
			err = t.u.store.AttachForm(ctx, &pf)
			t.selected = pf.ID
		}
		if err != nil {
			t.u.showError(err)
			return
		}
		t.reload()
	}, t.u.win)
	d.Resize(fyne.NewSize(620, 380))
	d.Show()
}

// detach removes an attachment, warning that its responses go with it.
func (t *evaluationTab) detach(r store.ProgramFormRow) {
	msg := fmt.Sprintf(L("Lepas %q dari program ini?"), r.FormTitle)
	if r.Responses > 0 {
		msg += " " + fmt.Sprintf(L("%d jawaban yang sudah masuk ikut terhapus."), r.Responses)
	}
	showDangerConfirm(L("Lepas formulir"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := t.u.store.DetachForm(context.Background(), r.ID, true); err != nil {
			t.u.showError(err)
			return
		}
		t.selected = 0
		t.reload()
	}, t.u.win)
}
