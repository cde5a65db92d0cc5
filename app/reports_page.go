package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// reportsPage is Laporan: the leadership workbook of a year, a date range or one unit, and the evaluation
// summaries of several programs at once.
type reportsPage struct {
	widget.BaseWidget
	u       *UI
	content fyne.CanvasObject

	// The workbook.
	whole    *widget.RadioGroup
	year     *widget.Select
	from, to *dateField
	unit     *widget.SelectEntry
	export   *widget.Button
	brief    *widget.Button

	// The summaries.
	summaryYear *widget.Select
	programs    []store.ProgramRow
	chosen      map[int64]bool
	list        *widget.List
	count       *widget.Label
	saveAll     *widget.Button
}

func (u *UI) reportsPage() fyne.CanvasObject {
	rp := &reportsPage{u: u, chosen: map[int64]bool{}}
	rp.ExtendBaseWidget(rp)
	split := container.NewHSplit(rp.workbookPanel(), rp.summaryPanel())
	split.Offset = 0.48
	rp.content = split
	rp.loadChoices()
	return withCommands(rp, viewCommands{Export: rp.exportWorkbook, Print: rp.saveSummaries})
}

func (rp *reportsPage) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(rp.content)
}

// Choices of the period, as the window offers them.
var (
	periodYear  = "Satu tahun"
	periodRange = "Rentang tanggal"
)

func (rp *reportsPage) workbookPanel() fyne.CanvasObject {
	u := rp.u
	thisYear := strconv.Itoa(u.now.today().Year())
	rp.year = widget.NewSelect([]string{thisYear}, nil)
	rp.year.SetSelected(thisYear)
	rp.from, rp.to = newDateField(u, nil), newDateField(u, nil)
	rp.whole = widget.NewRadioGroup([]string{L(periodYear), L(periodRange)}, func(choice string) {
		byRange := choice == L(periodRange)
		for _, d := range []*dateField{rp.from, rp.to} {
			if byRange {
				d.Enable()
				d.button.Enable()
			} else {
				d.Disable()
				d.button.Disable()
			}
		}
		if byRange && rp.from.Text == "" {
			y, _ := strconv.Atoi(rp.year.Selected)
			rp.from.SetDate(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
			rp.to.SetDate(time.Date(y, 6, 30, 0, 0, 0, 0, time.UTC))
		}
	})
	rp.whole.Horizontal = true
	rp.whole.Required = true
	rp.whole.SetSelected(L(periodYear))
	rp.unit = widget.NewSelectEntry(nil)
	rp.unit.SetPlaceHolder(L("Semua unit kerja"))
	rp.export = widget.NewButtonWithIcon(L("Ekspor buku kerja…"), theme.DocumentSaveIcon(), rp.exportWorkbook)
	rp.export.Importance = widget.HighImportance
	rp.brief = widget.NewButtonWithIcon(L("Ringkasan pimpinan (PDF)…"), theme.DocumentIcon(), rp.exportBrief)
	form := widget.NewForm(
		widget.NewFormItem(L("Periode"), rp.whole),
		widget.NewFormItem(L("Tahun"), rp.year),
		widget.NewFormItem(L("Dari"), rp.from.box),
		widget.NewFormItem(L("Sampai"), rp.to.box),
		widget.NewFormItem(L("Unit kerja"), rp.unit),
	)
	sheets := wrapLabel(L("Lembar: Ringkasan (angka utama dan grafik: peserta per bulan, program menurut jenis, kepuasan per program, pegawai yang mencapai 20 JP), Program, JP Pegawai (setiap peserta dengan JP periode ini dan capaian 20 JP), Unit Kerja, Presensi, Evaluasi, Sertifikat dan SIASN (riwayat kursus siap diketik ke SIASN, tanggal HH-BB-TTTT)."))
	sheets.Importance = widget.LowImportance
	rule := wrapLabel(L("Program dihitung pada periode tanggal selesainya. JP dihitung dari program yang selesai dan dituntaskan sebagai peserta. Dengan unit kerja, hanya orang yang kini tercatat di unit itu yang dihitung."))
	rule.Importance = widget.LowImportance
	body := container.NewVBox(subheading(L("Buku kerja pimpinan (Excel)")),
		wrapLabel(L("Satu buku kerja untuk rapat pimpinan: apa yang diselenggarakan, siapa yang hadir, siapa yang belum mencapai 20 JP, pendapat peserta dan peningkatan hasil belajar.")),
		form, sheets, rule, container.NewHBox(layout.NewSpacer(), rp.brief, rp.export),
		wrapLabel(L("Ringkasan pimpinan: satu atau dua halaman untuk rapat pimpinan dengan angka yang sama dengan lembar Ringkasan buku kerja, capaian 20 JP per unit kerja, lima unit paling tertinggal, program tiga bulan ke depan dan temuan.")),
		widget.NewSeparator(), u.followUpPanel())
	return container.NewVScroll(container.NewPadded(body))
}

func (rp *reportsPage) summaryPanel() fyne.CanvasObject {
	rp.summaryYear = widget.NewSelect(nil, func(string) { rp.loadPrograms() })
	rp.count = widget.NewLabel("")
	rp.list = widget.NewList(func() int { return len(rp.programs) }, func() fyne.CanvasObject {
		check := widget.NewCheck("", nil)
		name := widget.NewLabel("Pelatihan Pemanfaatan Teknologi Digital")
		name.Truncation = fyne.TextTruncateEllipsis
		status := widget.NewLabel("Dibatalkan")
		return container.NewBorder(nil, nil, check, status, name)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= len(rp.programs) {
			return
		}
		r := rp.programs[id]
		box := o.(*fyne.Container)
		name, check, status := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Check), box.Objects[2].(*widget.Label)
		name.SetText(r.Code + " · " + r.Title + " · " + uiDateRange(r.StartDate, r.EndDate))
		status.SetText(L(r.Status.Label()))
		check.OnChanged = nil
		check.SetChecked(rp.chosen[r.ID])
		check.OnChanged = func(on bool) {
			rp.chosen[r.ID] = on
			rp.updateCount()
		}
	})
	rp.list.OnSelected = func(id widget.ListItemID) {
		rp.list.UnselectAll()
		if id < len(rp.programs) {
			rp.chosen[rp.programs[id].ID] = !rp.chosen[rp.programs[id].ID]
			rp.list.RefreshItem(id)
			rp.updateCount()
		}
	}
	finished := widget.NewButton(L("Pilih yang selesai"), func() {
		for _, r := range rp.programs {
			rp.chosen[r.ID] = r.Status == data.StatusFinished
		}
		rp.list.Refresh()
		rp.updateCount()
	})
	none := widget.NewButton(L("Kosongkan"), func() {
		rp.chosen = map[int64]bool{}
		rp.list.Refresh()
		rp.updateCount()
	})
	rp.saveAll = widget.NewButtonWithIcon(L("Simpan ke folder…"), theme.FolderOpenIcon(), rp.saveSummaries)
	rp.saveAll.Importance = widget.HighImportance
	intro := wrapLabel(L("Laporan Evaluasi Program (PDF) beberapa program sekaligus, satu berkas per program, ke satu folder. Berkas dengan nama yang sama diganti."))
	intro.Importance = widget.LowImportance
	top := container.NewVBox(subheading(L("Laporan evaluasi program (PDF)")), intro,
		container.NewBorder(nil, nil, widget.NewLabel(L("Tahun anggaran")), container.NewHBox(finished, none), rp.summaryYear))
	bottom := container.NewBorder(nil, nil, nil, rp.saveAll, rp.count)
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, rp.list))
}

// loadChoices fills the years and units off the UI goroutine.
func (rp *reportsPage) loadChoices() {
	u := rp.u
	u.goBackground(func() {
		ctx := context.Background()
		years, err := u.store.ProgramYears(ctx)
		var units []string
		if err == nil {
			units, err = u.store.Units(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			thisYear := u.now.today().Year()
			options := []string{}
			seen := map[int]bool{}
			for _, y := range append([]int{thisYear}, years...) {
				if !seen[y] {
					seen[y] = true
					options = append(options, strconv.Itoa(y))
				}
			}
			rp.year.SetOptions(options)
			rp.summaryYear.SetOptions(options)
			rp.unit.SetOptions(units)
			rp.summaryYear.SetSelected(strconv.Itoa(thisYear)) // loads the programs
		})
	})
}

// loadPrograms lists the programs of the chosen budget year, the finished ones chosen.
func (rp *reportsPage) loadPrograms() {
	u := rp.u
	year, _ := strconv.Atoi(rp.summaryYear.Selected)
	u.goBackground(func() {
		rows, err := u.store.Programs(context.Background(), store.ProgramFilter{Year: year})
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			rp.programs = rows
			rp.chosen = map[int64]bool{}
			for _, r := range rows {
				rp.chosen[r.ID] = r.Status == data.StatusFinished
			}
			rp.list.Refresh()
			rp.updateCount()
		})
	})
}

func (rp *reportsPage) chosenPrograms() []*data.Program {
	var out []*data.Program
	for _, r := range rp.programs {
		if rp.chosen[r.ID] {
			out = append(out, r.Program)
		}
	}
	return out
}

func (rp *reportsPage) updateCount() {
	n := len(rp.chosenPrograms())
	rp.count.SetText(fmt.Sprintf(L("%d dari %d program dipilih"), n, len(rp.programs)))
	if n == 0 {
		rp.saveAll.Disable()
	} else {
		rp.saveAll.Enable()
	}
}

// period reads the chosen period; a unit is resolved when the workbook is written.
func (rp *reportsPage) period() (overview.Period, error) {
	y, err := strconv.Atoi(rp.year.Selected)
	if err != nil {
		return overview.Period{}, data.Errorf(data.KindInvalid, "%s", L("Pilih tahunnya"))
	}
	p := overview.Year(y)
	if rp.whole.Selected == L(periodRange) {
		from, err1 := rp.from.Date()
		to, err2 := rp.to.Date()
		if err1 != nil || err2 != nil || from.IsZero() || to.IsZero() {
			return p, data.Errorf(data.KindInvalid, "%s", L("Isi tanggal awal dan akhir periode sebagai HH/BB/TTTT"))
		}
		p.From, p.To = from, to
	}
	p.Unit = strings.TrimSpace(rp.unit.Text)
	return p, p.Validate()
}

// periodCode names the period in a file name: "2026", or the range, with the unit.
func periodCode(p overview.Period) string {
	var period string
	if y, ok := p.WholeYear(); ok {
		period = strconv.Itoa(y)
	} else {
		period = data.FormatDate(p.From) + " sd " + data.FormatDate(p.To)
	}
	if p.Unit != "" {
		period += " " + p.Unit
	}
	return period
}

// unitNamed resolves a unit typed in the page to its name as the participants write it; "" stays "".
func unitNamed(ctx context.Context, u *UI, typed string) (string, error) {
	if typed == "" {
		return "", nil
	}
	return u.store.UnitNamed(ctx, typed)
}

// workbookName suggests a file name: "Buku Kerja Pimpinan – 2026 – <today>.xlsx", with the range and the unit.
func workbookName(p overview.Period, today time.Time) string {
	return report.FileName("Buku Kerja Pimpinan", periodCode(p), today, ".xlsx")
}

// exportBrief asks where to save the Ringkasan Pimpinan of the chosen period and writes it off the UI
// goroutine, then offers to open it.
func (rp *reportsPage) exportBrief() {
	u := rp.u
	p, err := rp.period()
	if err != nil {
		u.showError(err)
		return
	}
	u.dialogs.savePath(report.FileName("Ringkasan Pimpinan", periodCode(p), u.now(), ".pdf"), func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
			path += ".pdf"
		}
		var b *report.Brief
		u.runTask(L("Membuat ringkasan pimpinan…"), func(ctx context.Context, progress Progress) error {
			var err error
			if p.Unit, err = unitNamed(ctx, u, p.Unit); err != nil {
				return err
			}
			if b, err = report.LoadBrief(ctx, u.store, p, u.now.today()); err != nil {
				return err
			}
			return report.SaveBrief(path, b)
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			f := b.Overview.Figures
			u.showSaved(L("Ringkasan pimpinan tersimpan"), path, p.Label(),
				fmt.Sprintf(L("%s program; %s dari %s pegawai ASN mencapai %s."), indo.Int(int64(f.Programs)),
					indo.Int(int64(f.Reached)), indo.Int(int64(f.Employees)), L(b.Overview.Targets.Phrase())))
		})
	})
}

// exportWorkbook asks where to save the workbook and writes it with a progress bar and a cancel button, then
// offers to open it.
func (rp *reportsPage) exportWorkbook() {
	u := rp.u
	p, err := rp.period()
	if err != nil {
		u.showError(err)
		return
	}
	u.dialogs.savePath(workbookName(p, u.now()), func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".xlsx") {
			path += ".xlsx"
		}
		var res *report.WorkbookResult
		u.runTask(L("Membuat buku kerja…"), func(ctx context.Context, progress Progress) error {
			var err error
			if p.Unit, err = unitNamed(ctx, u, p.Unit); err != nil {
				return err
			}
			res, err = report.SaveWorkbook(ctx, path, u.store, p, u.now.today(), progress)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			f := res.Overview.Figures
			u.showSaved(L("Buku kerja tersimpan"), path, p.Label(),
				fmt.Sprintf(L("%s program, %s orang; %s dari %s pegawai ASN mencapai %s; %s tanda hadir; %s baris SIASN."),
					indo.Int(int64(f.Programs)), indo.Int(int64(res.Rows[report.SheetJP])), indo.Int(int64(f.Reached)),
					indo.Int(int64(f.Employees)), L(res.Overview.Targets.Phrase()), indo.Int(int64(res.Rows[report.SheetAttendance])),
					indo.Int(int64(res.Rows[report.SheetSIASN]))))
		})
	})
}

// saveSummaries asks for a folder and writes the chosen programs' summaries into it, one PDF each.
func (rp *reportsPage) saveSummaries() {
	u := rp.u
	programs := rp.chosenPrograms()
	if len(programs) == 0 {
		u.showError(data.Errorf(data.KindInvalid, "%s", L("Pilih dulu program yang laporannya disimpan")))
		return
	}
	u.dialogs.folder(L("Folder untuk laporan evaluasi"), "", func(dir string) {
		if dir == "" {
			return
		}
		written := 0
		u.runTask(L("Membuat laporan evaluasi…"), func(ctx context.Context, progress Progress) error {
			for i, p := range programs {
				progress(i, len(programs))
				if err := ctx.Err(); err != nil {
					return data.Wrap(data.KindConflict, err, L("Dibatalkan setelah %d laporan"), written)
				}
				doc, err := report.LoadSummary(ctx, u.store, p.ID, u.now.today())
				if err != nil {
					return err
				}
				if err := report.SaveSummary(filepath.Join(dir, report.SummaryFileName(p, u.now())), doc); err != nil {
					return err
				}
				written++
			}
			progress(len(programs), len(programs))
			return nil
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			msg := wrapLabel(fmt.Sprintf(L("%d laporan evaluasi disimpan ke %s"), written, dir))
			open := widget.NewButtonWithIcon(L("Buka folder"), theme.FolderOpenIcon(), func() { u.openFolder(dir) })
			d := dialog.NewCustom(L("Laporan evaluasi tersimpan"), L("Tutup"), container.NewVBox(msg, container.NewHBox(open)), u.win)
			d.Resize(fyne.NewSize(520, 200))
			d.Show()
		})
	})
}
