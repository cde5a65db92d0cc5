package chart

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data/analysis"
)

// IPA draws the importance-performance chart: importance across, performance up, the cross lines at the
// means, and each item as a numbered dot coloured by its quadrant.
type IPA struct {
	widget.BaseWidget
	res             *analysis.IPAResult
	across, up      string                         // the axes' captions
	quadrantCaption func(analysis.Quadrant) string // a quadrant's name in the window's language
}

// NewIPA draws res with the axes captioned across (importance) and up (performance) and each quadrant named
// by caption.
func NewIPA(res *analysis.IPAResult, across, up string, caption func(analysis.Quadrant) string) *IPA {
	c := &IPA{res: res, across: across, up: up, quadrantCaption: caption}
	c.ExtendBaseWidget(c)
	return c
}

func quadrantColour(q analysis.Quadrant) color.Color {
	switch q {
	case analysis.QuadrantPriority:
		return theme.Color(theme.ColorNameError)
	case analysis.QuadrantKeep:
		return theme.Color(theme.ColorNameSuccess)
	case analysis.QuadrantLow:
		return theme.Color(theme.ColorNameWarning)
	}
	return theme.Color(theme.ColorNamePrimary)
}

// CreateRenderer draws the frame, the cross lines, the captions and a dot and a number per item.
func (c *IPA) CreateRenderer() fyne.WidgetRenderer {
	r := &ipaRenderer{chart: c}
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.frame.StrokeWidth = 1
	r.vline = canvas.NewLine(theme.Color(theme.ColorNamePlaceHolder))
	r.hline = canvas.NewLine(theme.Color(theme.ColorNamePlaceHolder))
	r.objects = []fyne.CanvasObject{r.frame, r.vline, r.hline}
	for _, q := range analysis.Quadrants {
		t := canvas.NewText(c.quadrantCaption(q), theme.Color(theme.ColorNamePlaceHolder))
		t.TextSize = theme.CaptionTextSize()
		r.captions = append(r.captions, t)
		r.objects = append(r.objects, t)
	}
	r.xAxis = canvas.NewText(c.across, theme.Color(theme.ColorNameForeground))
	r.yAxis = canvas.NewText(c.up, theme.Color(theme.ColorNameForeground))
	r.xAxis.TextSize, r.yAxis.TextSize = theme.CaptionTextSize(), theme.CaptionTextSize()
	r.objects = append(r.objects, r.xAxis, r.yAxis)
	for _, it := range c.res.Items {
		dot := canvas.NewCircle(quadrantColour(it.Quadrant))
		num := canvas.NewText(strconv.Itoa(it.Number), theme.Color(theme.ColorNameForeground))
		num.TextSize = theme.CaptionTextSize()
		num.TextStyle.Bold = true
		r.dots = append(r.dots, dot)
		r.numbers = append(r.numbers, num)
		r.objects = append(r.objects, dot, num)
	}
	return r
}

type ipaRenderer struct {
	chart        *IPA
	frame        *canvas.Rectangle
	vline, hline *canvas.Line
	captions     []*canvas.Text
	xAxis, yAxis *canvas.Text
	dots         []*canvas.Circle
	numbers      []*canvas.Text
	objects      []fyne.CanvasObject
}

func (r *ipaRenderer) MinSize() fyne.Size { return fyne.NewSize(420, 300) }

func (r *ipaRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *ipaRenderer) Destroy() {}

func (r *ipaRenderer) Refresh() { r.Layout(r.chart.Size()) }

// Layout scales the chart to the items: a little beyond their lowest and highest means, so that the
// quadrants are readable even when every mean is between 3 and 4.
func (r *ipaRenderer) Layout(size fyne.Size) {
	res := r.chart.res
	loX, hiX, loY, hiY := res.Importance, res.Importance, res.Performance, res.Performance
	for _, it := range res.Items {
		loX, hiX = math.Min(loX, it.Importance), math.Max(hiX, it.Importance)
		loY, hiY = math.Min(loY, it.Performance), math.Max(hiY, it.Performance)
	}
	padX, padY := math.Max(0.15, (hiX-loX)*0.15), math.Max(0.15, (hiY-loY)*0.15)
	loX, hiX, loY, hiY = loX-padX, hiX+padX, loY-padY, hiY+padY
	const margin = 22
	w, h := size.Width-2*margin, size.Height-2*margin
	px := func(v float64) float32 { return margin + float32((v-loX)/(hiX-loX))*w }
	py := func(v float64) float32 { return margin + h - float32((v-loY)/(hiY-loY))*h }
	r.frame.Move(fyne.NewPos(margin, margin))
	r.frame.Resize(fyne.NewSize(w, h))
	cx, cy := px(res.Importance), py(res.Performance)
	r.vline.Position1, r.vline.Position2 = fyne.NewPos(cx, margin), fyne.NewPos(cx, margin+h)
	r.hline.Position1, r.hline.Position2 = fyne.NewPos(margin, cy), fyne.NewPos(margin+w, cy)
	// Quadrant I (important, performing below average) is bottom right; each caption sits in its corner.
	corners := map[analysis.Quadrant]fyne.Position{
		analysis.QuadrantPriority: fyne.NewPos(margin+w, margin+h),
		analysis.QuadrantKeep:     fyne.NewPos(margin+w, margin),
		analysis.QuadrantLow:      fyne.NewPos(margin, margin+h),
		analysis.QuadrantExcess:   fyne.NewPos(margin, margin),
	}
	for i, q := range analysis.Quadrants {
		t := r.captions[i]
		ts := t.MinSize()
		p := corners[q]
		x, y := p.X+4, p.Y+2
		if p.X > margin {
			x = p.X - ts.Width - 4
		}
		if p.Y > margin {
			y = p.Y - ts.Height - 2
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(ts)
	}
	xs := r.xAxis.MinSize()
	r.xAxis.Move(fyne.NewPos(margin+w-xs.Width, margin+h+3))
	r.xAxis.Resize(xs)
	r.yAxis.Move(fyne.NewPos(margin, 2))
	r.yAxis.Resize(r.yAxis.MinSize())
	const d = 10
	for i, it := range res.Items {
		x, y := px(it.Importance), py(it.Performance)
		r.dots[i].Move(fyne.NewPos(x-d/2, y-d/2))
		r.dots[i].Resize(fyne.NewSize(d, d))
		ns := r.numbers[i].MinSize()
		r.numbers[i].Move(fyne.NewPos(x+d/2+1, y-ns.Height/2))
		r.numbers[i].Resize(ns)
	}
}
