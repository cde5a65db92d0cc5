package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/app/participantcols"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// openExport opens an export written to path and checks what every export has: its data sheets in order
// followed by Keterangan, the first sheet active, the data sheets' heading frozen.
func openExport(t *testing.T, path string, sheets ...string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	want := append(sheets, SheetNotes)
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the first", f.GetActiveSheetIndex())
	}
	for _, sheet := range sheets {
		if panes, err := f.GetPanes(sheet); err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: heading not frozen: %+v, %v", sheet, panes, err)
		}
	}
	return f
}

// sheetRows reads every row of a sheet, the heading first.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s is empty", sheet)
	}
	return rows
}

// cellAt is row's value in column i, "" past the row's last value.
func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// checkHeadings fails unless row 1 of the sheet holds exactly these headings.
func checkHeadings(t *testing.T, rows [][]string, sheet string, want []string) {
	t.Helper()
	if !slices.Equal(rows[0], want) {
		t.Errorf("%s headings %q, want %q", sheet, rows[0], want)
	}
}

// columnOf is the 0-based index of heading in a heading row.
func columnOf(t *testing.T, heading []string, title string) int {
	t.Helper()
	i := slices.Index(heading, title)
	if i < 0 {
		t.Fatalf("no column %q in %q", title, heading)
	}
	return i
}

// note is the value written beside label on Keterangan.
func note(t *testing.T, f *excelize.File, label string) string {
	t.Helper()
	for _, r := range sheetRows(t, f, SheetNotes) {
		if len(r) > 1 && r[0] == label {
			return r[1]
		}
	}
	t.Errorf("Keterangan has no line %q", label)
	return ""
}

// checkNotes checks the head of Keterangan: the title, the sample's institution, the date it was made.
func checkNotes(t *testing.T, f *excelize.File, title string) {
	t.Helper()
	if v, _ := f.GetCellValue(SheetNotes, "A1"); v != title {
		t.Errorf("Keterangan title %q, want %q", v, title)
	}
	if v := note(t, f, "Instansi"); v != "DINAS PENDIDIKAN · PEMERINTAH KABUPATEN SUKAMAJU" {
		t.Errorf("Keterangan: Instansi %q", v)
	}
	if v := note(t, f, "Dibuat"); !strings.Contains(v, "dengan Pembina") || !regexp.MustCompile(`\d{4} \d{2}\.\d{2}`).MatchString(v) {
		t.Errorf("Keterangan: Dibuat %q", v)
	}
}

var eighteenDigits = regexp.MustCompile(`^\d{18}$`)

// checkTextNIPs checks that every non-empty cell of the column on the sheet's data rows is an 18-digit NIP
// stored as text with the Text format (Excel keeps 15 digits of a number), and that there is at least one.
func checkTextNIPs(t *testing.T, f *excelize.File, sheet string, col, rows int) {
	t.Helper()
	checked := 0
	for r := 2; r <= rows; r++ {
		ref, _ := excelize.CoordinatesToCellName(col+1, r)
		v, _ := f.GetCellValue(sheet, ref)
		if v == "" {
			continue
		}
		typ, _ := f.GetCellType(sheet, ref)
		style, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(style)
		if !eighteenDigits.MatchString(v) || typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset || st == nil || st.NumFmt != 49 {
			t.Fatalf("%s!%s NIP %q stored as type %v with style %+v; want 18 digits of text, format @", sheet, ref, v, typ, st)
		}
		checked++
	}
	if checked == 0 {
		t.Errorf("%s: no NIP in column %d", sheet, col+1)
	}
}

// number reads a cell that must hold a number (not text) and returns it.
func number(t *testing.T, f *excelize.File, sheet, ref string) float64 {
	t.Helper()
	typ, _ := f.GetCellType(sheet, ref)
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
		t.Errorf("%s!%s = %q (type %v), want a number", sheet, ref, raw, typ)
	}
	return v
}

func TestExportPrograms(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	all, err := s.Programs(ctx, store.ProgramFilter{IncludeArchived: true})
	if err != nil || len(all) < 5 {
		t.Fatalf("%d programs, %v", len(all), err)
	}
	// The oldest program is archived.
	if err := s.SetProgramArchived(ctx, all[len(all)-1].ID, true); err != nil {
		t.Fatal(err)
	}
	var word string // a word of a program's title, to search
	for _, w := range strings.Fields(all[len(all)/2].Title) {
		if len(w) > len(word) {
			word = w
		}
	}
	filters := []store.ProgramFilter{{}, {IncludeArchived: true}, {Year: 2026, Status: data.StatusFinished}, {Search: word}}
	headings := []string{"KODE", "NAMA PROGRAM", "ANGKATAN", "JENIS", "JENIS KOMPETENSI", "MODA", "TAHUN ANGGARAN", "PENYELENGGARA",
		"TEMPAT", "TANGGAL MULAI", "TANGGAL SELESAI", "JP", "PESERTA", "SESI", "STATUS"}
	for i, flt := range filters {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			want, err := s.Programs(ctx, flt)
			if err != nil || len(want) == 0 {
				t.Fatalf("the store has %d programs for %+v: %v", len(want), flt, err)
			}
			path := filepath.Join(t.TempDir(), "program.xlsx")
			n, err := SavePrograms(ctx, path, s, flt)
			if err != nil {
				t.Fatal(err)
			}
			f := openExport(t, path, SheetProgramList)
			rows := sheetRows(t, f, SheetProgramList)
			checkHeadings(t, rows, SheetProgramList, headings)
			if n != len(want) || len(rows)-1 != n {
				t.Fatalf("%+v: returned %d, wrote %d rows; the store lists %d", flt, n, len(rows)-1, len(want))
			}
			for i, p := range want {
				r := rows[i+1]
				status := p.Status.Label()
				if p.Archived {
					status += " (arsip)"
				}
				if cellAt(r, 0) != p.Code || cellAt(r, 1) != p.Title || cellAt(r, 3) != p.Kind || cellAt(r, 9) != p.StartDate.Format("02-01-2006") ||
					cellAt(r, 10) != p.EndDate.Format("02-01-2006") || cellAt(r, 14) != status {
					t.Fatalf("row %d = %q; want %s %q %s–%s %s", i+2, r, p.Code, p.Title, p.StartDate.Format("02-01-2006"),
						p.EndDate.Format("02-01-2006"), status)
				}
				if flt.Year != 0 && p.BudgetYear != flt.Year || flt.Status != "" && p.Status != flt.Status || !flt.IncludeArchived && p.Archived {
					t.Fatalf("%+v lists %s (%d, %s, archived %v)", flt, p.Code, p.BudgetYear, p.Status, p.Archived)
				}
			}
			// The figures of the first program are numbers, and its count of participants is the enrolled ones.
			first := want[0]
			enrolled := storetest.Count(t, s, "SELECT count(*) FROM enrolment WHERE program_id = ? AND role = 'peserta' AND status = 'enrolled'", first.ID)
			sessions := storetest.Count(t, s, "SELECT count(*) FROM session WHERE program_id = ?", first.ID)
			if v := number(t, f, SheetProgramList, "L2"); int(v) != first.TotalJP {
				t.Errorf("JP %v, want %d", v, first.TotalJP)
			}
			if v := number(t, f, SheetProgramList, "M2"); int(v) != enrolled {
				t.Errorf("PESERTA %v, the store has %d enrolled", v, enrolled)
			}
			if v := number(t, f, SheetProgramList, "N2"); int(v) != sessions {
				t.Errorf("SESI %v, the store has %d sessions", v, sessions)
			}
			if v := number(t, f, SheetProgramList, "G2"); int(v) != first.BudgetYear {
				t.Errorf("TAHUN ANGGARAN %v, want %d", v, first.BudgetYear)
			}
			checkNotes(t, f, "DAFTAR PROGRAM")
			if v := note(t, f, "Jumlah"); v != indo.Int(int64(n))+" program" {
				t.Errorf("Keterangan: Jumlah %q, want %d", v, n)
			}
			if v, want := note(t, f, "Pencarian"), orAll(flt.Search); v != want {
				t.Errorf("Keterangan: Pencarian %q, want %q", v, want)
			}
			if v, want := note(t, f, "Status"), orAll(flt.Status.Label()); v != want {
				t.Errorf("Keterangan: Status %q, want %q", v, want)
			}
		})
	}
	// The archive is left out unless asked for.
	archived := storetest.Count(t, s, "SELECT count(*) FROM program WHERE archived = 1")
	n, err := WritePrograms(ctx, io.Discard, s, store.ProgramFilter{})
	if err != nil || n != len(all)-archived || archived != 1 {
		t.Errorf("without the archive: %d programs, %v; want %d of %d", n, err, len(all)-archived, len(all))
	}
	path := filepath.Join(t.TempDir(), "arsip.xlsx")
	if _, err := SavePrograms(ctx, path, s, store.ProgramFilter{IncludeArchived: true}); err != nil {
		t.Fatal(err)
	}
	rows := sheetRows(t, openExport(t, path, SheetProgramList), SheetProgramList)
	if last := rows[len(rows)-1]; cellAt(last, 0) != all[len(all)-1].Code || !strings.HasSuffix(cellAt(last, 14), " (arsip)") {
		t.Errorf("the archived program's row: %q", last)
	}
}

// A participant the export test looks at: one with a NIP, titles, a rank and a kind of position.
func knownParticipant(t *testing.T, s *store.Store) *data.Participant {
	t.Helper()
	var id int64
	if err := storetest.DB(t, s).QueryRow(`SELECT id FROM participant WHERE nip IS NOT NULL AND rank_code <> '' AND position_kind <> ''
		AND (front_title <> '' OR back_title <> '') AND birth_place <> '' AND phone <> '' ORDER BY id LIMIT 1`).Scan(&id); err != nil {
		t.Fatalf("the sample has no participant with every field: %v", err)
	}
	p, err := s.Participant(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// exportedFields are what an export row carries of a participant, as the importer reads them back (phone
// numbers as their digits: the importer drops separators).
func exportedFields(p *data.Participant) string {
	return strings.Join([]string{p.NIP, p.NIK, p.EmploymentStatus, p.Name, p.FrontTitle, p.BackTitle, p.Sex, p.BirthPlace,
		data.FormatDate(p.BirthDate), p.RankCode, p.Position, p.PositionKind, p.Unit, p.Agency, p.Email, digits(p.Phone)}, "|")
}

// digits keeps a phone number's digits and leading plus.
func digits(phone string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '+' {
			return r
		}
		return -1
	}, phone)
}

func TestExportParticipants(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	known := knownParticipant(t, s)
	for _, flt := range []store.ParticipantFilter{{}, {Search: known.Name}, {Unit: known.Unit}} {
		t.Run(flt.Search+flt.Unit, func(t *testing.T) {
			total, err := s.CountParticipants(ctx, flt)
			if err != nil || total == 0 {
				t.Fatalf("%d people for %+v: %v", total, flt, err)
			}
			var want []*data.Participant
			if _, err := s.EachParticipant(ctx, flt, nil, func(p *data.Participant) error { want = append(want, p); return nil }); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "peserta.xlsx")
			var last, lastTotal int
			n, err := SaveParticipants(ctx, path, s, flt, func(done, total int) { last, lastTotal = done, total })
			if err != nil {
				t.Fatal(err)
			}
			if last != total || lastTotal != total {
				t.Errorf("progress ended at %d of %d, want %d", last, lastTotal, total)
			}
			f := openExport(t, path, SheetPeople)
			if panes, _ := f.GetPanes(SheetPeople); panes.XSplit != 3 || panes.TopLeftCell != "D2" {
				t.Errorf("NO, NIP and NAMA not frozen: %+v", panes)
			}
			rows := sheetRows(t, f, SheetPeople)
			heading := participantcols.TemplateHeadings()
			checkHeadings(t, rows, SheetPeople, heading)
			if !slices.Contains(heading, "JENIS JABATAN") {
				t.Errorf("the template has no JENIS JABATAN: %q", heading)
			}
			if n != total || len(rows)-1 != total || len(want) != total {
				t.Fatalf("%+v: returned %d, wrote %d rows; the store has %d", flt, n, len(rows)-1, total)
			}
			nipCol, nameCol := columnOf(t, heading, "NIP"), columnOf(t, heading, "NAMA")
			for i, p := range want {
				r := rows[i+1]
				if cellAt(r, 0) != strconv.Itoa(i+1) || cellAt(r, nipCol) != p.NIP || cellAt(r, nameCol) != p.Name {
					t.Fatalf("row %d = %q; want %d, %s, %s", i+2, r, i+1, p.NIP, p.Name)
				}
			}
			checkTextNIPs(t, f, SheetPeople, nipCol, min(len(rows), 300))
			// The known participant's row, column by column.
			found := false
			for _, r := range rows[1:] {
				if cellAt(r, nipCol) != known.NIP {
					continue
				}
				found = true
				wantCells := map[string]string{"NAMA": known.Name, "GELAR DEPAN": known.FrontTitle, "GELAR BELAKANG": known.BackTitle,
					"L/P": known.Sex, "TEMPAT LAHIR": known.BirthPlace, "TANGGAL LAHIR": known.BirthDate.Format("02-01-2006"),
					"STATUS KEPEGAWAIAN": known.EmploymentStatus, "PANGKAT/GOL": known.RankCode, "JABATAN": known.Position,
					"JENIS JABATAN": known.PositionKind, "UNIT KERJA": known.Unit, "INSTANSI": known.Agency, "EMAIL": known.Email,
					"NO HP": known.Phone, "NIK": known.NIK}
				for h, v := range wantCells {
					if got := cellAt(r, columnOf(t, heading, h)); got != v {
						t.Errorf("%s of %s = %q, want %q", h, known.Name, got, v)
					}
				}
			}
			if !found {
				t.Errorf("%s (%s) is not in the export", known.Name, known.NIP)
			}
			checkNotes(t, f, "DAFTAR PESERTA")
			if v := note(t, f, "Jumlah"); v != indo.Int(int64(n))+" peserta" {
				t.Errorf("Keterangan: Jumlah %q", v)
			}
			if v := note(t, f, "Pencarian"); v != orAll(flt.Search) {
				t.Errorf("Keterangan: Pencarian %q", v)
			}

			// The export imports as the template does: every column recognised, every row valid and, against the
			// same database, unchanged; against an empty one, new with the store's fields.
			pf, err := importer.ReadParticipants(path)
			if err != nil {
				t.Fatal(err)
			}
			if pf.Sheet != SheetPeople || pf.Header != 0 || pf.Rows() != n {
				t.Errorf("the importer reads sheet %q from row %d, %d rows", pf.Sheet, pf.Header+1, pf.Rows())
			}
			for _, c := range pf.Columns {
				if c.Field == participantcols.FieldNone {
					t.Errorf("column %q is not recognised by the importer", c.Heading)
				}
			}
			same, err := pf.Plan(ctx, s, pf.Mapping(), 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			// An unedited export imports back as unchanged, every row: phone numbers stored as typed with dashes
			// ("0812-3456-7890") are the same numbers as the importer's digits.
			if same.Unchanged != n || same.Invalid != 0 || same.New != 0 || len(same.Rows) != n {
				t.Errorf("imported into the same database: %s", same.Summary())
			}
			for i, r := range same.Rows {
				if r.Existing == nil || r.Existing.ID != want[i].ID {
					t.Fatalf("row %d %s matched %+v, want participant %d", r.Line, r.Name(), r.Existing, want[i].ID)
				}
				if r.Status != importer.RowUnchanged {
					t.Fatalf("row %d %s: %s, changes %v (phone %q, stored %q), problems %+v", r.Line, r.Name(), r.Status.Label(), r.Changes,
						r.Participant.Phone, want[i].Phone, r.Problems)
				}
			}
			fresh, err := pf.Plan(ctx, storetest.New(t), pf.Mapping(), 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			if fresh.New != n || fresh.Invalid != 0 || len(fresh.Rows) != n {
				t.Fatalf("imported into an empty database: %s", fresh.Summary())
			}
			kinds := 0
			for i, r := range fresh.Rows {
				if len(r.Problems) > 0 || len(r.Warnings) > 0 {
					t.Errorf("row %d: problems %+v, warnings %+v", r.Line, r.Problems, r.Warnings)
				}
				if got, want := exportedFields(r.Participant), exportedFields(want[i]); got != want {
					t.Fatalf("row %d read back as\n%s\nthe store has\n%s", r.Line, got, want)
				}
				if r.Participant.PositionKind != "" {
					kinds++
				}
			}
			if kinds == 0 {
				t.Error("no JENIS JABATAN read back")
			}
		})
	}
}

// Cancelling stops the export with a message, and the Save functions leave nothing behind: no file where there
// was none, the old file as it was where there was one, no temporary file.
func TestExportParticipantsCancel(t *testing.T) {
	s := sampleStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n, err := WriteParticipants(ctx, io.Discard, s, store.ParticipantFilter{}, func(done, total int) { cancel() })
	if err == nil || n != 0 || !errors.Is(err, context.Canceled) || !strings.Contains(data.ErrorMessage(err), "Dibatalkan") {
		t.Errorf("cancelled export: %d, %v", n, err)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "peserta.xlsx")
	ctx, cancel = context.WithCancel(context.Background())
	n, err = SaveParticipants(ctx, path, s, store.ParticipantFilter{}, func(done, total int) { cancel() })
	if err == nil || n != 0 {
		t.Errorf("cancelled save: %d, %v", n, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled save left %v", entries)
	}

	old := []byte("the export of last week")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	if _, err := SaveParticipants(ctx, path, s, store.ParticipantFilter{}, func(done, total int) { cancel() }); err == nil {
		t.Error("a cancelled save over a file succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != string(old) {
		t.Errorf("a cancelled save changed the file there: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a cancelled save left %v", entries)
	}
	// Cancelled before it starts: no file either.
	path2 := filepath.Join(dir, "lagi.xlsx")
	if _, err := SaveParticipants(ctx, path2, s, store.ParticipantFilter{}, nil); err == nil {
		t.Error("a save with a cancelled context succeeded")
	}
	if _, err := os.Stat(path2); !os.IsNotExist(err) {
		t.Errorf("a save with a cancelled context left a file: %v", err)
	}
}

// programWith is the first program (by ID) that the query selects, failing when the sample has none.
func programWith(t *testing.T, s *store.Store, what, query string) *data.Program {
	t.Helper()
	var id int64
	if err := storetest.DB(t, s).QueryRow(query).Scan(&id); err != nil {
		t.Fatalf("the sample has no program %s: %v", what, err)
	}
	p, err := s.Program(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExportEnrolments(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	p := programWith(t, s, "with participants", `SELECT program_id FROM enrolment GROUP BY program_id
		ORDER BY count(*) DESC, program_id LIMIT 1`)
	// A speaker is enrolled too, and someone withdraws.
	var speaker int64
	if err := storetest.DB(t, s).QueryRow(`SELECT id FROM participant WHERE nip IS NOT NULL AND id NOT IN
		(SELECT participant_id FROM enrolment WHERE program_id = ?) ORDER BY id LIMIT 1`, p.ID).Scan(&speaker); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enrol(ctx, p.ID, speaker, data.RoleSpeaker); err != nil {
		t.Fatal(err)
	}
	before, err := s.Enrolments(ctx, p.ID)
	if err != nil || len(before) < 3 {
		t.Fatalf("%d enrolments, %v", len(before), err)
	}
	e := *before[1].Enrolment
	e.Withdrawn = true
	if err := s.UpdateEnrolment(ctx, &e); err != nil {
		t.Fatal(err)
	}
	want, err := s.Enrolments(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "peserta program.xlsx")
	n, err := SaveEnrolments(ctx, path, s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := openExport(t, path, SheetEnrolments)
	rows := sheetRows(t, f, SheetEnrolments)
	checkHeadings(t, rows, SheetEnrolments, []string{"NO", "NIP", "NAMA", "L/P", "PERAN", "PANGKAT/GOL", "JABATAN", "UNIT KERJA",
		"INSTANSI", "TANGGAL DAFTAR", "KETERANGAN"})
	all := storetest.Count(t, s, "SELECT count(*) FROM enrolment WHERE program_id = ?", p.ID)
	withdrawn := storetest.Count(t, s, "SELECT count(*) FROM enrolment WHERE program_id = ? AND status = 'withdrawn'", p.ID)
	if n != all || len(rows)-1 != all || len(want) != all {
		t.Fatalf("returned %d, wrote %d rows; the program has %d enrolments", n, len(rows)-1, all)
	}
	marked := 0
	for i, e := range want {
		r := rows[i+1]
		if cellAt(r, 0) != strconv.Itoa(i+1) || cellAt(r, 1) != e.NIP || cellAt(r, 2) != e.Name || cellAt(r, 4) != e.Role.Label() ||
			cellAt(r, 5) != e.RankCode || cellAt(r, 6) != e.Position || cellAt(r, 7) != e.Unit || cellAt(r, 8) != e.Agency ||
			cellAt(r, 9) != data.Day(e.EnrolledAt).Format("02-01-2006") {
			t.Fatalf("row %d = %q; want %d %s %s %s %s %s %s %s %s", i+2, r, i+1, e.NIP, e.Name, e.Role.Label(), e.RankCode, e.Position,
				e.Unit, e.Agency, data.Day(e.EnrolledAt).Format("02-01-2006"))
		}
		if (cellAt(r, 10) == "mengundurkan diri") != e.Withdrawn {
			t.Errorf("row %d: KETERANGAN %q, withdrawn %v", i+2, cellAt(r, 10), e.Withdrawn)
		}
		if e.Withdrawn {
			marked++
		}
	}
	roles := map[string]bool{}
	for _, r := range rows[1:] {
		roles[cellAt(r, 4)] = true
	}
	if marked != withdrawn || withdrawn == 0 || len(roles) < 2 {
		t.Errorf("%d marked as withdrawn, the store has %d; roles %v", marked, withdrawn, roles)
	}
	checkTextNIPs(t, f, SheetEnrolments, 1, len(rows))
	checkNotes(t, f, "DAFTAR PESERTA PROGRAM")
	if v := note(t, f, "Program"); !strings.HasPrefix(v, p.Code+" · "+p.Title) {
		t.Errorf("Keterangan: Program %q", v)
	}
	if v, want := note(t, f, "Jumlah"), fmt.Sprintf("%d terdaftar, %d mengundurkan diri", all-withdrawn, withdrawn); v != want {
		t.Errorf("Keterangan: Jumlah %q, want %q", v, want)
	}
	if _, err := WriteEnrolments(ctx, io.Discard, s, 1<<40); !data.IsKind(err, data.KindNotFound) {
		t.Errorf("a program that is not there: %v", err)
	}
}

func TestExportAttendanceRecap(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	p := programWith(t, s, "finished, with marks", `SELECT p.id FROM program p WHERE p.status = 'finished'
		AND EXISTS (SELECT 1 FROM attendance a JOIN session x ON x.id = a.session_id WHERE x.program_id = p.id) ORDER BY p.id LIMIT 1`)
	// One mark is taken back: a session held without a mark shows "–".
	res, err := storetest.DB(t, s).Exec(`DELETE FROM attendance WHERE (session_id, enrolment_id) = (SELECT a.session_id, a.enrolment_id
		FROM attendance a JOIN session x ON x.id = a.session_id JOIN enrolment e ON e.id = a.enrolment_id
		JOIN participant pa ON pa.id = e.participant_id
		WHERE x.program_id = ? AND x.position = 2 AND pa.nip IS NOT NULL AND e.role = 'peserta' ORDER BY pa.sort_name LIMIT 1)`, p.ID)
	if n, _ := res.RowsAffected(); err != nil || n != 1 {
		t.Fatalf("taking a mark back: %d, %v", n, err)
	}
	path := filepath.Join(t.TempDir(), "rekap.xlsx")
	n, err := SaveAttendanceRecap(ctx, path, s, p.ID, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	f := openExport(t, path, SheetRecap, SheetSessions)
	if panes, _ := f.GetPanes(SheetRecap); panes.XSplit != 2 {
		t.Errorf("number and name not frozen: %+v", panes)
	}
	rows := sheetRows(t, f, SheetRecap)
	roster := storetest.Count(t, s, "SELECT count(*) FROM enrolment WHERE program_id = ? AND role = 'peserta' AND status = 'enrolled'", p.ID)
	sessions := storetest.Count(t, s, "SELECT count(*) FROM session WHERE program_id = ?", p.ID)
	if n != roster || len(rows)-1 != roster || roster == 0 {
		t.Fatalf("returned %d, wrote %d rows; the program has %d participants enrolled", n, len(rows)-1, roster)
	}
	heading := []string{"NO", "NAMA", "NIP", "JP HADIR", "JP TERLAKSANA", "KEHADIRAN (JP)", "SESI HADIR", "SESI TERLAKSANA",
		"KEHADIRAN (SESI)", "STATUS"}
	for i := 1; i <= sessions; i++ {
		heading = append(heading, fmt.Sprintf("S%d", i))
	}
	checkHeadings(t, rows, SheetRecap, heading)
	checkTextNIPs(t, f, SheetRecap, 2, len(rows))

	// Every session's cell is the mark the store holds, "–" for none (every session of a finished program is held).
	marks := map[string]string{} // NIP and session number → status
	q, err := storetest.DB(t, s).Query(`SELECT pa.nip, x.position, a.status FROM attendance a JOIN session x ON x.id = a.session_id
		JOIN enrolment e ON e.id = a.enrolment_id JOIN participant pa ON pa.id = e.participant_id
		WHERE x.program_id = ? AND pa.nip IS NOT NULL`, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for q.Next() {
		var nip, status string
		var number int
		if err := q.Scan(&nip, &number, &status); err != nil {
			t.Fatal(err)
		}
		marks[fmt.Sprintf("%s/%d", nip, number)] = status
	}
	q.Close()
	if len(marks) == 0 {
		t.Fatal("no marks read")
	}
	recap, err := s.AttendanceRecap(ctx, p.ID, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	recap.Sort(data.ByName, 0, false) // as the Rekap tab lists them
	checked, unmarked := 0, 0
	for i, r := range rows[1:] {
		if cellAt(r, 0) != strconv.Itoa(i+1) || cellAt(r, 1) != recap.Rows[i].Name || cellAt(r, 2) != recap.Rows[i].NIP {
			t.Fatalf("row %d = %q, want %s %s", i+2, r, recap.Rows[i].Name, recap.Rows[i].NIP)
		}
		nip := cellAt(r, 2)
		if nip == "" {
			continue
		}
		for k := 1; k <= sessions; k++ {
			want, ok := marks[fmt.Sprintf("%s/%d", nip, k)]
			if !ok {
				want = "–"
			}
			if got := cellAt(r, 9+k); got != want {
				t.Fatalf("row %d (%s) S%d = %q, the store has %q", i+2, nip, k, got, want)
			}
			if want == "–" {
				unmarked++
			}
			checked++
		}
		status := cellAt(r, 9)
		rate := number(t, f, SheetRecap, fmt.Sprintf("F%d", i+2))
		if rate < 0 || rate > 1 || (status == "Memenuhi") != (rate*100 >= p.AttendanceThreshold-1e-9) && status != "Belum dapat dinilai" {
			t.Errorf("row %d: rate %v and status %q against a threshold of %v", i+2, rate, status, p.AttendanceThreshold)
		}
	}
	if checked == 0 || unmarked == 0 {
		t.Errorf("%d session cells checked, %d of them unmarked", checked, unmarked)
	}

	// Sesi: a row per session, with its counts.
	srows := sheetRows(t, f, SheetSessions)
	if len(srows)-1 != sessions {
		t.Fatalf("Sesi has %d rows, the program %d sessions", len(srows)-1, sessions)
	}
	present := columnOf(t, srows[0], strings.ToUpper(data.AttendanceStatus("H").Label())+" (H)")
	for k := 1; k <= sessions; k++ {
		want := storetest.Count(t, s, `SELECT count(*) FROM attendance a JOIN session x ON x.id = a.session_id
			JOIN enrolment e ON e.id = a.enrolment_id WHERE x.program_id = ? AND x.position = ? AND a.status = 'H'
			AND e.role = 'peserta' AND e.status = 'enrolled'`, p.ID, k)
		if got := cellAt(srows[k], present); cellAt(srows[k], 0) != strconv.Itoa(k) || got != strconv.Itoa(want) {
			t.Errorf("Sesi row %d = %q; want session %d with %d present", k+1, srows[k], k, want)
		}
		if cellAt(srows[k], 6) != "Ya" {
			t.Errorf("session %d of a finished program not held: %q", k, srows[k])
		}
	}
	checkNotes(t, f, "REKAP KEHADIRAN")
	if v, want := note(t, f, "Sesi"), fmt.Sprintf("%d dari %d sesi", sessions, sessions); !strings.HasPrefix(v, want) {
		t.Errorf("Keterangan: Sesi %q, want %q…", v, want)
	}
	if v, want := note(t, f, "Di bawah batas"), fmt.Sprintf("%d dari %d peserta", recap.BelowThreshold(), roster); v != want {
		t.Errorf("Keterangan: Di bawah batas %q, want %q", v, want)
	}
}

// A program under way: the sessions not held yet are empty, the held ones without a mark "–".
func TestExportAttendanceRecapUnderWay(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	day := sampleDay.Format(data.DateLayout)
	var id int64
	err := storetest.DB(t, s).QueryRow(`SELECT p.id FROM program p WHERE EXISTS (SELECT 1 FROM session x WHERE x.program_id = p.id AND x.date > ?)
		AND EXISTS (SELECT 1 FROM session x WHERE x.program_id = p.id AND x.date < ?)
		AND EXISTS (SELECT 1 FROM enrolment e WHERE e.program_id = p.id AND e.role = 'peserta') ORDER BY p.id LIMIT 1`, day, day).Scan(&id)
	if err != nil {
		t.Fatalf("the sample dated %s has no program under way (data/sample always dates one around the day): %v", day, err)
	}
	var buf strings.Builder
	n, err := WriteAttendanceRecap(ctx, &buf, s, id, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := sheetRows(t, f, SheetRecap)
	recap, err := s.AttendanceRecap(ctx, id, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	recap.Sort(data.ByName, 0, false)
	if recap.Complete || slices.Index(recap.Held, false) < 0 || slices.Index(recap.Held, true) < 0 {
		t.Fatalf("program %d is not under way on %s: held %v", id, day, recap.Held)
	}
	if len(rows)-1 != n || n != len(recap.Rows) {
		t.Fatalf("%d rows, returned %d, the recap %d", len(rows)-1, n, len(recap.Rows))
	}
	for i, row := range recap.Rows {
		r := rows[i+1]
		if cellAt(r, 1) != row.Name {
			t.Fatalf("row %d = %q, want %s", i+2, r, row.Name)
		}
		if !row.Rate.Defined() {
			for k := 3; k < 9; k++ {
				if cellAt(r, k) != "" {
					t.Errorf("row %d: a rate without sessions held: %q", i+2, r)
				}
			}
		}
		for k, held := range recap.Held {
			got := cellAt(r, 10+k)
			switch {
			case !held && got != "":
				t.Fatalf("row %d: session %d not held yet shows %q", i+2, k+1, got)
			case held && row.Marks[k] == "" && got != "–":
				t.Fatalf("row %d: session %d held without a mark shows %q", i+2, k+1, got)
			case held && row.Marks[k] != "" && got != string(row.Marks[k]):
				t.Fatalf("row %d: session %d shows %q, marked %q", i+2, k+1, got, row.Marks[k])
			}
		}
	}
}

// A program that has not started: no rate yet (empty cells, not zeros), every session empty.
func TestExportAttendanceRecapNotStarted(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	day := sampleDay.Format(data.DateLayout)
	var id int64
	err := storetest.DB(t, s).QueryRow(`SELECT p.id FROM program p WHERE NOT EXISTS (SELECT 1 FROM session x WHERE x.program_id = p.id AND x.date <= ?)
		AND EXISTS (SELECT 1 FROM session x WHERE x.program_id = p.id)
		AND EXISTS (SELECT 1 FROM enrolment e WHERE e.program_id = p.id AND e.role = 'peserta') ORDER BY p.id LIMIT 1`, day).Scan(&id)
	if err != nil {
		t.Fatalf("the sample has no program to come with participants: %v", err)
	}
	path := filepath.Join(t.TempDir(), "rekap.xlsx")
	n, err := SaveAttendanceRecap(ctx, path, s, id, sampleDay)
	if err != nil || n == 0 {
		t.Fatalf("%d rows, %v", n, err)
	}
	f := openExport(t, path, SheetRecap, SheetSessions)
	rows := sheetRows(t, f, SheetRecap)
	if len(rows)-1 != n {
		t.Fatalf("%d rows, returned %d", len(rows)-1, n)
	}
	for i, r := range rows[1:] {
		if cellAt(r, 9) != "Belum dapat dinilai" {
			t.Errorf("row %d: status %q", i+2, cellAt(r, 9))
		}
		for k := 3; k < len(rows[0]); k++ {
			if k != 9 && cellAt(r, k) != "" {
				t.Fatalf("row %d: %s = %q before anything was held", i+2, rows[0][k], cellAt(r, k))
			}
		}
	}
	srows := sheetRows(t, f, SheetSessions)
	if last := srows[0][len(srows[0])-1]; last != "BELUM DIISI" {
		t.Fatalf("Sesi's last column %q", last)
	}
	for _, r := range srows[1:] {
		if cellAt(r, 6) != "Belum" || cellAt(r, len(srows[0])-1) != "" {
			t.Errorf("a session to come: %q", r)
		}
	}
}

func TestExportEvaluationResults(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	var id int64
	if err := storetest.DB(t, s).QueryRow(`SELECT pf.program_id FROM response r JOIN program_form pf ON pf.id = r.program_form_id
		GROUP BY pf.program_id ORDER BY count(DISTINCT pf.form_id) DESC, count(*) DESC, pf.program_id LIMIT 1`).Scan(&id); err != nil {
		t.Fatalf("the sample has no responses: %v", err)
	}
	rep, err := analysis.Load(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		form string
		q    *analysis.QuestionResult
	}
	var rated []item
	speakers, takers := 0, 0
	for _, fr := range rep.Forms {
		for _, q := range fr.Result.Questions {
			if q.IsRated() && q.Stat.N > 0 {
				rated = append(rated, item{fr.Form.Title, q})
			}
		}
		speakers += len(fr.Speakers)
	}
	for _, tr := range rep.Tests {
		takers += len(tr.Takers)
	}
	if speakers == 0 || takers == 0 {
		t.Fatalf("program %d, the sample's most evaluated, has %d speakers rated and %d test takers; the test needs both", id, speakers, takers)
	}
	sheets := []string{SheetItems}
	if speakers > 0 {
		sheets = append(sheets, SheetSpeakers)
	}
	if takers > 0 {
		sheets = append(sheets, SheetTests)
	}
	path := filepath.Join(t.TempDir(), "evaluasi.xlsx")
	n, err := SaveEvaluationResults(ctx, path, s, id)
	if err != nil {
		t.Fatal(err)
	}
	f := openExport(t, path, sheets...)
	rows := sheetRows(t, f, SheetItems)
	checkHeadings(t, rows, SheetItems, []string{"KODE PROGRAM", "FORMULIR", "LEVEL", "BAGIAN", "NO", "PERTANYAAN", "SKALA",
		"JUMLAH JAWABAN", "RATA-RATA", "KATEGORI", "RATA-RATA HARAPAN", "INDEKS (0–100)"})
	if n != len(rated) || len(rows)-1 != n || n == 0 {
		t.Fatalf("returned %d, wrote %d rated questions; the analysis has %d", n, len(rows)-1, len(rated))
	}
	for i, it := range rated {
		r, line := rows[i+1], i+2
		if cellAt(r, 0) != rep.Program.Code || cellAt(r, 1) != it.form || cellAt(r, 5) != it.q.Question.Text || cellAt(r, 9) != it.q.Category ||
			cellAt(r, 7) != strconv.Itoa(it.q.Stat.N) {
			t.Fatalf("row %d = %q; want %s, %s, %q, %d answers, %s", line, r, rep.Program.Code, it.form, it.q.Question.Text, it.q.Stat.N, it.q.Category)
		}
		if mean := number(t, f, SheetItems, fmt.Sprintf("I%d", line)); math.Abs(mean-it.q.Stat.Mean) > 1e-9 {
			t.Errorf("row %d: mean %v, the analysis %v", line, mean, it.q.Stat.Mean)
		}
	}
	if speakers > 0 {
		srows := sheetRows(t, f, SheetSpeakers)
		if len(srows)-1 != speakers {
			t.Errorf("Narasumber has %d rows, the analysis %d speakers", len(srows)-1, speakers)
		}
		var first *analysis.SpeakerResult
		for _, fr := range rep.Forms {
			if len(fr.Speakers) > 0 && first == nil {
				first = &fr.Speakers[0]
			}
		}
		if cellAt(srows[1], 2) != first.Speaker || cellAt(srows[1], 3) != strconv.Itoa(first.Responses) {
			t.Errorf("Narasumber row 2 = %q, want %s with %d", srows[1], first.Speaker, first.Responses)
		}
	}
	if takers > 0 {
		trows := sheetRows(t, f, SheetTests)
		if len(trows)-1 != takers {
			t.Errorf("%s has %d rows, the analysis %d test takers", SheetTests, len(trows)-1, takers)
		}
		line := 2
		for _, tr := range rep.Tests {
			for _, tk := range tr.Takers {
				r := trows[line-1]
				if tk.Name != "" && cellAt(r, 2) != tk.Name || cellAt(r, 7) != tk.Category {
					t.Fatalf("%s row %d = %q, want %s (%s)", SheetTests, line, r, tk.Name, tk.Category)
				}
				if tk.HasPost {
					if v := number(t, f, SheetTests, fmt.Sprintf("E%d", line)); math.Abs(v-tk.Post) > 1e-9 {
						t.Fatalf("%s row %d: post-test %v, the analysis %v", SheetTests, line, v, tk.Post)
					}
				} else if cellAt(r, 4) != "" {
					t.Fatalf("%s row %d: a post-test %q not taken", SheetTests, line, cellAt(r, 4))
				}
				line++
			}
		}
	}
	checkNotes(t, f, "HASIL EVALUASI PROGRAM")
	for _, fr := range rep.Forms {
		if v := note(t, f, fr.Form.Title); !strings.Contains(v, indo.Int(int64(fr.Result.Responses))+" jawaban") {
			t.Errorf("Keterangan: %s %q, want %d responses", fr.Form.Title, v, fr.Result.Responses)
		}
	}

	// A program without forms: an empty Butir, and Keterangan says so.
	bare := &data.Program{Code: "TANPA-FORM-1", Title: "Program Tanpa Formulir", Kind: "Pelatihan Teknis", BudgetYear: 2026,
		StartDate: sampleDay, EndDate: sampleDay, TotalJP: 4, Organiser: "Dinas", Place: "Aula", AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, bare); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "kosong.xlsx")
	n, err = SaveEvaluationResults(ctx, path, s, bare.ID)
	if err != nil || n != 0 {
		t.Fatalf("a program without forms: %d, %v", n, err)
	}
	f = openExport(t, path, SheetItems)
	if rows := sheetRows(t, f, SheetItems); len(rows) != 1 {
		t.Errorf("Butir of a program without forms has %d rows", len(rows))
	}
	if v := note(t, f, "Formulir"); v != "belum ada formulir yang dilampirkan" {
		t.Errorf("Keterangan: Formulir %q", v)
	}
}

// A blank form printed from the Formulir page: no program, a line to write the training's name on.
func TestBlankPaperForm(t *testing.T) {
	forms := builtinFormsWithIDs()
	tests := []struct {
		key  string
		want []string
	}{
		{data.BuiltinOrganisation, []string{"Nama pelatihan", "Nama", "NIP", "Unit kerja", "Terima kasih atas partisipasi Anda."}},
		{data.BuiltinSpeaker, []string{"Nama pelatihan", "Narasumber", "Materi"}},
		{data.BuiltinFollowUpSuperior, []string{"Nama pelatihan", "Nama atasan", "Nama alumni yang dinilai", "Atasan langsung,", "Sukamaju, ...."}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			form := forms[tt.key]
			path := filepath.Join(t.TempDir(), "formulir.pdf")
			if err := SavePaperForm(path, PaperForm{Institution: institution(), Form: form}); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
				t.Fatalf("not a PDF: %v", err)
			}
			text, pages := pdfText(t, b)
			flat := strings.Join(strings.Fields(text), " ")
			want := append([]string{strings.ToUpper(form.Title), form.Title + " · halaman 1 dari " + strconv.Itoa(pages)}, tt.want...)
			for _, w := range want {
				if !strings.Contains(flat, w) {
					t.Errorf("PDF lacks %q:\n%s", w, flat)
				}
			}
			if pages < 1 || strings.Count(flat, "Nama pelatihan") != 1 {
				t.Errorf("%d pages, %d lines for the training's name", pages, strings.Count(flat, "Nama pelatihan"))
			}
			for _, q := range form.Visible() {
				if words := strings.Fields(q.Text); !strings.Contains(flat, words[0]) {
					t.Errorf("question %q missing", q.Text)
				}
			}
		})
	}
	// With a program the name is printed, not asked for.
	p := &data.Program{Code: "PTD-I/2026", Title: "Pelatihan Pemanfaatan Teknologi Digital", Batch: 1,
		StartDate: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC)}
	var buf strings.Builder
	form := forms[data.BuiltinOrganisation]
	if err := WritePaperForm(&buf, PaperForm{Institution: institution(), Program: p, Form: form}); err != nil {
		t.Fatal(err)
	}
	text, _ := pdfText(t, []byte(buf.String()))
	flat := strings.Join(strings.Fields(text), " ")
	if strings.Contains(flat, "Nama pelatihan") || !strings.Contains(flat, "Pelatihan Pemanfaatan Teknologi Digital Angkatan I") ||
		!strings.Contains(flat, form.Title+" · PTD-I/2026 · halaman 1") {
		t.Errorf("a program's form:\n%s", flat)
	}
}
