package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// SignInPerson is one line of a sign-in sheet: the participant as enrolled (rank and unit of the enrolment's
// snapshot).
type SignInPerson struct {
	EnrolmentID int64
	Name        string // with titles
	NIP         string // 18 digits, or "" (printed as "-")
	RankCode    string
	Unit        string
}

// SignInSession is one session to print a sheet for. Marks, when the session has been taken, fill the footer's
// counts and print the reason of those who were away in their signature box; a sheet printed beforehand leaves
// the counts to be written by hand.
type SignInSession struct {
	Session *data.Session
	Marks   map[int64]data.AttendanceStatus // by enrolment ID
}

// SignInSheets is a sign-in document (daftar hadir) for one or more sessions of a program: one sheet per
// session, each starting on a new page, as docs/domain.md §3 describes.
type SignInSheets struct {
	Institution *data.Institution
	Program     *data.Program
	Sessions    []SignInSession
	People      []SignInPerson
	Signatory   *data.Signatory // the officer who signs each sheet; nil leaves a line to sign on
	Paper       pdf.Paper
}

// signInColumns are the table's columns for a usable width: the name takes what the fixed columns leave.
func signInColumns(width float64) []pdf.Column {
	cols := []pdf.Column{{Title: "NO", Width: 8, Align: "C"}, {Title: "NAMA", Width: 0, Align: "L"}, {Title: "NIP", Width: 38, Align: "C"}, {Title: "GOL", Width: 11, Align: "C"}, {Title: "UNIT KERJA", Width: 37, Align: "L"},
		{Title: "TANDA TANGAN", Width: 42, Align: "L"}}
	fixed := 0.0
	for _, c := range cols {
		fixed += c.Width
	}
	cols[1].Width = width - fixed
	return cols
}

// WriteSignInSheets writes the sign-in sheets as one PDF on A4 or F4: on every page the letterhead, the title,
// the program and the session's day, date, time with its zone, place, topic and speaker, then the table
// NO | NAMA | NIP | GOL | UNIT KERJA | TANDA TANGAN with the zig-zag signature column (odd rows sign on the
// left half, even rows on the right, so neighbours do not write over each other); long names and units wrap
// inside their cells and rows never split across pages. Each sheet ends with "Keterangan: Sakit … orang,
// Izin … orang, Alpa … orang" and the officer's signature block, and its pages are numbered on their own.
func WriteSignInSheets(w io.Writer, signIn *SignInSheets) (err error) {
	defer pdf.DrawingPanic(&err)
	if len(signIn.Sessions) == 0 {
		return data.Errorf(data.KindInvalid, "Program ini belum memiliki sesi; buat jadwalnya dulu sebelum mencetak daftar hadir")
	}
	if len(signIn.People) == 0 {
		return data.Errorf(data.KindInvalid, "Belum ada peserta terdaftar; daftarkan peserta dulu sebelum mencetak daftar hadir")
	}
	paper := signIn.Paper
	if paper == "" {
		paper = pdf.A4
	}
	doc := pdf.New(paper, "P", "Daftar Hadir "+signIn.Program.Code)
	doc.SetMargins(15, 12, 15)
	// The table breaks pages itself, above the bottom margin; the page footer sits in the bottom 14 mm.
	doc.SetAutoPageBreak(false, 14)
	pageW, pageH := doc.GetPageSize()
	width := pageW - 30

	var sheet, first int // the session being printed and its first page, for the page footer
	var failed error     // a letterhead that cannot be drawn (a corrupt logo)
	doc.SetFooterFunc(func() {
		doc.SetFont(pdf.Font, "I", 7.5)
		doc.SetTextColor(90, 90, 90)
		doc.SetXY(15, pageH-10)
		x := signIn.Sessions[sheet].Session
		// The page count of the sheet is an alias filled in when the sheet is done; it ends the left-aligned
		// text so that the alias's width leaves no gap.
		doc.CellFormat(width/2, 4, fmt.Sprintf("Halaman %d dari {n%d}", doc.PageNo()-first+1, sheet), "", 0, "L", false, 0, "")
		right := fmt.Sprintf("Daftar hadir %s · Sesi %d · %s", signIn.Program.Code, x.Number, indo.Date(x.Date))
		doc.CellFormat(width/2, 4, right, "", 0, "R", false, 0, "")
		doc.SetTextColor(0, 0, 0)
	})

	for i, sess := range signIn.Sessions {
		header := func() float64 {
			y, err := signInHeader(doc, signIn, sess.Session, width)
			if err != nil && failed == nil {
				failed = err
			}
			return y
		}
		doc.AddPage() // closes the previous sheet's last page with its own footer
		sheet, first = i, doc.PageNo()
		doc.SetY(header())
		if failed != nil {
			return failed
		}
		t := pdf.NewTable(doc, signInColumns(width))
		t.MinRowH = 10
		t.BeforeHeading = header
		t.Heading()
		// Each row's own number, for the zig-zag: odd rows sign on the left half, even rows on the right.
		t.DrawCell = func(row, col int, x, y, w, h float64) bool {
			if col != 5 {
				return false
			}
			n := row + 1
			sx := x + 1.5
			if n%2 == 0 {
				sx = x + w/2 + 1
			}
			doc.SetFont(pdf.Font, "", 8)
			doc.SetXY(sx, y+1)
			doc.CellFormat(8, 3.5, strconv.Itoa(n)+".", "", 0, "L", false, 0, "")
			if st := sess.Marks[signIn.People[row].EnrolmentID]; st != "" && !st.Attended(false) {
				doc.SetFont(pdf.Font, "I", 8)
				doc.SetTextColor(70, 70, 70)
				doc.SetXY(sx, y+h-5)
				doc.CellFormat(w/2-2, 4, st.Label(), "", 0, "L", false, 0, "")
				doc.SetTextColor(0, 0, 0)
			}
			doc.SetFont(pdf.Font, "", t.FontSize)
			return true
		}
		cells := make([][]string, len(signIn.People))
		for n, person := range signIn.People {
			nip := "-"
			if person.NIP != "" {
				nip = formatNIP(person.NIP)
			}
			cells[n] = []string{strconv.Itoa(n + 1), person.Name, nip, person.RankCode, person.Unit, ""}
		}
		const closing = 62.0 // the footer's counts and the signature block
		// The closing never stands alone on a page: when the last rows and the closing do not fit, the last
		// rows (up to three) go over to the next page with it.
		tail := max(len(cells)-3, 0)
		for n, row := range cells {
			if n == tail {
				need := closing
				for _, r := range cells[tail:] {
					need += max(t.Height(r), t.MinRowH)
				}
				if need > t.SpaceLeft() {
					t.NewPage()
				}
			}
			t.Row(row)
		}
		if err := signInClosing(doc, signIn, sess, width); err != nil {
			return err
		}
		doc.RegisterAlias(fmt.Sprintf("{n%d}", i), strconv.Itoa(doc.PageNo()-first+1))
	}
	if failed != nil {
		return failed
	}
	return pdf.Finish(doc, w)
}

// signInHeader draws the letterhead, the title and the session's particulars, and returns the y below them.
func signInHeader(doc *pdf.Doc, signIn *SignInSheets, x *data.Session, width float64) (float64, error) {
	y, err := Letterhead(doc, signIn.Institution)
	if err != nil {
		return y, err
	}
	p := signIn.Program
	centred := func(s, style string, size, lh float64) {
		doc.SetFont(pdf.Font, style, size)
		for _, l := range doc.SplitText(s, width) {
			doc.SetXY(15, y)
			doc.CellFormat(width, lh, l, "", 0, "C", false, 0, "")
			y += lh
		}
	}
	y += 1
	centred("DAFTAR HADIR PESERTA", "B", 12, 5.5)
	centred(p.Title, "B", 10, 4.6)
	centred(fmt.Sprintf("%s Tahun %d", p.BatchLabel(), p.BudgetYear), "", 9.5, 4.4)
	y += 2
	topic := x.Topic
	if topic == "" {
		topic = "-"
	}
	speaker := x.Speaker
	if speaker == "" {
		speaker = "-"
	}
	place := p.Place
	if place == "" {
		place = "-"
	}
	left := [][2]string{{"Hari/Tanggal", indo.DateWithDay(x.Date)}, {"Waktu", x.TimeLabel()}, {"Tempat", place}}
	right := [][2]string{{"Sesi", fmt.Sprintf("%d (%d JP)", x.Number, x.JP)}, {"Materi", topic}, {"Narasumber", speaker}}
	half := width / 2
	const labelW, lh = 24.0, 4.4
	doc.SetFont(pdf.Font, "", 9)
	for i := range left {
		var rowH float64
		for k, pair := range [][2]string{left[i], right[i]} {
			lx := 15 + float64(k)*half
			lines := doc.SplitText(pair[1], half-labelW-5)
			doc.SetXY(lx, y)
			doc.CellFormat(labelW, lh, pair[0], "", 0, "L", false, 0, "")
			doc.CellFormat(3, lh, ":", "", 0, "L", false, 0, "")
			for j, l := range lines {
				doc.SetXY(lx+labelW+3, y+float64(j)*lh)
				doc.CellFormat(half-labelW-5, lh, l, "", 0, "L", false, 0, "")
			}
			rowH = max(rowH, float64(len(lines))*lh)
		}
		y += rowH
	}
	return y + 3, nil
}

// signInClosing draws the counts and the officer's signature block under the table.
func signInClosing(doc *pdf.Doc, signIn *SignInSheets, sess SignInSession, width float64) error {
	y := doc.GetY() + 4
	counts := func(s data.AttendanceStatus) string {
		if len(sess.Marks) == 0 {
			return "….."
		}
		n := 0
		for _, person := range signIn.People {
			if sess.Marks[person.EnrolmentID] == s {
				n++
			}
		}
		return strconv.Itoa(n)
	}
	note := fmt.Sprintf("Keterangan: Sakit %s orang, Izin %s orang, Alpa %s orang", counts(data.Sick), counts(data.Leave), counts(data.Absent))
	var extra []string
	for _, s := range []data.AttendanceStatus{data.Duty, data.Holiday} {
		if c := counts(s); len(sess.Marks) > 0 && c != "0" {
			extra = append(extra, fmt.Sprintf("%s %s orang", s.Label(), c))
		}
	}
	if len(extra) > 0 {
		note += ", " + strings.Join(extra, ", ")
	}
	present := "….."
	if len(sess.Marks) > 0 {
		n := 0
		for _, person := range signIn.People {
			if sess.Marks[person.EnrolmentID].Attended(false) {
				n++
			}
		}
		present = strconv.Itoa(n)
	}
	doc.SetFont(pdf.Font, "", 9.5)
	doc.SetXY(15, y)
	doc.CellFormat(width, 5, note, "", 0, "L", false, 0, "")
	doc.SetXY(15, y+5)
	doc.CellFormat(width, 5, fmt.Sprintf("Jumlah peserta: %d orang; hadir %s orang", len(signIn.People), present), "", 0, "L", false, 0, "")
	blockW := 80.0
	_, err := SignatureBlock(doc, 15+width-blockW, y+13, blockW, signIn.Institution.City, sess.Session.Date, signIn.Signatory, SignatureSpace)
	return err
}
