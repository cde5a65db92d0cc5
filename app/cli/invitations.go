package cli

import (
	"fmt"
	"strings"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

func runInvitations(c *cli, args []string) error {
	o := newOptions("invitations")
	code := o.program()
	out := o.out(".pdf")
	perUnit := o.Bool("per-unit", false, "")
	dress := o.String("dress", "", "")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	inv, err := report.LoadInvitation(c.ctx, c.store, p.ID)
	if err != nil {
		return err
	}
	inv.Dress = *dress
	res, err := report.SaveInvitations(c.ctx, c.store, inv, *out, *perUnit, data.Day(c.now()))
	if err != nil {
		return err
	}
	to := "peserta"
	if *perUnit {
		to = "kepala unit kerja"
	}
	fmt.Fprintf(c.stdout, "Surat undangan %s: %s surat untuk %s (%s peserta, nomor %s s.d. %s) ditulis ke %s\n", p.Code,
		indo.Int(int64(res.Letters)), to, indo.Int(int64(res.People)), res.Numbers[0], res.Numbers[len(res.Numbers)-1], *out)
	if len(res.WithoutHead) > 0 {
		fmt.Fprintf(c.stdout, "%s unit kerja belum memiliki data kepala (surat ditujukan ke \"Kepala <unit>\"); lengkapi di Pengaturan > Unit kerja: %s\n",
			indo.Int(int64(len(res.WithoutHead))), strings.Join(res.WithoutHead, "; "))
	}
	return nil
}
