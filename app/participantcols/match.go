package participantcols

import (
	"strings"

	"github.com/pembina/pembina/data"
)

// MatchHeading tells which field a column heading names, with the synonyms Indonesian lists use: NIP; NAMA,
// NAMA LENGKAP; GELAR; PANGKAT/GOL, GOL.RUANG; JABATAN; UNIT KERJA, SATKER, SEKOLAH; INSTANSI; JENIS KELAMIN,
// L/P; TEMPAT/TGL LAHIR; EMAIL; NO HP, TELEPON; and more. Unknown headings give FieldNone.
func MatchHeading(heading string) Field {
	key := data.SearchKey(heading)
	if key == "" {
		return FieldNone
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(key) {
		words[w] = true
	}
	has := func(list ...string) bool {
		for _, w := range list {
			if words[w] {
				return true
			}
		}
		return false
	}
	switch {
	case has("nip"):
		return FieldNIP
	case has("nik", "ktp"):
		return FieldNIK
	case has("nama") && has("gelar"):
		return FieldName // "NAMA LENGKAP DAN GELAR": the titles are split off the name
	case has("gelar"):
		switch {
		case has("depan"):
			return FieldFrontTitle
		case has("belakang"):
			return FieldBackTitle
		}
		return FieldTitles
	case has("lahir", "ttl"):
		place, date := has("tempat", "tmp", "tmpt", "ttl"), has("tgl", "tanggal", "tangal", "ttl")
		switch {
		case place && !date:
			return FieldBirthPlace
		case date && !place:
			return FieldBirthDate
		}
		return FieldBirth
	case has("kelamin", "jk", "gender", "sex") || key == "l p" || key == "lp" || key == "p l":
		return FieldSex
	case has("pangkat", "golongan", "gol", "ruang"):
		return FieldRank
	case has("jabatan", "jab") && has("jenis", "kategori"):
		return FieldPositionKind
	case has("jabatan", "jab"):
		return FieldPosition
	case has("unit", "satker", "sekolah", "satuan", "madrasah", "uker", "bidang", "bagian"):
		return FieldUnit
	case has("instansi", "opd", "skpd", "dinas", "lembaga", "perangkat"):
		return FieldAgency
	case has("email", "surel") || key == "e mail" || strings.HasPrefix(key, "e mail "):
		return FieldEmail
	case has("hp", "telepon", "telp", "tlp", "telpon", "handphone", "ponsel", "wa", "whatsapp", "kontak"):
		return FieldPhone
	case has("keaktifan", "aktif", "pensiun", "mutasi"):
		return FieldService
	case has("status") && !has("perkawinan", "kawin"):
		return FieldStatus
	case has("nama", "name"):
		return FieldName
	case key == "no" || key == "nomor" || key == "no urut" || key == "urut":
		return FieldNumber
	}
	return FieldNone
}
