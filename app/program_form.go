package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// programEditor is the page that creates or edits a program with every field of data.Program and its
// subjects (mata pelatihan). Problems show under the fields as they are edited; Simpan stays disabled while
// any remain, and the line beside it names the fields still to fix.
type programEditor struct {
	u        *UI
	p        data.Program // the program as loaded; ID 0 for a new one
	rows     map[string]*formRow
	touched  map[string]bool
	debounce *debouncer

	code, title, organiser, place, batch, year, jp, threshold, pass, pattern, description *keyEntry
	kind, competency, delivery, zone, signatory                                           *widget.Select
	excused                                                                               *widget.Check
	start, end                                                                            *dateField

	signatories  []*data.Signatory
	subjects     []*subjectRow
	subjectBox   *fyne.Container
	subjectTotal *widget.Label
	summary      *widget.Label
	save         *widget.Button
	codeTaken    string // set when the typed code belongs to another program
	ready        bool   // set once every widget exists; edits made while building are not reactions
}

type subjectRow struct {
	id       int64
	name, jp *keyEntry
	box      *fyne.Container
}

// Labels of the program form's fields; the data layer names its problems with the same words.
const (
	fCode, fTitle, fKind, fCompetency, fDelivery = "Kode", "Nama program", "Jenis", "Jenis kompetensi", "Moda"
	fBatch, fYear, fOrganiser, fPlace            = "Angkatan", "Tahun anggaran", "Penyelenggara", "Tempat"
	fStart, fEnd, fJP, fZone                     = "Tanggal mulai", "Tanggal selesai", "Jumlah JP", "Zona waktu"
	fThreshold, fExcused, fPass                  = "Batas kehadiran", "Izin, sakit, dinas luar", "Nilai lulus"
	fSignatory, fPattern, fDescription           = "Penandatangan", "Pola nomor sertifikat", "Keterangan"
	fSubjects                                    = "Mata pelatihan"
)

// editProgram opens the program form: for p, or for a new program when p is nil.
func (u *UI) editProgram(p *data.Program) {
	ctx := context.Background()
	e := &programEditor{u: u, rows: map[string]*formRow{}, touched: map[string]bool{}, debounce: newDebouncer(u, 200*time.Millisecond)}
	var subjects []*data.Subject
	if p != nil {
		e.p = *p
		var err error
		if subjects, err = u.store.Subjects(ctx, p.ID); err != nil {
			u.showError(err)
			return
		}
	} else {
		e.p = data.Program{Batch: 1, BudgetYear: u.now().Year(), CompetencyKind: "Teknis", Delivery: "luring", TimeZone: "WIB",
			AttendanceThreshold: 80, Status: data.StatusPlanned}
		if in, err := u.store.Institution(ctx); err == nil {
			e.p.AttendanceThreshold, e.p.ExcusedCountPresent = in.AttendanceThreshold, in.ExcusedCountPresent
			if in.TimeZone != "" {
				e.p.TimeZone = in.TimeZone
			}
			e.p.Organiser = strings.TrimSpace(strings.Join(strings.Fields(titleCase(in.Name)+" "+titleCase(strings.TrimPrefix(in.ParentName, "PEMERINTAH "))), " "))
		}
	}
	e.signatories, _ = u.store.Signatories(ctx)
	u.setPageView(e.build(subjects))
	e.validate()
	u.win.Canvas().Focus(e.code)
}

// titleCase writes an institution's capitalised name as text does: "DINAS PENDIDIKAN" → "Dinas Pendidikan".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func (e *programEditor) build(subjects []*data.Subject) fyne.CanvasObject {
	p := &e.p
	fields := fieldMaker{rows: e.rows, changed: e.changed, submit: e.submit}
	entry, choice := fields.entry, fields.choice
	number := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	e.code = entry(fCode, p.Code, "PTD-I/2026")
	e.title = entry(fTitle, p.Title, L("Pelatihan …"))
	kinds := make([]string, len(data.ProgramKinds))
	for i, k := range data.ProgramKinds {
		kinds[i] = k.Name
	}
	e.kind = choice(fKind, kinds, p.Kind)
	e.competency = choice(fCompetency, data.CompetencyKinds, p.CompetencyKind)
	e.delivery = choice(fDelivery, data.Deliveries, p.Delivery)
	e.batch = entry(fBatch, number(p.Batch), "1")
	e.year = entry(fYear, number(p.BudgetYear), strconv.Itoa(e.u.now().Year()))
	e.organiser = entry(fOrganiser, p.Organiser, "")
	e.place = entry(fPlace, p.Place, "")
	e.start = newDateField(e.u, func() { e.changed(fStart) })
	e.start.SetDate(p.StartDate)
	e.start.OnSubmitted = func(string) { e.submit() }
	e.rows[fStart] = newFormRow(fStart, e.start.box)
	e.end = newDateField(e.u, func() { e.changed(fEnd) })
	e.end.SetDate(p.EndDate)
	e.end.OnSubmitted = func(string) { e.submit() }
	e.rows[fEnd] = newFormRow(fEnd, e.end.box)
	e.jp = entry(fJP, number(p.TotalJP), "24")
	e.zone = choice(fZone, data.TimeZones, p.TimeZone)
	e.threshold = entry(fThreshold, numberText(p.AttendanceThreshold), "80")
	e.excused = widget.NewCheck(L("dihitung hadir"), func(bool) { e.changed(fExcused) })
	e.excused.SetChecked(p.ExcusedCountPresent)
	e.rows[fExcused] = newFormRow(fExcused, e.excused)
	pass := ""
	if p.PassScore > 0 {
		pass = numberText(p.PassScore)
	}
	e.pass = entry(fPass, pass, L("kosong: tanpa nilai lulus"))
	names := []string{L("(bawaan instansi)")}
	chosen := names[0]
	for _, g := range e.signatories {
		name := g.FullName() + " — " + g.Position
		names = append(names, name)
		if g.ID == p.SignatoryID {
			chosen = name
		}
	}
	e.signatory = choice(fSignatory, names, chosen)
	e.pattern = entry(fPattern, p.NumberPattern, L("kosong: pola bawaan instansi"))
	e.description = newKeyMultiLineEntry()
	e.description.SetText(p.Description)
	e.description.SetMinRowsVisible(3)
	e.description.Wrapping = fyne.TextWrapWord
	e.description.OnChanged = func(string) { e.changed(fDescription) }
	e.rows[fDescription] = newFormRow(fDescription, e.description)

	r := e.rows
	form := formGrid(r[fCode], r[fTitle], r[fKind], r[fCompetency], r[fDelivery], r[fBatch], r[fYear], r[fOrganiser],
		r[fPlace], r[fStart], r[fEnd], r[fJP], r[fZone], r[fThreshold], r[fExcused], r[fPass], r[fSignatory], r[fPattern],
		r[fDescription])

	e.subjectBox = container.NewVBox()
	for _, s := range subjects {
		e.addSubject(s.ID, s.Name, strconv.Itoa(s.JP))
	}
	e.subjectTotal = widget.NewLabel("")
	e.subjectTotal.Wrapping = fyne.TextWrapWord
	e.rows[fSubjects] = newFormRow(fSubjects, e.subjectTotal)
	addSubject := widget.NewButtonWithIcon(L("Tambah mata pelatihan"), theme.ContentAddIcon(), func() {
		row := e.addSubject(0, "", "")
		e.changed(fSubjects)
		e.u.win.Canvas().Focus(row.name)
	})
	note := widget.NewLabel(L("Mata pelatihan dan JP-nya dicetak di halaman kedua sertifikat; jumlahnya harus sama dengan JP program. Boleh dikosongkan."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	subjectsPanel := container.NewBorder(container.NewVBox(subheading(L("Mata pelatihan")), note), container.NewVBox(e.rows[fSubjects].hint,
		e.subjectTotal, container.NewHBox(addSubject)), nil, nil, container.NewVScroll(e.subjectBox))

	title := L("Program baru")
	if p.ID != 0 {
		title = L("Ubah program") + " " + p.Code
	}
	back := widget.NewButtonWithIcon(L("Batal"), theme.NavigateBackIcon(), e.cancel)
	e.save = widget.NewButtonWithIcon(L("Simpan"), theme.DocumentSaveIcon(), e.submit)
	e.save.Importance = widget.HighImportance
	e.summary = widget.NewLabel("")
	e.summary.Wrapping = fyne.TextWrapWord
	e.summary.Importance = widget.DangerImportance
	top := container.NewBorder(nil, nil, back, nil, heading(title))
	bottom := container.NewBorder(widget.NewSeparator(), nil, nil, e.save, e.summary)
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(form)), container.NewPadded(subjectsPanel))
	split.Offset = 0.6
	e.ready = true
	return container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, split)
}

func (e *programEditor) addSubject(id int64, name, jp string) *subjectRow {
	row := &subjectRow{id: id, name: newKeyEntry(), jp: newKeyEntry()}
	row.name.SetText(name)
	row.name.SetPlaceHolder(L("Nama mata pelatihan"))
	row.jp.SetText(jp)
	row.jp.SetPlaceHolder(L("JP"))
	row.name.OnChanged = func(string) { e.changed(fSubjects) }
	row.jp.OnChanged = func(string) { e.changed(fSubjects) }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	remove.Importance = widget.LowImportance
	remove.OnTapped = func() {
		for i, s := range e.subjects {
			if s == row {
				e.subjects = append(e.subjects[:i], e.subjects[i+1:]...)
			}
		}
		e.subjectBox.Remove(row.box)
		e.changed(fSubjects)
	}
	jpBox := container.NewGridWrap(fyne.NewSize(64, row.jp.MinSize().Height), row.jp)
	row.box = container.NewBorder(nil, nil, nil, container.NewHBox(jpBox, remove), row.name)
	e.subjects = append(e.subjects, row)
	e.subjectBox.Add(row.box)
	return row
}

func (e *programEditor) changed(label string) {
	if !e.ready {
		return
	}
	e.touched[label] = true
	if label == fCode {
		code := strings.TrimSpace(e.code.Text)
		e.debounce.call(func() { e.checkCode(code) })
	}
	if label == fStart && e.year.Text == "" {
		if d, err := e.start.Date(); err == nil && !d.IsZero() {
			e.year.SetText(strconv.Itoa(d.Year()))
		}
	}
	e.validate()
}

// checkCode looks, off the UI goroutine, for another program with the typed code.
func (e *programEditor) checkCode(code string) {
	msg := ""
	if code != "" {
		if other, err := e.u.store.ProgramByCode(context.Background(), code); err == nil && other.ID != e.p.ID {
			msg = fmt.Sprintf(L("sudah dipakai oleh %s (%s); pilih kode lain"), other.Title, other.BatchLabel())
		}
	}
	fyne.Do(func() {
		if strings.TrimSpace(e.code.Text) != code {
			return
		}
		e.codeTaken = msg
		e.validate()
	})
}

// collect reads the fields into a program and its subjects, with every problem by field label.
func (e *programEditor) collect() (*data.Program, []data.Subject, map[string][]string) {
	p := e.p
	problems := map[string][]string{}
	bad := func(label, msg string) { problems[label] = append(problems[label], msg) }
	p.Code, p.Title, p.Organiser, p.Place = e.code.Text, e.title.Text, e.organiser.Text, e.place.Text
	p.Kind, p.CompetencyKind, p.Delivery, p.TimeZone = e.kind.Selected, e.competency.Selected, e.delivery.Selected, e.zone.Selected
	p.NumberPattern, p.Description, p.ExcusedCountPresent = e.pattern.Text, e.description.Text, e.excused.Checked
	var ok bool
	if p.Batch, ok = intOf(e.batch.Text); !ok {
		bad(fBatch, L("tulis angka, misalnya 2"))
	}
	if p.BudgetYear, ok = intOf(e.year.Text); !ok {
		bad(fYear, L("tulis tahun, misalnya 2026"))
	}
	if p.TotalJP, ok = intOf(e.jp.Text); !ok {
		bad(fJP, L("tulis angka, misalnya 24"))
	}
	if p.AttendanceThreshold, ok = floatOf(e.threshold.Text); !ok {
		bad(fThreshold, L("tulis angka persen, misalnya 80"))
	}
	if p.PassScore, ok = floatOf(e.pass.Text); !ok {
		bad(fPass, L("tulis angka 0–100, atau kosongkan"))
	}
	var err error
	if p.StartDate, err = e.start.Date(); err != nil {
		bad(fStart, L("tulis sebagai HH/BB/TTTT, misalnya 03/11/2026"))
	}
	if p.EndDate, err = e.end.Date(); err != nil {
		bad(fEnd, L("tulis sebagai HH/BB/TTTT, misalnya 05/11/2026"))
	}
	p.SignatoryID = 0
	if i := e.signatory.SelectedIndex(); i > 0 {
		p.SignatoryID = e.signatories[i-1].ID
	}
	p.Normalize()
	for label, msgs := range fieldProblems(p.Validate()) {
		if len(problems[label]) == 0 { // a number that could not be read is not also "must be above 0"
			problems[label] = append(problems[label], msgs...)
		}
	}
	if e.codeTaken != "" {
		bad(fCode, e.codeTaken)
	}
	var subjects []data.Subject
	for i, row := range e.subjects {
		jp, ok := intOf(row.jp.Text)
		sub := data.Subject{ID: row.id, Name: strings.TrimSpace(row.name.Text), JP: jp}
		switch {
		case sub.Name == "" && row.jp.Text == "":
			continue // an empty line added by mistake
		case !ok:
			bad(fSubjects, fmt.Sprintf(L("baris %d: JP harus angka"), i+1))
		case sub.Name == "":
			bad(fSubjects, fmt.Sprintf(L("baris %d: nama mata pelatihan wajib diisi"), i+1))
		case jp <= 0:
			bad(fSubjects, fmt.Sprintf(L("baris %d: JP harus lebih dari 0"), i+1))
		}
		subjects = append(subjects, sub)
	}
	if len(problems[fSubjects]) == 0 && len(problems[fJP]) == 0 {
		for label, msgs := range fieldProblems(data.SubjectJPError(p.TotalJP, subjects)) {
			problems[label] = append(problems[label], msgs...)
		}
	}
	return &p, subjects, problems
}

// validate shows the problems of the fields edited so far and enables Simpan only when there are none.
func (e *programEditor) validate() {
	_, subjects, problems := e.collect()
	var missing []string
	shown := map[string]bool{}
	for _, label := range []string{fCode, fTitle, fKind, fCompetency, fDelivery, fBatch, fYear, fOrganiser, fPlace, fStart,
		fEnd, fJP, fZone, fThreshold, fExcused, fPass, fSignatory, fPattern, fDescription, fSubjects} {
		shown[label] = true
		msgs := problems[label]
		if len(msgs) > 0 {
			missing = append(missing, L(label))
		}
		if row := e.rows[label]; row != nil && label != fSubjects {
			if e.touched[label] || e.p.ID != 0 {
				row.show(strings.Join(msgs, "; "), widget.DangerImportance)
			}
		}
	}
	total := 0
	for _, s := range subjects {
		total += s.JP
	}
	switch {
	case len(subjects) == 0:
		e.subjectTotal.Importance = widget.LowImportance
		e.subjectTotal.SetText(L("Belum ada mata pelatihan."))
	case len(problems[fSubjects]) > 0:
		e.subjectTotal.Importance = widget.DangerImportance
		e.subjectTotal.SetText(sentence(strings.Join(problems[fSubjects], "; ")))
	default:
		e.subjectTotal.Importance = widget.SuccessImportance
		e.subjectTotal.SetText(fmt.Sprintf(L("Jumlah %s JP, sama dengan JP program."), indo.Int(int64(total))))
	}
	e.subjectTotal.Refresh()
	gateSave(e.summary, e.save, missing, problems, shown)
}

func (e *programEditor) submit() {
	if e.save.Disabled() {
		return
	}
	p, subjects, problems := e.collect()
	if len(problems) > 0 {
		e.validate()
		return
	}
	e.save.Disable()
	e.u.goBackground(func() {
		err := e.u.store.SaveProgram(context.Background(), p, subjects)
		fyne.Do(func() {
			if err != nil {
				e.save.Enable()
				if data.IsKind(err, data.KindConflict) && strings.Contains(err.Error(), "Kode program") {
					e.codeTaken = L("sudah dipakai program lain; pilih kode lain")
					e.validate()
					return
				}
				e.u.showError(err)
				return
			}
			e.u.dropPage("programs")
			e.u.openProgram(p.ID)
		})
	})
}

func (e *programEditor) cancel() {
	if e.p.ID != 0 {
		e.u.openProgram(e.p.ID)
		return
	}
	e.u.dropPage("programs")
	e.u.show(e.u.current)
}

// sentence starts a message of the data layer, written to follow a field name, with a capital.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
