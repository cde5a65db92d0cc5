package report

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// Summary is what a program's evaluation summary (Laporan Evaluasi Program) shows: its key figures as the
// leadership workbook computes them, its attendance per session and its evaluations analysed in full.
type Summary struct {
	Institution *data.Institution
	Program     *data.Program
	Signatory   *data.Signatory // nil leaves a line to sign on
	Line        *overview.ProgramLine
	Report      *analysis.Report
	Recap       *data.Recap
	Today       time.Time
}

// LoadSummary reads what the evaluation summary of a program needs on day today.
func LoadSummary(ctx context.Context, s *store.Store, programID int64, today time.Time) (*Summary, error) {
	in, err := s.Institution(ctx)
	if err != nil {
		return nil, err
	}
	line, err := overview.LoadProgram(ctx, s, programID, today)
	if err != nil {
		return nil, err
	}
	rep, err := analysis.Load(ctx, s, programID)
	if err != nil {
		return nil, err
	}
	recap, err := s.AttendanceRecap(ctx, programID, today)
	if err != nil {
		return nil, err
	}
	g, err := s.ProgramSignatory(ctx, programID)
	if err != nil {
		return nil, err
	}
	return &Summary{Institution: in, Program: line.Program, Signatory: g, Line: line, Report: rep, Recap: recap, Today: data.Day(today)}, nil
}

// SaveSummary writes the summary to a PDF file, beside it first and renamed at the end.
func SaveSummary(path string, sum *Summary) error {
	return saveFile(path, func(w io.Writer) error { return WriteSummary(w, sum) })
}

// SummaryFileName is the file name the summary of a program made on day is saved under:
// "Laporan Evaluasi – PTD-I-2026 – 2026-12-06.pdf".
func SummaryFileName(p *data.Program, day time.Time) string {
	return FileName("Laporan Evaluasi", p.Code, day, ".pdf")
}

// summaryWriter is a summary being drawn.
type summaryWriter struct {
	doc    *pdf.Doc
	sum    *Summary
	left   float64
	width  float64
	pageH  float64
	scales map[data.Scale]bool // every scale a rated answer of the document uses, for the legend
	gains  bool                // the document shows normalised gains, for the legend
}

const summaryBottom = 18.0 // the page footer sits below

// WriteSummary writes the evaluation summary of a program in Indonesian on A4 portrait: the letterhead and the
// program (batch, dates, place, organiser, JP); the key figures (enrolled, attended, eligible, certified,
// attendance rate, response rate, satisfaction index and class N-gain with their categories); attendance per
// session as a bar chart and a table; level 1 per form: section means, each question's mean as a bar on its
// scale coloured by its category, the speakers ranked, the importance × performance quadrants; the three
// strongest and weakest items; participants' comments grouped by question; level 2: the pre/post figures,
// a chart and the items' difficulty; level 3 when attached; the legend of every scale used; and the place,
// date and signature. A section without data says so in one line.
func WriteSummary(w io.Writer, sum *Summary) (err error) {
	defer pdf.DrawingPanic(&err)
	doc := pdf.New(pdf.A4, "P", "Laporan Evaluasi Program "+sum.Program.Code)
	doc.SetAutoPageBreak(false, summaryBottom)
	pageW, pageH := doc.GetPageSize()
	sw := &summaryWriter{doc: doc, sum: sum, left: 20, width: pageW - 40, pageH: pageH, scales: map[data.Scale]bool{}}
	doc.AliasNbPages("{nb}")
	doc.SetFooterFunc(func() {
		doc.SetFont(pdf.Font, "I", 7.5)
		doc.SetTextColor(90, 90, 90)
		doc.SetXY(sw.left, pageH-12)
		doc.CellFormat(sw.width/2, 4, "Laporan Evaluasi Program "+sum.Program.Code, "", 0, "L", false, 0, "")
		doc.CellFormat(sw.width/2, 4, fmt.Sprintf("Halaman %d dari {nb}", doc.PageNo()), "", 0, "R", false, 0, "")
		doc.SetTextColor(0, 0, 0)
	})
	doc.AddPage()
	y, err := Letterhead(doc, sum.Institution)
	if err != nil {
		return err
	}
	doc.SetY(y + 2)
	sw.header()
	sw.keyFigures()
	sw.attendance()
	sw.reactions()
	sw.learning()
	sw.behaviour()
	if err := sw.closing(); err != nil {
		return err
	}
	return pdf.Finish(doc, w)
}

// signatureHeight is the room the place, date and signature block take, with the space above them.
const signatureHeight = 58.0

// closing writes the legend and the signature together: when both do not fit on the page, both start a new
// one, so the signature never stands alone on the last page of a report.
func (sw *summaryWriter) closing() error {
	sw.need(sw.legendHeight() + signatureHeight)
	sw.legend()
	return sw.signature()
}

// need starts a new page when less than h millimetres are left.
func (sw *summaryWriter) need(h float64) {
	if sw.doc.GetY()+h > sw.pageH-summaryBottom {
		sw.doc.AddPage()
	}
}

// heading writes a section heading, keeping room for what follows it.
func (sw *summaryWriter) heading(text string, after float64) {
	sw.need(12 + after)
	doc := sw.doc
	doc.Ln(3)
	doc.SetFont(pdf.Font, "B", 11)
	doc.SetX(sw.left)
	doc.CellFormat(sw.width, 6, text, "B", 1, "L", false, 0, "")
	doc.Ln(1.5)
}

// subheading writes a heading within a section.
func (sw *summaryWriter) subheading(text string, after float64) {
	sw.need(8 + after)
	doc := sw.doc
	doc.Ln(1.5)
	doc.SetFont(pdf.Font, "B", 9.5)
	doc.SetX(sw.left)
	doc.MultiCell(sw.width, 4.8, text, "", "L", false)
	doc.Ln(0.5)
}

// para writes wrapped text.
func (sw *summaryWriter) para(text, style string, size float64) {
	doc := sw.doc
	doc.SetFont(pdf.Font, style, size)
	lines := doc.SplitText(text, sw.width)
	sw.need(float64(len(lines)) * size * 0.45)
	doc.SetX(sw.left)
	doc.MultiCell(sw.width, size*0.45, text, "", "L", false)
}

// empty writes the one line that stands for a section without data.
func (sw *summaryWriter) empty(text string) {
	sw.para(text, "I", 9)
	sw.doc.Ln(1)
}

func (sw *summaryWriter) header() {
	doc, p := sw.doc, sw.sum.Program
	doc.SetFont(pdf.Font, "B", 13)
	doc.SetX(sw.left)
	doc.CellFormat(sw.width, 7, "LAPORAN EVALUASI PROGRAM", "", 1, "C", false, 0, "")
	doc.SetFont(pdf.Font, "B", 11)
	doc.SetX(sw.left)
	doc.MultiCell(sw.width, 5.2, strings.ToUpper(p.Title), "", "C", false)
	doc.SetFont(pdf.Font, "", 10)
	doc.SetX(sw.left)
	doc.CellFormat(sw.width, 5.5, p.BatchLabel()+" · Tahun Anggaran "+strconv.Itoa(p.BudgetYear), "", 1, "C", false, 0, "")
	doc.Ln(2)
	organiser := p.Organiser
	if organiser == "" {
		organiser = sw.sum.Institution.Name
	}
	rows := [][2]string{
		{"Kode program", p.Code},
		{"Jenis", p.Kind + " · kompetensi " + p.CompetencyKind + " · " + p.Delivery},
		{"Tanggal", p.Dates()},
		{"Tempat", p.Place},
		{"Penyelenggara", organiser},
		{"Jumlah JP", indo.WithWords(int64(p.TotalJP)) + " jam pelajaran"},
		{"Status", p.Status.Label()},
	}
	for _, r := range rows {
		if strings.TrimSpace(r[1]) == "" {
			r[1] = "–"
		}
		doc.SetFont(pdf.Font, "", 9.5)
		doc.SetX(sw.left)
		doc.CellFormat(32, 5, r[0], "", 0, "L", false, 0, "")
		doc.CellFormat(4, 5, ":", "", 0, "L", false, 0, "")
		doc.MultiCell(sw.width-36, 5, r[1], "", "L", false)
	}
}

// keyFigures draws eight tiles: the counts of people and the rates, each with its category where it has one.
func (sw *summaryWriter) keyFigures() {
	sw.heading("A. Angka Utama", 46)
	l, doc := sw.sum.Line, sw.doc
	pct := func(v float64) string { return indo.Percent(v, 1) }
	sat, satSub := "–", "belum ada jawaban"
	if s := l.Satisfaction; !math.IsNaN(s.Percent) {
		sat, satSub = indo.Decimal(s.Percent, 2), s.Category
		if s.Scale != "" {
			satSub = fmt.Sprintf("%s · rata-rata %s (skala %s)", s.Category, indo.Decimal(s.Mean, 2), s.Scale.Label())
		}
	}
	gain, gainSub := "–", "tanpa pre-test dan post-test"
	if !math.IsNaN(l.NGain) {
		gain, gainSub = indo.Decimal(l.NGain, 2), l.NGainClass
	} else if len(l.Tests) > 0 {
		gainSub = "belum ada peserta dengan kedua tes"
	}
	response := "–"
	if !math.IsNaN(l.ResponseRate()) {
		response = pct(l.ResponseRate())
	}
	attendance := "–"
	if !math.IsNaN(l.AttendanceRate()) {
		attendance = pct(l.AttendanceRate())
	}
	tiles := [][3]string{
		{"Peserta terdaftar", indo.Int(int64(l.Enrolled)), "tanpa yang mengundurkan diri"},
		{"Hadir", indo.Int(int64(l.Attended)), "sedikitnya satu sesi"},
		{"Memenuhi syarat", indo.Int(int64(l.Eligible)), "kehadiran minimal " + indo.PercentOf(sw.sum.Program.AttendanceThreshold)},
		{"Bersertifikat", indo.Int(int64(l.Certified)), "sertifikat berlaku"},
		{"Tingkat kehadiran", attendance, "JP dihadiri dari JP terlaksana"},
		{"Tingkat respons", response, "evaluasi level 1"},
		{"Indeks kepuasan", sat, satSub},
		{"N-gain kelas", gain, gainSub},
	}
	const gap, tileH = 3.0, 19.0
	tileW := (sw.width - 3*gap) / 4
	y := doc.GetY()
	for i, t := range tiles {
		x := sw.left + float64(i%4)*(tileW+gap)
		ty := y + float64(i/4)*(tileH+gap)
		doc.SetFillColor(242, 245, 250)
		doc.SetDrawColor(200, 210, 225)
		doc.Rect(x, ty, tileW, tileH, "FD")
		doc.SetFont(pdf.Font, "", 7.5)
		doc.SetTextColor(70, 70, 70)
		doc.SetXY(x+1.5, ty+1.5)
		doc.CellFormat(tileW-3, 3.6, t[0], "", 0, "L", false, 0, "")
		doc.SetFont(pdf.Font, "B", 14)
		doc.SetTextColor(0, 0, 0)
		doc.SetXY(x+1.5, ty+5.5)
		doc.CellFormat(tileW-3, 7, t[1], "", 0, "L", false, 0, "")
		doc.SetFont(pdf.Font, "", 6.5)
		doc.SetTextColor(70, 70, 70)
		lines := doc.SplitText(t[2], tileW-3)
		for k, line := range lines[:min(len(lines), 2)] {
			doc.SetXY(x+1.5, ty+12.8+float64(k)*2.9)
			doc.CellFormat(tileW-3, 2.9, line, "", 0, "L", false, 0, "")
		}
	}
	doc.SetTextColor(0, 0, 0)
	doc.SetDrawColor(0, 0, 0)
	doc.SetY(y + 2*tileH + gap + 2)
}

// attendance draws the share of participants present at each session held, then the sessions as a table.
func (sw *summaryWriter) attendance() {
	sw.heading("B. Kehadiran per Sesi", 55)
	r, doc := sw.sum.Recap, sw.doc
	if len(r.Sessions) == 0 {
		sw.empty("Program ini belum memiliki jadwal sesi.")
		return
	}
	if r.HeldCount() == 0 && len(r.Day.Unentered) == 0 {
		sw.empty("Belum ada sesi yang terlaksana.")
		return
	}
	excused := sw.sum.Program.ExcusedCountPresent
	var labels []string
	var values []float64
	for i, x := range r.Sessions {
		labels = append(labels, strconv.Itoa(x.Number))
		v := math.NaN()
		if r.Held[i] && len(r.Rows) > 0 {
			v = float64(r.Counts[i].Attended(excused)) / float64(len(r.Rows))
		}
		values = append(values, v)
	}
	note := "Persentase peserta yang hadir (hadir dan terlambat"
	if excused {
		note += ", serta izin, sakit dan dinas luar menurut aturan program"
	}
	sw.para(note+") pada setiap sesi yang terlaksana.", "", 8.5)
	y := doc.GetY() + 1
	columnChart{labels: labels, values: values, top: 1, format: percentLabel, grid: func(v float64) string { return indo.Percent(v, 0) },
		colour: func(int) rgb { return colourBar }}.draw(doc, sw.left, y, sw.width, 45)
	doc.SetXY(sw.left, y+45)
	doc.SetFont(pdf.Font, "", 7.5)
	doc.CellFormat(sw.width, 4, "Sesi", "", 1, "C", false, 0, "")
	doc.Ln(2)
	cols := []pdf.Column{{Title: "SESI", Width: 10, Align: "C"}, {Title: "TANGGAL", Width: 26, Align: "L"}, {Title: "MATERI DAN NARASUMBER", Width: 0, Align: "L"}, {Title: "HADIR", Width: 14, Align: "C"}}
	if excused {
		cols[3].Title = "HADIR (TERMASUK I/S/DL)"
		cols[3].Width = 22
	} else {
		cols = append(cols, pdf.Column{Title: "IZIN/ SAKIT/DL", Width: 15, Align: "C"})
	}
	cols = append(cols, pdf.Column{Title: "CUTI", Width: 11, Align: "C"}, pdf.Column{Title: "ALPA", Width: 11, Align: "C"}, pdf.Column{Title: "BELUM DIISI", Width: 14, Align: "C"},
		pdf.Column{Title: "JUMLAH", Width: 14, Align: "C"}, pdf.Column{Title: "%", Width: 14, Align: "C"})
	t := sw.table(cols)
	for i, x := range r.Sessions {
		topic := x.Topic
		if x.Speaker != "" {
			topic += " — " + x.Speaker
		}
		cells := []string{strconv.Itoa(x.Number), indo.Date(x.Date), topic}
		if !r.Held[i] {
			if r.Unentered[i] {
				// Due but nobody's attendance entered: every participant is "belum diisi", none alpa.
				for range cols[3 : len(cols)-3] {
					cells = append(cells, "–")
				}
				n := strconv.Itoa(len(r.Rows))
				t.Row(append(cells, n, n, "belum diisi"))
				continue
			}
			for range cols[3 : len(cols)-1] {
				cells = append(cells, "–")
			}
			t.Row(append(cells, "akan datang"))
			continue
		}
		row := newSessionTally(r.Counts[i], excused)
		cells = append(cells, strconv.Itoa(row.Attended))
		if !excused {
			cells = append(cells, strconv.Itoa(row.Excused))
		}
		cells = append(cells, strconv.Itoa(row.Holiday), strconv.Itoa(row.Absent), strconv.Itoa(row.Unmarked),
			strconv.Itoa(row.Total()), indo.Percent(values[i], 1))
		t.Row(cells)
	}
	footnote := "Cuti dan belum diisi (tanpa tanda kehadiran; sesi yang sudah tiba tetapi belum diisi sama sekali tidak dihitung) " +
		"bukan alpa. Jumlah = peserta terdaftar."
	if excused {
		footnote = "Menurut aturan program, izin, sakit dan dinas luar dihitung hadir. " + footnote
	}
	doc.Ln(1)
	sw.para(footnote, "I", 7.5)
}

// sessionTally is one held session's row of the summary: every participant on the recap in exactly one
// column, so the columns add up to the number enrolled. Excused absence (izin, sakit, dinas luar) goes to
// Attended when the program counts it as present and to Excused otherwise, never to both.
type sessionTally struct {
	Attended, Excused, Holiday, Absent, Unmarked int
}

func newSessionTally(c data.StatusCounts, excusedCountPresent bool) sessionTally {
	row := sessionTally{Attended: c.Attended(excusedCountPresent), Holiday: c.Of(data.Holiday), Absent: c.Of(data.Absent),
		Unmarked: c.Unmarked}
	for _, s := range []data.AttendanceStatus{data.Leave, data.Sick, data.Duty} {
		if !s.Attended(excusedCountPresent) {
			row.Excused += c.Of(s)
		}
	}
	return row
}

// Total is the number of participants the row accounts for.
func (r sessionTally) Total() int { return r.Attended + r.Excused + r.Holiday + r.Absent + r.Unmarked }

// table starts a table at the current y with the last column without width taking what is left.
func (sw *summaryWriter) table(cols []pdf.Column) *pdf.Table {
	fixed := 0.0
	for _, c := range cols {
		fixed += c.Width
	}
	for i := range cols {
		if cols[i].Width == 0 {
			cols[i].Width = sw.width - fixed
		}
	}
	t := pdf.NewTable(sw.doc, cols)
	t.X = sw.left
	t.FontSize, t.LineHeight = 8, 3.8
	t.BeforeHeading = func() float64 { return 20 }
	sw.need(20)
	t.Heading()
	return t
}

// forms returns the attached forms of a level with responses, in the program's order.
func (sw *summaryWriter) forms(level int) []*analysis.FormReport {
	var out []*analysis.FormReport
	for _, f := range sw.sum.Report.Forms {
		if f.Attachment.Level == level && !f.Form.IsTest() {
			out = append(out, f)
		}
	}
	return out
}

// reactions writes level 1: every form, the strongest and weakest items, and the comments.
func (sw *summaryWriter) reactions() {
	sw.heading("C. Evaluasi Reaksi (Level 1)", 20)
	forms := sw.forms(1)
	if len(forms) == 0 {
		sw.empty("Belum ada formulir evaluasi reaksi (level 1) yang dilampirkan pada program ini.")
		return
	}
	answered := false
	for _, f := range forms {
		answered = answered || f.Result.Responses > 0
	}
	if !answered {
		sw.empty("Formulir evaluasi reaksi sudah dilampirkan, tetapi belum ada jawaban yang masuk.")
		return
	}
	for _, f := range forms {
		sw.form(f)
	}
	sw.extremes(forms)
	sw.comments(forms)
}

// form writes one attached form: its responses, section means, question bars, speakers and quadrants.
func (sw *summaryWriter) form(f *analysis.FormReport) {
	res, doc := f.Result, sw.doc
	rate := ""
	if f.Rate != nil && f.Rate.Expected > 0 && f.Attachment.Respondent != data.RespondentSuperior {
		rate = fmt.Sprintf("; %s dari %s peserta menjawab (%s)", indo.Int(int64(f.Rate.Responded)), indo.Int(int64(f.Rate.Expected)),
			indo.Percent(f.Rate.Rate(), 1))
	}
	sw.subheading(fmt.Sprintf("%s — %s jawaban%s", f.Form.Title, indo.Int(int64(res.Responses)), rate), 20)
	if res.Responses == 0 || res.Items == 0 {
		sw.empty("Belum ada jawaban berskala untuk formulir ini.")
		return
	}
	sw.scales[res.Scale] = true
	doc.SetFont(pdf.Font, "", 8.5)
	doc.SetX(sw.left)
	doc.CellFormat(sw.width, 4.5, fmt.Sprintf("Rata-rata formulir %s (%s) pada skala %s, indeks %s.", indo.Decimal(res.Mean, 2),
		res.Category, res.Scale.Label(), indo.Decimal(res.Percent, 2)), "", 1, "L", false, 0, "")
	if len(res.Sections) > 1 {
		for _, sec := range res.Sections {
			title := sec.Title
			if title == "" {
				title = "Tanpa bagian"
			}
			sw.barLine(title, "B", res.Scale, sec.Mean, sec.Category)
		}
		doc.Ln(1.5)
	}
	section := "\x00"
	for _, q := range res.Questions {
		if !q.IsRated() {
			continue
		}
		if q.Section != section && len(res.Sections) > 1 {
			section = q.Section
			sw.need(10)
			doc.SetFont(pdf.Font, "BI", 8)
			doc.SetX(sw.left)
			doc.CellFormat(sw.width, 4.5, section, "", 1, "L", false, 0, "")
		}
		sw.scales[q.Scale] = true
		label := strconv.Itoa(q.Number) + ". " + q.Question.Text
		if q.Stat.N == 0 {
			sw.barLine(label, "", q.Scale, math.NaN(), "belum dijawab")
			continue
		}
		sw.barLine(label, "", q.Scale, q.Stat.Mean, q.Category)
	}
	if len(f.Speakers) > 0 {
		sw.speakers(f)
	}
	if res.IPA != nil {
		sw.quadrants(res.IPA)
	}
}

// barLine writes a label, its mean as a bar on the scale coloured by category, and the figure.
func (sw *summaryWriter) barLine(label, style string, sc data.Scale, mean float64, category string) {
	doc := sw.doc
	const labelW, barW = 92.0, 42.0
	doc.SetFont(pdf.Font, style, 8)
	lines := doc.SplitText(label, labelW)
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = strings.TrimRight(lines[1], " .,") + "…"
	}
	h := math.Max(5, float64(len(lines))*3.6+1.4)
	sw.need(h)
	y := doc.GetY()
	for i, l := range lines {
		doc.SetXY(sw.left, y+0.7+float64(i)*3.6)
		doc.CellFormat(labelW, 3.6, l, "", 0, "L", false, 0, "")
	}
	scaleBar(doc, sw.left+labelW+2, y+h/2-1.6, barW, 3.2, sc, mean)
	doc.SetFont(pdf.Font, style, 8)
	doc.SetXY(sw.left+labelW+barW+4, y+h/2-1.8)
	figure := category
	if !math.IsNaN(mean) {
		figure = indo.Decimal(mean, 2) + " " + category
	}
	doc.CellFormat(sw.width-labelW-barW-4, 3.6, figure, "", 0, "L", false, 0, "")
	doc.SetY(y + h)
}

// speakers writes the speakers ranked by their mean.
func (sw *summaryWriter) speakers(f *analysis.FormReport) {
	sw.doc.Ln(1.5)
	sw.need(20)
	sw.para("Peringkat narasumber", "B", 8.5)
	t := sw.table([]pdf.Column{{Title: "PERINGKAT", Width: 20, Align: "C"}, {Title: "NARASUMBER", Width: 0, Align: "L"}, {Title: "JAWABAN", Width: 20, Align: "C"}, {Title: "RATA-RATA", Width: 22, Align: "C"},
		{Title: "KATEGORI", Width: 30, Align: "C"}})
	for _, s := range f.Speakers {
		rank := strconv.Itoa(s.Rank)
		if s.Rank == 0 {
			rank = "–"
		}
		name := s.Speaker
		if name == "" {
			name = "(tanpa nama narasumber)"
		}
		t.Row([]string{rank, name, indo.Int(int64(s.Responses)), data.FormatScore(s.Mean, 2), s.Category})
	}
}

// quadrants draws the importance × performance chart and lists each quadrant's items.
func (sw *summaryWriter) quadrants(res *analysis.IPAResult) {
	doc := sw.doc
	doc.Ln(2)
	sw.need(88)
	sw.para(fmt.Sprintf("Analisis kepentingan × kinerja: rata-rata harapan %s, rata-rata kenyataan %s, tingkat kesesuaian %s.",
		indo.Decimal(res.Importance, 2), indo.Decimal(res.Performance, 2), indo.Percent(res.Conformity, 1)), "B", 8.5)
	y := doc.GetY() + 1
	doc.SetFont(pdf.Font, "", 6.5)
	doc.SetXY(sw.left, y)
	doc.CellFormat(40, 3.5, "Kenyataan (kinerja)", "", 0, "L", false, 0, "")
	quadrantChart(doc, sw.left, y+4, 110, 70, res)
	// Beside the chart: the items of each quadrant.
	x, ty := sw.left+114, y+4
	for _, q := range analysis.Quadrants {
		items := res.In(q)
		colour := quadrantColour(q)
		doc.SetTextColor(colour.r, colour.g, colour.b)
		doc.SetFont(pdf.Font, "B", 7)
		doc.SetXY(x, ty)
		doc.CellFormat(sw.width-114, 3.6, q.Label(), "", 0, "L", false, 0, "")
		ty += 3.8
		doc.SetTextColor(0, 0, 0)
		doc.SetFont(pdf.Font, "", 6.8)
		if len(items) == 0 {
			doc.SetXY(x, ty)
			doc.CellFormat(sw.width-114, 3.3, "–", "", 0, "L", false, 0, "")
			ty += 3.5
		}
		for _, it := range items {
			for _, l := range doc.SplitText(strconv.Itoa(it.Number)+". "+it.Question.Text, sw.width-114) {
				if ty > y+74 {
					break
				}
				doc.SetXY(x, ty)
				doc.CellFormat(sw.width-114, 3.2, l, "", 0, "L", false, 0, "")
				ty += 3.2
			}
		}
		ty += 1.2
	}
	doc.SetY(math.Max(y+76, ty) + 1)
}

// extremes lists the three strongest and the three weakest rated items over the level-1 forms.
func (sw *summaryWriter) extremes(forms []*analysis.FormReport) {
	type item struct {
		form string
		q    *analysis.QuestionResult
	}
	var items []item
	for _, f := range forms {
		for _, q := range f.Result.Questions {
			if q.IsRated() && q.Stat.N > 0 {
				items = append(items, item{f.Form.Title, q})
			}
		}
	}
	sw.subheading("Butir terkuat dan terlemah", 20)
	if len(items) < 2 {
		sw.empty("Terlalu sedikit butir berjawaban untuk dibandingkan.")
		return
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].q.Percent > items[j].q.Percent })
	strong := min(3, len(items)/2)
	t := sw.table([]pdf.Column{{Title: "", Width: 22, Align: "C"}, {Title: "BUTIR", Width: 0, Align: "L"}, {Title: "FORMULIR", Width: 36, Align: "L"}, {Title: "RATA-RATA", Width: 18, Align: "C"}, {Title: "KATEGORI", Width: 24, Align: "C"}})
	row := func(kind string, it item) {
		t.Row([]string{kind, strconv.Itoa(it.q.Number) + ". " + it.q.Question.Text, it.form, indo.Decimal(it.q.Stat.Mean, 2), it.q.Category})
	}
	for _, it := range items[:strong] {
		row("Terkuat", it)
	}
	for i := len(items) - 1; i >= len(items)-strong; i-- {
		row("Terlemah", items[i])
	}
}

// comments lists the text answers of the level-1 forms grouped by question; the same comment given by several
// participants is written once with how many gave it.
func (sw *summaryWriter) comments(forms []*analysis.FormReport) {
	sw.subheading("Saran dan komentar peserta", 10)
	doc, found := sw.doc, false
	for _, f := range forms {
		for _, q := range f.Result.Questions {
			if len(q.Texts) == 0 {
				continue
			}
			found = true
			counts, order := map[string]int{}, []string{}
			for _, t := range q.Texts {
				t = strings.Join(strings.Fields(t), " ")
				if counts[t] == 0 {
					order = append(order, t)
				}
				counts[t]++
			}
			sw.need(14)
			doc.SetFont(pdf.Font, "BI", 8.5)
			doc.SetX(sw.left)
			doc.MultiCell(sw.width, 4.2, fmt.Sprintf("%s — %s (%s komentar)", f.Form.Title, q.Question.Text, indo.Int(int64(len(q.Texts)))), "", "L", false)
			doc.SetFont(pdf.Font, "", 8.5)
			for _, t := range order {
				if counts[t] > 1 {
					t += fmt.Sprintf(" (%d×)", counts[t])
				}
				lines := doc.SplitText(t, sw.width-5)
				sw.need(float64(len(lines)) * 4)
				y := doc.GetY()
				doc.SetXY(sw.left+1, y)
				doc.CellFormat(4, 4, "•", "", 0, "L", false, 0, "")
				doc.SetXY(sw.left+5, y)
				doc.MultiCell(sw.width-5, 4, t, "", "L", false)
			}
			doc.Ln(1)
		}
	}
	if !found {
		sw.empty("Tidak ada komentar tertulis dari peserta.")
	}
}

// learning writes level 2: for each pre/post pair the class figures, a chart of the items' share correct
// before and after, and the items' difficulty.
func (sw *summaryWriter) learning() {
	sw.heading("D. Evaluasi Pembelajaran (Level 2)", 20)
	tests := sw.sum.Report.Tests
	if len(tests) == 0 {
		sw.empty("Program ini tidak memiliki pre-test dan post-test.")
		return
	}
	doc := sw.doc
	for _, t := range tests {
		name := "Pre-test dan post-test"
		switch {
		case t.Pre != nil && t.Post != nil:
			name = t.Pre.Title + " dan " + t.Post.Title
		case t.Pre != nil:
			name = t.Pre.Title + " (tanpa post-test)"
		case t.Post != nil:
			name = t.Post.Title + " (tanpa pre-test)"
		}
		sw.subheading(name, 30)
		if t.PreN+t.PostN == 0 {
			sw.empty("Belum ada peserta yang mengerjakan tes ini.")
			continue
		}
		sw.gains = true
		pass := "semua post-test (program tanpa nilai lulus)"
		if t.PassScore > 0 {
			pass = fmt.Sprintf("%s dari %s post-test mencapai nilai lulus %s (%s)", indo.Int(int64(t.Passed)), indo.Int(int64(t.PostN)),
				indo.Number(t.PassScore, 2), indo.Percent(t.PassShare, 1))
		}
		cat := func(g float64, c string) string {
			if math.IsNaN(g) {
				return "–"
			}
			return indo.Decimal(g, 2) + " (" + c + ")"
		}
		tb := sw.table([]pdf.Column{{Title: "UKURAN", Width: 62, Align: "L"}, {Title: "NILAI", Width: 0, Align: "L"}})
		for _, r := range [][2]string{
			{"Peserta mengerjakan", fmt.Sprintf("pre-test %s, post-test %s, keduanya %s", indo.Int(int64(t.PreN)), indo.Int(int64(t.PostN)), indo.Int(int64(t.Paired)))},
			{"Rata-rata pre-test", data.FormatScore(t.MeanPre, 2)},
			{"Rata-rata post-test", data.FormatScore(t.MeanPost, 2)},
			{"N-gain kelas (dari rata-rata)", cat(t.ClassNGain, t.ClassCategory)},
			{fmt.Sprintf("Rata-rata N-gain individu (%d peserta)", t.MeanNGainN), cat(t.MeanNGain, t.MeanNGainCategory)},
			{"Kelulusan", pass},
			{"Nilai post-test di bawah pre-test", indo.Int(int64(t.Declined)) + " peserta"},
		} {
			tb.Row(r[:])
		}
		if len(t.Items) == 0 {
			continue
		}
		doc.Ln(2)
		sw.need(62)
		sw.para("Tingkat kesukaran butir: bagian peserta yang menjawab benar (p) pada pre-test dan post-test.", "", 8.5)
		labels := make([]string, len(t.Items))
		pre, post := make([]float64, len(t.Items)), make([]float64, len(t.Items))
		for i, it := range t.Items {
			labels[i] = strconv.Itoa(i + 1)
			pre[i], post[i] = it.Pre, it.Post
		}
		y := doc.GetY() + 1
		groupedColumns(doc, sw.left, y, sw.width, 42, labels, pre, post)
		x := legendKey(doc, sw.left+14, y+43, colourPre, "Pre-test")
		legendKey(doc, x, y+43, colourPost, "Post-test")
		doc.SetY(y + 49)
		it := sw.table([]pdf.Column{{Title: "NO", Width: 10, Align: "C"}, {Title: "BUTIR SOAL", Width: 0, Align: "L"}, {Title: "p PRE-TEST", Width: 22, Align: "C"}, {Title: "p POST-TEST", Width: 22, Align: "C"}})
		for i, item := range t.Items {
			it.Row([]string{strconv.Itoa(i + 1), item.Text, data.FormatScore(item.Pre, 2), data.FormatScore(item.Post, 2)})
		}
	}
}

// behaviour writes level 3, the follow-up evaluations, when attached.
func (sw *summaryWriter) behaviour() {
	sw.heading("E. Evaluasi Pasca Pelatihan (Level 3)", 20)
	forms := sw.forms(3)
	if len(forms) == 0 {
		sw.empty("Belum ada evaluasi pasca pelatihan (level 3) untuk program ini.")
		return
	}
	for _, f := range forms {
		sw.form(f)
	}
}

// legendScales are the scales the document used, in the legend's order.
func (sw *summaryWriter) legendScales() []data.Scale {
	var scales []data.Scale
	for _, sc := range []data.Scale{data.Scale4, data.Scale5, data.Scale100} {
		if sw.scales[sc] {
			scales = append(scales, sc)
		}
	}
	return scales
}

// legendNote explains the index and eligibility under the legend.
const legendNote = "Indeks kepuasan: rata-rata butir evaluasi reaksi dinyatakan 0–100 (rata-rata ÷ nilai maksimum skala × 100; " +
	"skala 1–4 × 25, PermenPANRB 14/2017); kategorinya mengikuti skala jawaban, atau kategori indeks bila skalanya berbeda. " +
	"Memenuhi syarat: batas kehadiran menurut JP, aturan izin/sakit/dinas luar program, dan nilai lulus bila ada."

// legendHeight is the height legend will take, measured with the same fonts and wrapping, so that closing
// can keep it and the signature on one page.
func (sw *summaryWriter) legendHeight() float64 {
	h := 10.5 // the heading
	scales := sw.legendScales()
	if len(scales) == 0 {
		h += 6
	}
	for _, sc := range scales {
		h += sw.legendLineHeight(sc.LegendEntries())
	}
	if !math.IsNaN(sw.sum.Line.Satisfaction.Percent) {
		h += sw.legendLineHeight(data.IndexLegendEntries())
	}
	if sw.gains {
		h += 4.5
	}
	sw.doc.SetFont(pdf.Font, "I", 7.5)
	return h + 3.8*float64(len(sw.doc.SplitText(legendNote, sw.width)))
}

// legendRows is how many rows legendLine takes for entries.
func (sw *summaryWriter) legendRows(entries []data.LegendEntry) int {
	rows, x := 1, sw.left+28
	sw.doc.SetFont(pdf.Font, "", 7.5)
	for _, e := range entries {
		w := sw.doc.GetStringWidth(e.Range+" "+e.Label) + 6
		if x+w > sw.left+sw.width {
			rows++
			x = sw.left + 28
		}
		x += 4 + sw.doc.GetStringWidth(e.Range+" "+e.Label) + 2 + 3
	}
	return rows
}

func (sw *summaryWriter) legendLineHeight(entries []data.LegendEntry) float64 {
	return 5.5 + 5*float64(sw.legendRows(entries)-1)
}

// legend prints the categories of every scale the document used, and of the normalised gain.
func (sw *summaryWriter) legend() {
	sw.heading("F. Keterangan Skala", 20)
	scales := sw.legendScales()
	if len(scales) == 0 {
		sw.empty("Laporan ini tidak memuat nilai berskala.")
	}
	doc := sw.doc
	for _, sc := range scales {
		sw.legendLine("Skala "+sc.Label(), sc.LegendEntries(), func(i int) rgb {
			b := sc.Legend()[i]
			return categoryColour(sc, b.Lo+0.011)
		})
	}
	if !math.IsNaN(sw.sum.Line.Satisfaction.Percent) {
		// The index's four categories are the 1–4 legend's, coloured alike.
		sw.legendLine("Indeks kepuasan", data.IndexLegendEntries(), func(i int) rgb {
			return categoryColour(data.Scale4, data.Scale4.Legend()[i].Lo+0.011)
		})
	}
	if sw.gains {
		doc.SetFont(pdf.Font, "B", 8.5)
		doc.SetX(sw.left)
		doc.CellFormat(28, 4.5, "N-gain", "", 0, "L", false, 0, "")
		doc.SetFont(pdf.Font, "", 8)
		doc.CellFormat(sw.width-28, 4.5, "g = (post - pre) ÷ (100 - pre); 0,70 ke atas Tinggi · 0,30 sampai di bawah 0,70 Sedang · di bawah 0,30 Rendah", "", 1, "L", false, 0, "")
	}
	doc.SetFont(pdf.Font, "I", 7.5)
	doc.SetX(sw.left)
	doc.MultiCell(sw.width, 3.8, legendNote, "", "L", false)
}

// legendLine prints one legend: its title, then each category's range and name after a key in colour(i).
func (sw *summaryWriter) legendLine(title string, entries []data.LegendEntry, colour func(i int) rgb) {
	doc := sw.doc
	sw.need(10)
	doc.SetFont(pdf.Font, "B", 8.5)
	doc.SetX(sw.left)
	doc.CellFormat(28, 4.5, title, "", 0, "L", false, 0, "")
	x := sw.left + 28
	for i, e := range entries {
		label := e.Range + " " + e.Label
		doc.SetFont(pdf.Font, "", 7.5)
		w := doc.GetStringWidth(label) + 6
		if x+w > sw.left+sw.width {
			doc.Ln(5)
			x = sw.left + 28
		}
		x = legendKey(doc, x, doc.GetY(), colour(i), label)
	}
	doc.Ln(5.5)
}

// signature closes the report with the place, the date and the signatory.
func (sw *summaryWriter) signature() error {
	sw.need(signatureHeight - 6)
	doc := sw.doc
	doc.Ln(6)
	colW := 80.0
	_, err := SignatureBlock(doc, sw.left+sw.width-colW, doc.GetY(), colW, sw.sum.Institution.City, sw.sum.Today, sw.sum.Signatory, SignatureSpace)
	return err
}
