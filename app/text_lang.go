package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/pembina/pembina/assets"
)

// Languages are the languages the interface speaks, Indonesian first.
var Languages = []struct{ Code, Name string }{{"id", "Bahasa Indonesia"}, {"en", "English"}}

// fyneLocales are the locales Fyne ships translations for, plus Indonesian and English. Fyne picks one of them
// from the operating system's language; applyLanguage overrides them all, so the choice made in Pengaturan
// wins on every system (Windows ignores LANG).
var fyneLocales = []fyne.Locale{"en", "id", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// applyLanguage makes every string of the interface, Fyne's own words included, speak code ("id" or "en").
// Widgets made before the call keep their text: the window rebuilds its pages afterwards.
func applyLanguage(code string) error {
	en, err := englishTranslations()
	if err != nil {
		return err
	}
	messages := en
	if code != "en" {
		id, err := readTranslations("translations/id.json")
		if err != nil {
			return err
		}
		// Source strings are Indonesian: map each to itself, then give Fyne's English keys their Indonesian.
		messages = make(map[string]string, len(en))
		for k := range en {
			messages[k] = k
		}
		for k, v := range id {
			messages[k] = v
		}
	}
	b, err := json.Marshal(messages)
	if err != nil {
		return err
	}
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(b, l); err != nil {
			return fmt.Errorf("translations for %s: %w", l, err)
		}
	}
	interfaceLanguage = code
	if code != "en" {
		interfaceLanguage = "id"
	}
	return nil
}

// englishTranslations merges en.json with every <area>.en.json beside it: each part of the window keeps its
// English in a file of its own.
func englishTranslations() (map[string]string, error) {
	entries, err := assets.Translations.ReadDir("translations")
	if err != nil {
		return nil, err
	}
	all := map[string]string{}
	for _, e := range entries {
		if e.Name() != "en.json" && !strings.HasSuffix(e.Name(), ".en.json") {
			continue
		}
		m, err := readTranslations("translations/" + e.Name())
		if err != nil {
			return nil, err
		}
		for k, v := range m {
			all[k] = v
		}
	}
	return all, nil
}

func readTranslations(name string) (map[string]string, error) {
	b, err := assets.Translations.ReadFile(name)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// L translates an Indonesian source string into the interface language; data fills {{.Name}} placeholders.
func L(s string, data ...any) string { return lang.L(s, data...) }
