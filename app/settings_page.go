package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// settingsState is what Pengaturan keeps while it is rebuilt (a language switch): the tab shown and the
// edits not saved yet, so that switching the language loses no work.
type settingsState struct {
	tab   int
	draft *institutionDraft
}

// settingsPage is Pengaturan: the institution, signatories, defaults for new programs, the database and its
// backups, and the language, one tab each.
func (u *UI) settingsPage() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(L("Pengaturan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = "headingText"
	if u.settings.draft == nil {
		in, err := u.store.Institution(context.Background())
		if err != nil {
			u.showError(err)
			in = &data.Institution{TimeZone: "WIB", DefaultScale: "1-4", CertificateKind: "sertifikat", AttendanceThreshold: 80}
		}
		u.settings.draft = newInstitutionDraft(in)
	}
	signatories := u.signatoriesTab()
	tabs := container.NewAppTabs(
		container.NewTabItem(L("Identitas instansi"), u.institutionTab(u.settings.draft)),
		container.NewTabItem(L("Penandatangan"), signatories.view),
		container.NewTabItem(L("Nilai bawaan"), u.defaultsTab(u.settings.draft)),
		container.NewTabItem(L("Basis data & cadangan"), u.db.tab()),
		container.NewTabItem(L("Bahasa"), u.languageTab()),
		container.NewTabItem(L("Mode kios"), u.kioskTab()),
		container.NewTabItem(L("Unit kerja"), u.unitsTab().view),
		container.NewTabItem(L("Surat"), u.lettersTab()),
	)
	tabs.SelectIndex(u.settings.tab)
	tabs.OnSelected = func(*container.TabItem) { u.settings.tab = tabs.SelectedIndex() }
	setup := widget.NewButtonWithIcon(L("Pengaturan awal…"), theme.SettingsIcon(), u.showSetup)
	view := container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, nil, setup, heading)), nil, nil, nil, tabs)
	return withCommands(view, viewCommands{New: func() {
		tabs.SelectIndex(settingsTabSignatories)
		signatories.edit(nil)
	}})
}

// The tabs of Pengaturan, in order.
const (
	settingsTabInstitution = iota
	settingsTabSignatories
	settingsTabDefaults
	settingsTabDatabase
	settingsTabLanguage
	settingsTabKiosk
	settingsTabUnits
	settingsTabLetters
)

// refreshSettings rebuilds Pengaturan when it is the page shown (after a backup, to list it).
func (u *UI) refreshSettings() {
	for i, p := range u.pages {
		if p.key != "settings" {
			continue
		}
		p.view = nil
		if u.nav != nil && u.current == i && u.currentView() != nil {
			u.show(i)
		}
	}
}

// languageTab chooses the interface language; the window is rebuilt in place, on the same page and tab.
func (u *UI) languageTab() fyne.CanvasObject {
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
	note := hintLabel(L("Bahasa antarmuka berlaku segera, tanpa kehilangan isian yang belum disimpan. Dokumen resmi (sertifikat, daftar hadir, laporan) selalu berbahasa Indonesia."))
	form := widget.NewForm(widget.NewFormItem(L("Bahasa"), language))
	return container.NewVScroll(container.NewPadded(container.NewVBox(form, note)))
}

// hintLabel is a line of help under a field: smaller than the field's text but as readable (the low
// importance colour is too faint on the dark theme).
func hintLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}
