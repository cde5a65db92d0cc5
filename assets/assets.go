// Package assets holds what is embedded in the binary: the icon and the translations.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Translations holds translations/en.json (the English of every Indonesian source string) and
// translations/id.json (Indonesian for Fyne's own words: Batal, Simpan, the file dialog).
//
//go:embed translations/*.json
var Translations embed.FS

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
