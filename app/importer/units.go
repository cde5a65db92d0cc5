package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
)

// unitHeadings are the headings a units workbook may use for each field, as search keys (lower case, no
// accents): offices write "Unit Kerja", "Nama Unit", "Kepala", "Nama Kepala", "NIP Kepala", "Jabatan", …
var unitHeadings = map[string][]string{
	"name":     {"unit kerja", "nama unit kerja", "nama unit", "unit", "satuan kerja", "nama sekolah", "sekolah", "opd"},
	"head":     {"nama kepala", "kepala", "nama pimpinan", "pimpinan", "kepala unit", "nama kepala unit"},
	"nip":      {"nip kepala", "nip", "nip pimpinan"},
	"position": {"jabatan kepala", "jabatan", "jabatan pimpinan"},
	"address":  {"alamat", "alamat unit", "alamat kantor"},
}

func unitField(heading string) string {
	key := strings.Join(strings.Fields(HeaderKey(heading)), " ")
	for field, names := range unitHeadings {
		for _, n := range names {
			if key == n {
				return field
			}
		}
	}
	return ""
}

func scoreUnits(row []string) int {
	n := 0
	for _, c := range row {
		if unitField(c) != "" {
			n++
		}
	}
	return n
}

// ReadUnits reads a list of units kerja with their heads from a workbook or CSV file: one row per unit under a
// heading row with at least the unit's name and one more known column (kepala, NIP, jabatan, alamat). Every
// row is checked before anything is saved; the error names the row and the field to fix. A NIP Excel turned
// into scientific notation is refused (its last digits are gone).
func ReadUnits(path string) ([]*data.Unit, error) {
	src, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	sheet, header := src.FirstWithHeader(scoreUnits, 2)
	if sheet == nil {
		return nil, data.Errorf(data.KindInvalid, "%s tidak memuat baris judul daftar unit kerja; tulis judul kolom seperti "+
			"Unit Kerja, Nama Kepala, NIP Kepala, Jabatan Kepala, Alamat", filepath.Base(path))
	}
	cols := map[string]int{}
	for i, c := range sheet.Rows[header] {
		if f := unitField(c); f != "" {
			if _, seen := cols[f]; !seen {
				cols[f] = i
			}
		}
	}
	if _, ok := cols["name"]; !ok {
		return nil, data.Errorf(data.KindInvalid, "%s: kolom Unit Kerja tidak ditemukan di baris %d", filepath.Base(path), sheet.Line(header))
	}
	cell := func(row int, field string) string {
		if c, ok := cols[field]; ok {
			return sheet.Cell(row, c)
		}
		return ""
	}
	var out []*data.Unit
	var problems []string
	seen := map[string]int{}
	for r := header + 1; r < len(sheet.Rows); r++ {
		if IsBlank(sheet.Rows[r]) {
			continue
		}
		line := sheet.Line(r)
		u := &data.Unit{Name: cell(r, "name"), HeadName: cell(r, "head"), HeadNIP: cell(r, "nip"),
			HeadPosition: cell(r, "position"), Address: cell(r, "address")}
		if nip.LooksNumeric(u.HeadNIP) {
			problems = append(problems, fmt.Sprintf("baris %d, NIP Kepala: tersimpan sebagai angka sehingga digit terakhirnya hilang; "+
				"format kolom NIP sebagai Teks lalu ketik ulang", line))
			continue
		}
		err := u.Validate()
		if first, dup := seen[strings.ToLower(u.Name)]; dup && u.Name != "" {
			problems = append(problems, fmt.Sprintf("baris %d, Unit Kerja: %s sudah ada di baris %d", line, u.Name, first))
			continue
		}
		seen[strings.ToLower(u.Name)] = line
		if err != nil {
			problems = append(problems, fmt.Sprintf("baris %d: %s", line, data.ErrorMessage(err)))
			continue
		}
		out = append(out, u)
	}
	if len(problems) > 0 {
		more := ""
		if len(problems) > 10 {
			more = fmt.Sprintf(" (dan %d masalah lain)", len(problems)-10)
			problems = problems[:10]
		}
		return nil, data.Errorf(data.KindInvalid, "%s belum dapat diimpor; perbaiki lalu coba lagi: %s%s", filepath.Base(path),
			strings.Join(problems, "; "), more)
	}
	if len(out) == 0 {
		return nil, data.Errorf(data.KindInvalid, "%s tidak memuat satu pun unit kerja di bawah baris judul", filepath.Base(path))
	}
	return out, nil
}
