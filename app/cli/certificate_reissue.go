package cli

import (
	"fmt"

	"github.com/pembina/pembina/data"
)

// runCertificateReissue issues one certificate again (store.ReissueCertificate) and says what changed.
func runCertificateReissue(c *cli, args []string) error {
	o := newOptions("certificate-reissue")
	reason := o.need("reason", "alasannya dengan --reason, misalnya --reason \"NIP dikoreksi\"")
	number, err := o.parse(args, "nomor sertifikat")
	if err != nil {
		return err
	}
	cert, err := c.store.CertificateByNumber(c.ctx, number)
	if err != nil {
		return err
	}
	if cert == nil {
		return data.Errorf(data.KindNotFound, "Nomor sertifikat %s tidak ada di register", number)
	}
	res, err := c.store.ReissueCertificate(c.ctx, cert.ID, *reason)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Sertifikat %s diterbitkan ulang dengan nomor yang sama (%s); cetak ulang untuk menyerahkannya. "+
		"Cetakan lama tetap dapat diverifikasi, dengan catatan.\n", res.Number, res.Changes)
	return nil
}
