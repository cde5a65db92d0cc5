package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pembina/pembina/data/indo"
)

// DefaultLevel is the Kirkpatrick level a form of this kind is attached at: 1 for reaction (organisation,
// speaker, other), 2 for learning (tests), 3 for behaviour (follow-ups).
func (k FormKind) DefaultLevel() int {
	switch k {
	case FormPreTest, FormPostTest:
		return 2
	case FormFollowUpAlumni, FormFollowUpSuperior:
		return 3
	}
	return 1
}

// DefaultRespondent is who answers a form of this kind unless the coordinator chooses otherwise.
func (k FormKind) DefaultRespondent() Respondent {
	if k == FormFollowUpSuperior {
		return RespondentSuperior
	}
	return RespondentParticipant
}

// Respondents lists the respondent kinds in the order the window offers them.
var Respondents = []Respondent{RespondentParticipant, RespondentSuperior, RespondentAnonymous}

// LevelLabel names a Kirkpatrick level in Indonesian: "Level 1 – Reaksi".
func LevelLabel(level int) string {
	switch level {
	case 1:
		return "Level 1 – Reaksi"
	case 2:
		return "Level 2 – Pembelajaran"
	case 3:
		return "Level 3 – Perilaku"
	}
	return "Level " + strconv.Itoa(level)
}

// ProgramForm is a form attached to a program, for one Kirkpatrick level and one kind of respondent, open
// between two dates (either may be empty).
type ProgramForm struct {
	ID         int64
	ProgramID  int64
	FormID     int64
	Level      int
	Respondent Respondent
	OpensOn    time.Time
	ClosesOn   time.Time
	Position   int
}

// Validate checks the attachment.
func (pf *ProgramForm) Validate() error {
	var fe FieldErrors
	if pf.FormID == 0 {
		fe.Add("Formulir", "pilih formulir yang dilampirkan")
	}
	if pf.Level < 1 || pf.Level > 3 {
		fe.Add("Level", "pilih level 1, 2 atau 3")
	}
	if pf.Respondent.Label() == string(pf.Respondent) {
		fe.Add("Responden", "pilih peserta, atasan langsung atau anonim")
	}
	if !pf.OpensOn.IsZero() && !pf.ClosesOn.IsZero() && pf.ClosesOn.Before(pf.OpensOn) {
		fe.Add("Ditutup", "tidak boleh sebelum tanggal dibuka (%s)", indo.Date(pf.OpensOn))
	}
	return fe.Err()
}

// IsOpen reports whether the form takes responses on day.
func (pf *ProgramForm) IsOpen(day time.Time) bool {
	day = Day(day)
	return (pf.OpensOn.IsZero() || !day.Before(pf.OpensOn)) && (pf.ClosesOn.IsZero() || !day.After(pf.ClosesOn))
}

// Where a response came from.
const (
	ResponseApp    = "app"    // filled in on the laptop (kiosk mode)
	ResponsePaper  = "paper"  // typed in from a paper form
	ResponseImport = "import" // imported from a Google Forms export
)

// MaxTextAnswer is the longest text answer kept, in characters; longer answers are shortened with a warning.
const MaxTextAnswer = 10000

// Response is one respondent's answers to an attached form: a participant's (ParticipantID set), a superior's
// about a participant, or an anonymous one. Speaker forms are answered once per speaker.
type Response struct {
	ID              int64
	ProgramFormID   int64
	ParticipantID   int64  // 0: anonymous or not matched to an enrolled participant
	RespondentName  string // as given, for superiors and unmatched imported rows
	RespondentEmail string
	RespondentNIP   string // as given in an import, for rows that matched nobody
	Speaker         string // the speaker judged, for speaker evaluations
	Source          string // ResponseApp, ResponsePaper or ResponseImport
	ImportKey       string
	SubmittedAt     time.Time
	Answers         []Answer
}

// Answer is the answer to one question. Number holds a scale point, a number, the importance of a pair or the
// points a test item scored; Number2 the performance of a pair; Text a text answer or the chosen option;
// Choices the options of a multiple choice.
type Answer struct {
	QuestionID int64
	Number     float64
	Number2    float64
	HasNumber  bool
	HasNumber2 bool
	Text       string
	Choices    []string
}

// Answered reports whether the answer says anything (a pair needs both halves).
func (a *Answer) Answered(kind QuestionKind) bool {
	switch kind {
	case QuestionImportancePerf:
		return a.HasNumber && a.HasNumber2
	case QuestionScale, QuestionNumber:
		return a.HasNumber
	case QuestionMultiChoice:
		return len(a.Choices) > 0
	}
	return strings.TrimSpace(a.Text) != ""
}

// Answer returns the answer to a question, or nil.
func (r *Response) Answer(questionID int64) *Answer {
	for i := range r.Answers {
		if r.Answers[i].QuestionID == questionID {
			return &r.Answers[i]
		}
	}
	return nil
}

// Yes and No are the stored texts of a yes/no answer.
const (
	Yes = "Ya"
	No  = "Tidak"
)

// CheckAnswer normalises an answer to q (the option's own spelling, yes/no as Ya/Tidak, a test item's
// points) and checks it: a point on the scale, a known option, a text not too long. The message says what
// is wrong and what is allowed, for the kiosk, paper entry and imports alike.
func CheckAnswer(f *Form, q *Question, a *Answer) error {
	if q.Kind == QuestionLongText {
		a.Text = CleanText(a.Text)
	} else {
		a.Text = CleanLine(a.Text)
	}
	for i := range a.Choices {
		a.Choices[i] = CleanLine(a.Choices[i])
	}
	sc := f.ScaleOf(q)
	onScale := func(v float64, what string) error {
		if !sc.Contains(v) {
			if sc == Scale100 {
				return Errorf(KindInvalid, "%s %s di luar skala 0–100", Phrase{Text: what}, indo.Number(v, 2))
			}
			return Errorf(KindInvalid, "%s %s di luar skala; isi bilangan bulat %s", Phrase{Text: what}, indo.Number(v, 2), sc.Label())
		}
		return nil
	}
	switch q.Kind {
	case QuestionScale:
		if a.HasNumber {
			return onScale(a.Number, "nilai")
		}
	case QuestionImportancePerf:
		if a.HasNumber {
			if err := onScale(a.Number, "harapan"); err != nil {
				return err
			}
		}
		if a.HasNumber2 {
			return onScale(a.Number2, "kenyataan")
		}
	case QuestionYesNo:
		switch SearchKey(a.Text) {
		case "":
		case "ya", "y", "yes", "1", "benar":
			a.Text, a.Number, a.HasNumber = Yes, 1, true
		case "tidak", "t", "no", "n", "0", "tdk", "bukan":
			a.Text, a.Number, a.HasNumber = No, 0, true
		default:
			return Errorf(KindInvalid, "jawaban %q bukan Ya atau Tidak", a.Text)
		}
	case QuestionSingleChoice, QuestionTestItem:
		if a.Text == "" {
			return nil
		}
		i := q.OptionIndex(a.Text)
		if i < 0 {
			return Errorf(KindInvalid, "jawaban %q tidak ada di antara pilihan (%s)", clip(a.Text, 60), strings.Join(q.Options, "; "))
		}
		a.Text = q.Options[i]
		if q.Kind == QuestionTestItem {
			a.Number, a.HasNumber = 0, true
			if a.Text == q.Correct {
				a.Number = q.Points
			}
		}
	case QuestionMultiChoice:
		seen := map[int]bool{}
		var out []string
		for _, c := range a.Choices {
			i := q.OptionIndex(c)
			if i < 0 {
				return Errorf(KindInvalid, "jawaban %q tidak ada di antara pilihan (%s)", clip(c, 60), strings.Join(q.Options, "; "))
			}
			if !seen[i] {
				seen[i] = true
				out = append(out, q.Options[i])
			}
		}
		a.Choices = out
	case QuestionNumber:
		// any number
	case QuestionShortText, QuestionLongText:
		if n := utf8.RuneCountInString(a.Text); n > MaxTextAnswer {
			return Errorf(KindInvalid, "jawaban terlalu panjang (%s karakter, paling banyak %s)", indo.Int(int64(n)), indo.Int(MaxTextAnswer))
		}
	}
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// QuestionRef names a question in messages: "Pertanyaan 3 (Kesesuaian materi dengan…)".
func QuestionRef(number int, q *Question) string {
	return fmt.Sprintf("Pertanyaan %d (%s)", number, clip(q.Text, 50))
}

// Validate checks a response against its form: every answer belongs to a question still asked and is valid
// for it, and, for a response given on the laptop, every required question is answered. A paper form or an
// imported row is kept as the respondent wrote it: a blank stays blank. Answers are normalised in place (see
// CheckAnswer).
func (r *Response) Validate(f *Form) error {
	var fe FieldErrors
	switch r.Source {
	case ResponseApp, ResponsePaper, ResponseImport:
	default:
		fe.Add("Sumber", "tidak dikenal: %q", r.Source)
	}
	r.Speaker = CleanLine(r.Speaker)
	if f.Kind == FormSpeaker && r.Speaker == "" {
		fe.Add("Narasumber", "pilih narasumber yang dinilai")
	}
	number := map[int64]int{}
	for i, q := range f.Visible() {
		number[q.ID] = i + 1
	}
	seen := map[int64]bool{}
	for i := range r.Answers {
		a := &r.Answers[i]
		q := f.Question(a.QuestionID)
		n, visible := number[a.QuestionID]
		switch {
		case q == nil:
			fe.Add("Jawaban", "pertanyaan %d bukan bagian dari formulir ini", a.QuestionID)
			continue
		case !visible:
			fe.Add("Jawaban", "pertanyaan %q sudah disembunyikan dan tidak menerima jawaban baru", clip(q.Text, 50))
			continue
		case seen[a.QuestionID]:
			fe.Add(QuestionRef(n, q), "dijawab dua kali")
			continue
		}
		seen[a.QuestionID] = true
		if err := CheckAnswer(f, q, a); err != nil {
			fe.Add(QuestionRef(n, q), "%v", err)
		}
	}
	for _, q := range f.Visible() {
		if !q.Required || r.Source != ResponseApp {
			continue
		}
		if a := r.Answer(q.ID); a == nil || !a.Answered(q.Kind) {
			fe.Add(QuestionRef(number[q.ID], q), "wajib dijawab")
		}
	}
	return fe.Err()
}

// Score is a test response's score on 0–100: the points of its correct answers over the form's total points
// (visible test items only). ok is false for a form without test items.
func (r *Response) Score(f *Form) (score float64, ok bool) {
	total := f.TotalPoints()
	if total <= 0 {
		return 0, false
	}
	var got float64
	for _, q := range f.Visible() {
		if q.Kind != QuestionTestItem {
			continue
		}
		if a := r.Answer(q.ID); a != nil && a.Text == q.Correct {
			got += q.Points
		}
	}
	return got / total * 100, true
}
