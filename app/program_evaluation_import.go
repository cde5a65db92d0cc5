package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// importResponses imports a Google Forms export into the program: into the given attachment, or (nil) into
// the attached form whose questions match the most columns, or a new form made from the columns.
func (t *evaluationTab) importResponses(target *store.ProgramFormRow) {
	t.u.dialogs.open([]string{".csv", ".xlsx", ".CSV", ".XLSX", ".txt"}, func(path string) {
		t.u.goBackground(func() {
			rf, err := importer.ReadResponses(path)
			fyne.Do(func() {
				if err != nil {
					t.u.showError(err)
					return
				}
				t.importWindow(rf, target)
			})
		})
	})
}

// columnChoice is one entry of a column's mapping select.
type columnChoice struct {
	label    string
	role     importer.Role
	question int
	part     importer.Part
}

// responseImport is the window that shows how a file's columns map to a form's questions, lets the
// coordinator correct it, and shows what the import would do before it runs.
type responseImport struct {
	t       *evaluationTab
	rf      *importer.ResponseFile
	dlg     dialog.Dialog
	targets []store.ProgramFormRow
	forms   map[int64]*data.Form

	target    importer.Target
	cols      []importer.ResponseColumn
	choices   []columnChoice
	skip      bool
	plan      *importer.ResponsePlan
	formSel   *widget.Select
	reason    *widget.Label // which form was chosen and why
	why       string        // the reason for the form chosen first, shown until the coordinator picks another
	first     int
	speaker   *widget.Select
	mapping   *fyne.Container
	summary   *widget.Label
	problems  *widget.Label
	importBtn *widget.Button
}

func (t *evaluationTab) importWindow(rf *importer.ResponseFile, preferred *store.ProgramFormRow) {
	ctx := context.Background()
	ri := &responseImport{t: t, rf: rf, forms: map[int64]*data.Form{}}
	choice, err := importer.ChooseForm(ctx, t.u.store, t.p, rf)
	if err != nil {
		t.u.showError(err)
		return
	}
	best := -1
	for i, r := range t.rows {
		f, err := t.u.store.Form(ctx, r.FormID)
		if err != nil {
			t.u.showError(err)
			return
		}
		ri.forms[r.ID] = f
		ri.targets = append(ri.targets, r)
		switch {
		case preferred != nil && r.ID == preferred.ID:
			fit := importer.FitOf(rf, f)
			best, ri.why = i, fmt.Sprintf(L("Dipilih %q karena impor dimulai dari formulir itu: %d dari %d kolom pertanyaan berkas (%d%%) cocok."),
				r.FormTitle, fit.Matched, fit.Questions, fit.Percent())
		case preferred == nil && choice.ProgramForm != nil && r.ID == choice.ProgramForm.ID:
			best, ri.why = i, fmt.Sprintf(L("Dipilih %q: %d dari %d kolom pertanyaan berkas (%d%%) cocok dengan pertanyaannya."),
				r.FormTitle, choice.Fit.Matched, choice.Fit.Questions, choice.Fit.Percent())
		}
	}
	if best < 0 && len(ri.targets) > 0 {
		ri.why = fmt.Sprintf(L("Tidak ada formulir terlampir yang cocok (yang paling dekat hanya %d dari %d kolom pertanyaan, %d%%); formulir baru dibuat dari kolom berkas."),
			choice.Fit.Matched, choice.Fit.Questions, choice.Fit.Percent())
	} else if best < 0 {
		ri.why = L("Program belum memiliki formulir terlampir; formulir baru dibuat dari kolom berkas.")
	}
	names := make([]string, 0, len(ri.targets)+1)
	for _, r := range ri.targets {
		names = append(names, fmt.Sprintf("%s (%s)", r.FormTitle, L(data.LevelLabel(r.Level))))
	}
	names = append(names, L("Formulir baru dari kolom berkas"))
	ri.formSel = widget.NewSelect(names, nil)
	ri.reason = widget.NewLabel("")
	ri.reason.Wrapping = fyne.TextWrapWord
	newForm := widget.NewButton(L("Buat formulir baru"), func() { ri.formSel.SetSelectedIndex(len(ri.targets)) })
	ri.speaker = widget.NewSelect(nil, nil)
	ri.speaker.PlaceHolder = L("narasumber yang dinilai di seluruh berkas")
	ri.speaker.OnChanged = func(s string) { ri.target.Speaker = s; ri.replan() }
	skip := widget.NewCheck(L("Lewati baris yang salah dan impor sisanya"), func(b bool) { ri.skip = b; ri.replan() })
	ri.mapping = container.NewVBox()
	ri.summary = widget.NewLabel("")
	ri.summary.Wrapping = fyne.TextWrapWord
	ri.problems = widget.NewLabel("")
	ri.problems.Wrapping = fyne.TextWrapWord
	ri.importBtn = widget.NewButton(L("Impor"), ri.run)
	ri.importBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(L("Batal"), func() { ri.dlg.Hide() })
	ri.formSel.OnChanged = func(string) { ri.chooseForm(ri.formSel.SelectedIndex()) }

	head := widget.NewForm(
		widget.NewFormItem(L("Berkas"), widget.NewLabel(fmt.Sprintf(L("%s · %d baris jawaban, %d kolom"), rf.Name, len(rf.Rows), len(rf.Columns)))),
		widget.NewFormItem(L("Isi ke formulir"), container.NewBorder(nil, nil, nil, newForm, ri.formSel)),
		widget.NewFormItem("", ri.reason),
		widget.NewFormItem(L("Narasumber"), ri.speaker),
		widget.NewFormItem("", skip),
	)
	columns := container.NewVScroll(ri.mapping)
	columns.SetMinSize(fyne.NewSize(560, 380))
	preview := container.NewVScroll(container.NewVBox(ri.summary, ri.problems))
	preview.SetMinSize(fyne.NewSize(360, 380))
	body := container.NewBorder(head, container.NewHBox(layout.NewSpacer(), cancel, ri.importBtn), nil, nil,
		container.NewHSplit(container.NewBorder(boldLabel(L("Kolom berkas dan pertanyaan formulir")), nil, nil, nil, columns),
			container.NewBorder(boldLabel(L("Yang akan diimpor")), nil, nil, nil, preview)))
	ri.dlg = dialog.NewCustomWithoutButtons(L("Impor jawaban"), body, t.u.win)
	ri.dlg.Resize(fyne.NewSize(1060, 680))
	if best < 0 {
		best = len(ri.targets)
	}
	ri.first = best
	ri.formSel.SetSelectedIndex(best)
	ri.dlg.Show()
}

// chooseForm maps the columns to the chosen attachment's form (or infers a new form) and re-plans.
func (ri *responseImport) chooseForm(i int) {
	ctx := context.Background()
	var f *data.Form
	var pf *data.ProgramForm
	if i >= 0 && i < len(ri.targets) {
		pf = ri.targets[i].ProgramForm
		f = ri.forms[pf.ID]
	}
	target, err := importer.OpenTarget(ctx, ri.t.u.store, ri.t.p, f, pf)
	if err != nil {
		ri.t.u.showError(err)
		return
	}
	if f != nil {
		ri.cols = ri.rf.MapTo(f)
	} else {
		target.Form, ri.cols = ri.rf.Infer(importer.NewFormTitle(ri.rf))
		target.NewForm = true
	}
	switch {
	case i == ri.first:
		ri.reason.SetText(ri.why)
	case f != nil:
		fit := importer.FitOf(ri.rf, f)
		ri.reason.SetText(fmt.Sprintf(L("Pilihan Anda: %d dari %d kolom pertanyaan berkas (%d%%) cocok dengan pertanyaan formulir ini."),
			fit.Matched, fit.Questions, fit.Percent()))
	default:
		ri.reason.SetText(L("Pilihan Anda: formulir baru dibuat dari kolom berkas dan dilampirkan ke program."))
	}
	ri.target = target
	ri.speaker.Options = target.Speakers
	ri.speaker.ClearSelected()
	if target.Form.Kind == data.FormSpeaker {
		ri.speaker.Enable()
	} else {
		ri.speaker.Disable()
	}
	ri.buildChoices()
	ri.buildMapping()
	ri.replan()
}

func (ri *responseImport) buildChoices() {
	ri.choices = []columnChoice{
		{label: L("(dilewati)"), role: importer.RoleIgnore, question: -1},
		{label: L("Waktu isian"), role: importer.RoleTimestamp, question: -1},
		{label: L("Email"), role: importer.RoleEmail, question: -1},
		{label: L("Nama"), role: importer.RoleName, question: -1},
		{label: L("NIP"), role: importer.RoleNIP, question: -1},
		{label: L("Narasumber"), role: importer.RoleSpeaker, question: -1},
	}
	for i, q := range ri.target.Form.Visible() {
		text := strconv.Itoa(i+1) + ". " + q.Text
		if q.Kind == data.QuestionImportancePerf {
			ri.choices = append(ri.choices,
				columnChoice{label: L("Harapan") + " · " + text, role: importer.RoleQuestion, question: i, part: importer.PartImportance},
				columnChoice{label: L("Kenyataan") + " · " + text, role: importer.RoleQuestion, question: i, part: importer.PartPerformance})
			continue
		}
		ri.choices = append(ri.choices, columnChoice{label: text, role: importer.RoleQuestion, question: i})
	}
}

func (ri *responseImport) choiceOf(c importer.ResponseColumn) int {
	for i, ch := range ri.choices {
		if ch.role == c.Role && (c.Role != importer.RoleQuestion || (ch.question == c.Question && (ch.part == c.Part ||
			ri.target.Form.Visible()[c.Question].Kind != data.QuestionImportancePerf))) {
			return i
		}
	}
	return 0
}

// buildMapping shows a select per column: what the column is imported as.
func (ri *responseImport) buildMapping() {
	labels := make([]string, len(ri.choices))
	for i, ch := range ri.choices {
		labels[i] = ch.label
	}
	ri.mapping.Objects = nil
	for i := range ri.cols {
		col := &ri.cols[i]
		header := widget.NewLabel(col.Header)
		header.Truncation = fyne.TextTruncateEllipsis
		if col.Header == "" {
			header.SetText(fmt.Sprintf(L("(kolom %d tanpa judul)"), col.Index+1))
		}
		sel := widget.NewSelect(labels, nil)
		sel.SetSelectedIndex(ri.choiceOf(*col))
		sel.OnChanged = func(string) {
			ch := ri.choices[sel.SelectedIndex()]
			col.Role, col.Question, col.Part, col.Note = ch.role, ch.question, ch.part, ""
			if ch.role == importer.RoleIgnore {
				col.Note = L("dilewati atas pilihan Anda")
			}
			ri.replan()
		}
		ri.mapping.Add(container.NewGridWithColumns(2, header, sel))
	}
	ri.mapping.Refresh()
}

// replan works out the import again after any change and shows it; Impor stays off while there are errors.
func (ri *responseImport) replan() {
	if ri.target.Form == nil {
		return
	}
	ri.plan = ri.rf.Plan(ri.target, ri.cols, ri.skip)
	p := ri.plan
	var lines []string
	if err := p.Err(); err != nil {
		ri.importBtn.Disable()
		lines = append(lines, L("Belum dapat diimpor:"))
		for _, e := range p.Errors()[:min(len(p.Errors()), 200)] {
			lines = append(lines, "• "+e.String())
		}
		if len(p.Errors()) == 0 {
			lines = append(lines, "• "+errorText(err))
		}
	} else {
		ri.importBtn.Enable()
	}
	ri.summary.SetText(fmt.Sprintf(L("%s jawaban siap diimpor ke %q: %s cocok dengan peserta program, %s anonim."),
		indo.Int(int64(p.Responses())), ri.target.Form.Title, indo.Int(int64(p.Matched())), indo.Int(int64(p.Responses()-p.Matched()))))
	if w := p.Warnings(); len(w) > 0 {
		lines = append(lines, L("Catatan:"))
		for _, x := range w[:min(len(w), 200)] {
			lines = append(lines, "• "+x.String())
		}
	}
	lines = append(lines, importer.UnmatchedLines(p.Unmatched, p.Superseded)...)
	ri.problems.SetText(strings.Join(lines, "\n"))
}

// run applies the plan behind a progress bar and reports what it did.
func (ri *responseImport) run() {
	plan := ri.plan
	if plan == nil || plan.Err() != nil {
		return
	}
	ri.dlg.Hide()
	u := ri.t.u
	var res *importer.ResponseResult
	u.runTask(L("Mengimpor jawaban"), func(ctx context.Context, progress Progress) error {
		var err error
		res, err = plan.Apply(ctx, u.store, progress)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		text := widget.NewLabel(strings.Join(res.Lines(ri.t.p.Code), "\n"))
		text.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom(L("Impor selesai"), L("Tutup"), container.NewVScroll(text), u.win)
		d.Resize(fyne.NewSize(720, 420))
		d.Show()
		ri.t.selected = res.ProgramForm.ID
		ri.t.reload()
	})
}

// printForm writes the printable version of an attachment to a PDF the coordinator chooses.
func (t *evaluationTab) printForm(r store.ProgramFormRow) {
	t.u.dialogs.savePath(report.FileName(r.FormTitle, t.p.Code, t.u.now(), ".pdf"), func(path string) {
		if filepath.Ext(path) == "" {
			path += ".pdf"
		}
		t.u.goBackground(func() {
			err := t.writePaperForm(r, path)
			fyne.Do(func() {
				if err != nil {
					t.u.showError(err)
					return
				}
				t.u.showSaved(L("Formulir tersimpan"), path, L("Formulir siap dicetak dan diperbanyak."))
			})
		})
	})
}

func (t *evaluationTab) writePaperForm(r store.ProgramFormRow, path string) error {
	ctx := context.Background()
	in, err := t.u.store.Institution(ctx)
	if err != nil {
		return err
	}
	f, err := t.u.store.Form(ctx, r.FormID)
	if err != nil {
		return err
	}
	sessions, err := t.u.store.Sessions(ctx, t.p.ID)
	if err != nil {
		return err
	}
	return report.SavePaperForm(path, report.PaperForm{Institution: in, Program: t.p, Attachment: r.ProgramForm, Form: f,
		Sessions: sessions})
}
