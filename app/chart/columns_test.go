package chart

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// The figures over twelve months of thousands (the large database) never print into each other, however
// narrow the card; wide enough, every figure shows.
func TestColumnChartLabelsNeverOverlap(t *testing.T) {
	test.NewTempApp(t)
	labels := []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
	var values []float64
	var figures []string
	for i := range labels {
		values = append(values, 3000+float64(i*50))
		figures = append(figures, "3,4 rb")
	}
	for _, width := range []float32{200, 330, 500, 900} {
		chart := Columns(labels, values, figures, color.White).(*fyne.Container)
		chart.Resize(fyne.NewSize(width, 160))
		var shown []*canvas.Text
		for i := range values {
			for _, o := range chart.Objects[3*i+1 : 3*i+3] {
				if o.Visible() {
					shown = append(shown, o.(*canvas.Text))
				}
			}
		}
		for i, a := range shown {
			for _, b := range shown[i+1:] {
				if a.Position().Y == b.Position().Y && a.Position().X < b.Position().X+b.Size().Width && b.Position().X < a.Position().X+a.Size().Width {
					t.Errorf("at width %v, %q and %q overlap", width, a.Text, b.Text)
				}
			}
		}
		if width == 900 && len(shown) != 2*len(values) {
			t.Errorf("at width 900 only %d of %d texts show", len(shown), 2*len(values))
		}
		if len(shown) < 4 {
			t.Errorf("at width %v only %d texts show", width, len(shown))
		}
	}
}
