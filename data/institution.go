package data

import "strings"

// Institution is the office that runs the programs; its name lines head every document. There is one.
type Institution struct {
	ParentName          string // "PEMERINTAH KABUPATEN SUMEDANG"
	Name                string // "DINAS PENDIDIKAN"
	Unit                string // "Bidang Guru dan Tenaga Kependidikan"
	Address             string
	City                string // where documents are signed: "Sumedang, 28 November 2026"
	Phone               string
	Email               string
	Website             string
	TimeZone            string // WIB, WITA or WIT
	Logo                []byte // PNG or JPEG; nil for the built-in emblem
	DefaultSignatoryID  int64
	AttendanceThreshold float64 // default for new programs, percent
	ExcusedCountPresent bool    // default for new programs
	DefaultScale        string  // "1-4", "1-5" or "0-100"
	CertificateKind     string  // "sertifikat", "sttp" or "piagam"
	NumberPattern       string  // default certificate number pattern
}

// Validate checks the settings a coordinator can get wrong.
func (in *Institution) Validate() error {
	var fe FieldErrors
	if !validTimeZone(in.TimeZone) {
		fe.Add("Zona waktu", "pilih WIB, WITA atau WIT")
	}
	if in.AttendanceThreshold < 0 || in.AttendanceThreshold > 100 {
		fe.Add("Batas kehadiran", "harus antara 0 dan 100 persen")
	}
	if !validScale(in.DefaultScale) {
		fe.Add("Skala bawaan", "pilih 1-4, 1-5 atau 0-100")
	}
	switch in.CertificateKind {
	case "sertifikat", "sttp", "piagam":
	default:
		fe.Add("Jenis sertifikat", "pilih Sertifikat, STTP atau Piagam")
	}
	if in.NumberPattern != "" && !strings.Contains(in.NumberPattern, "{seq") {
		fe.Add("Pola nomor sertifikat", "harus memuat {seq} atau {seq:03} agar setiap nomor berbeda")
	}
	if len(in.Logo) > 0 {
		if err := CheckImage(in.Logo, "berkas gambarnya"); err != nil {
			fe.Add("Logo", "%s", SentenceOf(err))
		}
	}
	return fe.Err()
}
