package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

const instantLayout = "2006-01-02 15:04:05"

// insertResponseTx stores an already validated response and its answers inside a transaction, setting its
// ID. Imports and the sample data write thousands through a batchTx: the answers of one response go in one
// statement.
func insertResponseTx(ctx context.Context, q querier, r *data.Response) error {
	at := time.Now().UTC()
	if !r.SubmittedAt.IsZero() {
		at = r.SubmittedAt.UTC()
	}
	if r.Source == "" {
		r.Source = data.ResponseApp
	}
	res, err := q.ExecContext(ctx, `INSERT INTO response (program_form_id, participant_id, respondent_name, respondent_email,
		respondent_nip, speaker, source, import_key, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ProgramFormID,
		nullID(r.ParticipantID), r.RespondentName, r.RespondentEmail, r.RespondentNIP, r.Speaker, r.Source, r.ImportKey,
		at.Format(instantLayout))
	if err != nil {
		return constraintError(err, "Responden ini sudah mengisi formulir tersebut", "Formulir program atau peserta tidak ditemukan")
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return storageError(err)
	}
	const chunk = 50
	for start := 0; start < len(r.Answers); start += chunk {
		part := r.Answers[start:min(start+chunk, len(r.Answers))]
		args := make([]any, 0, len(part)*5)
		for _, a := range part {
			var n1, n2 any
			if a.HasNumber {
				n1 = a.Number
			}
			if a.HasNumber2 {
				n2 = a.Number2
			}
			text := a.Text
			if a.Choices != nil {
				b, _ := json.Marshal(a.Choices)
				text = string(b)
			}
			args = append(args, r.ID, a.QuestionID, n1, n2, text)
		}
		query := "INSERT INTO answer (response_id, question_id, number, number2, text) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?), ", len(part)), ", ")
		if _, err := q.ExecContext(ctx, query, args...); err != nil {
			return constraintError(err, "Satu pertanyaan dijawab dua kali dalam satu respons", "Pertanyaan tidak ditemukan")
		}
	}
	return nil
}

// ImportedResponse is one response of a file for ImportResponses.
type ImportedResponse struct {
	*data.Response
	Line int // the file's row, named in an error about it
	// Questions are the visible questions (indexes into the form's Visible()) the answers are for, parallel to
	// Answers: the questions of a form stored in the same batch have no IDs until then.
	Questions []int
	// Timed says SubmittedAt came from the file. A timed response replaces the respondent's stored one only when
	// it is later; one without a time (the file's order stood in for it) replaces it always.
	Timed bool
}

// ResponseOutcome is what ImportResponses did with one response.
type ResponseOutcome int

// The outcomes.
const (
	ResponseImported        ResponseOutcome = iota // written
	ResponseAlreadyImported                        // skipped: an earlier import wrote the same row (its ImportKey)
	ResponseReplaced                               // written in place of the respondent's stored, earlier response
	ResponseKeptStored                             // skipped: the respondent's stored response is later
)

// ResponseBatch is the responses of one file with where they go: a form (stored first when NewForm) and its
// attachment to a program (made when ProgramForm is nil and the program has none).
type ResponseBatch struct {
	Program     *data.Program
	Form        *data.Form
	NewForm     bool              // Form is stored with the responses; its ID is set, and 0 again when the batch fails
	ProgramForm *data.ProgramForm // the attachment to fill; nil: the form's attachment to the program
	// Anonymous attaches a form the program lacks with anonymous respondents (a form made from a file whose rows
	// matched nobody) instead of its kind's.
	Anonymous bool
	Responses []ImportedResponse
}

// ResponseBatchResult is what ImportResponses wrote.
type ResponseBatchResult struct {
	ProgramForm *data.ProgramForm
	FormCreated bool
	Attached    bool              // the form was attached to the program by the batch
	Outcomes    []ResponseOutcome // one per response of the batch
}

// ImportResponses writes a file's responses in one transaction: the new form, the attachment when the
// program has none, then each response. A response whose ImportKey the attachment holds already is skipped;
// a participant's stored response (for the same speaker) is replaced by a later one and kept otherwise.
// Nothing is written when anything fails or ctx is cancelled. progress, if not nil, is told of done of total
// responses.
func (s *Store) ImportResponses(ctx context.Context, batch *ResponseBatch, progress func(done, total int)) (*ResponseBatchResult, error) {
	var res *ResponseBatchResult
	f := batch.Form
	err := s.batch(ctx, func(b *batchTx) error {
		res = &ResponseBatchResult{Outcomes: make([]ResponseOutcome, len(batch.Responses))}
		if batch.NewForm {
			f.ID = 0
			f.Normalize()
			if err := f.Validate(); err != nil {
				return err
			}
			if err := insertForm(ctx, b, f); err != nil {
				return err
			}
			res.FormCreated = true
		}
		pf := batch.ProgramForm
		if pf == nil {
			var err error
			if pf, res.Attached, err = formAttachment(ctx, b, batch.Program, f, batch.Anonymous); err != nil {
				return err
			}
		}
		res.ProgramForm = pf
		qs := f.Visible()
		total := len(batch.Responses)
		for i, in := range batch.Responses {
			if i%200 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(i, total)
				}
			}
			r := in.Response
			r.ID, r.ProgramFormID = 0, pf.ID
			if pf.Respondent == data.RespondentAnonymous {
				r.ParticipantID, r.RespondentName, r.RespondentEmail, r.RespondentNIP = 0, "", "", ""
			}
			for k := range r.Answers {
				r.Answers[k].QuestionID = qs[in.Questions[k]].ID
			}
			outcome, err := importResponse(ctx, b, r, in.Timed)
			if err != nil {
				return data.Wrap(data.ErrorKind(err), err, "baris %d: %v", in.Line, err)
			}
			res.Outcomes[i] = outcome
		}
		if progress != nil {
			progress(total, total)
		}
		return nil
	})
	if err != nil {
		if batch.NewForm {
			f.ID = 0
		}
		return nil, err
	}
	return res, nil
}

// importResponse writes one imported response unless the attachment holds it already or the respondent's
// stored response is later.
func importResponse(ctx context.Context, q querier, r *data.Response, timed bool) (ResponseOutcome, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM response WHERE program_form_id = ? AND import_key = ?",
		r.ProgramFormID, r.ImportKey).Scan(&n); err != nil {
		return 0, storageError(err)
	}
	if n > 0 {
		return ResponseAlreadyImported, nil
	}
	outcome := ResponseImported
	if r.ParticipantID != 0 {
		var id int64
		var at string
		err := q.QueryRowContext(ctx, "SELECT id, submitted_at FROM response WHERE program_form_id = ? AND participant_id = ? AND speaker = ?",
			r.ProgramFormID, r.ParticipantID, r.Speaker).Scan(&id, &at)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return 0, storageError(err)
		case timed && !r.SubmittedAt.After(instantOf(at)):
			return ResponseKeptStored, nil
		default:
			if _, err := q.ExecContext(ctx, "DELETE FROM response WHERE id = ?", id); err != nil {
				return 0, storageError(err)
			}
			outcome = ResponseReplaced
		}
	}
	return outcome, insertResponseTx(ctx, q, r)
}

// formAttachment returns the program's first attachment of the form, attaching it (at the form kind's level
// and with its respondents, or anonymous ones) when there is none.
func formAttachment(ctx context.Context, q querier, program *data.Program, f *data.Form, anonymous bool) (*data.ProgramForm, bool, error) {
	pf, err := scanProgramForm(q.QueryRowContext(ctx, "SELECT "+programFormColumns+
		" FROM program_form pf WHERE pf.program_id = ? AND pf.form_id = ? ORDER BY pf.id LIMIT 1", program.ID, f.ID))
	if err == nil {
		return pf, false, nil
	}
	if err != sql.ErrNoRows {
		return nil, false, storageError(err)
	}
	att := StandardAttachment(program, f.Kind)
	att.FormID = f.ID
	if anonymous {
		att.Respondent = data.RespondentAnonymous
	}
	if err := attachFormTx(ctx, q, &att); err != nil {
		return nil, false, err
	}
	return &att, true, nil
}

// SaveResponse validates a response against its form and stores it. A participant must be enrolled in the
// program; an anonymous form keeps no name. When the participant already answered (for this speaker), the
// new response replaces the old one only with replace set; otherwise it is a conflict the window asks about.
func (s *Store) SaveResponse(ctx context.Context, r *data.Response, replace bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		pf, err := scanProgramForm(tx.QueryRowContext(ctx, "SELECT "+programFormColumns+" FROM program_form pf WHERE pf.id = ?", r.ProgramFormID))
		if err == sql.ErrNoRows {
			return notFound("Formulir program", r.ProgramFormID)
		}
		if err != nil {
			return storageError(err)
		}
		f, err := loadForm(ctx, tx, pf.FormID)
		if err != nil {
			return err
		}
		if pf.Respondent == data.RespondentAnonymous {
			r.ParticipantID, r.RespondentName, r.RespondentEmail, r.RespondentNIP = 0, "", "", ""
		}
		r.Speaker = strings.TrimSpace(r.Speaker)
		if err := r.Validate(f); err != nil {
			return err
		}
		if r.ParticipantID == 0 {
			return insertResponseTx(ctx, tx, r)
		}
		var enrolled int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM enrolment WHERE program_id = ? AND participant_id = ?",
			pf.ProgramID, r.ParticipantID).Scan(&enrolled); err != nil {
			return storageError(err)
		}
		if enrolled == 0 {
			return data.Errorf(data.KindInvalid, "Responden ini tidak terdaftar di program; pilih peserta dari daftar program")
		}
		var existing int64
		err = tx.QueryRowContext(ctx, "SELECT id FROM response WHERE program_form_id = ? AND participant_id = ? AND speaker = ?",
			r.ProgramFormID, r.ParticipantID, r.Speaker).Scan(&existing)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return storageError(err)
		case !replace:
			if r.Speaker != "" {
				return data.Errorf(data.KindConflict, "Responden ini sudah menilai %s; ganti jawaban sebelumnya?", r.Speaker)
			}
			return data.Errorf(data.KindConflict, "Responden ini sudah mengisi formulir ini; ganti jawaban sebelumnya?")
		default:
			if _, err := tx.ExecContext(ctx, "DELETE FROM response WHERE id = ?", existing); err != nil {
				return storageError(err)
			}
		}
		return insertResponseTx(ctx, tx, r)
	})
}

// DeleteResponse removes one response with its answers.
func (s *Store) DeleteResponse(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM response WHERE id = ?", id)
		return mustAffect(res, err, "Jawaban", id)
	})
}

const responseColumns = `r.id, r.program_form_id, COALESCE(r.participant_id, 0), r.respondent_name, r.respondent_email,
	r.respondent_nip, r.speaker, r.source, r.import_key, r.submitted_at`

func scanResponse(row interface{ Scan(...any) error }, extra ...any) (*data.Response, error) {
	var r data.Response
	var at string
	dest := append([]any{&r.ID, &r.ProgramFormID, &r.ParticipantID, &r.RespondentName, &r.RespondentEmail, &r.RespondentNIP,
		&r.Speaker, &r.Source, &r.ImportKey, &at}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	r.SubmittedAt = instantOf(at)
	return &r, nil
}

// Responses returns every response to an attached form with its answers, oldest first: what the analysis
// reads.
func (s *Store) Responses(ctx context.Context, programFormID int64) ([]*data.Response, error) {
	return responsesTx(ctx, s.db, programFormID)
}

func responsesTx(ctx context.Context, q querier, programFormID int64) ([]*data.Response, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+responseColumns+" FROM response r WHERE r.program_form_id = ? ORDER BY r.submitted_at, r.id", programFormID)
	if err != nil {
		return nil, storageError(err)
	}
	var out []*data.Response
	byID := map[int64]*data.Response{}
	for rows.Next() {
		r, err := scanResponse(rows)
		if err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		out = append(out, r)
		byID[r.ID] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	multiple, err := column[int64](ctx, q, `SELECT q.id FROM question q JOIN program_form pf ON pf.form_id = q.form_id
		WHERE pf.id = ? AND q.kind = 'multiple_choice'`, programFormID)
	if err != nil {
		return nil, storageError(err)
	}
	multi := make(map[int64]bool, len(multiple))
	for _, id := range multiple {
		multi[id] = true
	}
	// Answers come in the primary key's order (response, question): no sort, no join with question.
	rows, err = q.QueryContext(ctx, `SELECT a.response_id, a.question_id, a.number, a.number2, a.text
		FROM response r JOIN answer a ON a.response_id = r.id WHERE r.program_form_id = ?`, programFormID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var last *data.Response
	for rows.Next() {
		var id int64
		var a data.Answer
		var n1, n2 sql.NullFloat64
		if err := rows.Scan(&id, &a.QuestionID, &n1, &n2, &a.Text); err != nil {
			return nil, storageError(err)
		}
		a.Number, a.HasNumber = n1.Float64, n1.Valid
		a.Number2, a.HasNumber2 = n2.Float64, n2.Valid
		if multi[a.QuestionID] {
			json.Unmarshal([]byte(a.Text), &a.Choices)
			a.Text = ""
		}
		if last == nil || last.ID != id {
			last = byID[id]
		}
		if last != nil {
			last.Answers = append(last.Answers, a)
		}
	}
	return out, storageError(rows.Err())
}

// ResponseRow is a response as lists show it, without its answers.
type ResponseRow struct {
	*data.Response
	Name string // the participant's name with titles, the name given, or "" for anonymous
	NIP  string
}

// ResponseList lists the responses to an attached form, newest first.
func (s *Store) ResponseList(ctx context.Context, programFormID int64) ([]ResponseRow, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+responseColumns+`, COALESCE(p.front_title, ''), COALESCE(p.name, ''),
		COALESCE(p.back_title, ''), COALESCE(p.nip, '') FROM response r LEFT JOIN participant p ON p.id = r.participant_id
		WHERE r.program_form_id = ? ORDER BY r.submitted_at DESC, r.id DESC`, programFormID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []ResponseRow
	for rows.Next() {
		var row ResponseRow
		var front, name, back string
		if row.Response, err = scanResponse(rows, &front, &name, &back, &row.NIP); err != nil {
			return nil, storageError(err)
		}
		row.Name = data.FullName(front, name, back)
		if name == "" {
			row.Name = row.RespondentName
			row.NIP = row.RespondentNIP
		}
		out = append(out, row)
	}
	return out, storageError(rows.Err())
}

// Respondent is an enrolled participant with how far they are with an attached form.
type Respondent struct {
	ParticipantID int64
	Name          string // with titles
	NIP           string
	Unit          string
	Done          int // responses given (for a speaker form: speakers judged)
	Of            int // responses expected: 1, or the number of speakers
}

// Complete reports whether the participant gave every response expected.
func (r Respondent) Complete() bool { return r.Done >= r.Of }

// Responded reports whether the participant gave any response: on a speaker form, rated at least one
// speaker. That is what the response rate counts; a participant who rated some speakers has responded even
// if the program's other speakers were not theirs to judge (they missed those sessions).
func (r Respondent) Responded() bool { return r.Done > 0 }

// ResponseRate is how many of those expected to answer an attached form have.
type ResponseRate struct {
	Form        *data.ProgramForm
	Kind        data.FormKind
	Expected    int          // participants enrolled (role peserta, not withdrawn)
	Responded   int          // of them, those who responded (a speaker form: rated at least one speaker)
	Completed   int          // of them, those who gave every response expected (a speaker form: rated every speaker)
	Responses   int          // every response, anonymous and unmatched ones included
	Speakers    []string     // for a speaker form: the program's speakers
	Respondents []Respondent // every expected participant, by name; empty for an anonymous form
}

// Rate is Responded ÷ Expected (0 when nobody is expected). For an anonymous form, whose answers carry no
// name, Responded is the fewest people who could have given the responses (anonymousResponded).
func (r *ResponseRate) Rate() float64 {
	if r.Expected == 0 {
		return 0
	}
	return float64(r.Responded) / float64(r.Expected)
}

// Missing lists the participants who have not given every response expected.
func (r *ResponseRate) Missing() []Respondent {
	var out []Respondent
	for _, p := range r.Respondents {
		if !p.Complete() {
			out = append(out, p)
		}
	}
	return out
}

// ResponseRate tells who of a program's participants answered an attached form and who has not yet.
func (s *Store) ResponseRate(ctx context.Context, programFormID int64) (*ResponseRate, error) {
	pf, err := s.ProgramForm(ctx, programFormID)
	if err != nil {
		return nil, err
	}
	rate := &ResponseRate{Form: pf}
	if err := s.db.QueryRowContext(ctx, "SELECT kind FROM form WHERE id = ?", pf.FormID).Scan(&rate.Kind); err != nil {
		return nil, storageError(err)
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM response WHERE program_form_id = ?", programFormID).Scan(&rate.Responses); err != nil {
		return nil, storageError(err)
	}
	of := 1
	if rate.Kind == data.FormSpeaker {
		if rate.Speakers, err = s.ProgramSpeakers(ctx, pf.ProgramID); err != nil {
			return nil, err
		}
		of = max(1, len(rate.Speakers))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.front_title, p.name, p.back_title, COALESCE(p.nip, ''), e.unit,
		(SELECT count(DISTINCT r.speaker) FROM response r WHERE r.program_form_id = ? AND r.participant_id = p.id)
		FROM enrolment e JOIN participant p ON p.id = e.participant_id
		WHERE e.program_id = ? AND e.status = 'enrolled' AND e.role = 'peserta' ORDER BY p.sort_name, p.id`, programFormID, pf.ProgramID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Respondent
		var front, name, back string
		if err := rows.Scan(&r.ParticipantID, &front, &name, &back, &r.NIP, &r.Unit, &r.Done); err != nil {
			return nil, storageError(err)
		}
		r.Name, r.Of = data.FullName(front, name, back), of
		rate.Expected++
		if pf.Respondent != data.RespondentAnonymous {
			if r.Responded() {
				rate.Responded++
			}
			if r.Complete() {
				rate.Completed++
			}
			rate.Respondents = append(rate.Respondents, r)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	if pf.Respondent == data.RespondentAnonymous {
		rate.Responded = anonymousResponded(rate.Expected, rate.Responses, of)
	}
	return rate, nil
}

// anonymousResponded estimates how many of expected participants answered an anonymous form from its
// responses, of expected from each (one, or one per speaker): the fewest people who could have given them,
// at most everyone expected.
func anonymousResponded(expected, responses, of int) int {
	return min(expected, (responses+of-1)/of)
}

// SpeakersJudged lists the speakers a participant has already judged on a speaker form.
func (s *Store) SpeakersJudged(ctx context.Context, programFormID, participantID int64) (map[string]bool, error) {
	speakers, err := column[string](ctx, s.db, "SELECT speaker FROM response WHERE program_form_id = ? AND participant_id = ?",
		programFormID, participantID)
	if err != nil {
		return nil, storageError(err)
	}
	out := make(map[string]bool, len(speakers))
	for _, sp := range speakers {
		out[sp] = true
	}
	return out, nil
}

// EnrolledPeople returns the participants enrolled in a program (not withdrawn), by name: importers match
// respondents against them by NIP, email and name.
func (s *Store) EnrolledPeople(ctx context.Context, programID int64) ([]*data.Participant, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("p.", participantColumns)+` FROM participant p
		JOIN enrolment e ON e.participant_id = p.id WHERE e.program_id = ? AND e.status = 'enrolled' ORDER BY p.sort_name, p.id`, programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []*data.Participant
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, storageError(err)
		}
		out = append(out, p)
	}
	return out, storageError(rows.Err())
}

// prefixed qualifies a column list with a table alias.
func prefixed(alias, columns string) string {
	fields := strings.Split(columns, ",")
	for i, f := range fields {
		fields[i] = alias + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}
