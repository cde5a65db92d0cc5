package data

// Keys of the built-in forms (form.builtin). The store installs them once in every database; the sample data
// and the standard set of a program find them by these keys.
const (
	BuiltinOrganisation     = "penyelenggaraan"
	BuiltinSpeaker          = "narasumber"
	BuiltinPreTest          = "pretest-digital"
	BuiltinPostTest         = "posttest-digital"
	BuiltinFollowUpAlumni   = "epp-alumni"
	BuiltinFollowUpSuperior = "epp-atasan"
)

// BuiltinKeys lists every form of BuiltinForms, the sample data's tests included.
var BuiltinKeys = []string{BuiltinOrganisation, BuiltinSpeaker, BuiltinPreTest, BuiltinPostTest,
	BuiltinFollowUpAlumni, BuiltinFollowUpSuperior}

// StandardKeys are the generic forms every database receives and "Lampirkan set standar" attaches, in that
// order: they fit any program. A test belongs to one subject and is made per program, so the pre-test and
// post-test on digital technology are sample data (IsSampleTest), made by the sample data set only.
var StandardKeys = []string{BuiltinOrganisation, BuiltinSpeaker, BuiltinFollowUpAlumni, BuiltinFollowUpSuperior}

// IsSampleTest reports whether a built-in key names one of the sample data's tests.
func IsSampleTest(key string) bool { return key == BuiltinPreTest || key == BuiltinPostTest }

// BuiltinItemBank is the item bank shared by the built-in pre-test and post-test.
const BuiltinItemBank = "teknologi-digital-pembelajaran"

var agreeLabels = []string{"Sangat Tidak Setuju", "Tidak Setuju", "Setuju", "Sangat Setuju"}

func scaleQ(text string) *Question {
	return &Question{Kind: QuestionScale, Text: text, Required: true}
}

func ipQ(text string) *Question {
	return &Question{Kind: QuestionImportancePerf, Text: text, Required: true}
}

func agreeQ(text string) *Question {
	return &Question{Kind: QuestionScale, Text: text, Labels: agreeLabels, Required: true}
}

func textQ(text string, long, required bool) *Question {
	k := QuestionShortText
	if long {
		k = QuestionLongText
	}
	return &Question{Kind: k, Text: text, Required: required}
}

// testItem is one multiple-choice item of the built-in item bank; the first option listed is the key.
type testItem struct {
	key, text string
	options   []string
	correct   int
}

// digitalItems are the items of the built-in pre-test and post-test, on the subjects of "Pelatihan Pemanfaatan
// Teknologi Digital dalam Pembelajaran": digital literacy, online learning platforms, interactive content and
// digital assessment.
var digitalItems = []testItem{
	{"TD01", "Kerangka Literasi Digital Indonesia memuat empat pilar. Manakah yang BUKAN salah satu pilarnya?",
		[]string{"Cakap Digital", "Etika Digital", "Budaya Digital", "Ekonomi Digital", "Aman Digital"}, 3},
	{"TD02", "Kepanjangan LMS dalam pembelajaran daring adalah …",
		[]string{"Learning Management System", "Lesson Monitoring Software", "Learning Media Studio", "Local Mobile Server"}, 0},
	{"TD03", "Pembelajaran sinkron (synchronous) adalah pembelajaran yang …",
		[]string{"dilakukan guru dan siswa pada waktu yang sama, misalnya melalui konferensi video",
			"dikerjakan siswa kapan saja sesuai waktu masing-masing",
			"hanya memakai bahan ajar cetak", "selalu dilaksanakan di laboratorium komputer"}, 0},
	{"TD04", "Blended learning adalah …",
		[]string{"pembelajaran yang sepenuhnya daring", "perpaduan pembelajaran tatap muka dan daring",
			"pembelajaran memakai beberapa buku paket sekaligus", "pembelajaran yang hanya memakai video"}, 1},
	{"TD05", "Dalam model SAMR, tahap ketika teknologi memungkinkan tugas baru yang sebelumnya tidak mungkin dilakukan disebut …",
		[]string{"Substitution", "Augmentation", "Modification", "Redefinition"}, 3},
	{"TD06", "TPACK menekankan bahwa guru perlu memadukan pengetahuan tentang …",
		[]string{"teknologi, pedagogi dan konten (materi)", "teknologi, psikologi dan kurikulum",
			"tes, penilaian dan kurikulum", "teori, praktik dan kelas"}, 0},
	{"TD07", "Asesmen formatif dilaksanakan terutama untuk …",
		[]string{"menentukan kelulusan di akhir semester", "memberi umpan balik untuk memperbaiki proses belajar",
			"mengisi rapor saja", "membandingkan peringkat antarsekolah"}, 1},
	{"TD08", "Jenis soal yang paling mudah dinilai otomatis dalam kuis daring adalah …",
		[]string{"esai panjang", "pilihan ganda", "portofolio", "unjuk kerja"}, 1},
	{"TD09", "Sebelum memakai gambar dari internet dalam bahan ajar, guru sebaiknya …",
		[]string{"langsung memakainya karena semua gambar di internet bebas dipakai",
			"memeriksa lisensinya, misalnya Creative Commons, dan mencantumkan sumbernya",
			"mengubah warnanya agar tidak dikenali", "memakai gambar dengan resolusi paling kecil"}, 1},
	{"TD10", "Kata sandi akun pembelajaran yang paling aman adalah …",
		[]string{"tanggal lahir sendiri", "nama sekolah", "gabungan huruf besar, huruf kecil, angka dan simbol yang panjang",
			"kata sandi yang sama untuk semua akun"}, 2},
}

func (it testItem) question() *Question {
	return &Question{Kind: QuestionTestItem, Text: it.text, Options: append([]string(nil), it.options...),
		Correct: it.options[it.correct], Points: 10, Required: true, ItemKey: it.key}
}

// BuiltinForms returns fresh copies of the built-in forms of docs/domain.md §4, in Indonesian: Evaluasi
// Penyelenggaraan (importance × performance on the typical items), Evaluasi Narasumber (answered once per
// speaker), a pre-test and post-test sharing one item bank, and Evaluasi Pasca Pelatihan for alumni and for
// their superiors.
func BuiltinForms() []*Form {
	org := &Form{Title: "Evaluasi Penyelenggaraan", Kind: FormOrganisation, Scale: Scale4, Builtin: BuiltinOrganisation,
		Description: "Untuk setiap pernyataan, nilailah seberapa penting hal itu bagi Anda (harapan) dan seberapa baik " +
			"hal itu terlaksana dalam pelatihan ini (kenyataan).",
		Sections: []*Section{
			{Title: "Materi dan Metode", Questions: []*Question{
				ipQ("Kesesuaian materi dengan kebutuhan pekerjaan"),
				ipQ("Bahan ajar mudah dipahami"),
				ipQ("Kesesuaian metode pembelajaran dengan materi"),
				ipQ("Kecukupan waktu untuk tugas dan kuis"),
			}},
			{Title: "Pelayanan dan Sarana", Questions: []*Question{
				ipQ("Ketanggapan panitia penyelenggara"),
				ipQ("Kecukupan konsumsi"),
				ipQ("Lingkungan belajar mendukung (ruang, suara, penerangan)"),
				{Kind: QuestionImportancePerf, Text: "Platform daring mudah diakses dan digunakan (isi bila ada sesi daring)"},
			}},
			{Title: "Saran dan Masukan", Questions: []*Question{
				{Kind: QuestionYesNo, Text: "Apakah Anda akan menyarankan pelatihan ini kepada rekan kerja?", Required: true},
				textQ("Hal yang paling bermanfaat dari pelatihan ini", true, false),
				textQ("Saran perbaikan penyelenggaraan", true, false),
			}},
		}}
	speaker := &Form{Title: "Evaluasi Narasumber", Kind: FormSpeaker, Scale: Scale4, Builtin: BuiltinSpeaker,
		Description: "Diisi untuk setiap narasumber yang mengajar dalam program ini.",
		Sections: []*Section{
			{Title: "Penilaian Narasumber", Questions: []*Question{
				scaleQ("Penguasaan materi"),
				scaleQ("Ketepatan waktu"),
				scaleQ("Sistematika penyajian"),
				scaleQ("Penggunaan metode dan media pembelajaran"),
				scaleQ("Sikap dan perilaku"),
				scaleQ("Cara menjawab pertanyaan peserta"),
				scaleQ("Penggunaan bahasa"),
				scaleQ("Kemampuan memotivasi peserta"),
				scaleQ("Kerja sama dengan peserta dan panitia"),
			}},
			{Title: "Saran", Questions: []*Question{textQ("Saran untuk narasumber", true, false)}},
		}}
	pre := &Form{Title: "Pre-test Pemanfaatan Teknologi Digital dalam Pembelajaran", Kind: FormPreTest, Scale: Scale100,
		Builtin: BuiltinPreTest, ItemBank: BuiltinItemBank,
		Description: "Kerjakan sebelum pelatihan dimulai. Pilih satu jawaban yang paling tepat.",
		Sections:    []*Section{{Title: "Soal", Questions: nil}}}
	post := &Form{Title: "Post-test Pemanfaatan Teknologi Digital dalam Pembelajaran", Kind: FormPostTest, Scale: Scale100,
		Builtin: BuiltinPostTest, ItemBank: BuiltinItemBank,
		Description: "Kerjakan setelah pelatihan selesai. Pilih satu jawaban yang paling tepat.",
		Sections:    []*Section{{Title: "Soal", Questions: nil}}}
	for i, it := range digitalItems {
		pre.Sections[0].Questions = append(pre.Sections[0].Questions, it.question())
		// The post-test asks the same items in another order, so that answers are not copied from memory.
		post.Sections[0].Questions = append(post.Sections[0].Questions, digitalItems[(i*3+1)%len(digitalItems)].question())
	}
	alumni := &Form{Title: "Evaluasi Pasca Pelatihan – Alumni", Kind: FormFollowUpAlumni, Scale: Scale4,
		Builtin:     BuiltinFollowUpAlumni,
		Description: "Diisi alumni 3 sampai 6 bulan setelah pelatihan, tentang penerapan hasil pelatihan dalam pekerjaan.",
		Sections: []*Section{
			{Title: "Penerapan Hasil Pelatihan", Questions: []*Question{
				agreeQ("Saya menerapkan pengetahuan dan keterampilan dari pelatihan dalam pekerjaan sehari-hari"),
				agreeQ("Kinerja saya meningkat setelah mengikuti pelatihan"),
				agreeQ("Saya berbagi hasil pelatihan dengan rekan kerja"),
				agreeQ("Atasan mendukung saya menerapkan hasil pelatihan"),
				agreeQ("Sarana di tempat kerja memungkinkan saya menerapkan hasil pelatihan"),
			}},
			{Title: "Uraian", Questions: []*Question{
				textQ("Contoh penerapan hasil pelatihan dalam pekerjaan Anda", true, true),
				textQ("Hambatan dalam menerapkan hasil pelatihan", true, false),
				textQ("Pelatihan lanjutan yang Anda butuhkan", false, false),
			}},
		}}
	superior := &Form{Title: "Evaluasi Pasca Pelatihan – Atasan", Kind: FormFollowUpSuperior, Scale: Scale4,
		Builtin:     BuiltinFollowUpSuperior,
		Description: "Diisi atasan langsung alumni 3 sampai 6 bulan setelah pelatihan, tentang perubahan kinerja alumni.",
		Sections: []*Section{
			{Title: "Perubahan Kinerja Alumni", Questions: []*Question{
				agreeQ("Alumni menerapkan hasil pelatihan dalam pekerjaannya"),
				agreeQ("Kualitas hasil kerja alumni meningkat"),
				agreeQ("Alumni lebih mampu menyelesaikan tugas tepat waktu"),
				agreeQ("Alumni berbagi pengetahuan dengan rekan kerja"),
				agreeQ("Sikap dan perilaku kerja alumni berubah menjadi lebih baik"),
			}},
			{Title: "Uraian", Questions: []*Question{
				textQ("Perubahan yang paling terlihat pada alumni", true, false),
				textQ("Pengembangan kompetensi berikutnya yang Anda sarankan bagi alumni", true, false),
			}},
		}}
	return []*Form{org, speaker, pre, post, alumni, superior}
}
