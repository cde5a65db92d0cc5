package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// comingSoon is a page or tab that is not built yet: it says, in the interface language, what will come
// there, so that no panel is ever empty.
func comingSoon(title, what string) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(L(title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	body := widget.NewLabel(L(what))
	body.Wrapping = fyne.TextWrapWord
	note := widget.NewLabelWithStyle(L("Bagian ini sedang disiapkan dan hadir pada versi berikutnya."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	note.Importance = widget.LowImportance
	return container.NewPadded(container.NewVBox(container.NewHBox(widget.NewIcon(theme.InfoIcon()), heading), body, note))
}
