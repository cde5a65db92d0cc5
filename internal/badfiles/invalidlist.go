package badfiles

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// InvalidListRows is the most data rows a participant list can hold and still be read: MaxDataRows (200,000)
// counts the title and heading rows too, and 15 columns of 199,990 rows stay under the three million cells
// the readers accept.
const InvalidListRows = 199_990

// invalidListHeadings are the template's columns but NO and GELAR DEPAN: 15, the most that 199,990 rows can
// fill within the readers' cell limit.
var invalidListHeadings = []string{"NIP", "NAMA", "GELAR BELAKANG", "L/P", "TEMPAT LAHIR", "TANGGAL LAHIR", "STATUS KEPEGAWAIAN",
	"PANGKAT/GOL", "JABATAN", "JENIS JABATAN", "UNIT KERJA", "INSTANSI", "EMAIL", "NO HP", "NIK"}

// validRow is row i of a list of people the database does not know, every cell filled and right: NIP
// (unique to 199,990 rows), name, title, sex, birth place and date, status, rank, position and its kind,
// unit, agency, email, phone and NIK.
func validRow(i int) []string {
	birth := time.Date(1965, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%10_000)
	sex := 1 + i%2
	nip := fmt.Sprintf("%s%04d%02d%d%03d", birth.Format("20060102"), birth.Year()+24, 1+i%12, sex, 1+i/10_000%998)
	return []string{nip, fmt.Sprintf("Peserta Nomor %d", i+1), "S.Pd.", map[int]string{1: "L", 2: "P"}[sex], "Sukamaju",
		birth.Format("02-01-2006"), "PNS", "III/b", "Guru Ahli Pertama", "Fungsional Ahli Pertama",
		fmt.Sprintf("SD Negeri %d Sukamaju", 1+i%300), "Dinas Pendidikan", fmt.Sprintf("peserta%d@contoh.sch.id", i+1),
		fmt.Sprintf("0812%08d", i), fmt.Sprintf("3273%011d1", i)}
}

// invalidRow is row i of the invalid list: validRow made wrong in one of five ways coordinators' lists are:
// a NIP with a letter in it, a PPPK golongan on a PNS (with the sex contradicting the NIP), a PPPK status on
// a PNS's NIP (with a NIK too short), a row pasted again two rows below, a birth date that does not exist.
func invalidRow(i int) []string {
	row := validRow(i)
	sex := 1 + i%2
	switch i % 5 {
	case 0:
		row[0] = row[0][:10] + "O" + row[0][11:] // a letter O for a zero
	case 1:
		row[7], row[3] = "XI", map[int]string{1: "P", 2: "L"}[sex]
	case 2:
		row[6], row[14] = "PPPK", row[14][:12]
	case 3:
		return invalidRow(i - 2) // pasted twice
	case 4:
		row[5] = "31-02-" + row[5][6:]
	}
	return row
}

// InvalidList writes a participant list of rows data rows under a title and a heading, every row invalid
// (invalidRow): the largest list the readers accept, whose plan holds a problem or more for every row. It is
// written as .csv (with Excel's CRLF line ends) or, for any other extension, as .xlsx with inline strings (a
// list of this size with shared strings would pass their limit).
func InvalidList(path string, rows int) error { return writeList(path, rows, invalidRow) }

// ValidList writes a list as InvalidList does, every row valid (validRow).
func ValidList(path string, rows int) error { return writeList(path, rows, validRow) }

func writeList(path string, rows int, row func(i int) []string) error {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		w := csv.NewWriter(bw)
		w.UseCRLF = true
		w.Write([]string{"DAFTAR PESERTA"})
		w.Write(invalidListHeadings)
		for i := 0; i < rows; i++ {
			w.Write(row(i))
		}
		if w.Flush(); w.Error() != nil {
			return w.Error()
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		return f.Close()
	}
	return writeWorkbook(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		start, end, _ := strings.Cut(sheetPart("", ""), "</sheetData>")
		bw.WriteString(start)
		writeRow := func(r int, cells []string) {
			fmt.Fprintf(bw, `<row r="%d">`, r)
			for _, c := range cells {
				bw.WriteString(`<c t="inlineStr"><is><t>`)
				bw.WriteString(c)
				bw.WriteString(`</t></is></c>`)
			}
			bw.WriteString(`</row>`)
		}
		writeRow(1, []string{"DAFTAR PESERTA"})
		writeRow(2, invalidListHeadings)
		for i := 0; i < rows; i++ {
			writeRow(i+3, row(i))
		}
		bw.WriteString("</sheetData>" + end)
		return bw.Flush()
	}, nil)
}
