package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
)

// today is the day the command line works on; a variable so that tests can fix it.
var today = func() time.Time { return data.Day(time.Now()) }

func programFlag(name string, args []string, extra func(fs *flag.FlagSet)) (*flag.FlagSet, *string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("program", "", "")
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		return nil, nil, usagef("%s", FlagMessage(fs, err))
	}
	if fs.NArg() > 0 {
		return nil, nil, usagef("argumen tidak dikenal: %v", fs.Args())
	}
	if *code == "" {
		return nil, nil, usagef("sebutkan programnya dengan --program KODE")
	}
	return fs, code, nil
}

func runCertificates(c *cli, args []string) error {
	var out *string
	var split *bool
	var allow *string
	_, code, err := programFlag("certificates", args, func(fs *flag.FlagSet) {
		out = fs.String("out", "", "")
		split = fs.Bool("split", false, "")
		allow = fs.String("allow-unmarked", "", "")
	})
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("sebutkan berkas PDF (atau folder, dengan --split) dengan --out")
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := certify.Print(c.ctx, c.store, p, *out, *split, today(), nil, certify.Options{AllowUnmarked: *allow})
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
	var out *string
	_, code, err := programFlag("certificate-register", args, func(fs *flag.FlagSet) { out = fs.String("out", "", "") })
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("sebutkan berkas xlsx dengan --out")
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
	fs := flag.NewFlagSet("certificate-reissue", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	reason := fs.String("reason", "", "")
	var numbers []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return usagef("%s", FlagMessage(fs, err))
		}
		if fs.NArg() == 0 {
			break
		}
		numbers = append(numbers, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(numbers) != 1 {
		return usagef("sebutkan satu nomor sertifikat")
	}
	if strings.TrimSpace(*reason) == "" {
		return usagef("sebutkan alasannya dengan --reason, misalnya --reason \"NIP dikoreksi\"")
	}
	cert, err := c.store.CertificateByNumber(c.ctx, numbers[0])
	if err != nil {
		return err
	}
	if cert == nil {
		return data.Errorf(data.KindNotFound, "Nomor sertifikat %s tidak ada di register", numbers[0])
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
	if len(args) != 1 {
		return usagef("sebutkan satu teks kode QR (dalam tanda kutip)")
	}
	v, err := c.store.VerifyCertificate(c.ctx, args[0])
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
	fs := flag.NewFlagSet("key", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	switch args[0] {
	case "export":
		out := fs.String("out", "", "")
		if err := fs.Parse(args[1:]); err != nil {
			return usagef("%s", FlagMessage(fs, err))
		}
		if fs.NArg() > 0 {
			return usagef("argumen tidak dikenal: %v", fs.Args())
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
		label := fs.String("label", "", "")
		// The file may come before or after --label.
		var files []string
		rest := args[1:]
		for len(rest) > 0 {
			if err := fs.Parse(rest); err != nil {
				return usagef("%s", FlagMessage(fs, err))
			}
			if fs.NArg() == 0 {
				break
			}
			files = append(files, fs.Arg(0))
			rest = fs.Args()[1:]
		}
		if len(files) != 1 {
			return usagef("sebutkan satu berkas kunci publik")
		}
		used, err := certify.TrustPublicKeyFile(c.ctx, c.store, files[0], *label)
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
