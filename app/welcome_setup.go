package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// setupWizard is the short first-run setup after "Mulai dengan data kosong": the institution's identity and
// logo (the letterhead of every document), the default signatory, the certificate number pattern and the
// yearly JP target, one step each. Every step can be skipped; Pengaturan reopens it.
type setupWizard struct {
	u        *UI
	in       *data.Institution
	sig      data.Signatory
	jp       string
	steps    []setupStep
	at       int
	body     *fyne.Container
	title    *widget.Label
	progress *widget.Label
	problem  *widget.Label
	back     *widget.Button
	skip     *widget.Button
	next     *widget.Button
}

// setupStep is one page of the setup: its title, its form and what saving it stores.
type setupStep struct {
	title string
	view  fyne.CanvasObject
	save  func() error
}

// example marks a placeholder as an example, so an empty field never looks filled in.
func example(s string) string { return L("contoh: ") + s }

// showSetup opens the setup in the content area.
func (u *UI) showSetup() {
	ctx := context.Background()
	in, err := u.store.Institution(ctx)
	if err != nil {
		u.showError(err)
		return
	}
	w := &setupWizard{u: u, in: in, sig: data.Signatory{Active: true}}
	if targets, err := u.store.JPTargets(ctx); err == nil {
		w.jp = strconv.Itoa(targets.For("PNS"))
	}
	if in.DefaultSignatoryID != 0 {
		if g, err := u.store.Signatory(ctx, in.DefaultSignatoryID); err == nil {
			w.sig = *g
		}
	}
	w.steps = []setupStep{w.identityStep(), w.signatoryStep(), w.numberingStep(), w.targetStep(), w.doneStep()}
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.title.SizeName = theme.SizeNameSubHeadingText
	w.progress = widget.NewLabel("")
	w.progress.Importance = widget.LowImportance
	w.problem = widget.NewLabel("")
	w.problem.Wrapping = fyne.TextWrapWord
	w.problem.Importance = widget.DangerImportance
	w.body = container.NewStack()
	w.back = widget.NewButtonWithIcon(L("Kembali"), theme.NavigateBackIcon(), func() { w.show(w.at - 1) })
	w.next = widget.NewButtonWithIcon(L("Simpan & lanjut"), theme.NavigateNextIcon(), w.saveAndNext)
	w.next.Importance = widget.HighImportance
	skip := widget.NewButton(L("Lewati pengaturan awal"), w.finish)
	w.skip = widget.NewButton(L("Lewati langkah ini"), func() { w.show(w.at + 1) })
	intro := wrapLabel(L("Beberapa isian agar dokumen pertama sudah berkop instansi dan bertanda tangan. Semua dapat diubah nanti di Pengaturan."))
	top := container.NewVBox(heading(L("Pengaturan awal")), intro, container.NewBorder(nil, nil, nil, w.progress, w.title))
	bottom := container.NewVBox(w.problem, container.NewHBox(skip, layout.NewSpacer(), w.back, w.skip, w.next))
	w.show(0)
	u.setPageView(container.NewPadded(container.NewBorder(top, bottom, nil, nil, container.NewVScroll(w.body))))
}

func (w *setupWizard) show(i int) {
	if i < 0 || i >= len(w.steps) {
		return
	}
	w.at = i
	s := w.steps[i]
	w.title.SetText(s.title)
	w.progress.SetText(fmt.Sprintf(L("Langkah %d dari %d"), i+1, len(w.steps)))
	w.problem.SetText("")
	w.body.Objects = []fyne.CanvasObject{s.view}
	w.body.Refresh()
	w.back.Hidden = i == 0
	w.next.Hidden = i == len(w.steps)-1
	w.skip.Hidden = w.next.Hidden
	w.back.Refresh()
	w.skip.Refresh()
	w.next.Refresh()
}

// saveAndNext stores the step shown and moves on; a problem stays on the step, said in a sentence.
func (w *setupWizard) saveAndNext() {
	if err := w.steps[w.at].save(); err != nil {
		w.problem.SetText(errorText(err))
		return
	}
	w.show(w.at + 1)
}

// finish leaves the setup for the dashboard.
func (w *setupWizard) finish() {
	w.u.Navigate("dashboard")
	w.u.reloadPages()
}

func (w *setupWizard) saveInstitution() error {
	return w.u.saveInstitution(func(in *data.Institution) error {
		in.ParentName, in.Name, in.Unit = strings.TrimSpace(w.in.ParentName), strings.TrimSpace(w.in.Name), strings.TrimSpace(w.in.Unit)
		in.City, in.Logo = strings.TrimSpace(w.in.City), w.in.Logo
		in.NumberPattern = strings.TrimSpace(w.in.NumberPattern)
		return nil
	})
}

func (w *setupWizard) identityStep() setupStep {
	nothing := func() {}
	logo := newImagePicker(w.u, L("Pilih logo"), L("Belum ada logo: kop surat tanpa logo."), fyne.NewSize(72, 72), w.in.Logo,
		func(b []byte) { w.in.Logo = b })
	form := widget.NewForm(
		widget.NewFormItem(L("Pemerintah daerah"), boundEntry(&w.in.ParentName, example("PEMERINTAH KABUPATEN SUKAMAJU"), nothing)),
		widget.NewFormItem(L("Nama instansi"), boundEntry(&w.in.Name, example("DINAS PENDIDIKAN"), nothing)),
		widget.NewFormItem(L("Unit"), boundEntry(&w.in.Unit, example(L("Bidang Pembinaan Ketenagaan")), nothing)),
		widget.NewFormItem(L("Kota"), container.NewVBox(boundEntry(&w.in.City, example("Sukamaju"), nothing),
			hintLabel(L("Tempat penandatanganan dokumen, misalnya Sukamaju, 28 November 2026.")))),
		widget.NewFormItem(L("Logo"), logo.view),
	)
	return setupStep{title: L("Identitas instansi"), view: form, save: w.saveInstitution}
}

func (w *setupWizard) signatoryStep() setupStep {
	nothing := func() {}
	g := &w.sig
	form := widget.NewForm(
		widget.NewFormItem(L("Nama"), boundEntry(&g.Name, example("Hendra Gunawan"), nothing)),
		widget.NewFormItem(L("Gelar depan"), boundEntry(&g.FrontTitle, example("Drs."), nothing)),
		widget.NewFormItem(L("Gelar belakang"), boundEntry(&g.BackTitle, example("M.Si."), nothing)),
		widget.NewFormItem(L("NIP"), boundEntry(&g.NIP, example("19690309 199403 2 001"), nothing)),
		widget.NewFormItem(L("Jabatan"), boundEntry(&g.Position, example(L("Kepala Dinas Pendidikan")), nothing)),
	)
	note := hintLabel(L("Penandatangan bawaan daftar hadir, sertifikat dan laporan. Pelaksana tugas (Plt.), tanda tangan pindaian dan penandatangan lain diatur di Pengaturan > Penandatangan."))
	save := func() error {
		ctx := context.Background()
		g.Name, g.Position = strings.TrimSpace(g.Name), strings.TrimSpace(g.Position)
		g.Active = true
		var err error
		if g.ID == 0 {
			err = w.u.store.CreateSignatory(ctx, g)
		} else {
			err = w.u.store.UpdateSignatory(ctx, g)
		}
		if err != nil {
			return err
		}
		return w.u.saveInstitution(func(in *data.Institution) error { in.DefaultSignatoryID = g.ID; return nil })
	}
	return setupStep{title: L("Penandatangan bawaan"), view: container.NewVBox(form, note), save: save}
}

func (w *setupWizard) numberingStep() setupStep {
	pattern := boundEntry(&w.in.NumberPattern, example("800/{seq:03}/DISDIK/{month_roman}/{year}"), func() {})
	hint := hintLabel(L("{seq} nomor urut, {seq:03} nomor urut tiga digit (007), {month_roman} bulan dalam angka Romawi (XI), {year} tahun (2026). Setiap program dapat memakai pola sendiri."))
	form := widget.NewForm(widget.NewFormItem(L("Pola nomor sertifikat"), container.NewVBox(pattern, hint)))
	return setupStep{title: L("Penomoran sertifikat"), view: form, save: w.saveInstitution}
}

func (w *setupWizard) targetStep() setupStep {
	target := boundEntry(&w.jp, example("20"), func() {})
	hint := hintLabel(L("Setiap ASN berhak atas pengembangan kompetensi paling sedikit 20 JP setahun. Target ini berlaku untuk setiap status ASN; Beranda dan laporan menghitung siapa yang belum mencapainya."))
	save := func() error {
		ctx := context.Background()
		n, err := strconv.Atoi(strings.TrimSpace(w.jp))
		if err != nil || n < 0 {
			return data.Errorf(data.KindInvalid, "%s", L("Target JP: tulis bilangan bulat, misalnya 20"))
		}
		targets, err := w.u.store.JPTargets(ctx)
		if err != nil {
			return err
		}
		for status, v := range data.DefaultJPTargets() {
			if v > 0 {
				targets[status] = n
			}
		}
		return w.u.store.SetJPTargets(ctx, targets)
	}
	form := widget.NewForm(widget.NewFormItem(L("Target JP per pegawai setahun"), container.NewVBox(target, hint)))
	return setupStep{title: L("Target JP"), view: form, save: save}
}

func (w *setupWizard) doneStep() setupStep {
	create := widget.NewButtonWithIcon(L("Buat program pertama"), theme.ContentAddIcon(), func() {
		w.u.Navigate("programs")
		w.u.reloadPages()
		w.u.editProgram(nil)
	})
	create.Importance = widget.HighImportance
	later := widget.NewButton(L("Nanti saja, ke Beranda"), w.finish)
	text := wrapLabel(L("Pengaturan awal selesai. Langkah berikutnya: buat program pelatihan pertama, daftarkan pesertanya, lalu susun jadwalnya."))
	return setupStep{title: L("Selesai"), view: container.NewVBox(text, container.NewHBox(create, later)), save: func() error { return nil }}
}
