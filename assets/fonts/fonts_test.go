package fonts

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/theme"
)

// TestSameAsTheWindow: the documents' Noto Sans is byte for byte the font the window shows, so that a Fyne
// update that changes its font is noticed here.
func TestSameAsTheWindow(t *testing.T) {
	for _, f := range []struct {
		name       string
		ours, fyne []byte
	}{
		{"Regular", Regular, theme.DefaultTextFont().Content()},
		{"Bold", Bold, theme.DefaultTextBoldFont().Content()},
		{"Italic", Italic, theme.DefaultTextItalicFont().Content()},
		{"BoldItalic", BoldItalic, theme.DefaultTextBoldItalicFont().Content()},
	} {
		if len(f.ours) < 100_000 || !bytes.Equal(f.ours, f.fyne) {
			t.Errorf("%s: %d bytes, Fyne's %d, not the same file", f.name, len(f.ours), len(f.fyne))
		}
	}
}
