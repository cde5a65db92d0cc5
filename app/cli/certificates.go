package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// runCertificates is `pembina certificates`: it issues the certificates a program's participants have earned
// and prints them all, in one PDF or (--split) one file per participant.
func runCertificates(c *cli, args []string) error {
	o := newOptions("certificates")
	code := o.program()
	out := o.need("out", "berkas PDF (atau folder, dengan --split) dengan --out")
	split := o.Bool("split", false, "")
	allow := o.String("allow-unmarked", "", "")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := certify.Print(c.ctx, c.store, p, *out, *split, data.Day(c.now()), nil, certify.Options{AllowUnmarked: *allow})
	if errors.Is(err, certify.ErrUnentered) {
		return data.Wrap(data.KindConflict, err, "%s (dengan --allow-unmarked \"alasan\")", err)
	}
	if err != nil {
		return err
	}
	where := res.Paths[0]
	if *split {
		where = fmt.Sprintf("%s berkas di folder %s", indo.Int(int64(len(res.Paths))), *out)
	}
	fmt.Fprintf(c.stdout, "%s sertifikat dicetak (%s nomor baru) dalam %s detik: %s\n", indo.Int(int64(res.Printed)),
		indo.Int(int64(res.Issued)), indo.Decimal(time.Since(start).Seconds(), 2), where)
	return nil
}
