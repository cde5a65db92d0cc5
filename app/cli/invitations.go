package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

func runInvitations(c *cli, args []string) error {
	fs := flag.NewFlagSet("invitations", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("program", "", "")
	out := fs.String("out", "", "")
	perUnit := fs.Bool("per-unit", false, "")
	dress := fs.String("dress", "", "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usagef("%s", FlagMessage(fs, err))
	}
	switch {
	case len(pos) > 0:
		return usagef("argumen tidak dikenal: %v", pos)
	case *code == "":
		return usagef("sebutkan program dengan --program KODE")
	case *out == "" || !strings.HasSuffix(strings.ToLower(*out), ".pdf"):
		return usagef("sebutkan berkas tujuan dengan --out BERKAS.pdf")
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
	res, err := report.SaveInvitations(c.ctx, c.store, inv, *out, *perUnit, data.Day(time.Now()))
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
