package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// jpTargetEntries are the entries of the yearly JP target of each employment status (store.JPTargets), for
// Pengaturan > Nilai bawaan, with their view: one line per status and a hint.
func (u *UI) jpTargetEntries(changed func()) (map[string]*keyEntry, fyne.CanvasObject) {
	targets, err := u.store.JPTargets(context.Background())
	if err != nil {
		u.showError(err)
		targets = data.DefaultJPTargets()
	}
	entries := map[string]*keyEntry{}
	grid := container.NewGridWithColumns(2)
	for _, status := range data.EmploymentStatuses {
		e := newKeyEntry()
		e.SetText(strconv.Itoa(targets.For(status)))
		e.OnChanged = func(string) { changed() }
		entries[status] = e
		grid.Add(widget.NewLabel(status))
		grid.Add(e)
	}
	hint := hintLabel(L("JP pengembangan kompetensi yang diharapkan setahun per status kepegawaian; 0 berarti tanpa target. Hanya ASN aktif dengan target yang dihitung dalam angka capaian 20 JP."))
	return entries, container.NewVBox(grid, hint)
}

// saveJPTargets stores the targets typed in the entries, saying which status is wrong.
func (u *UI) saveJPTargets(entries map[string]*keyEntry) error {
	targets := data.JPTargets{}
	for status, e := range entries {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			return data.Errorf(data.KindInvalid, "%s", L("Target JP {{.Status}}: tulis bilangan bulat 0 sampai 200, misalnya 20",
				map[string]any{"Status": status}))
		}
		targets[status] = n
	}
	return u.store.SetJPTargets(context.Background(), targets)
}
