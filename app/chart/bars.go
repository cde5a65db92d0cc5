package app

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
)

// barLayout lays out a bar: a track across the whole width and a fill of the given fraction of it.
type barLayout struct {
	frac   float32
	height float32
}

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(80, l.height+4) }

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := (size.Height - l.height) / 2
	objs[0].Move(fyne.NewPos(0, y))
	objs[0].Resize(fyne.NewSize(size.Width, l.height))
	objs[1].Move(fyne.NewPos(0, y))
	objs[1].Resize(fyne.NewSize(size.Width*l.frac, l.height))
}

// newBar draws value out of max as a horizontal bar with canvas rectangles; NaN draws an empty track.
func newBar(value, max float64, fill color.Color) fyne.CanvasObject {
	frac := float32(0)
	if max > 0 && !math.IsNaN(value) {
		frac = float32(math.Max(0, math.Min(1, value/max)))
	}
	track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	track.CornerRadius = 3
	bar := canvas.NewRectangle(fill)
	bar.CornerRadius = 3
	return container.New(&barLayout{frac: frac, height: 14}, track, bar)
}

// categoryColour colours a bar by the category of its mean: the best category green, the next the primary
// colour, the middle ones orange and the lowest red.
func categoryColour(sc data.Scale, mean float64) color.Color {
	switch sc.Standing(mean) {
	case data.StandingNone:
		return theme.Color(theme.ColorNameDisabled)
	case data.StandingBest:
		return theme.Color(theme.ColorNameSuccess)
	case data.StandingGood:
		return theme.Color(theme.ColorNamePrimary)
	case data.StandingLowest:
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameWarning)
}

// barRow is a labelled bar with its figure on the right: "Kenyataan ████░░ 3,45 Baik". Labels and figures
// have fixed widths, so that the bars of a block line up.
func barRow(label string, labelWidth float32, value, max float64, fill color.Color, figure string) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.Truncation = fyne.TextTruncateEllipsis
	left := container.New(&fixedWidth{width: labelWidth}, l)
	right := container.New(&fixedWidth{width: 230}, widget.NewLabel(figure))
	return container.NewBorder(nil, nil, left, right, newBar(value, max, fill))
}

// fixedWidth gives its content a fixed width (and its natural height).
type fixedWidth struct{ width float32 }

func (f *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width, h)
}

func (f *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// ipaChart draws the importance-performance chart: importance across, performance up, the cross lines at
// the means, and each item as a numbered dot coloured by its quadrant.
type ipaChart struct {
	widget.BaseWidget
	res   *analysis.IPAResult
	scale data.Scale
}

func newIPAChart(res *analysis.IPAResult, sc data.Scale) *ipaChart {
	c := &ipaChart{res: res, scale: sc}
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

func (c *ipaChart) CreateRenderer() fyne.WidgetRenderer {
	r := &ipaRenderer{chart: c}
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.frame.StrokeWidth = 1
	r.vline = canvas.NewLine(theme.Color(theme.ColorNamePlaceHolder))
	r.hline = canvas.NewLine(theme.Color(theme.ColorNamePlaceHolder))
	r.objects = []fyne.CanvasObject{r.frame, r.vline, r.hline}
	for _, q := range analysis.Quadrants {
		t := canvas.NewText(L(q.Label()), theme.Color(theme.ColorNamePlaceHolder))
		t.TextSize = theme.CaptionTextSize()
		r.captions = append(r.captions, t)
		r.objects = append(r.objects, t)
	}
	r.xAxis = canvas.NewText(L("Harapan (kepentingan) →"), theme.Color(theme.ColorNameForeground))
	r.yAxis = canvas.NewText(L("↑ Kenyataan (kinerja)"), theme.Color(theme.ColorNameForeground))
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
	chart        *ipaChart
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
