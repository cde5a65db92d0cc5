package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var sampleDay = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// newTestUI opens the window on a fresh database, or on a copy of the sample database when loaded is set.
func newTestUI(t *testing.T, loaded bool) (*UI, *store.Store) {
	t.Helper()
	return newTestUIWith(t, loaded, Options{Language: "id"})
}

// newTestUIOnSampleDay opens the window on the sample data with the window's today the sample's.
func newTestUIOnSampleDay(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	return newTestUIWith(t, true, Options{Language: "id", Now: func() time.Time { return sampleDay }})
}

// newTestUIWith is newTestUI with the options the window opens with.
func newTestUIWith(t *testing.T, loaded bool, opt Options) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	var s *store.Store
	if loaded {
		s = sampletest.Open(t, sampleDay)
	} else {
		s = storetest.New(t)
	}
	u, err := newUI(a, s, opt, true)
	if err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1200, 760))
	u.WaitIdle()
	t.Cleanup(func() {
		u.WaitIdle()
		u.store.Close() // the store the window ended on, which a test may have switched to
		applyLanguage("id")
	})
	return u, s
}

// objects lists everything laid out in the window, overlays (dialogs) included.
func objects(u *UI) []fyne.CanvasObject {
	all := test.LaidOutObjects(u.win.Content())
	for _, o := range u.win.Canvas().Overlays().List() {
		all = append(all, test.LaidOutObjects(o)...)
	}
	return all
}

func findButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

func findEntry(t *testing.T, u *UI, placeholder string) *keyEntry {
	t.Helper()
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	t.Fatalf("no entry with placeholder %q on screen", placeholder)
	return nil
}

func hasLabel(u *UI, text string) bool {
	for _, o := range objects(u) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

// findTable returns the list table on screen. (test.LaidOutObjects makes fresh renderers, so a table's cells
// are read through its cell function rather than from labels.)
func findTable(t *testing.T, u *UI) *listTable {
	t.Helper()
	for _, o := range objects(u) {
		if tb, ok := o.(*listTable); ok {
			return tb
		}
	}
	t.Fatal("no table on screen")
	return nil
}

// tableHas reports whether any row of the table shows text in column col.
func tableHas(tb *listTable, col int, text string) bool {
	rows, _ := tb.Length()
	for r := 0; r < rows; r++ {
		if tb.cell(r, col) == text {
			return true
		}
	}
	return false
}
