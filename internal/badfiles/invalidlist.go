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

// invalidRow is row i of the invalid list, every cell filled, wrong in one of five ways coordinators' lists
// are: a NIP with a letter in it, a PPPK golongan on a PNS (with the sex contradicting the NIP), a PPPK
// status on a PNS's NIP (with a NIK too short), a row pasted again two rows below, a birth date that does not
// exist.
func invalidRow(i int) []string {
	birth := time.Date(1965, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%10_000)
	sex := 1 + i%2
	nip := func(i int) string {
		b := time.Date(1965, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%10_000)
		return fmt.Sprintf("%s%04d%02d%d%03d", b.Format("20060102"), b.Year()+24, 1+i%12, 1+i%2, 1+i/10_000%998)
	}
	row := []string{nip(i), fmt.Sprintf("Peserta Nomor %d", i+1), "S.Pd.", map[int]string{1: "L", 2: "P"}[sex], "Sukamaju",
		birth.Format("02-01-2006"), "PNS", "III/b", "Guru Ahli Pertama", "Fungsional Ahli Pertama",
		fmt.Sprintf("SD Negeri %d Sukamaju", 1+i%300), "Dinas Pendidikan", fmt.Sprintf("peserta%d@contoh.sch.id", i+1),
		fmt.Sprintf("0812%08d", i), fmt.Sprintf("3273%011d1", i)}
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
		row[5] = fmt.Sprintf("31-02-%d", birth.Year())
	}
	return row
}

// InvalidList writes a participant list of rows data rows under a title and a heading, every row invalid
// (invalidRow), as .csv or, for any other extension, as .xlsx with inline strings (a list of this size with
// shared strings would pass their limit): the largest list the readers accept, whose plan holds a problem or
// more for every row. It measures the memory of planning such a list.
func InvalidList(path string, rows int) error {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		w := csv.NewWriter(bw)
		w.Write([]string{"DAFTAR PESERTA"})
		w.Write(invalidListHeadings)
		for i := 0; i < rows; i++ {
			w.Write(invalidRow(i))
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
			writeRow(i+3, invalidRow(i))
		}
		bw.WriteString("</sheetData>" + end)
		return bw.Flush()
	}, nil)
}
