package report

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
)

// RegisterChange is one recorded change of a certificate, for the register's second sheet.
type RegisterChange struct {
	Number   string
	At       string // "28 November 2026 14.05"
	Field    string // "Nama" or "Status"
	Old, New string
	Reason   string
}

// WriteCertificateRegister writes a program's certificate register as an xlsx workbook: one row per
// certificate (number, name, NIP, program, issue date, status, and why when revoked), NIPs as text so Excel
// never turns them into numbers, and a second sheet with every correction and revocation.
func WriteCertificateRegister(w io.Writer, p *data.Program, certs []*data.Certificate, changes []RegisterChange) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Register Sertifikat"
	f.SetSheetName("Sheet1", sheet)
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"D9E1F2"}, Pattern: 1},
		Border: borders(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	cell, _ := f.NewStyle(&excelize.Style{Border: borders(), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	text, _ := f.NewStyle(&excelize.Style{Border: borders(), NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}})
	revoked, _ := f.NewStyle(&excelize.Style{Border: borders(), Font: &excelize.Font{Color: "C00000"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})

	set := func(sheet, ref string, v any) error { return f.SetCellValue(sheet, ref, v) }
	if err := set(sheet, "A1", "REGISTER SERTIFIKAT"); err != nil {
		return registerError(err)
	}
	set(sheet, "A2", p.Code+" · "+p.Title+" "+p.BatchLabel())
	set(sheet, "A3", p.Dates()+" · "+indo.WithWords(int64(p.TotalJP))+" JP")
	f.SetCellStyle(sheet, "A1", "A1", bold)
	headers := []string{"NO", "NOMOR SERTIFIKAT", "NAMA", "NIP", "PROGRAM", "TANGGAL TERBIT", "STATUS", "KETERANGAN"}
	widths := []float64{6, 30, 40, 24, 16, 18, 11, 44}
	for i, h := range headers {
		ref, _ := excelize.CoordinatesToCellName(i+1, 5)
		set(sheet, ref, h)
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sheet, col, col, widths[i])
	}
	f.SetCellStyle(sheet, "A5", "H5", head)
	for i, c := range certs {
		r := 6 + i
		nipText := ""
		if c.NIP != "" {
			nipText = nip.Format(c.NIP)
		}
		note := ""
		if c.Revoked {
			note = "Dicabut"
			if !c.RevokedAt.IsZero() {
				note += " " + indo.Date(c.RevokedAt)
			}
			note += ": " + c.RevokedReason
		}
		values := []any{i + 1, c.Number, c.HolderName, nipText, p.Code, indo.Date(c.IssuedOn), c.StatusLabel(), note}
		for j, v := range values {
			ref, _ := excelize.CoordinatesToCellName(j+1, r)
			if s, ok := v.(string); ok {
				// Strings stay strings: a NIP or a number like 800/001 is never read as a figure or a formula.
				f.SetCellStr(sheet, ref, s)
			} else {
				set(sheet, ref, v)
			}
		}
		style := cell
		if c.Revoked {
			style = revoked
		}
		first, _ := excelize.CoordinatesToCellName(1, r)
		last, _ := excelize.CoordinatesToCellName(len(headers), r)
		f.SetCellStyle(sheet, first, last, style)
		nipRef, _ := excelize.CoordinatesToCellName(4, r)
		f.SetCellStyle(sheet, nipRef, nipRef, text)
	}
	if len(certs) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(headers), 5+len(certs))
		f.AutoFilter(sheet, "A5:"+last, nil)
	}
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 5, TopLeftCell: "A6", ActivePane: "bottomLeft"})

	const history = "Riwayat Perubahan"
	f.NewSheet(history)
	for i, h := range []string{"NOMOR SERTIFIKAT", "WAKTU", "PERUBAHAN", "SEMULA", "MENJADI", "ALASAN"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		set(history, ref, h)
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(history, col, col, []float64{30, 22, 14, 40, 40, 44}[i])
	}
	f.SetCellStyle(history, "A1", "F1", head)
	for i, ch := range changes {
		for j, v := range []string{ch.Number, ch.At, ch.Field, ch.Old, ch.New, ch.Reason} {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+2)
			f.SetCellStr(history, ref, strings.TrimSpace(v))
		}
		f.SetCellStyle(history, "A"+indo.Plain(int64(i+2)), "F"+indo.Plain(int64(i+2)), cell)
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return registerError(err)
	}
	return nil
}

// SaveCertificateRegister writes the register workbook to path through a temporary file.
func SaveCertificateRegister(path string, p *data.Program, certs []*data.Certificate, changes []RegisterChange) error {
	return saveFile(path, func(w io.Writer) error { return WriteCertificateRegister(w, p, certs, changes) })
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
	}
	return b
}

func registerError(err error) error {
	return data.Wrap(data.KindInternal, err, "Register sertifikat tidak dapat ditulis: %v", err)
}
