package assets

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/theme"

	"github.com/pembina/pembina/assets/fonts"
)

// TestFontsSameAsTheWindow: the documents' Noto Sans (assets/fonts) is byte for byte the font the window
// shows, so that a Fyne update that changes its font is noticed here. It sits in assets, which may import
// Fyne; assets/fonts may not, as the command line links it.
func TestFontsSameAsTheWindow(t *testing.T) {
	for _, f := range []struct {
		name       string
		ours, fyne []byte
	}{
		{"Regular", fonts.Regular, theme.DefaultTextFont().Content()},
		{"Bold", fonts.Bold, theme.DefaultTextBoldFont().Content()},
		{"Italic", fonts.Italic, theme.DefaultTextItalicFont().Content()},
		{"BoldItalic", fonts.BoldItalic, theme.DefaultTextBoldItalicFont().Content()},
	} {
		if len(f.ours) < 100_000 || !bytes.Equal(f.ours, f.fyne) {
			t.Errorf("%s: %d bytes, Fyne's %d, not the same file", f.name, len(f.ours), len(f.fyne))
		}
	}
}
