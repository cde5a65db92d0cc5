package data

// FormKind is what a form is for; the Kirkpatrick level of its use is set when it is attached to a program.
type FormKind string

// The form kinds.
const (
	FormOrganisation     FormKind = "organisation"      // Evaluasi Penyelenggaraan
	FormSpeaker          FormKind = "speaker"           // Evaluasi Narasumber
	FormPreTest          FormKind = "pretest"           // Pre-test
	FormPostTest         FormKind = "posttest"          // Post-test
	FormFollowUpAlumni   FormKind = "followup_alumni"   // Evaluasi Pasca Pelatihan – Alumni
	FormFollowUpSuperior FormKind = "followup_superior" // Evaluasi Pasca Pelatihan – Atasan
	FormOther            FormKind = "other"             // Lainnya
)

// FormKinds lists the kinds in the order the window offers them.
var FormKinds = []FormKind{FormOrganisation, FormSpeaker, FormPreTest, FormPostTest, FormFollowUpAlumni,
	FormFollowUpSuperior, FormOther}

// Label is the kind in Indonesian.
func (k FormKind) Label() string {
	switch k {
	case FormOrganisation:
		return "Evaluasi Penyelenggaraan"
	case FormSpeaker:
		return "Evaluasi Narasumber"
	case FormPreTest:
		return "Pre-test"
	case FormPostTest:
		return "Post-test"
	case FormFollowUpAlumni:
		return "Evaluasi Pasca Pelatihan – Alumni"
	case FormFollowUpSuperior:
		return "Evaluasi Pasca Pelatihan – Atasan"
	case FormOther:
		return "Lainnya"
	}
	return string(k)
}

// Scales are the answer scales of DOMAIN.md §4.
var Scales = []string{"1-4", "1-5", "0-100"}

func validScale(s string) bool { return oneOf(s, Scales) }

// QuestionKind is how a question is answered.
type QuestionKind string

// The question kinds.
const (
	QuestionScale          QuestionKind = "scale"                  // one point on the form's scale
	QuestionImportancePerf QuestionKind = "importance_performance" // harapan and kenyataan, both on the scale
	QuestionYesNo          QuestionKind = "yes_no"
	QuestionSingleChoice   QuestionKind = "single_choice"
	QuestionMultiChoice    QuestionKind = "multiple_choice"
	QuestionShortText      QuestionKind = "short_text"
	QuestionLongText       QuestionKind = "long_text"
	QuestionNumber         QuestionKind = "number"
	QuestionTestItem       QuestionKind = "test_item" // choices with one correct answer, and points
)

// QuestionKinds lists the kinds in the order the form editor offers them.
var QuestionKinds = []QuestionKind{QuestionScale, QuestionImportancePerf, QuestionYesNo, QuestionSingleChoice,
	QuestionMultiChoice, QuestionShortText, QuestionLongText, QuestionNumber, QuestionTestItem}

// Label is the kind in Indonesian.
func (k QuestionKind) Label() string {
	switch k {
	case QuestionScale:
		return "Skala"
	case QuestionImportancePerf:
		return "Harapan × Kenyataan"
	case QuestionYesNo:
		return "Ya/Tidak"
	case QuestionSingleChoice:
		return "Pilihan tunggal"
	case QuestionMultiChoice:
		return "Pilihan ganda (boleh lebih dari satu)"
	case QuestionShortText:
		return "Teks singkat"
	case QuestionLongText:
		return "Teks panjang"
	case QuestionNumber:
		return "Angka"
	case QuestionTestItem:
		return "Soal tes"
	}
	return string(k)
}

// Respondent is who answers a form attached to a program.
type Respondent string

// The respondent kinds.
const (
	RespondentParticipant Respondent = "participant" // the participant, by name
	RespondentSuperior    Respondent = "superior"    // the participant's direct superior (level 3)
	RespondentAnonymous   Respondent = "anonymous"   // nobody's name is kept
)

// Label is the respondent kind in Indonesian.
func (r Respondent) Label() string {
	switch r {
	case RespondentParticipant:
		return "Peserta"
	case RespondentSuperior:
		return "Atasan langsung"
	case RespondentAnonymous:
		return "Anonim"
	}
	return string(r)
}
