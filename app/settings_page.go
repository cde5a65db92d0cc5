package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// settingsPage is Pengaturan: the database in use and the interface language.
func (u *UI) settingsPage() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(L("Pengaturan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = "headingText"

	path := widget.NewLabel(u.store.Path())
	path.Wrapping = fyne.TextWrapBreak
	path.Selectable = true

	names := make([]string, len(Languages))
	current := 0
	code, _ := u.store.Setting(context.Background(), "language", "id")
	for i, l := range Languages {
		names[i] = l.Name
		if l.Code == code {
			current = i
		}
	}
	language := widget.NewSelect(names, nil)
	language.SetSelectedIndex(current)
	language.OnChanged = func(string) {
		if err := u.SetLanguage(Languages[language.SelectedIndex()].Code); err != nil {
			u.showError(err)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem(L("Berkas basis data"), path),
		widget.NewFormItem(L("Bahasa"), language),
	)
	return container.NewVScroll(container.NewPadded(container.NewVBox(heading, form)))
}
