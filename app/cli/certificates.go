package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
)

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
		"Cetakan lama tetap dapat diverifikasi, dengan catatan.\n", res.Number, strings.Join(res.Changes, "; "))
	return nil
}

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

// listCertificates prints the register of a program: number, NIP, name, status ("valid" or "revoked").
func listCertificates(c *cli, p *data.Program) error {
	certs, err := c.store.Certificates(c.ctx, p.ID)
	if err != nil {
		return err
	}
	for _, x := range certs {
		status := "valid"
		if x.Revoked {
			status = "revoked"
		}
		tsv(c.stdout, x.Number, x.NIP, strings.TrimSpace(x.HolderName), status)
	}
	return nil
}
