package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// stamp is a timestamp cell taken apart; day and month are told apart per column (readTimestamps).
type stamp struct {
	y, a, b      int // year, then the two other date numbers in the order written
	yearFirst    bool
	h, m, s      int
	zone         *time.Location // from a "GMT+7" suffix; nil when none
	serial       float64        // an Excel date serial, when the cell is a number
	isSerial, ok bool
}

var zoneSuffix = regexp.MustCompile(`(?i)\s*(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*$`)
var clockPart = regexp.MustCompile(`(?i)^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$`)

func parseStamp(cell string, numeric bool) stamp {
	s := strings.TrimSpace(cell)
	if s == "" {
		return stamp{}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && (numeric || strings.Contains(s, ".")) && v > 20000 && v < 80000 {
		return stamp{serial: v, isSerial: true, ok: true}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return stamp{y: t.Year(), a: int(t.Month()), b: t.Day(), yearFirst: true, h: t.Hour(), m: t.Minute(), s: t.Second(),
			zone: t.Location(), ok: true}
	}
	var st stamp
	if m := zoneSuffix.FindStringSubmatch(s); m != nil {
		hours, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		off := hours*3600 + mins*60
		if m[1] == "-" {
			off = -off
		}
		st.zone = time.FixedZone("", off)
		s = strings.TrimSpace(s[:len(s)-len(m[0])])
	}
	date, clock, _ := strings.Cut(s, " ")
	clock = strings.TrimSpace(clock)
	parts := strings.FieldsFunc(date, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return stamp{}
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return stamp{}
		}
		n[i] = v
	}
	if len(parts[0]) == 4 {
		st.y, st.a, st.b, st.yearFirst = n[0], n[1], n[2], true
	} else {
		st.a, st.b, st.y = n[0], n[1], n[2]
		if st.y < 100 {
			st.y += 2000
		}
	}
	if clock != "" {
		m := clockPart.FindStringSubmatch(strings.ReplaceAll(clock, " ", ""))
		if m == nil {
			m = clockPart.FindStringSubmatch(clock)
		}
		if m == nil {
			return stamp{}
		}
		st.h, _ = strconv.Atoi(m[1])
		st.m, _ = strconv.Atoi(m[2])
		st.s, _ = strconv.Atoi(m[3])
		switch strings.ToLower(strings.ReplaceAll(m[4], ".", "")) {
		case "pm":
			if st.h < 12 {
				st.h += 12
			}
		case "am":
			if st.h == 12 {
				st.h = 0
			}
		}
	}
	st.ok = true
	return st
}

// readTimestamps reads a column of timestamps into UTC instants. Dates written d/m/y (Indonesian) or m/d/y
// (an English spreadsheet) are told apart by the column: a first number above 12 means day first, a second
// one above 12 means month first, and day first is the default. Times without a zone are in loc. ok[i] is
// false for an empty or unreadable cell.
func readTimestamps(cells []string, numeric func(i int) bool, loc *time.Location) (out []time.Time, ok []bool) {
	stamps := make([]stamp, len(cells))
	monthFirst := false
	for i, c := range cells {
		stamps[i] = parseStamp(c, numeric(i))
		if st := stamps[i]; st.ok && !st.isSerial && !st.yearFirst && st.b > 12 && st.a <= 12 {
			monthFirst = true
		}
	}
	out, ok = make([]time.Time, len(cells)), make([]bool, len(cells))
	for i, st := range stamps {
		if !st.ok {
			continue
		}
		if st.isSerial {
			t, err := excelize.ExcelDateToTime(st.serial, false)
			if err != nil {
				continue
			}
			t = t.Round(time.Second)
			out[i] = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc).UTC()
			ok[i] = true
			continue
		}
		day, month := st.b, st.a
		if !st.yearFirst && !monthFirst {
			day, month = st.a, st.b
		}
		if month < 1 || month > 12 || day < 1 || day > 31 || st.h > 23 || st.m > 59 || st.s > 59 {
			continue
		}
		z := loc
		if st.zone != nil {
			z = st.zone
		}
		t := time.Date(st.y, time.Month(month), day, st.h, st.m, st.s, 0, z)
		if t.Day() != day {
			continue // 31 June
		}
		out[i], ok[i] = t.UTC(), true
	}
	return out, ok
}

// zoneOf is the location of an Indonesian time zone name (WIB, WITA, WIT).
func zoneOf(name string) *time.Location {
	hours := 7
	switch name {
	case "WITA":
		hours = 8
	case "WIT":
		hours = 9
	}
	return time.FixedZone(name, hours*3600)
}
