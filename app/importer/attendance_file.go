package importer

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
)

// AttendanceLine is one line of an online-meeting participant report: one connection of one person (Zoom
// writes a line each time someone joins), or one person of a plain list.
type AttendanceLine struct {
	Row     int    // the line or row number the coordinator sees in the file
	Name    string // as the meeting showed it: "015_Budi (Budi Santoso)"
	Email   string
	NIP     string // 18 digits from a NIP column or written into the name; "" when none
	Minutes int
}

// AttendanceFile is an online meeting's participant report read from a file: who was there, for how long.
type AttendanceFile struct {
	Path    string
	Kind    string    // "zoom" (a Zoom participants report) or "list" (a plain list of name, email and minutes)
	Topic   string    // the meeting's topic, from Zoom's summary block
	Start   time.Time // the meeting's start, from Zoom's summary block; zero when unknown
	Lines   []AttendanceLine
	Ignored []string // headings of columns that were not needed
}

// meetingColumn is one column the reader knows, with the folded headings (HeaderKey) it goes by in Zoom's
// English and Indonesian exports and in lists people make themselves.
type meetingColumn int

const (
	colName meetingColumn = iota
	colEmail
	colMinutes
	colNIP
	colJoin
	colLeave
	colGuest
	colCount
)

var meetingHeadings = map[string]meetingColumn{
	"name original name": colName, "nama nama asli": colName, "name": colName, "nama": colName, "nama lengkap": colName,
	"nama peserta": colName, "full name": colName, "participant": colName, "participant name": colName, "peserta": colName,
	"display name": colName, "nama tampilan": colName,
	"user email": colEmail, "email pengguna": colEmail, "email": colEmail, "e mail": colEmail, "surel": colEmail,
	"pos el": colEmail, "alamat email": colEmail, "email address": colEmail, "attendee email": colEmail,
	"duration minutes": colMinutes, "total duration minutes": colMinutes, "durasi menit": colMinutes, "durasi": colMinutes,
	"total durasi menit": colMinutes, "menit": colMinutes, "lama menit": colMinutes, "minutes": colMinutes,
	"duration": colMinutes, "time in session minutes": colMinutes, "lama": colMinutes, "jumlah menit": colMinutes,
	"nip": colNIP, "nip peserta": colNIP,
	"join time": colJoin, "waktu bergabung": colJoin, "time joined": colJoin,
	"leave time": colLeave, "waktu keluar": colLeave, "time exited": colLeave,
	"guest": colGuest, "tamu": colGuest,
}

// columnOf returns the column a heading names, or -1.
func columnOf(heading string) meetingColumn {
	c, ok := meetingHeadings[HeaderKey(heading)]
	if !ok {
		return -1
	}
	return c
}

// scoreMeetingHeader rates a row as the participants' heading row: a name column counts double, so that
// Zoom's summary heading (Meeting ID, Topic, …, User Email, Duration) loses to the participants' heading below.
func scoreMeetingHeader(row []string) int {
	seen := map[meetingColumn]bool{}
	score := 0
	for _, cell := range row {
		c := columnOf(cell)
		if c < 0 || seen[c] {
			continue
		}
		seen[c] = true
		score++
		if c == colName {
			score++
		}
	}
	if !seen[colMinutes] || !(seen[colName] || seen[colEmail]) {
		return 0
	}
	return score
}

// ReadAttendance reads a Zoom participants report (.csv, with or without its meeting summary block, or the
// same saved as .xlsx) or a plain list with name, email and minutes columns (a heading row is optional when
// the columns are in that order). Every line must have a whole number of minutes (Zoom's "Duration
// (Minutes)"; "1:05:00", "65 menit" and "1 jam 5 menit" are read too); otherwise the error names each line
// and what to fix, and nothing is returned.
func ReadAttendance(path string) (*AttendanceFile, error) {
	src, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	name := filepath.Base(path)
	sheet, header := src.FirstWithHeader(scoreMeetingHeader, 2)
	rep := &AttendanceFile{Path: path, Kind: "list"}
	cols := [colCount]int{-1, -1, -1, -1, -1, -1, -1}
	if sheet == nil {
		// A list without a heading row: name, email, minutes.
		sheet = src.Sheets[0]
		if !headerlessList(sheet) {
			return nil, data.Errorf(data.KindInvalid, "%s tidak dikenali sebagai laporan peserta rapat daring: tidak ada kolom nama atau email "+
				"beserta kolom durasi (menit). Kolom yang ada: %s. Gunakan laporan peserta dari Zoom (Reports → Usage → Participants → Export) "+
				"atau daftar dengan kolom Nama, Email, Menit", name, describeColumns(sheet))
		}
		cols[colName], cols[colEmail], cols[colMinutes] = 0, 1, 2
	} else {
		for i, cell := range sheet.Rows[header] {
			c := columnOf(cell)
			switch {
			case c >= 0 && cols[c] < 0:
				cols[c] = i
			case strings.TrimSpace(cell) != "":
				rep.Ignored = append(rep.Ignored, strings.TrimSpace(cell))
			}
		}
		if cols[colJoin] >= 0 || cols[colGuest] >= 0 {
			rep.Kind = "zoom"
		}
		rep.Topic, rep.Start = zoomSummary(sheet, header)
	}
	first := header + 1
	var problems []string
	for r := first; r < len(sheet.Rows); r++ {
		row := sheet.Rows[r]
		if IsBlank(row) {
			continue
		}
		line := AttendanceLine{Row: sheet.Line(r)}
		if cols[colName] >= 0 {
			line.Name = strings.Join(strings.Fields(sheet.Cell(r, cols[colName])), " ")
		}
		if cols[colEmail] >= 0 {
			line.Email = strings.ToLower(sheet.Cell(r, cols[colEmail]))
		}
		who := line.Name
		if who == "" {
			who = line.Email
		}
		if who == "" {
			problems = append(problems, fmt.Sprintf("baris %d: nama dan email kosong; isi salah satunya atau hapus barisnya", line.Row))
			continue
		}
		raw := sheet.Cell(r, cols[colMinutes])
		minutes, ok := parseMinutes(raw)
		if !ok {
			heading := "durasi"
			if header >= 0 {
				heading = sheet.Cell(header, cols[colMinutes])
			}
			if raw == "" {
				problems = append(problems, fmt.Sprintf("baris %d (%s): kolom %s kosong; isi lama hadir dalam menit, misalnya 85", line.Row, who, heading))
			} else {
				problems = append(problems, fmt.Sprintf("baris %d (%s): kolom %s berisi %q, bukan jumlah menit; tulis angka, misalnya 85", line.Row, who, heading, raw))
			}
			continue
		}
		line.Minutes = minutes
		if c := cols[colNIP]; c >= 0 {
			raw := sheet.Cell(r, c)
			digits := nip.Clean(raw)
			switch {
			case nip.LooksNumeric(raw) || (sheet.IsNumeric(r, c) && len(digits) >= 16):
				// Excel keeps 15 significant digits: a NIP stored as a number has lost its last ones.
				problems = append(problems, fmt.Sprintf("baris %d (%s): NIP tersimpan sebagai angka dan digit terakhirnya hilang; format kolom NIP sebagai Teks lalu ketik ulang", line.Row, who))
				continue
			case len(digits) == 18:
				line.NIP = digits
			}
		}
		if line.NIP == "" {
			line.NIP = nipInText(line.Name)
		}
		rep.Lines = append(rep.Lines, line)
	}
	if len(problems) > 0 {
		const most = 10
		n, more := len(problems), ""
		if n > most {
			more = fmt.Sprintf("; dan %d baris lain", n-most)
			problems = problems[:most]
		}
		return nil, data.Errorf(data.KindInvalid, "%s tidak diimpor karena %d baris bermasalah (perbaiki lalu impor lagi; belum ada yang disimpan): %s%s",
			name, n, strings.Join(problems, "; "), more)
	}
	if len(rep.Lines) == 0 {
		return nil, data.Errorf(data.KindInvalid, "%s tidak memuat satu pun peserta di bawah baris judul kolomnya", name)
	}
	return rep, nil
}

// headerlessList reports whether a sheet without a heading row reads as name, email, minutes: at least
// three columns, the third a number of minutes on every non-blank row, the second empty or an address.
func headerlessList(s *Sheet) bool {
	n := 0
	for r, row := range s.Rows {
		if IsBlank(row) {
			continue
		}
		if len(row) < 3 {
			return false
		}
		if _, ok := parseMinutes(s.Cell(r, 2)); !ok {
			return false
		}
		if e := s.Cell(r, 1); e != "" && !strings.Contains(e, "@") {
			return false
		}
		n++
	}
	return n > 0
}

// describeColumns lists the first row's cells, for a message about columns that were not recognised.
func describeColumns(s *Sheet) string {
	for _, row := range s.Rows {
		if IsBlank(row) {
			continue
		}
		var cells []string
		for _, c := range row[:min(len(row), 8)] {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, strconv.Quote(c))
			}
		}
		return strings.Join(cells, ", ")
	}
	return "(tidak ada)"
}

// zoomSummary reads the meeting's topic and start from Zoom's summary block above the participants' heading
// (a "Topic" and a "Start Time" column with one row of values).
func zoomSummary(s *Sheet, header int) (string, time.Time) {
	for r := 0; r+1 < header; r++ {
		var topic, start string
		for c, cell := range s.Rows[r] {
			switch HeaderKey(cell) {
			case "topic", "topik":
				topic = s.Cell(r+1, c)
			case "start time", "waktu mulai":
				start = s.Cell(r+1, c)
			}
		}
		if topic != "" || start != "" {
			return topic, parseMeetingTime(start)
		}
	}
	return "", time.Time{}
}

// parseMeetingTime reads Zoom's "11/19/2021 09:54:15 AM" and the other forms exports use; zero when none fits.
func parseMeetingTime(s string) time.Time {
	for _, layout := range []string{"01/02/2006 03:04:05 PM", "1/2/2006 3:04:05 PM", "01/02/2006 03:04 PM", "1/2/2006 3:04 PM",
		"2006-01-02 15:04:05", "2006-01-02 15:04", "02/01/2006 15:04:05", "02/01/2006 15:04", "2006-01-02T15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

var (
	clockDuration = regexp.MustCompile(`^(\d+):(\d{1,2})(?::(\d{1,2}))?$`)
	wordDuration  = regexp.MustCompile(`^(?:(\d+)\s*(?:jam|hr|hrs|hour|hours|h)\b\s*)?(?:(\d+)\s*(?:menit|min|mins|minute|minutes|m)\b\s*)?(?:(\d+)\s*(?:detik|sec|secs|second|seconds|s)\b)?$`)
	nipPattern    = regexp.MustCompile(`(?:^|\D)(\d{8}[ .-]?\d{6}[ .-]?\d[ .-]?\d{3})(?:\D|$)`)
)

// parseMinutes reads a duration in minutes: "85", "85,5" (rounded), "1:25:00" or "1:25" (hours and minutes),
// "85 menit", "1 jam 25 menit", "1 hr 25 min". Negative or unreadable values are refused.
func parseMinutes(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	if f, err := indo.ParseDecimal(s); err == nil {
		if f < 0 || math.IsNaN(f) || math.IsInf(f, 0) || f > 100000 {
			return 0, false
		}
		return int(math.Round(f)), true
	}
	if m := clockDuration.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mm, _ := strconv.Atoi(m[2])
		sec, _ := strconv.Atoi(m[3])
		if mm >= 60 || sec >= 60 {
			return 0, false
		}
		return h*60 + mm + (sec+30)/60, true
	}
	if m := wordDuration.FindStringSubmatch(s); m != nil && (m[1] != "" || m[2] != "" || m[3] != "") {
		h, _ := strconv.Atoi(m[1])
		mm, _ := strconv.Atoi(m[2])
		sec, _ := strconv.Atoi(m[3])
		return h*60 + mm + (sec+30)/60, true
	}
	return 0, false
}

// nipInText finds a NIP people write into their meeting name ("Budi_198609262015051001",
// "Budi 19860926 201505 1 001"); "" when there is no valid one.
func nipInText(s string) string {
	m := nipPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	digits := nip.Clean(m[1])
	if _, err := nip.Parse(digits); err != nil {
		return ""
	}
	return digits
}

// titles are academic and religious titles and their pieces as SearchKey leaves them ("S.Pd." becomes
// "s pd"): names are compared without them, since people leave them out in meetings or write them
// differently.
var titles = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`dr drs dra drg hj h hajah hajjah ir prof kh ust ustadz ustadzah nyai rr
		s m a st sh se mm mh mt pd spd mpd si ssi msi kom skom mkom sos ssos msos ag sag mag pdi spdi mpdi md amd ma
		mba kes skes mkes skm ners kep skep hum shum mhum ip sip ak psi spsi mpsi tp stp ked sked phd ph d e
		ikom sikom ked th sth mth p ft sft sn ds ars gz sgz sr ap sap map`) {
		titles[t] = true
	}
}

// personKey folds a name for matching: what follows the first comma (back titles) and any part in
// parentheses is dropped, then case, accents, punctuation, numbers (a Zoom prefix "015_") and titles.
func personKey(s string) string {
	if i := strings.IndexByte(s, ','); i >= 0 {
		s = s[:i]
	}
	s = parenthesised.ReplaceAllString(s, " ")
	var words []string
	for _, w := range strings.Fields(data.SearchKey(strings.ReplaceAll(s, "_", " "))) {
		if titles[w] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

var (
	parenthesised = regexp.MustCompile(`\([^)]*\)`)
	originalName  = regexp.MustCompile(`\(([^)]*)\)\s*$`)
)

// nameCandidates are the names a meeting line may go by: Zoom writes "Display (Original Name)" when someone
// renamed themselves; both are tried, the original first.
func nameCandidates(name string) []string {
	var out []string
	if m := originalName.FindStringSubmatch(name); m != nil {
		if k := personKey(m[1]); k != "" {
			out = append(out, k)
		}
	}
	if k := personKey(name); k != "" {
		out = append(out, k)
	}
	return out
}
