package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
)

// openWorkbook reads every sheet of an .xlsx package with excelize's streaming row iterator (File.Rows,
// Rows.Columns with RawCellValue: stored values, never formulas, dates as their serial numbers), within the
// limits of limits.go: the package's parts are measured and their elements counted before anything is
// unpacked (measurePackage), and rows, columns, cells and cell lengths are counted as they stream, so that a
// hostile file is refused before it is held.
//
// Merged ranges come from GetMergeCells, which makes excelize load the worksheet whole (about 200 bytes a cell
// element); it is called only for a package that has merged ranges and at most maxLayoutCells cell elements
// (maxLayoutElements elements of any kind) in its worksheets, and a larger one with merged ranges is refused
// with a message. Numbers are told from text by their stored
// value (storedAsNumber), which is where Excel's damage to a NIP shows; asking excelize for each cell's type
// would need the same whole load, for every list.
//
// Streaming replaced a hand-written reader of the package's XML (xlsx_fast.go), which the rule for keeping it
// required to be at least twice as fast end to end; measured on the same files and machine (2 shared cores,
// CPU time per operation, wall time in brackets), it was not: BenchmarkImportTenThousand 0.49–0.53 s
// (1.51–1.68 s) with it, 0.80–0.83 s (2.28–2.68 s) with streaming; BenchmarkImportGoogleForms 0.20–0.21 s
// (0.38–0.46 s) against 0.33–0.35 s (0.62–0.99 s). It had also allocated 4.4–4.8 GB for a 1.6 KB workbook
// that claimed row 50,000,000, which excelize refuses at once.
func openWorkbook(path string, b []byte) (*Source, error) {
	name := filepath.Base(path)
	broken := func(err error) error {
		return data.Wrap(data.KindInvalid, err, "%s bukan buku kerja Excel (.xlsx) yang utuh; buka di Excel lalu simpan ulang sebagai .xlsx", name)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, broken(err)
	}
	pkg, err := measurePackage(zr, name)
	if err != nil {
		return nil, err
	}
	if pkg.cells > maxCellElements {
		return nil, tooLarge(name, "lembar-lembarnya berisi lebih dari %s sel; pecah daftarnya menjadi beberapa berkas", thousands(maxCellElements))
	}
	if pkg.merges > maxMerges {
		return nil, tooLarge(name, "memuat %s sel gabungan (paling banyak %s); batalkan penggabungan sel (Unmerge Cells) lalu simpan dan impor lagi", thousands(pkg.merges), thousands(maxMerges))
	}
	if pkg.merges > 0 && pkg.unnumbered > maxLayoutUnnumbered {
		return nil, tooLarge(name, "memuat sel gabungan (merge) dan %s baris tanpa nomor baris, jadi tidak dibuat oleh Excel; buka di Excel lalu simpan ulang sebagai .xlsx", thousands(pkg.unnumbered))
	}
	if pkg.merges > 0 && (pkg.cells > maxLayoutCells || pkg.sheetElements > maxLayoutElements) {
		return nil, tooLarge(name, "daftar sebesar ini (lebih dari %s sel) tidak boleh memuat sel gabungan (merge); pilih semua sel, batalkan penggabungan (Unmerge Cells), lalu simpan dan impor lagi", thousands(maxLayoutCells))
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true,
		UnzipSizeLimit: maxPackageBytes, UnzipXMLSizeLimit: xmlInMemoryBytes})
	if err != nil {
		return nil, broken(err)
	}
	defer f.Close()
	src := &Source{Path: path, Format: "xlsx"}
	budget, text := maxCells, maxTextBytes
	for _, sheetName := range f.GetSheetList() {
		sh, err := readSheet(f, name, sheetName, &budget, &text)
		if err != nil {
			return nil, err
		}
		if pkg.merges > 0 {
			if err := sh.readMerges(f, name); err != nil {
				return nil, err
			}
		}
		sh.numeric = sh.storedAsNumber
		src.Sheets = append(src.Sheets, sh)
	}
	if len(src.Sheets) == 0 {
		return nil, broken(errors.New("no sheets"))
	}
	return src, nil
}

// readSheet streams one worksheet's rows, refusing it as soon as it passes a limit; budget and text are what
// remain of the file's cells and bytes of text.
func readSheet(f *excelize.File, name, sheetName string, budget, text *int) (*Sheet, error) {
	rows, err := f.Rows(sheetName)
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "Lembar %q dalam %s tidak dapat dibaca; buka di Excel lalu simpan ulang sebagai .xlsx", sheetName, name)
	}
	defer rows.Close()
	sh := &Sheet{Name: sheetName}
	n, filled := 0, 0
	for rows.Next() {
		n++
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, sheetError(err, name, sheetName, n)
		}
		row = trimRight(row)
		if len(row) == 0 {
			continue
		}
		row = compactRow(row)
		if len(row) > MaxColumns {
			return nil, tooLarge(name, "baris %s lembar %q memakai %s kolom (paling banyak %s); hapus isi kolom di kanan daftar", thousands(n), sheetName, thousands(len(row)), thousands(MaxColumns))
		}
		if filled++; filled > MaxDataRows {
			return nil, tooLarge(name, "lembar %q berisi lebih dari %s baris; pecah daftarnya menjadi beberapa berkas", sheetName, thousands(MaxDataRows))
		}
		if *budget -= len(row); *budget < 0 {
			return nil, tooLarge(name, "berisi lebih dari %s sel; pecah daftarnya menjadi beberapa berkas", thousands(maxCells))
		}
		for c, v := range row {
			if tooLong(v) {
				return nil, tooLarge(name, "sel %s lembar %q berisi lebih dari %s karakter, batas Excel", cellName(c, n), sheetName, thousands(MaxCellChars))
			}
			if *text -= len(v); *text < 0 {
				return nil, tooLongText(name)
			}
		}
		for len(sh.Rows) < n-1 {
			sh.Rows = append(sh.Rows, nil)
		}
		sh.Rows = append(sh.Rows, row)
	}
	if err := rows.Error(); err != nil {
		return nil, sheetError(err, name, sheetName, n)
	}
	return sh, nil
}

// sheetError explains an error of the row iterator: a row beyond Excel's last, or a broken worksheet.
func sheetError(err error, name, sheetName string, row int) error {
	if errors.Is(err, excelize.ErrMaxRows) {
		return tooLarge(name, "lembar %q memuat nomor baris di atas %s, baris terakhir Excel; berkas ini tidak dibuat oleh Excel atau rusak", sheetName, thousands(MaxSheetRows))
	}
	return data.Wrap(data.KindInvalid, err, "Lembar %q dalam %s tidak dapat dibaca sesudah baris %s; buka di Excel lalu simpan ulang sebagai .xlsx", sheetName, name, thousands(row))
}

// tooLong reports whether a cell holds more than MaxCellChars UTF-16 units.
func tooLong(s string) bool {
	if len(s) <= MaxCellChars {
		return false
	}
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
		if r == utf8.RuneError {
			n++
		}
	}
	return n > MaxCellChars
}

// readMerges reads the sheet's merged ranges.
func (sh *Sheet) readMerges(f *excelize.File, name string) error {
	merges, err := f.GetMergeCells(sh.Name, true)
	if err != nil {
		return data.Wrap(data.KindInvalid, err, "Sel gabungan pada lembar %q dalam %s tidak dapat dibaca; buka di Excel lalu simpan ulang sebagai .xlsx", sh.Name, name)
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil {
			sh.merges = append(sh.merges, [4]int{r1 - 1, c1 - 1, r2 - 1, c2 - 1})
		}
	}
	return nil
}

// numberLike reports whether a stored value could be a number: digits with at most a sign, a point and an
// exponent. Only such cells are asked for their type.
func numberLike(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// storedAsNumber tells a number from text by the stored value: a value that reads as a number is one, except
// an integer of 16 digits or more that does not end in 000. Excel holds numbers to 15 significant digits and
// fills the rest with zeros, so a NIP Excel turned into a number shows it ("1.98609262015051E+17", or
// "198609262015051000"; no NIP ends in 000, its last three digits number the person from 001), while a NIP or
// NIK typed as text keeps its digits.
func (sh *Sheet) storedAsNumber(row, col int) bool {
	s := strings.TrimSpace(sh.Rows[row][col])
	if !numberLike(s) {
		return false
	}
	digits := strings.TrimLeft(s, "+-")
	if strings.ContainsAny(digits, ".eE") || len(digits) < 16 {
		return true
	}
	return strings.HasSuffix(digits, "000")
}

// compactRow copies a row's cells into one string and a slice of exactly their number. excelize builds each
// cell in its own strings.Builder and the row in a slice grown by appending, both with room to spare: the
// 199,990 rows of 15 columns of the largest list held 119 MB that way.
func compactRow(row []string) []string {
	n := 0
	for _, c := range row {
		n += len(c)
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range row {
		b.WriteString(c)
	}
	all, out := b.String(), make([]string, len(row))
	for i, c := range row {
		out[i], all = all[:len(c)], all[len(c):]
	}
	return out
}
