package importer

import (
	"fmt"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// The limits a file must keep to be read at all. They sit far above any list an office sends (the largest
// regency lists have a few thousand people; a province's, tens of thousands) and far below what would let a
// hostile or broken file (a workbook that claims row 50,000,000, a shared-strings bomb, a row of a million
// columns) make the program allocate gigabytes: with them, reading any file stays under 400 MB and is refused,
// when it must be, within seconds (BenchmarkHostileFilesMemory measures the worst).
const (
	// MaxSheetRows is Excel's own last row: a workbook that claims a row beyond it was not made by Excel.
	MaxSheetRows = 1_048_576
	// MaxDataRows is the most rows (data, heading and title rows together) a sheet or CSV file may hold.
	MaxDataRows = 200_000
	// MaxColumns is the most columns a row may use.
	MaxColumns = 2_000
	// MaxCellChars is Excel's own limit on one cell's text (in UTF-16 units, as Excel counts).
	MaxCellChars = 32_767
	// maxTextBytes is the most text the cells of one file may hold together, in bytes of UTF-8: a list of
	// 200,000 people is about 40 MB as CSV. Reading and planning hold each cell several times over: a CSV of
	// 2,120 cells of 30,000 characters (63 MB) peaked at 308 MB, and a 260 KB workbook whose cells held 186 MB
	// at 634 MB.
	maxTextBytes = 48 << 20
	// maxCells is the most cells (after trimming empty ones at row ends) one file may hold: 200,000 rows of
	// 15 columns.
	maxCells = 3_000_000
	// maxCellElements is the most cell elements, empty ones included, the worksheets of a workbook may hold;
	// they are counted before any is read, so that a workbook beyond maxCells is refused at once rather than
	// after streaming three million cells.
	maxCellElements = maxCells

	// maxPackageBytes is the most a workbook package may expand to, all its parts together.
	maxPackageBytes = 256 << 20
	// maxSheetPartBytes is the most one worksheet part may expand to (a 200,000-row list of 12 columns is
	// about 100 MB of XML).
	maxSheetPartBytes = 192 << 20
	// maxSharedStringsBytes is the most the shared-strings part may expand to. Beyond xmlInMemoryBytes
	// excelize keeps it in a temporary file with 40 bytes of index per string, so this also bounds that.
	maxSharedStringsBytes = 48 << 20
	// maxOtherPartBytes is the most any other part (styles, drawings, images) may expand to; excelize holds
	// these in memory.
	maxOtherPartBytes = 32 << 20
	// maxInMemoryBytes is the most the parts excelize holds in memory (every part but the worksheets and
	// shared strings it unpacks into temporary files) may expand to together: it keeps each, and reading the
	// package nearly doubles that while it runs (seven 31 MB images of zeros, a 250 KB file, peaked at 612 MB).
	// The worst file within it is one of incompressible pictures, which excelize also copies whole before
	// unpacking: four of 16.6 MB (a 63 MB file) peaked at 367 MB with a limit of 64 MB, three of 15.9 MB at
	// 210 MB with this one.
	maxInMemoryBytes = 48 << 20
	// maxOtherElements is the most XML elements the parts other than worksheets and shared strings may hold
	// together. excelize decodes the styles and the workbook part whole, at about 400 bytes an element: a 49 KB
	// file whose styles part held 6.5 million empty cell formats peaked at 2.5 GB, one with 600,000 defined
	// names at 393 MB. Excel itself allows 64,000 cell formats, a few elements each.
	maxOtherElements = 200_000
	// maxSharedStrings is the most distinct texts the shared-strings part may hold: a list of 100,000 people
	// with a distinct NIP, name, email and phone each. excelize holds them as structures of a few hundred
	// bytes (1,000,000 empty strings peaked at 360 MB), or, for a part beyond xmlInMemoryBytes, an index
	// entry each, written to a temporary file one by one.
	maxSharedStrings = 500_000
	// maxParts is the most parts a package may hold.
	maxParts = 10_000
	// xmlInMemoryBytes is excelize's UnzipXMLSizeLimit: worksheet and shared-strings parts larger than this
	// are unpacked into a temporary file and read from there as a stream.
	xmlInMemoryBytes = 16 << 20
	// maxLayoutCells is the most cell elements the worksheets of a workbook may hold for excelize to load
	// them whole (about 200 bytes a cell), which reading merged ranges and cell types needs.
	maxLayoutCells = 600_000
	// maxLayoutElements is the most elements of any kind (rows, cells, values, hyperlinks, formats) the
	// worksheets may hold for that whole load: the 10,000-row list has 360,000 (three a cell).
	maxLayoutElements = 1_800_000
	// maxLayoutUnnumbered is the most rows without their number (no r attribute; Excel always writes it)
	// the worksheets may hold for that whole load, which removes each such row from the middle of the
	// list, a time that grows with the square of their count: 100,000 such rows took 14 s of CPU.
	maxLayoutUnnumbered = 20_000
	// maxSheets is the most sheets a workbook may hold; each is streamed, and excelize looks each up by
	// walking the list.
	maxSheets = 1_000
	// maxFileBytes is the largest file read at all: a workbook of 200,000 people is about 15 MB, the same list
	// as CSV about 40 MB.
	maxFileBytes = 64 << 20
	// maxMerges is the most merged ranges a workbook may hold; excelize compares every pair of them.
	maxMerges = 2_000
)

// tooLarge is the refusal of a file beyond a limit: what was found, and what to do.
func tooLarge(name, format string, args ...any) *data.Error {
	return data.Errorf(data.KindInvalid, "%s terlalu besar untuk dibaca: %s", name, fmt.Sprintf(format, args...))
}

// thousands writes n the Indonesian way, 200.000.
func thousands(n int) string { return indo.Int(int64(n)) }

// tooLongText is the refusal of a file whose cells hold more than maxTextBytes of text together.
func tooLongText(name string) *data.Error {
	return tooLarge(name, "sel-selnya berisi lebih dari %s MB teks; pecah daftarnya menjadi beberapa berkas", thousands(maxTextBytes>>20))
}
