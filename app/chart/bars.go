// Package chart draws the window's figures with Fyne canvas objects: labelled bars, column charts, a share bar
// and the importance-performance chart of an evaluation. It queries nothing and translates nothing: callers pass
// the figures and the words, already in the window's language.
package chart

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
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

// CategoryColour colours a bar by the category of its mean: the best category green, the next the primary
// colour, the middle ones orange and the lowest red.
func CategoryColour(sc data.Scale, mean float64) color.Color {
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

// BarRow is a labelled bar with its figure on the right: "Kenyataan ████░░ 3,45 Baik". Labels and figures
// have fixed widths, so that the bars of a block line up.
func BarRow(label string, labelWidth float32, value, max float64, fill color.Color, figure string) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.Truncation = fyne.TextTruncateEllipsis
	left := container.New(&FixedWidth{Width: labelWidth}, l)
	right := container.New(&FixedWidth{Width: 230}, widget.NewLabel(figure))
	return container.NewBorder(nil, nil, left, right, newBar(value, max, fill))
}

// FixedWidth is a layout that gives its content a fixed width (and its natural height), so that labels and
// fields of successive rows line up.
type FixedWidth struct{ Width float32 }

// MinSize is the fixed width and the tallest object's height.
func (f *FixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.Width, h)
}

// Layout gives every object the whole size.
func (f *FixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
