package cli

import (
	"fmt"

	"github.com/pembina/pembina/app/certify"
)

// runCertificateRegister is `pembina certificate-register`: a program's certificate register as a workbook.
func runCertificateRegister(c *cli, args []string) error {
	o := newOptions("certificate-register")
	code := o.program()
	out := o.need("out", "berkas tujuan dengan --out BERKAS.xlsx")
	if _, err := o.parse(args, ""); err != nil {
		return err
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	if err := certify.WriteRegister(c.ctx, c.store, p, *out); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Register sertifikat %s ditulis ke %s\n", p.Code, *out)
	return nil
}
