package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/chart"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
)

const labelColumn = 110 // width of the labels left of the bars

func boldLabel(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func note(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// meanText writes a mean with its category: "3,45 · Baik".
func meanText(mean float64, category string) string {
	if math.IsNaN(mean) {
		return "–"
	}
	s := indo.Decimal(mean, 2)
	if category != "" {
		s += " · " + L(category)
	}
	return s
}

// formResults shows what one attached form's responses say: the form and section means with bars, the
// importance-performance chart and quadrants, the speakers' ranking, then every question with its bars,
// distribution and text answers.
func (t *evaluationTab) formResults(fr *analysis.FormReport) fyne.CanvasObject {
	res := fr.Result
	if res.Responses == 0 {
		return container.NewPadded(note(L("Belum ada jawaban. Isi lewat mode kios, dari kertas, atau impor jawaban Google Forms.")))
	}
	box := container.NewVBox()
	sc := res.Scale
	if res.Items > 0 {
		box.Add(subheading(L("Rata-rata")))
		box.Add(chart.BarRow(L("Seluruh formulir"), 260, res.Mean, sc.Max(), chart.CategoryColour(sc, res.Mean),
			meanText(res.Mean, res.Category)+" · "+indo.Decimal(res.Percent, 1)+" / 100"))
		for _, s := range res.Sections {
			title := s.Title
			if title == "" {
				title = L("(bagian tanpa judul)")
			}
			box.Add(chart.BarRow(title, 260, s.Mean, sc.Max(), chart.CategoryColour(sc, s.Mean), meanText(s.Mean, s.Category)))
		}
		var legend []string
		for _, e := range sc.LegendEntries() {
			legend = append(legend, e.Range+" "+L(e.Label))
		}
		box.Add(note(fmt.Sprintf(L("Kategori skala %s: %s"), sc.Label(), strings.Join(legend, " · "))))
	}
	if len(fr.Speakers) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(subheading(L("Peringkat narasumber")))
		for _, sp := range fr.Speakers {
			rank := "–"
			if sp.Rank > 0 {
				rank = strconv.Itoa(sp.Rank)
			}
			row := chart.BarRow(rank+". "+sp.Speaker, 300, sp.Mean, sc.Max(), chart.CategoryColour(sc, sp.Mean),
				meanText(sp.Mean, sp.Category)+fmt.Sprintf(" · n = %d", sp.Responses))
			box.Add(row)
		}
	}
	if res.IPA != nil {
		box.Add(widget.NewSeparator())
		box.Add(subheading(L("Harapan dan kenyataan")))
		box.Add(note(fmt.Sprintf(L("Garis silang pada rata-rata harapan %s dan rata-rata kenyataan %s. Tingkat kesesuaian (kenyataan ÷ harapan): %s."),
			indo.Decimal(res.IPA.Importance, 2), indo.Decimal(res.IPA.Performance, 2), indo.Percent(res.IPA.Conformity, 1))))
		ipa := chart.NewIPA(res.IPA, L("Harapan (kepentingan) →"), L("↑ Kenyataan (kinerja)"),
			func(q analysis.Quadrant) string { return L(q.Label()) })
		box.Add(container.NewGridWrap(fyne.NewSize(560, 330), ipa))
		for _, q := range analysis.Quadrants {
			items := res.IPA.In(q)
			var names []string
			for _, it := range items {
				names = append(names, strconv.Itoa(it.Number)+". "+it.Question.Text)
			}
			text := strings.Join(names, "; ")
			if text == "" {
				text = "–"
			}
			l := widget.NewLabel(L(q.Label()) + ": " + text)
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
	}
	box.Add(widget.NewSeparator())
	box.Add(subheading(L("Per pertanyaan")))
	for _, q := range res.Questions {
		box.Add(questionResult(res, q))
	}
	return container.NewPadded(box)
}

// questionResult shows one question: bars for its mean (both halves of a pair), the distribution, or the
// text answers.
func questionResult(res *analysis.FormResult, q *analysis.QuestionResult) fyne.CanvasObject {
	box := container.NewVBox(boldLabel(strconv.Itoa(q.Number) + ". " + q.Question.Text))
	sc := q.Scale
	switch q.Question.Kind {
	case data.QuestionScale, data.QuestionImportancePerf:
		if q.Stat.N == 0 && q.Importance.N == 0 {
			box.Add(note(L("Belum ada jawaban untuk pertanyaan ini.")))
			break
		}
		if q.Question.Kind == data.QuestionImportancePerf {
			box.Add(chart.BarRow(L("Harapan"), labelColumn, q.Importance.Mean, sc.Max(), theme.Color(theme.ColorNamePlaceHolder),
				meanText(q.Importance.Mean, "")))
			box.Add(chart.BarRow(L("Kenyataan"), labelColumn, q.Stat.Mean, sc.Max(), chart.CategoryColour(sc, q.Stat.Mean),
				meanText(q.Stat.Mean, q.Category)))
		} else {
			box.Add(chart.BarRow(L("Rata-rata"), labelColumn, q.Stat.Mean, sc.Max(), chart.CategoryColour(sc, q.Stat.Mean),
				meanText(q.Stat.Mean, q.Category)))
		}
		var dist []string
		for _, b := range q.Distribution {
			label := b.Label
			if !math.IsNaN(b.Value) {
				label = indo.Number(b.Value, 0)
			}
			dist = append(dist, fmt.Sprintf("%s: %d", label, b.N))
		}
		box.Add(note(fmt.Sprintf(L("n = %d · simpangan baku %s · sebaran %s"), q.Stat.N, data.FormatScore(q.Stat.SD, 2),
			strings.Join(dist, " · "))))
	case data.QuestionYesNo, data.QuestionSingleChoice, data.QuestionMultiChoice, data.QuestionTestItem:
		for i, b := range q.Distribution {
			label := b.Label
			if q.Question.Kind == data.QuestionTestItem {
				label = string(rune('a'+i)) + ". " + label
				if b.Label == q.Question.Correct {
					label += " ✓"
				}
			}
			width := float32(280)
			if q.Question.Kind == data.QuestionYesNo {
				width = labelColumn
			}
			box.Add(chart.BarRow(label, width, b.Share, 1, theme.Color(theme.ColorNamePrimary),
				fmt.Sprintf("%d (%s)", b.N, indo.Percent(b.Share, 1))))
		}
		if q.Question.Kind == data.QuestionTestItem {
			box.Add(note(fmt.Sprintf(L("Dijawab benar oleh %d dari %d peserta (tingkat kesukaran %s)."), q.Correct, res.Responses,
				indo.Decimal(q.Difficulty, 2))))
		} else {
			box.Add(note(fmt.Sprintf(L("%d responden menjawab."), q.Answered)))
		}
	case data.QuestionNumber:
		box.Add(note(fmt.Sprintf(L("n = %d · rata-rata %s · simpangan baku %s"), q.Stat.N, data.FormatScore(q.Stat.Mean, 2),
			data.FormatScore(q.Stat.SD, 2))))
	case data.QuestionShortText, data.QuestionLongText:
		box.Add(textAnswers(q.Texts))
	}
	return box
}

// textAnswers lists text answers, the same answer once with how often it was given, each cut to a few lines,
// the first hundred of them.
func textAnswers(texts []string) fyne.CanvasObject {
	if len(texts) == 0 {
		return note(L("Tidak ada jawaban."))
	}
	count := map[string]int{}
	var order []string
	first := map[string]string{}
	for _, s := range texts {
		k := data.SearchKey(s)
		if count[k] == 0 {
			order = append(order, k)
			first[k] = s
		}
		count[k]++
	}
	const shown = 100
	var lines []string
	for _, k := range order[:min(len(order), shown)] {
		s := first[k]
		if r := []rune(s); len(r) > 400 {
			s = string(r[:400]) + "…"
		}
		s = strings.Join(strings.Fields(s), " ")
		if n := count[k]; n > 1 {
			s += fmt.Sprintf(" (%d×)", n)
		}
		lines = append(lines, "• "+s)
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(l)
	if len(order) > shown {
		box.Add(note(fmt.Sprintf(L("dan %d jawaban lainnya"), len(order)-shown)))
	}
	return box
}

// testResults shows a pre-test and post-test pair: the class figures, the item difficulties and a table of
// the participants.
func (t *evaluationTab) testResults(res *analysis.PrePostResult) fyne.CanvasObject {
	box := container.NewVBox(subheading(L("Hasil belajar kelas")))
	figures := widget.NewForm(
		widget.NewFormItem(L("Peserta"), widget.NewLabel(fmt.Sprintf(L("%d pre-test, %d post-test, %d mengikuti keduanya"),
			res.PreN, res.PostN, res.Paired))),
		widget.NewFormItem(L("Rata-rata pre-test"), widget.NewLabel(data.FormatScore(res.MeanPre, 2))),
		widget.NewFormItem(L("Rata-rata post-test"), widget.NewLabel(data.FormatScore(res.MeanPost, 2))),
		widget.NewFormItem(L("N-gain kelas"), widget.NewLabel(meanText(res.ClassNGain, res.ClassCategory))),
		widget.NewFormItem(L("Rata-rata N-gain peserta"), widget.NewLabel(meanText(res.MeanNGain, res.MeanNGainCategory)+
			fmt.Sprintf(L(" (dari %d peserta)"), res.MeanNGainN))),
	)
	if res.PostN > 0 {
		pass := fmt.Sprintf(L("%d dari %d (%s) mencapai nilai %s"), res.Passed, res.PostN, indo.Percent(res.PassShare, 1),
			indo.Number(res.PassScore, 2))
		if res.PassScore <= 0 {
			pass = L("program ini tidak menetapkan nilai lulus")
		}
		figures.Append(L("Lulus post-test"), widget.NewLabel(pass))
	}
	if res.Declined > 0 {
		l := widget.NewLabel(fmt.Sprintf(L("%d peserta nilainya turun"), res.Declined))
		l.Importance = widget.WarningImportance
		figures.Append(L("Perhatian"), l)
	}
	box.Add(figures)
	if res.Paired > 0 {
		box.Add(chart.BarRow(L("Pre-test"), labelColumn, res.MeanPre, 100, theme.Color(theme.ColorNamePlaceHolder), data.FormatScore(res.MeanPre, 2)))
		box.Add(chart.BarRow(L("Post-test"), labelColumn, res.MeanPost, 100, theme.Color(theme.ColorNamePrimary), data.FormatScore(res.MeanPost, 2)))
	}
	box.Add(note(L("N-gain = (post − pre) ÷ (100 − pre): ≥ 0,70 Tinggi; 0,30–0,69 Sedang; < 0,30 Rendah. Tidak terdefinisi (–) bila pre-test sudah 100.")))
	box.Add(widget.NewSeparator())
	box.Add(subheading(L("Tingkat kesukaran soal (proporsi menjawab benar)")))
	for i, it := range res.Items {
		box.Add(boldLabel(fmt.Sprintf("%d. %s", i+1, it.Text)))
		if it.PreAsked {
			box.Add(chart.BarRow(L("Pre-test"), labelColumn, it.Pre, 1, theme.Color(theme.ColorNamePlaceHolder), indo.Percent(it.Pre, 1)))
		}
		if it.PostAsked {
			box.Add(chart.BarRow(L("Post-test"), labelColumn, it.Post, 1, theme.Color(theme.ColorNamePrimary), indo.Percent(it.Post, 1)))
		}
	}
	return container.NewPadded(box)
}

// testTakersTable lists every participant's scores and gains; declines are marked.
func testTakersTable(res *analysis.PrePostResult) *listTable {
	takers := res.Takers
	score := func(v float64, ok bool) string {
		if !ok {
			return "–"
		}
		return indo.Number(v, 1)
	}
	t := newListTable([]column{
		{title: "No.", width: 45, align: fyne.TextAlignTrailing},
		{title: "Nama", width: 200, grow: true},
		{title: "Pre-test", width: 74, align: fyne.TextAlignTrailing},
		{title: "Post-test", width: 80, align: fyne.TextAlignTrailing},
		{title: "Selisih", width: 64, align: fyne.TextAlignTrailing},
		{title: "N-gain", width: 64, align: fyne.TextAlignTrailing},
		{title: "Kategori", width: 80},
		{title: "Keterangan", width: 140, grow: true},
	}, func() int { return len(takers) }, func(row, col int) string {
		if row >= len(takers) {
			return ""
		}
		tk := takers[row]
		switch col {
		case 0:
			return strconv.Itoa(row + 1)
		case 1:
			if tk.Name == "" {
				return L("(peserta tidak terdaftar lagi)")
			}
			return tk.Name
		case 2:
			return score(tk.Pre, tk.HasPre)
		case 3:
			return score(tk.Post, tk.HasPost)
		case 4:
			if math.IsNaN(tk.Gain) {
				return "–"
			}
			return indo.Number(tk.Gain, 1)
		case 5:
			return data.FormatScore(tk.NGain, 2)
		case 6:
			return L(tk.Category)
		case 7:
			var notes []string
			switch {
			case tk.HasPre && tk.HasPost && math.IsNaN(tk.NGain):
				notes = append(notes, L("pre-test sudah 100"))
			case tk.Declined:
				notes = append(notes, L("nilai turun"))
			}
			if !tk.HasPre {
				notes = append(notes, L("tanpa pre-test"))
			}
			if !tk.HasPost {
				notes = append(notes, L("tanpa post-test"))
			} else if res.PassScore > 0 && !tk.Passed {
				notes = append(notes, L("di bawah nilai lulus"))
			}
			return strings.Join(notes, ", ")
		}
		return ""
	})
	t.style = func(row, col int) widget.Importance {
		if row < len(takers) && takers[row].Declined {
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	return t
}
