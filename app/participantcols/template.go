package participantcols

// TemplateColumn is one column of the participant template: its heading, its width in Excel's character
// units and the value of the template's example row ("" when the column is left empty or filled otherwise).
type TemplateColumn struct {
	Heading string
	Width   float64
	Example string
}

// Template is the participant template's columns in order. The importer maps every one of them
// (MatchHeading), and the participant export writes the same columns, so that an export can be edited and
// imported again.
var Template = []TemplateColumn{
	{"NO", 5, "1"},
	{"NIP", 21, "198609262015051001"},
	{"NAMA", 28, "Budi Santoso"},
	{"GELAR DEPAN", 12, ""},
	{"GELAR BELAKANG", 16, "S.Pd."},
	{"L/P", 6, "L"},
	{"TEMPAT LAHIR", 16, "Sukamaju"},
	{"TANGGAL LAHIR", 15, ""},
	{"STATUS KEPEGAWAIAN", 20, "PNS"},
	{"PANGKAT/GOL", 14, "III/b"},
	{"JABATAN", 26, "Guru Ahli Pertama"},
	{"JENIS JABATAN", 22, "Fungsional Ahli Pertama"},
	{"UNIT KERJA", 28, "SD Negeri 1 Sukamaju"},
	{"INSTANSI", 26, "Dinas Pendidikan"},
	{"EMAIL", 26, "budi.santoso@contoh.sch.id"},
	{"NO HP", 16, "081234567890"},
	{"NIK", 20, ""},
}

// TemplateHeadings are the participant template's column headings in order; MatchHeading gives the field
// each one holds.
func TemplateHeadings() []string {
	out := make([]string, len(Template))
	for i, c := range Template {
		out[i] = c.Heading
	}
	return out
}
