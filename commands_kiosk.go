package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/pembina/pembina/app"
)

func init() {
	commands["kiosk"] = command{usage: "kiosk --program KODE [--form ID]",
		summary: "mode kios layar penuh untuk mengisi evaluasi (laptop di pintu ruangan)", run: runKiosk}
}

// runKiosk is `pembina kiosk --program CODE [--form ID]`: the kiosk of one attached form, full screen, without
// the coordinator's window. Without --form it opens the one attached form that is open today.
func runKiosk(c *cli, args []string) error {
	fs := flag.NewFlagSet("kiosk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("program", "", "")
	formID := fs.Int64("form", 0, "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usagef("%s", flagMessage(fs, err))
	}
	switch {
	case len(pos) > 0:
		return usagef("argumen tidak dikenal: %v", pos)
	case *code == "":
		return usagef("sebutkan program dengan --program KODE")
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	r, err := app.KioskForm(c.ctx, c.store, p, *formID, time.Now())
	if err != nil {
		return err
	}
	if !app.KioskPINSet(c.ctx, c.store) {
		fmt.Fprintln(c.stderr, "pembina: belum ada PIN kios, jadi siapa pun dapat keluar dari mode kios; atur PIN di Pengaturan > Mode kios")
	}
	return app.RunKiosk(c.store, app.Options{StartedAt: processStart}, p, r)
}
