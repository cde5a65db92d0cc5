// Package importer reads the documents coordinators receive (participant lists, survey responses, online
// meeting reports, as .xlsx or .csv) and turns them into data-layer records with a row-by-row report of what
// is wrong. It never writes half a file: callers validate everything, then write in one transaction.
//
// The three importers go the same way. ReadParticipants, ReadResponses and ReadAttendance read a file through
// Open, the one reader of .xlsx and .csv files, into a ParticipantFile, ResponseFile or AttendanceFile. Its
// Plan checks every row against the rules and the database without writing, into a ParticipantPlan,
// ResponsePlan or AttendancePlan whose Problems name the row and the column. The window shows the plan and the
// command line prints it; the plan's Apply then writes it in one transaction of the store.
package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/pembina/pembina/data"
)

// Sheet is one table of a source: a worksheet of a workbook, or the whole of a CSV file. Rows hold the cell
// values as stored (never formulas: a formula cell gives its last computed value), right-trimmed of empty cells.
type Sheet struct {
	Name string
	Rows [][]string
	// numeric tells whether the cell at (row, col) is stored as a number in a workbook; nil for CSV.
	numeric func(row, col int) bool
	// merges are the merged ranges of a workbook sheet (first row, first column, last row, last column; 0-based).
	merges [][4]int
	// lines holds the file line where each row starts, for CSV (which skips blank lines); nil for workbooks.
	lines []int
}

// Line is the number the user sees for a row in their program: the line of a CSV file (blank lines and
// line breaks inside quoted cells count), or the row number of a worksheet.
func (s *Sheet) Line(row int) int {
	if row >= 0 && row < len(s.lines) {
		return s.lines[row]
	}
	return row + 1
}

// IsNumeric reports whether a workbook cell holds a number rather than text. A NIP stored as a number has lost
// its last digits to Excel's 15 significant digits, and the coordinator must be told to format the column as
// Text.
func (s *Sheet) IsNumeric(row, col int) bool {
	if s.numeric == nil || row >= len(s.Rows) || col >= len(s.Rows[row]) || s.Rows[row][col] == "" {
		return false
	}
	return s.numeric(row, col)
}

// Cell returns the trimmed value at (row, col), or "" outside the sheet.
func (s *Sheet) Cell(row, col int) string {
	if row < 0 || row >= len(s.Rows) || col < 0 || col >= len(s.Rows[row]) {
		return ""
	}
	return strings.TrimSpace(s.Rows[row][col])
}

// Source is a file opened for import.
type Source struct {
	Path   string
	Format string // "xlsx" or "csv"
	Sheets []*Sheet
}

// Close releases the source. The workbook is read whole by Open and closed there; Close stays so that
// callers need not know.
func (s *Source) Close() error { return nil }

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .xls and other old Office files
	pdfMagic = []byte("%PDF")
)

// Open reads an .xlsx or .csv file. The content decides, not the name: a workbook renamed .csv is read as a
// workbook, and a file that is neither (an old .xls, a PDF, an image, a Word file, an empty file) is refused
// with a message that says what to do.
func Open(path string) (*Source, error) {
	name := filepath.Base(path)
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return nil, data.Errorf(data.KindInvalid, "Berkas %s kosong", name)
	case bytes.HasPrefix(b, oleMagic):
		return nil, data.Errorf(data.KindInvalid, "%s adalah berkas Excel lama (.xls) atau dokumen Office lama; buka di Excel lalu simpan sebagai .xlsx atau .csv", name)
	case bytes.HasPrefix(b, pdfMagic):
		return nil, data.Errorf(data.KindInvalid, "%s adalah PDF, bukan daftar; ekspor datanya ke .xlsx atau .csv", name)
	case bytes.HasPrefix(b, zipMagic):
		return openWorkbook(path, b)
	case hasUTF16BOM(b):
		return openUTF16(path, b)
	case looksBinary(b):
		return nil, data.Errorf(data.KindInvalid, "%s bukan berkas .xlsx atau .csv (isinya bukan teks); simpan daftarnya sebagai .xlsx atau .csv", name)
	case looksHTML(b):
		return nil, data.Errorf(data.KindInvalid, "%s berisi halaman web (HTML), bukan daftar Excel atau CSV, meski namanya begitu; buka di Excel lalu simpan sebagai .xlsx", name)
	case isWorkbookName(name):
		return nil, data.Errorf(data.KindInvalid, "%s bernama buku kerja Excel tetapi isinya teks biasa; simpan ulang sebagai .xlsx, atau ganti akhiran namanya menjadi .csv", name)
	}
	return openCSV(path, b)
}

// readFile reads a whole file of at most maxFileBytes; a larger one is refused before it is read.
func readFile(path string) ([]byte, error) {
	name := filepath.Base(path)
	// Stat before Open: opening a named pipe waits for a writer that never comes.
	if info, err := os.Stat(path); err == nil && !info.IsDir() && !info.Mode().IsRegular() {
		return nil, data.Errorf(data.KindInvalid, "%s bukan berkas biasa (perangkat, pipa atau soket); pilih berkas .xlsx atau .csv", name)
	}
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, data.Errorf(data.KindNotFound, "Berkas %s tidak ditemukan", path)
		}
		return nil, data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat dibaca: %v", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat dibaca: %v", path, err)
	}
	if info.IsDir() {
		return nil, data.Errorf(data.KindInvalid, "%s adalah folder, bukan berkas; pilih berkas .xlsx atau .csv di dalamnya", name)
	}
	if info.Size() > maxFileBytes {
		return nil, tooLarge(name, "berkasnya %s MB (paling besar %s MB); pecah daftarnya menjadi beberapa berkas", thousands(int(info.Size()>>20)), thousands(maxFileBytes>>20))
	}
	// Read into a buffer of the file's size: io.ReadAll grows its buffer by doubling, which held up to three
	// times a 63 MB file while it read (a refusal that peaked at 195 MB).
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, maxFileBytes+1)); err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat dibaca: %v", path, err)
	}
	b := buf.Bytes()
	if len(b) > maxFileBytes {
		return nil, tooLarge(name, "berkasnya lebih dari %s MB; pecah daftarnya menjadi beberapa berkas", thousands(maxFileBytes>>20))
	}
	return b, nil
}

// looksHTML recognises the "Excel" files web applications export: an HTML table under an .xls name.
func looksHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(b[:min(len(b), 1024)], []byte("\xef\xbb\xbf"))))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) || bytes.HasPrefix(head, []byte("<table"))
}

func isWorkbookName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".xls":
		return true
	}
	return false
}

func looksBinary(b []byte) bool {
	head := b[:min(len(b), 8192)]
	return bytes.IndexByte(head, 0) >= 0
}

// openCSV reads UTF-8 (with or without a BOM) or, failing that, Windows-1252, which Excel on Indonesian Windows
// writes; the delimiter (comma, semicolon or tab) is the one the first lines use most. Lines may end in LF,
// CRLF or a lone CR (old Mac Excel). A quoted cell must be closed: one left open is refused with its line,
// never read on into the next person's row. The limits of limits.go apply as the rows are read.
func openCSV(path string, b []byte) (*Source, error) {
	name := filepath.Base(path)
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return nil, data.Wrap(data.KindInvalid, err, "%s memakai pengodean huruf yang tidak dikenal; simpan sebagai CSV UTF-8", name)
		}
		b = decoded
	}
	b = normalizeLineEnds(b)
	comma := sniffDelimiter(b)
	rows, lines, err := readCSV(b, comma, false, name)
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
		// A quote inside an unquoted cell (Budi "Ubed" Santoso) is text; read it as such, but a quoted cell
		// must still end before the next row begins.
		rows, lines, err = readCSV(b, comma, true, name)
	}
	if err != nil {
		return nil, err
	}
	return &Source{Path: path, Format: "csv", Sheets: []*Sheet{{Name: strings.TrimSuffix(name, filepath.Ext(path)), Rows: rows, lines: lines}}}, nil
}

// normalizeLineEnds turns CRLF and lone CR line ends into LF, in place (the text only gets shorter; b is the
// reader's own copy of the file). Two bytes.ReplaceAll held three copies of a 43 MB CSV file at once.
func normalizeLineEnds(b []byte) []byte {
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return b
	}
	out := b[:i]
	for ; i < len(b); i++ {
		switch {
		case b[i] != '\r':
			out = append(out, b[i])
		case i+1 < len(b) && b[i+1] == '\n':
			// the LF that follows is kept on the next turn
		default:
			out = append(out, '\n')
		}
	}
	return out
}

// readCSV reads the records of b. With lazy quotes a quote inside an unquoted cell is text; a quoted cell that
// then swallows a line end followed by the delimiter (what an unclosed quote does to the next row) is refused
// as an unclosed quote.
func readCSV(b []byte, comma rune, lazy bool, name string) (rows [][]string, lines []int, err error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = lazy
	r.ReuseRecord = false
	cells, text := maxCells, maxTextBytes
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) {
				return nil, nil, data.Wrap(data.KindInvalid, err, "%s baris %d: tanda kutip (\") dibuka tetapi tidak ditutup; perbaiki sel itu (tutup kutipnya atau hapus) lalu simpan lagi", name, pe.StartLine)
			}
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
				return nil, nil, err
			}
			line, _ := r.FieldPos(0)
			return nil, nil, data.Wrap(data.KindInvalid, err, "%s baris %d tidak dapat dibaca sebagai CSV; simpan ulang dari Excel sebagai CSV", name, line)
		}
		line, _ := r.FieldPos(0)
		rec = trimRight(rec)
		if len(rec) > MaxColumns {
			return nil, nil, tooLarge(name, "baris %s memakai %s kolom (paling banyak %s)", thousands(line), thousands(len(rec)), thousands(MaxColumns))
		}
		if cells -= len(rec); cells < 0 {
			return nil, nil, tooLarge(name, "berisi lebih dari %s sel; pecah daftarnya menjadi beberapa berkas", thousands(maxCells))
		}
		for i, c := range rec {
			if tooLong(c) {
				return nil, nil, tooLarge(name, "sel ke-%d baris %s berisi lebih dari %s karakter, batas Excel", i+1, thousands(line), thousands(MaxCellChars))
			}
			if text -= len(c); text < 0 {
				return nil, nil, tooLongText(name)
			}
			if lazy && strings.Contains(c, "\n") && strings.ContainsRune(c[strings.IndexByte(c, '\n'):], comma) {
				return nil, nil, data.Errorf(data.KindInvalid, "%s baris %d: tanda kutip (\") dibuka tetapi tidak ditutup, sehingga baris berikutnya ikut terbaca ke dalam sel ke-%d; perbaiki sel itu lalu simpan lagi", name, line, i+1)
			}
		}
		if len(rows) >= MaxDataRows {
			return nil, nil, tooLarge(name, "berisi lebih dari %s baris; pecah daftarnya menjadi beberapa berkas", thousands(MaxDataRows))
		}
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	return rows, lines, nil
}

// sniffDelimiter picks the delimiter of a CSV file: of comma, semicolon and tab, the one that stands most
// often, outside quotes, on one of the first lines. Looking at one line is not enough: an office's list often
// opens with a title line ("DAFTAR PESERTA, DINAS PENDIDIKAN") above the heading.
func sniffDelimiter(b []byte) rune {
	const lines = 20
	most := map[rune]int{}
	counts := map[rune]int{}
	quoted := false
	seen := 0
	for _, c := range string(b) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		case !quoted && c == '\n':
			for d, n := range counts {
				most[d] = max(most[d], n)
			}
			clear(counts)
			seen++
		}
		if seen == lines {
			break
		}
	}
	for d, n := range counts {
		most[d] = max(most[d], n)
	}
	best, n := ',', 0
	for _, c := range []rune{',', ';', '\t'} {
		if most[c] > n {
			best, n = c, most[c]
		}
	}
	return best
}

func trimRight(rec []string) []string {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	return rec[:n]
}

// HeaderKey folds a column heading for matching synonyms: "Gol./Ruang" and "GOL RUANG" give "gol ruang".
func HeaderKey(s string) string { return data.SearchKey(s) }

// FindHeader finds the heading row among the first rows of a sheet, below any title rows and merged cells:
// the row where score (how many of its cells are known headings) is highest, with at least minKnown.
func FindHeader(s *Sheet, score func(row []string) int, minKnown int) (int, bool) {
	best, bestScore := -1, minKnown-1
	for i, row := range s.Rows[:min(len(s.Rows), 30)] {
		if n := score(row); n > bestScore {
			best, bestScore = i, n
		}
	}
	return best, best >= 0
}

// FirstWithHeader returns the first sheet whose heading FindHeader finds, with the heading's row; nil and -1
// when no sheet has one.
func (src *Source) FirstWithHeader(score func(row []string) int, minKnown int) (*Sheet, int) {
	for _, s := range src.Sheets {
		if h, ok := FindHeader(s, score, minKnown); ok {
			return s, h
		}
	}
	return nil, -1
}

// IsBlank reports whether every cell of the row is empty.
func IsBlank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
