package app

import (
	"context"
	"errors"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// certificateTab is the Sertifikat tab of a program: everyone enrolled with whether they may have a
// certificate and why not, the coordinator's decisions, the batch PDF, the register, corrections and
// revocations, the design with its preview, and verification.
type certificateTab struct {
	u          *UI
	p          *data.Program
	candidates []certify.Candidate
	unentered  []*data.Session // sessions held up to today without attendance ("belum diisi")
	selected   int
	scores     bool            // the table has a score column
	root       *fyne.Container // the list, or the design editor in its place
	list       fyne.CanvasObject
	table      *listTable
	summary    *widget.Label
	chosen     *widget.Label
	override   *widget.Button
	correct    *widget.Button
	reissue    *widget.Button
	revoke     *widget.Button
	reprint    *widget.Button
}

func (u *UI) programCertificateTab(p *data.Program) fyne.CanvasObject {
	t := &certificateTab{u: u, p: p, selected: -1}
	// The score column is there only when the program has a pass score or someone has a final score.
	t.scores = p.PassScore > 0
	if rows, err := u.store.Enrolments(context.Background(), p.ID); err == nil {
		for _, r := range rows {
			t.scores = t.scores || r.FinalScore != nil
		}
	}
	cols := []column{
		{title: "No.", width: 46, align: fyne.TextAlignTrailing},
		{title: "Nama", width: 150, grow: true},
		{title: "NIP", width: 176},
		{title: "Hadir", width: 70, align: fyne.TextAlignTrailing},
		{title: "Nilai", width: 62, align: fyne.TextAlignTrailing},
		{title: "Status", width: 144},
		{title: "Alasan", width: 130, grow: true},
		{title: "Nomor sertifikat", width: 200},
	}
	if !t.scores {
		cols = append(cols[:4:4], cols[5:]...)
	}
	t.table = newListTable(cols, func() int { return len(t.candidates) }, t.cell)
	t.table.style = t.style
	t.table.OnSelected = func(id widget.TableCellID) { t.choose(id.Row) }

	t.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.summary.Wrapping = fyne.TextWrapWord
	printAll := widget.NewButtonWithIcon(L("Terbitkan & cetak semua…"), theme.DocumentPrintIcon(), t.printAll)
	printAll.Importance = widget.HighImportance
	actions := container.NewHBox(printAll,
		widget.NewButtonWithIcon(L("Muat ulang"), theme.ViewRefreshIcon(), t.load),
		widget.NewButtonWithIcon(L("Desain & pratinjau"), theme.ColorPaletteIcon(), t.openDesign),
		widget.NewButtonWithIcon(L("Register (xlsx)…"), theme.DocumentSaveIcon(), t.exportRegister),
		widget.NewButtonWithIcon(L("Verifikasi Sertifikat"), theme.ConfirmIcon(), u.showVerifyDialog),
		widget.NewButtonWithIcon(L("Kunci verifikasi…"), theme.AccountIcon(), u.showKeysDialog),
	)
	t.chosen = widget.NewLabel(L("Pilih satu baris untuk memutuskan, mengoreksi atau mencabut."))
	t.chosen.Wrapping = fyne.TextWrapWord // the whole reason, on two lines when it must
	t.override = widget.NewButton(L("Putuskan manual…"), t.editOverride)
	t.correct = widget.NewButton(L("Koreksi nama…"), t.correctName)
	t.reissue = widget.NewButton(L("Terbitkan ulang…"), t.reissueCertificate)
	t.revoke = widget.NewButton(L("Cabut…"), t.revokeCertificate)
	t.revoke.Importance = widget.DangerImportance
	t.reprint = widget.NewButton(L("Cetak ulang…"), t.reprintOne)
	rowActions := container.NewBorder(nil, nil, nil, container.NewHBox(t.override, t.correct, t.reissue, t.reprint, t.revoke), t.chosen)
	top := container.NewVBox(t.summary, container.NewHScroll(actions), rowActions)
	t.list = container.NewBorder(container.NewPadded(top), nil, nil, nil, t.table)
	t.root = container.NewStack(t.list)
	t.updateActions()
	t.load()
	return withCommands(t.root, viewCommands{Print: t.printAll, Export: t.exportRegister, Reload: t.load})
}

// load reads the candidates off the UI goroutine and shows them.
func (t *certificateTab) load() {
	t.u.goBackground(func() {
		roll, err := certify.Load(context.Background(), t.u.store, t.p, t.u.now.today())
		fyne.Do(func() {
			if err != nil {
				t.u.showError(err)
				return
			}
			t.candidates, t.unentered = roll.Candidates, roll.Day.Unentered
			if t.selected >= len(t.candidates) {
				t.selected = -1
			}
			t.summary.SetText(t.summaryText(roll.Day.Future))
			t.table.Refresh()
			t.updateActions()
		})
	})
}

func (t *certificateTab) summaryText(future int) string {
	eligible, issued, revoked, waiting := 0, 0, 0, 0
	for _, c := range t.candidates {
		if c.Eligible {
			eligible++
		}
		switch {
		case c.Certificate != nil && c.Certificate.Revoked:
			revoked++
		case c.Certificate != nil:
			issued++
		case c.Eligible:
			waiting++
		}
	}
	s := L("{{.Eligible}} dari {{.Total}} peserta memenuhi syarat · {{.Issued}} sertifikat terbit · {{.Revoked}} dicabut",
		map[string]any{"Eligible": eligible, "Total": len(t.candidates), "Issued": issued, "Revoked": revoked})
	switch {
	case future > 0:
		s += " · " + L("{{.N}} sesi belum terlaksana: sertifikat diterbitkan setelah sesi terakhir", map[string]any{"N": future})
	case len(t.unentered) > 0:
		s += " · " + L("presensi belum diisi: {{.Sessions}}", map[string]any{"Sessions": sessionNumbers(t.unentered)})
	case waiting > 0:
		s += " · " + L("{{.N}} menunggu nomor", map[string]any{"N": waiting})
	}
	return s
}

// column maps a table column to the full set of columns (No., Nama, NIP, Kehadiran, Nilai, Status, Alasan,
// Nomor), whether or not the score column is shown.
func (t *certificateTab) column(col int) int {
	if !t.scores && col >= 4 {
		return col + 1
	}
	return col
}

// columnOf is the inverse of column: the table column of one of the full set.
func (t *certificateTab) columnOf(full int) int {
	if !t.scores && full >= 5 {
		return full - 1
	}
	return full
}

func (t *certificateTab) cell(row, col int) string {
	if row >= len(t.candidates) {
		return ""
	}
	col = t.column(col)
	c := &t.candidates[row]
	switch col {
	case 0:
		return strconv.Itoa(row + 1)
	case 1:
		if c.Certificate != nil {
			return c.Certificate.HolderName
		}
		return c.Name
	case 2:
		if c.NIP == "" {
			return "–"
		}
		return nip.Format(c.NIP)
	case 3:
		if math.IsNaN(c.Rate) {
			return "–"
		}
		return indo.Percent(c.Rate, 1)
	case 4:
		if c.Score == nil {
			return "–"
		}
		return data.FormatScoreValue(*c.Score)
	case 5:
		s := L(c.Status())
		if c.Certificate != nil && !c.Certificate.Revoked {
			s += " " + c.Certificate.IssuedOn.Format("02-01-2006")
		}
		if c.Overridden() {
			s += " (" + L("manual") + ")"
		}
		return s
	case 6:
		if c.Certificate != nil && c.Certificate.Revoked {
			return c.Certificate.RevokedReason
		}
		if c.Certificate != nil && !c.Overridden() {
			return ""
		}
		if len(c.Reasons) == 0 {
			if c.Enrolment.Role != data.RoleParticipant {
				return L("Sebagai {{.Role}}", map[string]any{"Role": L(c.Enrolment.Role.Label())})
			}
			return L("Syarat terpenuhi")
		}
		return reasonsText(c.Reasons)
	case 7:
		if c.Certificate != nil {
			return c.Certificate.Number
		}
		return "–"
	}
	return ""
}

func (t *certificateTab) style(row, col int) widget.Importance {
	if t.column(col) != 5 || row >= len(t.candidates) {
		return widget.MediumImportance
	}
	c := &t.candidates[row]
	switch {
	case c.Certificate != nil && c.Certificate.Revoked:
		return widget.WarningImportance
	case c.Certificate != nil || c.Eligible:
		return widget.SuccessImportance
	case c.Pending:
		return widget.LowImportance
	}
	return widget.DangerImportance
}

func (t *certificateTab) current() *certify.Candidate {
	if t.selected < 0 || t.selected >= len(t.candidates) {
		return nil
	}
	return &t.candidates[t.selected]
}

func (t *certificateTab) choose(row int) {
	t.selected = row
	t.updateActions()
}

func (t *certificateTab) updateActions() {
	c := t.current()
	for _, b := range []*widget.Button{t.override, t.correct, t.reissue, t.revoke, t.reprint} {
		b.Disable()
	}
	if c == nil {
		t.chosen.SetText(L("Pilih satu baris untuk memutuskan, mengoreksi atau mencabut."))
		return
	}
	name := c.Name
	if c.Certificate != nil {
		name = c.Certificate.HolderName
	}
	// The reason is often longer than its column: the line above the table shows it whole.
	line := L("Terpilih: {{.Name}}", map[string]any{"Name": name})
	if c.PostTest && c.Score != nil && c.Eligible {
		line += " · " + L("nilai post-test {{.Score}}", map[string]any{"Score": data.FormatScoreValue(*c.Score)})
	}
	t.chosen.SetText(line + " · " + t.cell(t.selected, t.columnOf(6)))
	if c.Certificate == nil {
		t.override.Enable()
		return
	}
	if !c.Certificate.Revoked {
		t.correct.Enable()
		t.reissue.Enable()
		t.revoke.Enable()
		t.reprint.Enable()
	}
}

// printAll issues the new numbers and writes the batch, after the coordinator has chosen one PDF or one file
// per participant, and where.
func (t *certificateTab) printAll() {
	newNumbers := 0
	for _, c := range t.candidates {
		if c.Eligible && c.Certificate == nil {
			newNumbers++
		}
	}
	mode := widget.NewRadioGroup([]string{L("Satu PDF berisi semua sertifikat"), L("Satu berkas PDF per peserta, dalam satu folder")}, nil)
	mode.SetSelected(mode.Options[0])
	note := widget.NewLabel(L("Sertifikat yang sudah terbit dicetak dengan nomor yang sama."))
	if newNumbers > 0 {
		note.SetText(L("{{.N}} peserta akan mendapat nomor baru. Nomor yang sudah diberikan tidak dapat diubah atau dipakai ulang; sertifikat yang sudah terbit dicetak dengan nomor yang sama.", map[string]any{"N": newNumbers}))
	}
	note.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(mode, note)
	// Sessions held without attendance entered hold new numbers back, unless the coordinator writes why.
	allow := newKeyEntry()
	allow.SetPlaceHolder(L("Alasan menerbitkan walau presensi belum diisi"))
	if newNumbers > 0 && len(t.unentered) > 0 {
		warn := widget.NewLabel(unenteredWarning(t.unentered))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		content.Add(warn)
		content.Add(allow)
	}
	d := dialog.NewCustomConfirm(L("Terbitkan & cetak sertifikat"), L("Lanjut"), L("Batal"), content, func(ok bool) {
		if !ok {
			return
		}
		opts := certify.Options{AllowUnmarked: allow.Text}
		split := mode.Selected != mode.Options[0]
		name := strings.TrimSuffix(report.FileName("Sertifikat", t.p.Code, t.u.now(), ".pdf"), ".pdf")
		if split {
			t.u.dialogs.folder(L("Folder untuk berkas sertifikat"), "", func(dir string) { t.runPrint(filepath.Join(dir, name), true, opts) })
			return
		}
		t.u.dialogs.savePath(name+".pdf", func(path string) { t.runPrint(path, false, opts) })
	}, t.u.win)
	d.Resize(fyne.NewSize(520, 340))
	d.Show()
}

// unenteredWarning says which sessions have no attendance and what the coordinator can do: in the issue
// dialog, and when issuing was refused for them.
func unenteredWarning(sessions []*data.Session) string {
	return L("Presensi belum diisi untuk {{.Sessions}}. Sesi tanpa presensi tidak dihitung sebagai absen; isi presensinya dulu, atau tuliskan alasan untuk tetap menerbitkan.",
		map[string]any{"Sessions": sessionList(sessions)})
}

func (t *certificateTab) runPrint(out string, split bool, opts certify.Options) {
	var res certify.Result
	t.u.runTask(L("Mencetak sertifikat"), func(ctx context.Context, progress Progress) error {
		var err error
		res, err = certify.Print(ctx, t.u.store, t.p, out, split, t.u.now.today(), certify.Progress(progress), opts)
		return err
	}, func(err error) {
		t.load()
		var unentered store.UnenteredSessions
		if errors.As(err, &unentered) {
			err = data.Errorf(data.KindConflict, "%s", unenteredWarning(unentered)) // named in the window's language
		}
		if err != nil {
			removeIfEmpty(out)
			t.u.showError(err)
			return
		}
		msg := L("{{.N}} sertifikat dicetak ke {{.Path}}.", map[string]any{"N": indo.Int(int64(res.Printed)), "Path": out})
		if res.Issued > 0 {
			msg += " " + L("{{.N}} nomor baru diterbitkan.", map[string]any{"N": indo.Int(int64(res.Issued))})
		}
		t.u.showDone(L("Sertifikat selesai dicetak"), msg, out)
	})
}

func (t *certificateTab) exportRegister() {
	t.u.dialogs.savePath(report.FileName("Register Sertifikat", t.p.Code, t.u.now(), ".xlsx"), func(path string) {
		t.u.runTask(L("Menulis register sertifikat"), func(ctx context.Context, progress Progress) error {
			return certify.WriteRegister(ctx, t.u.store, t.p, path)
		}, func(err error) {
			if err != nil {
				removeIfEmpty(path)
				t.u.showError(err)
				return
			}
			t.u.showDone(L("Register sertifikat"), L("Register ditulis ke {{.Path}}.", map[string]any{"Path": path}), path)
		})
	})
}

// editOverride lets the coordinator decide for one person, with a reason, or give the decision back to the
// rules.
func (t *certificateTab) editOverride() {
	c := t.current()
	if c == nil || c.Certificate != nil {
		return
	}
	options := []string{L("Ikuti aturan"), L("Memenuhi syarat"), L("Tidak memenuhi syarat")}
	choice := widget.NewRadioGroup(options, nil)
	reason := newKeyEntry()
	reason.SetPlaceHolder(L("Alasan, misalnya: izin dinas diganti tugas pengganti"))
	reason.SetText(c.Enrolment.OverrideReason)
	switch {
	case c.Enrolment.EligibleOverride == nil:
		choice.SetSelected(options[0])
	case *c.Enrolment.EligibleOverride:
		choice.SetSelected(options[1])
	default:
		choice.SetSelected(options[2])
	}
	why := reasonsText(c.Reasons)
	if why == "" {
		why = L("Syarat terpenuhi")
	}
	rules := widget.NewLabel(L("Menurut aturan: {{.Reasons}}", map[string]any{"Reasons": why}))
	rules.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(L("Keputusan"), choice), widget.NewFormItem(L("Alasan"), reason))
	d := dialog.NewCustomConfirm(L("Keputusan manual: {{.Name}}", map[string]any{"Name": c.Name}), L("Simpan"), L("Batal"),
		container.NewVBox(rules, form), func(ok bool) {
			if !ok {
				return
			}
			var decision *bool
			switch choice.Selected {
			case options[1]:
				yes := true
				decision = &yes
			case options[2]:
				no := false
				decision = &no
			}
			if err := certify.SetOverride(context.Background(), t.u.store, c.Enrolment.ID, decision, reason.Text); err != nil {
				t.u.showError(err)
				return
			}
			t.load()
		}, t.u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

func (t *certificateTab) correctName() {
	c := t.current()
	if c == nil || c.Certificate == nil || c.Certificate.Revoked {
		return
	}
	cert := c.Certificate
	name := newKeyEntry()
	name.SetText(cert.HolderName)
	reason := newKeyEntry()
	reason.SetPlaceHolder(L("Alasan, misalnya: salah ketik gelar"))
	items := []*widget.FormItem{widget.NewFormItem(L("Nomor"), widget.NewLabel(cert.Number)),
		widget.NewFormItem(L("Nama baru"), name), widget.NewFormItem(L("Alasan"), reason)}
	if c.Name != cert.HolderName {
		use := widget.NewButton(L("Pakai nama di data peserta: {{.Name}}", map[string]any{"Name": c.Name}), func() { name.SetText(c.Name) })
		items = append(items, widget.NewFormItem("", use))
	}
	note := widget.NewLabel(L("Nomor sertifikat tidak berubah. Kode QR dibuat ulang dengan nama baru dan perubahan dicatat di register."))
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(L("Koreksi nama pada sertifikat"), L("Simpan"), L("Batal"), container.NewVBox(widget.NewForm(items...), note),
		func(ok bool) {
			if !ok {
				return
			}
			if err := t.u.store.CorrectCertificateName(context.Background(), cert.ID, name.Text, reason.Text); err != nil {
				t.u.showError(err)
				return
			}
			t.load()
			dialog.ShowConfirm(L("Nama dikoreksi"), L("Cetak ulang sertifikat ini sekarang?"), func(yes bool) {
				if yes {
					t.printOne(cert.ID, cert.Number)
				}
			}, t.u.win)
		}, t.u.win)
	d.Resize(fyne.NewSize(600, 320))
	d.Show()
}

func (t *certificateTab) reprintOne() {
	if c := t.current(); c != nil && c.Certificate != nil {
		t.printOne(c.Certificate.ID, c.Certificate.Number)
	}
}

func (t *certificateTab) printOne(id int64, number string) {
	var cert *data.Certificate
	for _, c := range t.candidates {
		if c.Certificate != nil && c.Certificate.ID == id {
			cert = c.Certificate
		}
	}
	name := report.FileName("Sertifikat", number, t.u.now(), ".pdf")
	if cert != nil {
		name = report.CertificateFileName(cert)
	}
	t.u.dialogs.savePath(name, func(path string) {
		t.u.runTask(L("Mencetak sertifikat"), func(ctx context.Context, progress Progress) error {
			return certify.PrintOne(ctx, t.u.store, t.p, id, path)
		}, func(err error) {
			t.load()
			if err != nil {
				removeIfEmpty(path)
				t.u.showError(err)
				return
			}
			t.u.showDone(L("Sertifikat selesai dicetak"), L("Sertifikat {{.Number}} dicetak ke {{.Path}}.", map[string]any{"Number": number, "Path": path}), path)
		})
	})
}

func (t *certificateTab) revokeCertificate() {
	c := t.current()
	if c == nil || c.Certificate == nil || c.Certificate.Revoked {
		return
	}
	cert := c.Certificate
	reason := newKeyEntry()
	reason.SetPlaceHolder(L("Alasan pencabutan"))
	note := widget.NewLabel(L("Nomor {{.Number}} tetap tercatat di register bersama alasannya dan tidak akan dipakai lagi. Verifikasi kode QR-nya akan menjawab: dicabut.",
		map[string]any{"Number": cert.Number}))
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(L("Cabut sertifikat {{.Name}}", map[string]any{"Name": cert.HolderName}), L("Cabut"), L("Batal"),
		container.NewVBox(note, widget.NewForm(widget.NewFormItem(L("Alasan"), reason))), func(ok bool) {
			if !ok {
				return
			}
			if err := t.u.store.RevokeCertificate(context.Background(), cert.ID, reason.Text); err != nil {
				t.u.showError(err)
				return
			}
			t.load()
		}, t.u.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// openDesign shows the design editor in place of the list; it comes back with Kembali.
func (t *certificateTab) openDesign() {
	var who *certify.Candidate
	if c := t.current(); c != nil {
		who = c
	} else {
		for i := range t.candidates {
			if t.candidates[i].Eligible || t.candidates[i].Certificate != nil {
				who = &t.candidates[i]
				break
			}
		}
	}
	editor := newCertificateDesignView(t.u, t.p, who, func() {
		t.root.Objects = []fyne.CanvasObject{t.list}
		t.root.Refresh()
		t.load()
	})
	t.root.Objects = []fyne.CanvasObject{editor}
	t.root.Refresh()
}

// showDone tells that a file was written, with a button that opens it (or its folder).
func (u *UI) showDone(title, msg, path string) {
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon(L("Buka"), theme.FolderOpenIcon(), func() {
		if err := u.app.OpenURL(fileURL(path)); err != nil {
			u.showError(err)
		}
	})
	d := dialog.NewCustom(title, L("Tutup"), container.NewVBox(label, container.NewHBox(open)), u.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// removeIfEmpty deletes the empty file a save dialog created when the work then failed.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() && fi.Size() == 0 {
		os.Remove(path)
	}
}

// fileURL is a local path as a file:// URL, for the operating system to open.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/... on Windows
	}
	return &url.URL{Scheme: "file", Path: p}
}
