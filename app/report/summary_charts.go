package report

import (
	"math"
	"strconv"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
)

// Charts of the evaluation summary are drawn by hand as vectors (docs/FYNE-NOTES.md: about 0,6 ms a chart, no image and
// no dependency): rectangles, lines and text of the document's own font, sharp at any zoom and in print.

type rgb struct{ r, g, b int }

var (
	colourBest   = rgb{46, 150, 70}   // the top category
	colourGood   = rgb{52, 110, 190}  // the one below
	colourMiddle = rgb{232, 145, 40}  // those in between
	colourLow    = rgb{200, 55, 50}   // the lowest
	colourTrack  = rgb{232, 232, 232} // the empty part of a bar
	colourGrid   = rgb{205, 205, 205}
	colourPre    = rgb{150, 170, 200}
	colourPost   = rgb{46, 150, 70}
	colourBar    = rgb{52, 110, 190}
)

func fill(doc *pdf.Doc, c rgb)   { doc.SetFillColor(c.r, c.g, c.b) }
func stroke(doc *pdf.Doc, c rgb) { doc.SetDrawColor(c.r, c.g, c.b) }

// categoryColour colours a mean by the category it falls in on its scale, as the window does: the best
// category green, the next blue, the lowest red, those in between orange.
func categoryColour(sc data.Scale, mean float64) rgb {
	switch sc.Standing(mean) {
	case data.StandingNone:
		return colourTrack
	case data.StandingBest:
		return colourBest
	case data.StandingGood:
		return colourGood
	case data.StandingLowest:
		return colourLow
	}
	return colourMiddle
}

// quadrantColour colours an importance × performance item by its quadrant.
func quadrantColour(q analysis.Quadrant) rgb {
	switch q {
	case analysis.QuadrantPriority:
		return colourLow
	case analysis.QuadrantKeep:
		return colourBest
	case analysis.QuadrantLow:
		return colourMiddle
	}
	return colourGood
}

// scaleBar draws a mean as a horizontal bar on its scale from (x, y), w wide and h high: a grey track from the
// scale's minimum to its maximum and the mean's part of it in the colour of its category.
func scaleBar(doc *pdf.Doc, x, y, w, h float64, sc data.Scale, mean float64) {
	fill(doc, colourTrack)
	doc.Rect(x, y, w, h, "F")
	if math.IsNaN(mean) {
		return
	}
	frac := math.Max(0, math.Min(1, (mean-sc.Min())/(sc.Max()-sc.Min())))
	fill(doc, categoryColour(sc, mean))
	doc.Rect(x, y, w*frac, h, "F")
}

// columnChart draws vertical bars of values between 0 and top over a w × h area at (x, y): a light grid at
// every quarter with its labels on the left, each bar's value above it and its label below.
type columnChart struct {
	labels []string
	values []float64 // NaN draws no bar
	top    float64
	format func(float64) string
	grid   func(float64) string
	colour func(i int) rgb
}

// chartAxisW and chartLabelH are the room a column chart keeps for its scale on the left and its labels below.
const chartAxisW, chartLabelH = 12.0, 5.0

// plotGrid draws a column chart's light grid at every quarter of its height, each line labelled on the left,
// and returns the plot's left edge, width and height.
func plotGrid(doc *pdf.Doc, x, y, w, h float64, label func(quarter int) string) (plotX, plotW, plotH float64) {
	plotX, plotW, plotH = x+chartAxisW, w-chartAxisW, h-chartLabelH
	doc.SetLineWidth(0.15)
	doc.SetFont(pdf.Font, "", 6.5)
	doc.SetTextColor(90, 90, 90)
	for q := 0; q <= 4; q++ {
		gy := y + plotH - plotH*float64(q)/4
		stroke(doc, colourGrid)
		doc.Line(plotX, gy, plotX+plotW, gy)
		doc.SetXY(x, gy-2)
		doc.CellFormat(chartAxisW-1.5, 4, label(q), "", 0, "R", false, 0, "")
	}
	return plotX, plotW, plotH
}

// baseLine closes a column chart with its base line and puts the colours back.
func baseLine(doc *pdf.Doc, plotX, y, plotW float64) {
	stroke(doc, rgb{120, 120, 120})
	doc.Line(plotX, y, plotX+plotW, y)
	doc.SetTextColor(0, 0, 0)
	doc.SetDrawColor(0, 0, 0)
}

func (c columnChart) draw(doc *pdf.Doc, x, y, w, h float64) {
	plotX, plotW, plotH := plotGrid(doc, x, y, w, h, func(q int) string { return c.grid(c.top * float64(q) / 4) })
	n := max(len(c.values), 1)
	slot := plotW / float64(n)
	barW := math.Min(slot*0.7, 14)
	every := max(1, int(math.Ceil(float64(n)/40))) // at most 40 labels below the bars
	for i, v := range c.values {
		bx := plotX + slot*float64(i) + (slot-barW)/2
		if !math.IsNaN(v) && c.top > 0 {
			bh := plotH * math.Max(0, math.Min(1, v/c.top))
			fill(doc, c.colour(i))
			doc.Rect(bx, y+plotH-bh, barW, bh, "F")
			if n <= 30 {
				doc.SetFont(pdf.Font, "", 6)
				doc.SetXY(bx-3, y+plotH-bh-3.6)
				doc.CellFormat(barW+6, 3.5, c.format(v), "", 0, "C", false, 0, "")
			}
		}
		if i%every == 0 {
			doc.SetFont(pdf.Font, "", 6.5)
			doc.SetXY(plotX+slot*float64(i)-2, y+plotH+0.8)
			doc.CellFormat(slot+4, 3.5, c.labels[i], "", 0, "C", false, 0, "")
		}
	}
	baseLine(doc, plotX, y+plotH, plotW)
}

// groupedColumns draws pairs of bars (a pre-test and a post-test share per item) on a 0–100% scale.
func groupedColumns(doc *pdf.Doc, x, y, w, h float64, labels []string, a, b []float64) {
	plotX, plotW, plotH := plotGrid(doc, x, y, w, h, func(q int) string { return strconv.Itoa(q*25) + "%" })
	n := max(len(labels), 1)
	slot := plotW / float64(n)
	barW := math.Min(slot*0.38, 7)
	for i := range labels {
		cx := plotX + slot*float64(i) + slot/2
		for k, v := range []float64{a[i], b[i]} {
			if math.IsNaN(v) {
				continue
			}
			bh := plotH * math.Max(0, math.Min(1, v))
			fill(doc, []rgb{colourPre, colourPost}[k])
			doc.Rect(cx-barW+float64(k)*barW, y+plotH-bh, barW*0.95, bh, "F")
		}
		doc.SetXY(cx-slot/2-2, y+plotH+0.8)
		doc.CellFormat(slot+4, 3.5, labels[i], "", 0, "C", false, 0, "")
	}
	baseLine(doc, plotX, y+plotH, plotW)
}

// legendKey draws a small coloured square with its label and returns the x after it.
func legendKey(doc *pdf.Doc, x, y float64, c rgb, label string) float64 {
	fill(doc, c)
	doc.Rect(x, y+0.8, 3, 3, "F")
	doc.SetFont(pdf.Font, "", 7.5)
	doc.SetXY(x+4, y)
	w := doc.GetStringWidth(label) + 2
	doc.CellFormat(w, 4.6, label, "", 0, "L", false, 0, "")
	return x + 4 + w + 3
}

// quadrantChart draws the importance × performance chart at (x, y) in a w × h box: importance across,
// performance up, the cross lines at the means of the items, each item a numbered dot in its quadrant's
// colour, and each quadrant's name in its corner. The axes span the items' means a little beyond, so that
// the quadrants stay readable when every mean lies between 3 and 4.
func quadrantChart(doc *pdf.Doc, x, y, w, h float64, res *analysis.IPAResult) {
	loX, hiX, loY, hiY := res.Importance, res.Importance, res.Performance, res.Performance
	for _, it := range res.Items {
		loX, hiX = math.Min(loX, it.Importance), math.Max(hiX, it.Importance)
		loY, hiY = math.Min(loY, it.Performance), math.Max(hiY, it.Performance)
	}
	padX, padY := math.Max(0.15, (hiX-loX)*0.15), math.Max(0.15, (hiY-loY)*0.15)
	loX, hiX, loY, hiY = loX-padX, hiX+padX, loY-padY, hiY+padY
	const left, bottom = 10.0, 8.0
	px := func(v float64) float64 { return x + left + (v-loX)/(hiX-loX)*(w-left) }
	py := func(v float64) float64 { return y + (h - bottom) - (v-loY)/(hiY-loY)*(h-bottom) }
	doc.SetLineWidth(0.2)
	stroke(doc, rgb{140, 140, 140})
	doc.Rect(x+left, y, w-left, h-bottom, "D")
	doc.SetDashPattern([]float64{1, 0.8}, 0)
	doc.Line(px(res.Importance), y, px(res.Importance), y+h-bottom)
	doc.Line(x+left, py(res.Performance), x+w, py(res.Performance))
	doc.SetDashPattern(nil, 0)
	// Scale marks at the means and the box's ends.
	doc.SetFont(pdf.Font, "", 6.5)
	doc.SetTextColor(90, 90, 90)
	for _, v := range []float64{loX, res.Importance, hiX} {
		doc.SetXY(px(v)-8, y+h-bottom+0.5)
		doc.CellFormat(16, 3.5, indo.Decimal(v, 2), "", 0, "C", false, 0, "")
	}
	for _, v := range []float64{loY, res.Performance, hiY} {
		doc.SetXY(x, py(v)-1.8)
		doc.CellFormat(left-1, 3.5, indo.Decimal(v, 2), "", 0, "R", false, 0, "")
	}
	doc.SetXY(x+left, y+h-4)
	doc.CellFormat(w-left, 4, "Harapan (kepentingan)", "", 0, "C", false, 0, "")
	// Quadrant I (important, performing below average) is bottom right.
	corner := map[analysis.Quadrant][2]float64{
		analysis.QuadrantPriority: {x + w, y + h - bottom}, analysis.QuadrantKeep: {x + w, y},
		analysis.QuadrantLow: {x + left, y + h - bottom}, analysis.QuadrantExcess: {x + left, y},
	}
	doc.SetFont(pdf.Font, "I", 6.5)
	for _, q := range analysis.Quadrants {
		c := corner[q]
		align, cy := "L", c[1]+1
		cx := c[0] + 1.5
		if c[0] > x+left {
			align, cx = "R", c[0]-41.5
		}
		if c[1] > y {
			cy = c[1] - 4.5
		}
		colour := quadrantColour(q)
		doc.SetTextColor(colour.r, colour.g, colour.b)
		doc.SetXY(cx, cy)
		doc.CellFormat(40, 3.5, q.Label(), "", 0, align, false, 0, "")
	}
	doc.SetFont(pdf.Font, "B", 6.5)
	doc.SetTextColor(0, 0, 0)
	for _, it := range res.Items {
		cx, cy := px(it.Importance), py(it.Performance)
		fill(doc, quadrantColour(it.Quadrant))
		doc.Circle(cx, cy, 1.3, "F")
		doc.SetXY(cx+1.5, cy-1.8)
		doc.CellFormat(6, 3.5, strconv.Itoa(it.Number), "", 0, "L", false, 0, "")
	}
	doc.SetDrawColor(0, 0, 0)
	doc.SetLineWidth(0.2)
}

// percentLabel writes a share as "87,5%".
func percentLabel(v float64) string { return indo.Percent(v, 1) }
