package app

import (
	"bytes"
	"context"
	"image"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
)

// certificateDesignView edits a program's certificate design beside a live preview of one certificate: the
// person chosen in the list (or the first eligible one), drawn from the same layout as the PDF.
type certificateDesignView struct {
	u           *UI
	p           *data.Program
	who         *certify.Candidate
	design      *data.CertificateDesign
	signatories []*data.Signatory
	institution *data.Institution

	kind, signer, mode *widget.Select
	title, pattern     *keyEntry
	place, issueDate   *keyEntry
	orientation        *widget.RadioGroup
	subjects           *widget.Check
	body               *keyEntry
	background         []byte
	backgroundLabel    *widget.Label
	nextNumber         *widget.Label
	warning            *widget.Label
	preview            *certificatePreview
	pageChoice         *widget.RadioGroup
	top                *fyne.Container
	pages              []report.CertificatePage
	images             report.Images
	debounce           *debouncer
	loading            bool
}

func newCertificateDesignView(u *UI, p *data.Program, who *certify.Candidate, back func()) fyne.CanvasObject {
	v := &certificateDesignView{u: u, p: p, who: who, debounce: newDebouncer(u, 250*time.Millisecond)}
	ctx := context.Background()
	var err error
	if v.design, err = u.store.CertificateDesign(ctx, p.ID); err == nil {
		if v.signatories, err = u.store.Signatories(ctx); err == nil {
			v.institution, err = u.store.Institution(ctx)
		}
	}
	if err != nil {
		u.showError(err)
		return container.NewCenter(widget.NewButton(L("Kembali"), back))
	}
	v.loading = true
	changed := func() { v.refreshPreview() }

	kinds := make([]string, len(data.CertificateKinds))
	for i, k := range data.CertificateKinds {
		kinds[i] = L(data.CertificateKindLabel(k.Code))
	}
	v.kind = widget.NewSelect(kinds, nil)
	v.title = newKeyEntry()
	v.kind.OnChanged = func(string) {
		i := v.kind.SelectedIndex()
		if i < 0 {
			return
		}
		// A title still at the old kind's default follows the kind.
		if !v.loading {
			for _, k := range data.CertificateKinds {
				if v.title.Text == k.Title || v.title.Text == "" {
					v.title.SetText(data.CertificateKinds[i].Title)
					break
				}
			}
		}
		changed()
	}
	v.title.OnChanged = func(string) { changed() }
	v.orientation = widget.NewRadioGroup([]string{L("Mendatar (landscape)"), L("Tegak (portrait)")}, func(string) { changed() })
	v.orientation.Horizontal = true
	v.pattern = newKeyEntry()
	v.pattern.SetPlaceHolder(v.institution.NumberPattern)
	v.pattern.OnChanged = func(string) { changed() }
	v.nextNumber = widget.NewLabel("")
	v.nextNumber.Wrapping = fyne.TextWrapWord
	signers := []string{L("Penanda tangan bawaan instansi")}
	for _, g := range v.signatories {
		signers = append(signers, g.FullName()+" · "+g.Position)
	}
	v.signer = widget.NewSelect(signers, func(string) { changed() })
	modes := make([]string, len(data.SignatureModes))
	for i, m := range data.SignatureModes {
		modes[i] = L(data.SignatureModeLabel(m))
	}
	v.mode = widget.NewSelect(modes, func(string) { changed() })
	v.place = newKeyEntry()
	v.place.SetPlaceHolder(v.institution.City)
	v.place.OnChanged = func(string) { changed() }
	v.issueDate = newKeyEntry()
	v.issueDate.SetPlaceHolder(L("kosong: tanggal saat diterbitkan"))
	v.issueDate.OnChanged = func(string) { changed() }
	v.subjects = widget.NewCheck(L("Halaman kedua: daftar mata pelatihan dan JP"), func(bool) { changed() })
	v.backgroundLabel = widget.NewLabel("")
	chooseBackground := widget.NewButton(L("Pilih gambar…"), func() {
		u.dialogs.open([]string{".png", ".jpg", ".jpeg"}, func(path string) {
			b, err := readPictureBytes(path)
			if err != nil {
				u.showError(err)
				return
			}
			if err := data.CheckImage(b, "latar sertifikat"); err != nil {
				u.showError(err)
				return
			}
			v.background = b
			v.showBackground()
			changed()
		})
	})
	clearBackground := widget.NewButton(L("Hapus"), func() {
		v.background = nil
		v.showBackground()
		changed()
	})
	v.body = newKeyMultiLineEntry()
	v.body.Wrapping = fyne.TextWrapWord
	v.body.SetMinRowsVisible(9)
	v.body.OnChanged = func(string) { changed() }
	resetBody := widget.NewButton(L("Kembalikan isi bawaan"), func() {
		v.body.SetText(data.DefaultCertificateBody(v.kindCode()))
	})
	var help []string
	for _, ph := range data.CertificatePlaceholders {
		help = append(help, "{"+ph.Name+"}  "+L(ph.Meaning))
	}
	helpText := widget.NewLabel(L("# baris nama · ## judul kecil · | Label | {isian} baris identitas · [bagian] dicetak hanya bila isiannya ada") +
		"\n" + strings.Join(help, "\n"))
	helpText.Wrapping = fyne.TextWrapWord
	accordion := widget.NewAccordion(widget.NewAccordionItem(L("Isian yang dapat dipakai"), helpText))

	v.fill()
	v.loading = false

	form := widget.NewForm(
		widget.NewFormItem(L("Jenis"), v.kind),
		widget.NewFormItem(L("Judul"), v.title),
		widget.NewFormItem(L("Orientasi"), v.orientation),
		widget.NewFormItem(L("Pola nomor"), v.pattern),
		widget.NewFormItem("", v.nextNumber),
		widget.NewFormItem(L("Penanda tangan"), v.signer),
		widget.NewFormItem(L("Tanda tangan"), v.mode),
		widget.NewFormItem(L("Tempat"), v.place),
		widget.NewFormItem(L("Tanggal terbit"), v.issueDate),
		widget.NewFormItem(L("Gambar latar"), container.NewBorder(nil, nil, nil, container.NewHBox(chooseBackground, clearBackground), v.backgroundLabel)),
		widget.NewFormItem("", v.subjects),
	)
	bodyBox := container.NewBorder(container.NewBorder(nil, nil, widget.NewLabelWithStyle(L("Isi sertifikat"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), resetBody),
		accordion, nil, nil, v.body)
	save := widget.NewButtonWithIcon(L("Simpan desain"), theme.DocumentSaveIcon(), func() {
		if err := v.save(); err != nil {
			u.showError(err)
			return
		}
		back()
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(L("Kembali tanpa menyimpan"), theme.NavigateBackIcon(), back)
	left := container.NewBorder(nil, container.NewHBox(save, cancel), nil, nil, container.NewVScroll(container.NewVBox(form, bodyBox)))

	v.preview = newCertificatePreview()
	v.warning = widget.NewLabel("")
	v.warning.Wrapping = fyne.TextWrapWord
	v.warning.Importance = widget.DangerImportance
	v.pageChoice = widget.NewRadioGroup([]string{L("Halaman 1"), L("Halaman 2")}, func(s string) { v.showPage() })
	v.pageChoice.Horizontal = true
	v.pageChoice.Hide()
	whoText := L("Contoh peserta")
	if who != nil {
		whoText = who.Name
	}
	heading := widget.NewLabelWithStyle(L("Pratinjau: {{.Name}}", map[string]any{"Name": whoText}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Truncation = fyne.TextTruncateEllipsis
	enlarge := widget.NewButtonWithIcon(L("Perbesar"), theme.ZoomInIcon(), v.enlarge)
	v.top = container.NewVBox(heading, container.NewHBox(v.pageChoice, layout.NewSpacer(), enlarge))
	right := container.NewBorder(v.top, v.warning, nil, nil, v.preview)
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.4
	v.refreshPreview()
	return split
}

// fill puts the stored design and program settings into the form.
func (v *certificateDesignView) fill() {
	d := v.design
	for i, k := range data.CertificateKinds {
		if k.Code == d.Kind {
			v.kind.SetSelectedIndex(i)
		}
	}
	v.title.SetText(d.Title)
	if d.Orientation == "portrait" {
		v.orientation.SetSelected(v.orientation.Options[1])
	} else {
		v.orientation.SetSelected(v.orientation.Options[0])
	}
	v.pattern.SetText(v.p.NumberPattern)
	v.signer.SetSelectedIndex(0)
	for i, g := range v.signatories {
		if g.ID == v.p.SignatoryID {
			v.signer.SetSelectedIndex(i + 1)
		}
	}
	for i, m := range data.SignatureModes {
		if m == d.SignatureMode {
			v.mode.SetSelectedIndex(i)
		}
	}
	v.place.SetText(d.Place)
	if !d.IssueDate.IsZero() {
		v.issueDate.SetText(d.IssueDate.Format("02/01/2006"))
	}
	v.subjects.SetChecked(d.SubjectsPage)
	v.background = d.Background
	v.showBackground()
	v.body.SetText(d.BodyTemplate())
}

func (v *certificateDesignView) showBackground() {
	if len(v.background) == 0 {
		v.backgroundLabel.SetText(L("Tanpa gambar: bingkai garis ganda"))
		return
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(v.background))
	if err != nil {
		v.backgroundLabel.SetText(L("Gambar tidak dapat dibaca"))
		return
	}
	v.backgroundLabel.SetText(L("Gambar {{.W}} × {{.H}} piksel", map[string]any{"W": cfg.Width, "H": cfg.Height}))
}

func (v *certificateDesignView) kindCode() string {
	if i := v.kind.SelectedIndex(); i >= 0 {
		return data.CertificateKinds[i].Code
	}
	return "sertifikat"
}

// draft reads the form into an unsaved design; a date that cannot be read is an error naming the field.
func (v *certificateDesignView) draft() (*certify.Draft, error) {
	d := &data.CertificateDesign{ProgramID: v.p.ID, Kind: v.kindCode(), Title: v.title.Text, Orientation: "landscape",
		Body: v.body.Text, Background: v.background, SubjectsPage: v.subjects.Checked, Place: v.place.Text}
	if v.orientation.Selected == v.orientation.Options[1] {
		d.Orientation = "portrait"
	}
	if i := v.mode.SelectedIndex(); i >= 0 {
		d.SignatureMode = data.SignatureModes[i]
	}
	if strings.TrimSpace(d.Body) == strings.TrimSpace(data.DefaultCertificateBody(d.Kind)) {
		d.Body = "" // the built-in text, which follows the kind
	}
	if s := strings.TrimSpace(v.issueDate.Text); s != "" {
		day, err := data.ParseDate(s)
		if err != nil {
			return nil, data.Errorf(data.KindInvalid, "Tanggal terbit: %s", err)
		}
		d.IssueDate = day
	}
	d.Normalize()
	dr := &certify.Draft{Design: d, NumberPattern: strings.TrimSpace(v.pattern.Text)}
	if dr.NumberPattern != "" {
		if err := data.NumberPattern(dr.NumberPattern).Validate(); err != nil {
			return nil, err
		}
	}
	if i := v.signer.SelectedIndex(); i > 0 {
		dr.SignatoryID = v.signatories[i-1].ID
	}
	return dr, nil
}

// refreshPreview lays the draft out again, off the UI goroutine, once typing pauses.
func (v *certificateDesignView) refreshPreview() {
	if v.loading || v.preview == nil {
		return
	}
	dr, err := v.draft()
	v.debounce.call(func() {
		var pages []report.CertificatePage
		var images report.Images
		next := ""
		if err == nil {
			err = dr.Design.Validate()
		}
		if err == nil {
			pages, images, err = certify.Preview(context.Background(), v.u.store, v.p, v.who, dr, v.u.now.today())
		}
		if err == nil {
			copied := *v.p
			copied.NumberPattern = dr.NumberPattern
			var nerr error
			next, nerr = v.u.store.NextCertificateNumber(context.Background(), &copied, dr.Design.IssuedOn(v.u.now.today()))
			if nerr != nil {
				next = ""
			}
		}
		fyne.Do(func() {
			if next != "" {
				v.nextNumber.SetText(L("Nomor berikutnya: {{.Number}}", map[string]any{"Number": next}))
			} else {
				v.nextNumber.SetText("")
			}
			if err != nil {
				v.warning.SetText(errorText(err))
				return
			}
			v.warning.SetText(v.warnings(dr))
			v.pages, v.images = pages, images
			if len(pages) > 1 {
				v.pageChoice.Show()
				if v.pageChoice.Selected == "" {
					v.pageChoice.SetSelected(v.pageChoice.Options[0])
				}
			} else {
				v.pageChoice.Hide()
			}
			v.top.Refresh()
			v.showPage()
		})
	})
}

// warnings are what the preview shows but the coordinator may not notice: no logo, a default signatory
// missing.
func (v *certificateDesignView) warnings(dr *certify.Draft) string {
	var w []string
	if len(v.institution.Logo) == 0 {
		w = append(w, L("Logo instansi belum diisi di Pengaturan; sertifikat dicetak tanpa logo."))
	}
	if dr.SignatoryID == 0 && v.institution.DefaultSignatoryID == 0 {
		w = append(w, L("Belum ada penanda tangan: pilih penanda tangan, atau isi penanda tangan bawaan di Pengaturan."))
	}
	return strings.Join(w, " ")
}

func (v *certificateDesignView) showPage() {
	if len(v.pages) == 0 {
		v.preview.Clear()
		return
	}
	i := 0
	if v.pageChoice.Visible() && v.pageChoice.Selected == v.pageChoice.Options[1] && len(v.pages) > 1 {
		i = 1
	}
	v.preview.SetPage(v.pages[i], v.images)
}

// enlarge shows the page in a dialog as large as the window allows.
func (v *certificateDesignView) enlarge() {
	if len(v.pages) == 0 {
		return
	}
	big := newCertificatePreview()
	big.SetPage(v.preview.page, v.images)
	size := v.u.win.Canvas().Size()
	d := dialog.NewCustom(L("Pratinjau sertifikat"), L("Tutup"), big, v.u.win)
	d.Resize(fyne.NewSize(size.Width*0.95, size.Height*0.95))
	d.Show()
}

// save stores the design and the program's number pattern and signatory.
func (v *certificateDesignView) save() error {
	dr, err := v.draft()
	if err != nil {
		return err
	}
	ctx := context.Background()
	if err := v.u.store.SetProgramCertificateSettings(ctx, v.p.ID, dr.NumberPattern, dr.SignatoryID); err != nil {
		return err
	}
	if err := v.u.store.SaveCertificateDesign(ctx, dr.Design); err != nil {
		return err
	}
	v.p.NumberPattern, v.p.SignatoryID = dr.NumberPattern, dr.SignatoryID
	return nil
}
