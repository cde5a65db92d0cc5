package data

import (
	"strconv"
)

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

// Scales are the answer scales of docs/domain.md §4.
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

// Form is a survey or test template: a title, a kind, an answer scale and its sections of questions. The
// Kirkpatrick level and the respondents are chosen when it is attached to a program (ProgramForm).
type Form struct {
	ID          int64
	Title       string
	Kind        FormKind
	Scale       Scale // the default scale of its scale and importance × performance questions
	Description string
	Builtin     string // key of a built-in form, "" for the coordinator's own
	ItemBank    string // pre-test and post-test forms with the same item bank share items (Question.ItemKey)
	Sections    []*Section
}

// Section is a titled group of questions; the title may be empty for a form without sections.
type Section struct {
	ID        int64
	Title     string
	Questions []*Question
}

// Question is one question of a form.
type Question struct {
	ID        int64
	SectionID int64
	Kind      QuestionKind
	Text      string
	Scale     Scale    // "" means the form's scale
	Labels    []string // a word per scale point, lowest first; empty means the scale's default words
	Options   []string // choices of single, multiple choice and test items
	Correct   string   // test item: the correct option
	Points    float64  // test item: points for the correct option
	Required  bool
	Hidden    bool   // no longer asked; kept because it has answers
	ItemKey   string // test item: the same item in the other forms of the item bank
}

// Questions returns every question of the form in order, across sections.
func (f *Form) Questions() []*Question {
	var out []*Question
	for _, s := range f.Sections {
		out = append(out, s.Questions...)
	}
	return out
}

// Visible returns the questions still asked (not hidden), in order.
func (f *Form) Visible() []*Question {
	var out []*Question
	for _, q := range f.Questions() {
		if !q.Hidden {
			out = append(out, q)
		}
	}
	return out
}

// Question returns the question with the given ID, or nil.
func (f *Form) Question(id int64) *Question {
	for _, s := range f.Sections {
		for _, q := range s.Questions {
			if q.ID == id {
				return q
			}
		}
	}
	return nil
}

// IsTest reports whether the form is a pre-test or post-test, scored from its test items.
func (f *Form) IsTest() bool { return f.Kind == FormPreTest || f.Kind == FormPostTest }

// ScaleOf returns the scale a question is answered on: its own, or the form's.
func (f *Form) ScaleOf(q *Question) Scale {
	if q.Scale != "" {
		return q.Scale
	}
	if f.Scale == "" {
		return Scale4
	}
	return f.Scale
}

// PointLabels returns the word for each point of a question's scale, lowest first.
func (f *Form) PointLabels(q *Question) []string {
	sc := f.ScaleOf(q)
	if len(q.Labels) == sc.Points() && sc.Points() > 0 {
		return q.Labels
	}
	return sc.DefaultLabels()
}

// Copy returns a deep copy of the form without IDs, so that it can be stored as a new form.
func (f *Form) Copy() *Form {
	c := *f
	c.ID, c.Builtin = 0, ""
	c.Sections = make([]*Section, len(f.Sections))
	for i, s := range f.Sections {
		cs := &Section{Title: s.Title, Questions: make([]*Question, len(s.Questions))}
		for j, q := range s.Questions {
			cq := *q
			cq.ID, cq.SectionID = 0, 0
			cq.Labels = append([]string(nil), q.Labels...)
			cq.Options = append([]string(nil), q.Options...)
			cs.Questions[j] = &cq
		}
		c.Sections[i] = cs
	}
	return &c
}

// Normalize trims the texts and fills defaults: the form's scale, the item bank of a test.
func (f *Form) Normalize() {
	trim(&f.Title)
	f.Description = CleanText(f.Description)
	f.ItemBank = CleanText(f.ItemBank)
	if f.Scale == "" {
		f.Scale = Scale4
	}
	if f.Kind == "" {
		f.Kind = FormOther
	}
	for _, s := range f.Sections {
		trim(&s.Title)
		for _, q := range s.Questions {
			q.Text = CleanText(q.Text)
			trim(&q.Correct, &q.ItemKey)
			q.Options = cleanList(q.Options)
			q.Labels = cleanList(q.Labels)
			switch q.Kind {
			case QuestionScale, QuestionImportancePerf:
				q.Options, q.Correct, q.Points = nil, "", 0
				if q.Scale == f.Scale {
					q.Scale = ""
				}
			case QuestionSingleChoice, QuestionMultiChoice:
				q.Labels, q.Scale, q.Correct, q.Points = nil, "", "", 0
			case QuestionTestItem:
				q.Labels, q.Scale = nil, ""
			default:
				q.Labels, q.Scale, q.Options, q.Correct, q.Points = nil, "", nil, "", 0
			}
		}
	}
}

func cleanList(list []string) []string {
	var out []string
	for _, s := range list {
		if s = CleanLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Validate checks the form and every question; messages name the question by its number.
func (f *Form) Validate() error {
	var fe FieldErrors
	if f.Title == "" {
		fe.Add("Judul formulir", "wajib diisi")
	} else if len([]rune(f.Title)) > 200 {
		fe.Add("Judul formulir", "paling panjang 200 karakter")
	}
	if f.Kind.Label() == string(f.Kind) {
		fe.Add("Jenis formulir", "tidak dikenal: %q", f.Kind)
	}
	if !f.Scale.Valid() {
		fe.Add("Skala", "pilih 1–4, 1–5 atau 0–100")
	}
	keys := map[string]int{}
	for i, q := range f.Questions() {
		field := "Pertanyaan " + strconv.Itoa(i+1)
		f.validateQuestion(&fe, field, q)
		if q.Kind == QuestionTestItem && q.ItemKey != "" {
			if j, dup := keys[q.ItemKey]; dup {
				fe.Add(field, "kode soal %q sudah dipakai pertanyaan %d; setiap soal memerlukan kode sendiri", q.ItemKey, j)
			}
			keys[q.ItemKey] = i + 1
		}
	}
	return fe.Err()
}

func (f *Form) validateQuestion(fe *FieldErrors, field string, q *Question) {
	if q.Text == "" {
		fe.Add(field, "teks pertanyaan wajib diisi")
	} else if len([]rune(q.Text)) > 2000 {
		fe.Add(field, "teks pertanyaan paling panjang 2.000 karakter")
	}
	if q.Kind.Label() == string(q.Kind) {
		fe.Add(field, "jenis pertanyaan tidak dikenal: %q", q.Kind)
		return
	}
	if q.Scale != "" && !q.Scale.Valid() {
		fe.Add(field, "skala tidak dikenal: %q", q.Scale)
	}
	switch q.Kind {
	case QuestionScale, QuestionImportancePerf:
		if n := f.ScaleOf(q).Points(); len(q.Labels) > 0 && len(q.Labels) != n {
			fe.Add(field, "isi keterangan untuk setiap titik skala (%d) atau kosongkan semuanya", n)
		}
	case QuestionSingleChoice, QuestionMultiChoice, QuestionTestItem:
		if len(q.Options) < 2 {
			fe.Add(field, "isi paling sedikit dua pilihan jawaban, satu per baris")
		}
		seen := map[string]bool{}
		for _, o := range q.Options {
			k := SearchKey(o)
			if seen[k] {
				fe.Add(field, "pilihan %q tertulis dua kali", o)
			}
			seen[k] = true
			if len([]rune(o)) > 500 {
				fe.Add(field, "pilihan paling panjang 500 karakter")
			}
		}
		if q.Kind == QuestionTestItem {
			if q.Correct == "" {
				fe.Add(field, "pilih kunci jawaban")
			} else if !containsString(q.Options, q.Correct) {
				fe.Add(field, "kunci jawaban %q tidak ada di antara pilihan", q.Correct)
			}
			if q.Points <= 0 || q.Points > 1000 {
				fe.Add(field, "bobot nilai harus lebih dari 0 (dan paling besar 1.000)")
			}
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// OptionIndex returns the position of an option in a question's choices, matching case and spacing loosely,
// or -1.
func (q *Question) OptionIndex(s string) int {
	k := SearchKey(s)
	for i, o := range q.Options {
		if o == s {
			return i
		}
	}
	for i, o := range q.Options {
		if SearchKey(o) == k {
			return i
		}
	}
	return -1
}

// TotalPoints is the sum of the points of a test form's visible test items: the maximum raw score.
func (f *Form) TotalPoints() float64 {
	var t float64
	for _, q := range f.Visible() {
		if q.Kind == QuestionTestItem {
			t += q.Points
		}
	}
	return t
}

// MeaningChanges lists how an edited question would change the meaning of the answers it already has: its
// kind, its scale, its choices (new ones may be appended to a survey choice, never to a test item), the key
// and points of a test item, its item key, or its text beyond a small correction (a few letters, case,
// punctuation). An empty list means the edit is safe. Labels, the required flag, hiding and the order are
// free to change.
func MeaningChanges(oldForm *Form, old *Question, newForm *Form, q *Question) []string {
	var out []string
	if old.Kind != q.Kind {
		out = append(out, "jenis pertanyaan")
	}
	if (old.Kind == QuestionScale || old.Kind == QuestionImportancePerf) && oldForm.ScaleOf(old) != newForm.ScaleOf(q) {
		out = append(out, "skala")
	}
	if !smallEdit(old.Text, q.Text) {
		out = append(out, "teks pertanyaan (hanya perbaikan salah ketik kecil yang diizinkan)")
	}
	switch old.Kind {
	case QuestionSingleChoice, QuestionMultiChoice:
		if len(q.Options) < len(old.Options) || !sameKeys(old.Options, q.Options[:len(old.Options)]) {
			out = append(out, "pilihan jawaban yang sudah ada (pilihan baru boleh ditambahkan di akhir)")
		}
	case QuestionTestItem:
		if !sameKeys(old.Options, q.Options) {
			out = append(out, "pilihan jawaban")
		}
		if SearchKey(old.Correct) != SearchKey(q.Correct) {
			out = append(out, "kunci jawaban")
		}
		if old.Points != q.Points {
			out = append(out, "bobot nilai")
		}
		if old.ItemKey != q.ItemKey {
			out = append(out, "kode soal")
		}
	}
	return out
}

func sameKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if SearchKey(a[i]) != SearchKey(b[i]) {
			return false
		}
	}
	return true
}

// smallEdit reports whether b is a after a typo fix: the same text once case, spacing and punctuation are
// folded, give or take three letters (and no more than a fifth of it).
func smallEdit(a, b string) bool {
	ka, kb := []rune(SearchKey(a)), []rune(SearchKey(b))
	if string(ka) == string(kb) {
		return true
	}
	limit := min(3, max(len(ka), len(kb))/5)
	return editDistance(ka, kb, limit) <= limit
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it is certain to exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// SectionByID returns the section with the given ID, or nil.
func (f *Form) SectionByID(id int64) *Section {
	for _, s := range f.Sections {
		if s.ID == id {
			return s
		}
	}
	return nil
}
