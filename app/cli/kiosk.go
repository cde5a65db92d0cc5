package cli

import (
	"github.com/pembina/pembina/data"
)

// runKiosk is `pembina kiosk --program CODE [--form ID]`: the kiosk of one attached form, full screen, without
// the coordinator's window. Without --form it opens the one attached form that is open today. The window is
// Runner.Kiosk's.
func runKiosk(c *cli, args []string) error {
	o := newOptions("kiosk")
	code := o.program()
	formID := o.Int64("form", 0, "")
	if _, err := o.parse(args, ""); err != nil {
		return err
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
