package report

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// Brief is the Ringkasan Pimpinan: one page (two at most) for the leadership meeting. Its figures are the
// leadership workbook's (overview.Load of the same period, the Ringkasan sheet's lines), so that the page and
// the workbook never disagree; the previous period (the same dates a year earlier) only feeds the finding of
// the unit that improved most.
type Brief struct {
	Institution *data.Institution
	Overview    *overview.Overview
	Previous    *overview.Overview
	Upcoming    []store.ProgramRow // programs starting within followup.Horizon months
}

// briefBehind is how many units the brief lists as furthest behind.
const briefBehind = 5

// LoadBrief computes the brief of period p on day today.
func LoadBrief(ctx context.Context, s *store.Store, p overview.Period, today time.Time) (*Brief, error) {
	in, err := s.Institution(ctx)
	if err != nil {
		return nil, err
	}
	o, err := overview.Load(ctx, s, p, today, nil)
	if err != nil {
		return nil, err
	}
	prev := p
	prev.From, prev.To = p.From.AddDate(-1, 0, 0), p.To.AddDate(-1, 0, 0)
	po, err := overview.Load(ctx, s, prev, today, nil)
	if err != nil {
		return nil, err
	}
	up, err := followup.Upcoming(ctx, s, today)
	if err != nil {
		return nil, err
	}
	// Only the figures are kept: a year's outcomes weigh tens of megabytes.
	o.Outcomes, o.Certificates, po.Outcomes, po.Certificates = nil, nil, nil, nil
	return &Brief{Institution: in, Overview: o, Previous: po, Upcoming: up}, nil
}

// unitName is a unit's name as the workbook writes it.
func unitName(u string) string {
	if u == "" {
		return "(tanpa unit kerja)"
	}
	return u
}

// Behind lists the units with employees furthest behind the 20 JP: lowest share first, then the most
// employees still below, at most n.
func (b *Brief) Behind(n int) []overview.UnitLine {
	var out []overview.UnitLine
	for _, u := range b.Overview.Units {
		if u.Employees > 0 {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, c := out[i].ReachedShare(), out[j].ReachedShare()
		if a != c {
			return a < c
		}
		return out[i].Employees-out[i].Reached > out[j].Employees-out[j].Reached
	})
	return out[:min(n, len(out))]
}

// Findings are the three sentences generated from the figures: the unit whose share at 20 JP rose most since
// the previous period, the unit furthest behind, and the best and worst rated programs.
func (b *Brief) Findings() []string {
	o, target := b.Overview, b.Overview.Targets.Phrase()
	var out []string
	before := map[string]overview.UnitLine{}
	for _, u := range b.Previous.Units {
		before[strings.ToLower(u.Unit)] = u
	}
	best, gain := "", math.Inf(-1)
	var bestNow, bestThen float64
	for _, u := range o.Units {
		p, ok := before[strings.ToLower(u.Unit)]
		if !ok || u.Employees == 0 || p.Employees == 0 {
			continue
		}
		if d := u.ReachedShare() - p.ReachedShare(); d > gain {
			best, gain, bestNow, bestThen = unitName(u.Unit), d, u.ReachedShare(), p.ReachedShare()
		}
	}
	prevLabel := strings.TrimPrefix(b.Previous.Period.Label(), "Periode ")
	switch {
	case best == "":
		out = append(out, fmt.Sprintf("Belum ada pembanding capaian unit kerja pada %s.", lowerFirst(prevLabel)))
	case gain <= 0:
		out = append(out, fmt.Sprintf("Tidak ada unit kerja yang capaian %s-nya naik dibanding %s; yang paling bertahan %s (%s, sebelumnya %s).",
			target, lowerFirst(prevLabel), best, indo.Percent(bestNow, 1), indo.Percent(bestThen, 1)))
	default:
		out = append(out, fmt.Sprintf("Peningkatan terbesar dibanding %s dicapai %s: pegawai yang mencapai %s naik dari %s menjadi %s (%s poin persentase).",
			lowerFirst(prevLabel), best, target, indo.Percent(bestThen, 1), indo.Percent(bestNow, 1), indo.Decimal(gain*100, 1)))
	}
	if behind := b.Behind(1); len(behind) > 0 {
		u := behind[0]
		out = append(out, fmt.Sprintf("Unit kerja paling tertinggal adalah %s: %s dari %s pegawai ASN (%s) mencapai %s, %s orang belum.",
			unitName(u.Unit), indo.Int(int64(u.Reached)), indo.Int(int64(u.Employees)), indo.Percent(u.ReachedShare(), 1), target,
			indo.Int(int64(u.Employees-u.Reached))))
	} else {
		out = append(out, "Belum ada pegawai ASN aktif dengan target JP dalam data peserta.")
	}
	var hi, lo *overview.ProgramLine
	for _, l := range o.Programs {
		if math.IsNaN(l.Satisfaction.Percent) {
			continue
		}
		if hi == nil || l.Satisfaction.Percent > hi.Satisfaction.Percent {
			hi = l
		}
		if lo == nil || l.Satisfaction.Percent < lo.Satisfaction.Percent {
			lo = l
		}
	}
	rated := func(l *overview.ProgramLine) string {
		return fmt.Sprintf("%s (%s, indeks %s, %s)", l.Program.Title, l.Program.Code, indo.Decimal(l.Satisfaction.Percent, 2), l.Satisfaction.Category)
	}
	switch {
	case hi == nil:
		out = append(out, "Belum ada jawaban evaluasi kepuasan dalam periode ini.")
	case hi == lo:
		out = append(out, "Satu-satunya program yang dinilai peserta adalah "+rated(hi)+".")
	default:
		out = append(out, "Program dengan penilaian tertinggi adalah "+rated(hi)+", terendah "+rated(lo)+".")
	}
	return out
}

func lowerFirst(s string) string {
	if strings.HasPrefix(s, "Tahun ") {
		return "tahun " + s[len("Tahun "):]
	}
	return s
}

// SaveBrief writes the brief to a PDF file, beside it first and renamed at the end.
func SaveBrief(path string, b *Brief) error {
	return saveFile(path, func(w io.Writer) error { return WriteBrief(w, b) })
}

// WriteBrief draws the brief on A4, portrait: title and period, six key figures, the findings, the bar chart
// of units by share at 20 JP (on the second page when it does not fit the first), the units furthest behind
// and the programs of the coming quarter.
func WriteBrief(w io.Writer, b *Brief) (err error) {
	defer pdf.DrawingPanic(&err)
	o := b.Overview
	f := &o.Figures
	doc := pdf.New(pdf.A4, "P", "Ringkasan Pimpinan "+o.Period.Label())
	doc.SetMargins(18, 14, 18)
	doc.SetAutoPageBreak(true, 14)
	doc.SetCompression(false)
	doc.AddPage()
	left, top, right, bottom := doc.GetMargins()
	pageW, pageH := doc.GetPageSize()
	width := pageW - left - right

	// Heading: the institution, the title, the period.
	doc.SetFont(pdf.Font, "", 9)
	doc.SetTextColor(90, 90, 90)
	var inst []string
	for _, s := range []string{b.Institution.Name, b.Institution.ParentName} {
		if strings.TrimSpace(s) != "" {
			inst = append(inst, strings.TrimSpace(s))
		}
	}
	doc.SetXY(left, top)
	doc.CellFormat(width, 4.5, strings.Join(inst, " · "), "", 1, "L", false, 0, "")
	doc.SetTextColor(0, 0, 0)
	doc.SetFont(pdf.Font, "B", 16)
	doc.SetX(left)
	doc.CellFormat(width, 8, "RINGKASAN PIMPINAN", "", 1, "L", false, 0, "")
	doc.SetFont(pdf.Font, "", 10)
	doc.SetX(left)
	doc.CellFormat(width, 5, "Pengembangan Kompetensi ASN · "+o.Period.Label()+" · keadaan per "+indo.Date(o.Today), "", 1, "L", false, 0, "")
	doc.SetLineWidth(0.5)
	stroke(doc, colourBar)
	doc.Line(left, doc.GetY()+1.5, left+width, doc.GetY()+1.5)
	doc.SetDrawColor(0, 0, 0)
	doc.SetLineWidth(0.2)
	y := doc.GetY() + 5

	// Key figures: six tiles in two rows of three.
	notAvailable := func(v float64, s string) string {
		if math.IsNaN(v) {
			return "–"
		}
		return s
	}
	satNote := "belum ada jawaban evaluasi"
	if f.SatisfactionPrograms > 0 {
		satNote = f.SatisfactionCategory + " · " + indo.Int(int64(f.SatisfactionPrograms)) + " program"
	}
	gainNote := "belum ada pre-test dan post-test"
	if f.NGainPrograms > 0 {
		gainNote = f.NGainCategory + " · " + indo.Int(int64(f.NGainPrograms)) + " program"
	}
	tiles := []struct{ label, value, note string }{
		{"Program", indo.Int(int64(f.Programs)), indo.Int(int64(f.Status(data.StatusFinished))) + " selesai"},
		{"Orang yang menyelesaikan program", indo.Int(int64(f.Trained)), indo.Int(int64(f.Enrolled)) + " peserta terdaftar"},
		{"JP yang diperoleh peserta", indo.Int(int64(f.JP)), "jumlah JP program yang dituntaskan"},
		{"Pegawai ASN mencapai " + b.Overview.Targets.Phrase(), notAvailable(f.ReachedShare(), indo.Percent(f.ReachedShare(), 1)),
			indo.Int(int64(f.Reached)) + " dari " + indo.Int(int64(f.Employees)) + " pegawai"},
		{"Indeks kepuasan (0–100)", notAvailable(f.SatisfactionPercent, indo.Decimal(f.SatisfactionPercent, 2)), satNote},
		{"N-gain rata-rata", notAvailable(f.NGain, indo.Decimal(f.NGain, 2)), gainNote},
	}
	const gap, tileH = 4.0, 22.0
	tileW := (width - 2*gap) / 3
	for i, t := range tiles {
		x, ty := left+float64(i%3)*(tileW+gap), y+float64(i/3)*(tileH+gap)
		doc.SetFillColor(242, 245, 250)
		doc.Rect(x, ty, tileW, tileH, "F")
		fill(doc, colourBar)
		doc.Rect(x, ty, 1.2, tileH, "F")
		doc.SetFont(pdf.Font, "", 8.5)
		doc.SetTextColor(70, 70, 70)
		doc.SetXY(x+4, ty+2.5)
		doc.CellFormat(tileW-6, 4, t.label, "", 0, "L", false, 0, "")
		doc.SetTextColor(0, 0, 0)
		doc.SetFont(pdf.Font, "B", 17)
		doc.SetXY(x+4, ty+7.5)
		doc.CellFormat(tileW-6, 8, t.value, "", 0, "L", false, 0, "")
		doc.SetFont(pdf.Font, "", 8)
		doc.SetTextColor(70, 70, 70)
		doc.SetXY(x+4, ty+16)
		doc.CellFormat(tileW-6, 4, t.note, "", 0, "L", false, 0, "")
		doc.SetTextColor(0, 0, 0)
	}
	y += 2*tileH + gap + 6

	section := func(title string) {
		doc.SetFont(pdf.Font, "B", 11)
		doc.SetXY(left, y)
		doc.CellFormat(width, 6, title, "", 1, "L", false, 0, "")
		y = doc.GetY() + 1
	}

	// Findings.
	section("Temuan")
	doc.SetFont(pdf.Font, "", 10)
	for i, s := range b.Findings() {
		doc.SetXY(left, y)
		doc.CellFormat(6, 5, indo.Plain(int64(i+1))+".", "", 0, "L", false, 0, "")
		doc.SetXY(left+6, y)
		doc.MultiCell(width-6, 5, s, "", "L", false)
		y = doc.GetY() + 1.5
	}
	y += 4

	// The chart of units by share at 20 JP, best first; on the next page when it would not fit above the two
	// tables at a readable bar height.
	var units []overview.UnitLine
	for _, u := range o.Units {
		if u.Employees > 0 {
			units = append(units, u)
		}
	}
	sort.SliceStable(units, func(i, j int) bool { return units[i].ReachedShare() > units[j].ReachedShare() })
	behind := b.Behind(briefBehind)
	tablesH := 14 + 5.5*float64(len(behind)+1) + 14 + 5.5*float64(max(1, len(b.Upcoming))+1)
	barH := 5.0
	chartH := func() float64 { return 8 + barH*float64(max(1, len(units))) + 6 }
	for barH > 3.2 && y+chartH()+tablesH > pageH-bottom {
		barH -= 0.2
	}
	chartOnPage2 := y+chartH()+tablesH > pageH-bottom
	drawChart := func() {
		section("Pegawai ASN yang mencapai " + b.Overview.Targets.Phrase() + " per unit kerja")
		if len(units) == 0 {
			doc.SetFont(pdf.Font, "I", 9.5)
			doc.SetXY(left, y)
			doc.CellFormat(width, 5, "Belum ada pegawai ASN aktif dengan target JP.", "", 1, "L", false, 0, "")
			y = doc.GetY() + 4
			return
		}
		labelW := width * 0.36
		plotX, plotW := left+labelW+2, width-labelW-2-16
		for q := 0; q <= 4; q++ {
			gx := plotX + plotW*float64(q)/4
			stroke(doc, colourGrid)
			doc.SetLineWidth(0.15)
			doc.Line(gx, y, gx, y+barH*float64(len(units)))
			doc.SetFont(pdf.Font, "", 6.5)
			doc.SetTextColor(90, 90, 90)
			doc.SetXY(gx-6, y+barH*float64(len(units))+0.5)
			doc.CellFormat(12, 3.5, indo.Plain(int64(q*25))+"%", "", 0, "C", false, 0, "")
		}
		doc.SetTextColor(0, 0, 0)
		fontSize := math.Min(8.5, barH*2)
		for i, u := range units {
			by := y + barH*float64(i)
			share := u.ReachedShare()
			doc.SetFont(pdf.Font, "", fontSize)
			doc.SetXY(left, by)
			name := unitName(u.Unit)
			for doc.GetStringWidth(name) > labelW-1 && len([]rune(name)) > 4 {
				r := []rune(name)
				name = string(r[:len(r)-2]) + "…"
			}
			doc.CellFormat(labelW, barH, name, "", 0, "R", false, 0, "")
			fill(doc, colourTrack)
			doc.Rect(plotX, by+barH*0.15, plotW, barH*0.7, "F")
			c := colourBest
			switch {
			case share < 0.5:
				c = colourLow
			case share < 0.8:
				c = colourMiddle
			}
			fill(doc, c)
			doc.Rect(plotX, by+barH*0.15, plotW*share, barH*0.7, "F")
			doc.SetXY(plotX+plotW+1, by)
			doc.CellFormat(15, barH, indo.Percent(share, 1), "", 0, "L", false, 0, "")
		}
		y += barH*float64(len(units)) + 9
	}
	if !chartOnPage2 {
		drawChart()
	}

	// The units furthest behind.
	section(fmt.Sprintf("%d unit kerja paling tertinggal", min(briefBehind, max(1, len(behind)))))
	t := pdf.NewTable(doc, fitColumns([]pdf.Column{{Title: "NO", Width: 8, Align: "C"}, {Title: "UNIT KERJA", Width: 62, Align: "L"}, {Title: "PEGAWAI ASN", Width: 24, Align: "R"},
		{Title: "MENCAPAI " + strings.ToUpper(b.Overview.Targets.Phrase()), Width: 30, Align: "R"}, {Title: "PERSENTASE", Width: 22, Align: "R"}, {Title: "BELUM", Width: 18, Align: "R"}}, width))
	t.X, t.FontSize, t.LineHeight = left, 8.5, 4.4
	doc.SetY(y)
	t.Heading()
	for i, u := range behind {
		t.Row([]string{indo.Plain(int64(i + 1)), unitName(u.Unit), indo.Int(int64(u.Employees)), indo.Int(int64(u.Reached)),
			indo.Percent(u.ReachedShare(), 1), indo.Int(int64(u.Employees - u.Reached))})
	}
	if len(behind) == 0 {
		t.Row([]string{"", "Belum ada pegawai ASN aktif dengan target JP", "", "", "", ""})
	}
	y = doc.GetY() + 6

	// The programs of the coming quarter.
	section(fmt.Sprintf("Program %d bulan ke depan", followup.Horizon))
	t = pdf.NewTable(doc, fitColumns([]pdf.Column{{Title: "NO", Width: 8, Align: "C"}, {Title: "KODE", Width: 26, Align: "L"}, {Title: "PROGRAM", Width: 62, Align: "L"}, {Title: "TANGGAL", Width: 44, Align: "L"},
		{Title: "JP", Width: 10, Align: "R"}, {Title: "PESERTA", Width: 16, Align: "R"}}, width))
	t.X, t.FontSize, t.LineHeight = left, 8.5, 4.4
	doc.SetY(y)
	t.Heading()
	for i, r := range b.Upcoming {
		p := r.Program
		t.Row([]string{indo.Plain(int64(i + 1)), p.Code, p.Title, indo.DateRange(p.StartDate, p.EndDate), indo.Int(int64(p.TotalJP)),
			indo.Int(int64(r.Participants))})
	}
	if len(b.Upcoming) == 0 {
		t.Row([]string{"", "", fmt.Sprintf("Belum ada program yang direncanakan dalam %d bulan ke depan", followup.Horizon), "", "", ""})
	}
	y = doc.GetY() + 6
	if chartOnPage2 {
		doc.AddPage()
		y = top
		barH = math.Min(6, (pageH-bottom-top-24)/float64(max(1, len(units))))
		drawChart()
	}
	doc.SetAutoPageBreak(false, 0)
	doc.SetFont(pdf.Font, "", 7.5)
	doc.SetTextColor(110, 110, 110)
	doc.SetXY(left, pageH-bottom+2)
	doc.CellFormat(width, 4, "Angka sama dengan lembar Ringkasan buku kerja pimpinan periode yang sama. Dibuat dengan Pembina, "+indo.Date(stamp())+".",
		"", 0, "L", false, 0, "")
	doc.SetTextColor(0, 0, 0)
	if doc.Err() {
		return data.Wrap(data.KindInternal, doc.Error(), "Ringkasan pimpinan tidak dapat digambar: %v", doc.Error())
	}
	return pdf.Finish(doc, pdf.PackingWriter(w))
}
