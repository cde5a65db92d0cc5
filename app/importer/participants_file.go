package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/participantcols"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
)

// Column is one column of a participant list: its heading as the file writes it and the field it maps to.
type Column struct {
	Index   int
	Heading string
	Field   participantcols.Field
}

// ParticipantFile is a participant list read from an .xlsx or .csv file: the sheet that holds it, where its
// heading is and how its columns map to fields. Plan compares its rows with the database.
type ParticipantFile struct {
	Path    string
	Format  string // "xlsx" or "csv"
	Sheet   string
	Header  int // 0-based row of the heading (its last row when the heading spans two)
	Columns []Column
	sheet   *Sheet
}

// Mapping returns the field of every column, as detected from the headings.
func (f *ParticipantFile) Mapping() []participantcols.Field {
	m := make([]participantcols.Field, len(f.Columns))
	for i, c := range f.Columns {
		m[i] = c.Field
	}
	return m
}

// Rows is the number of rows below the heading, blank and footer rows included.
func (f *ParticipantFile) Rows() int { return max(0, len(f.sheet.Rows)-f.Header-1) }

// ReadParticipants opens a participant list and finds its heading: on the sheet with the most recognisable
// column headings, below any title rows, with merged cells read as if every cell of the merge held the value.
// A file that is not a workbook or CSV, an empty file and a file without a recognisable heading are refused
// with a message that says what to do.
func ReadParticipants(path string) (*ParticipantFile, error) {
	src, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	var best *ParticipantFile
	bestScore := 0
	empty := true
	for _, sh := range src.Sheets {
		if len(sh.Rows) == 0 {
			continue
		}
		empty = false
		if err := fillMerged(sh); err != nil {
			return nil, data.Wrap(data.KindInvalid, err, "%s terlalu besar untuk dibaca: sel gabungan pada lembar %q mencakup lebih dari %s sel; batalkan penggabungan sel (Unmerge Cells) lalu simpan dan impor lagi",
				baseName(path), sh.Name, thousands(maxCells))
		}
		header, ok := FindHeader(sh, headingScore, 2)
		if !ok {
			continue
		}
		if score := headingScore(sh.Rows[header]); score > bestScore {
			best = &ParticipantFile{Path: path, Format: src.Format, Sheet: sh.Name, Header: header, sheet: sh}
			bestScore = score
		}
	}
	name := baseName(path)
	if empty {
		return nil, data.Errorf(data.KindInvalid, "Berkas %s tidak berisi data apa pun", name)
	}
	if best == nil {
		return nil, data.Errorf(data.KindInvalid, "%s tidak memuat baris judul kolom yang dikenali: di 30 baris pertama tidak ada baris "+
			"dengan judul seperti NIP, NAMA, JABATAN atau UNIT KERJA. Tambahkan baris judul kolom di atas data (lihat templat)", name)
	}
	best.columns()
	if !hasField(best.Mapping(), participantcols.FieldName) {
		return nil, data.Errorf(data.KindInvalid, "%s: lembar %q tidak memiliki kolom NAMA; beri judul NAMA pada kolom nama peserta", name, best.Sheet)
	}
	return best, nil
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func hasField(m []participantcols.Field, f participantcols.Field) bool {
	for _, x := range m {
		if x == f {
			return true
		}
	}
	return false
}

// headingScore counts the distinct fields a row's cells name. Distinct, because a title merged across the
// sheet ("DINAS PENDIDIKAN …") is read into every cell of the merge and must count once.
func headingScore(row []string) int {
	seen := map[participantcols.Field]bool{}
	for _, c := range row {
		if len(c) > 60 {
			continue // a sentence, not a heading
		}
		if f := participantcols.MatchHeading(c); f != participantcols.FieldNone && f != participantcols.FieldNumber {
			seen[f] = true
		}
	}
	return len(seen)
}

// subHeadingWords are the words of the second row of a two-row heading: "GELAR" over "DEPAN | BELAKANG",
// "TEMPAT/TGL LAHIR" over "TEMPAT | TANGGAL".
var subHeadingWords = map[string]bool{"depan": true, "belakang": true, "tempat": true, "tanggal": true, "tgl": true}

// columns maps the heading's columns to fields. A heading of two rows (the first with cells merged over the
// second's) is read as one: each column's words are its second-row heading plus "lahir" or "gelar" from above.
// A field claimed by an earlier column is left to that column.
func (f *ParticipantFile) columns() {
	rows := f.sheet.Rows
	head := rows[f.Header]
	var sub []string
	if f.Header+1 < len(rows) && isSubHeading(rows[f.Header+1]) {
		sub = rows[f.Header+1]
		f.Header++
	}
	width := len(head)
	if len(sub) > width {
		width = len(sub)
	}
	taken := map[participantcols.Field]bool{}
	for i := 0; i < width; i++ {
		heading := cell(head, i)
		field := participantcols.MatchHeading(heading)
		if s := cell(sub, i); s != "" {
			context := ""
			for _, w := range []string{"lahir", "gelar"} {
				if strings.Contains(HeaderKey(heading), w) {
					context = " " + w
				}
			}
			if sf := participantcols.MatchHeading(s + context); sf != participantcols.FieldNone {
				field = sf
			}
			if heading == "" {
				heading = s
			} else if s != heading {
				heading += " " + s
			}
		}
		if taken[field] && field != participantcols.FieldNone {
			field = participantcols.FieldNone
		}
		taken[field] = true
		f.Columns = append(f.Columns, Column{Index: i, Heading: heading, Field: field})
	}
}

func isSubHeading(row []string) bool {
	known := 0
	for _, c := range row {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if strings.ContainsAny(c, "0123456789") {
			return false
		}
		if subHeadingWords[HeaderKey(c)] || participantcols.MatchHeading(c) != participantcols.FieldNone {
			known++
		}
	}
	return known > 0
}

func cell(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// errMergedTooLarge: the merged ranges of a sheet cover more than maxCells cells.
var errMergedTooLarge = errors.New("merged ranges too large")

// fillMerged copies the value of each merged range of a workbook sheet into every cell of the range, so that a
// unit merged over the rows of its five teachers belongs to all five (and a filled cell reads as a number when
// the merge's first cell does, storedAsNumber judging by the value). The cells the ranges cover count against
// maxCells, as the sheet's own did.
func fillMerged(sh *Sheet) error {
	merges := sh.merges
	// A range reaches no further right than the widest row: a merge over a whole row (to column XFD) must
	// not make every row 16,384 cells wide.
	width := 0
	for _, row := range sh.Rows {
		width = max(width, len(row))
	}
	area := 0
	for _, m := range merges {
		r1, c1, r2, c2 := m[0], m[1], m[2], min(m[3], width-1)
		if r1 < len(sh.Rows) && r2 >= r1 && c2 >= c1 {
			if area += (min(r2, len(sh.Rows)-1) - r1 + 1) * (c2 - c1 + 1); area > maxCells {
				return errMergedTooLarge
			}
		}
		if r1 < 0 || c1 < 0 || r1 >= len(sh.Rows) {
			continue
		}
		value := cell(sh.Rows[r1], c1)
		if value == "" {
			continue
		}
		for r := r1; r <= min(r2, len(sh.Rows)-1); r++ {
			row := sh.Rows[r]
			for len(row) <= c2 {
				row = append(row, "")
			}
			for c := c1; c <= c2; c++ {
				if strings.TrimSpace(row[c]) == "" {
					row[c] = value
				}
			}
			sh.Rows[r] = row
		}
	}
	return nil
}

// rawRow is one data row of the file, its cells by field (ParticipantFile.read).
type rawRow struct {
	line    int // 1-based, as the spreadsheet shows it
	values  map[participantcols.Field]string
	numeric map[participantcols.Field]bool // workbook cells stored as numbers
}

var (
	footerStart = regexp.MustCompile(`^(jumlah|total|mengetahui|keterangan|ket|catatan|dibuat|disahkan|ditetapkan|kepala|sekretaris|plt|plh|a n|ttd|tanda tangan|demikian)\b`)
	placeDate   = regexp.MustCompile(`^[\p{L} .]+,\s*\d{1,2}\s+\p{L}+\s+\d{4}$`)
)

// isFooter reports whether a row is the start of what follows a list: a total line, a place and date, a
// signature block.
func isFooter(row []string, numberCol int) bool {
	if numberCol >= 0 {
		if _, err := strconv.Atoi(cell(row, numberCol)); err == nil {
			return false
		}
	}
	for _, c := range row {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		return footerStart.MatchString(HeaderKey(c)) || placeDate.MatchString(c)
	}
	return false
}

// isNumbering reports whether a row only numbers the columns ("1 | 2 | 3 | …"), as official tables print
// under their heading.
func isNumbering(row []string) bool {
	n := 0
	for _, c := range row {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		v, err := strconv.Atoi(c)
		if err != nil || v != n+1 {
			return false
		}
		n++
	}
	return n >= 3
}

// repeatsHeading reports whether a row repeats the heading, as lists printed over several pages do: two or
// more of its cells equal the heading's cells above them.
func repeatsHeading(row, heading []string) bool {
	same := 0
	for i, c := range row {
		if h := cell(heading, i); h != "" && strings.EqualFold(strings.TrimSpace(c), h) {
			same++
		}
	}
	return same >= 2
}

// dataRows finds the data rows under the heading with the given mapping (0-based rows of the sheet). Blank
// rows, rows that only number the columns, rows with nothing but a number and repeated headings are skipped;
// reading stops at the first footer line, which is returned (1-based, 0 when there is none).
func (f *ParticipantFile) dataRows(mapping []participantcols.Field) (rows []int, footer int) {
	numberCol := -1
	for i, m := range mapping {
		if m == participantcols.FieldNumber {
			numberCol = i
		}
	}
	for r := f.Header + 1; r < len(f.sheet.Rows); r++ {
		row := f.sheet.Rows[r]
		if IsBlank(row) || isNumbering(row) || repeatsHeading(row, f.sheet.Rows[f.Header]) {
			continue
		}
		if isFooter(row, numberCol) {
			return rows, r + 1
		}
		for i, field := range mapping {
			if field != participantcols.FieldNone && field != participantcols.FieldNumber && cell(row, i) != "" {
				rows = append(rows, r)
				break
			}
		}
	}
	return rows, 0
}

// read fills raw with sheet row r's cells by field, reusing its maps. Plan reads one row at a time into the
// same rawRow: holding a rawRow of two maps for every row at once was the largest part of planning a
// 199,990-row list (about 300 MB of its 600 MB peak).
func (f *ParticipantFile) read(r int, mapping []participantcols.Field, raw *rawRow) {
	if raw.values == nil {
		raw.values, raw.numeric = map[participantcols.Field]string{}, map[participantcols.Field]bool{}
	}
	clear(raw.values)
	clear(raw.numeric)
	raw.line = r + 1
	row := f.sheet.Rows[r]
	for i, field := range mapping {
		if field == participantcols.FieldNone {
			continue
		}
		v := cell(row, i)
		if v == "" {
			continue
		}
		raw.values[field] = v
		switch field {
		case participantcols.FieldNIP, participantcols.FieldNIK, participantcols.FieldPhone, participantcols.FieldBirthDate:
			raw.numeric[field] = f.sheet.IsNumeric(r, i)
		}
	}
}

// parse turns a raw row into a participant as the file gives it (not yet merged with the stored one), with
// its problems (the row cannot be stored) and warnings (it can, with what was set aside).
func (f *ParticipantFile) parse(r *rawRow, heading func(participantcols.Field) string) (p *data.Participant, problems, warnings []Problem) {
	p = &data.Participant{}
	v := r.values
	bad := func(field participantcols.Field, format string, args ...any) {
		problems = append(problems, Problem{Column: heading(field), Message: fmt.Sprintf(format, args...)})
	}
	warn := func(field participantcols.Field, format string, args ...any) {
		warnings = append(warnings, Problem{Column: heading(field), Message: fmt.Sprintf(format, args...)})
	}
	if s := v[participantcols.FieldNIP]; s != "" && s != "-" {
		switch {
		case r.numeric[participantcols.FieldNIP]:
			bad(participantcols.FieldNIP, "NIP %s tersimpan sebagai angka di Excel, sehingga digit terakhirnya bisa hilang (Excel hanya menyimpan 15 digit); "+
				"format kolom NIP sebagai Teks (Text) lalu ketik ulang NIP-nya", s)
		default:
			if n, err := nip.Parse(s); err != nil {
				bad(participantcols.FieldNIP, "%s", err)
			} else {
				p.NIP = n.Digits
				for _, w := range n.Warnings {
					warn(participantcols.FieldNIP, "%s", w)
				}
			}
		}
	}
	if s := v[participantcols.FieldNIK]; s != "" && s != "-" {
		if r.numeric[participantcols.FieldNIK] || nip.LooksNumeric(s) {
			bad(participantcols.FieldNIK, "NIK %s tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang; format kolom NIK sebagai Teks (Text) lalu ketik ulang", s)
		} else {
			p.NIK = s
		}
	}
	front, name, back := data.SplitTitles(v[participantcols.FieldName])
	p.Name, p.FrontTitle, p.BackTitle = name, front, back
	if s := v[participantcols.FieldTitles]; s != "" {
		tf, tb := data.SplitTitleWords(s)
		p.FrontTitle, p.BackTitle = joinTitles(p.FrontTitle, tf), joinTitles(p.BackTitle, tb)
	}
	if s := v[participantcols.FieldFrontTitle]; s != "" && s != "-" {
		p.FrontTitle = s
	}
	if s := v[participantcols.FieldBackTitle]; s != "" && s != "-" {
		p.BackTitle = s
	}
	if s := v[participantcols.FieldSex]; s != "" {
		p.Sex = s
	}
	if s := v[participantcols.FieldBirth]; s != "" {
		place, date, ok := splitBirth(s)
		p.BirthPlace = place
		if ok {
			p.BirthDate = date
		} else if date.IsZero() && strings.ContainsAny(s, "0123456789") {
			bad(participantcols.FieldBirth, "tanggal lahir dalam %q tidak dikenali; tulis sebagai Tempat, HH-BB-TTTT, misalnya Sumedang, 12-03-1980", s)
		}
	}
	if s := v[participantcols.FieldBirthPlace]; s != "" {
		p.BirthPlace = s
	}
	if s := v[participantcols.FieldBirthDate]; s != "" && s != "-" {
		if d, ok := parseDateCell(s, r.numeric[participantcols.FieldBirthDate]); ok {
			p.BirthDate = d
		} else {
			bad(participantcols.FieldBirthDate, "%q bukan tanggal; tulis sebagai HH-BB-TTTT, misalnya 12-03-1980", s)
		}
	}
	if s := v[participantcols.FieldStatus]; s != "" {
		if st, ok := data.NormalizeEmploymentStatus(s); ok {
			p.EmploymentStatus = st
		} else {
			warn(participantcols.FieldStatus, "status %q tidak dikenali (PNS, CPNS, PPPK, PPPK Paruh Waktu atau Non-ASN); status diambil dari NIP", s)
		}
	}
	if s := v[participantcols.FieldRank]; s != "" {
		if code, ok := rank.Normalize(s); ok {
			p.RankCode = code
		} else {
			warn(participantcols.FieldRank, "pangkat/golongan %q tidak dikenali dan dikosongkan; tulis misalnya III/b atau Penata Muda Tingkat I", s)
		}
	}
	p.Position = v[participantcols.FieldPosition]
	if s := v[participantcols.FieldPositionKind]; s != "" {
		if k, ok := positionKind(s); ok {
			p.PositionKind = k
		} else {
			warn(participantcols.FieldPositionKind, "jenis jabatan %q tidak dikenali dan dikosongkan", s)
		}
	}
	// Email and phone are how to reach a person, not who the person is: a wrong one is left empty with a
	// warning and the row is still stored.
	p.Unit, p.Agency = v[participantcols.FieldUnit], v[participantcols.FieldAgency]
	if s := v[participantcols.FieldEmail]; s != "" && s != "-" {
		if data.ValidEmail(s) {
			p.Email = s
		} else {
			warn(participantcols.FieldEmail, "%q bukan alamat email yang benar dan dikosongkan; perbaiki di berkas atau di data peserta", s)
		}
	}
	if s := v[participantcols.FieldPhone]; s != "" && s != "-" {
		phone, ok := cleanPhone(s, r.numeric[participantcols.FieldPhone])
		switch {
		case ok:
			p.Phone = phone
		case r.numeric[participantcols.FieldPhone] || nip.LooksNumeric(s):
			warn(participantcols.FieldPhone, "nomor telepon %q rusak karena tersimpan sebagai angka di Excel dan dikosongkan; format kolomnya sebagai Teks", s)
		default:
			warn(participantcols.FieldPhone, "%q bukan nomor telepon dan dikosongkan", s)
		}
	}
	if s := v[participantcols.FieldService]; s != "" && s != "-" {
		if st, ok := data.ParseServiceStatus(s); ok {
			p.Service = st
		} else {
			warn(participantcols.FieldService, "status keaktifan %q tidak dikenali dan dibiarkan; tulis Aktif, Pensiun atau Pindah", s)
		}
	}
	return p, problems, warnings
}

func joinTitles(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

func positionKind(s string) (string, bool) {
	key := HeaderKey(s)
	for _, k := range data.PositionKinds {
		if HeaderKey(k) == key {
			return k, true
		}
	}
	return "", false
}

var birthDateAtEnd = regexp.MustCompile(`(\d{1,2}[-/. ]\d{1,2}[-/. ]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\.?\s+\d{4})\s*$`)

// splitBirth reads "Sumedang, 12-03-1980", "Sumedang / 12 Maret 1980" or "Sumedang 12/03/1980" into the place
// and the date; ok is false when no date could be read (the place is still returned).
func splitBirth(s string) (place string, date time.Time, ok bool) {
	loc := birthDateAtEnd.FindStringIndex(s)
	if loc == nil {
		return strings.Trim(s, " ,/-"), time.Time{}, false
	}
	place = strings.Trim(s[:loc[0]], " ,/-")
	date, ok = parseDateCell(strings.TrimSpace(s[loc[0]:]), false)
	return place, date, ok
}

var monthNames = map[string]time.Month{}

func init() {
	english := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, m := range indo.Months {
		month := time.Month(i + 1)
		monthNames[strings.ToLower(m)] = month
		monthNames[strings.ToLower(m[:3])] = month
		monthNames[english[i]] = month
		monthNames[english[i][:3]] = month
	}
	monthNames["agu"], monthNames["okt"], monthNames["des"], monthNames["peb"], monthNames["pebruari"] = 8, 10, 12, 2, 2
}

var wordDate = regexp.MustCompile(`^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})$`)

// parseDateCell reads a date as lists hold it: an Excel date serial (a date-formatted workbook cell read as its
// value), "12-03-1980", "12/03/1980", "1980-03-12" or "12 Maret 1980".
func parseDateCell(s string, numeric bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if numeric {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 2958466 {
			t, err := excelize.ExcelDateToTime(f, false)
			return data.Day(t), err == nil
		}
	}
	if t, err := data.ParseDate(strings.ReplaceAll(s, " ", "-")); err == nil {
		return t, true
	}
	if m := wordDate.FindStringSubmatch(s); m != nil {
		if month, ok := monthNames[strings.ToLower(m[2])]; ok {
			day, _ := strconv.Atoi(m[1])
			year, _ := strconv.Atoi(m[3])
			t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
			return t, t.Day() == day
		}
	}
	return time.Time{}, false
}

// cleanPhone keeps a phone number's digits and its leading plus; a number Excel stored as a number lost its
// leading 0, which is put back. Scientific notation cannot be repaired. A number has 6 to 15 digits (a local
// landline without its area code; E.164's longest): "12" or a NIP typed into the phone column is not one.
func cleanPhone(s string, numeric bool) (string, bool) {
	if nip.LooksNumeric(s) || strings.ContainsAny(s, "eE") && numeric {
		return "", false
	}
	var b strings.Builder
	for i, r := range s {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if numeric && strings.HasPrefix(out, "8") {
		out = "0" + out
	}
	digits := len(strings.TrimPrefix(out, "+"))
	return out, digits >= 6 && digits <= 15
}
