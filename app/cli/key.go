package cli

import (
	"fmt"

	"github.com/pembina/pembina/app/certify"
)

// runKey is `pembina key export [--out FILE]`, the public key that verifies this office's certificates
// (printed, or written to FILE), and `pembina key trust FILE [--label NAME]`, which trusts another office's key.
func runKey(c *cli, args []string) error {
	if len(args) == 0 {
		return usagef("sebutkan export atau trust")
	}
	o := newOptions("key " + args[0])
	switch args[0] {
	case "export":
		out := o.String("out", "", "")
		if _, err := o.parse(args[1:], ""); err != nil {
			return err
		}
		if *out == "" {
			text, err := certify.PublicKeyText(c.ctx, c.store)
			if err != nil {
				return err
			}
			fmt.Fprint(c.stdout, text)
			return nil
		}
		if err := certify.ExportPublicKey(c.ctx, c.store, *out); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Kunci publik sertifikat ditulis ke %s\n", *out)
		return nil
	case "trust":
		label := o.String("label", "", "")
		file, err := o.parse(args[1:], "berkas kunci publik")
		if err != nil {
			return err
		}
		used, err := certify.TrustPublicKeyFile(c.ctx, c.store, file, *label)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Kunci %s dipercaya: sertifikatnya kini dapat diverifikasi di basis data ini\n", used)
		return nil
	}
	return usagef("%q tidak dikenal; pilih export atau trust", args[0])
}
