package cli

import (
	"fmt"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data/indo"
)

func runBrief(c *cli, args []string) error {
	period, out, err := periodArgs(c, "brief", ".pdf", args)
	if err != nil {
		return err
	}
	start := time.Now()
	b, err := report.LoadBrief(c.ctx, c.store, period, c.now())
	if err != nil {
		return err
	}
	if err := report.SaveBrief(out, b); err != nil {
		return err
	}
	f := b.Overview.Figures
	fmt.Fprintf(c.stdout, "Ringkasan pimpinan %s ditulis ke %s dalam %s detik: %s program, %s dari %s pegawai ASN mencapai %s.\n",
		period.Label(), out, indo.Decimal(time.Since(start).Seconds(), 2), indo.Int(int64(f.Programs)),
		indo.Int(int64(f.Reached)), indo.Int(int64(f.Employees)), b.Overview.Targets.Phrase())
	return nil
}
