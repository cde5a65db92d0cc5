package importer

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/participantcols"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/rank"
)

// templateRows is how many rows below the heading carry the template's formats and choice lists.
const templateRows = 1000

// WriteParticipantTemplate writes the workbook coordinators fill in or hand to offices: a title, the
// headings the importer knows, one filled example row, the NIP, NIK and phone columns formatted as Text (so
// Excel keeps all 18 digits and the leading 0), choice lists for sex, status and rank, and a sheet of
// instructions.
func WriteParticipantTemplate(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Peserta"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy")})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	note, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "555555"}})
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(participantcols.Template))
	steps := []error{
		f.SetCellStr(sheet, "A1", "DAFTAR PESERTA"),
		f.MergeCell(sheet, "A1", last+"1"),
		f.SetCellStyle(sheet, "A1", "A1", title),
		f.SetCellStr(sheet, "A2", "Kolom NIP, NIK dan NO HP berformat Teks: ketik angkanya apa adanya. Ganti baris contoh di bawah dengan data peserta."),
		f.MergeCell(sheet, "A2", last+"2"),
		f.SetCellStyle(sheet, "A2", "A2", note),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	const headRow, firstRow = 4, 5
	for i, c := range participantcols.Template {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, c.Width); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cellName(i, headRow), c.Heading); err != nil {
			return err
		}
		switch c.Heading {
		case "NIP", "NIK", "NO HP":
			err = f.SetCellStyle(sheet, cellName(i, firstRow), cellName(i, firstRow+templateRows), text)
		case "TANGGAL LAHIR":
			err = f.SetCellStyle(sheet, cellName(i, firstRow), cellName(i, firstRow+templateRows), dateStyle)
		}
		if err != nil {
			return err
		}
		switch {
		case c.Heading == "NO":
			err = f.SetCellInt(sheet, cellName(i, firstRow), 1)
		case c.Heading == "TANGGAL LAHIR":
			err = f.SetCellValue(sheet, cellName(i, firstRow), mustDate("1986-09-26"))
		case c.Example != "":
			err = f.SetCellStr(sheet, cellName(i, firstRow), c.Example)
		}
		if err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A4", last+"4", head); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, headRow, 30); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: "A5", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	var ranks []string
	for _, r := range rank.All() {
		ranks = append(ranks, r.Code)
	}
	lists := map[string][]string{"L/P": {"L", "P"}, "STATUS KEPEGAWAIAN": data.EmploymentStatuses, "PANGKAT/GOL": ranks,
		"JENIS JABATAN": data.PositionKinds}
	for i, c := range participantcols.Template {
		values, ok := lists[c.Heading]
		if !ok {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cellName(i, firstRow) + ":" + cellName(i, firstRow+templateRows)
		if err := dv.SetDropList(values); err != nil {
			return err
		}
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := writeInstructions(f); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func writeInstructions(f *excelize.File) error {
	const sheet = "Petunjuk"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	lines := []string{
		"Petunjuk pengisian daftar peserta",
		"",
		"1. Isi satu peserta per baris di lembar Peserta, mulai baris 5; hapus atau ganti baris contoh.",
		"2. NIP ditulis 18 angka tanpa spasi. Kolom NIP sudah berformat Teks: jangan diubah ke Angka, karena Excel hanya menyimpan 15 digit dan NIP akan rusak.",
		"3. Peserta Non-ASN (honorer, swasta, TNI/Polri) boleh tanpa NIP; isi STATUS KEPEGAWAIAN dengan Non-ASN.",
		"4. NAMA ditulis tanpa gelar; gelar ditulis di kolom GELAR DEPAN (Dr., Drs., Hj.) dan GELAR BELAKANG (S.Pd., M.Pd.).",
		"5. L/P: L untuk laki-laki, P untuk perempuan. Jika kosong, diambil dari NIP.",
		"6. PANGKAT/GOL ditulis sebagai kode (III/b) atau nama (Penata Muda Tingkat I); PPPK memakai golongan I sampai XVII.",
		"   JENIS JABATAN dipilih dari daftar (JPT, Administrator, Pengawas, Pelaksana, Fungsional); boleh kosong.",
		"7. TANGGAL LAHIR ditulis HH/BB/TTTT; jika kosong, diambil dari NIP.",
		"8. Baris kosong dan baris JUMLAH di bawah daftar diabaikan.",
		"9. Peserta yang NIP-nya sudah ada di Pembina diperbarui, bukan dibuat dua kali.",
	}
	for i, l := range lines {
		if err := f.SetCellStr(sheet, cellName(0, i+1), l); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 120); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, "A1", "A1", bold)
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

func ptr[T any](v T) *T { return &v }

func mustDate(s string) any {
	t, err := data.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}
