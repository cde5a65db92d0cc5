package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
)

func runWorkbook(c *cli, args []string) error {
	period, out, err := periodArgs(c, "workbook", ".xlsx", args)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := report.SaveWorkbook(c.ctx, out, c.store, period, c.now(), nil)
	if err != nil {
		return err
	}
	f := res.Overview.Figures
	fmt.Fprintf(c.stdout, "Buku kerja %s ditulis ke %s dalam %s detik: %s program, %s orang (%s dari %s pegawai ASN mencapai %s), %s tanda hadir, %s baris SIASN, %s sertifikat.\n",
		period.Label(), out, indo.Decimal(time.Since(start).Seconds(), 2), indo.Int(int64(f.Programs)),
		indo.Int(int64(res.Rows[report.SheetJP])), indo.Int(int64(f.Reached)), indo.Int(int64(f.Employees)), res.Overview.Targets.Phrase(),
		indo.Int(int64(res.Rows[report.SheetAttendance])), indo.Int(int64(res.Rows[report.SheetSIASN])),
		indo.Int(int64(res.Rows[report.SheetCertificates])))
	return nil
}

// periodArgs reads the flags of a leadership document (--year, --from, --to, --unit, --out with the extension
// ext) and resolves the unit to its name as the participants write it.
func periodArgs(c *cli, name, ext string, args []string) (overview.Period, string, error) {
	o := newOptions(name)
	year := o.String("year", "", "")
	from := o.String("from", "", "")
	to := o.String("to", "", "")
	unit := o.String("unit", "", "")
	out := o.out(ext)
	if _, err := o.parse(args, ""); err != nil {
		return overview.Period{}, "", err
	}
	period, err := workbookPeriod(*year, *from, *to)
	if err != nil {
		return period, "", err
	}
	if strings.TrimSpace(*unit) != "" {
		if period.Unit, err = c.store.UnitNamed(c.ctx, *unit); err != nil {
			return period, "", err
		}
	}
	return period, *out, nil
}

// workbookPeriod reads --year, --from and --to: a year alone, a date range (within the year when both are
// given), or one end of the range with the year giving the other.
func workbookPeriod(year, from, to string) (overview.Period, error) {
	var p overview.Period
	hasYear, y := strings.TrimSpace(year) != "", 0
	if hasYear {
		var err error
		if y, err = parseYear(year); err != nil {
			return p, err
		}
		p = overview.Year(y)
	}
	if !hasYear && (from == "" || to == "") {
		return p, usagef("sebutkan --year TTTT, atau --from TANGGAL dan --to TANGGAL")
	}
	for _, d := range []struct {
		text string
		into *time.Time
		flag string
	}{{from, &p.From, "--from"}, {to, &p.To, "--to"}} {
		if d.text == "" {
			continue
		}
		t, err := data.ParseDate(d.text)
		if err != nil {
			return p, usagef("%s: %s", d.flag, data.ErrorMessage(err))
		}
		if hasYear && t.Year() != y {
			return p, usagef("%s %s di luar tahun %d", d.flag, indo.Date(t), y)
		}
		*d.into = t
	}
	if err := p.Validate(); err != nil {
		return p, usagef("%s", data.ErrorMessage(err))
	}
	return p, nil
}
