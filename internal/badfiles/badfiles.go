// Package badfiles writes hostile and broken input files for tests: workbooks that claim rows beyond Excel's
// last, shared-strings, empty-cell, empty-row, styles and image bombs, cells spelled with a prefix, a hundred
// thousand sheets, cells holding a hundred megabytes of text, parts that lie about their size or are not
// UTF-8, rows too wide, cells too long, CSV files with an unclosed quote or too many rows. They are
// generated (a few are tens of megabytes before compression) rather than committed, and each comes with the
// words the refusal must contain, so that the importer's tests and the command line's tests check the same
// table.
package badfiles

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Case is one hostile file: its name in the directory it was written to, and a piece of the message that
// must refuse it.
type Case struct {
	Name string
	Want string
	// Slow marks the cases that take more than a second to generate or refuse; -short skips them.
	Slow bool
	// ParticipantsOnly marks a file only a participant list import refuses (the others read no merged cells).
	ParticipantsOnly bool
	make             func(path string) error
}

// Write writes the file into dir and returns its path.
func (c Case) Write(dir string) (string, error) {
	path := filepath.Join(dir, c.Name)
	return path, c.make(path)
}

// Cases lists the hostile files, each refused with an invalid-kind error that contains Want.
func Cases() []Case {
	return []Case{
		{Name: "baris-50-juta.xlsx", Want: "baris terakhir Excel", make: func(p string) error {
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>`+
				`<row r="50000000"><c r="A50000000" t="inlineStr"><is><t>x</t></is></c></row>`, ""), nil)
		}},
		{Name: "bom-shared-strings.xlsx", Want: "xl/sharedStrings.xml berisi", make: func(p string) error {
			sst := func(w io.Writer) error {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
				item := bytes.Repeat([]byte("<si><t>a</t></si>"), 1<<16)
				for i := 0; i < 100; i++ { // about 107 MB
					if _, err := w.Write(item); err != nil {
						return err
					}
				}
				_, err := io.WriteString(w, `</sst>`)
				return err
			}
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, ""), map[string]func(io.Writer) error{"xl/sharedStrings.xml": sst})
		}},
		{Name: "bom-teks-kosong.xlsx", Want: "3.801.088 teks (paling banyak 500.000)", make: func(p string) error {
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, ""),
				map[string]func(io.Writer) error{"xl/sharedStrings.xml": emptyStrings(58 << 16)}) // 47 MB, under the byte budget
		}},
		{Name: "teks-di-batas.xlsx", Want: "baris terakhir Excel", Slow: true, make: func(p string) error {
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>499999</v></c></row>`+
				`<row r="50000000"><c r="A50000000" t="s"><v>1</v></c></row>`, ""),
				map[string]func(io.Writer) error{"xl/sharedStrings.xml": emptyStrings(500_000)})
		}},
		{Name: "ukuran-palsu.xlsx", Want: "yang utuh", make: func(p string) error {
			return writeLyingWorkbook(p)
		}},
		{Name: "terlalu-banyak-baris.xlsx", Want: "lebih dari 200.000 baris", Slow: true, make: func(p string) error {
			var b strings.Builder
			b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c></row>`)
			for r := 2; r <= 200_002; r++ {
				fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
			}
			return writeWorkbook(p, sheetXML(b.String(), ""), nil)
		}},
		{Name: "terlalu-banyak-sel.xlsx", Want: "lebih dari 3.000.000 sel", Slow: true, make: func(p string) error {
			return writeWorkbook(p, func(w io.Writer) error {
				sheetStart, sheetEnd, _ := strings.Cut(sheetPart("", ""), "</sheetData>")
				io.WriteString(w, sheetStart)
				var b strings.Builder
				for r := 1; r <= 100_001; r++ {
					b.Reset()
					fmt.Fprintf(&b, `<row r="%d">`, r)
					for c := 0; c < 41; c++ {
						fmt.Fprintf(&b, `<c><v>%d</v></c>`, c)
					}
					b.WriteString(`</row>`)
					if _, err := io.WriteString(w, b.String()); err != nil {
						return err
					}
				}
				_, err := io.WriteString(w, "</sheetData>"+sheetEnd)
				return err
			}, nil)
		}},
		{Name: "tiga-juta-sel.xlsx", Want: "lebih dari 3.000.000 sel", Slow: true, make: func(p string) error {
			var b strings.Builder
			for r := 1; r <= 120_001; r++ {
				fmt.Fprintf(&b, `<row r="%d">`, r)
				for c := 0; c < 26; c++ {
					fmt.Fprintf(&b, `<c><v>%d</v></c>`, c)
				}
				b.WriteString(`</row>`)
			}
			return writeWorkbook(p, sheetXML(b.String(), ""), nil)
		}},
		{Name: "sel-kosong-40-juta.xlsx", Want: "lebih dari 3.000.000 sel", Slow: true, make: func(p string) error {
			return writeWorkbook(p, emptyCells(100_000, 400, ""), nil) // 40,000,000 empty cells, 163 MB of XML
		}},
		{Name: "bom-teks-kecil.xlsx", Want: "1.228.800 teks (paling banyak 500.000)", make: func(p string) error {
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, ""),
				map[string]func(io.Writer) error{"xl/sharedStrings.xml": emptyStrings(300 << 12)}) // 16 MB, held in memory by excelize
		}},
		{Name: "gabungan-sel-kosong-2-juta.xlsx", Want: "tidak boleh memuat sel gabungan", Slow: true, make: func(p string) error {
			return writeWorkbook(p, emptyCells(60_000, 40, `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`), nil)
		}},
		{Name: "sel-berawalan.xlsx", Want: "lebih dari 3.000.000 sel", make: func(p string) error {
			// cells written <x:c/>, which excelize reads as cells: the count must see them too
			return writeWorkbook(p, func(w io.Writer) error {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`)
				row := []byte("<x:row>" + strings.Repeat("<x:c\n/>", 400) + "</x:row>")
				for r := 0; r < 10_000; r++ {
					if _, err := w.Write(row); err != nil {
						return err
					}
				}
				_, err := io.WriteString(w, `</x:sheetData></x:worksheet>`)
				return err
			}, nil)
		}},
		{Name: "baris-kosong-30-juta.xlsx", Want: "lebih dari 1.048.576 baris", Slow: true, make: func(p string) error {
			return writeWorkbook(p, func(w io.Writer) error {
				start, end, _ := strings.Cut(sheetPart("", ""), "</sheetData>")
				io.WriteString(w, start)
				rows := bytes.Repeat([]byte("<row/>"), 1<<20)
				for i := 0; i < 30; i++ {
					if _, err := w.Write(rows); err != nil {
						return err
					}
				}
				_, err := io.WriteString(w, "</sheetData>"+end)
				return err
			}, nil)
		}},
		{Name: "baris-tanpa-nomor.xlsx", Want: "30.001 baris tanpa nomor baris", make: func(p string) error {
			return writeWorkbook(p, sheetXML(`<row><c t="inlineStr"><is><t>NAMA</t></is></c></row>`+strings.Repeat(`<row><c/></row>`, 30_000),
				`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`), nil)
		}},
		{Name: "seratus-ribu-lembar.xlsx", Want: "100.000 lembar (paling banyak 1.000)", make: func(p string) error {
			var b strings.Builder
			for i := 1; i <= 100_000; i++ {
				fmt.Fprintf(&b, `<sheet name="S%d" sheetId="%d" r:id="rId1"/>`, i, i)
			}
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c></row>`, ""),
				map[string]func(io.Writer) error{"xl/workbook.xml": text(strings.Replace(workbook, `<sheet name="Sheet1" sheetId="1" r:id="rId1"/>`, b.String(), 1))})
		}},
		{Name: "utf-16.xlsx", Want: "tidak ditulis dalam UTF-8", make: func(p string) error {
			return writeWorkbook(p, text(`<?xml version="1.0" encoding="UTF-16"?>`+"<\x00w\x00/\x00>\x00"), nil)
		}},
		{Name: "terlalu-lebar.xlsx", Want: "2.500 kolom", make: func(p string) error {
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c><c r="CRD1"><v>1</v></c></row>`, ""), nil)
		}},
		{Name: "sel-panjang.xlsx", Want: "32.767 karakter", make: func(p string) error {
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>`+strings.Repeat("ab", 20_000)+`</t></is></c></row>`, ""), nil)
		}},
		{Name: "ribuan-sel-gabungan.xlsx", Want: "3.000 sel gabungan", make: func(p string) error {
			var m strings.Builder
			fmt.Fprintf(&m, `<mergeCells count="3000">`)
			for i := 1; i <= 3000; i++ {
				fmt.Fprintf(&m, `<mergeCell ref="A%d:B%d"/>`, i, i)
			}
			m.WriteString(`</mergeCells>`)
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c></row>`, m.String()), nil)
		}},
		{Name: "bom-sel-kosong.xlsx", Want: "tidak boleh memuat sel gabungan", Slow: true, make: func(p string) error {
			var b strings.Builder
			for r := 1; r <= 20_000; r++ {
				fmt.Fprintf(&b, `<row r="%d">`, r)
				for c := 0; c < 40; c++ {
					b.WriteString(`<c s="1"/>`)
				}
				b.WriteString(`</row>`)
			}
			return writeWorkbook(p, sheetXML(b.String(), `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`), nil)
		}},
		{Name: "gabungan-raksasa.xlsx", Want: "sel gabungan pada lembar \"Sheet1\" mencakup lebih dari 3.000.000 sel", ParticipantsOnly: true, make: func(p string) error {
			var b strings.Builder
			b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c><c r="BXX1"><v>1</v></c></row>`)
			for r := 2; r <= 1601; r++ {
				fmt.Fprintf(&b, `<row r="%d"><c r="B%d" t="inlineStr"><is><t>Peserta %d</t></is></c><c r="C%d" t="inlineStr"><is><t>SD 1</t></is></c></row>`, r, r, r, r)
			}
			return writeWorkbook(p, sheetXML(b.String(), `<mergeCells count="1"><mergeCell ref="C2:BXX1601"/></mergeCells>`), nil)
		}},
		{Name: "bom-gaya-sel.xlsx", Want: "lebih dari 200.000 unsur", Slow: true, make: func(p string) error {
			styles := func(w io.Writer) error { // 6.5 million empty cell formats, 31 MB, under the part's byte limit
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`)
				block := bytes.Repeat([]byte("<xf/>"), 1<<16)
				for i := 0; i < 99; i++ {
					if _, err := w.Write(block); err != nil {
						return err
					}
				}
				_, err := io.WriteString(w, `</cellXfs></styleSheet>`)
				return err
			}
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c></row>`, ""), map[string]func(io.Writer) error{"xl/styles.xml": styles})
		}},
		{Name: "bom-gambar.xlsx", Want: "lebih dari 48 MB", Slow: true, make: func(p string) error {
			zeros := func(w io.Writer) error { // 31 MB of zeros each, under the part's byte limit
				_, err := w.Write(make([]byte, 31<<20))
				return err
			}
			extra := map[string]func(io.Writer) error{}
			for i := 1; i <= 3; i++ {
				extra[fmt.Sprintf("xl/media/image%d.png", i)] = zeros
			}
			return writeWorkbook(p, sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c></row>`, ""), extra)
		}},
		{Name: "teks-raksasa.xlsx", Want: "lebih dari 48 MB teks", Slow: true, make: func(p string) error {
			return writeWorkbook(p, func(w io.Writer) error { // 6,000 cells of 30,000 characters: 180 MB of text
				sheetStart, sheetEnd, _ := strings.Cut(sheetPart("", ""), "</sheetData>")
				io.WriteString(w, sheetStart)
				long := strings.Repeat("a", 30_000)
				for r := 1; r <= 3_000; r++ {
					if _, err := fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, long, r, long); err != nil {
						return err
					}
				}
				_, err := io.WriteString(w, "</sheetData>"+sheetEnd)
				return err
			}, nil)
		}},
		{Name: "bukan-xlsx.xlsx", Want: "yang utuh", make: func(p string) error {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, _ := zw.Create("catatan.txt")
			io.WriteString(w, "bukan buku kerja")
			zw.Close()
			return os.WriteFile(p, buf.Bytes(), 0o644)
		}},
		{Name: "acak.csv", Want: "bukan berkas .xlsx atau .csv", make: func(p string) error {
			r := rand.New(rand.NewPCG(1, 2))
			b := make([]byte, 64<<10)
			for i := range b {
				b[i] = byte(r.UintN(256))
			}
			b[10] = 0
			return os.WriteFile(p, b, 0o644)
		}},
		{Name: "terlalu-besar.csv", Want: "paling besar 64 MB", make: func(p string) error {
			line := []byte("198609262015051001,Budi Santoso,SD Negeri 1 Sukamaju,Dinas Pendidikan\n")
			return os.WriteFile(p, bytes.Repeat(line, (65<<20)/len(line)+1), 0o644)
		}},
		{Name: "kutip-terbuka.csv", Want: "baris 2: tanda kutip", make: func(p string) error {
			return os.WriteFile(p, []byte("NIP,NAMA,UNIT\n198609262015051001,\"Budi Santoso,SD 1\n196707011993101002,Siti Aminah,SD 2\n"), 0o644)
		}},
		{Name: "kutip-terbuka-lunak.csv", Want: "baris 3: tanda kutip", make: func(p string) error {
			return os.WriteFile(p, []byte("NIP,NAMA,UNIT\n198609262015051001,Budi \"Ubed\" Santoso,SD 1\n196707011993101002,\"Siti Aminah,SD 2\n197001011995031001,Agus,SD 3\n"), 0o644)
		}},
		{Name: "terlalu-lebar.csv", Want: "2.001 kolom", make: func(p string) error {
			return os.WriteFile(p, []byte("NIP,NAMA"+strings.Repeat(",x", 1999)+"\n1,Budi\n"), 0o644)
		}},
		{Name: "terlalu-banyak-baris.csv", Want: "lebih dari 200.000 baris", make: func(p string) error {
			var b bytes.Buffer
			b.WriteString("NIP,NAMA\n")
			for i := 0; i < 200_001; i++ {
				fmt.Fprintf(&b, ",Peserta %d\n", i)
			}
			return os.WriteFile(p, b.Bytes(), 0o644)
		}},
		{Name: "teks-raksasa.csv", Want: "lebih dari 48 MB teks", Slow: true, make: func(p string) error {
			line := strings.Repeat("a", 30_000) + "," + strings.Repeat("b", 30_000) + "\n"
			return os.WriteFile(p, []byte("NAMA,UNIT KERJA\n"+strings.Repeat(line, 1_000)), 0o644) // 60 MB
		}},
		{Name: "sel-panjang.csv", Want: "32.767 karakter", make: func(p string) error {
			return os.WriteFile(p, []byte("NIP,NAMA\n1,"+strings.Repeat("a", 40_000)+"\n"), 0o644)
		}},
	}
}

// emptyStrings writes a shared-strings part of n empty strings.
func emptyStrings(n int) func(io.Writer) error {
	return func(w io.Writer) error {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		item := []byte("<si><t/></si>")
		block := bytes.Repeat(item, 1<<12)
		for ; n >= 1<<12; n -= 1 << 12 {
			if _, err := w.Write(block); err != nil {
				return err
			}
		}
		w.Write(bytes.Repeat(item, n))
		_, err := io.WriteString(w, `</sst>`)
		return err
	}
}

// emptyCells writes a worksheet part of rows numbered rows of cols empty cells each, followed by after.
func emptyCells(rows, cols int, after string) func(io.Writer) error {
	return func(w io.Writer) error {
		start, end, _ := strings.Cut(sheetPart("", after), "</sheetData>")
		io.WriteString(w, start)
		cells := strings.Repeat("<c/>", cols) + "</row>"
		for r := 1; r <= rows; r++ {
			if _, err := fmt.Fprintf(w, `<row r="%d">%s`, r, cells); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, "</sheetData>"+end)
		return err
	}
}

// sheetXML writes a worksheet part with the given rows and what follows the sheet data (merged ranges).
func sheetXML(rows, after string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, sheetPart(rows, after))
		return err
	}
}

func sheetPart(rows, after string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>` + rows + `</sheetData>` + after + `</worksheet>`
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
)

// writeWorkbook writes a minimal .xlsx package of one sheet, with extra parts written by their functions.
func writeWorkbook(path string, sheet func(io.Writer) error, extra map[string]func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	parts := map[string]func(io.Writer) error{
		"[Content_Types].xml":        text(contentTypes),
		"_rels/.rels":                text(rootRels),
		"xl/workbook.xml":            text(workbook),
		"xl/_rels/workbook.xml.rels": text(workbookRels),
		"xl/worksheets/sheet1.xml":   sheet,
	}
	for k, v := range extra {
		parts[k] = v
	}
	names := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"}
	for k := range extra {
		if !slices.Contains(names, k) {
			names = append(names, k)
		}
	}
	slices.Sort(names[6:])
	for _, name := range names {
		write, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if err := write(w); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// writeLyingWorkbook writes a package whose worksheet declares 1 KB but expands to about 30 MB: the zip
// reader must stop it at its declared size.
func writeLyingWorkbook(path string) error {
	var sheet bytes.Buffer
	sheetXML(strings.Repeat(`<row><c t="inlineStr"><is><t>Budi Santoso</t></is></c></row>`, 500_000), "")(&sheet)
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestSpeed)
	fw.Write(sheet.Bytes())
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": rootRels, "xl/workbook.xml": workbook,
		"xl/_rels/workbook.xml.rels": strings.Replace(workbookRels, `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, "", 1)} {
		w, _ := zw.Create(name)
		io.WriteString(w, body)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: uint64(packed.Len()),
		UncompressedSize64: 1024, CRC32: 0})
	if err != nil {
		return err
	}
	w.Write(packed.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
