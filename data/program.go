package data

import (
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// ProgramStatus is where a program stands. Stored as the English code, shown with Label.
type ProgramStatus string

// The program statuses.
const (
	StatusPlanned   ProgramStatus = "planned"   // Rencana
	StatusRunning   ProgramStatus = "running"   // Berjalan
	StatusFinished  ProgramStatus = "finished"  // Selesai
	StatusCancelled ProgramStatus = "cancelled" // Dibatalkan
)

// ProgramStatuses lists the statuses in the order a program passes through them.
var ProgramStatuses = []ProgramStatus{StatusPlanned, StatusRunning, StatusFinished, StatusCancelled}

// Label is the status in Indonesian.
func (s ProgramStatus) Label() string {
	switch s {
	case StatusPlanned:
		return "Rencana"
	case StatusRunning:
		return "Berjalan"
	case StatusFinished:
		return "Selesai"
	case StatusCancelled:
		return "Dibatalkan"
	}
	return string(s)
}

// ProgramKind is a form of competency development (docs/domain.md §2) with the SIASN code its history entry uses.
type ProgramKind struct {
	Name      string
	Classical bool // klasikal (true) or nonklasikal
	SIASNID   int  // jenisDiklatId in SIASN's training history
}

// ProgramKinds are the forms of competency development, classical first.
var ProgramKinds = []ProgramKind{
	{"Pelatihan Struktural Kepemimpinan", true, 1},
	{"Pelatihan Manajerial", true, 5},
	{"Pelatihan Teknis", true, 3},
	{"Pelatihan Fungsional", true, 2},
	{"Pelatihan Sosial Kultural", true, 6},
	{"Seminar/Konferensi", true, 9},
	{"Workshop/Lokakarya", true, 4},
	{"Kursus", true, 3},
	{"Penataran", true, 3},
	{"Bimbingan Teknis", true, 8},
	{"Sosialisasi", true, 7},
	{"Coaching", false, 3},
	{"Mentoring", false, 3},
	{"E-learning", false, 3},
	{"Pelatihan Jarak Jauh", false, 3},
	{"Detasering", false, 3},
	{"Outbound", false, 6},
	{"Benchmarking", false, 3},
	{"Magang", false, 10},
	{"Belajar Mandiri", false, 3},
	{"Komunitas Belajar", false, 3},
}

// ProgramKindByName finds a kind by its exact name.
func ProgramKindByName(name string) (ProgramKind, bool) {
	for _, k := range ProgramKinds {
		if k.Name == name {
			return k, true
		}
	}
	return ProgramKind{}, false
}

// CompetencyKinds are the three kinds of competency a program develops.
var CompetencyKinds = []string{"Teknis", "Manajerial", "Sosial Kultural"}

// Deliveries are the delivery modes.
var Deliveries = []string{"luring", "daring", "blended"}

// Program is one training, seminar, workshop or e-learning run, in one batch (angkatan) of one budget year.
type Program struct {
	ID                  int64
	Code                string // unique, chosen by the office: "PTD-2026-I"
	Title               string
	Kind                string // a ProgramKinds name
	CompetencyKind      string // Teknis, Manajerial, Sosial Kultural
	Delivery            string // luring, daring, blended
	Batch               int    // angkatan, printed in Roman numerals
	BudgetYear          int    // tahun anggaran
	Organiser           string // penyelenggara
	Place               string
	StartDate           time.Time
	EndDate             time.Time
	TotalJP             int
	Status              ProgramStatus
	Archived            bool
	TimeZone            string
	AttendanceThreshold float64 // percent of JP that must be attended for a certificate
	ExcusedCountPresent bool    // whether I, S and DL count as present
	PassScore           float64 // minimum post-test or final score; 0 when the program has none
	SignatoryID         int64   // 0: the institution's default
	NumberPattern       string  // certificate numbers; empty: the institution's default
	Description         string
}

// BatchLabel writes the batch as documents do: "Angkatan III".
func (p *Program) BatchLabel() string { return "Angkatan " + indo.Roman(p.Batch) }

// Dates writes the program's date range in Indonesian.
func (p *Program) Dates() string { return indo.DateRange(p.StartDate, p.EndDate) }

// Normalize trims the fields and fills what a new program may leave empty.
func (p *Program) Normalize() {
	trim(&p.Code, &p.Title, &p.Kind, &p.CompetencyKind, &p.Delivery, &p.Organiser, &p.Place, &p.NumberPattern)
	p.Description = CleanText(p.Description)
	if p.Status == "" {
		p.Status = StatusPlanned
	}
	if p.Batch == 0 {
		p.Batch = 1
	}
	if p.TimeZone == "" {
		p.TimeZone = "WIB"
	}
	if p.CompetencyKind == "" {
		p.CompetencyKind = "Teknis"
	}
	if p.Delivery == "" {
		p.Delivery = "luring"
	}
	if p.BudgetYear == 0 && !p.StartDate.IsZero() {
		p.BudgetYear = p.StartDate.Year()
	}
}

// Validate checks every rule a program's fields must keep; the message names each field that breaks one.
func (p *Program) Validate() error {
	var fe FieldErrors
	if p.Code == "" {
		fe.Add("Kode", "wajib diisi, misalnya PTD-2026-I")
	} else if len([]rune(p.Code)) > 40 {
		fe.Add("Kode", "paling panjang 40 karakter")
	}
	if p.Title == "" {
		fe.Add("Nama program", "wajib diisi")
	} else if len([]rune(p.Title)) > 300 {
		fe.Add("Nama program", "paling panjang 300 karakter")
	}
	if _, ok := ProgramKindByName(p.Kind); !ok {
		fe.Add("Jenis", "pilih salah satu jenis pengembangan kompetensi")
	}
	if !oneOf(p.CompetencyKind, CompetencyKinds) {
		fe.Add("Jenis kompetensi", "pilih Teknis, Manajerial atau Sosial Kultural")
	}
	if !oneOf(p.Delivery, Deliveries) {
		fe.Add("Moda", "pilih luring, daring atau blended")
	}
	if p.Batch < 1 || p.Batch > 999 {
		fe.Add("Angkatan", "harus antara 1 dan 999")
	}
	if p.BudgetYear < 2000 || p.BudgetYear > 2100 {
		fe.Add("Tahun anggaran", "harus tahun antara 2000 dan 2100")
	}
	switch {
	case p.StartDate.IsZero():
		fe.Add("Tanggal mulai", "wajib diisi")
	case p.EndDate.IsZero():
		fe.Add("Tanggal selesai", "wajib diisi")
	case p.EndDate.Before(p.StartDate):
		fe.Add("Tanggal selesai", "tidak boleh sebelum tanggal mulai (%s)", indo.Date(p.StartDate))
	}
	if p.TotalJP <= 0 {
		fe.Add("Jumlah JP", "harus lebih dari 0")
	} else if p.TotalJP > 2000 {
		fe.Add("Jumlah JP", "paling banyak 2000")
	}
	if !oneOf(string(p.Status), statusNames()) {
		fe.Add("Status", "tidak dikenal: %q", p.Status)
	}
	if !validTimeZone(p.TimeZone) {
		fe.Add("Zona waktu", "pilih WIB, WITA atau WIT")
	}
	if p.AttendanceThreshold < 0 || p.AttendanceThreshold > 100 {
		fe.Add("Batas kehadiran", "harus antara 0 dan 100 persen")
	}
	if p.PassScore < 0 || p.PassScore > 100 {
		fe.Add("Nilai lulus", "harus antara 0 dan 100")
	}
	if p.NumberPattern != "" && !strings.Contains(p.NumberPattern, "{seq") {
		fe.Add("Pola nomor sertifikat", "harus memuat {seq} atau {seq:03} agar setiap nomor berbeda")
	}
	return fe.Err()
}

func statusNames() []string {
	names := make([]string, len(ProgramStatuses))
	for i, s := range ProgramStatuses {
		names[i] = string(s)
	}
	return names
}

func oneOf(s string, list []string) bool {
	for _, l := range list {
		if s == l {
			return true
		}
	}
	return false
}

// Subject is a mata pelatihan of a program with its JP, listed on the certificate's second page.
type Subject struct {
	ID        int64
	ProgramID int64
	Position  int
	Name      string
	JP        int
}

// Validate checks the subject.
func (s *Subject) Validate() error {
	var fe FieldErrors
	if strings.TrimSpace(s.Name) == "" {
		fe.Add("Mata pelatihan", "wajib diisi")
	}
	if s.JP <= 0 {
		fe.Add("JP", "harus lebih dari 0")
	}
	return fe.Err()
}

// Session is one meeting of a program: a date, a time span in a time zone, a topic, a speaker and its JP.
type Session struct {
	ID        int64
	ProgramID int64
	Number    int // 1-based position within the program
	Date      time.Time
	Start     string // "08:00"
	End       string // "09:30"
	TimeZone  string
	Topic     string
	SubjectID int64
	Speaker   string
	JP        int
}

// TimeLabel writes "08.00 – 09.30 WIB".
func (s *Session) TimeLabel() string { return indo.TimeRange(s.Start, s.End, s.TimeZone) }

// Validate checks the session on its own; SessionWarnings compares it with its program.
func (s *Session) Validate() error {
	var fe FieldErrors
	if s.Date.IsZero() {
		fe.Add("Tanggal", "wajib diisi")
	}
	if !ValidClock(s.Start) {
		fe.Add("Jam mulai", "tulis sebagai JJ:MM, misalnya 08:00")
	}
	if !ValidClock(s.End) {
		fe.Add("Jam selesai", "tulis sebagai JJ:MM, misalnya 09:30")
	}
	if ValidClock(s.Start) && ValidClock(s.End) && s.End <= s.Start {
		fe.Add("Jam selesai", "harus setelah jam mulai (%s)", s.Start)
	}
	if !validTimeZone(s.TimeZone) {
		fe.Add("Zona waktu", "pilih WIB, WITA atau WIT")
	}
	if s.JP < 0 {
		fe.Add("JP", "tidak boleh negatif")
	}
	return fe.Err()
}

// SessionWarnings returns doubts about a session that do not block saving it, such as a date outside the
// program's dates.
func SessionWarnings(p *Program, s *Session) []string {
	var w []string
	if !s.Date.IsZero() && (s.Date.Before(p.StartDate) || s.Date.After(p.EndDate)) {
		w = append(w, fmt.Sprintf("tanggal sesi %s di luar tanggal program (%s)", indo.Date(s.Date), p.Dates()))
	}
	return w
}

// SIASNKinds name SIASN's training-history kinds (jenisDiklatId) by their code (docs/domain.md §2).
var SIASNKinds = map[int]string{1: "Diklat Struktural", 2: "Diklat Fungsional", 3: "Diklat Teknis", 4: "Workshop",
	5: "Pelatihan Manajerial", 6: "Pelatihan Sosial Kultural", 7: "Sosialisasi", 8: "Bimbingan Teknis", 9: "Seminar",
	10: "Magang"}
