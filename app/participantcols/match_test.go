package participantcols

import "testing"

func TestMatchHeading(t *testing.T) {
	tests := map[string]Field{
		"NIP": FieldNIP, "NIP Baru": FieldNIP, "NAMA": FieldName, "Nama Lengkap": FieldName, "NAMA LENGKAP DAN GELAR": FieldName,
		"GELAR": FieldTitles, "Gelar Depan": FieldFrontTitle, "GELAR BELAKANG": FieldBackTitle, "PANGKAT/GOL": FieldRank,
		"GOL.RUANG": FieldRank, "Pangkat / Gol. Ruang": FieldRank, "JABATAN": FieldPosition, "Jenis Jabatan": FieldPositionKind,
		"UNIT KERJA": FieldUnit, "SATKER": FieldUnit, "SEKOLAH": FieldUnit, "Nama Sekolah": FieldUnit, "Asal Sekolah": FieldUnit,
		"INSTANSI": FieldAgency, "Asal Instansi": FieldAgency, "JENIS KELAMIN": FieldSex, "L/P": FieldSex,
		"TEMPAT/TGL LAHIR": FieldBirth, "TTL": FieldBirth, "Tempat Lahir": FieldBirthPlace, "Tanggal Lahir": FieldBirthDate,
		"EMAIL": FieldEmail, "E-mail": FieldEmail, "Alamat Email": FieldEmail, "NO HP": FieldPhone, "TELEPON": FieldPhone,
		"No. Telp/WA": FieldPhone, "NO": FieldNumber, "No.": FieldNumber, "NIK": FieldNIK, "Status Kepegawaian": FieldStatus,
		"Tanda Tangan": FieldNone, "Keterangan": FieldNone, "": FieldNone,
	}
	for heading, want := range tests {
		if got := MatchHeading(heading); got != want {
			t.Errorf("MatchHeading(%q) = %q, want %q", heading, got, want)
		}
	}
}
