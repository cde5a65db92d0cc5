package app

import (
	"bytes"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/report"
)

// certificatePreview shows one laid-out certificate page (report.CertificatePage) with Fyne canvas objects,
// scaled to the room it has. It draws from the same layout the PDF is drawn from, so the preview breaks
// lines, shrinks names and places the QR code exactly as the printout does; no PDF rasteriser is needed
// (poppler is not on Windows, and no pure-Go one renders fpdf's embedded fonts).
type certificatePreview struct {
	widget.BaseWidget
	page   report.CertificatePage
	images map[string]image.Image
}

func newCertificatePreview() *certificatePreview {
	p := &certificatePreview{}
	p.ExtendBaseWidget(p)
	return p
}

// SetPage shows page, with the images its operations name (PNG or JPEG bytes, as the PDF embeds them).
func (p *certificatePreview) SetPage(page report.CertificatePage, images report.Images) {
	p.page = page
	p.images = map[string]image.Image{}
	for name, b := range images {
		if img, _, err := image.Decode(bytes.NewReader(b)); err == nil {
			p.images[name] = img
		}
	}
	p.Refresh()
}

// Clear shows no page.
func (p *certificatePreview) Clear() {
	p.page = report.CertificatePage{}
	p.Refresh()
}

func (p *certificatePreview) CreateRenderer() fyne.WidgetRenderer {
	r := &previewRenderer{p: p}
	r.rebuild()
	return r
}

type previewRenderer struct {
	p       *certificatePreview
	shown   report.CertificatePage // the page the objects were made for
	shadow  *canvas.Rectangle
	paper   *canvas.Rectangle
	objects []fyne.CanvasObject // one per operation (nil for none), then shadow and paper first in Objects
	size    fyne.Size
}

func rgb(c report.RGB) color.Color { return color.NRGBA{c.R, c.G, c.B, 0xff} }

func (r *previewRenderer) rebuild() {
	r.shown = r.p.page
	r.shadow = canvas.NewRectangle(color.NRGBA{0, 0, 0, 40})
	r.paper = canvas.NewRectangle(color.White)
	r.objects = make([]fyne.CanvasObject, len(r.p.page.Ops))
	for i, op := range r.p.page.Ops {
		switch op.Kind {
		case report.OpText:
			t := canvas.NewText(op.Text, rgb(op.Color))
			t.TextStyle = fyne.TextStyle{Bold: op.Style == "B" || op.Style == "BI", Italic: op.Style == "I" || op.Style == "BI"}
			switch op.Align {
			case "C":
				t.Alignment = fyne.TextAlignCenter
			case "R":
				t.Alignment = fyne.TextAlignTrailing
			}
			r.objects[i] = t
		case report.OpImage:
			if img, ok := r.p.images[op.Image]; ok {
				ci := canvas.NewImageFromImage(img)
				ci.FillMode = canvas.ImageFillStretch
				r.objects[i] = ci
			}
		case report.OpQR:
			ci := canvas.NewImageFromImage(op.QR.Image())
			ci.FillMode = canvas.ImageFillStretch
			ci.ScaleMode = canvas.ImageScalePixels
			r.objects[i] = ci
		case report.OpRect:
			rect := canvas.NewRectangle(color.Transparent)
			if op.Fill {
				rect.FillColor = color.NRGBA{225, 225, 225, 255}
			}
			if op.Stroke {
				rect.StrokeColor = rgb(op.Color)
			}
			r.objects[i] = rect
		case report.OpLine:
			l := canvas.NewLine(rgb(op.Color))
			r.objects[i] = l
		}
	}
}

func (r *previewRenderer) Layout(size fyne.Size) {
	r.size = size
	page := r.shown
	if page.W == 0 {
		r.shadow.Hide()
		r.paper.Hide()
		return
	}
	r.shadow.Show()
	r.paper.Show()
	// Fyne units per millimetre, so that the whole page fits with a margin for its shadow.
	s := float32(min(float64(size.Width-8)/page.W, float64(size.Height-8)/page.H))
	if s <= 0 {
		return
	}
	w, h := float32(page.W)*s, float32(page.H)*s
	ox, oy := (size.Width-w)/2, (size.Height-h)/2
	r.shadow.Move(fyne.NewPos(ox+3, oy+3))
	r.shadow.Resize(fyne.NewSize(w, h))
	r.paper.Move(fyne.NewPos(ox, oy))
	r.paper.Resize(fyne.NewSize(w, h))
	mm := func(v float64) float32 { return float32(v) * s }
	for i, op := range page.Ops {
		o := r.objects[i]
		if o == nil {
			continue
		}
		switch op.Kind {
		case report.OpText:
			t := o.(*canvas.Text)
			t.TextSize = mm(op.Size * 0.3528)
			th := fyne.MeasureText(op.Text, t.TextSize, t.TextStyle).Height
			t.Move(fyne.NewPos(ox+mm(op.X), oy+mm(op.Y)+(mm(op.H)-th)/2))
			t.Resize(fyne.NewSize(mm(op.W), th))
		case report.OpRect:
			rect := o.(*canvas.Rectangle)
			rect.StrokeWidth = max(mm(op.LineWidth), 0.5)
			rect.Move(fyne.NewPos(ox+mm(op.X), oy+mm(op.Y)))
			rect.Resize(fyne.NewSize(mm(op.W), mm(op.H)))
		case report.OpLine:
			l := o.(*canvas.Line)
			l.StrokeWidth = max(mm(op.LineWidth), 0.5)
			l.Position1 = fyne.NewPos(ox+mm(op.X), oy+mm(op.Y))
			l.Position2 = fyne.NewPos(ox+mm(op.X+op.W), oy+mm(op.Y+op.H))
		default:
			o.Move(fyne.NewPos(ox+mm(op.X), oy+mm(op.Y)))
			o.Resize(fyne.NewSize(mm(op.W), mm(op.H)))
		}
	}
}

func (r *previewRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 170) }

func (r *previewRenderer) Refresh() {
	if !samePage(r.shown, r.p.page) {
		r.rebuild()
	}
	r.Layout(r.size)
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func samePage(a, b report.CertificatePage) bool {
	return a.W == b.W && a.H == b.H && len(a.Ops) == len(b.Ops) && (len(a.Ops) == 0 || &a.Ops[0] == &b.Ops[0])
}

func (r *previewRenderer) Objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{r.shadow, r.paper}
	for _, o := range r.objects {
		if o != nil {
			out = append(out, o)
		}
	}
	return out
}

func (r *previewRenderer) Destroy() {}
