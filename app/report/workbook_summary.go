package report

import (
	"context"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
)

// chartRows is how many rows a chart of the Ringkasan sheet covers (320 pixels at 20 pixels a row).
const chartRows = 17

// maxChartPrograms is the most programs the satisfaction chart shows one by one; beyond, it shows the mean
// per kind of program, which a chart can still make readable.
const maxChartPrograms = 40

// summary writes Ringkasan: the institution and the period, the key figures, and the tables behind four
// native Excel charts (participants per month, programs by kind, satisfaction by program, share of employees
// at 20 JP), each chart beside its table, then the legends of the scales and how the figures are counted.
func (wb *workbook) summary(_ context.Context) (int, error) {
	wb.mu.Lock()
	defer wb.mu.Unlock()
	f, o, sheet := wb.f, wb.o, SheetSummary
	fig := &o.Figures
	set := func(col string, row int, v any, style int) {
		ref := fmt.Sprintf("%s%d", col, row)
		f.SetCellValue(sheet, ref, v)
		if style != 0 {
			f.SetCellStyle(sheet, ref, ref, style)
		}
	}
	if err := wb.printSetup(sheet, "landscape"); err != nil {
		return 0, err
	}
	f.SetColWidth(sheet, "A", "A", 44)
	f.SetColWidth(sheet, "B", "B", 16)
	f.SetColWidth(sheet, "C", "C", 56)
	f.SetColWidth(sheet, "D", "D", 3)

	set("A", 1, "RINGKASAN PENGEMBANGAN KOMPETENSI ASN", wb.title)
	var inst []string
	for _, s := range []string{wb.in.Name, wb.in.ParentName} {
		if strings.TrimSpace(s) != "" {
			inst = append(inst, strings.TrimSpace(s))
		}
	}
	set("A", 2, strings.Join(inst, " · "), wb.label)
	set("A", 3, o.Period.Label()+" · keadaan per "+indo.Date(o.Today), wb.subtitle)

	row := 5
	heading := func(titles ...string) {
		for i, t := range titles {
			set(string(rune('A'+i)), row, t, wb.heading)
		}
		row++
	}
	line := func(label string, v any, style int, note string) {
		if f, ok := v.(float64); ok && math.IsNaN(f) {
			v, style = "–", wb.text
		}
		set("A", row, label, wb.text)
		set("B", row, v, style)
		set("C", row, note, wb.wrap)
		row++
	}
	heading("ANGKA UTAMA", "JUMLAH", "KETERANGAN")
	figuresTop := row
	line("Program", fig.Programs, wb.integer, "program yang berakhir dalam periode, semua status")
	for _, st := range data.ProgramStatuses {
		line("   "+st.Label(), fig.Status(st), wb.integer, "")
	}
	line("Peserta terdaftar", fig.Enrolled, wb.integer, "pendaftaran sebagai peserta, tanpa yang mengundurkan diri")
	line("Pendaftaran yang tuntas", fig.Completions, wb.integer, "program telah berakhir (status apa pun kecuali dibatalkan), batas kehadiran dan nilai lulus terpenuhi")
	line("Orang yang menyelesaikan program", fig.Trained, wb.integer, "sedikitnya satu program tuntas dalam periode")
	line("JP yang diperoleh peserta", fig.JP, wb.integer, "jumlah JP program yang dituntaskan, semua orang")
	line("JP program yang telah berakhir", fig.ProgramJP, wb.integer, "jumlah JP program yang sesi terakhirnya lewat, status apa pun kecuali dibatalkan")
	line("Sertifikat berlaku", fig.Certified, wb.integer, "sertifikat peserta yang tidak dicabut")
	reach := wb.o.Targets.Phrase()
	line("Pegawai ASN terdata", fig.Employees, wb.integer, "ASN aktif dengan target JP setahun ("+wb.o.Targets.Label()+"), tanpa yang pensiun atau pindah")
	line("Pegawai mencapai "+reach, fig.Reached, wb.integer, "ASN aktif dengan target JP setahun (Pengaturan); hak pengembangan kompetensi paling sedikit 20 JP setahun")
	line("Persentase pegawai mencapai "+reach, fig.ReachedShare(), wb.percent, "")
	satNote := fmt.Sprintf("%s; rata-rata indeks %d program, setiap program berbobot sama", fig.SatisfactionCategory, fig.SatisfactionPrograms)
	if fig.SatisfactionPrograms == 0 {
		satNote = "belum ada jawaban evaluasi penyelenggaraan atau narasumber"
	}
	line("Indeks kepuasan rata-rata (0–100)", fig.SatisfactionPercent, wb.decimal, satNote)
	if fig.SatisfactionScale != "" {
		line("Rata-rata kepuasan (skala "+fig.SatisfactionScale.Label()+")", fig.Satisfaction, wb.decimal, fig.SatisfactionCategory)
	}
	gainNote := fmt.Sprintf("%s; rata-rata N-gain kelas %d program, setiap program berbobot sama", fig.NGainCategory, fig.NGainPrograms)
	if fig.NGainPrograms == 0 {
		gainNote = "belum ada pasangan pre-test dan post-test"
	}
	line("N-gain rata-rata (peningkatan hasil belajar)", fig.NGain, wb.decimal, gainNote)
	// The 20 JP chart sits beside the key figures.
	reachedTop := row + 1
	row = reachedTop
	heading("CAPAIAN "+strings.ToUpper(reach), "PEGAWAI", "")
	set("A", row, "Mencapai "+reach, wb.text)
	set("B", row, fig.Reached, wb.integer)
	set("A", row+1, "Belum mencapai "+reach, wb.text)
	set("B", row+1, fig.Employees-fig.Reached, wb.integer)
	row += 2
	err := wb.chart(figuresTop-1, &excelize.Chart{Type: excelize.Doughnut, HoleSize: 55,
		Series: []excelize.ChartSeries{{Name: "Pegawai", Categories: sheetRef(sheet, fmt.Sprintf("$A$%d", reachedTop+1), fmt.Sprintf("$A$%d", reachedTop+2)),
			Values:    sheetRef(sheet, fmt.Sprintf("$B$%d", reachedTop+1), fmt.Sprintf("$B$%d", reachedTop+2)),
			DataPoint: []excelize.ChartDataPoint{{Index: 0, Fill: solid("63BE7B")}, {Index: 1, Fill: solid("F8696B")}}}},
		Title:    chartTitle("Pegawai yang mencapai " + reach),
		Legend:   excelize.ChartLegend{Position: "right"},
		PlotArea: excelize.ChartPlotArea{ShowPercent: true}})
	if err != nil {
		return 0, err
	}
	row = max(row, figuresTop-1+chartRows) + 2

	// Participants per month.
	top := row
	heading("PESERTA PER BULAN", "PROGRAM", "PESERTA")
	for _, m := range fig.Months {
		set("A", row, m.Label(), wb.text)
		set("B", row, m.Programs, wb.integer)
		set("C", row, m.Participants, wb.integer)
		row++
	}
	if err := wb.chart(top, &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: "Peserta", Categories: sheetRef(sheet, fmt.Sprintf("$A$%d", top+1), fmt.Sprintf("$A$%d", row-1)),
			Values: sheetRef(sheet, fmt.Sprintf("$C$%d", top+1), fmt.Sprintf("$C$%d", row-1)), Fill: solid("4472C4")}},
		Title: chartTitle("Peserta per bulan (program yang berakhir pada bulan itu)"), Legend: excelize.ChartLegend{Position: "none"},
		PlotArea: excelize.ChartPlotArea{ShowVal: true}}); err != nil {
		return 0, err
	}
	row = max(row, top+chartRows) + 2

	// Programs by kind.
	top = row
	heading("PROGRAM MENURUT JENIS", "PROGRAM", "PESERTA")
	for _, k := range fig.Kinds {
		set("A", row, k.Kind, wb.text)
		set("B", row, k.Programs, wb.integer)
		set("C", row, k.Participants, wb.integer)
		row++
	}
	if len(fig.Kinds) == 0 {
		set("A", row, "Belum ada program dalam periode ini", wb.subtitle)
		row++
	} else if err := wb.chart(top, &excelize.Chart{Type: excelize.Bar,
		Series: []excelize.ChartSeries{{Name: "Program", Categories: sheetRef(sheet, fmt.Sprintf("$A$%d", top+1), fmt.Sprintf("$A$%d", row-1)),
			Values: sheetRef(sheet, fmt.Sprintf("$B$%d", top+1), fmt.Sprintf("$B$%d", row-1)), Fill: solid("ED7D31")}},
		Title: chartTitle("Program menurut jenis"), Legend: excelize.ChartLegend{Position: "none"},
		YAxis: excelize.ChartAxis{MajorGridLines: true, MajorUnit: wholeSteps(fig.Kinds)}, XAxis: excelize.ChartAxis{ReverseOrder: true},
		PlotArea: excelize.ChartPlotArea{ShowVal: true}}); err != nil {
		return 0, err
	}
	row = max(row, top+chartRows) + 2

	// Satisfaction by program, or by kind when there are too many programs for one chart.
	top = row
	type bar struct {
		label    string
		percent  float64
		category string
	}
	var bars []bar
	for _, l := range o.Programs {
		if !math.IsNaN(l.Satisfaction.Percent) {
			bars = append(bars, bar{l.Program.Code, l.Satisfaction.Percent, l.Satisfaction.Category})
		}
	}
	title, first := "Indeks kepuasan per program (0–100)", "KEPUASAN PER PROGRAM"
	if len(bars) > maxChartPrograms {
		title, first = "Indeks kepuasan rata-rata per jenis program (0–100)", "KEPUASAN PER JENIS PROGRAM"
		bars = bars[:0]
		for _, k := range fig.Kinds {
			if !math.IsNaN(k.Satisfaction) {
				bars = append(bars, bar{k.Kind, k.Satisfaction, k.SatisfactionCategory})
			}
		}
	}
	heading(first, "INDEKS (0–100)", "KATEGORI")
	for _, b := range bars {
		set("A", row, b.label, wb.text)
		set("B", row, b.percent, wb.decimal)
		set("C", row, b.category, wb.text)
		row++
	}
	if len(bars) == 0 {
		set("A", row, "Belum ada jawaban evaluasi dalam periode ini", wb.subtitle)
		row++
	} else {
		lo, hi := 0.0, 100.0
		if err := wb.chart(top, &excelize.Chart{Type: excelize.Bar,
			Series: []excelize.ChartSeries{{Name: "Indeks kepuasan", Categories: sheetRef(sheet, fmt.Sprintf("$A$%d", top+1), fmt.Sprintf("$A$%d", row-1)),
				Values: sheetRef(sheet, fmt.Sprintf("$B$%d", top+1), fmt.Sprintf("$B$%d", row-1)), Fill: solid("70AD47")}},
			Title: chartTitle(title), Legend: excelize.ChartLegend{Position: "none"},
			YAxis: excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorGridLines: true}, XAxis: excelize.ChartAxis{ReverseOrder: true},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}},
			Dimension: excelize.ChartDimension{Width: 640, Height: uint(max(320, 40+18*len(bars)))}}); err != nil {
			return 0, err
		}
	}
	row = max(row, top+max(chartRows, (40+18*len(bars))/20+1)) + 2

	// What the figures mean.
	heading("KETERANGAN", "", "")
	notes := []string{
		"Periode: program dihitung pada bulan dan tahun tanggal selesainya, seperti JP-nya.",
		"JP dihitung dari program yang selesai dan dituntaskan sebagai peserta: batas kehadiran (JP yang dihadiri) terpenuhi menurut aturan izin/sakit/dinas luar program, nilai lulus tercapai bila program memilikinya, atau diputuskan koordinator.",
		fmt.Sprintf("Setiap ASN berhak atas pengembangan kompetensi paling sedikit %d JP setahun (PP 17/2020, Peraturan LAN 10/2018).", data.AnnualJPTarget),
		"Indeks kepuasan: rata-rata butir evaluasi penyelenggaraan dan narasumber (level 1), dinyatakan 0–100 (rata-rata ÷ skala maksimum × 100; skala 1–4 × 25, PermenPANRB 14/2017). Kategori sebuah program mengikuti skala jawabannya; indeks gabungan beberapa skala memakai kategori indeks.",
		"N-gain kelas: (rata-rata post-test − rata-rata pre-test) ÷ (100 − rata-rata pre-test) atas peserta yang mengikuti keduanya.",
	}
	if o.Period.Unit != "" {
		notes = append(notes, "Unit kerja: orang yang kini tercatat di unit ini; respons dan kepuasan adalah milik seluruh peserta program.")
	}
	// Merged cells never grow to their text: each row gets the height of the lines its text wraps to.
	lines := func(s string, width int) float64 { return float64(15 * (1 + (utf8.RuneCountInString(s)-1)/width)) }
	for _, n := range notes {
		set("A", row, n, wb.wrap)
		f.MergeCell(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("C%d", row))
		f.SetRowHeight(sheet, row, lines(n, 115))
		row++
	}
	row++
	heading("SKALA DAN KATEGORI", "", "")
	legends := [][2]string{}
	for _, sc := range []data.Scale{data.Scale4, data.Scale5, data.Scale100} {
		legends = append(legends, [2]string{"Skala " + sc.Label(), sc.LegendText()})
	}
	legends = append(legends, [2]string{"Indeks kepuasan", data.IndexLegendText()})
	for _, l := range legends {
		set("A", row, l[0], wb.text)
		set("B", row, l[1], wb.wrap)
		f.MergeCell(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("C%d", row))
		f.SetRowHeight(sheet, row, lines(l[1], 72))
		row++
	}
	set("A", row, "N-gain", wb.text)
	set("B", row, "g ≥ 0,70 Tinggi · 0,30 ≤ g < 0,70 Sedang · g < 0,30 Rendah", wb.wrap)
	f.MergeCell(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("C%d", row))
	set("A", row+1, "Dibuat dengan Pembina, "+indo.Date(stamp()), wb.subtitle)
	return fig.Programs, nil
}

// chart puts a chart of 640 × 320 pixels (unless it says otherwise) at column E of the given row.
func (wb *workbook) chart(row int, c *excelize.Chart) error {
	c.XAxis, c.YAxis = axis(c.XAxis), axis(c.YAxis)
	if c.Dimension.Width == 0 {
		c.Dimension = excelize.ChartDimension{Width: 640, Height: 320}
	}
	c.Format = excelize.GraphicOptions{OffsetX: 4}
	if err := wb.f.AddChart(SheetSummary, fmt.Sprintf("E%d", row), c); err != nil {
		return workbookError(err)
	}
	return nil
}

// wholeSteps is a step for an axis of program counts that never falls between two whole numbers.
func wholeSteps(kinds []overview.KindLine) float64 {
	most := 0
	for _, k := range kinds {
		most = max(most, k.Programs)
	}
	return math.Max(1, math.Ceil(float64(most)/5))
}

// axis is a chart axis with dark labels (LibreOffice draws excelize's default ones very light).
func axis(a excelize.ChartAxis) excelize.ChartAxis {
	a.Font = excelize.Font{Color: "404040", Size: 9}
	return a
}

func chartTitle(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Bold: true, Size: 11}}}}
}

func solid(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Color: []string{color}, Pattern: 1}
}
