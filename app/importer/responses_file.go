package importer

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pembina/pembina/data"
)

// Role is what a column of a survey export holds.
type Role int

// The roles.
const (
	RoleIgnore    Role = iota // not imported
	RoleTimestamp             // Timestamp, Stempel waktu
	RoleEmail                 // Email Address, Alamat email
	RoleName                  // the respondent's name
	RoleNIP                   // the respondent's NIP
	RoleSpeaker               // the speaker judged, for speaker evaluations
	RoleQuestion              // the answers to a question
)

// Part is the half of an importance × performance question a column holds.
type Part int

// The parts.
const (
	PartWhole       Part = iota // the whole answer
	PartImportance              // harapan
	PartPerformance             // kenyataan
)

// Label names the part in Indonesian ("" for the whole answer).
func (p Part) Label() string {
	switch p {
	case PartImportance:
		return "Harapan"
	case PartPerformance:
		return "Kenyataan"
	}
	return ""
}

// ResponseColumn is one column of a survey export and what it is imported as. Question indexes the form's visible
// questions (data.Form.Visible), -1 when the column is not a question.
type ResponseColumn struct {
	Index    int
	Header   string // as in the file
	Title    string // a grid question's title (before "[…]"), or the whole header
	Row      string // a grid question's row (inside "[…]"), or ""
	Role     Role
	Question int
	Part     Part
	Note     string // why the column is left out, in Indonesian
}

// ResponseFile is a survey export read for import: its heading and its answer rows.
type ResponseFile struct {
	Path    string
	Name    string // the file name
	Columns []ResponseColumn
	Rows    [][]string
	Lines   []int // the file's row number (1-based) of each of Rows, for messages
	numeric func(row, col int) bool
}

// ReadResponses opens a Google Forms export (.csv or .xlsx; any other survey export with a heading row
// and one row per respondent) and finds its heading and columns.
func ReadResponses(path string) (*ResponseFile, error) {
	src, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	name := filepath.Base(path)
	sheet, header := src.FirstWithHeader(scoreIdentity, 1)
	if sheet == nil {
		for _, s := range src.Sheets {
			for i, row := range s.Rows {
				if !IsBlank(row) {
					sheet, header = s, i
					break
				}
			}
			if sheet != nil {
				break
			}
		}
	}
	if sheet == nil {
		return nil, data.Errorf(data.KindInvalid, "%s tidak berisi data", name)
	}
	rf := &ResponseFile{Path: path, Name: name}
	for i, h := range sheet.Rows[header] {
		rf.Columns = append(rf.Columns, newColumn(i, h))
	}
	if len(rf.Columns) == 0 {
		return nil, data.Errorf(data.KindInvalid, "%s tidak memiliki baris judul kolom", name)
	}
	firstData := header + 1
	for i := firstData; i < len(sheet.Rows); i++ {
		if IsBlank(sheet.Rows[i]) {
			continue
		}
		rf.Rows = append(rf.Rows, sheet.Rows[i])
		rf.Lines = append(rf.Lines, i+1)
	}
	if len(rf.Rows) == 0 {
		return nil, data.Errorf(data.KindInvalid, "%s tidak berisi jawaban di bawah baris judul kolom", name)
	}
	s := sheet
	rf.numeric = func(row, col int) bool { return s.IsNumeric(rf.Lines[row]-1, col) }
	assignRoles(rf.Columns)
	if err := rf.recognise(); err != nil {
		return nil, err
	}
	return rf, nil
}

// Cell returns the trimmed value of a data row's column.
func (rf *ResponseFile) Cell(row, col int) string {
	if row < 0 || row >= len(rf.Rows) || col < 0 || col >= len(rf.Rows[row]) {
		return ""
	}
	return strings.TrimSpace(rf.Rows[row][col])
}

var gridHeader = regexp.MustCompile(`^(.*?)\s*\[(.+)\]\s*$`)

func newColumn(i int, header string) ResponseColumn {
	c := ResponseColumn{Index: i, Header: strings.TrimSpace(header), Question: -1}
	c.Title = c.Header
	if m := gridHeader.FindStringSubmatch(c.Header); m != nil {
		c.Title, c.Row = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	}
	return c
}

var identityHeaders = map[Role][]string{
	RoleTimestamp: {"timestamp", "stempel waktu", "cap waktu", "tanda waktu", "waktu pengisian", "tanggal pengisian", "waktu"},
	RoleEmail:     {"email address", "alamat email", "email", "e mail", "surel", "alamat surel", "pos el", "alamat e mail"},
	RoleSpeaker:   {"narasumber", "nama narasumber", "speaker", "pengajar", "nama pengajar", "widyaiswara", "fasilitator", "nama fasilitator"},
	RoleNIP:       {"nip", "nip peserta", "nip 18 digit", "nomor induk pegawai", "nip alumni", "nip pegawai"},
	RoleName: {"nama", "nama lengkap", "nama peserta", "name", "full name", "nama lengkap dan gelar", "nama lengkap beserta gelar",
		"nama dan gelar", "nama alumni", "nama atasan", "nama responden", "nama lengkap dengan gelar"},
}

// otherIdentity are headings of columns that describe the respondent but are not questions: left out. The
// row number ("No.") of a short list reads 1, 2, 3 like answers on a scale, so it is named here too.
var otherIdentity = []string{"no", "nomor", "no urut", "nomor urut", "unit kerja", "instansi", "jabatan", "pangkat", "golongan", "pangkat golongan", "pangkat gol",
	"gol ruang", "no hp", "nomor hp", "no telepon", "nomor telepon", "telepon", "whatsapp", "no wa", "nomor whatsapp",
	"jenis kelamin", "asal sekolah", "sekolah", "nik", "score", "skor", "total score", "skor total", "nilai total",
	"satuan kerja", "asal instansi", "nama sekolah", "unit organisasi"}

func identityRole(header string) (Role, bool) {
	key := HeaderKey(header)
	if key == "" {
		return RoleIgnore, true
	}
	for _, role := range []Role{RoleTimestamp, RoleEmail, RoleSpeaker, RoleNIP, RoleName} {
		for _, h := range identityHeaders[role] {
			if key == h {
				return role, true
			}
		}
	}
	for _, h := range otherIdentity {
		if key == h {
			return RoleIgnore, true
		}
	}
	return RoleQuestion, false
}

func scoreIdentity(row []string) int {
	n := 0
	for _, c := range row {
		if r, ok := identityRole(c); ok && r != RoleIgnore {
			n++
		}
	}
	return n
}

// assignRoles gives each column its role from its heading; only the first column of an identity role
// counts, later ones are left out with a note.
func assignRoles(cols []ResponseColumn) {
	first := map[Role]string{}
	for i := range cols {
		c := &cols[i]
		role, known := identityRole(c.Header)
		switch {
		case c.Header == "":
			c.Role, c.Note = RoleIgnore, "kolom tanpa judul"
		case !known:
			c.Role = RoleQuestion
		case role == RoleIgnore:
			c.Role, c.Note = RoleIgnore, "data responden, bukan pertanyaan"
		case first[role] != "":
			c.Role, c.Note = RoleIgnore, "kolom ganda; yang dipakai kolom \""+first[role]+"\""
		default:
			c.Role = role
			first[role] = c.Header
		}
	}
}

// numbering matches a question's leading number ("1.", "2)", "A."), which questionKey removes.
var numbering = regexp.MustCompile(`^\s*(?:no\.?\s*)?(?:\d{1,3}|[a-zA-Z])\s*[.)]\s+`)

// questionKey folds a question's text for matching headings: numbering ("1.", "2)", "A.") and the required
// star removed.
func questionKey(s string) string {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "*"))
	s = numbering.ReplaceAllString(s, "")
	return data.SearchKey(s)
}

var importanceWords = map[string]bool{"harapan": true, "kepentingan": true, "penting": true, "importance": true,
	"ekspektasi": true, "expectation": true}
var performanceWords = map[string]bool{"kenyataan": true, "kinerja": true, "kepuasan": true, "puas": true,
	"performance": true, "pelaksanaan": true, "realisasi": true, "persepsi": true, "satisfaction": true}

// partOf tells from a grid title whether it asks the importance or the performance of its rows: a word of
// one kind and none of the other ("Tingkat Harapan", "Kenyataan yang Dirasakan").
func partOf(title string) Part {
	imp, perf := false, false
	for _, w := range strings.Fields(data.SearchKey(title)) {
		imp = imp || importanceWords[w]
		perf = perf || performanceWords[w]
	}
	switch {
	case imp && !perf:
		return PartImportance
	case perf && !imp:
		return PartPerformance
	}
	return PartWhole
}

func tokens(key string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(key) {
		out[w] = true
	}
	return out
}

// similarity is the Jaccard index of two folded texts' words.
func similarity(a, b string) float64 {
	ta, tb := tokens(a), tokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	both := 0
	for w := range ta {
		if tb[w] {
			both++
		}
	}
	return float64(both) / float64(len(ta)+len(tb)-both)
}

// MapTo matches the question columns to the visible questions of f by their folded text: a grid column
// "Judul [Baris]" by its row (and, for importance × performance questions, its title says which half); a
// near match (most of the words alike) when nothing matches exactly. Each question half takes one column:
// a second column for it, and a column that matches nothing, are left out with a note the window shows
// and the coordinator can correct.
func (rf *ResponseFile) MapTo(f *data.Form) []ResponseColumn {
	cols := append([]ResponseColumn(nil), rf.Columns...)
	qs := f.Visible()
	keys := make([]string, len(qs))
	for i, q := range qs {
		keys[i] = questionKey(q.Text)
	}
	type half struct {
		q    int
		part Part
	}
	taken := map[half]string{}
	for i := range cols {
		c := &cols[i]
		if c.Role != RoleQuestion {
			continue
		}
		c.Question, c.Part = -1, PartWhole
		key := questionKey(c.Header)
		part := PartWhole
		if c.Row != "" {
			part = partOf(c.Title)
		}
		match := func(exact bool) (int, string) {
			best, bestScore, dup := -1, 0.0, ""
			for qi, qk := range keys {
				var score float64
				switch {
				case exact && (qk == key || (c.Row != "" && qk == questionKey(c.Row))):
					score = 1
				case !exact:
					score = similarity(qk, key)
					if c.Row != "" {
						score = max(score, similarity(qk, questionKey(c.Row)))
					}
					if score < 0.75 {
						continue
					}
				default:
					continue
				}
				p := part
				if qs[qi].Kind == data.QuestionImportancePerf && p == PartWhole {
					p = PartPerformance
				}
				if qs[qi].Kind != data.QuestionImportancePerf {
					p = PartWhole
				}
				if h, ok := taken[half{qi, p}]; ok {
					if dup == "" {
						dup = h
					}
					continue
				}
				if score > bestScore {
					best, bestScore = qi, score
				}
			}
			return best, dup
		}
		qi, dup := match(true)
		if qi < 0 && dup == "" {
			qi, dup = match(false)
		}
		if qi < 0 {
			c.Role = RoleIgnore
			c.Note = "tidak ada pertanyaan yang cocok di formulir; pilih pertanyaannya atau biarkan dilewati"
			if dup != "" {
				c.Note = "kolom ganda; pertanyaannya sudah diisi dari kolom \"" + dup + "\""
			}
			continue
		}
		c.Question = qi
		if qs[qi].Kind == data.QuestionImportancePerf {
			c.Part = part
			if part == PartWhole {
				c.Part = PartPerformance
				c.Note = "satu kolom untuk pertanyaan harapan × kenyataan; dibaca sebagai kenyataan"
			}
		}
		taken[half{qi, c.Part}] = c.Header
	}
	return cols
}
