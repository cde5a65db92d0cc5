package app

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/classroom"
	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// institutionDraft is the institution as edited in Pengaturan, with the attendance threshold as typed.
type institutionDraft struct {
	data.Institution
	threshold string
}

func newInstitutionDraft(in *data.Institution) *institutionDraft {
	return &institutionDraft{Institution: *in, threshold: indo.Number(in.AttendanceThreshold, 1)}
}

// timeZoneLabels are the choices of the time zone select, in data.TimeZones order.
var timeZoneLabels = []string{"WIB (UTC+7)", "WITA (UTC+8)", "WIT (UTC+9)"}

// saveStatus is the line beside a Simpan button: unsaved changes, saved, or the problem.
type saveStatus struct{ *widget.Label }

func newSaveStatus() saveStatus {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return saveStatus{l}
}

func (s saveStatus) changed() {
	s.Importance = widget.WarningImportance
	s.SetText(L("Ada perubahan yang belum disimpan."))
}
func (s saveStatus) saved() { s.Importance = widget.SuccessImportance; s.SetText(L("Tersimpan.")) }
func (s saveStatus) failed(err error) {
	s.Importance = widget.DangerImportance
	s.SetText(errorText(err))
}

// boundEntry is an entry that writes every change into *field and calls changed.
func boundEntry(field *string, placeholder string, changed func()) *keyEntry {
	e := newKeyEntry()
	e.SetText(*field)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(s string) {
		*field = s
		changed()
	}
	return e
}

// saveInstitution stores the fields apply copies from the draft onto the institution as stored, so that
// each tab saves only its own fields (the default signatory is chosen on another tab).
func (u *UI) saveInstitution(apply func(in *data.Institution) error) error {
	ctx := context.Background()
	in, err := u.store.Institution(ctx)
	if err != nil {
		return err
	}
	if err := apply(in); err != nil {
		return err
	}
	return u.store.SaveInstitution(ctx, in)
}

// institutionSaveButton is a tab's Simpan: it stores what apply copies from the draft and says how it went.
func (u *UI) institutionSaveButton(status saveStatus, apply func(in *data.Institution) error) *widget.Button {
	save := widget.NewButtonWithIcon(L("Simpan"), theme.DocumentSaveIcon(), func() {
		if err := u.saveInstitution(apply); err != nil {
			status.failed(err)
			return
		}
		status.saved()
	})
	save.Importance = widget.HighImportance
	return save
}

// institutionTab edits the office's identity: the name lines and address of the letterhead, the city
// documents are signed in, the time zone and the logo, with a preview of the letterhead.
func (u *UI) institutionTab(d *institutionDraft) fyne.CanvasObject {
	status := newSaveStatus()
	preview := newLetterheadPreview()
	changed := func() {
		status.changed()
		preview.update(&d.Institution)
	}
	parent := boundEntry(&d.ParentName, example("PEMERINTAH KABUPATEN SUKAMAJU"), changed)
	name := boundEntry(&d.Name, example("DINAS PENDIDIKAN"), changed)
	unit := boundEntry(&d.Unit, example(L("Bidang Pembinaan Ketenagaan")), changed)
	address := boundEntry(&d.Address, example(L("Jl. Raya Sukamaju No. 36, Sukamaju 45311")), changed)
	city := boundEntry(&d.City, example("Sukamaju"), changed)
	phone := boundEntry(&d.Phone, example("(0261) 201234"), changed)
	email := boundEntry(&d.Email, example("disdik@sukamajukab.go.id"), changed)
	website := boundEntry(&d.Website, example("disdik.sukamajukab.go.id"), changed)
	zone := widget.NewSelect(timeZoneLabels, nil)
	for i, z := range data.TimeZones {
		if z == d.TimeZone {
			zone.SetSelectedIndex(i)
		}
	}
	zone.OnChanged = func(string) {
		d.TimeZone = data.TimeZones[zone.SelectedIndex()]
		changed()
	}

	logo := newImagePicker(u, L("Pilih logo"), L("Belum ada logo: kop surat tanpa logo."), fyne.NewSize(72, 72), d.Logo,
		func(b []byte) { d.Logo = b; changed() })

	cityHint := hintLabel(L("Tempat penandatanganan dokumen, misalnya Sukamaju, 28 November 2026."))
	form := widget.NewForm(
		widget.NewFormItem(L("Pemerintah daerah"), parent),
		widget.NewFormItem(L("Nama instansi"), name),
		widget.NewFormItem(L("Unit"), unit),
		widget.NewFormItem(L("Alamat"), address),
		widget.NewFormItem(L("Kota"), container.NewVBox(city, cityHint)),
		widget.NewFormItem(L("Telepon"), phone),
		widget.NewFormItem(L("Email"), email),
		widget.NewFormItem(L("Laman"), website),
		widget.NewFormItem(L("Zona waktu"), zone),
		widget.NewFormItem(L("Logo"), logo.view),
	)
	save := u.institutionSaveButton(status, func(in *data.Institution) error {
		in.ParentName, in.Name, in.Unit = strings.TrimSpace(d.ParentName), strings.TrimSpace(d.Name), strings.TrimSpace(d.Unit)
		in.Address, in.City = strings.TrimSpace(d.Address), strings.TrimSpace(d.City)
		in.Phone, in.Email, in.Website = strings.TrimSpace(d.Phone), strings.TrimSpace(d.Email), strings.TrimSpace(d.Website)
		in.TimeZone, in.Logo = d.TimeZone, d.Logo
		return nil
	})
	preview.update(&d.Institution)
	previewCard := widget.NewCard("", L("Pratinjau kop surat, seperti di kepala daftar hadir, sertifikat dan laporan"), preview.view)
	return container.NewVScroll(container.NewPadded(container.NewVBox(previewCard, form,
		container.NewBorder(nil, nil, save, nil, status.Label))))
}

// letterheadPreview draws the kop surat as report.Letterhead prints it: logo at the left, the name lines
// centred in capitals, the address and contacts under them, a thick and a thin rule.
type letterheadPreview struct {
	view                   fyne.CanvasObject
	logo                   *canvas.Image
	parent, name, contact1 *canvas.Text
	contact2               *canvas.Text
}

func newLetterheadPreview() *letterheadPreview {
	p := &letterheadPreview{logo: &canvas.Image{FillMode: canvas.ImageFillContain}}
	p.logo.SetMinSize(fyne.NewSize(64, 64))
	text := func(size float32, bold bool) *canvas.Text {
		t := canvas.NewText("", color.Black)
		t.TextSize, t.TextStyle, t.Alignment = size, fyne.TextStyle{Bold: bold}, fyne.TextAlignCenter
		return t
	}
	p.parent, p.name, p.contact1, p.contact2 = text(15, true), text(18, true), text(11, false), text(11, false)
	thick := canvas.NewRectangle(color.Black)
	thick.SetMinSize(fyne.NewSize(10, 3))
	thin := canvas.NewRectangle(color.Black)
	thin.SetMinSize(fyne.NewSize(10, 1))
	lines := container.NewVBox(p.parent, p.name, p.contact1, p.contact2)
	head := container.NewBorder(nil, nil, p.logo, container.NewGridWrap(fyne.NewSize(64, 64)), lines)
	paper := canvas.NewRectangle(color.White)
	body := container.NewVBox(head, thick, thin)
	p.view = container.NewStack(paper, container.NewPadded(container.NewPadded(body)))
	return p
}

func (p *letterheadPreview) update(in *data.Institution) {
	p.parent.Text = strings.ToUpper(in.ParentName)
	p.name.Text = strings.ToUpper(in.Name)
	var contact, online []string
	if in.Address != "" {
		contact = append(contact, in.Address)
	}
	if in.Phone != "" {
		contact = append(contact, "Telp. "+in.Phone)
	}
	if in.Email != "" {
		online = append(online, "Pos-el: "+in.Email)
	}
	if in.Website != "" {
		online = append(online, "Laman: "+in.Website)
	}
	p.contact1.Text, p.contact2.Text = strings.Join(contact, " · "), strings.Join(online, " · ")
	p.logo.Resource = nil
	p.logo.Hidden = len(in.Logo) == 0
	if len(in.Logo) > 0 {
		p.logo.Resource = fyne.NewStaticResource("logo.png", in.Logo)
	}
	for _, o := range []fyne.CanvasObject{p.parent, p.name, p.contact1, p.contact2, p.logo} {
		o.Refresh()
	}
}

// imagePicker shows a picture (a logo, a scanned signature) with buttons to choose another or remove it.
// A chosen file is checked and prepared for documents (pdf.PrepareImage) before it is accepted; a corrupt
// file is refused with a message that says so.
type imagePicker struct {
	view        fyne.CanvasObject
	image       *canvas.Image
	placeholder fyne.CanvasObject
	note        *widget.Label
	emptyText   string
	remove      *widget.Button
	current     []byte
}

func newImagePicker(u *UI, chooseLabel, emptyText string, size fyne.Size, current []byte, changed func([]byte)) *imagePicker {
	p := &imagePicker{image: &canvas.Image{FillMode: canvas.ImageFillContain}, emptyText: emptyText, note: hintLabel("")}
	p.image.SetMinSize(size)
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = theme.Color(theme.ColorNameInputBorder), 1, 4
	p.placeholder = container.NewStack(frame, container.NewCenter(widget.NewIcon(theme.MediaPhotoIcon())))
	choose := widget.NewButtonWithIcon(L("Pilih gambar…"), theme.FolderOpenIcon(), nil)
	p.remove = widget.NewButtonWithIcon(L("Hapus"), theme.DeleteIcon(), func() {
		p.set(nil)
		changed(nil)
	})
	choose.OnTapped = func() {
		home, _ := os.UserHomeDir()
		u.dialogs.openIn(chooseLabel, []string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}, home, func(path string) {
			u.goBackground(func() {
				b, err := readImageFile(path)
				fyne.Do(func() {
					if err != nil {
						u.showError(err)
						return
					}
					p.set(b)
					changed(b)
				})
			})
		})
	}
	p.set(current)
	picture := container.NewGridWrap(size, container.NewStack(p.placeholder, p.image))
	p.view = container.NewBorder(nil, nil, picture, nil,
		container.NewVBox(container.NewHBox(choose, p.remove), p.note))
	return p
}

func (p *imagePicker) set(b []byte) {
	p.current = b
	p.image.Resource = nil
	if len(b) > 0 {
		p.image.Resource = fyne.NewStaticResource("image.png", b)
	}
	p.image.Hidden = len(b) == 0
	if len(b) > 0 {
		p.placeholder.Hide()
	} else {
		p.placeholder.Show()
	}
	if len(b) > 0 {
		p.remove.Enable()
		p.note.SetText(L("PNG atau JPEG, paling besar 5 MB."))
	} else {
		p.remove.Disable()
		p.note.SetText(p.emptyText + " " + L("PNG atau JPEG, paling besar 5 MB."))
	}
	p.image.Refresh()
}

// readImageFile reads a picture the coordinator chose and prepares it for documents.
func readImageFile(path string) ([]byte, error) {
	b, err := readPictureBytes(path)
	if err != nil {
		return nil, err
	}
	return pdf.PrepareImage(b, fmt.Sprintf(L("Berkas %s"), filepath.Base(path)))
}

// readPictureBytes reads a picture file the coordinator chose, refusing one larger than data.MaxImageBytes
// (or a folder, device or pipe) before reading it: a file of gigabytes picked by mistake would be held whole.
func readPictureBytes(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, data.Wrap(data.KindInvalid, err, L("Berkas %s tidak dapat dibaca: %v"), path, err)
	case !fi.Mode().IsRegular():
		return nil, data.Errorf(data.KindInvalid, L("%s bukan berkas gambar; pilih berkas PNG atau JPEG"), path)
	case fi.Size() > data.MaxImageBytes:
		return nil, data.Errorf(data.KindInvalid, L("Berkas %s terlalu besar (%s MB, paling besar %d MB); perkecil gambarnya lalu pilih lagi"),
			filepath.Base(path), indo.Int(fi.Size()>>20), data.MaxImageBytes>>20)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, L("Berkas %s tidak dapat dibaca: %v"), path, err)
	}
	return b, nil
}

// defaultsTab edits what a new program starts with: the attendance threshold and whether excused absences
// count as present, the evaluation scale, the kind of certificate and its number pattern.
func (u *UI) defaultsTab(d *institutionDraft) fyne.CanvasObject {
	status := newSaveStatus()
	changed := status.changed
	threshold := boundEntry(&d.threshold, "80", changed)
	threshold.Validator = func(s string) error {
		v, err := indo.ParseDecimal(strings.TrimSuffix(strings.TrimSpace(s), "%"))
		if err != nil || v < 0 || v > 100 {
			return fmt.Errorf("%s", L("tulis angka 0 sampai 100, misalnya 80 atau 87,5"))
		}
		return nil
	}
	excused := widget.NewCheck(L("Izin, Sakit dan Dinas Luar dihitung hadir"), func(b bool) {
		d.ExcusedCountPresent = b
		changed()
	})
	excused.SetChecked(d.ExcusedCountPresent)
	scaleLabels := []string{L("1–4 (Tidak Baik … Sangat Baik)"), L("1–5 (Tidak Baik … Sangat Baik)"), L("0–100")}
	scale := widget.NewSelect(scaleLabels, nil)
	for i, s := range data.Scales {
		if s == d.DefaultScale {
			scale.SetSelectedIndex(i)
		}
	}
	scale.OnChanged = func(string) { d.DefaultScale = data.Scales[scale.SelectedIndex()]; changed() }
	kindLabels := []string{L("Sertifikat (seminar, workshop, bimbingan teknis)"), L("STTP (Surat Tanda Tamat Pelatihan)"), L("Piagam Penghargaan")}
	kind := widget.NewSelect(kindLabels, nil)
	for i, k := range data.CertificateKinds {
		if k.Code == d.CertificateKind {
			kind.SetSelectedIndex(i)
		}
	}
	kind.OnChanged = func(string) { d.CertificateKind = data.CertificateKinds[kind.SelectedIndex()].Code; changed() }
	pattern := boundEntry(&d.NumberPattern, example("800/{seq:03}/DISDIK/{month_roman}/{year}"), changed)
	patternHint := hintLabel(L("{seq} nomor urut, {seq:03} nomor urut tiga digit (007), {month_roman} bulan dalam angka Romawi (XI), {year} tahun (2026). Setiap program dapat memakai pola sendiri."))
	grace := newKeyEntry()
	grace.SetPlaceHolder(strconv.Itoa(int(classroom.DefaultGrace.Minutes())))
	grace.SetText(u.graceMinutes())
	grace.OnChanged = func(string) { changed() }
	targets, targetsView := u.jpTargetEntries(changed)
	form := widget.NewForm(
		widget.NewFormItem(L("Batas kehadiran (%)"), threshold),
		widget.NewFormItem(L("Target JP setahun"), targetsView),
		widget.NewFormItem(L("Mode Kelas: terlambat setelah (menit)"), container.NewVBox(grace,
			hintLabel(L("Peserta yang presensi lebih dari sekian menit setelah sesi mulai dicatat T (terlambat) dengan jamnya.")))),
		widget.NewFormItem(L("Ketidakhadiran berizin"), excused),
		widget.NewFormItem(L("Skala evaluasi"), scale),
		widget.NewFormItem(L("Jenis sertifikat"), kind),
		widget.NewFormItem(L("Pola nomor sertifikat"), container.NewVBox(pattern, patternHint,
			hintLabel(L("Perubahan pola hanya berlaku bagi program yang belum memiliki nomor sertifikat; program yang sudah bernomor tetap memakai polanya. Dengan {program} setiap program mulai dari nomor 1.")))),
	)
	note := widget.NewLabel(L("Nilai ini dipakai untuk program baru. Program yang sudah ada tetap memakai pengaturannya sendiri."))
	note.Wrapping = fyne.TextWrapWord
	save := u.institutionSaveButton(status, func(in *data.Institution) error {
		v, err := indo.ParseDecimal(strings.TrimSuffix(strings.TrimSpace(d.threshold), "%"))
		if err != nil {
			return data.Errorf(data.KindInvalid, "%s", L("Batas kehadiran: tulis angka 0 sampai 100, misalnya 80 atau 87,5"))
		}
		in.AttendanceThreshold, in.ExcusedCountPresent = v, d.ExcusedCountPresent
		in.DefaultScale, in.CertificateKind = d.DefaultScale, d.CertificateKind
		in.NumberPattern = strings.TrimSpace(d.NumberPattern)
		if err := u.saveJPTargets(targets); err != nil {
			return err
		}
		return u.saveGraceMinutes(grace.Text)
	})
	return container.NewVScroll(container.NewPadded(container.NewVBox(note, form, container.NewBorder(nil, nil, save, nil, status.Label))))
}
