package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

// PaperForm is what a printed evaluation form needs: the form as attached to a program, and for a speaker
// form the program's sessions, so that one copy is printed per speaker with the speaker and topics filled in.
// Without a program (a blank form printed from the Formulir page) the respondent writes the program's name
// on a line of its own.
type PaperForm struct {
	Institution *data.Institution
	Program     *data.Program
	Attachment  *data.ProgramForm
	Form        *data.Form
	Sessions    []*data.Session // for a speaker form; none prints one copy with an empty speaker line
	Paper       pdf.Paper
}

// WritePaperForm writes the printable version of an attached form: the letterhead, the form's title with the
// program, lines for the respondent's identity (none for an anonymous form), the instructions, then every
// visible question numbered as on the screen. Scale questions are rows of boxes under the scale's points with
// the legend above them, importance × performance pairs have a Harapan and a Kenyataan half, choices have a
// box per option, test items lettered options, text questions ruled lines. A speaker form gets one copy per
// speaker.
func WritePaperForm(w io.Writer, pf PaperForm) (err error) {
	defer pdf.DrawingPanic(&err)
	paper := pf.Paper
	if paper == "" {
		paper = pdf.A4
	}
	doc := pdf.New(paper, "P", pf.Form.Title)
	doc.AliasNbPages("{nb}")
	doc.SetFooterFunc(func() {
		doc.SetY(-11)
		doc.SetFont(pdf.Font, "", 7.5)
		doc.SetTextColor(110, 110, 110)
		footer := pf.Form.Title
		if pf.Program != nil {
			footer += " · " + pf.Program.Code
		}
		doc.CellFormat(0, 4, fmt.Sprintf("%s · halaman %d dari {nb}", footer, doc.PageNo()), "", 0, "C", false, 0, "")
		doc.SetTextColor(0, 0, 0)
	})
	w2 := &paperWriter{doc: doc, pf: pf}
	copies := []string{""}
	if pf.Form.Kind == data.FormSpeaker {
		if speakers := speakersOf(pf.Sessions); len(speakers) > 0 {
			copies = speakers
		}
	}
	for _, speaker := range copies {
		doc.AddPage()
		y, err := Letterhead(doc, pf.Institution)
		if err != nil {
			return err
		}
		doc.SetY(y)
		w2.heading(speaker)
		w2.questions()
		w2.closing()
	}
	return pdf.Finish(doc, w)
}

// SavePaperForm writes WritePaperForm to path through a temporary file, so that a failure leaves nothing
// half written.
func SavePaperForm(path string, pf PaperForm) error {
	return saveFile(path, func(w io.Writer) error { return WritePaperForm(w, pf) })
}

// respondent is who fills in the paper: as attached, or for a blank form who usually fills in its kind.
func (pf PaperForm) respondent() data.Respondent {
	if pf.Attachment != nil {
		return pf.Attachment.Respondent
	}
	return pf.Form.Kind.DefaultRespondent()
}

func speakersOf(sessions []*data.Session) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range sessions {
		if sp := strings.TrimSpace(x.Speaker); sp != "" && !seen[sp] {
			seen[sp] = true
			out = append(out, sp)
		}
	}
	return out
}

type paperWriter struct {
	doc *pdf.Doc
	pf  PaperForm
}

func (w *paperWriter) width() float64 {
	pageW, _ := w.doc.GetPageSize()
	l, _, r, _ := w.doc.GetMargins()
	return pageW - l - r
}

func (w *paperWriter) left() float64 {
	l, _, _, _ := w.doc.GetMargins()
	return l
}

func (w *paperWriter) spaceLeft() float64 {
	_, pageH := w.doc.GetPageSize()
	_, _, _, b := w.doc.GetMargins()
	return pageH - b - w.doc.GetY()
}

// need starts a new page when less than h millimetres are left.
func (w *paperWriter) need(h float64) {
	if w.spaceLeft() < h {
		w.doc.AddPage()
	}
}

// paragraph writes wrapped text across the page.
func (w *paperWriter) paragraph(text, style string, size, lineH float64, align string) {
	w.doc.SetFont(pdf.Font, style, size)
	w.doc.SetX(w.left())
	w.doc.MultiCell(w.width(), lineH, text, "", align, false)
}

func (w *paperWriter) heading(speaker string) {
	doc, pf := w.doc, w.pf
	w.paragraph(strings.ToUpper(pf.Form.Title), "B", 13, 6, "C")
	if p := pf.Program; p != nil {
		w.paragraph(p.Title+" "+p.BatchLabel(), "", 10, 5, "C")
		place := p.Dates()
		if p.Place != "" {
			place += " · " + p.Place
		}
		w.paragraph(place, "", 9, 4.5, "C")
	}
	if pf.Attachment != nil {
		w.paragraph(data.LevelLabel(pf.Attachment.Level), "I", 8.5, 4.5, "C")
	}
	doc.Ln(3)
	respondent := pf.respondent()
	var fields [][2]string
	switch respondent {
	case data.RespondentSuperior:
		fields = [][2]string{{"Nama atasan", ""}, {"Jabatan", ""}, {"Nama alumni yang dinilai", ""}, {"NIP alumni", ""}}
	case data.RespondentParticipant:
		fields = [][2]string{{"Nama", ""}, {"NIP", ""}, {"Unit kerja", ""}}
	}
	if pf.Program == nil {
		fields = append([][2]string{{"Nama pelatihan", ""}}, fields...)
	}
	if pf.Form.Kind == data.FormSpeaker {
		fields = append(fields, [2]string{"Narasumber", speaker}, [2]string{"Materi", topicsOf(pf.Sessions, speaker)})
	}
	if pf.Form.IsTest() {
		fields = append(fields, [2]string{"Tanggal", ""})
	}
	const labelW = 45.0
	for _, f := range fields {
		doc.SetFont(pdf.Font, "", 10)
		doc.SetX(w.left())
		doc.CellFormat(labelW, 7, f[0], "", 0, "L", false, 0, "")
		doc.CellFormat(4, 7, ":", "", 0, "L", false, 0, "")
		if f[1] != "" {
			doc.SetFont(pdf.Font, "B", 10)
			doc.MultiCell(w.width()-labelW-4, 7, f[1], "", "L", false)
			continue
		}
		x, y := doc.GetX(), doc.GetY()
		end := w.left() + w.width()
		if pf.Form.IsTest() {
			end -= 32 // the score box
		}
		doc.SetDrawColor(120, 120, 120)
		doc.SetDashPattern([]float64{0.6, 0.8}, 0)
		doc.Line(x, y+5.5, end, y+5.5)
		doc.SetDashPattern(nil, 0)
		doc.SetDrawColor(0, 0, 0)
		doc.Ln(7)
	}
	if pf.Form.IsTest() {
		// A box for the grader's score, at the right of the identity lines.
		doc.SetFont(pdf.Font, "", 8)
		y := doc.GetY()
		bx, by := w.left()+w.width()-28, y-float64(len(fields))*7
		doc.Rect(bx, by, 28, 16, "D")
		doc.SetXY(bx, by+1)
		doc.CellFormat(28, 4, "Nilai", "", 0, "C", false, 0, "")
		doc.SetXY(w.left(), y)
	}
	if respondent == data.RespondentAnonymous {
		w.paragraph("Tidak perlu menuliskan nama. Jawaban Anda dijaga kerahasiaannya.", "I", 9, 4.5, "L")
	}
	doc.Ln(2)
	if pf.Form.Description != "" {
		w.paragraph(pf.Form.Description, "", 9.5, 4.8, "J")
	}
	var how []string
	kinds := map[data.QuestionKind]bool{}
	for _, q := range pf.Form.Visible() {
		kinds[q.Kind] = true
	}
	if kinds[data.QuestionScale] || kinds[data.QuestionImportancePerf] || kinds[data.QuestionYesNo] ||
		kinds[data.QuestionSingleChoice] || kinds[data.QuestionMultiChoice] {
		how = append(how, "Beri tanda silang (X) pada kotak yang sesuai.")
	}
	if kinds[data.QuestionTestItem] {
		how = append(how, "Lingkari huruf jawaban yang paling tepat.")
	}
	if kinds[data.QuestionShortText] || kinds[data.QuestionLongText] || kinds[data.QuestionNumber] {
		how = append(how, "Tulis jawaban pada baris yang tersedia.")
	}
	how = append(how, "Pertanyaan bertanda * wajib dijawab.")
	w.paragraph("Petunjuk: "+strings.Join(how, " "), "I", 9, 4.6, "L")
	doc.Ln(2)
}

func topicsOf(sessions []*data.Session, speaker string) string {
	if speaker == "" {
		return ""
	}
	var topics []string
	seen := map[string]bool{}
	for _, x := range sessions {
		if x.Speaker == speaker && x.Topic != "" && !seen[x.Topic] {
			seen[x.Topic] = true
			topics = append(topics, x.Topic)
		}
	}
	return strings.Join(topics, "; ")
}

// run is a stretch of questions printed together: a table of scale rows, or one block question.
type run struct {
	kind      data.QuestionKind
	scale     data.Scale
	labels    string
	questions []*data.Question
	numbers   []int
}

func (w *paperWriter) questions() {
	f := w.pf.Form
	number := 0
	for _, sec := range f.Sections {
		var runs []*run
		for _, q := range sec.Questions {
			if q.Hidden {
				continue
			}
			number++
			sc := f.ScaleOf(q)
			labels := strings.Join(f.PointLabels(q), "|")
			tabular := q.Kind == data.QuestionScale || q.Kind == data.QuestionImportancePerf
			if n := len(runs); tabular && n > 0 && runs[n-1].kind == q.Kind && runs[n-1].scale == sc && runs[n-1].labels == labels {
				runs[n-1].questions = append(runs[n-1].questions, q)
				runs[n-1].numbers = append(runs[n-1].numbers, number)
				continue
			}
			runs = append(runs, &run{kind: q.Kind, scale: sc, labels: labels, questions: []*data.Question{q}, numbers: []int{number}})
		}
		if len(runs) == 0 {
			continue
		}
		if sec.Title != "" {
			w.need(30)
			w.doc.Ln(2)
			w.paragraph(sec.Title, "B", 10.5, 5.5, "L")
			w.doc.Ln(1)
		}
		for _, r := range runs {
			switch r.kind {
			case data.QuestionScale, data.QuestionImportancePerf:
				w.scaleTable(r)
			default:
				for i, q := range r.questions {
					w.block(q, r.numbers[i])
				}
			}
		}
	}
}

func legendOf(words []string, min float64) string {
	parts := make([]string, len(words))
	for i, l := range words {
		parts[i] = strconv.Itoa(int(min)+i) + " = " + l
	}
	return strings.Join(parts, " · ")
}

func star(q *data.Question) string {
	if q.Required {
		return " *"
	}
	return ""
}

// scaleTable prints scale questions (or importance × performance pairs) of one scale as a table with a box
// per point, and the legend of the points above it.
func (w *paperWriter) scaleTable(r *run) {
	doc, f := w.doc, w.pf.Form
	q0 := r.questions[0]
	points := r.scale.Points()
	pair := r.kind == data.QuestionImportancePerf
	w.need(28)
	if points > 0 {
		legend := "Keterangan: " + legendOf(f.PointLabels(q0), r.scale.Min())
		if pair {
			legend = "Harapan (seberapa penting): " + legendOf(r.scale.ImportanceLabels(), r.scale.Min()) +
				"\nKenyataan (seberapa baik terlaksana): " + legendOf(f.PointLabels(q0), r.scale.Min())
		}
		w.paragraph(legend, "I", 8.5, 4.3, "L")
		doc.Ln(1)
	}
	cols := []pdf.Column{{Title: "No", Width: 9, Align: "C"}, {Title: "Pernyataan", Width: 0, Align: "L"}}
	boxW := 11.0
	if pair {
		boxW = 8.5
	}
	halves := 1
	if pair {
		halves = 2
	}
	if points == 0 {
		cols = append(cols, pdf.Column{Title: "Nilai (0–100)", Width: 30, Align: "C"})
		if pair {
			cols[len(cols)-1].Title = "Harapan (0–100)"
			cols = append(cols, pdf.Column{Title: "Kenyataan (0–100)", Width: 30, Align: "C"})
		}
	} else {
		for h := 0; h < halves; h++ {
			for p := 0; p < points; p++ {
				cols = append(cols, pdf.Column{Title: strconv.Itoa(int(r.scale.Min()) + p), Width: boxW, Align: "C"})
			}
		}
	}
	used := 0.0
	for _, c := range cols {
		used += c.Width
	}
	cols[1].Width = w.width() - used
	t := pdf.NewTable(doc, cols)
	t.FontSize, t.LineHeight, t.MinRowH = 9.5, 4.6, 8
	first := 2
	t.DrawCell = func(row, col int, x, y, cw, h float64) bool {
		if col < first || points == 0 {
			return false
		}
		const box = 4.2
		doc.Rect(x+(cw-box)/2, y+(h-box)/2, box, box, "D")
		return true
	}
	band := func(y float64) float64 {
		if !pair || points == 0 {
			return y
		}
		x := w.left() + cols[0].Width + cols[1].Width
		doc.SetFont(pdf.Font, "B", 9)
		doc.SetFillColor(225, 225, 225)
		for _, title := range []string{"Harapan", "Kenyataan"} {
			doc.Rect(x, y, boxW*float64(points), 6, "FD")
			doc.SetXY(x, y+0.8)
			doc.CellFormat(boxW*float64(points), 4.4, title, "", 0, "C", false, 0, "")
			x += boxW * float64(points)
		}
		return y + 6
	}
	t.BeforeHeading = func() float64 {
		_, top, _, _ := doc.GetMargins()
		return band(top)
	}
	doc.SetY(band(doc.GetY()))
	t.Heading()
	for i, q := range r.questions {
		cells := []string{strconv.Itoa(r.numbers[i]), q.Text + star(q)}
		t.Row(cells)
	}
	doc.Ln(3)
}

// block prints one question that is not a scale row: choices with boxes, lettered test options, ruled lines.
func (w *paperWriter) block(q *data.Question, number int) {
	doc := w.doc
	indent := 8.0
	textW := w.width() - indent
	doc.SetFont(pdf.Font, "", 10)
	lines := doc.SplitText(q.Text+star(q), textW)
	need := float64(len(lines))*5 + 8
	switch q.Kind {
	case data.QuestionSingleChoice, data.QuestionMultiChoice, data.QuestionTestItem:
		need += float64(len(q.Options)) * 5.5
	case data.QuestionLongText:
		need += 4 * 7
	}
	w.need(min(need, 120))
	y := doc.GetY()
	doc.SetXY(w.left(), y)
	doc.CellFormat(indent, 5, strconv.Itoa(number)+".", "", 0, "L", false, 0, "")
	doc.SetXY(w.left()+indent, y)
	doc.MultiCell(textW, 5, q.Text+star(q), "", "L", false)
	x := w.left() + indent
	option := func(mark func(x, y float64), text string) {
		doc.SetFont(pdf.Font, "", 9.5)
		parts := doc.SplitText(text, textW-8)
		if w.spaceLeft() < float64(len(parts))*4.8+1 {
			doc.AddPage()
		}
		oy := doc.GetY()
		mark(x, oy)
		for i, p := range parts {
			doc.SetXY(x+7, oy+float64(i)*4.8)
			doc.CellFormat(textW-8, 4.8, p, "", 0, "L", false, 0, "")
		}
		doc.SetY(oy + float64(len(parts))*4.8 + 0.8)
	}
	box := func(x, y float64) { doc.Rect(x+0.5, y+0.6, 3.6, 3.6, "D") }
	ruled := func(n int) {
		doc.SetDrawColor(140, 140, 140)
		doc.SetDashPattern([]float64{0.6, 0.8}, 0)
		for i := 0; i < n; i++ {
			if w.spaceLeft() < 8 {
				doc.SetDashPattern(nil, 0)
				doc.AddPage()
				doc.SetDashPattern([]float64{0.6, 0.8}, 0)
			}
			ly := doc.GetY() + 6.5
			doc.Line(x, ly, w.left()+w.width(), ly)
			doc.SetY(ly)
		}
		doc.SetDashPattern(nil, 0)
		doc.SetDrawColor(0, 0, 0)
		doc.Ln(1.5)
	}
	doc.Ln(0.8)
	switch q.Kind {
	case data.QuestionYesNo:
		oy := doc.GetY()
		for i, o := range []string{data.Yes, data.No} {
			ox := x + float64(i)*30
			box(ox, oy)
			doc.SetFont(pdf.Font, "", 9.5)
			doc.SetXY(ox+6, oy)
			doc.CellFormat(20, 4.8, o, "", 0, "L", false, 0, "")
		}
		doc.SetY(oy + 6)
	case data.QuestionSingleChoice, data.QuestionMultiChoice:
		if q.Kind == data.QuestionMultiChoice {
			w.paragraphAt(x, "(boleh memilih lebih dari satu)", "I", 8.5)
		}
		for _, o := range q.Options {
			option(box, o)
		}
	case data.QuestionTestItem:
		for i, o := range q.Options {
			letter := string(rune('a'+i)) + "."
			option(func(x, y float64) {
				doc.SetFont(pdf.Font, "", 9.5)
				doc.SetXY(x, y)
				doc.CellFormat(6, 4.8, letter, "", 0, "L", false, 0, "")
			}, o)
		}
	case data.QuestionNumber:
		ruled(1)
	case data.QuestionShortText:
		ruled(1)
	case data.QuestionLongText:
		ruled(4)
	}
	doc.Ln(2.5)
}

func (w *paperWriter) paragraphAt(x float64, text, style string, size float64) {
	w.doc.SetFont(pdf.Font, style, size)
	w.doc.SetX(x)
	w.doc.MultiCell(w.left()+w.width()-x, 4.4, text, "", "L", false)
}

func (w *paperWriter) closing() {
	doc, pf := w.doc, w.pf
	respondent := pf.respondent()
	if respondent != data.RespondentSuperior {
		w.need(12)
		doc.Ln(2)
		w.paragraph("Terima kasih atas partisipasi Anda.", "I", 9.5, 5, "C")
		return
	}
	w.need(45)
	doc.Ln(4)
	x := w.left() + w.width() - 80
	city := pf.Institution.City
	if city == "" {
		city = "................"
	}
	lines := []string{city + ", ............................", "Atasan langsung,", "", "", "", "(........................................)",
		"NIP. ........................................"}
	for _, l := range lines {
		doc.SetFont(pdf.Font, "", 10)
		doc.SetX(x)
		doc.CellFormat(80, 5.5, l, "", 1, "C", false, 0, "")
	}
}
