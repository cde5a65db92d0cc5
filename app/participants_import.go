package app

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/app/participantcols"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// importView is the page that imports a participant list: choose the file, check how its columns were read
// (and correct it), see every row's outcome before anything is written (new, updated with the fields that
// change, unchanged, invalid with row, column and reason), then write it all in one transaction.
type importView struct {
	u        *UI
	program  *data.Program // the program the tab opened this for; nil from the Peserta page
	programs []store.ProgramRow

	file    *importer.ParticipantFile
	mapping []participantcols.Field
	plan    *importer.ParticipantPlan
	shown   []int // the plan rows the filter lets through

	choose        *widget.Button
	fileLabel     *widget.Label
	programChoice *widget.Select
	mappingBox    *fyne.Container
	mappingPanel  *fyne.Container
	summary       *widget.Label
	hint          *widget.Label
	filter        *widget.Select
	table         *listTable
	skip          *widget.Check
	apply         *widget.Button
	mappingError  string
}

// The row filters of the preview, in the order the choice offers them.
const (
	showInvalid = iota
	showNew
	showUpdated
	showUnchanged
	showWarnings
	showAll
)

// showImport opens the import page; with a program, the imported people are also enrolled in it.
func (u *UI) showImport(program *data.Program) {
	v := &importView{u: u, program: program}
	u.setPageView(v.build())
}

func (v *importView) build() fyne.CanvasObject {
	u := v.u
	title := L("Impor daftar peserta")
	if v.program != nil {
		title += " · " + v.program.Code
	}
	back := widget.NewButtonWithIcon(L("Kembali"), theme.NavigateBackIcon(), v.leave)
	v.choose = widget.NewButtonWithIcon(L("Pilih berkas…"), theme.FolderOpenIcon(), func() {
		u.dialogs.open([]string{".xlsx", ".csv", ".txt"}, v.read)
	})
	v.choose.Importance = widget.HighImportance
	v.fileLabel = widget.NewLabel(L("Berkas .xlsx atau .csv; baris judul kolom boleh di bawah judul daftar."))
	v.fileLabel.Truncation = fyne.TextTruncateEllipsis
	template := widget.NewButtonWithIcon(L("Unduh templat"), theme.DownloadIcon(), u.saveTemplate)
	fileRow := container.NewBorder(nil, nil, v.choose, template, v.fileLabel)

	var programRow fyne.CanvasObject
	if v.program == nil {
		rows, err := u.store.Programs(context.Background(), store.ProgramFilter{})
		if err != nil {
			u.showError(err)
		}
		options := []string{L("(tidak didaftarkan ke program)")}
		for _, r := range rows {
			if r.Status == data.StatusPlanned || r.Status == data.StatusRunning {
				v.programs = append(v.programs, r)
				options = append(options, r.Code+" · "+r.Title)
			}
		}
		v.programChoice = widget.NewSelect(options, func(string) { v.replan() })
		v.programChoice.SetSelectedIndex(0)
		programRow = container.NewBorder(nil, nil, widget.NewLabel(L("Daftarkan juga ke program")), nil, v.programChoice)
	} else {
		programRow = widget.NewLabel(fmt.Sprintf(L("Orang dalam daftar juga didaftarkan sebagai peserta %s."), v.program.Code+" · "+v.program.Title))
	}

	v.mappingBox = container.NewHBox()
	mappingNote := widget.NewLabel(L("Kolom dibaca seperti di bawah ini; ubah pilihannya bila ada yang keliru."))
	mappingNote.Importance = widget.LowImportance
	v.mappingPanel = container.NewVBox(widget.NewSeparator(), subheading(L("Kolom")), mappingNote, container.NewHScroll(v.mappingBox))
	v.mappingPanel.Hide()

	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.hint = widget.NewLabel(L("Klik baris untuk membaca keterangannya secara lengkap."))
	v.hint.Importance = widget.LowImportance
	v.hint.Hide()
	v.filter = widget.NewSelect(nil, func(string) { v.refilter() })
	v.filter.Hide()
	v.table = newListTable([]column{
		{title: "Baris", width: 60, align: fyne.TextAlignTrailing},
		{title: "Hasil", width: 120},
		{title: "NIP", width: 185},
		{title: "Nama", width: 170, grow: true},
		{title: "Keterangan", width: 420, grow: true},
	}, func() int { return len(v.shown) }, v.cell)
	v.table.style = v.style
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.shown) {
			v.showRow(&v.plan.Rows[v.shown[id.Row]])
		}
	}
	v.skip = widget.NewCheck(L("Lewati baris yang tidak valid dan simpan yang valid"), func(bool) { v.updateApply() })
	v.apply = widget.NewButtonWithIcon(L("Impor"), theme.ConfirmIcon(), v.write)
	v.apply.Importance = widget.HighImportance
	v.apply.Disable()

	top := container.NewVBox(container.NewBorder(nil, nil, back, nil, heading(title)), fileRow, programRow, v.mappingPanel,
		widget.NewSeparator(), container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(240, v.filter.MinSize().Height), v.filter),
			container.NewVBox(v.summary, v.hint)))
	bottom := container.NewBorder(widget.NewSeparator(), nil, nil, v.apply, v.skip)
	return container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, v.table)
}

func (v *importView) programID() int64 {
	if v.program != nil {
		return v.program.ID
	}
	if i := v.programChoice.SelectedIndex(); i > 0 {
		return v.programs[i-1].ID
	}
	return 0
}

// read opens the chosen file and plans its import, behind a progress dialog.
func (v *importView) read(path string) {
	var file *importer.ParticipantFile
	var plan *importer.ParticipantPlan
	programID := v.programID()
	v.u.runTask(L("Membaca daftar peserta"), func(ctx context.Context, progress Progress) error {
		var err error
		if file, err = importer.ReadParticipants(path); err != nil {
			return err
		}
		plan, err = file.Plan(ctx, v.u.store, file.Mapping(), programID, progress)
		return err
	}, func(err error) {
		if err != nil {
			v.u.showError(err)
			return
		}
		v.file, v.mapping, v.mappingError = file, file.Mapping(), ""
		if file.Format == "csv" {
			v.fileLabel.SetText(fmt.Sprintf(L("%s · judul kolom di baris %d"), filepath.Base(path), file.Header+1))
		} else {
			v.fileLabel.SetText(fmt.Sprintf(L("%s · lembar %q · judul kolom di baris %d"), filepath.Base(path), file.Sheet, file.Header+1))
		}
		v.showMapping()
		v.setPlan(plan)
	})
}

func (v *importView) showMapping() {
	labels := make([]string, len(participantcols.Fields))
	for i, f := range participantcols.Fields {
		labels[i] = L(f.Label())
	}
	v.mappingBox.RemoveAll()
	for i, c := range v.file.Columns {
		i := i
		choice := widget.NewSelect(labels, nil)
		for k, f := range participantcols.Fields {
			if f == v.mapping[i] {
				choice.SetSelectedIndex(k)
			}
		}
		choice.OnChanged = func(string) {
			v.mapping[i] = participantcols.Fields[choice.SelectedIndex()]
			v.replan()
		}
		headingText := c.Heading
		if headingText == "" {
			headingText = fmt.Sprintf(L("kolom %d"), i+1)
		}
		h := widget.NewLabelWithStyle(headingText, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.Truncation = fyne.TextTruncateEllipsis
		v.mappingBox.Add(container.NewGridWrap(fyne.NewSize(170, h.MinSize().Height+choice.MinSize().Height+4), container.NewVBox(h, choice)))
	}
	v.mappingPanel.Show()
}

// replan checks the rows again after the mapping or the program changed.
func (v *importView) replan() {
	if v.file == nil {
		return
	}
	if err := importer.CheckMapping(v.file.Columns, v.mapping); err != nil {
		v.mappingError = errorText(err)
		v.updateSummary()
		return
	}
	v.mappingError = ""
	file, mapping, programID := v.file, append([]participantcols.Field(nil), v.mapping...), v.programID()
	var plan *importer.ParticipantPlan
	v.u.runTask(L("Memeriksa baris"), func(ctx context.Context, progress Progress) error {
		var err error
		plan, err = file.Plan(ctx, v.u.store, mapping, programID, progress)
		return err
	}, func(err error) {
		if err != nil {
			v.u.showError(err)
			return
		}
		v.setPlan(plan)
	})
}

func (v *importView) setPlan(plan *importer.ParticipantPlan) {
	v.plan = plan
	warnings := 0
	for _, r := range plan.Rows {
		if len(r.Warnings) > 0 {
			warnings++
		}
	}
	counts := []int{plan.Invalid, plan.New, plan.Updated, plan.Unchanged, warnings, len(plan.Rows)}
	names := []string{L("Tidak valid"), L("Baru"), L("Diperbarui"), L("Tidak berubah"), L("Dengan peringatan"), L("Semua baris")}
	options := make([]string, len(names))
	for i, n := range names {
		options[i] = fmt.Sprintf("%s (%s)", n, indo.Int(int64(counts[i])))
	}
	v.filter.Options = options
	selected := showAll
	if plan.Invalid > 0 {
		selected = showInvalid
	}
	v.filter.SetSelectedIndex(selected) // calls refilter
	v.filter.Show()
	v.hint.Show()
	v.updateSummary()
}

func (v *importView) updateSummary() {
	if v.mappingError != "" {
		v.summary.Importance = widget.DangerImportance
		v.summary.SetText(v.mappingError)
		v.apply.Disable()
		return
	}
	if v.plan == nil {
		return
	}
	p := v.plan
	text := fmt.Sprintf(L("%s baris: %s baru, %s diperbarui, %s tidak berubah, %s tidak valid."), indo.Int(int64(len(p.Rows))),
		indo.Int(int64(p.New)), indo.Int(int64(p.Updated)), indo.Int(int64(p.Unchanged)), indo.Int(int64(p.Invalid)))
	if p.ProgramID != 0 {
		text += " " + fmt.Sprintf(L("%s akan didaftarkan ke program, %s sudah terdaftar."), indo.Int(int64(p.ToEnrol)), indo.Int(int64(p.AlreadyEnrolled)))
	}
	if p.Footer > 0 {
		text += " " + fmt.Sprintf(L("Baris %d dan seterusnya dianggap catatan kaki (jumlah, tanda tangan) dan tidak dibaca."), p.Footer)
	}
	if p.Invalid > 0 {
		text += " " + L("Selama ada baris tidak valid, tidak ada yang disimpan, kecuali baris tidak valid dilewati.")
		v.summary.Importance = widget.WarningImportance
	} else {
		v.summary.Importance = widget.MediumImportance
	}
	v.summary.SetText(text)
	v.updateApply()
}

func (v *importView) updateApply() {
	p := v.plan
	if p == nil || v.mappingError != "" || p.Valid() == 0 || p.Invalid > 0 && !v.skip.Checked {
		v.apply.Disable()
	} else {
		v.apply.Enable()
	}
	if p != nil {
		v.apply.SetText(fmt.Sprintf(L("Impor %s baris"), indo.Int(int64(p.Valid()))))
	}
}

func (v *importView) refilter() {
	v.shown = v.shown[:0]
	if v.plan == nil {
		return
	}
	which := v.filter.SelectedIndex()
	for i, r := range v.plan.Rows {
		var ok bool
		switch which {
		case showInvalid:
			ok = r.Status == importer.RowInvalid
		case showNew:
			ok = r.Status == importer.RowNew
		case showUpdated:
			ok = r.Status == importer.RowUpdated
		case showUnchanged:
			ok = r.Status == importer.RowUnchanged
		case showWarnings:
			ok = len(r.Warnings) > 0
		default:
			ok = true
		}
		if ok {
			v.shown = append(v.shown, i)
		}
	}
	v.table.ScrollToTop()
	v.table.Refresh()
}

func (v *importView) cell(row, col int) string {
	if row >= len(v.shown) {
		return ""
	}
	r := &v.plan.Rows[v.shown[row]]
	switch col {
	case 0:
		return strconv.Itoa(r.Line)
	case 1:
		return L(r.Status.Label())
	case 2:
		return enrolledNIP(r.Participant.NIP)
	case 3:
		return r.Name()
	case 4:
		return rowDetails(r)
	}
	return ""
}

// rowDetails is what the preview says about a row: why it is invalid, which fields change, what was set aside.
func rowDetails(r *importer.ParticipantRow) string {
	var parts []string
	for _, p := range r.Problems {
		parts = append(parts, problemText(p))
	}
	if r.Status == importer.RowUpdated {
		changed := make([]string, len(r.Changes))
		for i, c := range r.Changes {
			changed[i] = L(c)
		}
		parts = append(parts, L("berubah:")+" "+strings.Join(changed, ", "))
	}
	for _, w := range r.Warnings {
		parts = append(parts, problemText(w))
	}
	if r.Enrolled {
		parts = append(parts, L("sudah terdaftar di program"))
	}
	return strings.Join(parts, "; ")
}

func problemText(p importer.Problem) string {
	if p.Column == "" {
		return p.Message
	}
	return p.Column + ": " + p.Message
}

func (v *importView) style(row, col int) widget.Importance {
	if row >= len(v.shown) {
		return widget.MediumImportance
	}
	r := &v.plan.Rows[v.shown[row]]
	switch {
	case r.Status == importer.RowInvalid:
		return widget.DangerImportance
	case len(r.Warnings) > 0 && col == 4:
		return widget.WarningImportance
	case r.Status == importer.RowUnchanged:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// showRow shows a row's whole message, which the table may cut short.
func (v *importView) showRow(r *importer.ParticipantRow) {
	text := fmt.Sprintf("%s %d · %s\n%s", L("Baris"), r.Line, L(r.Status.Label()), r.Name())
	if d := rowDetails(r); d != "" {
		text += "\n\n" + strings.ReplaceAll(d, "; ", "\n")
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(L("Rincian baris"), L("Tutup"), container.NewVScroll(l), v.u.win)
	d.Resize(fyne.NewSize(600, 360))
	d.Show()
}

// write stores the plan in one transaction behind a progress dialog with a cancel button.
func (v *importView) write() {
	plan, skip := v.plan, v.skip.Checked
	var res importer.ParticipantResult
	v.apply.Disable()
	v.u.runTask(L("Menyimpan daftar peserta"), func(ctx context.Context, progress Progress) error {
		var err error
		res, err = plan.Apply(ctx, v.u.store, skip, progress)
		return err
	}, func(err error) {
		if err != nil {
			v.updateApply()
			v.u.showError(err)
			return
		}
		v.u.dropPage("participants")
		v.u.dropPage("programs")
		msg := fmt.Sprintf(L("%s peserta baru, %s diperbarui, %s tidak berubah."), indo.Int(int64(res.Added)), indo.Int(int64(res.Updated)), indo.Int(int64(res.Unchanged)))
		if plan.ProgramID != 0 {
			msg += " " + fmt.Sprintf(L("%s didaftarkan ke program."), indo.Int(int64(res.Enrolled)))
		}
		if res.Skipped > 0 {
			msg += " " + fmt.Sprintf(L("%s baris tidak valid dilewati."), indo.Int(int64(res.Skipped)))
		}
		v.leave()
		dialog.ShowInformation(L("Impor selesai"), msg, v.u.win)
	})
}

func (v *importView) leave() {
	if v.program != nil {
		v.u.openProgram(v.program.ID)
		return
	}
	v.u.dropPage("participants")
	v.u.Navigate("participants")
	v.u.show(v.u.current)
}

// saveTemplate writes the participant template workbook where the user chooses.
func (u *UI) saveTemplate() {
	u.dialogs.saveFile("templat-daftar-peserta.xlsx", func(w io.WriteCloser, path string) {
		err := importer.WriteParticipantTemplate(w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			u.showError(data.Wrap(data.KindInternal, err, L("Templat tidak dapat disimpan: %v"), err))
			return
		}
		dialog.ShowInformation(L("Templat disimpan"), fmt.Sprintf(L("Templat daftar peserta disimpan di %s. Kolom NIP sudah berformat Teks."), path), u.win)
	})
}
