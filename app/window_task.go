package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data/indo"
)

// Progress reports how far a long job is: done of total steps. Jobs call it from their own goroutine.
type Progress func(done, total int)

// runTask runs job off the UI goroutine behind a modal dialog with a progress bar and a cancel button, then
// calls finished on the UI goroutine with the job's error (nil on success). Progress updates reach the bar
// through fyne.Do, at most about 30 times a second, so a job may report every row.
func (u *UI) runTask(title string, job func(ctx context.Context, progress Progress) error, finished func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	status := widget.NewLabel(L("Menyiapkan…"))
	cancelButton := widget.NewButton(L("Batal"), func() { cancel() })
	body := container.NewVBox(status, bar, container.NewCenter(cancelButton))
	d := dialog.NewCustomWithoutButtons(title, body, u.win)
	d.Resize(fyne.NewSize(440, 160))
	d.Show()
	u.tasks++

	var mu sync.Mutex
	var last time.Time
	progress := func(done, total int) {
		mu.Lock()
		now := time.Now()
		if now.Sub(last) < 33*time.Millisecond && done < total {
			mu.Unlock()
			return
		}
		last = now
		mu.Unlock()
		fyne.Do(func() {
			if total > 0 {
				bar.SetValue(float64(done) / float64(total))
				status.SetText(fmt.Sprintf("%s / %s", indo.Int(int64(done)), indo.Int(int64(total))))
			}
		})
	}
	u.goBackground(func() {
		defer cancel()
		err := job(ctx, progress)
		fyne.Do(func() {
			d.Hide()
			u.tasks--
			if finished != nil {
				finished(err)
			}
		})
	})
}
