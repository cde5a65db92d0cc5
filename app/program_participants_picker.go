package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// pickParticipants lets the user tick any number of people in the participant list (searchable, paged, so
// 100,000 stay smooth) and enrols them in p with the role at roleIndex; done runs after.
func (u *UI) pickParticipants(p *data.Program, roleIndex int, done func()) {
	enrolled, err := u.store.EnrolledParticipants(context.Background(), p.ID)
	if err != nil {
		u.showError(err)
		return
	}
	picked := map[int64]bool{}
	var order []int64
	chosen := widget.NewLabel("")
	var enrol *widget.Button
	var table *listTable
	count := widget.NewLabel("")
	update := func() {
		chosen.SetText(fmt.Sprintf(L("%s dipilih"), indo.Int(int64(len(order)))))
		if len(order) == 0 {
			enrol.Disable()
		} else {
			enrol.Enable()
		}
	}
	pager := newParticipantPager(u, func(total int, fresh bool) {
		count.SetText(fmt.Sprintf(L("%s peserta"), indo.Int(int64(total))))
		if fresh {
			table.ScrollToTop()
		}
		table.Refresh()
	})
	cols := append([]column{{title: "✓", width: 36, align: fyne.TextAlignCenter}}, participantColumns...)
	table = newListTable(cols, pager.count, func(row, col int) string {
		r, ok := pager.row(row)
		switch {
		case !ok && col == 2:
			return L("memuat…")
		case !ok:
			return ""
		case col == 0 && enrolled[r.ID]:
			return "•"
		case col == 0 && picked[r.ID]:
			return "✓"
		case col == 0:
			return ""
		}
		return participantCell(r, col-1)
	})
	table.style = func(row, col int) widget.Importance {
		if r, ok := pager.row(row); ok && enrolled[r.ID] {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	table.OnSelected = func(id widget.TableCellID) {
		table.UnselectAll()
		r, ok := pager.row(id.Row)
		if !ok || enrolled[r.ID] {
			return
		}
		if picked[r.ID] {
			delete(picked, r.ID)
			for i, x := range order {
				if x == r.ID {
					order = append(order[:i], order[i+1:]...)
					break
				}
			}
		} else {
			picked[r.ID] = true
			order = append(order, r.ID)
		}
		table.Refresh()
		update()
	}
	search := pager.searchEntry()
	note := widget.NewLabel(L("Klik baris untuk memilih atau membatalkan pilihan. Tanda • : sudah terdaftar di program ini."))
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	cancel := widget.NewButton(L("Batal"), func() { d.Hide() })
	enrol = widget.NewButton(L("Daftarkan yang dipilih"), func() {
		role := data.EnrolmentRoles[max(0, roleIndex)]
		ids := append([]int64(nil), order...)
		enrol.Disable()
		u.goBackground(func() {
			_, _, err := u.store.EnrolMany(context.Background(), p.ID, ids, role)
			again := ""
			if err == nil && role == data.RoleParticipant {
				again = u.sameCourseNote(p, ids)
			}
			fyne.Do(func() {
				if err != nil {
					enrol.Enable()
					u.showError(err)
					return
				}
				d.Hide()
				done()
				if again != "" {
					dialog.ShowInformation(L("Kursus yang sama"), again, u.win)
				}
			})
		})
	})
	enrol.Importance = widget.HighImportance
	top := container.NewVBox(search, note)
	bottom := container.NewHBox(count, chosen, layout.NewSpacer(), cancel, enrol)
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf(L("Pilih peserta untuk %s"), p.Code), container.NewBorder(top, bottom, nil, nil, table), u.win)
	d.Resize(fyne.NewSize(1120, 640))
	update()
	d.Show()
	u.goBackground(pager.load)
	u.win.Canvas().Focus(search)
}
