package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data/indo"
)

func runSummary(c *cli, args []string) error {
	fs := flag.NewFlagSet("summary", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("program", "", "")
	out := fs.String("out", "", "")
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
	doc, err := report.LoadSummary(c.ctx, c.store, p.ID, time.Now())
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
