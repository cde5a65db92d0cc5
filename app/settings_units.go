package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
)

// unitList is the Unit kerja tab of Pengaturan: every unit found in participants or saved, with its head, so
// that letters about a unit's people (the JP follow-up, a surat panggilan) reach the head by name.
type unitList struct {
	u     *UI
	view  fyne.CanvasObject
	table *listTable
	rows  []*data.Unit
	count *widget.Label
}

func (u *UI) unitsTab() *unitList {
	ul := &unitList{u: u, count: widget.NewLabel("")}
	ul.table = newListTable([]column{
		{title: "Unit kerja", width: 230, grow: true},
		{title: "Nama kepala", width: 200, grow: true},
		{title: "NIP", width: 185},
		{title: "Jabatan kepala", width: 220, grow: true},
		{title: "Alamat", width: 160, grow: true},
	}, func() int { return len(ul.rows) }, ul.cell)
	ul.table.OnSelected = func(id widget.TableCellID) {
		ul.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(ul.rows) {
			ul.edit(ul.rows[id.Row])
		}
	}
	add := widget.NewButtonWithIcon(L("Tambah unit kerja"), theme.ContentAddIcon(), func() { ul.edit(nil) })
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(L("Impor dari buku kerja…"), theme.UploadIcon(), ul.importFile)
	note := widget.NewLabel(L("Unit kerja diambil dari data peserta. Isi kepala unit agar nota dinas dan surat ditujukan kepadanya; tanpa data kepala surat ditujukan kepada \"Kepala <unit>\". Pilih sebuah baris untuk mengubahnya."))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, container.NewHBox(add, imp), ul.count, note)
	ul.view = container.NewBorder(container.NewPadded(top), nil, nil, nil, ul.table)
	ul.reload()
	return ul
}

func (ul *unitList) reload() {
	ul.u.goBackground(func() {
		rows, err := ul.u.store.UnitList(context.Background())
		fyne.Do(func() {
			if err != nil {
				ul.u.showError(err)
				return
			}
			ul.rows = rows
			missing := 0
			for _, r := range rows {
				if !r.HasHead() {
					missing++
				}
			}
			ul.count.SetText(fmt.Sprintf(L("%d unit, %d belum ada kepala"), len(rows), missing))
			ul.table.Refresh()
		})
	})
}

func (ul *unitList) cell(row, col int) string {
	if row >= len(ul.rows) {
		return ""
	}
	r := ul.rows[row]
	switch col {
	case 0:
		return r.Name
	case 1:
		if r.HeadName == "" {
			return "–"
		}
		return r.HeadName
	case 2:
		if r.HeadNIP == "" {
			return "–"
		}
		return nip.Format(r.HeadNIP)
	case 3:
		if r.HeadPosition == "" {
			return "–"
		}
		return r.HeadPosition
	case 4:
		return r.Address
	}
	return ""
}

// edit opens the form of a unit: a new one when r is nil.
func (ul *unitList) edit(r *data.Unit) {
	u := ul.u
	draft := data.Unit{}
	if r != nil {
		draft = *r
	}
	name := boundEntry(&draft.Name, example("SMP Negeri 1 Sukamaju"), func() {})
	head := boundEntry(&draft.HeadName, example("Drs. Ujang Suryana, M.Pd."), func() {})
	nipEntry := boundEntry(&draft.HeadNIP, example("19690309 199403 2 001"), func() {})
	if draft.HeadNIP != "" {
		nipEntry.SetText(nip.Format(draft.HeadNIP))
	}
	position := boundEntry(&draft.HeadPosition, example("Kepala SMP Negeri 1 Sukamaju"), func() {})
	address := boundEntry(&draft.Address, example("Jl. Raya Sukamaju No. 1"), func() {})
	title := L("Ubah unit kerja")
	if r == nil {
		title = L("Tambah unit kerja")
	}
	items := []*widget.FormItem{
		widget.NewFormItem(L("Unit kerja"), name),
		widget.NewFormItem(L("Nama kepala"), head),
		widget.NewFormItem(L("NIP kepala"), nipEntry),
		widget.NewFormItem(L("Jabatan kepala"), position),
		widget.NewFormItem(L("Alamat"), address),
	}
	d := dialog.NewForm(title, L("Simpan"), L("Batal"), items, func(ok bool) {
		if !ok {
			return
		}
		saved := draft
		u.goBackground(func() {
			err := u.store.SaveUnits(context.Background(), []*data.Unit{&saved})
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				ul.reload()
			})
		})
	}, u.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

// importFile reads a units workbook and saves every row, or none when a row is wrong.
func (ul *unitList) importFile() {
	u := ul.u
	u.dialogs.open([]string{".xlsx", ".csv"}, func(path string) {
		u.goBackground(func() {
			units, err := importer.ReadUnits(path)
			if err == nil {
				err = u.store.SaveUnits(context.Background(), units)
			}
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				dialog.ShowInformation(L("Unit kerja diimpor"), fmt.Sprintf(L("%d unit kerja disimpan."), len(units)), u.win)
				ul.reload()
			})
		})
	})
}
