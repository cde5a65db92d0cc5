package cli

import (
	"fmt"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
)

// runVerify prints the verdict and what the certificate says; anything but valid is exit code 1 with the
// verdict on stderr.
func runVerify(c *cli, args []string) error {
	text, err := oneArg(args, "teks kode QR (dalam tanda kutip)")
	if err != nil {
		return err
	}
	v, err := c.store.VerifyCertificate(c.ctx, text)
	if err != nil {
		return err
	}
	w := c.stdout
	fmt.Fprintf(w, "Hasil: %s\n", v.Verdict.Label())
	fmt.Fprintf(w, "Keterangan: %s\n", v.Reason)
	if cl := v.Claim; cl != nil {
		holder := cl.Holder
		if len(holder) == 18 {
			holder = "NIP. " + nip.Format(holder)
		}
		fmt.Fprintf(w, "Nomor: %s\nNama: %s\nIdentitas: %s\nProgram: %s\nTanggal: %s\nJP: %s\n", cl.Number, cl.Name, holder,
			cl.ProgramCode, indo.DateRange(cl.Start, cl.End), indo.WithWords(int64(cl.JP)))
		if cl.Format == data.PayloadFormat {
			predicate := cl.Predicate
			if predicate == "" {
				predicate = "-"
			}
			fmt.Fprintf(w, "Peran: %s\nPredikat: %s\nTanggal terbit: %s\n", cl.Role.Label(), predicate, indo.Date(cl.Issued))
		}
	}
	if v.Signer != "" {
		fmt.Fprintf(w, "Penanda tangan digital: %s\n", v.Signer)
	}
	for _, n := range v.Notes {
		fmt.Fprintf(w, "Catatan: %s\n", n)
	}
	if v.Verdict != data.VerdictValid {
		return data.Errorf(data.KindInvalid, "Hasil verifikasi %s. %s", v.Verdict.Label(), v.Reason)
	}
	return nil
}
