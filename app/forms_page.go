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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// formList is the Formulir page: every survey and test template, built-in ones first. Selecting one opens
// the editor.
type formList struct {
	u     *UI
	rows  []store.FormRow
	table *listTable
	count *widget.Label
}

// formsPage is Formulir: the survey and test templates.
func (u *UI) formsPage() fyne.CanvasObject {
	fl := &formList{u: u, count: widget.NewLabel("")}
	fl.table = newListTable([]column{
		{title: "Judul", width: 330, grow: true},
		{title: "Jenis", width: 190},
		{title: "Skala", width: 64},
		{title: "Pertanyaan", width: 104, align: fyne.TextAlignTrailing},
		{title: "Dipakai", width: 78, align: fyne.TextAlignTrailing},
		{title: "Jawaban", width: 82, align: fyne.TextAlignTrailing},
		{title: "Asal", width: 90},
	}, func() int { return len(fl.rows) }, fl.cell)
	fl.table.OnSelected = func(id widget.TableCellID) {
		fl.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(fl.rows) {
			u.openFormEditor(fl.rows[id.Row].ID)
		}
	}
	heading := widget.NewLabelWithStyle(L("Formulir"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	create := widget.NewButtonWithIcon(L("Formulir baru"), theme.ContentAddIcon(), u.newFormDialog)
	create.Importance = widget.HighImportance
	intro := widget.NewLabel(L("Templat evaluasi dan tes. Pilih formulir untuk mengubah bagian dan pertanyaannya; lampirkan ke program di tab Evaluasi program."))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, heading, container.NewHBox(container.NewCenter(fl.count), create)), intro)
	u.goBackground(fl.load)
	return withCommands(container.NewBorder(container.NewPadded(top), nil, nil, nil, fl.table),
		viewCommands{New: u.newFormDialog, Print: fl.printBlank})
}

// printBlank is Cetak (Ctrl+P) on the Formulir page: the coordinator picks a form and gets its blank paper
// version, to copy for a training that runs without a laptop.
func (fl *formList) printBlank() {
	if len(fl.rows) == 0 {
		dialog.ShowInformation(L("Cetak"), L("Belum ada formulir. Buat formulir dulu (Baru, Ctrl+N)."), fl.u.win)
		return
	}
	titles := make([]string, len(fl.rows))
	for i, r := range fl.rows {
		titles[i] = r.Title
	}
	choice := widget.NewSelect(titles, nil)
	choice.SetSelectedIndex(0)
	note := widget.NewLabel(L("Formulir kosong dicetak tanpa nama program: responden menulisnya di baris Nama pelatihan. Formulir yang dilampirkan ke program dicetak dari tab Evaluasi program itu, lengkap dengan nama program dan narasumbernya."))
	note.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(L("Formulir")), nil, choice), note)
	d := dialog.NewCustomConfirm(L("Cetak formulir kosong"), L("Simpan PDF…"), L("Batal"), body, func(ok bool) {
		if ok && choice.SelectedIndex() >= 0 {
			fl.u.printBlankForm(fl.rows[choice.SelectedIndex()].ID, titles[choice.SelectedIndex()])
		}
	}, fl.u.win)
	d.Resize(fyne.NewSize(560, 280))
	d.Show()
}

// printBlankForm saves the blank paper version of a form as a PDF where the coordinator chooses.
func (u *UI) printBlankForm(formID int64, title string) {
	u.dialogs.savePath(report.FileName(title, "", u.now(), ".pdf"), func(path string) {
		if path == "" {
			return
		}
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		u.goBackground(func() {
			err := u.writeBlankForm(formID, path)
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				u.showSaved(L("Formulir tersimpan"), path, L("Formulir siap dicetak dan diperbanyak."))
			})
		})
	})
}

func (u *UI) writeBlankForm(formID int64, path string) error {
	ctx := context.Background()
	in, err := u.store.Institution(ctx)
	if err != nil {
		return err
	}
	f, err := u.store.Form(ctx, formID)
	if err != nil {
		return err
	}
	return report.SavePaperForm(path, report.PaperForm{Institution: in, Form: f})
}

func (fl *formList) load() {
	rows, err := fl.u.store.Forms(context.Background())
	fyne.Do(func() {
		if err != nil {
			fl.u.showError(err)
			return
		}
		fl.rows = rows
		fl.count.SetText(fmt.Sprintf(L("%s formulir"), indo.Int(int64(len(rows)))))
		fl.table.Refresh()
	})
}

func (fl *formList) cell(row, col int) string {
	if row >= len(fl.rows) {
		return ""
	}
	f := fl.rows[row]
	switch col {
	case 0:
		return f.Title
	case 1:
		return L(f.Kind.Label())
	case 2:
		return f.Scale.Label()
	case 3:
		return strconv.Itoa(f.Questions)
	case 4:
		return indo.Int(int64(f.Programs))
	case 5:
		return indo.Int(int64(f.Responses))
	case 6:
		if data.IsSampleTest(f.Builtin) {
			return L("Data contoh")
		}
		if f.Builtin != "" {
			return L("Bawaan")
		}
		return L("Buatan sendiri")
	}
	return ""
}

// kindNames are the form kinds as the window offers them.
func kindNames() []string {
	out := make([]string, len(data.FormKinds))
	for i, k := range data.FormKinds {
		out[i] = L(k.Label())
	}
	return out
}

// scaleNames are the three scales as the window offers them.
func scaleNames() []string {
	return []string{data.Scale4.Label(), data.Scale5.Label(), data.Scale100.Label()}
}

var scaleList = []data.Scale{data.Scale4, data.Scale5, data.Scale100}

// newFormDialog asks for a new form's title, kind and scale, stores it with one empty section and opens it.
func (u *UI) newFormDialog() {
	title := newKeyEntry()
	title.SetPlaceHolder(L("misalnya Evaluasi Bimtek Kurikulum"))
	kind := widget.NewSelect(kindNames(), nil)
	kind.SetSelectedIndex(len(data.FormKinds) - 1)
	scale := widget.NewSelect(scaleNames(), nil)
	scale.SetSelectedIndex(0)
	title.Validator = func(s string) error {
		if len([]rune(s)) == 0 {
			return fmt.Errorf("%s", L("wajib diisi"))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(L("Judul formulir"), title),
		widget.NewFormItem(L("Jenis"), kind),
		widget.NewFormItem(L("Skala"), scale),
	}
	d := dialog.NewForm(L("Formulir baru"), L("Buat"), L("Batal"), items, func(ok bool) {
		if !ok {
			return
		}
		f := &data.Form{Title: title.Text, Kind: data.FormKinds[kind.SelectedIndex()], Scale: scaleList[scale.SelectedIndex()],
			Sections: []*data.Section{{}}}
		if err := u.store.CreateForm(context.Background(), f); err != nil {
			u.showError(err)
			return
		}
		u.openFormEditor(f.ID)
	}, u.win)
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
	u.win.Canvas().Focus(title)
}
