// Package indo writes dates, numbers and counts the way Indonesian official documents do: "Sabtu, 28 November
// 2026", "12 s.d. 14 Maret 2026", "1.234,5", "20 (dua puluh)", Roman numerals for batches and months.
package indo

import (
	"fmt"
	"strings"
	"time"
)

// Months are the Indonesian month names, January first.
var Months = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
	"Oktober", "November", "Desember"}

// Days are the Indonesian day names, indexed by time.Weekday (Sunday first).
var Days = [7]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// Month returns the Indonesian name of m.
func Month(m time.Month) string { return Months[m-1] }

// Date writes "28 November 2026".
func Date(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), Month(t.Month()), t.Year())
}

// DateWithDay writes "Sabtu, 28 November 2026".
func DateWithDay(t time.Time) string {
	return Days[t.Weekday()] + ", " + Date(t)
}

// DateRange writes a span as official letters do: "28 November 2026" for one day, "12 s.d. 14 Maret 2026"
// within a month, "28 November s.d. 2 Desember 2026" within a year, full dates on both sides otherwise.
func DateRange(from, to time.Time) string {
	switch {
	case sameDay(from, to) || to.Before(from):
		return Date(from)
	case from.Year() == to.Year() && from.Month() == to.Month():
		return fmt.Sprintf("%d s.d. %s", from.Day(), Date(to))
	case from.Year() == to.Year():
		return fmt.Sprintf("%d %s s.d. %s", from.Day(), Month(from.Month()), Date(to))
	}
	return Date(from) + " s.d. " + Date(to)
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// TimeRange writes a session's time as sign-in sheets show it: "08.00 – 09.30 WIB". start and end are "HH:MM".
func TimeRange(start, end, zone string) string {
	s := strings.ReplaceAll(start, ":", ".")
	if end != "" {
		s += " – " + strings.ReplaceAll(end, ":", ".")
	}
	if zone != "" {
		s += " " + zone
	}
	return s
}
