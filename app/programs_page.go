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
	"github.com/pembina/pembina/data/store"
)

// programList is the Program page: every program with search as you type and filters by year, status and kind.
type programList struct {
	u        *UI
	rows     []store.ProgramRow
	filter   store.ProgramFilter
	table    *listTable
	count    *widget.Label
	search   *keyEntry
	debounce *debouncer
}

func (u *UI) programsPage() fyne.CanvasObject {
	pl := &programList{u: u, debounce: newDebouncer(u, 150*time.Millisecond)}
	pl.table = newListTable([]column{
		{title: "Kode", width: 105},
		{title: "Nama program", width: 220, grow: true},
		{title: "Angkatan", width: 85},
		{title: "Jenis", width: 140},
		{title: "Tanggal", width: 215},
		{title: "JP", width: 45, align: fyne.TextAlignTrailing},
		{title: "Peserta", width: 70, align: fyne.TextAlignTrailing},
		{title: "Status", width: 90},
	}, func() int { return len(pl.rows) }, pl.cell)
	pl.table.OnSelected = func(id widget.TableCellID) {
		pl.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(pl.rows) {
			u.openProgram(pl.rows[id.Row].ID)
		}
	}
	pl.search = newKeyEntry()
	pl.search.SetPlaceHolder(L("Cari kode, nama program, jenis, penyelenggara atau tempat…"))
	pl.search.OnChanged = func(s string) {
		pl.filter.Search = s
		pl.debounce.call(pl.load)
	}
	// Enter opens the program whose code is typed, else the first one listed, so that a program is opened by
	// keyboard alone.
	pl.search.OnSubmitted = func(typed string) {
		filter := pl.filter
		u.goBackground(func() {
			rows, err := u.store.Programs(context.Background(), filter)
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				if len(rows) == 0 {
					return
				}
				open := rows[0]
				for _, r := range rows {
					if strings.EqualFold(r.Code, strings.TrimSpace(typed)) {
						open = r
						break
					}
				}
				u.win.Canvas().Unfocus()
				u.openProgram(open.ID)
			})
		})
	}
	pl.count = widget.NewLabel("")

	years := []string{L("Semua tahun")}
	if ys, err := u.store.ProgramYears(context.Background()); err == nil {
		for _, y := range ys {
			years = append(years, strconv.Itoa(y))
		}
	}
	year := widget.NewSelect(years, func(s string) {
		pl.filter.Year, _ = strconv.Atoi(s)
		pl.reload()
	})
	year.SetSelectedIndex(0)

	statuses := []string{L("Semua status")}
	for _, s := range data.ProgramStatuses {
		statuses = append(statuses, L(s.Label()))
	}
	status := widget.NewSelect(statuses, nil)
	status.SetSelectedIndex(0)
	status.OnChanged = func(string) {
		pl.filter.Status = ""
		if i := status.SelectedIndex(); i > 0 {
			pl.filter.Status = data.ProgramStatuses[i-1]
		}
		pl.reload()
	}

	kinds := []string{L("Semua jenis")}
	for _, k := range data.ProgramKinds {
		kinds = append(kinds, k.Name)
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelectedIndex(0)
	kind.OnChanged = func(string) {
		pl.filter.Kind = ""
		if i := kind.SelectedIndex(); i > 0 {
			pl.filter.Kind = data.ProgramKinds[i-1].Name
		}
		pl.reload()
	}
	archived := widget.NewCheck(L("Tampilkan arsip"), func(b bool) {
		pl.filter.IncludeArchived = b
		pl.reload()
	})

	title := widget.NewLabelWithStyle(L("Program"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = "headingText"
	create := widget.NewButtonWithIcon(L("Program baru"), theme.ContentAddIcon(), func() { u.editProgram(nil) })
	create.Importance = widget.HighImportance
	filters := container.NewGridWithColumns(4, year, status, kind, archived)
	top := container.NewVBox(container.NewBorder(nil, nil, title, container.NewHBox(pl.count, create)), pl.search, filters)
	pl.reload()
	return withCommands(container.NewBorder(container.NewPadded(top), nil, nil, nil, pl.table),
		viewCommands{New: func() { u.editProgram(nil) }, Export: pl.exportPrograms})
}

// reload queries now (filters changed); load is what the debounced search calls.
func (pl *programList) reload() { pl.u.goBackground(pl.load) }

func (pl *programList) load() {
	rows, err := pl.u.store.Programs(context.Background(), pl.filter)
	fyne.Do(func() {
		if err != nil {
			pl.u.showError(err)
			return
		}
		pl.rows = rows
		pl.count.SetText(fmt.Sprintf(L("%s program"), indo.Int(int64(len(rows)))))
		pl.table.Refresh()
	})
}

func (pl *programList) cell(row, col int) string {
	if row >= len(pl.rows) {
		return ""
	}
	p := pl.rows[row]
	switch col {
	case 0:
		return p.Code
	case 1:
		return p.Title
	case 2:
		return indo.Roman(p.Batch)
	case 3:
		return p.Kind
	case 4:
		return uiDateRange(p.StartDate, p.EndDate)
	case 5:
		return strconv.Itoa(p.TotalJP)
	case 6:
		return indo.Int(int64(p.Participants))
	case 7:
		if p.Archived {
			return L("Arsip")
		}
		return L(p.Status.Label())
	}
	return ""
}
