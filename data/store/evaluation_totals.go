package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

// AnswerTotals are one question's numeric answers on one attached form, summed by SQLite: the count, sum and
// sum of squares of the answers' numbers (the scale point, the number, the importance of a pair) and of their
// second numbers (the performance of a pair). analysis.FormFromTotals turns them into results.
type AnswerTotals struct {
	N      int
	Sum    float64
	SumSq  float64
	N2     int
	Sum2   float64
	SumSq2 float64
}

// AttachmentTotals is a form attached to a program in a scope with what the leadership reports need of its
// responses, read without reading every answer: the numeric answers summed per question and the response
// rate's counts, as ResponseRate counts them.
type AttachmentTotals struct {
	ProgramFormRow
	Form      *data.Form
	Totals    map[int64]AnswerTotals // by question ID
	Expected  int                    // enrolled participants (role peserta, not withdrawn) of the whole program
	Responded int                    // of them, those who responded (see ResponseRate)
}

// Rate is Responded ÷ Expected, 0 when nobody is expected (ResponseRate.Rate).
func (a *AttachmentTotals) Rate() float64 {
	if a.Expected == 0 {
		return 0
	}
	return float64(a.Responded) / float64(a.Expected)
}

// EvaluationTotals reads the attached forms of every program in the scope with their answers summed per
// question and their response rates, in a handful of queries whatever the number of programs. Response rates
// and answers are those of the whole program even when the scope names a unit: responses may be anonymous.
func (s *Store) EvaluationTotals(ctx context.Context, sc Scope) (map[int64][]*AttachmentTotals, error) {
	where, args := sc.programsWhere()
	out := map[int64][]*AttachmentTotals{}
	byID := map[int64]*AttachmentTotals{}
	rows, err := s.db.QueryContext(ctx, "SELECT "+programFormColumns+`, f.title, f.kind,
		(SELECT count(*) FROM response r WHERE r.program_form_id = pf.id),
		(SELECT count(*) FROM enrolment e WHERE e.program_id = p.id AND e.status = 'enrolled' AND e.role = 'peserta'),
		(SELECT count(DISTINCT x.speaker) FROM session x WHERE x.program_id = p.id AND trim(x.speaker) <> '')
		FROM program p CROSS JOIN program_form pf ON pf.program_id = p.id JOIN form f ON f.id = pf.form_id
		WHERE `+where+" ORDER BY pf.program_id, pf.level, pf.position, pf.id", args...)
	if err != nil {
		return nil, storageError(err)
	}
	for rows.Next() {
		a := &AttachmentTotals{Totals: map[int64]AnswerTotals{}}
		var speakers int
		if a.ProgramForm, err = scanProgramForm(rows, &a.FormTitle, &a.FormKind, &a.Responses, &a.Expected, &speakers); err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		if a.Respondent == data.RespondentAnonymous {
			of := 1 // responses expected of each participant: one, or one per speaker
			if a.FormKind == data.FormSpeaker {
				of = max(1, speakers)
			}
			a.Responded = anonymousResponded(a.Expected, a.Responses, of)
		}
		out[a.ProgramID] = append(out[a.ProgramID], a)
		byID[a.ID] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(byID) == 0 {
		return out, storageError(err)
	}

	forms := map[int64]*data.Form{}
	for _, a := range byID {
		if forms[a.FormID] == nil {
			if forms[a.FormID], err = loadForm(ctx, s.db, a.FormID); err != nil {
				return nil, err
			}
		}
		a.Form = forms[a.FormID]
	}

	// How many of the enrolled participants responded: gave a response, on a speaker form rated at least one
	// speaker.
	rows, err = s.db.QueryContext(ctx, `SELECT r.program_form_id, count(DISTINCT r.participant_id) FROM program p
		CROSS JOIN program_form pf ON pf.program_id = p.id CROSS JOIN response r ON r.program_form_id = pf.id
		JOIN enrolment e ON e.program_id = p.id AND e.participant_id = r.participant_id
		WHERE `+where+` AND pf.respondent <> 'anonymous' AND e.status = 'enrolled' AND e.role = 'peserta'
		GROUP BY r.program_form_id`, args...)
	if err != nil {
		return nil, storageError(err)
	}
	for rows.Next() {
		var id int64
		var responded int
		if err := rows.Scan(&id, &responded); err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		if a := byID[id]; a != nil {
			a.Responded = responded
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}

	// One query per attachment: SQLite then groups a thousand answers at a time in memory, where one query for
	// the whole year sorts half a million rows through a temporary B-tree (three times slower).
	stmt, err := s.db.PrepareContext(ctx, `SELECT a.question_id, count(a.number), total(a.number), total(a.number * a.number),
		count(a.number2), total(a.number2), total(a.number2 * a.number2) FROM response r CROSS JOIN answer a ON a.response_id = r.id
		WHERE r.program_form_id = ? GROUP BY a.question_id`)
	if err != nil {
		return nil, storageError(err)
	}
	defer stmt.Close()
	for id, a := range byID {
		if a.Responses == 0 {
			continue
		}
		if err := answerTotals(ctx, stmt, id, a.Totals); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func answerTotals(ctx context.Context, stmt *sql.Stmt, programFormID int64, into map[int64]AnswerTotals) error {
	rows, err := stmt.QueryContext(ctx, programFormID)
	if err != nil {
		return storageError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var question int64
		var t AnswerTotals
		if err := rows.Scan(&question, &t.N, &t.Sum, &t.SumSq, &t.N2, &t.Sum2, &t.SumSq2); err != nil {
			return storageError(err)
		}
		into[question] = t
	}
	return storageError(rows.Err())
}
