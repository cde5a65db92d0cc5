package cli

import (
	"fmt"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data/indo"
)

func runSummary(c *cli, args []string) error {
	o := newOptions("summary")
	code := o.program()
	out := o.out(".pdf")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	doc, err := report.LoadSummary(c.ctx, c.store, p.ID, c.now())
	if err != nil {
		return err
	}
	if err := report.SaveSummary(*out, doc); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Laporan evaluasi %s (%s peserta, %d formulir evaluasi) ditulis ke %s\n", p.Code,
		indo.Int(int64(doc.Line.Enrolled)), len(doc.Report.Forms), *out)
	return nil
}
