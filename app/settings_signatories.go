package app

import (
	"context"
	"fmt"
	"strings"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
)

// signatoryList is the Penandatangan tab: the officials who sign documents, the default one marked.
type signatoryList struct {
	u         *UI
	view      fyne.CanvasObject
	table     *listTable
	rows      []*data.Signatory
	defaultID int64
}

func (u *UI) signatoriesTab() *signatoryList {
	sl := &signatoryList{u: u}
	sl.table = newListTable([]column{
		{title: "Nama", width: 230, grow: true},
		{title: "NIP", width: 185},
		{title: "Jabatan", width: 200, grow: true},
		{title: "Keterangan", width: 120},
		{title: "Status", width: 110},
	}, func() int { return len(sl.rows) }, sl.cell)
	sl.table.OnSelected = func(id widget.TableCellID) {
		sl.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(sl.rows) {
			sl.edit(sl.rows[id.Row])
		}
	}
	add := widget.NewButtonWithIcon(L("Tambah penandatangan"), theme.ContentAddIcon(), func() { sl.edit(nil) })
	add.Importance = widget.HighImportance
	note := widget.NewLabel(L("Penandatangan bawaan menandatangani dokumen program yang tidak memilih penandatangan sendiri. Pilih sebuah baris untuk mengubahnya."))
	note.Wrapping = fyne.TextWrapWord
	sl.view = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, add, nil, note)), nil, nil, nil, sl.table)
	sl.reload()
	return sl
}

func (sl *signatoryList) reload() {
	sl.u.goBackground(func() {
		ctx := context.Background()
		rows, err := sl.u.store.Signatories(ctx)
		var in *data.Institution
		if err == nil {
			in, err = sl.u.store.Institution(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				sl.u.showError(err)
				return
			}
			sl.rows, sl.defaultID = rows, in.DefaultSignatoryID
			sl.table.Refresh()
		})
	})
}

func (sl *signatoryList) cell(row, col int) string {
	if row >= len(sl.rows) {
		return ""
	}
	g := sl.rows[row]
	switch col {
	case 0:
		return g.FullName()
	case 1:
		if g.NIP == "" {
			return "–"
		}
		return nip.Format(g.NIP)
	case 2:
		return g.Position
	case 3:
		return g.Delegation
	case 4:
		switch {
		case g.ID == sl.defaultID:
			return L("Bawaan")
		case g.Active:
			return L("Aktif")
		}
		return L("Tidak aktif")
	}
	return ""
}

// delegationLabels are the choices for data.Delegations, in order.
func delegationLabels() []string {
	return []string{"–", L("Plt. (pelaksana tugas)"), L("Plh. (pelaksana harian)"), L("a.n. (atas nama)")}
}

// edit opens the signatory form: a new signatory when g is nil.
func (sl *signatoryList) edit(g *data.Signatory) {
	u := sl.u
	isNew := g == nil
	if isNew {
		g = &data.Signatory{Active: true}
	}
	draft := *g
	front := boundEntry(&draft.FrontTitle, example("Dr. H."), func() {})
	name := boundEntry(&draft.Name, example("Asep Saepudin"), func() {})
	back := boundEntry(&draft.BackTitle, example("M.Pd."), func() {})
	nipEntry := boundEntry(&draft.NIP, example("19720315 199803 1 004"), func() {})
	if draft.NIP != "" {
		nipEntry.SetText(nip.Format(draft.NIP))
	}
	ranks := rank.All()
	rankLabels := []string{"–"}
	for _, r := range ranks {
		rankLabels = append(rankLabels, r.Label())
	}
	rankSelect := widget.NewSelect(rankLabels, nil)
	rankSelect.SetSelectedIndex(0)
	for i, r := range ranks {
		if r.Code == draft.RankCode {
			rankSelect.SetSelectedIndex(i + 1)
		}
	}
	position := boundEntry(&draft.Position, example(L("Kepala Dinas Pendidikan")), func() {})
	onBehalf := boundEntry(&draft.OnBehalfOf, example(L("Kepala Dinas Pendidikan")), func() {})
	delegation := widget.NewSelect(delegationLabels(), nil)
	for i, d := range data.Delegations {
		if d == draft.Delegation {
			delegation.SetSelectedIndex(i)
		}
	}
	preview := newPaperText()
	updatePreview := func() {
		p := draft
		if rankSelect.SelectedIndex() > 0 {
			p.RankCode = ranks[rankSelect.SelectedIndex()-1].Code
		}
		lines := p.PositionLines()
		lines = append(lines, "", "", strings.TrimSpace(p.FullName()))
		nameLine := len(lines) - 1
		if r, ok := rank.ByCode(p.RankCode); ok && !r.PPPK {
			lines = append(lines, r.Name)
		}
		if digits := nip.Clean(p.NIP); digits != "" {
			lines = append(lines, "NIP. "+nip.Format(digits))
		}
		preview.set(lines, nameLine)
	}
	delegation.OnChanged = func(string) {
		draft.Delegation = data.Delegations[delegation.SelectedIndex()]
		if draft.Delegation == "a.n." {
			onBehalf.Enable()
		} else {
			onBehalf.Disable()
		}
		updatePreview()
	}
	if delegation.SelectedIndex() < 0 {
		delegation.SetSelectedIndex(0)
	}
	delegation.OnChanged("")
	for _, e := range []*keyEntry{front, name, back, nipEntry, position, onBehalf} {
		e.OnChanged = chain(e.OnChanged, updatePreview)
	}
	rankSelect.OnChanged = func(string) { updatePreview() }
	signature := newImagePicker(u, L("Pilih gambar tanda tangan"), L("Tanpa gambar: dokumen dicetak dengan ruang tanda tangan basah atau kotak untuk tanda tangan elektronik."),
		fyne.NewSize(160, 64), draft.Signature, func(b []byte) { draft.Signature = b })
	active := widget.NewCheck(L("Aktif (dapat dipilih untuk program)"), func(b bool) { draft.Active = b })
	active.SetChecked(draft.Active)
	isDefault := widget.NewCheck(L("Penandatangan bawaan"), nil)
	isDefault.SetChecked(!isNew && g.ID == sl.defaultID || isNew && len(sl.rows) == 0)
	updatePreview()

	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	form := widget.NewForm(
		widget.NewFormItem(L("Gelar depan"), front),
		widget.NewFormItem(L("Nama"), name),
		widget.NewFormItem(L("Gelar belakang"), back),
		widget.NewFormItem("NIP", nipEntry),
		widget.NewFormItem(L("Pangkat/Golongan"), rankSelect),
		widget.NewFormItem(L("Jabatan"), position),
		widget.NewFormItem(L("Status penandatangan"), delegation),
		widget.NewFormItem(L("Atas nama"), onBehalf),
		widget.NewFormItem(L("Tanda tangan"), signature.view),
		widget.NewFormItem("", container.NewVBox(active, isDefault)),
	)
	previewBox := container.NewVBox(widget.NewLabelWithStyle(L("Di bawah dokumen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWrap(fyne.NewSize(280, 220), preview.view))
	title := L("Penandatangan baru")
	if !isNew {
		title = L("Ubah penandatangan")
	}
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon(L("Simpan"), theme.DocumentSaveIcon(), func() {
		if rankSelect.SelectedIndex() > 0 {
			draft.RankCode = ranks[rankSelect.SelectedIndex()-1].Code
		} else {
			draft.RankCode = ""
		}
		err := sl.save(&draft, isNew, isDefault.Checked)
		if err != nil {
			problem.SetText(errorText(err))
			problem.Show()
			return
		}
		d.Hide()
		sl.reload()
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(L("Batal"), theme.CancelIcon(), func() { d.Hide() })
	buttons := []fyne.CanvasObject{layout.NewSpacer(), cancel, save}
	if !isNew {
		remove := widget.NewButtonWithIcon(L("Hapus"), theme.DeleteIcon(), func() {
			sl.confirmDelete(g, func() { d.Hide() })
		})
		remove.Importance = widget.DangerImportance
		buttons = append([]fyne.CanvasObject{remove}, buttons...)
	}
	content := container.NewBorder(nil, container.NewVBox(problem, container.NewHBox(buttons...)), nil,
		container.NewPadded(previewBox), container.NewVScroll(form))
	d = dialog.NewCustomWithoutButtons(title, content, u.win)
	d.Resize(fyne.NewSize(980, 620))
	d.Show()
	u.win.Canvas().Focus(name)
}

// save stores the signatory and, when asked, makes it the default (or stops it being the default).
func (sl *signatoryList) save(g *data.Signatory, isNew, makeDefault bool) error {
	ctx := context.Background()
	if makeDefault && !g.Active {
		return data.Errorf(data.KindInvalid, "%s", L("Penandatangan bawaan harus aktif; centang Aktif atau pilih penandatangan bawaan lain"))
	}
	var err error
	if isNew {
		err = sl.u.store.CreateSignatory(ctx, g)
	} else {
		err = sl.u.store.UpdateSignatory(ctx, g)
	}
	if err != nil {
		return err
	}
	wasDefault := g.ID == sl.defaultID
	if makeDefault == wasDefault {
		return nil
	}
	return sl.u.saveInstitution(func(in *data.Institution) error {
		in.DefaultSignatoryID = 0
		if makeDefault {
			in.DefaultSignatoryID = g.ID
		}
		return nil
	})
}

func (sl *signatoryList) confirmDelete(g *data.Signatory, deleted func()) {
	msg := fmt.Sprintf(L("Hapus %s dari daftar penandatangan? Program yang memilihnya akan memakai penandatangan bawaan. Dokumen yang sudah dicetak tidak berubah."), g.FullName())
	showDangerConfirm(L("Hapus penandatangan?"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := sl.u.store.DeleteSignatory(context.Background(), g.ID); err != nil {
			sl.u.showError(err)
			return
		}
		deleted()
		sl.reload()
	}, sl.u.win)
}

// chain runs a, when set, then b.
func chain(a func(string), b func()) func(string) {
	return func(s string) {
		if a != nil {
			a(s)
		}
		b()
	}
}

// paperText shows lines as printed: black, centred, on white paper, whatever the theme.
type paperText struct {
	view  fyne.CanvasObject
	lines *fyne.Container
}

func newPaperText() *paperText {
	p := &paperText{lines: container.NewVBox()}
	p.view = container.NewStack(canvas.NewRectangle(color.White), container.NewPadded(container.NewCenter(p.lines)))
	return p
}

// set shows lines, the one at index bold in bold (the signer's name).
func (p *paperText) set(lines []string, bold int) {
	p.lines.Objects = nil
	for i, l := range lines {
		t := canvas.NewText(l, color.Black)
		t.Alignment = fyne.TextAlignCenter
		t.TextSize = 12
		t.TextStyle.Bold = i == bold
		p.lines.Add(t)
	}
	p.lines.Refresh()
}
