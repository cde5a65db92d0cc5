package data

import (
	"strings"
	"unicode"
)

// CleanLine returns s as a one-line value (a name, a title, a unit): control characters removed (ESC, NUL,
// BEL and the like, which a terminal would obey when `pembina list` echoes them, and which no document can
// draw), bidirectional overrides removed (they make text read differently from what is stored), tabs and
// line breaks turned into spaces, runs of spaces collapsed and the ends trimmed. Letters of every script,
// emoji and their joiners stay. Every Normalize of the domain cleans its single-line fields with it.
func CleanLine(s string) string {
	if cleanASCIILine(s) {
		return s // no copy: a list of 199,990 people held 30 MB of copies of values that were clean already
	}
	return strings.Join(strings.Fields(stripControls(s, false)), " ")
}

// cleanASCIILine reports whether s is plain ASCII that CleanLine would leave as it is: printable characters,
// single spaces between words, none at the ends. Anything else takes CleanLine's full path.
func cleanASCIILine(s string) bool {
	space := true // a space here would lead the value
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7F:
			return false
		case c == ' ' && space:
			return false
		default:
			space = c == ' '
		}
	}
	return !space || s == ""
}

// CleanText is CleanLine for text that may span lines (a description, a question, a comment): line breaks
// stay, as \n, with trailing spaces of each line and blank lines at the ends removed.
func CleanText(s string) string {
	s = stripControls(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), true)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n ")
}

// stripControls removes control characters and bidirectional overrides and invalid UTF-8 from s; tabs become
// spaces, and line feeds stay when keepLines (otherwise they become spaces).
func stripControls(s string, keepLines bool) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || (r >= 0x7F && r < 0xA0) || isBidiControl(r) || r == unicode.ReplacementChar {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' && keepLines:
			return r
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			return ' '
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || isBidiControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// isBidiControl reports whether r is an embedding, override or isolate of the Unicode bidirectional algorithm.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}
