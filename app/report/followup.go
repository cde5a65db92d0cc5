package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// LetterSettings are what every letter of the office shares: the letterhead, the signer and the bodies.
type LetterSettings struct {
	Institution *data.Institution
	Signatory   *data.Signatory // the default signatory; nil leaves a line to sign on
	FollowUp    string          // the nota dinas body template
	Summons     string          // the surat panggilan body template
	Paper       pdf.Paper
}

// LoadLetterSettings reads the letter settings.
func LoadLetterSettings(ctx context.Context, s *store.Store) (*LetterSettings, error) {
	in, err := s.Institution(ctx)
	if err != nil {
		return nil, err
	}
	ls := &LetterSettings{Institution: in, Paper: pdf.A4}
	if in.DefaultSignatoryID != 0 {
		if ls.Signatory, err = s.Signatory(ctx, in.DefaultSignatoryID); err != nil && !data.IsKind(err, data.KindNotFound) {
			return nil, err
		}
	}
	texts, err := s.LetterTexts(ctx)
	if err != nil {
		return nil, err
	}
	ls.FollowUp, ls.Summons = texts.FollowUp, texts.Summons
	return ls, nil
}

// FollowUpColumns are the columns of the lampiran and of the workbook, in the same order.
var FollowUpColumns = []string{"NO", "NAMA", "NIP", "PANGKAT/GOL", "JABATAN", "JP TAHUN INI", "KEKURANGAN JP", "PROGRAM YANG DAPAT DIIKUTI"}

// followUpRow is a person's row of the lampiran and the workbook (without NO and unit).
func followUpRow(p *followup.Person, short bool) (name, nipText, rank, position, plans string) {
	var ps []string
	for _, pl := range p.Plans {
		if short { // the lampiran's narrow column: the code, JP and start; the workbook has the title
			l := pl.Program.Code + " (" + indo.Plain(int64(pl.Program.TotalJP)) + " JP, " + pl.Program.StartDate.Format("02-01-2006")
			if pl.Enrolled {
				l += ", terdaftar"
			}
			ps = append(ps, l+")")
			continue
		}
		ps = append(ps, pl.Label())
	}
	plans = strings.Join(ps, "; ")
	if plans == "" {
		plans = "-"
	}
	nipText = "-"
	if p.NIP != "" {
		nipText = formatNIP(p.NIP)
	}
	return p.Name, nipText, rankShort(p.RankCode), p.Position, plans
}

// rankShort is "Penata Muda Tingkat I (III/b)" for a rank code, "-" without one.
func rankShort(code string) string {
	if code == "" {
		return "-"
	}
	return rankLabel(code)
}

// FollowUpValues are the placeholders of a unit's nota dinas.
func FollowUpValues(f *followup.FollowUp, u *followup.Unit, in *data.Institution) map[string]string {
	targets := f.Overview.Targets
	target := targets.For("PNS")
	if target == 0 {
		target = data.AnnualJPTarget
	}
	return map[string]string{"unit": u.Name(), "kepala": u.Unit.Addressee(), "tahun": indo.Plain(int64(f.Year)),
		"target": indo.WithWords(int64(target)), "pegawai": indo.Int(int64(u.Employees)), "mencapai": indo.Int(int64(u.Reached)),
		"belum": indo.Int(int64(len(u.People))), "kekurangan": indo.Int(int64(u.Shortfall())),
		"persen": indo.Percent(float64(u.Reached)/float64(max(u.Employees, 1)), 1), "instansi": in.Name}
}

// FollowUpLetter is the nota dinas to a unit's head with the unit's people below target as lampiran.
func FollowUpLetter(f *followup.FollowUp, u *followup.Unit, ls *LetterSettings, number string, day time.Time) *Letter {
	rows := make([][]string, len(u.People))
	for i, p := range u.People {
		name, nipText, rank, position, plans := followUpRow(p, true)
		rows[i] = []string{indo.Plain(int64(i + 1)), name, nipText, rank, position, indo.Int(int64(p.JP)), indo.Int(int64(p.Shortfall())), plans}
	}
	cols := []pdf.Column{{Title: FollowUpColumns[0], Width: 7, Align: "C"}, {Title: FollowUpColumns[1], Width: 30, Align: "L"}, {Title: FollowUpColumns[2], Width: 26, Align: "C"},
		{Title: FollowUpColumns[3], Width: 23, Align: "L"}, {Title: FollowUpColumns[4], Width: 25, Align: "L"}, {Title: "JP " + indo.Plain(int64(f.Year)), Width: 11, Align: "R"},
		{Title: FollowUpColumns[6], Width: 21, Align: "R"}, {Title: FollowUpColumns[7], Width: 22, Align: "L"}}
	var notes []string
	if len(f.Upcoming) == 0 {
		notes = append(notes, fmt.Sprintf("Belum ada program yang direncanakan dalam %d bulan ke depan.", followup.Horizon))
	}
	return &Letter{Form: Memo, Institution: ls.Institution, Date: day, Number: number, Attachment: "1 (satu) berkas",
		Subject: "Pemenuhan Target Jam Pelajaran Pengembangan Kompetensi Tahun " + indo.Plain(int64(f.Year)), To: u.Unit.Addressee(),
		Body: data.FillLetterBody(ls.FollowUp, FollowUpValues(f, u, ls.Institution)), Signatory: ls.Signatory,
		Appendix: &LetterAppendix{Title: "DAFTAR PEGAWAI YANG BELUM MEMENUHI TARGET JAM PELAJARAN TAHUN " + indo.Plain(int64(f.Year)),
			Lines: []string{"Unit kerja: " + u.Name()}, Columns: cols, Rows: rows, Notes: notes}}
}

// FollowUpResult says what SaveFollowUp wrote.
type FollowUpResult struct {
	Letters     []string // the PDF files, one per unit
	Workbook    string
	Units       int
	People      int
	WithoutHead []string // units whose letter went to "Kepala <unit>"
}

// FollowUpFileName is the PDF name of a unit's nota dinas: "nota-dinas-JP-2026-SMPN 1 Sukamaju.pdf".
func FollowUpFileName(year int, unit string) string {
	return "nota-dinas-JP-" + indo.Plain(int64(year)) + "-" + SafeFileName(unit, "tanpa-unit-kerja") + ".pdf"
}

// FollowUpWorkbookName is the file name of the workbook of everyone below target.
func FollowUpWorkbookName(year int) string {
	return "kekurangan-JP-" + indo.Plain(int64(year)) + ".xlsx"
}

// SaveFollowUp writes into dir one nota dinas per unit (FollowUpFileName) and the workbook of everyone below
// target (FollowUpWorkbookName), dated day. The letters are numbered and recorded in one transaction before
// any file is kept (the workbook, which shows no number, is written meanwhile and kept only after); with no
// one below target nothing is numbered and no file is written.
func SaveFollowUp(ctx context.Context, s *store.Store, f *followup.FollowUp, ls *LetterSettings, dir string, day time.Time) (*FollowUpResult, error) {
	if len(f.Units) == 0 {
		where := ""
		if u := strings.TrimSpace(f.Overview.Period.Unit); u != "" {
			where = " di unit kerja " + u
		}
		return nil, data.Errorf(data.KindInvalid, "Semua pegawai ASN aktif%s sudah memenuhi target JP tahun %d (atau belum ada pegawai ASN aktif): tidak ada nota dinas yang perlu dibuat, dan tidak ada berkas yang ditulis", where, f.Year)
	}
	if fi, err := os.Stat(dir); err != nil {
		return nil, data.Errorf(data.KindInvalid, "Folder tujuan %s tidak ada; buat foldernya dulu atau pilih folder lain", dir)
	} else if !fi.IsDir() {
		return nil, data.Errorf(data.KindInvalid, "%s bukan folder; nota dinas dan daftarnya ditulis ke sebuah folder, pilih folder tujuan", dir)
	}
	if err := preflight(ls); err != nil {
		return nil, err
	}
	defer limitMemory()()
	records := make([]*data.LetterRecord, len(f.Units))
	for i, u := range f.Units {
		ids := make([]int64, len(u.People))
		for j, p := range u.People {
			ids[j] = p.ID
		}
		records[i] = &data.LetterRecord{Kind: data.LetterFollowUp, Date: day, Unit: u.Unit.Name, Addressee: u.Unit.Addressee(),
			Subject: "Pemenuhan Target JP Tahun " + indo.Plain(int64(f.Year)), People: ids}
	}
	// The workbook needs no letter number: it is written while the numbers are taken, and kept only once they
	// are recorded (a failed numbering leaves no file).
	recorded := make(chan error, 1)
	wbErr := make(chan error, 1)
	res := &FollowUpResult{Units: len(f.Units), WithoutHead: f.WithoutHead(), Workbook: filepath.Join(dir, FollowUpWorkbookName(f.Year))}
	go func() {
		wbErr <- saveFile(res.Workbook, func(w io.Writer) error {
			if err := WriteFollowUpWorkbook(ctx, w, f); err != nil {
				return err
			}
			return <-recorded
		})
	}()
	if err := s.RecordLetters(ctx, records); err != nil {
		recorded <- err
		<-wbErr
		return nil, err
	}
	recorded <- nil
	res.Letters = make([]string, len(f.Units))
	errs := make([]error, len(f.Units))
	// The biggest units go first, so that no worker is left alone at the end with a letter of 200 pages.
	order := make([]int, len(f.Units))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(f.Units[order[a]].People) > len(f.Units[order[b]].People) })
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				u := f.Units[i]
				path := filepath.Join(dir, FollowUpFileName(f.Year, u.Unit.Name))
				l := FollowUpLetter(f, u, ls, records[i].Number, day)
				errs[i] = SaveLetters(path, ls.Paper, "Nota Dinas "+records[i].Number, []*Letter{l})
				res.Letters[i] = path
			}
		}()
	}
	for _, i := range order {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	if err := <-wbErr; err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, data.Wrap(data.KindConflict, ctx.Err(), "Dibatalkan")
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, u := range f.Units {
		res.People += len(u.People)
	}
	return res, nil
}

// SheetFollowUp is the sheet of the follow-up workbook.
const SheetFollowUp = "Kekurangan JP"

// WriteFollowUpWorkbook writes one sheet of everyone below target, unit by unit, with the lampiran's columns
// and the unit kerja (the autofilter lets a unit be picked).
func WriteFollowUpWorkbook(ctx context.Context, w io.Writer, f *followup.FollowUp) error {
	wb, err := newWorkbook(w)
	if err != nil {
		return err
	}
	defer wb.f.Close()
	if err := wb.f.SetSheetName("Sheet1", SheetFollowUp); err != nil {
		return workbookError(err)
	}
	cols := []column{{"NO", wb.integer, 6}, {"UNIT KERJA", wb.text, 14}, {"NAMA", wb.text, 20}, {"NIP", wb.nip, 22},
		{"PANGKAT/GOL", wb.text, 14}, {"JABATAN", wb.text, 14}, {"JP " + indo.Plain(int64(f.Year)), wb.integer, 9},
		{"TARGET JP", wb.integer, 9}, {"KEKURANGAN JP", wb.integer, 11}, {"PROGRAM YANG DAPAT DIIKUTI", wb.text, 30}}
	for _, u := range f.Units {
		cols[1].fit(40, u.Name())
		for _, p := range u.People {
			cols[2].fit(44, p.Name)
			cols[5].fit(40, p.Position)
		}
	}
	cols[4].fit(36, "Penata Muda Tingkat I (III/b)")
	t, err := wb.newTable(SheetFollowUp, cols)
	if err != nil {
		return err
	}
	n := 0
	for _, u := range f.Units {
		for _, p := range u.People {
			n++
			name, _, rank, position, plans := followUpRow(p, false)
			if err := t.add(n, u.Name(), name, p.NIP, rank, position, p.JP, p.Target, p.Shortfall(), plans); err != nil {
				return err
			}
			if n%10000 == 0 && ctx.Err() != nil {
				return data.Wrap(data.KindConflict, ctx.Err(), "Dibatalkan")
			}
		}
	}
	if _, err := t.close(); err != nil {
		return err
	}
	if _, err := wb.f.WriteTo(io.Discard); err != nil {
		return workbookError(err)
	}
	return nil
}

// SummonsFileName is the PDF name of the surat panggilan of a year.
func SummonsFileName(year int) string { return "surat-panggilan-" + indo.Plain(int64(year)) + ".pdf" }

// SummonsLetter is the letter to a unit head asking why an employee invited to a program attended none of it.
func SummonsLetter(f *followup.FollowUp, u *followup.Unit, a *followup.Absence, ls *LetterSettings, number string, day time.Time) *Letter {
	p := a.Person
	nipText := "-"
	if p.NIP != "" {
		nipText = formatNIP(p.NIP)
	}
	values := map[string]string{"unit": u.Name(), "kepala": u.Unit.Addressee(), "tahun": indo.Plain(int64(f.Year)), "nama": p.Name,
		"nip": nipText, "jabatan": p.Position, "program": a.Program.Title + " (" + a.Program.Code + ")",
		"tanggal_program": a.Program.Dates(), "sesi": indo.Plain(int64(a.Sessions)), "instansi": ls.Institution.Name}
	toPlace := "di\nTempat"
	if u.Unit.Address != "" {
		toPlace = "di\n" + u.Unit.Address
	}
	return &Letter{Form: Outgoing, Institution: ls.Institution, Date: day, Number: number, Nature: "Penting",
		Subject: "Ketidakhadiran Pegawai dalam Program Pengembangan Kompetensi", To: u.Unit.Addressee(), ToPlace: toPlace,
		Body: data.FillLetterBody(ls.Summons, values), Signatory: ls.Signatory}
}

// SaveSummons writes one PDF at path with a surat panggilan for every absence of the follow-up (people with no
// JP who were enrolled in a program of the year and marked A at every session), numbered and recorded with
// the person and the program so that their history shows it. With nobody to summon nothing is written.
func SaveSummons(ctx context.Context, s *store.Store, f *followup.FollowUp, ls *LetterSettings, path string, day time.Time) (int, error) {
	type item struct {
		u *followup.Unit
		a *followup.Absence
	}
	var items []item
	for _, u := range f.Units {
		for _, a := range u.Absences {
			items = append(items, item{u, a})
		}
	}
	if len(items) == 0 {
		return 0, data.Errorf(data.KindInvalid, "Tidak ada pegawai tanpa JP tahun %d yang terdaftar di suatu program lalu tidak hadir di semua sesinya: tidak ada surat panggilan yang perlu dibuat, dan tidak ada berkas yang ditulis", f.Year)
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return 0, data.Errorf(data.KindInvalid, "Folder tujuan %s tidak ada; pilih folder lain", filepath.Dir(path))
	}
	if err := preflight(ls); err != nil {
		return 0, err
	}
	records := make([]*data.LetterRecord, len(items))
	for i, it := range items {
		records[i] = &data.LetterRecord{Kind: data.LetterSummons, Date: day, Unit: it.u.Unit.Name, Addressee: it.u.Unit.Addressee(),
			Subject: "Ketidakhadiran " + it.a.Person.Name + " dalam " + it.a.Program.Code, ProgramID: it.a.Program.ID,
			People: []int64{it.a.Person.ID}}
	}
	if err := s.RecordLetters(ctx, records); err != nil {
		return 0, err
	}
	letters := make([]*Letter, len(items))
	for i, it := range items {
		letters[i] = SummonsLetter(f, it.u, it.a, ls, records[i].Number, day)
	}
	return len(letters), SaveLetters(path, ls.Paper, "Surat Panggilan "+indo.Plain(int64(f.Year)), letters)
}

// preflight draws a letter with the office's letterhead and signer to nowhere, so that a logo that cannot be
// read stops the work before any number is taken.
func preflight(ls *LetterSettings) error {
	return WriteLetters(io.Discard, ls.Paper, "", []*Letter{{Institution: ls.Institution, Signatory: ls.Signatory}})
}
