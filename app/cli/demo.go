package cli

import (
	"fmt"
	"time"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/sample"
)

func runDemo(c *cli, args []string) error {
	o := newOptions("demo")
	large := o.Bool("large", false, "")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	start := time.Now()
	load := sample.Load
	opt := sample.Options{}
	if *large {
		load = sample.LoadLarge
		lastPercent := -1
		opt.Progress = func(done, total int) {
			if p := done * 100 / max(total, 1); p/10 != lastPercent/10 {
				lastPercent = p
				fmt.Fprintf(c.stderr, "\r%3d%%", p)
			}
		}
	}
	sum, err := load(c.ctx, c.store, opt)
	if *large {
		fmt.Fprintln(c.stderr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Data contoh dimuat ke %s dalam %s detik: %s program, %s peserta, %s sesi, %s pendaftaran, %s tanda hadir, %s jawaban evaluasi.\n",
		c.store.Path(), indo.Decimal(time.Since(start).Seconds(), 2), indo.Int(int64(sum.Programs)),
		indo.Int(int64(sum.Participants)), indo.Int(int64(sum.Sessions)), indo.Int(int64(sum.Enrolments)), indo.Int(int64(sum.Marks)), indo.Int(int64(sum.Responses)))
	return nil
}
