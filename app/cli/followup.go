package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
)

func runFollowUp(c *cli, args []string) error {
	o := newOptions("followup")
	year := o.String("year", "", "")
	unit := o.String("unit", "", "")
	out := o.String("out", "", "")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	y, err := parseYear(*year)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*out) == "" {
		return usagef("sebutkan folder tujuan dengan --out FOLDER")
	}
	u := ""
	if strings.TrimSpace(*unit) != "" {
		if u, err = c.store.UnitNamed(c.ctx, *unit); err != nil {
			return err
		}
	}
	start, now := time.Now(), c.now()
	f, err := followup.Load(c.ctx, c.store, y, u, now, nil)
	if err != nil {
		return err
	}
	ls, err := report.LoadLetterSettings(c.ctx, c.store)
	if err != nil {
		return err
	}
	res, err := report.SaveFollowUp(c.ctx, c.store, f, ls, *out, data.Day(now))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Tindak lanjut JP tahun %d: %s nota dinas untuk %s unit kerja dan daftar %s pegawai di bawah target ditulis ke %s dalam %s detik.\n",
		y, indo.Int(int64(len(res.Letters))), indo.Int(int64(res.Units)), indo.Int(int64(res.People)), *out,
		indo.Decimal(time.Since(start).Seconds(), 2))
	if len(res.WithoutHead) > 0 {
		fmt.Fprintf(c.stdout, "%s unit kerja belum memiliki data kepala (surat ditujukan ke \"Kepala <unit>\"); lengkapi di Pengaturan > Unit kerja: %s\n",
			indo.Int(int64(len(res.WithoutHead))), strings.Join(res.WithoutHead, "; "))
	}
	return nil
}
