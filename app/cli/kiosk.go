package cli

import (
	"flag"
	"io"

	"github.com/pembina/pembina/data"
)

// runKiosk is `pembina kiosk --program CODE [--form ID]`: the kiosk of one attached form, full screen, without
// the coordinator's window. Without --form it opens the one attached form that is open today. The window is
// Runner.Kiosk's.
func runKiosk(c *cli, args []string) error {
	fs := flag.NewFlagSet("kiosk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("program", "", "")
	formID := fs.Int64("form", 0, "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usagef("%s", FlagMessage(fs, err))
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
	if c.kiosk == nil {
		return data.Errorf(data.KindInvalid, "mode kios memerlukan jendela Pembina, yang tidak tersedia di sini")
	}
	return c.kiosk(c.ctx, c.store, p, *formID)
}
