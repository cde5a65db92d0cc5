package app

import (
	"context"
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// reportTab is a program's Laporan tab: what the evaluation summary PDF will hold, and saving it.
type reportTab struct {
	u       *UI
	p       *data.Program
	figures *fyne.Container // the key figures, as the PDF's tiles
	parts   *fyne.Container // one line per section: what it holds, or that it is empty
	status  *widget.Label
	save    *widget.Button
	scroll  *container.Scroll
}

// programReportTab is the program's Laporan tab: the evaluation summary (Laporan Evaluasi Program) to attach
// to the official letter, previewed as its key figures and sections, saved as a PDF with progress.
func (u *UI) programReportTab(p *data.Program) fyne.CanvasObject {
	rt := &reportTab{u: u, p: p, figures: container.NewGridWithColumns(4), parts: container.NewVBox(), status: widget.NewLabel(L("memuat…"))}
	rt.save = widget.NewButtonWithIcon(L("Simpan PDF…"), theme.DocumentSaveIcon(), rt.saveSummary)
	rt.save.Importance = widget.HighImportance
	refresh := widget.NewButtonWithIcon(L("Muat ulang"), theme.ViewRefreshIcon(), rt.load)
	intro := wrapLabel(L("Laporan Evaluasi Program dalam PDF (A4) untuk dilampirkan pada surat resmi: identitas program, angka utama, kehadiran per sesi, evaluasi reaksi (level 1) dengan grafik per butir, peringkat narasumber dan kuadran kepentingan × kinerja, butir terkuat dan terlemah, komentar peserta, evaluasi pembelajaran (level 2), evaluasi pasca pelatihan (level 3), keterangan skala, serta tempat, tanggal dan tanda tangan."))
	intro.Importance = widget.LowImportance
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(refresh, rt.save), subheading(L("Laporan Evaluasi Program"))), intro)
	body := container.NewVBox(subheading(L("Angka utama")), rt.figures, widget.NewSeparator(), subheading(L("Isi laporan")), rt.parts, rt.status)
	rt.scroll = container.NewVScroll(container.NewPadded(body))
	rt.load()
	view := container.NewBorder(container.NewPadded(top), nil, nil, nil, rt.scroll)
	return withCommands(view, viewCommands{Print: rt.saveSummary, Export: func() { u.exportEvaluationResults(p) }, Reload: rt.load})
}

// load reads the summary off the UI goroutine and shows what it will hold.
func (rt *reportTab) load() {
	u := rt.u
	rt.status.SetText(L("memuat…"))
	u.goBackground(func() {
		doc, err := report.LoadSummary(context.Background(), u.store, rt.p.ID, u.now.today())
		fyne.Do(func() {
			if err != nil {
				rt.status.SetText("")
				u.showError(err)
				return
			}
			rt.show(doc)
		})
	})
}

// figureCard is one key figure: its name, the figure large, and a note under it.
func figureCard(name, figure, note string) fyne.CanvasObject {
	n := widget.NewLabel(name)
	n.Importance = widget.LowImportance
	n.Truncation = fyne.TextTruncateEllipsis
	f := widget.NewLabelWithStyle(figure, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.SizeName = theme.SizeNameSubHeadingText
	d := widget.NewLabel(note)
	d.Importance = widget.LowImportance
	d.Wrapping = fyne.TextWrapWord
	d.SizeName = theme.SizeNameCaptionText
	return widget.NewCard("", "", container.NewVBox(n, f, d))
}

func (rt *reportTab) show(doc *report.Summary) {
	l := doc.Line
	pct := func(v float64) string { return indo.Percent(v, 1) }
	sat, satNote := "–", L("belum ada jawaban")
	if s := l.Satisfaction; !math.IsNaN(s.Percent) {
		sat, satNote = indo.Decimal(s.Percent, 2), L(s.Category)
		if s.Scale != "" {
			satNote = fmt.Sprintf(L("%s · rata-rata %s (skala %s)"), L(s.Category), indo.Decimal(s.Mean, 2), s.Scale.Label())
		}
	}
	gain, gainNote := "–", L("tanpa pre-test dan post-test")
	if !math.IsNaN(l.NGain) {
		gain, gainNote = indo.Decimal(l.NGain, 2), L(l.NGainClass)
	}
	rt.figures.Objects = []fyne.CanvasObject{
		figureCard(L("Peserta terdaftar"), indo.Int(int64(l.Enrolled)), L("tanpa yang mengundurkan diri")),
		figureCard(L("Hadir"), indo.Int(int64(l.Attended)), L("sedikitnya satu sesi")),
		figureCard(L("Memenuhi syarat"), indo.Int(int64(l.Eligible)), L("kehadiran dan nilai lulus")),
		figureCard(L("Bersertifikat"), indo.Int(int64(l.Certified)), L("sertifikat berlaku")),
		figureCard(L("Tingkat kehadiran"), pct(l.AttendanceRate()), L("JP dihadiri dari JP terlaksana")),
		figureCard(L("Tingkat respons"), pct(l.ResponseRate()), L("evaluasi level 1")),
		figureCard(L("Indeks kepuasan"), sat, satNote),
		figureCard(L("N-gain kelas"), gain, gainNote),
	}
	rt.figures.Refresh()
	rt.parts.RemoveAll()
	for _, part := range summaryParts(doc) {
		icon := widget.NewIcon(theme.ConfirmIcon())
		if !part.filled {
			icon.SetResource(theme.InfoIcon())
		}
		text := wrapLabel(part.title + ": " + part.text)
		if !part.filled {
			text.Importance = widget.LowImportance
		}
		rt.parts.Add(container.NewBorder(nil, nil, container.NewCenter(icon), nil, text))
	}
	rt.status.SetText(fmt.Sprintf(L("Keadaan per %s. Tempat dan tanggal penandatanganan: %s, %s."), uiDate(doc.Today),
		orDash(doc.Institution.City), uiDate(doc.Today)))
	rt.scroll.Refresh() // the figures and lines grew: lay the tab out again
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// summaryPart is one section of the summary as the tab describes it.
type summaryPart struct {
	title, text string
	filled      bool
}

// summaryParts says, section by section, what the PDF will hold: the same tests the PDF makes to decide
// whether a section has data.
func summaryParts(doc *report.Summary) []summaryPart {
	var out []summaryPart
	r := doc.Recap
	switch held := r.HeldCount(); {
	case len(r.Sessions) == 0:
		out = append(out, summaryPart{L("Kehadiran per sesi"), L("program ini belum memiliki jadwal sesi"), false})
	case held == 0:
		out = append(out, summaryPart{L("Kehadiran per sesi"), L("belum ada sesi yang terlaksana"), false})
	default:
		out = append(out, summaryPart{L("Kehadiran per sesi"), fmt.Sprintf(L("grafik dan tabel %d dari %d sesi yang terlaksana"), held, len(r.Sessions)), true})
	}
	level := func(n int) (forms, responses int, names []string) {
		for _, f := range doc.Report.Forms {
			if f.Attachment.Level == n && !f.Form.IsTest() {
				forms++
				responses += f.Result.Responses
				names = append(names, f.Form.Title)
			}
		}
		return
	}
	forms, responses, names := level(1)
	switch {
	case forms == 0:
		out = append(out, summaryPart{L("Evaluasi reaksi (level 1)"), L("belum ada formulir yang dilampirkan"), false})
	case responses == 0:
		out = append(out, summaryPart{L("Evaluasi reaksi (level 1)"), L("formulir sudah dilampirkan, belum ada jawaban"), false})
	default:
		out = append(out, summaryPart{L("Evaluasi reaksi (level 1)"), fmt.Sprintf(L("%s: %s jawaban, dengan butir terkuat, terlemah dan komentar"),
			strings.Join(names, ", "), indo.Int(int64(responses))), true})
	}
	paired := 0
	for _, t := range doc.Report.Tests {
		paired += t.Paired
	}
	switch {
	case len(doc.Report.Tests) == 0:
		out = append(out, summaryPart{L("Evaluasi pembelajaran (level 2)"), L("program ini tidak memiliki pre-test dan post-test"), false})
	default:
		out = append(out, summaryPart{L("Evaluasi pembelajaran (level 2)"), fmt.Sprintf(L("%d peserta mengerjakan pre-test dan post-test"), paired), paired > 0})
	}
	forms, responses, names = level(3)
	if forms == 0 {
		out = append(out, summaryPart{L("Evaluasi pasca pelatihan (level 3)"), L("belum ada formulir yang dilampirkan"), false})
	} else {
		out = append(out, summaryPart{L("Evaluasi pasca pelatihan (level 3)"), fmt.Sprintf(L("%s: %s jawaban"), strings.Join(names, ", "),
			indo.Int(int64(responses))), responses > 0})
	}
	signer := L("belum ada penandatangan: baris tanda tangan dibiarkan kosong (atur di Pengaturan)")
	if doc.Signatory != nil {
		signer = doc.Signatory.FullName() + " — " + doc.Signatory.Position
	}
	out = append(out, summaryPart{L("Penandatangan"), signer, doc.Signatory != nil})
	return out
}

// saveSummary asks where to save the PDF and writes it off the UI goroutine with progress.
func (rt *reportTab) saveSummary() {
	u, p := rt.u, rt.p
	u.dialogs.savePath(report.SummaryFileName(p, u.now()), func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
			path += ".pdf"
		}
		var doc *report.Summary
		u.runTask(L("Membuat laporan evaluasi…"), func(ctx context.Context, progress Progress) error {
			progress(0, 2)
			var err error
			if doc, err = report.LoadSummary(ctx, u.store, p.ID, u.now.today()); err != nil {
				return err
			}
			progress(1, 2)
			if err := ctx.Err(); err != nil {
				return data.Wrap(data.KindConflict, err, "%s", L("Dibatalkan; laporan tidak disimpan"))
			}
			if err := report.SaveSummary(path, doc); err != nil {
				return err
			}
			progress(2, 2)
			return nil
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			rt.show(doc)
			u.showSaved(L("Laporan evaluasi tersimpan"), path)
		})
	})
}
