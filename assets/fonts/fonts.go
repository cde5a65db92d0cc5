// Package fonts holds Noto Sans, the typeface of every PDF Pembina writes, in its four styles. The files are
// the ones Fyne 2.7.1 bundles as its default text font (fyne.io/fyne/v2/theme/font, Noto Sans 2.000), so that
// the documents read as the window does; they are copied here so that the documents (app/report) and the
// command line do not link Fyne for their bytes.
//
// Noto Sans is Copyright 2015 Google Inc., under the SIL Open Font License 1.1 (OFL.txt beside this file),
// which allows the fonts to be bundled and embedded with software; the PDFs embed subsets of them.
package fonts

import _ "embed"

// Regular, Bold, Italic and BoldItalic are the TrueType files of the four styles.
var (
	//go:embed NotoSans-Regular.ttf
	Regular []byte
	//go:embed NotoSans-Bold.ttf
	Bold []byte
	//go:embed NotoSans-Italic.ttf
	Italic []byte
	//go:embed NotoSans-BoldItalic.ttf
	BoldItalic []byte
)
