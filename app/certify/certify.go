package certify

import (
	"context"
	"os"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// Options are the coordinator's decisions for one issue.
type Options struct {
	// AllowUnmarked, when not empty, is the coordinator's reason for issuing although sessions held up to
	// today have no attendance entered at all (those sessions then do not count at all).
	AllowUnmarked string
}

// Issue gives a number to every eligible enrolment of the program that has none yet, deciding who is eligible
// and numbering them in one transaction (store.IssueCertificates, which says what it refuses), and returns
// what the program's certificates print.
func Issue(ctx context.Context, s *store.Store, p *data.Program, today time.Time, opts ...Options) (*store.Issued, error) {
	var opt Options
	for _, o := range opts {
		opt = o
	}
	return s.IssueCertificates(ctx, p.ID, store.IssueOptions{Today: today, AllowUnmarked: opt.AllowUnmarked})
}

// ErrUnentered is in the chain of the refusal to issue while attendance is not entered, so that the command
// line can name its flag.
var ErrUnentered = store.ErrUnentered

// Batch gathers what the certificates of a program print: the institution, the design, the signatory, the
// subjects, and the valid certificates of the register (revoked ones are not printed).
func Batch(ctx context.Context, s *store.Store, p *data.Program) (*report.CertificateBatch, error) {
	b, err := s.CertificateBatch(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	return batchOf(b, p), nil
}

// batchOf is a batch of the store as app/report prints it, for program p as the caller holds it.
func batchOf(b *store.CertificateBatch, p *data.Program) *report.CertificateBatch {
	return &report.CertificateBatch{Institution: b.Institution, Program: p, Design: b.Design, Signatory: b.Signatory,
		Subjects: b.Subjects, Certificates: b.Certificates}
}

// Result says what Print did.
type Result struct {
	Issued  int      // numbers given now
	Printed int      // certificates in the output
	Paths   []string // the file written, or with split one per certificate
	Bytes   int64
}

// Progress reports how far the batch is: done of total steps (QR codes to make, then pages to write).
type Progress func(done, total int)

// Print issues the program's new certificates and writes every valid one: into the PDF at out, or with split
// one file per certificate into the folder out. Nothing is left at out when it fails or is cancelled.
//
// The destination is checked before numbers are given. The numbers are committed before the PDF is drawn (the
// store hands out whole operations, and a batch of a thousand is not drawn twice), so a print that fails
// afterwards leaves them issued: printing again issues no new number and draws the same numbers, dates and QR
// codes, and the error says so.
func Print(ctx context.Context, s *store.Store, p *data.Program, out string, split bool, today time.Time, progress Progress, opts ...Options) (res Result, err error) {
	// A destination that cannot take the file is refused before any number is given.
	if !split {
		if err := report.CheckDestination(out); err != nil {
			return res, err
		}
	} else if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return res, data.Errorf(data.KindInvalid, "%s sudah ada dan bukan folder; dengan --split, sebutkan folder tujuan", out)
	}
	issued, err := Issue(ctx, s, p, today, opts...)
	if err != nil {
		return res, err
	}
	res.Issued = issued.Issued
	defer func() {
		if err != nil && res.Issued > 0 {
			err = data.Wrap(data.ErrorKind(err), err, "%s. %s nomor sertifikat baru sudah diterbitkan dan tersimpan; "+
				"cetak lagi setelah masalahnya diatasi: nomornya tetap sama", data.SentenceOf(err), indo.Int(int64(res.Issued)))
		}
	}()
	b := batchOf(issued.CertificateBatch, p)
	if len(b.Certificates) == 0 {
		return res, data.Errorf(data.KindInvalid, "Semua sertifikat program %s sudah dicabut; tidak ada yang dicetak", p.Code)
	}
	fresh := 0
	for _, c := range b.Certificates {
		if _, ok := pdf.UnmarshalQR(c.QR); !ok {
			fresh++
		}
	}
	codes, err := QRCodes(ctx, s, b.Certificates, func(done, total int) {
		if progress != nil {
			progress(done, total+len(b.Certificates))
		}
	})
	if err != nil {
		return res, err
	}
	pages := func(done, total int) {
		if progress != nil {
			progress(fresh+done, fresh+total)
		}
	}
	if split {
		paths, err := report.WriteCertificateFiles(ctx, out, b, codes, pages)
		if err != nil {
			return res, err
		}
		res.Paths, res.Printed = paths, len(paths)
		for _, path := range paths {
			if fi, err := os.Stat(path); err == nil {
				res.Bytes += fi.Size()
			}
		}
		return res, nil
	}
	if err := report.SaveCertificates(ctx, out, b, codes, pages); err != nil {
		return res, err
	}
	res.Paths, res.Printed = []string{out}, len(b.Certificates)
	if fi, err := os.Stat(out); err == nil {
		res.Bytes = fi.Size()
	}
	return res, nil
}

// QRCodes returns the QR code of each certificate, making the missing ones in parallel and keeping them in the
// register, so that the next print of the same certificates need not make them again.
func QRCodes(ctx context.Context, s *store.Store, certs []*data.Certificate, progress Progress) ([]pdf.QRCode, error) {
	codes, fresh, err := report.CertificateQRs(ctx, certs, progress)
	if err != nil {
		return nil, err
	}
	keep := make(map[int64]store.CertificateQR, len(fresh))
	for _, i := range fresh {
		keep[certs[i].ID] = store.CertificateQR{Payload: certs[i].Payload, Modules: pdf.MarshalQR(codes[i])}
	}
	if err := s.SaveCertificateQR(ctx, keep); err != nil {
		return nil, err
	}
	return codes, nil
}

// WriteRegister writes the program's certificate register workbook (report.WriteCertificateRegister) to path.
func WriteRegister(ctx context.Context, s *store.Store, p *data.Program, path string) error {
	certs, err := s.Certificates(ctx, p.ID)
	if err != nil {
		return err
	}
	changes, err := s.CertificateChanges(ctx, p.ID)
	if err != nil {
		return err
	}
	in, err := s.Institution(ctx)
	if err != nil {
		return err
	}
	offset := map[string]int{"WIB": 7, "WITA": 8, "WIT": 9}[in.TimeZone]
	var rows []report.RegisterChange
	for _, ch := range changes {
		field := ch.Label()
		if ch.Field == "status" {
			ch.Old, ch.New = "Berlaku", "Dicabut"
		}
		local := ch.At.Add(time.Duration(offset) * time.Hour) // stored in UTC; shown in the office's time zone
		rows = append(rows, report.RegisterChange{Number: ch.Number, At: indo.Date(local) + " " + local.Format("15.04") + " " + in.TimeZone,
			Field: field, Old: ch.Old, New: ch.New, Reason: ch.Reason})
	}
	return report.SaveCertificateRegister(path, p, certs, rows)
}

// Draft is a certificate design being edited in the window, not saved yet: the preview shows it as it would
// print. NumberPattern and SignatoryID stand for the program's (empty and 0: the institution's).
type Draft struct {
	Design        *data.CertificateDesign
	NumberPattern string
	SignatoryID   int64
}

// Preview lays out the certificate of one candidate (nil: an example person) for the window: the issued
// certificate when there is one, otherwise a draft with the number it would get and a QR code saying it is a
// draft. With a draft, the unsaved design is shown.
func Preview(ctx context.Context, s *store.Store, p *data.Program, c *Candidate, draft *Draft, today time.Time) ([]report.CertificatePage, report.Images, error) {
	b, err := Batch(ctx, s, p)
	if err != nil {
		return nil, nil, err
	}
	if draft != nil {
		copied := *p
		p = &copied
		p.NumberPattern = draft.NumberPattern
		b.Program, b.Design = p, draft.Design
		if draft.SignatoryID != 0 {
			if b.Signatory, err = s.Signatory(ctx, draft.SignatoryID); err != nil {
				return nil, nil, err
			}
		} else {
			in, err := s.Institution(ctx)
			if err != nil {
				return nil, nil, err
			}
			b.Signatory = nil
			if in.DefaultSignatoryID != 0 {
				if b.Signatory, err = s.Signatory(ctx, in.DefaultSignatoryID); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	cert, err := previewCertificate(ctx, s, p, b.Design, c, today)
	if err != nil {
		return nil, nil, err
	}
	var q pdf.QRCode
	if qr, ok := pdf.UnmarshalQR(cert.QR); ok {
		q = qr
	} else if q, err = pdf.EncodeQR(cert.Payload); err != nil {
		return nil, nil, err
	}
	return report.PreviewCertificate(b, cert, q)
}

func previewCertificate(ctx context.Context, s *store.Store, p *data.Program, d *data.CertificateDesign, c *Candidate, today time.Time) (*data.Certificate, error) {
	if c != nil && c.Certificate != nil {
		return c.Certificate, nil
	}
	if p.NumberPattern != "" {
		if err := data.NumberPattern(p.NumberPattern).Validate(); err != nil {
			return nil, err
		}
	}
	day := d.IssuedOn(today)
	number, err := s.NextCertificateNumber(ctx, p, day)
	if err != nil {
		return nil, err
	}
	cert := &data.Certificate{Number: number, IssuedOn: day, HolderName: "Nama Peserta, S.Pd.", NIP: "198609262015051001",
		RankCode: "III/b", Position: "Guru Ahli Pertama", Unit: "Unit Kerja Peserta", Role: data.RoleParticipant,
		Payload: "PRATINJAU: contoh sertifikat, belum diterbitkan"}
	if c != nil {
		e := c.Enrolment
		person, err := s.Participant(ctx, e.ParticipantID)
		if err != nil {
			return nil, err
		}
		cert.HolderName, cert.NIP, cert.ParticipantID = c.Name, c.NIP, e.ParticipantID
		cert.BirthPlace, cert.BirthDate = person.BirthPlace, person.BirthDate
		cert.RankCode, cert.Position, cert.Unit, cert.Agency, cert.Role, cert.FinalScore = e.RankCode, e.Position, e.Unit, e.Agency, e.Role, e.FinalScore
	}
	return cert, nil
}

// PrintOne writes one certificate of the register again (after a correction, or for a lost copy) to path,
// with its number unchanged.
func PrintOne(ctx context.Context, s *store.Store, p *data.Program, certificateID int64, path string) error {
	b, err := Batch(ctx, s, p)
	if err != nil {
		return err
	}
	var one []*data.Certificate
	for _, c := range b.Certificates {
		if c.ID == certificateID {
			one = append(one, c)
		}
	}
	if len(one) == 0 {
		return data.Errorf(data.KindInvalid, "Sertifikat ini dicabut atau bukan milik program %s; tidak dicetak", p.Code)
	}
	b.Certificates = one
	codes, err := QRCodes(ctx, s, one, nil)
	if err != nil {
		return err
	}
	return report.SaveCertificates(ctx, path, b, codes, nil)
}
