package importer

import (
	"context"
	"fmt"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// recognise refuses a file that is not an evaluation export, with the reason: it needs a timestamp column
// (most of its cells read as times), or at least two columns that hold answers on a scale (numbers 1–4 or
// 1–5, or the words of a scale such as Sangat Baik … Sangat Kurang or Sangat Setuju … Sangat Tidak Setuju) or
// are headed by questions (a question mark, a grid's "Judul [baris]", or a sentence of four words or more).
// Random bytes and a participant list have neither, and must not become responses or a form.
func (rf *ResponseFile) recognise() error {
	scaled, asked := 0, 0
	for _, c := range rf.Columns {
		switch c.Role {
		case RoleTimestamp:
			if rf.timestamps(c.Index) {
				return nil
			}
		case RoleQuestion:
			if sc, _ := inferScale(rf.column(c.Index)); sc != "" {
				scaled++
			} else if looksLikeQuestion(c) {
				asked++
			}
		}
	}
	if scaled+asked >= 2 {
		return nil
	}
	return data.Errorf(data.KindInvalid, "%s bukan ekspor jawaban evaluasi: tidak ada kolom waktu pengisian (Timestamp), dan hanya %d kolom "+
		"berisi jawaban berskala atau berjudul pertanyaan (perlu paling sedikit 2). Ekspor jawaban formulir dari Google Forms "+
		"(Jawaban > Unduh atau Tautkan ke Spreadsheet) lalu impor berkas itu", rf.Name, scaled+asked)
}

// timestamps reports whether most of a column's filled cells read as timestamps.
func (rf *ResponseFile) timestamps(col int) bool {
	filled, ok := 0, 0
	for r := range rf.Rows {
		cell := rf.Cell(r, col)
		if cell == "" {
			continue
		}
		filled++
		if parseStamp(cell, rf.numeric != nil && rf.numeric(r, col)).ok {
			ok++
		}
	}
	return filled > 0 && ok*2 > filled
}

// looksLikeQuestion reports whether a column's heading reads as a question rather than a field name.
func looksLikeQuestion(c ResponseColumn) bool {
	return strings.Contains(c.Header, "?") || c.Row != "" || len(strings.Fields(questionKey(c.Header))) >= 4
}

// FormFit is how well a file fits a form: of the file's question columns, how many map to its questions.
type FormFit struct {
	Matched, Questions int
}

// Percent is the share of the file's question columns that match, 0–100.
func (f FormFit) Percent() int {
	if f.Questions == 0 {
		return 0
	}
	return f.Matched * 100 / f.Questions
}

// Enough reports whether most of the file's question columns match: fewer would put answers to other
// questions into this form, or fail on them.
func (f FormFit) Enough() bool { return f.Questions > 0 && f.Matched*2 > f.Questions }

// String says the fit in Indonesian: "7 dari 8 kolom pertanyaan (87%)".
func (f FormFit) String() string {
	return fmt.Sprintf("%d dari %d kolom pertanyaan (%d%%)", f.Matched, f.Questions, f.Percent())
}

// FitOf measures how well the file fits form f.
func FitOf(rf *ResponseFile, f *data.Form) FormFit {
	fit := FormFit{}
	for _, c := range rf.Columns {
		if c.Role == RoleQuestion {
			fit.Questions++
		}
	}
	fit.Matched = MatchedQuestions(rf, f)
	return fit
}

// FormChoice is the form an import without a named form goes to, and why, in Indonesian.
type FormChoice struct {
	Form        *data.Form        // nil: a new form made from the file's columns
	ProgramForm *data.ProgramForm // the attachment of Form
	Fit         FormFit           // of Form, or of the attached form that fitted best when none fitted enough
	Reason      string
}

// ChooseForm picks where an import without a named form goes: the program's attached form that most of the
// file's question columns match (the best of those), so that the same file imported twice lands in the same
// form; otherwise a new form made from the columns.
func ChooseForm(ctx context.Context, s *store.Store, program *data.Program, rf *ResponseFile) (FormChoice, error) {
	rows, err := s.ProgramForms(ctx, program.ID)
	if err != nil {
		return FormChoice{}, err
	}
	var best FormChoice
	for _, r := range rows {
		f, err := s.Form(ctx, r.FormID)
		if err != nil {
			return FormChoice{}, err
		}
		if fit := FitOf(rf, f); best.Form == nil || fit.Matched > best.Fit.Matched {
			best = FormChoice{Form: f, ProgramForm: r.ProgramForm, Fit: fit}
		}
	}
	switch {
	case best.Form != nil && best.Fit.Enough():
		best.Reason = fmt.Sprintf("Formulir %q dipilih: %s cocok dengan pertanyaannya.", best.Form.Title, best.Fit)
		return best, nil
	case best.Form != nil:
		best.Reason = fmt.Sprintf("Tidak ada formulir terlampir yang cocok (yang paling dekat, %q, hanya %s); formulir baru dibuat dari kolom berkas.",
			best.Form.Title, best.Fit)
	default:
		best.Reason = "Program belum memiliki formulir terlampir; formulir baru dibuat dari kolom berkas."
	}
	return FormChoice{Fit: best.Fit, Reason: best.Reason}, nil
}
