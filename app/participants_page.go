package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// participantPageSize is how many rows the participant list fetches at a time.
const participantPageSize = 200

// participantList is the Peserta page: a virtual table over every participant (100,000 stay smooth) that
// fetches only the pages it shows, with search as you type by name, NIP or unit.
type participantList struct {
	u        *UI
	table    *listTable
	count    *widget.Label
	search   *widget.Entry
	debounce *debouncer

	mu      sync.Mutex
	filter  store.ParticipantFilter
	total   int
	pages   map[int][]store.ParticipantRow // page number → rows
	loading map[int]bool
	gen     int // bumped by every new search; late pages of an old search are dropped
}

func (u *UI) participantsPage() fyne.CanvasObject {
	pl := &participantList{u: u, debounce: newDebouncer(u, 150*time.Millisecond), pages: map[int][]store.ParticipantRow{},
		loading: map[int]bool{}}
	pl.table = newListTable([]column{
		{title: "NIP", width: 185},
		{title: "Nama", width: 220, grow: true},
		{title: "Status", width: 70},
		{title: "Gol.", width: 60},
		{title: "Jabatan", width: 190, grow: true},
		{title: "Unit kerja", width: 190, grow: true},
	}, pl.rowCount, pl.cell)
	pl.table.OnSelected = func(id widget.TableCellID) {
		pl.table.UnselectAll()
		if r, ok := pl.row(id.Row); ok {
			u.openParticipant(r.ID)
		}
	}
	pl.search = widget.NewEntry()
	pl.search.SetPlaceHolder(L("Cari nama, NIP, jabatan atau unit kerja…"))
	pl.search.OnChanged = func(s string) {
		pl.mu.Lock()
		pl.filter.Search = s
		pl.mu.Unlock()
		pl.debounce.call(pl.load)
	}
	pl.count = widget.NewLabel("")
	heading := widget.NewLabelWithStyle(L("Peserta"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = "headingText"
	top := container.NewVBox(container.NewBorder(nil, nil, heading, pl.count), pl.search)
	u.goBackground(pl.load)
	u.goBackground(func() { u.store.PrepareSearch(context.Background()) })
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, pl.table)
}

// load counts the matches of the current search and fetches its first page.
func (pl *participantList) load() {
	pl.mu.Lock()
	pl.gen++
	gen, filter := pl.gen, pl.filter
	pl.mu.Unlock()
	ctx := context.Background()
	total, err := pl.u.store.CountParticipants(ctx, filter)
	var first []store.ParticipantRow
	if err == nil {
		first, err = pl.u.store.ListParticipants(ctx, filter, 0, participantPageSize)
	}
	fyne.Do(func() {
		if err != nil {
			pl.u.showError(err)
			return
		}
		pl.mu.Lock()
		if gen != pl.gen {
			pl.mu.Unlock()
			return
		}
		pl.total = total
		pl.pages = map[int][]store.ParticipantRow{0: first}
		pl.loading = map[int]bool{}
		pl.mu.Unlock()
		pl.count.SetText(fmt.Sprintf(L("%s peserta"), indo.Int(int64(total))))
		pl.table.ScrollToTop()
		pl.table.Refresh()
	})
}

func (pl *participantList) rowCount() int {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	return pl.total
}

// row returns a row when its page is loaded; otherwise it starts loading the page and reports false, and the
// table refreshes when the page arrives.
func (pl *participantList) row(i int) (store.ParticipantRow, bool) {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	n := i / participantPageSize
	if rows, ok := pl.pages[n]; ok {
		if k := i % participantPageSize; k < len(rows) {
			return rows[k], true
		}
		return store.ParticipantRow{}, false
	}
	if !pl.loading[n] {
		pl.loading[n] = true
		gen, filter := pl.gen, pl.filter
		pl.u.goBackground(func() { pl.fetch(n, gen, filter) })
	}
	return store.ParticipantRow{}, false
}

func (pl *participantList) fetch(n, gen int, filter store.ParticipantFilter) {
	rows, err := pl.u.store.ListParticipants(context.Background(), filter, n*participantPageSize, participantPageSize)
	fyne.Do(func() {
		pl.mu.Lock()
		if gen != pl.gen {
			pl.mu.Unlock()
			return
		}
		delete(pl.loading, n)
		if err == nil {
			pl.pages[n] = rows
		}
		pl.mu.Unlock()
		if err != nil {
			pl.u.showError(err)
			return
		}
		pl.table.Refresh()
	})
}

func (pl *participantList) cell(row, col int) string {
	r, ok := pl.row(row)
	if !ok {
		if col == 1 {
			return L("memuat…")
		}
		return ""
	}
	switch col {
	case 0:
		if r.NIP == "" {
			return "–"
		}
		return nip.Format(r.NIP)
	case 1:
		return r.Name
	case 2:
		return r.EmploymentStatus
	case 3:
		return r.RankCode
	case 4:
		return r.Position
	case 5:
		return r.Unit
	}
	return ""
}
