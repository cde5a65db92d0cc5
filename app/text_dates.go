package app

import (
	"fmt"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// interfaceLanguage is the language the window speaks ("id" or "en"), set by applyLanguage. Dates on screen
// follow it; documents (certificates, sign-in sheets, letters) stay in Indonesian whatever the window speaks.
var interfaceLanguage = "id"

func english() bool { return interfaceLanguage == "en" }

// uiDate writes a day in the window's language: "28 November 2026" either way, "28 Desember" / "28 December".
func uiDate(t time.Time) string {
	if english() {
		return t.Format("2 January 2006")
	}
	return indo.Date(t)
}

// uiDateWithDay writes "Sabtu, 28 November 2026" or "Saturday, 28 November 2026".
func uiDateWithDay(t time.Time) string {
	if english() {
		return t.Format("Monday, 2 January 2006")
	}
	return indo.DateWithDay(t)
}

// uiMonth names a month in the window's language.
func uiMonth(m time.Month) string {
	if english() {
		return m.String()
	}
	return indo.Month(m)
}

// uiDateRange writes a span like indo.DateRange, in English "12–14 March 2026", "28 November – 2 December 2026".
func uiDateRange(from, to time.Time) string {
	if !english() {
		return indo.DateRange(from, to)
	}
	switch {
	case !to.After(from) || from.Year() == to.Year() && from.YearDay() == to.YearDay():
		return uiDate(from)
	case from.Year() == to.Year() && from.Month() == to.Month():
		return fmt.Sprintf("%d–%s", from.Day(), uiDate(to))
	case from.Year() == to.Year():
		return fmt.Sprintf("%d %s – %s", from.Day(), from.Month(), uiDate(to))
	}
	return uiDate(from) + " – " + uiDate(to)
}
