package app

import (
	"context"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/pembina/pembina/assets"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// KioskForm chooses the attached form of a program the kiosk opens: the one of form formID, or, with
// formID 0, the only attached form open today (several or none is an error naming the candidates, so that
// the coordinator adds --form).
func KioskForm(ctx context.Context, s *store.Store, p *data.Program, formID int64, today time.Time) (store.ProgramFormRow, error) {
	rows, err := s.ProgramForms(ctx, p.ID)
	if err != nil {
		return store.ProgramFormRow{}, err
	}
	var open []store.ProgramFormRow
	list := ""
	for _, r := range rows {
		if formID != 0 && r.FormID == formID {
			return r, nil
		}
		if r.IsOpen(today) {
			open = append(open, r)
		}
		list += fmt.Sprintf("; %d %s", r.FormID, r.FormTitle)
	}
	switch {
	case len(rows) == 0:
		return store.ProgramFormRow{}, data.Errorf(data.KindInvalid, "program %s belum memiliki formulir evaluasi; lampirkan formulir di tab Evaluasi", p.Code)
	case formID != 0:
		return store.ProgramFormRow{}, data.Errorf(data.KindNotFound, "formulir %d tidak terlampir pada program %s; yang terlampir%s", formID, p.Code, list)
	case len(open) == 1:
		return open[0], nil
	case len(open) == 0:
		return store.ProgramFormRow{}, data.Errorf(data.KindInvalid, "tidak ada formulir program %s yang dibuka hari ini; sebutkan --form ID (terlampir%s)", p.Code, list)
	}
	return store.ProgramFormRow{}, data.Errorf(data.KindInvalid, "%d formulir program %s dibuka hari ini; sebutkan --form ID (terlampir%s)", len(open), p.Code, list)
}

// RunKiosk opens only the kiosk of one attached form, full screen, and blocks until it is left (with the
// PIN when one is set): a laptop set aside at the door. The coordinator's window is not opened.
func RunKiosk(s *store.Store, opt Options, p *data.Program, r store.ProgramFormRow) error {
	traceStart = opt.StartedAt
	code := opt.Language
	if code == "" {
		code, _ = s.Setting(context.Background(), "language", "id")
	}
	if err := applyLanguage(code); err != nil {
		return err
	}
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	u := bareUI(a, s, opt)
	k, err := u.newKiosk(p, r)
	if err != nil {
		return err
	}
	u.win = k.win
	k.win.SetIcon(assets.Icon)
	k.win.SetMaster()
	k.win.Resize(fyne.NewSize(1024, 700)) // the size it returns to if full screen is left
	if os.Getenv("PEMBINA_STARTUP_TRACE") != "" && !opt.StartedAt.IsZero() {
		a.Lifecycle().SetOnStarted(func() {
			fmt.Fprintf(os.Stderr, "pembina: first frame after %d ms\n", time.Since(opt.StartedAt).Milliseconds())
		})
	}
	k.win.ShowAndRun()
	u.db.shutdown()
	return nil
}
