package data

import "strings"

// A letter body (nota dinas, surat undangan, surat panggilan) is a small template a coordinator edits in
// Pengaturan, because every regional government has its own Tata Naskah Dinas. Paragraphs are separated by an
// empty line; inside a paragraph a line break is a space. A line of the form
//
//	| Hari/tanggal | {tanggal}
//
// is a row of a details block (label, colon, value, indented), as invitations list the day, time and place.
// {placeholders} are filled as in a certificate body, and a part in [square brackets] is printed only when
// every placeholder inside it has a value. A paragraph or row left empty is dropped.

// LetterParagraph is one paragraph of a filled letter body: text, or a details row when Label is set.
type LetterParagraph struct {
	Label string
	Text  string
}

// FillLetterBody fills a letter body template with values and splits it into paragraphs and details rows.
func FillLetterBody(body string, values map[string]string) []LetterParagraph {
	var out []LetterParagraph
	var para []string
	flush := func() {
		text := strings.Join(strings.Fields(strings.Join(para, " ")), " ")
		para = para[:0]
		if text != "" {
			out = append(out, LetterParagraph{Text: text})
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
		case strings.HasPrefix(trimmed, "|"):
			flush()
			cells := strings.SplitN(strings.Trim(trimmed, "|"), "|", 2)
			label := strings.TrimSpace(fillText(cells[0], values))
			value := ""
			if len(cells) > 1 {
				value = strings.Join(strings.Fields(fillText(cells[1], values)), " ")
			}
			if label != "" && value != "" {
				out = append(out, LetterParagraph{Label: label, Text: value})
			}
		default:
			para = append(para, fillText(trimmed, values))
		}
	}
	flush()
	return out
}

// UnknownPlaceholders lists the {placeholders} of body that are not among known, in order of appearance, so
// that Pengaturan can refuse a misspelt one before a hundred letters print it empty.
func UnknownPlaceholders(body string, known []string) []string {
	var out []string
	seen := map[string]bool{}
	for s := body; ; {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return out
		}
		name := s[open+1 : open+end]
		s = s[open+end+1:]
		ok := false
		for _, k := range known {
			ok = ok || k == name
		}
		if !ok && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
}

// FollowUpPlaceholders are the placeholders of the JP follow-up's nota dinas body.
var FollowUpPlaceholders = []string{"unit", "kepala", "tahun", "target", "pegawai", "mencapai", "belum", "kekurangan",
	"persen", "instansi", "batas"}

// DefaultFollowUpBody is the built-in body of the nota dinas to a unit head about the employees still short
// of their yearly JP (PP 11/2017 as amended by PP 17/2020: every PNS is entitled to 20 JP a year).
const DefaultFollowUpBody = `Sehubungan dengan pemenuhan hak pengembangan kompetensi Aparatur Sipil Negara paling sedikit {target} jam pelajaran (JP) dalam 1 (satu) tahun sebagaimana diatur dalam Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020, dengan hormat kami sampaikan capaian JP pegawai {unit} tahun {tahun}.

| Pegawai ASN aktif | {pegawai} orang
| Telah memenuhi target JP | {mencapai} orang ({persen})
| Belum memenuhi target JP | {belum} orang
| Jumlah kekurangan JP | {kekurangan} JP

Nama pegawai yang belum memenuhi target beserta kekurangan JP masing-masing dan program pengembangan kompetensi yang dapat diikuti dalam waktu dekat tercantum dalam lampiran nota dinas ini.

Berkenaan dengan hal tersebut, kami mohon Saudara menugaskan pegawai dimaksud untuk mengikuti program pengembangan kompetensi yang tersedia[ paling lambat {batas}], mengingat capaian pengembangan kompetensi menjadi bagian dari penilaian sistem merit.

Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.`

// SummonsPlaceholders are the placeholders of the surat panggilan body.
var SummonsPlaceholders = []string{"unit", "kepala", "tahun", "nama", "nip", "jabatan", "program", "tanggal_program",
	"sesi", "instansi"}

// DefaultSummonsBody is the built-in body of the letter asking a unit head why an employee invited to a
// program attended none of it.
const DefaultSummonsBody = `Berdasarkan data presensi, pegawai Saudara berikut telah terdaftar sebagai peserta program pengembangan kompetensi, namun tidak hadir pada seluruh sesi tanpa keterangan:

| Nama | {nama}
| NIP | {nip}
| Jabatan | {jabatan}
| Program | {program}
| Tanggal | {tanggal_program}
| Kehadiran | tidak hadir pada {sesi} sesi (alpa)

Sampai dengan saat ini yang bersangkutan belum memiliki jam pelajaran pengembangan kompetensi pada tahun {tahun}. Sehubungan dengan hal tersebut, kami mohon Saudara menyampaikan alasan ketidakhadiran yang bersangkutan secara tertulis serta mendorong yang bersangkutan mengikuti program pengembangan kompetensi berikutnya.

Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.`
