package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// IssueOptions are the day and the coordinator's decisions for one issue.
type IssueOptions struct {
	// Today is the day eligibility is decided on, and the date the certificates carry when the program's design
	// sets none.
	Today time.Time
	// AllowUnmarked, when not empty, is the coordinator's reason for issuing although sessions held up to
	// Today have no attendance entered at all (those sessions then do not count at all). It is kept in the
	// history of every certificate the issue numbers (IssuedUnmarked).
	AllowUnmarked string
}

// CertificateBatch is what a program's certificates print: the institution, the program, its design and
// signatory (nil when none is chosen), its subjects, and the valid certificates of its register by holder
// name (revoked ones are not printed), all read at one moment.
type CertificateBatch struct {
	Institution  *data.Institution
	Program      *data.Program
	Design       *data.CertificateDesign
	Signatory    *data.Signatory
	Subjects     []*data.Subject
	Certificates []*data.Certificate
}

// Issued is what IssueCertificates did and what the program's certificates now print.
type Issued struct {
	IssueResult
	*CertificateBatch
}

// ErrUnentered is in the chain of the refusal to issue while sessions held up to today have no attendance
// entered (UnenteredError), so that the command line can name its flag.
var ErrUnentered = errors.New("attendance not entered")

// UnenteredSessions is the cause in the chain of UnenteredError: the sessions without attendance, for the
// window to name in its own language. It is ErrUnentered to errors.Is.
type UnenteredSessions []*data.Session

func (u UnenteredSessions) Error() string { return ErrUnentered.Error() }

// Is makes the sessions ErrUnentered to errors.Is.
func (u UnenteredSessions) Is(target error) bool { return target == ErrUnentered }

// UnenteredError is the refusal to issue while sessions held up to today have no attendance entered: a session
// nobody was marked for is not absence, so eligibility would be judged on part of the program.
func UnenteredError(p *data.Program, sessions []*data.Session) error {
	return data.Wrap(data.KindConflict, UnenteredSessions(sessions), "Presensi program %s belum diisi untuk %s; sertifikat belum diterbitkan karena "+
		"kelayakan dinilai dari presensi yang lengkap. Isi presensinya lebih dulu, atau terbitkan juga dengan menuliskan alasannya",
		p.Code, data.UnenteredLabel(sessions))
}

// IssueCertificates issues a program's certificates as one whole operation, in one transaction: it decides on
// opt.Today who is eligible (the completion rule, data.DecideEligibility, with the coordinator's overrides),
// gives a number to every eligible enrolment that has no certificate yet (issueTx says how numbers are made),
// and returns what the certificates print, read in the same transaction. An enrolment whose certificate was
// revoked gets no new one. It refuses a cancelled program, a program with sessions still to come, and one
// with sessions held up to today without attendance entered (naming them) unless opt.AllowUnmarked gives the
// coordinator's reason; when nobody is eligible and no valid certificate was issued before it says why, so
// that no empty batch is ever printed.
func (s *Store) IssueCertificates(ctx context.Context, programID int64, opt IssueOptions) (*Issued, error) {
	if opt.Today.IsZero() {
		return nil, data.Errorf(data.KindInvalid, "Tanggal terbit sertifikat wajib diisi")
	}
	out := &Issued{}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		out.IssueResult = IssueResult{}
		o, err := outcomes(ctx, tx, Scope{ProgramID: programID}.selection(), opt.Today)
		if err != nil {
			return err
		}
		po := o.Programs[programID]
		if po == nil {
			return notFound("Program", programID)
		}
		p := po.Program
		certs, err := certificatesTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		has := make(map[int64]bool, len(certs))
		valid := 0
		for _, c := range certs {
			has[c.EnrolmentID] = true
			if !c.Revoked {
				valid++
			}
		}
		var ids []int64
		for _, eo := range o.Enrolments {
			if eo.Eligibility.Eligible() && !has[eo.Enrolment.ID] {
				ids = append(ids, eo.Enrolment.ID)
			}
		}
		// Sessions still to come are the reason to give even when nobody is eligible yet: a program before its
		// first session has nobody eligible, and "check attendance and scores" would send the coordinator astray.
		if po.Future > 0 && (len(ids) > 0 || valid == 0) {
			return data.Errorf(data.KindConflict, "Program %s masih memiliki %d sesi yang belum terlaksana; "+
				"sertifikat diterbitkan setelah sesi terakhir, saat kehadiran sudah lengkap", p.Code, po.Future)
		}
		if len(ids) > 0 && len(po.Unentered) > 0 && strings.TrimSpace(opt.AllowUnmarked) == "" {
			return UnenteredError(p, po.Unentered)
		}
		if len(ids) == 0 && valid == 0 {
			return noneEligible(p, o.Enrolments)
		}
		d, err := certificateDesignTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			out.Already = valid
		} else {
			var notes []IssueNote
			if len(po.Unentered) > 0 {
				notes = append(notes, IssueNote{Field: IssuedUnmarked, Value: data.UnenteredLabel(po.Unentered), Reason: opt.AllowUnmarked})
			}
			if out.IssueResult, err = issueTx(ctx, tx, p, ids, d.IssuedOn(opt.Today), notes); err != nil {
				return err
			}
			if certs, err = certificatesTx(ctx, tx, programID); err != nil {
				return err
			}
		}
		out.CertificateBatch, err = certificateBatchTx(ctx, tx, p, d, certs)
		return err
	})
	if err != nil {
		return nil, err
	}
	if out.Issued > 0 {
		out.Warning = s.counterWarning(ctx)
	}
	return out, nil
}

// CertificateRoll is what the Sertifikat tab lists of a program on a day, read at one moment: its enrolments by
// name, the outcome of the completion rule for each (Outcomes, with the program's schedule on that day), and
// its certificate register, valid and revoked.
type CertificateRoll struct {
	Enrolments   []EnrolmentRow
	Outcomes     *Outcomes
	Certificates []*data.Certificate
}

// CertificateRoll reads a program's roll on day today in one transaction, so that the enrolments, their
// outcomes and the register agree.
func (s *Store) CertificateRoll(ctx context.Context, programID int64, today time.Time) (*CertificateRoll, error) {
	r := &CertificateRoll{}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r.Enrolments, err = enrolmentsTx(ctx, tx, programID); err != nil {
			return err
		}
		if r.Outcomes, err = outcomes(ctx, tx, Scope{ProgramID: programID}.selection(), today); err != nil {
			return err
		}
		r.Certificates, err = certificatesTx(ctx, tx, programID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// CertificateBatch reads what a program's certificates print (reprinting one, the window's preview), in one
// transaction.
func (s *Store) CertificateBatch(ctx context.Context, programID int64) (*CertificateBatch, error) {
	var b *CertificateBatch
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := programTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		d, err := certificateDesignTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		certs, err := certificatesTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		b, err = certificateBatchTx(ctx, tx, p, d, certs)
		return err
	})
	return b, err
}

// certificateBatchTx completes a batch of program p with design d and register certs.
func certificateBatchTx(ctx context.Context, tx *sql.Tx, p *data.Program, d *data.CertificateDesign, certs []*data.Certificate) (*CertificateBatch, error) {
	b := &CertificateBatch{Program: p, Design: d}
	var err error
	if b.Institution, err = institutionTx(ctx, tx); err != nil {
		return nil, err
	}
	if b.Signatory, err = programSignatoryTx(ctx, tx, p.ID); err != nil {
		return nil, err
	}
	if b.Subjects, err = subjectsTx(ctx, tx, p.ID); err != nil {
		return nil, err
	}
	for _, c := range certs {
		if !c.Revoked {
			b.Certificates = append(b.Certificates, c)
		}
	}
	return b, nil
}

// noneEligible says why nobody in the program may have a certificate, counting the reasons.
func noneEligible(p *data.Program, enrolments []EnrolmentOutcome) error {
	if len(enrolments) == 0 {
		return data.Errorf(data.KindInvalid, "Program %s belum memiliki peserta; tidak ada sertifikat yang dibuat", p.Code)
	}
	counts := map[string]int{}
	var order []string
	for _, eo := range enrolments {
		for _, r := range eo.Eligibility.Reasons {
			key := r.Group()
			if counts[key] == 0 {
				order = append(order, key)
			}
			counts[key]++
		}
	}
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	return data.Errorf(data.KindInvalid, "Tidak ada peserta %s yang memenuhi syarat sertifikat (%s); tidak ada PDF yang dibuat. "+
		"Periksa presensi dan nilai, atau putuskan secara manual dengan alasan di tab Sertifikat", p.Code, strings.Join(parts, ", "))
}
