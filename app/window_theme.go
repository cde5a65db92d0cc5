package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's theme with secondary text readable: Fyne draws low-importance labels (notes, hints, the
// small print under a figure) in the disabled colour, which on its own themes has a contrast of about 1.5:1,
// and light placeholders reach about 3:1. Both are raised to WCAG AA's 4.5:1 on every background they sit on
// (window, input, overlay, menu), in the dark and the light variant; a test computes the ratios.
type appTheme struct{ fyne.Theme }

var (
	secondaryDark    = color.NRGBA{R: 0x95, G: 0x95, B: 0x9a, A: 0xff}
	secondaryLight   = color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xff}
	placeholderLight = color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
)

func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameDisabled:
		if v == theme.VariantLight {
			return secondaryLight
		}
		return secondaryDark
	case theme.ColorNamePlaceHolder:
		if v == theme.VariantLight {
			return placeholderLight
		}
	}
	return t.Theme.Color(n, v)
}
