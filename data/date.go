package data

import (
	"strings"
	"time"
)

// DateLayout is how dates are stored and exchanged on the command line: ISO 8601, "2026-11-28".
const DateLayout = "2006-01-02"

// ParseDate reads "2026-11-28" (stored form) or "28/11/2026", "28-11-2026" (how coordinators type and Excel
// shows dates in Indonesia). The result is midnight UTC, so dates compare and subtract without time zones.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{DateLayout, "02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, Errorf(KindInvalid, "tanggal %q tidak dikenali; tulis sebagai HH/BB/TTTT, misalnya 28/11/2026", s)
}

// FormatDate writes the stored form of a date, or "" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// Day truncates t to its calendar day in UTC, dropping the clock.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ValidClock reports whether s is a time of day "HH:MM" between 00:00 and 23:59.
func ValidClock(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	_, err := time.Parse("15:04", s)
	return err == nil
}

// TimeZones are the Indonesian time zones, west to east.
var TimeZones = []string{"WIB", "WITA", "WIT"}

func validTimeZone(z string) bool {
	for _, t := range TimeZones {
		if z == t {
			return true
		}
	}
	return false
}
