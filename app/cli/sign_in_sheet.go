package cli

import (
	"fmt"
	"strings"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data/indo"
)

// runSignInSheet is `pembina sign-in-sheet`: the sign-in sheet of one session, or of every session, as a PDF.
func runSignInSheet(c *cli, args []string) error {
	o := newOptions("sign-in-sheet")
	code := o.program()
	out := o.need("out", "berkas tujuan dengan --out BERKAS.pdf")
	session := o.session(false)
	paper := o.String("paper", "A4", "")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	size := pdf.Paper(strings.ToUpper(*paper))
	if size != pdf.A4 && size != pdf.F4 {
		return usagef("--paper harus A4 atau F4")
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	doc, err := report.LoadSignInSheets(c.ctx, c.store, p, *session, size)
	if err != nil {
		return err
	}
	if err := report.SaveSignInSheets(*out, doc); err != nil {
		return err
	}
	what := fmt.Sprintf("%d sesi", len(doc.Sessions))
	if *session > 0 {
		what = fmt.Sprintf("sesi %d (%s)", *session, indo.Date(doc.Sessions[0].Session.Date))
	}
	fmt.Fprintf(c.stdout, "Daftar hadir %s, %s peserta, kertas %s, ditulis ke %s\n", what, indo.Int(int64(len(doc.People))), size, *out)
	return nil
}
