package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
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
// limits of limits.go: the package's parts are measured before anything is unpacked, and rows, columns, cells
// and cell lengths are counted as they stream, so that a hostile file is refused before it is held.
//
// Merged ranges come from GetMergeCells, which makes excelize load the worksheet whole (about 200 bytes a cell
// element); it is called only for a package that has merged ranges and at most maxLayoutCells cell elements,
// and a larger one with merged ranges is refused with a message. Numbers are told from text by their stored
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
	if pkg.merges > 0 && pkg.cells > maxLayoutCells {
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

// packageSize is what measurePackage found: the cell and merged-range elements of the worksheets, the
// strings of the shared-strings part, and every element of the other parts.
type packageSize struct{ cells, merges, strings, elements int }

// measurePackage checks the sizes a package's parts declare before excelize unpacks them (the zip reader
// refuses a part that expands beyond what it declares), and counts the worksheets' cell and merged-range
// elements and the shared strings by streaming through them.
func measurePackage(zr *zip.Reader, name string) (packageSize, error) {
	var size packageSize
	if len(zr.File) > maxParts {
		return size, tooLarge(name, "berisi %s bagian (paling banyak %s)", thousands(len(zr.File)), thousands(maxParts))
	}
	var total, inMemory uint64
	for _, zf := range zr.File {
		part := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, `\`, "/"), "/"))
		limit := uint64(maxOtherPartBytes)
		sheet := strings.HasPrefix(part, "xl/worksheets/") && strings.HasSuffix(part, ".xml") && !strings.Contains(part, "_rels")
		streamed := sheet || part == "xl/sharedstrings.xml"
		switch {
		case sheet:
			limit = maxSheetPartBytes
		case part == "xl/sharedstrings.xml":
			limit = maxSharedStringsBytes
		}
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > limit {
			return size, tooLarge(name, "bagian %s berisi %s MB data (paling banyak %s MB)", zf.Name, thousands(int(zf.UncompressedSize64>>20)), thousands(int(limit>>20)))
		}
		if total > maxPackageBytes {
			return size, tooLarge(name, "isinya lebih dari %s MB setelah dibuka", thousands(maxPackageBytes>>20))
		}
		if !streamed || zf.UncompressedSize64 <= xmlInMemoryBytes {
			if inMemory += zf.UncompressedSize64; inMemory > maxInMemoryBytes {
				return size, tooLarge(name, "bagian-bagiannya selain lembar data (gambar, gaya sel, dan sejenisnya) berisi lebih dari %s MB; hapus gambar dan objek lain dari buku kerja, lalu simpan dan impor lagi", thousands(maxInMemoryBytes>>20))
			}
		}
		xml := strings.HasSuffix(part, ".xml") || strings.HasSuffix(part, ".rels")
		if !streamed && !(xml && zf.UncompressedSize64 > 4<<10) {
			continue // a small part holds few elements; a part that is not XML is not decoded
		}
		n, err := countElements(zf)
		if err != nil {
			return size, data.Wrap(data.KindInvalid, err, "%s bukan buku kerja Excel (.xlsx) yang utuh; buka di Excel lalu simpan ulang sebagai .xlsx", name)
		}
		if !streamed {
			if size.elements += n.elements; size.elements > maxOtherElements {
				return size, tooLarge(name, "bagian %s dan bagian lain selain lembar data berisi lebih dari %s unsur, jauh di atas buku kerja Excel biasa; buka di Excel lalu simpan ulang sebagai .xlsx", zf.Name, thousands(maxOtherElements))
			}
			continue
		}
		size.cells += n.cells
		size.merges += n.merges
		size.strings += n.strings
	}
	if size.strings > maxSharedStrings {
		return size, tooLarge(name, "daftar teksnya (shared strings) berisi %s teks (paling banyak %s)", thousands(size.strings), thousands(maxSharedStrings))
	}
	return size, nil
}

var (
	cellOpen   = []byte("<c")
	stringOpen = []byte("<si")
	mergeOpen  = []byte("<mergeCell ")
)

// countElements counts, in a part, the openings of cell elements ("<c" followed by a space, "/" or ">"), of
// merged ranges, of shared strings and of every element, in blocks of 64 KB: a bound on what loading the
// part would build.
func countElements(zf *zip.File) (n packageSize, err error) {
	rc, err := zf.Open()
	if err != nil {
		return n, err
	}
	defer rc.Close()
	buf := make([]byte, 64<<10)
	carry := 0 // bytes kept from the previous block, so an element split across blocks is counted once
	for {
		got, err := io.ReadFull(rc, buf[carry:])
		chunk := buf[:carry+got]
		end := len(chunk)
		if err == nil {
			end -= len(mergeOpen) // leave a tail that may hold the start of an element to the next block
		}
		for i := 0; i < end; {
			j := bytes.IndexByte(chunk[i:end], '<')
			if j < 0 {
				break
			}
			i += j
			rest := chunk[i:]
			if len(rest) > 1 && rest[1] != '/' && rest[1] != '?' && rest[1] != '!' {
				n.elements++
			}
			switch {
			case len(rest) > 2 && bytes.HasPrefix(rest, cellOpen) && (rest[2] == ' ' || rest[2] == '/' || rest[2] == '>'):
				n.cells++
			case len(rest) > 3 && bytes.HasPrefix(rest, stringOpen) && (rest[3] == ' ' || rest[3] == '/' || rest[3] == '>'):
				n.strings++
			case bytes.HasPrefix(rest, mergeOpen):
				n.merges++
			}
			i++
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return n, nil
		}
		if err != nil {
			return packageSize{}, err
		}
		carry = copy(buf, chunk[end:])
	}
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
