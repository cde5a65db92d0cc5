package report

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

func signInDoc(people int, paper pdf.Paper) *SignInSheets {
	p := &data.Program{Code: "PTD-2026-I", Title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran bagi Guru Sekolah Dasar dan Sekolah Menengah Pertama",
		Batch: 3, BudgetYear: 2026, Place: "Aula Dinas Pendidikan Kabupaten Sukamaju", StartDate: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	x := &data.Session{ID: 7, Number: 2, Date: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), Start: "08:00", End: "09:30", TimeZone: "WITA",
		Topic: "Platform Pembelajaran Daring", Speaker: "Dr. Hendra Gunawan, M.Kom.", JP: 2}
	signIn := &SignInSheets{Institution: institution(), Program: p, Paper: paper, Sessions: []SignInSession{{Session: x}},
		Signatory: &data.Signatory{Name: "Asep Saepudin", FrontTitle: "Dr. H.", BackTitle: "M.Pd.", NIP: "197203151998031004",
			Position: "Kepala Dinas Pendidikan", RankCode: "IV/c"}}
	for i := 1; i <= people; i++ {
		person := SignInPerson{EnrolmentID: int64(i), Name: fmt.Sprintf("Peserta Nomor %03d", i),
			NIP: fmt.Sprintf("19800101200501%d%03d", 1+i%2, i), RankCode: "III/b", Unit: "SD Negeri " + fmt.Sprint(i)}
		switch i {
		case 7:
			person.Name = "Prof. Dr. Hj. Raden Roro Siti Nurhasanah Kusumawardhani Wiryaatmadja, S.Pd., M.Pd., M.Si."
			person.Unit = "Unit Pelaksana Teknis Daerah Satuan Pendidikan Sekolah Menengah Pertama Negeri 4 Sukamaju Kecamatan Cibeureum"
		case 9:
			person.NIP, person.RankCode = "", ""
		}
		signIn.People = append(signIn.People, person)
	}
	return signIn
}

func TestSignInSheet130(t *testing.T) {
	for _, paper := range []pdf.Paper{pdf.A4, pdf.F4} {
		t.Run(string(paper), func(t *testing.T) {
			signIn := signInDoc(130, paper)
			var b bytes.Buffer
			if err := WriteSignInSheets(&b, signIn); err != nil {
				t.Fatal(err)
			}
			text, pages := pdfText(t, b.Bytes())
			wantPages := map[pdf.Paper]int{pdf.A4: 8, pdf.F4: 7}[paper]
			if pages != wantPages {
				t.Errorf("130 participants on %s: %d pages, want %d", paper, pages, wantPages)
			}
			for _, want := range []string{"DAFTAR HADIR PESERTA", "Angkatan III Tahun 2026", "Selasa, 24 November 2026",
				"08.00 – 09.30 WITA", "Platform Pembelajaran Daring", "Dr. Hendra Gunawan, M.Kom.", "2 (2 JP)",
				"Peserta Nomor 001", "Peserta Nomor 130", "19800101 200501 2 001", "19800101 200501 1 130", "Kusumawardhani",
				"Kecamatan Cibeureum", "Keterangan: Sakit ….. orang, Izin ….. orang, Alpa ….. orang", "Jumlah peserta: 130 orang",
				"Sukamaju, 24 November 2026", "KEPALA DINAS PENDIDIKAN,", "Dr. H. Asep Saepudin, M.Pd.", "NIP. 19720315 199803 1 004",
				fmt.Sprintf("Halaman 1 dari %d", pages), fmt.Sprintf("Halaman %d dari %d", pages, pages)} {
				if !strings.Contains(text, want) {
					t.Errorf("the sheet lacks %q", want)
				}
			}
			for i := 1; i <= 130; i++ {
				if !strings.Contains(text, fmt.Sprintf("Peserta Nomor %03d", i)) && i != 7 {
					t.Errorf("participant %d missing", i)
				}
			}
			// The header on every page: letterhead, title and table heading.
			for _, each := range []string{"DINAS PENDIDIKAN\n", "DAFTAR HADIR PESERTA", "TANDA TANGAN", "Selasa, 24 November 2026"} {
				if got := strings.Count(text, each); got < pages {
					t.Errorf("%q printed %d times on %d pages", strings.TrimSpace(each), got, pages)
				}
			}
			// Each page's rows are numbered in order: no row is lost or split at a page break.
			seen := 0
			for _, page := range strings.Split(text, "\f") {
				for _, m := range regexp.MustCompile(`(?m)^\s*(\d+)\s+Peserta Nomor`).FindAllStringSubmatch(page, -1) {
					var n int
					fmt.Sscan(m[1], &n)
					if n <= seen {
						t.Errorf("row %d after row %d", n, seen)
					}
					seen = n
				}
			}
			if seen != 130 {
				t.Errorf("last numbered row %d", seen)
			}
		})
	}
}

func TestSignInSheetsWithMarksAndSeveralSessions(t *testing.T) {
	signIn := signInDoc(8, pdf.A4)
	first := signIn.Sessions[0]
	first.Marks = map[int64]data.AttendanceStatus{1: data.Present, 2: data.Sick, 3: data.Leave, 4: data.Absent, 5: data.Absent,
		6: data.Duty, 7: data.Late}
	second := SignInSession{Session: &data.Session{ID: 8, Number: 3, Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC),
		Start: "13:00", End: "15:15", TimeZone: "WIB", JP: 3}}
	signIn.Sessions = []SignInSession{first, second}
	signIn.Signatory = nil
	var b bytes.Buffer
	if err := WriteSignInSheets(&b, signIn); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, b.Bytes())
	if pages != 2 {
		t.Errorf("two short sheets on %d pages, want one each", pages)
	}
	sheets := strings.Split(text, "\f")
	for _, want := range []string{"Keterangan: Sakit 1 orang, Izin 1 orang, Alpa 2 orang, Dinas Luar 1 orang", "hadir 2 orang",
		"Sakit", "Alpa", "Rabu, 25 November 2026", "13.00 – 15.15 WIB", "Halaman 1 dari 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheets lack %q", want)
		}
	}
	if !strings.Contains(sheets[1], "Keterangan: Sakit ….. orang") || strings.Contains(sheets[1], "Dinas Luar") {
		t.Errorf("the second session, not taken yet, must leave the counts blank:\n%s", sheets[1])
	}
	if !strings.Contains(sheets[0], "(..............................................)") {
		t.Error("without a signatory the sheet must leave a line to sign on")
	}
}

func TestSignInSheetRefusesEmptyInput(t *testing.T) {
	signIn := signInDoc(0, pdf.A4)
	if err := WriteSignInSheets(io.Discard, signIn); data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "peserta") {
		t.Errorf("no participants = %v", err)
	}
	signIn = signInDoc(3, pdf.A4)
	signIn.Sessions = nil
	if err := WriteSignInSheets(io.Discard, signIn); data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "sesi") {
		t.Errorf("no sessions = %v", err)
	}
	signIn = signInDoc(3, pdf.A4)
	signIn.Institution.Logo = []byte("\x89PNG\r\n\x1a\nbroken")
	if err := WriteSignInSheets(io.Discard, signIn); data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "logo") {
		t.Errorf("corrupt logo = %v", err)
	}
}

// BenchmarkSignInSheet500 measures the sign-in sheet of 500 participants: the budget is 0,5 s.
func BenchmarkSignInSheet500(b *testing.B) {
	signIn := signInDoc(500, pdf.A4)
	for b.Loop() {
		if err := WriteSignInSheets(io.Discard, signIn); err != nil {
			b.Fatal(err)
		}
	}
}
