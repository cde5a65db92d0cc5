package chart

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// columnChartLayout lays out a small column chart drawn with canvas objects: per value a bar rising from the
// base line, its figure above it and its label below, all scaled to the space the chart is given.
type columnChartLayout struct {
	values []float64
	top    float64
}

func (l *columnChartLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(260, 130) }

// Layout places the objects, which come in threes per value: the bar, its figure, its label; then the base line.
func (l *columnChartLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := len(l.values)
	if n == 0 {
		return
	}
	textH := theme.CaptionTextSize() + 4
	plotH := max(size.Height-2*textH, 0)
	slot := size.Width / float32(n)
	barW := max(min(slot*0.62, 36), 0)
	var figureW, labelW []float32
	for i := range l.values {
		figureW = append(figureW, objs[3*i+1].MinSize().Width)
		labelW = append(labelW, objs[3*i+2].MinSize().Width)
	}
	figureStep, labelStep := textStep(figureW, slot), textStep(labelW, slot)
	for i, v := range l.values {
		bar, figure, label := objs[3*i], objs[3*i+1], objs[3*i+2]
		figure.(*canvas.Text).Hidden = i%figureStep != 0
		label.(*canvas.Text).Hidden = i%labelStep != 0
		h := float32(0)
		if l.top > 0 && !math.IsNaN(v) {
			h = plotH * float32(math.Max(0, math.Min(1, v/l.top)))
		}
		x := slot*float32(i) + (slot-barW)/2
		bar.Move(fyne.NewPos(x, textH+plotH-h))
		bar.Resize(fyne.NewSize(barW, h))
		fs := figure.MinSize()
		figure.Move(fyne.NewPos(slot*float32(i)+(slot-fs.Width)/2, textH+plotH-h-fs.Height))
		figure.Resize(fs)
		ls := label.MinSize()
		label.Move(fyne.NewPos(slot*float32(i)+(slot-ls.Width)/2, textH+plotH+2))
		label.Resize(ls)
	}
	base := objs[len(objs)-1].(*canvas.Line)
	base.Position1 = fyne.NewPos(0, textH+plotH)
	base.Position2 = fyne.NewPos(size.Width, textH+plotH)
}

// textStep is how many columns apart figures (or labels) can be shown without touching: 1 when each fits its
// column, 2 for every other one, and so on. Crowded charts (twelve months of thousands on a narrow card)
// thin their texts rather than print them into each other ("3,4 rb3,2 rb").
func textStep(widths []float32, slot float32) int {
	const gap = 4
	if slot <= 0 {
		return max(len(widths), 1)
	}
	widest := float32(0)
	for _, w := range widths {
		widest = max(widest, w)
	}
	step := int(math.Ceil(float64((widest + gap) / slot)))
	return max(step, 1)
}

// Columns draws values as columns with their figures and labels (canvas rectangles and texts).
func Columns(labels []string, values []float64, figures []string, fill color.Color) fyne.CanvasObject {
	top := 0.0
	for _, v := range values {
		if !math.IsNaN(v) {
			top = math.Max(top, v)
		}
	}
	var objs []fyne.CanvasObject
	for i := range values {
		bar := canvas.NewRectangle(fill)
		bar.CornerRadius = 2
		figure := canvas.NewText(figures[i], theme.Color(theme.ColorNameForeground))
		figure.TextSize = theme.CaptionTextSize()
		label := canvas.NewText(labels[i], theme.Color(theme.ColorNamePlaceHolder))
		label.TextSize = theme.CaptionTextSize()
		objs = append(objs, bar, figure, label)
	}
	objs = append(objs, canvas.NewLine(theme.Color(theme.ColorNameSeparator)))
	return container.New(&columnChartLayout{values: values, top: top}, objs...)
}

// shareLayout lays out a bar split in two shares (reached and not yet), each labelled under it.
type shareLayout struct{ share float64 }

func (l *shareLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(200, 22+objs[2].MinSize().Height+4)
}

func (l *shareLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const h = 22
	w := max(size.Width, 0) * float32(math.Max(0, math.Min(1, l.share)))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(max(size.Width, 0), h))
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(w, h))
	for i, o := range objs[2:] {
		s := o.MinSize()
		x := float32(0)
		if i == 1 {
			x = size.Width - s.Width
		}
		o.Move(fyne.NewPos(x, h+4))
		o.Resize(s)
	}
}

// ShareBar draws a share of a whole as one bar: the share in green on a red track, the two figures under
// it (left the share's, right the rest's).
func ShareBar(share float64, left, right string) fyne.CanvasObject {
	track := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	track.CornerRadius = 3
	part := canvas.NewRectangle(theme.Color(theme.ColorNameSuccess))
	part.CornerRadius = 3
	l := canvas.NewText(left, theme.Color(theme.ColorNameForeground))
	r := canvas.NewText(right, theme.Color(theme.ColorNameForeground))
	l.TextSize, r.TextSize = theme.CaptionTextSize(), theme.CaptionTextSize()
	if math.IsNaN(share) {
		share = 0
		track.FillColor = theme.Color(theme.ColorNameInputBackground)
	}
	return container.New(&shareLayout{share: share}, track, part, l, r)
}
