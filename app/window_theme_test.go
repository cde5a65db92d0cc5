package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG 2's contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastFormula(t *testing.T) {
	if got := contrast(color.White, color.Black); math.Abs(got-21) > 0.01 {
		t.Errorf("white on black = %.2f, want 21", got)
	}
	// Fyne's own disabled grey on its dark background: the unreadable case this theme fixes
	if got := contrast(theme.DefaultTheme().Color(theme.ColorNameDisabled, theme.VariantDark),
		theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)); got >= 4.5 {
		t.Errorf("Fyne's disabled grey reaches %.2f already", got)
	}
}

// Secondary text (low-importance labels, drawn in the disabled colour, and placeholders) reaches WCAG AA
// (4.5:1) on every background it sits on, in both variants.
func TestSecondaryTextContrast(t *testing.T) {
	u, _ := newTestUI(t, false)
	th, ok := u.app.Settings().Theme().(appTheme)
	if !ok {
		t.Fatalf("the window runs on %T", u.app.Settings().Theme())
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		for _, fg := range []fyne.ThemeColorName{theme.ColorNameDisabled, theme.ColorNamePlaceHolder, theme.ColorNameForeground} {
			for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground,
				theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground} {
				if got := contrast(th.Color(fg, v), th.Color(bg, v)); got < 4.5 {
					t.Errorf("variant %d: %s on %s has contrast %.2f, below 4.5", v, fg, bg, got)
				}
			}
		}
	}
}
