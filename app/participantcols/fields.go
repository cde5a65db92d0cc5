// Package participantcols holds the column vocabulary of a participant list: the fields a column can hold,
// the headings (with the synonyms Indonesian offices write) that name them, and the participant template's
// columns in order. The importer reads lists with it and the participant export writes the same columns,
// so that an exported list can be edited and imported again.
package participantcols

// Field is what a column of a participant list holds.
type Field string

// The fields a participant list's columns map to. FieldNone columns are ignored.
const (
	FieldNone         Field = ""
	FieldNumber       Field = "no" // the row number of the list: read to recognise data rows, never stored
	FieldNIP          Field = "nip"
	FieldNIK          Field = "nik"
	FieldName         Field = "name"
	FieldTitles       Field = "titles" // GELAR: front and back titles in one column
	FieldFrontTitle   Field = "front_title"
	FieldBackTitle    Field = "back_title"
	FieldSex          Field = "sex"
	FieldBirth        Field = "birth" // TEMPAT/TGL LAHIR: "Sumedang, 12-03-1980"
	FieldBirthPlace   Field = "birth_place"
	FieldBirthDate    Field = "birth_date"
	FieldStatus       Field = "status"
	FieldRank         Field = "rank"
	FieldPosition     Field = "position"
	FieldPositionKind Field = "position_kind"
	FieldUnit         Field = "unit"
	FieldAgency       Field = "agency"
	FieldEmail        Field = "email"
	FieldPhone        Field = "phone"
	FieldService      Field = "service" // STATUS KEAKTIFAN: aktif, pensiun, pindah (optional)
)

// Fields are the fields a column can be mapped to, in the order a mapping choice offers them.
var Fields = []Field{FieldNone, FieldNumber, FieldNIP, FieldName, FieldTitles, FieldFrontTitle, FieldBackTitle,
	FieldSex, FieldBirth, FieldBirthPlace, FieldBirthDate, FieldStatus, FieldRank, FieldPosition, FieldPositionKind,
	FieldUnit, FieldAgency, FieldEmail, FieldPhone, FieldNIK, FieldService}

// Label is the field's name in Indonesian, as the mapping choice and the messages show it.
func (f Field) Label() string {
	switch f {
	case FieldNone:
		return "(abaikan)"
	case FieldNumber:
		return "Nomor urut"
	case FieldNIP:
		return "NIP"
	case FieldNIK:
		return "NIK"
	case FieldName:
		return "Nama"
	case FieldTitles:
		return "Gelar"
	case FieldFrontTitle:
		return "Gelar depan"
	case FieldBackTitle:
		return "Gelar belakang"
	case FieldSex:
		return "Jenis kelamin"
	case FieldBirth:
		return "Tempat/tanggal lahir"
	case FieldBirthPlace:
		return "Tempat lahir"
	case FieldBirthDate:
		return "Tanggal lahir"
	case FieldStatus:
		return "Status kepegawaian"
	case FieldRank:
		return "Pangkat/Golongan"
	case FieldPosition:
		return "Jabatan"
	case FieldPositionKind:
		return "Jenis jabatan"
	case FieldUnit:
		return "Unit kerja"
	case FieldAgency:
		return "Instansi"
	case FieldEmail:
		return "Email"
	case FieldPhone:
		return "Telepon"
	case FieldService:
		return "Status keaktifan"
	}
	return string(f)
}
