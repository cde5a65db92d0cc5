package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"

	"github.com/pembina/pembina/data"
)

// packageSize is what measurePackage found in a workbook package: element openings by kind (cells, rows
// and merged ranges of the worksheets, strings of the shared-strings part, sheets of the workbook part), the
// elements of the other XML parts, which excelize decodes whole, and the bytes excelize holds in memory.
type packageSize struct {
	cells, rows, merges, strings, sheets int
	elements                             int   // of the XML parts other than worksheets and shared strings
	sheetElements                        int   // of the worksheets: what loading them whole (for merged ranges) builds
	unnumbered                           int   // rows of the worksheets without their number (r), which that load moves one by one
	inMemory                             int64 // uncompressed bytes of the parts excelize keeps in memory
}

// measurePackage is the one look at a workbook package before excelize opens it: it checks the sizes the
// parts declare (the zip reader refuses a part that expands beyond what it declares) and counts, by streaming
// through each XML part, the elements excelize would build, so that every limit of limits.go that bounds
// memory or time is checked before anything is unpacked or decoded. excelize's own limits (UnzipSizeLimit,
// UnzipXMLSizeLimit) bound only bytes: they keep no count of elements, and excelize holds every part other
// than large worksheets in memory (each in a buffer twice its size) and decodes the workbook, styles,
// calculation chain and theme whole when it opens a file.
//
// Measured with the real binary (`pembina import participants F --dry-run` under /usr/bin/time -v, 2 shared
// cores, load 4–7): without this look, a sheet of 40,000,000 empty cells streamed for 29.9 s, and for
// 36 s to 937 MB and out of memory when excelize loaded it whole for its merged range; 2,400,000 empty
// cells and one merged range ran out of memory at 1.1 GB; 1,228,800 and 3,801,088 empty shared strings
// peaked at 470 and 423 MB; seven 32 MB pictures at 614 MB; 8 MB of empty cell formats in styles.xml at
// 664 MB; 30,000,000 empty rows took 39 s and a workbook of 100,000 sheets more than 120 s. With it each is
// refused in at most 2.4 s and 40 MB (load 7–9), and every file of internal/badfiles, by each of the three
// imports, in at most 4 s and 222 MB (the 500,000 shared strings the limit allows, held whole; 1.7 s and
// 236 MB at load 3). It costs
// 35–38 ms on the 10,000-row list and 12–15 ms on the 3,000-row Google Forms export
// (BenchmarkMeasurePackage), against 0.5 s to read the list.
func measurePackage(zr *zip.Reader, name string) (packageSize, error) {
	var size packageSize
	if len(zr.File) > maxParts {
		return size, tooLarge(name, "berisi %s bagian (paling banyak %s)", thousands(len(zr.File)), thousands(maxParts))
	}
	var total uint64
	for _, zf := range zr.File {
		part := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, `\`, "/"), "/"))
		limit := uint64(maxOtherPartBytes)
		// excelize's own tests for a worksheet (which it may keep in a temporary file) and for XML it decodes
		sheet := strings.HasPrefix(part, "xl/worksheets/sheet")
		strs := part == "xl/sharedstrings.xml"
		xml := strings.HasSuffix(part, ".xml") || strings.HasSuffix(part, ".rels") || strings.HasSuffix(part, ".vml")
		switch {
		case sheet:
			limit = maxSheetPartBytes
		case strs:
			limit = maxSharedStringsBytes
		}
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > limit {
			return size, tooLarge(name, "bagian %s berisi %s MB data (paling banyak %s MB)", zf.Name, thousands(int(zf.UncompressedSize64>>20)), thousands(int(limit>>20)))
		}
		if total > maxPackageBytes {
			return size, tooLarge(name, "isinya lebih dari %s MB setelah dibuka", thousands(maxPackageBytes>>20))
		}
		if (!sheet && !strs) || zf.UncompressedSize64 <= xmlInMemoryBytes {
			if size.inMemory += int64(zf.UncompressedSize64); size.inMemory > maxInMemoryBytes {
				return size, tooLarge(name, "gambar, gaya sel, lembar kecil dan bagian lain yang dibaca ke memori berisi lebih dari %s MB; hapus gambar dan objek yang tidak perlu atau pecah daftarnya, lalu simpan dan impor lagi",
					thousands(maxInMemoryBytes>>20))
			}
		}
		if !sheet && !strs && !xml {
			continue // pictures and other binary parts are only held
		}
		n, err := countElements(zf)
		if err != nil {
			return size, data.Wrap(data.KindInvalid, err, "%s bukan buku kerja Excel (.xlsx) yang utuh; buka di Excel lalu simpan ulang sebagai .xlsx", name)
		}
		if n.foreign {
			return size, data.Errorf(data.KindInvalid, "%s tidak dibuat oleh Excel: bagian %s tidak ditulis dalam UTF-8; buka di Excel lalu simpan ulang sebagai .xlsx", name, zf.Name)
		}
		switch {
		case sheet:
			size.cells += n.cells
			size.rows += n.rows
			size.merges += n.merges
			size.sheetElements += n.elements
			size.unnumbered += n.unnumbered
		case strs:
			size.strings += n.strings
		default:
			size.sheets += n.sheets
			if size.elements += n.elements; size.elements > maxOtherElements {
				return size, tooLarge(name, "bagian %s dan bagian lain selain lembar data berisi lebih dari %s unsur, jauh di atas buku kerja Excel biasa; buka di Excel lalu simpan ulang sebagai .xlsx", zf.Name, thousands(maxOtherElements))
			}
		}
	}
	switch {
	case size.strings > maxSharedStrings:
		return size, tooLarge(name, "daftar teksnya (shared strings) berisi %s teks (paling banyak %s)", thousands(size.strings), thousands(maxSharedStrings))
	case size.sheets > maxSheets:
		return size, tooLarge(name, "berisi %s lembar (paling banyak %s); pindahkan daftarnya ke buku kerja baru", thousands(size.sheets), thousands(maxSheets))
	case size.rows > MaxSheetRows:
		return size, tooLarge(name, "lembar-lembarnya memuat lebih dari %s baris, baris terakhir Excel; hapus baris kosong di bawah daftar atau pecah daftarnya", thousands(MaxSheetRows))
	}
	return size, nil
}

// elementCount is what countElements found in one part.
type elementCount struct {
	cells, rows, merges, strings, sheets, elements int
	unnumbered                                     int  // rows without an r attribute
	foreign                                        bool // the part declares an encoding that is not ASCII-compatible
}

// scanTail is how many bytes at the end of a block are left to the next one unless the part has ended, so
// that an element name cut by the block's end is read whole.
const scanTail = 256

// countElements counts, in one XML part, every element opening ("<" then a name) and, by local name (after
// any prefix, as excelize matches them: "<x:c" is a cell), the cells ("c"), rows, merged ranges ("mergeCell"),
// shared strings ("si") and sheets, in blocks of 64 KB. What it cannot tell apart it counts: an element name
// inside a comment or CDATA counts too, so the count is never below what excelize decodes
// (FuzzCountElements). A part whose XML declaration names an encoding that is not ASCII-compatible
// (UTF-16, which excelize would decode) is marked foreign: its markup cannot be counted byte by byte.
func countElements(zf *zip.File) (n elementCount, err error) {
	rc, err := zf.Open()
	if err != nil {
		return n, err
	}
	defer rc.Close()
	return countReader(rc)
}

func countReader(r io.Reader) (n elementCount, err error) {
	buf := make([]byte, 64<<10)
	carry, first := 0, true
	for {
		got, err := io.ReadFull(r, buf[carry:])
		chunk := buf[:carry+got]
		done := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !done {
			return elementCount{}, err
		}
		if first {
			first = false
			if foreignEncoding(chunk) {
				return elementCount{foreign: true}, nil
			}
		}
		end := len(chunk)
		if !done {
			end -= scanTail
		}
		i := 0
		for i < end {
			j := bytes.IndexByte(chunk[i:end], '<')
			if j < 0 {
				i = end
				break
			}
			i += j
			k := i + 1
			for k < len(chunk) && !nameEnd(chunk[k]) {
				k++
			}
			if k == len(chunk) && !done && k-i < len(buf)/2 {
				break // the name runs into the next block: read it there
			}
			if k > i+1 && chunk[i+1] != '/' && chunk[i+1] != '?' && chunk[i+1] != '!' {
				local := chunk[i+1 : k]
				if c := bytes.LastIndexByte(local, ':'); c >= 0 {
					local = local[c+1:]
				}
				numbered := true
				if string(local) == "row" {
					m := bytes.IndexByte(chunk[k:], '>')
					if m < 0 && !done && len(chunk)-i < len(buf)/2 {
						break // the row's tag runs into the next block: read it there
					}
					if m < 0 {
						m = len(chunk) - k
					}
					numbered = hasRowNumber(chunk[k : k+m])
				}
				n.tally(string(local), numbered)
			}
			i++
		}
		if done {
			return n, nil
		}
		carry = copy(buf, chunk[i:])
	}
}

// tally counts one element by its local name; numbered says, for a row, whether it has its r attribute.
func (n *elementCount) tally(local string, numbered bool) {
	n.elements++
	switch local {
	case "c":
		n.cells++
	case "row":
		n.rows++
		if !numbered {
			n.unnumbered++
		}
	case "mergeCell":
		n.merges++
	case "si":
		n.strings++
	case "sheet":
		n.sheets++
	}
}

// hasRowNumber reports whether a row's attributes (what follows its name, up to the first ">") include r,
// its number. What it cannot read (a value cut by a ">" inside it, a prefixed "x:r") counts as no number.
func hasRowNumber(attrs []byte) bool {
	const space = " \t\r\n"
	for {
		attrs = bytes.TrimLeft(attrs, space)
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return false
		}
		name := bytes.TrimRight(attrs[:eq], space)
		value := bytes.TrimLeft(attrs[eq+1:], space)
		if len(value) == 0 || value[0] != '"' && value[0] != '\'' {
			return false
		}
		end := bytes.IndexByte(value[1:], value[0])
		if end < 0 {
			return false
		}
		if string(name) == "r" {
			return true
		}
		attrs = value[end+2:]
	}
}

// nameEnd reports whether b ends an element name: XML white space, "/", ">" or another "<".
func nameEnd(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '/' || b == '>' || b == '<'
}

// foreignEncoding reports whether a part starts with an XML declaration naming an encoding in which "<" is
// not the byte '<' (UTF-16, UTF-32, EBCDIC): only UTF-8, ASCII and the ISO-8859 and Windows code pages are
// read. A part that starts with a UTF-16 or UTF-32 byte-order mark is foreign too.
func foreignEncoding(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0, 0}) {
		return true
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		return false
	}
	decl := b
	if e := bytes.Index(decl, []byte("?>")); e >= 0 {
		decl = decl[:e]
	}
	at := bytes.Index(decl, []byte("encoding"))
	if at < 0 {
		return false
	}
	label := strings.ToLower(strings.Trim(strings.TrimLeft(string(decl[at+len("encoding"):]), " \t\r\n="), " \t\r\n\"'"))
	if q := strings.IndexAny(label, "\"' "); q >= 0 {
		label = label[:q]
	}
	for _, ok := range []string{"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-", "iso8859-", "latin1", "windows-125", "cp125"} {
		if strings.HasPrefix(label, ok) {
			return false
		}
	}
	return true
}
