package cli

import (
	"strconv"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// lister prints one kind of record for `pembina list`, tab-separated, one line per row: of program (nil
// without --program) and session (0 without --session), for the kinds that take them.
type lister func(c *cli, program *data.Program, session int) error

// listEntry is one kind `pembina list` knows; needsProgram marks those that need --program.
type listEntry struct {
	run          lister
	needsProgram bool
}

func runList(c *cli, args []string) error {
	kinds := listers()
	if len(args) == 0 {
		return usagef("sebutkan yang ingin dicetak: %s", names(kinds))
	}
	kind := args[0]
	l, ok := kinds[kind]
	if !ok {
		return usagef("jenis daftar %q tidak dikenal; pilih %s", kind, names(kinds))
	}
	o := newOptions("list")
	code := o.String("program", "", "")
	session := o.session(false)
	if _, err := o.parse(args[1:], ""); err != nil {
		return err
	}
	var program *data.Program
	if *code != "" {
		var err error
		if program, err = c.store.ProgramByCode(c.ctx, *code); err != nil {
			return err
		}
	} else if l.needsProgram {
		return usagef("daftar %s memerlukan --program KODE", kind)
	}
	return l.run(c, program, *session)
}

func listPrograms(c *cli, program *data.Program, session int) error {
	rows, err := c.store.Programs(c.ctx, store.ProgramFilter{IncludeArchived: true})
	if err != nil {
		return err
	}
	for _, p := range rows {
		if program != nil && p.ID != program.ID {
			continue
		}
		tsv(c.stdout, p.Code, p.Title, data.FormatDate(p.StartDate), data.FormatDate(p.EndDate), string(p.Status))
	}
	return nil
}

func listParticipants(c *cli, program *data.Program, session int) error {
	if program != nil {
		rows, err := c.store.Enrolments(c.ctx, program.ID)
		if err != nil {
			return err
		}
		for _, r := range rows {
			tsv(c.stdout, r.NIP, r.Name, r.RankCode, r.Unit)
		}
		return nil
	}
	const page = 5000
	for offset := 0; ; offset += page {
		rows, err := c.store.ListParticipants(c.ctx, store.ParticipantFilter{}, offset, page)
		if err != nil {
			return err
		}
		for _, r := range rows {
			tsv(c.stdout, r.NIP, r.Name, r.RankCode, r.Unit)
		}
		if len(rows) < page {
			return nil
		}
	}
}

func listSessions(c *cli, program *data.Program, session int) error {
	sessions, err := c.store.Sessions(c.ctx, program.ID)
	if err != nil {
		return err
	}
	for _, x := range sessions {
		tsv(c.stdout, strconv.Itoa(x.Number), data.FormatDate(x.Date), x.Start, x.End, strconv.Itoa(x.JP), x.Topic)
	}
	return nil
}

func listAttendance(c *cli, program *data.Program, session int) error {
	if session <= 0 {
		return usagef("daftar attendance memerlukan --session N (nomor sesi)")
	}
	x, err := c.store.SessionByNumber(c.ctx, program.ID, session)
	if err != nil {
		return err
	}
	roster, err := c.store.Roster(c.ctx, program.ID)
	if err != nil {
		return err
	}
	marks, err := c.store.Marks(c.ctx, x.ID)
	if err != nil {
		return err
	}
	for _, r := range roster {
		status := ""
		if m := marks[r.EnrolmentID]; m != nil {
			status = string(m.Status)
		}
		tsv(c.stdout, r.NIP, r.Name, status)
	}
	return nil
}

// listForms prints every form: ID, kind, scale, number of questions and title, so that --form can be chosen.
// listForms prints the forms: every form, or with --program only those attached to that program.
func listForms(c *cli, program *data.Program, session int) error {
	rows, err := c.store.Forms(c.ctx)
	if err != nil {
		return err
	}
	var attached map[int64]bool
	if program != nil {
		pfs, err := c.store.ProgramForms(c.ctx, program.ID)
		if err != nil {
			return err
		}
		attached = make(map[int64]bool, len(pfs))
		for _, pf := range pfs {
			attached[pf.FormID] = true
		}
	}
	for _, f := range rows {
		if attached != nil && !attached[f.ID] {
			continue
		}
		tsv(c.stdout, strconv.FormatInt(f.ID, 10), string(f.Kind), string(f.Scale), strconv.Itoa(f.Questions), f.Title)
	}
	return nil
}

// listCertificates prints the register of a program: number, NIP, name, status ("valid" or "revoked").
func listCertificates(c *cli, p *data.Program, session int) error {
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
