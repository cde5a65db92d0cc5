package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// participantPageSize is how many rows the participant list fetches at a time.
const participantPageSize = 200

// participantPager serves a virtual table over every participant matching a search (100,000 stay smooth): it
// counts the matches, then fetches only the pages of 200 rows the table asks for, off the UI goroutine.
type participantPager struct {
	u       *UI
	changed func(total int, fresh bool) // on the UI goroutine: a search or a page arrived

	mu      sync.Mutex
	filter  store.ParticipantFilter
	total   int
	pages   map[int][]store.ParticipantRow // page number → rows
	loading map[int]bool
	gen     int // bumped by every new search; late pages of an old search are dropped
}

func newParticipantPager(u *UI, changed func(total int, fresh bool)) *participantPager {
	return &participantPager{u: u, changed: changed, pages: map[int][]store.ParticipantRow{}, loading: map[int]bool{}}
}

// searchEntry is the search box of the list: each pause in typing searches again.
func (pp *participantPager) searchEntry() *keyEntry {
	debounce := newDebouncer(pp.u, 150*time.Millisecond)
	search := newKeyEntry()
	search.SetPlaceHolder(L("Cari nama, NIP, jabatan atau unit kerja…"))
	search.OnChanged = func(s string) {
		pp.mu.Lock()
		pp.filter.Search = s
		pp.mu.Unlock()
		debounce.call(pp.load)
	}
	return search
}

// load counts the matches of the current search and fetches its first page.
func (pp *participantPager) load() {
	pp.mu.Lock()
	pp.gen++
	gen, filter := pp.gen, pp.filter
	pp.mu.Unlock()
	ctx := context.Background()
	total, err := pp.u.store.CountParticipants(ctx, filter)
	var first []store.ParticipantRow
	if err == nil {
		first, err = pp.u.store.ListParticipants(ctx, filter, 0, participantPageSize)
	}
	fyne.Do(func() {
		if err != nil {
			pp.u.showError(err)
			return
		}
		pp.mu.Lock()
		if gen != pp.gen {
			pp.mu.Unlock()
			return
		}
		pp.total = total
		pp.pages = map[int][]store.ParticipantRow{0: first}
		pp.loading = map[int]bool{}
		pp.mu.Unlock()
		pp.changed(total, true)
	})
}

func (pp *participantPager) count() int {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	return pp.total
}

// row returns a row when its page is loaded; otherwise it starts loading the page and reports false, and
// changed runs when the page arrives.
func (pp *participantPager) row(i int) (store.ParticipantRow, bool) {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	n := i / participantPageSize
	if rows, ok := pp.pages[n]; ok {
		if k := i % participantPageSize; k < len(rows) {
			return rows[k], true
		}
		return store.ParticipantRow{}, false
	}
	if !pp.loading[n] {
		pp.loading[n] = true
		gen, filter := pp.gen, pp.filter
		pp.u.goBackground(func() { pp.fetch(n, gen, filter) })
	}
	return store.ParticipantRow{}, false
}

func (pp *participantPager) fetch(n, gen int, filter store.ParticipantFilter) {
	rows, err := pp.u.store.ListParticipants(context.Background(), filter, n*participantPageSize, participantPageSize)
	fyne.Do(func() {
		pp.mu.Lock()
		if gen != pp.gen {
			pp.mu.Unlock()
			return
		}
		delete(pp.loading, n)
		if err == nil {
			pp.pages[n] = rows
		}
		total := pp.total
		pp.mu.Unlock()
		if err != nil {
			pp.u.showError(err)
			return
		}
		pp.changed(total, false)
	})
}

// participantCell is the text of a participant list's column: NIP, name, status, rank, position, unit.
func participantCell(r store.ParticipantRow, col int) string {
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

var participantColumns = []column{
	{title: "NIP", width: 185},
	{title: "Nama", width: 220, grow: true},
	{title: "Status", width: 70},
	{title: "Gol.", width: 60},
	{title: "Jabatan", width: 190, grow: true},
	{title: "Unit kerja", width: 190, grow: true},
}

// participantsPage is the Peserta page: the list of every participant with search as you type by name, NIP or
// unit, and the ways in: a new participant, an imported list, the template to fill.
func (u *UI) participantsPage() fyne.CanvasObject {
	count := widget.NewLabel("")
	var table *listTable
	pager := newParticipantPager(u, func(total int, fresh bool) {
		count.SetText(fmt.Sprintf(L("%s peserta"), indo.Int(int64(total))))
		if fresh {
			table.ScrollToTop()
		}
		table.Refresh()
	})
	table = newListTable(participantColumns, pager.count, func(row, col int) string {
		r, ok := pager.row(row)
		if !ok {
			if col == 1 {
				return L("memuat…")
			}
			return ""
		}
		return participantCell(r, col)
	})
	table.OnSelected = func(id widget.TableCellID) {
		table.UnselectAll()
		if r, ok := pager.row(id.Row); ok {
			u.openParticipant(r.ID)
		}
	}
	search := pager.searchEntry()
	create := widget.NewButtonWithIcon(L("Peserta baru"), theme.ContentAddIcon(), func() { u.newParticipant("") })
	create.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(L("Impor daftar"), theme.UploadIcon(), func() { u.showImport(nil) })
	template := widget.NewButtonWithIcon(L("Unduh templat"), theme.DownloadIcon(), u.saveTemplate)
	title := widget.NewLabelWithStyle(L("Peserta"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = "headingText"
	filters := newParticipantFilters(u, pager)
	u.participantsJP = filters.show
	top := container.NewVBox(container.NewBorder(nil, nil, title, container.NewHBox(count, template, imp, create)), search, filters.view)
	u.goBackground(pager.load)
	u.goBackground(func() { u.store.PrepareSearch(context.Background()) })
	return withCommands(container.NewBorder(container.NewPadded(top), nil, nil, nil, table),
		viewCommands{New: func() { u.newParticipant("") }, Export: pager.exportParticipants})
}
