package data

import "strings"

// frontTitles are the titles written before a name in Indonesian lists (academic, professional and religious):
// "Dr.", "Drs.", "Dra.", "Ir.", "H.", "Hj.", "Prof.", "dr.", "drg.", "Ns.", "apt.", "KH.". Abbreviated given
// names such as "Moh." or "Muh." are part of the name, not titles.
var frontTitles = map[string]bool{"prof": true, "dr": true, "drs": true, "dra": true, "ir": true, "h": true, "hj": true,
	"drg": true, "ns": true, "apt": true, "kh": true, "hc": true}

// IsFrontTitle reports whether a word is a title written before a name ("Dr.", "Hj.").
func IsFrontTitle(word string) bool {
	w := strings.ToLower(strings.Trim(strings.TrimSpace(word), ".,"))
	return frontTitles[w]
}

// SplitTitles separates a full name as lists write it into front titles, the name and back titles:
// "Dr. H. Asep Saepudin, M.Pd." gives ("Dr. H.", "Asep Saepudin", "M.Pd."), and "Siti Aminah, S.Pd., M.Pd."
// gives ("", "Siti Aminah", "S.Pd., M.Pd."). Back titles follow the first comma, as Indonesian convention
// writes them; front titles are the known title words at the start.
func SplitTitles(full string) (front, name, back string) {
	full = strings.Join(strings.Fields(full), " ")
	name = full
	if i := strings.Index(name, ","); i >= 0 {
		back = strings.Trim(strings.TrimSpace(name[i+1:]), ",")
		back = strings.TrimSpace(back)
		name = strings.TrimSpace(name[:i])
	}
	words := strings.Fields(name)
	n := 0
	// "H" without its dot may be an initial; the other titles are unambiguous with or without one.
	for n < len(words)-1 && IsFrontTitle(words[n]) && (strings.HasSuffix(words[n], ".") || !strings.EqualFold(words[n], "h")) {
		n++
	}
	return strings.Join(words[:n], " "), strings.Join(words[n:], " "), back
}

// SplitTitleWords sorts the words of a title column ("GELAR": "Dr. M.Pd.") into those written before the name
// and those written after it.
func SplitTitleWords(titles string) (front, back string) {
	var f, b []string
	for _, w := range strings.Fields(strings.ReplaceAll(titles, ",", ", ")) {
		if IsFrontTitle(w) && len(b) == 0 {
			f = append(f, w)
		} else {
			b = append(b, w)
		}
	}
	return strings.Join(f, " "), strings.TrimRight(strings.Join(b, " "), ", ")
}

// NormalizeEmploymentStatus reads the employment status as lists write it ("pns", "P3K", "honorer", "GTT",
// "PPPK paruh waktu") into one of EmploymentStatuses; ok is false for a value it cannot place. An empty value
// gives ("", true): the NIP then decides.
func NormalizeEmploymentStatus(s string) (string, bool) {
	key := SearchKey(s)
	switch key {
	case "":
		return "", true
	case "pns", "asn pns", "pegawai negeri sipil":
		return "PNS", true
	case "cpns", "calon pns", "calon pegawai negeri sipil":
		return "CPNS", true
	case "pppk", "p3k", "asn pppk", "pegawai pemerintah dengan perjanjian kerja":
		return "PPPK", true
	case "pppk paruh waktu", "p3k paruh waktu", "paruh waktu":
		return "PPPK Paruh Waktu", true
	case "non asn", "nonasn", "non pns", "honorer", "honor", "gtt", "ptt", "gty", "pty", "tkk", "thl", "kontrak",
		"swasta", "umum", "tni", "polri", "tni polri", "lainnya":
		return "Non-ASN", true
	}
	return "", false
}
