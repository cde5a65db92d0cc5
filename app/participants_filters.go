package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
)

// participantFilters is the row of filters above the participant list: this year's JP (none, below target,
// reached), unit kerja, employment status and service status. The JP filters are computed with the leadership
// workbook's own functions (overview.Load, followup.JPSet) off the UI goroutine; the others are answered by
// the store's in-memory index. Ctrl+E exports what the filters show.
type participantFilters struct {
	u       *UI
	pp      *participantPager
	jp      *widget.Select
	unit    *widget.Select
	status  *widget.Select
	service *widget.Select
	note    *widget.Label
	view    fyne.CanvasObject
	jpGen   int
}

func newParticipantFilters(u *UI, pp *participantPager) *participantFilters {
	pf := &participantFilters{u: u, pp: pp, note: widget.NewLabel("")}
	pf.note.Importance = widget.LowImportance
	var jpLabels []string
	for _, f := range followup.JPFilters {
		jpLabels = append(jpLabels, L(f.Label())+" "+strconv.Itoa(u.now.today().Year()))
	}
	jpLabels[0] = L("Semua JP")
	pf.jp = widget.NewSelect(jpLabels, func(string) { pf.setJP(followup.JPFilters[max(0, pf.jp.SelectedIndex())]) })
	pf.unit = widget.NewSelect([]string{L("Semua unit kerja")}, func(string) {
		pf.set(func(f *participantFilterFields) {
			f.unit = ""
			if pf.unit.SelectedIndex() > 0 {
				f.unit = pf.unit.Selected
			}
		})
	})
	pf.status = widget.NewSelect(append([]string{L("Semua status kepegawaian")}, data.EmploymentStatuses...), func(string) {
		pf.set(func(f *participantFilterFields) {
			f.employment = ""
			if pf.status.SelectedIndex() > 0 {
				f.employment = pf.status.Selected
			}
		})
	})
	services := []string{L("Semua status dinas")}
	for _, s := range data.ServiceStatuses {
		services = append(services, L(s.Label()))
	}
	pf.service = widget.NewSelect(services, func(string) {
		pf.set(func(f *participantFilterFields) {
			f.service = ""
			if i := pf.service.SelectedIndex(); i > 0 {
				f.service = data.ServiceStatuses[i-1]
			}
		})
	})
	for _, s := range []*widget.Select{pf.jp, pf.unit, pf.status, pf.service} {
		s.SetSelectedIndex(0)
	}
	u.goBackground(func() {
		units, err := u.store.Units(context.Background())
		fyne.Do(func() {
			if err == nil {
				pf.unit.SetOptions(append([]string{L("Semua unit kerja")}, units...))
			}
		})
	})
	pf.view = container.NewBorder(nil, nil, nil, pf.note, container.NewGridWithColumns(4, pf.jp, pf.unit, pf.status, pf.service))
	return pf
}

// participantFilterFields are the filter's fields the selects change.
type participantFilterFields struct {
	unit, employment string
	service          data.ServiceStatus
}

// set changes the filter's plain fields and searches again.
func (pf *participantFilters) set(change func(*participantFilterFields)) {
	pp := pf.pp
	pp.mu.Lock()
	f := participantFilterFields{unit: pp.filter.Unit, employment: pp.filter.Employment, service: pp.filter.Service}
	change(&f)
	pp.filter.Unit, pp.filter.Employment, pp.filter.Service = f.unit, f.employment, f.service
	pp.mu.Unlock()
	pf.u.goBackground(pp.load)
}

// setJP computes the people this year's JP filter keeps, then searches again.
func (pf *participantFilters) setJP(f followup.JPFilter) {
	pf.jpGen++
	gen := pf.jpGen
	if f == followup.JPAny {
		pf.note.SetText("")
		pf.pp.mu.Lock()
		pf.pp.filter.Only = nil
		pf.pp.mu.Unlock()
		pf.u.goBackground(pf.pp.load)
		return
	}
	pf.note.SetText(L("menghitung JP…"))
	pf.u.goBackground(func() {
		o, err := overview.Load(context.Background(), pf.u.store, overview.Year(pf.u.now.today().Year()), pf.u.now.today(), nil)
		fyne.Do(func() {
			if gen != pf.jpGen {
				return // another choice came meanwhile
			}
			if err != nil {
				pf.note.SetText("")
				pf.u.showError(err)
				return
			}
			set := followup.JPSet(o, f)
			pf.note.SetText(fmt.Sprintf(L("%s pegawai ASN aktif"), indo.Int(int64(len(set.IDs)))))
			pf.pp.mu.Lock()
			pf.pp.filter.Only = set
			pf.pp.mu.Unlock()
			pf.u.goBackground(pf.pp.load)
		})
	})
}

// show selects a JP filter, as the dashboard's links do.
func (pf *participantFilters) show(f followup.JPFilter) {
	for i, x := range followup.JPFilters {
		if x == f {
			pf.jp.SetSelectedIndex(i)
		}
	}
}

// openParticipantsJP shows the Peserta page filtered by this year's JP.
func (u *UI) openParticipantsJP(f followup.JPFilter) {
	u.Navigate("participants")
	if u.participantsJP != nil {
		u.participantsJP(f)
	}
}
