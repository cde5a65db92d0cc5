package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// Settings the schedule tab remembers between uses.
const (
	settingSignInPaper = "signin.paper"           // "A4" or "F4"
	settingImportShare = "attendance.importShare" // percent of a session online that counts as present
)

// printSheets asks which sessions and which paper, then where to save the sign-in sheets, and writes them
// off the UI goroutine. x is the session proposed; nil proposes every session.
func (st *scheduleTab) printSheets(x *data.Session) {
	u := st.u
	if len(st.sessions) == 0 {
		u.showError(data.Errorf(data.KindInvalid, "%s", L("Program ini belum memiliki sesi; buat jadwalnya dulu sebelum mencetak daftar hadir")))
		return
	}
	options := []string{L("Semua sesi (satu lembar per sesi)")}
	chosen := 0
	for i, s := range st.sessions {
		options = append(options, sessionLabel(s))
		if x != nil && s.ID == x.ID {
			chosen = i + 1
		}
	}
	which := widget.NewSelect(options, nil)
	which.SetSelectedIndex(chosen)
	papers := []string{"A4 (210 × 297 mm)", "F4 (215 × 330 mm)"}
	paper := widget.NewRadioGroup(papers, nil)
	paper.Horizontal = true
	paper.Required = true
	paper.SetSelected(papers[0])
	if saved, _ := u.store.Setting(context.Background(), settingSignInPaper, "A4"); saved == string(pdf.F4) {
		paper.SetSelected(papers[1])
	}
	note := widget.NewLabel(L("Daftar hadir memuat kop instansi, program, tanggal, jam, materi dan narasumber, lalu tabel NO, NAMA, NIP, GOL, UNIT KERJA dan TANDA TANGAN, serta keterangan jumlah dan tanda tangan pejabat."))
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle.Italic = true
	items := []*widget.FormItem{
		widget.NewFormItem(L("Sesi"), which),
		widget.NewFormItem(L("Kertas"), paper),
		widget.NewFormItem("", note),
	}
	d := dialog.NewForm(L("Cetak daftar hadir"), L("Simpan PDF…"), L("Batal"), items, func(ok bool) {
		if !ok {
			return
		}
		size := pdf.A4
		if paper.Selected == papers[1] {
			size = pdf.F4
		}
		number := 0
		kind := "Daftar Hadir"
		if i := which.SelectedIndex(); i > 0 {
			number = st.sessions[i-1].Number
			kind += fmt.Sprintf(" Sesi %d", number)
		}
		u.dialogs.savePath(report.FileName(kind, st.p.Code, u.now(), ".pdf"), func(path string) {
			if path == "" {
				return
			}
			if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
				path += ".pdf"
			}
			u.runTask(L("Membuat daftar hadir…"), func(ctx context.Context, progress Progress) error {
				progress(0, 2)
				doc, err := report.LoadSignInSheets(ctx, u.store, st.p, number, size)
				if err != nil {
					return err
				}
				progress(1, 2)
				if err := report.SaveSignInSheets(path, doc); err != nil {
					return err
				}
				progress(2, 2)
				return u.store.SetSetting(ctx, settingSignInPaper, string(size))
			}, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				u.showSaved(L("Daftar hadir tersimpan"), path)
			})
		})
	}, u.win)
	d.Resize(fyne.NewSize(640, 330))
	d.Show()
}

// importMeetingReport asks for a meeting report and shows what it would mark for session x before storing.
func (st *scheduleTab) importMeetingReport(x *data.Session) {
	u := st.u
	u.dialogs.open([]string{".csv", ".xlsx", ".txt"}, func(path string) {
		share := importer.DefaultPresentShare
		if s, _ := u.store.Setting(context.Background(), settingImportShare, ""); s != "" {
			if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f <= 100 {
				share = f / 100
			}
		}
		var a *importer.AttendancePlan
		u.runTask(L("Membaca laporan peserta…"), func(ctx context.Context, progress Progress) error {
			f, err := importer.ReadAttendance(path)
			if err != nil {
				return err
			}
			a, err = f.Plan(ctx, u.store, x, share, u.now.today())
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			st.reviewImport(a)
		})
	})
}

// reviewImport shows the matched participants with their minutes and proposed marks, those whose minutes
// fell short (the coordinator chooses), and the lines that matched nobody (matched by hand or left out); the
// marks are stored only when the coordinator confirms.
func (st *scheduleTab) reviewImport(a *importer.AttendancePlan) {
	u := st.u
	kind := L("daftar peserta")
	if a.File.Kind == "zoom" {
		kind = L("laporan peserta Zoom")
	}
	head := widget.NewLabel(fmt.Sprintf("%s (%s) · %s · %d %s", fileBase(a.File.Path), kind, sessionLabel(a.Session),
		a.SessionMinutes(), L("menit")))
	head.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(head)
	for _, w := range a.Warnings {
		l := widget.NewLabel(w)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	shareEntry := newKeyEntry()
	shareEntry.SetText(indo.Number(a.Share*100, 1))
	need := widget.NewLabel("")
	summary := widget.NewLabel("")
	summary.Wrapping = fyne.TextWrapWord

	statusOptions := []string{L("Tidak ditandai")}
	for _, s := range data.AttendanceStatuses {
		statusOptions = append(statusOptions, string(s)+" – "+L(s.Label()))
	}
	var matched, unmatched *widget.List
	var tabs *container.AppTabs
	var save *widget.Button
	refresh := func() {
		need.SetText(fmt.Sprintf(L("%% lama sesi (%d dari %d menit)"), a.Need(), a.SessionMinutes()))
		summary.SetText(fmt.Sprintf(L("%d peserta cocok, %d di antaranya kurang dari batas dan menunggu keputusan Anda; %d baris tidak cocok dengan peserta program. Tanda yang dicatat manual (di layar atau dari kertas) tidak diubah."),
			len(a.People), a.Undecided(), len(a.Unmatched)))
		tabs.Items[0].Text = fmt.Sprintf(L("Cocok (%d)"), len(a.People))
		tabs.Items[1].Text = fmt.Sprintf(L("Tidak cocok (%d)"), len(a.Unmatched))
		tabs.Refresh()
		save.SetText(fmt.Sprintf(L("Simpan %d tanda hadir"), len(a.Marks())))
		matched.Refresh()
		unmatched.Refresh()
	}
	shareEntry.OnChanged = func(s string) {
		f, err := indo.ParseDecimal(s)
		if err != nil || a.SetShare(f/100) != nil {
			shareEntry.SetValidationError(fmt.Errorf("%s", L("isi persen 1 sampai 100")))
			return
		}
		refresh()
	}

	matchedCols := []column{{width: 230, grow: true}, {width: 176}, {width: 64}, {width: 104}, {width: 190}, {width: 150, grow: true}}
	matched = widget.NewList(func() int { return len(a.People) }, func() fyne.CanvasObject {
		sel := widget.NewSelect(statusOptions, nil)
		labels := []fyne.CanvasObject{widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), sel, widget.NewLabel("")}
		for _, o := range labels {
			if l, ok := o.(*widget.Label); ok {
				l.Truncation = fyne.TextTruncateEllipsis
			}
		}
		return container.New(&columnsLayout{cols: matchedCols}, labels...)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		p := a.People[id]
		cells := o.(*fyne.Container).Objects
		cells[0].(*widget.Label).SetText(p.Name)
		cells[1].(*widget.Label).SetText(printedNIP(p.NIP))
		minutes := cells[2].(*widget.Label)
		minutes.SetText(strconv.Itoa(p.Minutes))
		minutes.Importance = widget.MediumImportance
		if p.Minutes < a.Need() {
			minutes.Importance = widget.WarningImportance
		}
		minutes.Refresh()
		cells[3].(*widget.Label).SetText(L(p.MatchedBy))
		sel := cells[4].(*widget.Select)
		sel.OnChanged = nil
		k := 0
		for i, s := range data.AttendanceStatuses {
			if s == p.Status {
				k = i + 1
			}
		}
		sel.SetSelectedIndex(k)
		sel.OnChanged = func(string) {
			status := data.AttendanceStatus("")
			if i := sel.SelectedIndex(); i > 0 {
				status = data.AttendanceStatuses[i-1]
			}
			a.Decide(id, status)
			refresh()
		}
		current := ""
		if p.Current != nil {
			current = string(p.Current.Status)
			if p.Current.Source != data.SourceImport {
				current += " " + L("(manual, tetap)")
			}
		}
		cells[5].(*widget.Label).SetText(current)
	})
	matchedHead := tableHeading(matchedCols, "Nama", "NIP", "Menit", "Cocok lewat", "Tanda yang disimpan", "Tercatat sekarang")

	unmatchedCols := []column{{width: 200, grow: true}, {width: 190}, {width: 64}, {width: 320, grow: true}, {width: 130}}
	unmatched = widget.NewList(func() int { return len(a.Unmatched) }, func() fyne.CanvasObject {
		var cells []fyne.CanvasObject
		for i := 0; i < 4; i++ {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			cells = append(cells, l)
		}
		cells = append(cells, widget.NewButton(L("Cocokkan…"), nil))
		return container.New(&columnsLayout{cols: unmatchedCols}, cells...)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		line := a.Unmatched[id]
		cells := o.(*fyne.Container).Objects
		cells[0].(*widget.Label).SetText(line.Name)
		cells[1].(*widget.Label).SetText(line.Email)
		cells[2].(*widget.Label).SetText(strconv.Itoa(line.Minutes))
		cells[3].(*widget.Label).SetText(line.Reason)
		cells[4].(*widget.Button).OnTapped = func() {
			st.pickParticipant(a, line.Name, func(enrolmentID int64) {
				for i, l := range a.Unmatched {
					if l == line {
						if err := a.MatchByHand(i, enrolmentID); err != nil {
							u.showError(err)
						}
					}
				}
				refresh()
			})
		}
	})
	unmatchedHead := tableHeading(unmatchedCols, "Nama di laporan", "Email", "Menit", "Alasan", "")
	ignoreNote := widget.NewLabel(L("Baris yang tidak dicocokkan tidak disimpan. Orang yang belum terdaftar di program ini didaftarkan dulu di tab Peserta."))
	ignoreNote.Wrapping = fyne.TextWrapWord
	ignoreNote.TextStyle.Italic = true

	tabs = container.NewAppTabs(
		container.NewTabItem("", container.NewBorder(matchedHead, nil, nil, nil, matched)),
		container.NewTabItem("", container.NewBorder(unmatchedHead, ignoreNote, nil, nil, unmatched)),
	)
	shareRow := container.NewHBox(widget.NewLabel(L("Dihitung hadir bila daring minimal")), container.NewGridWrap(fyne.NewSize(70, shareEntry.MinSize().Height), shareEntry), need)
	box.Add(shareRow)
	box.Add(summary)
	var d *dialog.CustomDialog
	cancel := widget.NewButton(L("Batal"), func() { d.Hide() })
	save = widget.NewButton("", func() {
		d.Hide()
		percent := strconv.FormatFloat(a.Share*100, 'f', -1, 64)
		var res store.ImportResult
		u.runTask(L("Menyimpan tanda hadir…"), func(ctx context.Context, progress Progress) error {
			var err error
			if res, err = a.Apply(ctx, u.store); err != nil {
				return err
			}
			return u.store.SetSetting(ctx, settingImportShare, percent)
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(L("Impor selesai"), fmt.Sprintf(L("%d tanda hadir baru, %d diperbarui, %d sudah sama, %d tidak diubah karena dicatat manual."),
				res.Added, res.Updated, res.Unchanged, res.Kept), u.win)
			st.entry.loadMarks()
			st.reload()
		})
	})
	save.Importance = widget.HighImportance
	content := container.NewBorder(box, container.NewHBox(layout.NewSpacer(), cancel, save), nil, nil, tabs)
	d = dialog.NewCustomWithoutButtons(L("Impor laporan rapat daring"), content, u.win)
	refresh()
	d.Resize(fyne.NewSize(1040, 640))
	d.Show()
}

// pickParticipant lets the coordinator choose a participant of the roster for a report line, searching by
// name or NIP.
func (st *scheduleTab) pickParticipant(a *importer.AttendancePlan, name string, chosen func(enrolmentID int64)) {
	search := newKeyEntry()
	search.SetPlaceHolder(L("Cari nama atau NIP…"))
	shown := a.Roster
	list := widget.NewList(func() int { return len(shown) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(shown[id].Name + " · " + printedNIP(shown[id].NIP))
	})
	search.OnChanged = func(s string) {
		key, digits := data.SearchKey(s), data.SearchKeyDigits(s)
		shown = nil
		for _, r := range a.Roster {
			if strings.Contains(data.SearchKey(r.Name), key) || (digits != "" && strings.Contains(r.NIP, digits)) {
				shown = append(shown, r)
			}
		}
		list.Refresh()
	}
	var d dialog.Dialog
	list.OnSelected = func(id widget.ListItemID) {
		d.Hide()
		chosen(shown[id].EnrolmentID)
	}
	title := fmt.Sprintf(L("Cocokkan %q dengan"), name)
	d = dialog.NewCustom(title, L("Batal"), container.NewBorder(search, nil, nil, nil, list), st.u.win)
	d.Resize(fyne.NewSize(560, 480))
	d.Show()
	st.u.win.Canvas().Focus(search)
}

// tableHeading is a bold heading row in the given columns.
func tableHeading(cols []column, titles ...string) fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for _, t := range titles {
		text := ""
		if t != "" {
			text = L(t)
		}
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, l)
	}
	return container.New(&columnsLayout{cols: cols}, cells...)
}

func fileBase(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
