package store

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// Scope selects what the bulk readers behind the leadership workbook and the dashboard read: the programs
// that end between From and To (inclusive: a program's JP count in the year it ends, data.TrainingRecord.Year),
// and, when Unit is set, only the enrolments and people of that unit kerja — the participant's unit now,
// compared ignoring case, because leadership asks about the people a unit has today.
type Scope struct {
	From, To time.Time
	Unit     string
	// ProgramID, when set, narrows the scope to one program whatever its dates: the evaluation summary of a
	// program shows the same key figures as the workbook's Program sheet.
	ProgramID int64
}

// programsWhere is the scope's condition on program p.
func (sc Scope) programsWhere() (string, []any) {
	if sc.ProgramID != 0 {
		return "p.id = ?", []any{sc.ProgramID}
	}
	return "p.end_date BETWEEN ? AND ?", []any{data.FormatDate(sc.From), data.FormatDate(sc.To)}
}

// peopleWhere is the scope's condition on a participant's ID column ("e.participant_id"); empty without a unit.
func (sc Scope) peopleWhere(column string) (string, []any) {
	if strings.TrimSpace(sc.Unit) == "" {
		return "", nil
	}
	return column + " IN (SELECT id FROM participant WHERE unit = ? COLLATE NOCASE)", []any{strings.TrimSpace(sc.Unit)}
}

// selection is what a bulk read of outcomes covers: a condition on program p, and an optional one on
// enrolment e.
type selection struct {
	programs   string
	args       []any
	enrolments string
	eargs      []any
}

func (sc Scope) selection() selection {
	w, args := sc.programsWhere()
	ew, eargs := sc.peopleWhere("e.participant_id")
	return selection{programs: w, args: args, enrolments: ew, eargs: eargs}
}

// ProgramOutcome is a program with where its schedule stood on the day outcomes were decided: sessions held,
// unentered ("belum diisi") and to come (data.ProgramDay), and whether it has ended.
type ProgramOutcome struct {
	Program *data.Program
	data.ProgramDay
	Complete bool   // every session is held: none to come, none to enter
	Ended    bool   // its JP count for those who completed it (data.ProgramDay.Ended)
	Course   string // data.CourseKey of its title and subjects: a course completed twice in a year counts once
}

// EnrolmentOutcome is one enrolment with its attendance over the sessions held and the outcome of the
// completion rule (data.DecideEligibility), whose Completed says whether the program's JP count.
type EnrolmentOutcome struct {
	Enrolment   *data.Enrolment
	Eligibility data.Eligibility
}

// Completed is whether the enrolment's JP count (data.Eligibility.Completed).
func (eo *EnrolmentOutcome) Completed() bool { return eo.Eligibility.Completed }

// Outcomes are the outcomes of many programs' enrolments, read in bulk.
type Outcomes struct {
	Programs   map[int64]*ProgramOutcome
	Enrolments []EnrolmentOutcome // by enrolment ID
}

// Enrolment returns the outcome of one enrolment, or nil when it is not covered.
func (o *Outcomes) Enrolment(id int64) *EnrolmentOutcome {
	i := sort.Search(len(o.Enrolments), func(i int) bool { return o.Enrolments[i].Enrolment.ID >= id })
	if i < len(o.Enrolments) && o.Enrolments[i].Enrolment.ID == id {
		return &o.Enrolments[i]
	}
	return nil
}

// Outcomes supplies, in bulk, the inputs of the completion rule (data.DecideEligibility) for every enrolment
// of the programs in the scope (of the scope's unit only, when it names one) on day today, and decides each:
// the attendance over the sessions held, the best post-test score, and whether the program has ended. It
// reads in five queries whatever the number of programs and people, summing the marks per enrolment and
// status in SQLite, so that the JP of 100,000 people can be counted in well under a second. Certificates (one
// program: Scope.ProgramID), the person's history, the workbook and the dashboard all read it.
func (s *Store) Outcomes(ctx context.Context, sc Scope, today time.Time) (*Outcomes, error) {
	return outcomes(ctx, s.db, sc.selection(), today)
}

func outcomes(ctx context.Context, q querier, sel selection, today time.Time) (*Outcomes, error) {
	out := &Outcomes{Programs: map[int64]*ProgramOutcome{}}
	rows, err := q.QueryContext(ctx, "SELECT "+programColumns+" FROM program p WHERE "+sel.programs, sel.args...)
	if err != nil {
		return nil, storageError(err)
	}
	for rows.Next() {
		p, err := scanProgram(rows)
		if err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		out.Programs[p.ID] = &ProgramOutcome{Program: p}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	if len(out.Programs) == 0 {
		return out, nil
	}

	rows, err = q.QueryContext(ctx, `SELECT x.program_id, x.id, x.position, x.date, x.topic, x.jp,
		EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = x.id)
		FROM session x JOIN program p ON p.id = x.program_id WHERE `+sel.programs+`
		ORDER BY x.program_id, x.position, x.date, x.start_time, x.id`, sel.args...)
	if err != nil {
		return nil, storageError(err)
	}
	for rows.Next() {
		var x data.Session
		var day string
		var marked bool
		if err := rows.Scan(&x.ProgramID, &x.ID, &x.Number, &day, &x.Topic, &x.JP, &marked); err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		x.Date, _ = time.Parse(data.DateLayout, day)
		out.Programs[x.ProgramID].Add(&x, today, marked)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	for _, po := range out.Programs {
		po.Complete, po.Ended = po.ProgramDay.Complete(), po.ProgramDay.Ended(po.Program, today)
	}

	// Marks on sessions after today never count; a session of today counts once anyone is marked, so every
	// mark up to today is one of a held session.
	where, args := sel.programs+" AND x.date <= ?", append(append([]any{}, sel.args...), data.FormatDate(data.Day(today)))
	join := ""
	if sel.enrolments != "" {
		join = " CROSS JOIN enrolment e ON e.id = a.enrolment_id"
		where += " AND " + sel.enrolments
		args = append(args, sel.eargs...)
	}
	// CROSS JOIN keeps SQLite to this order (programs, their sessions, their marks by the primary key): left to
	// itself it scans every mark of the database, seven times slower on the large sample.
	rows, err = q.QueryContext(ctx, `SELECT a.enrolment_id, a.status, count(*), total(x.jp) FROM program p
		CROSS JOIN session x ON x.program_id = p.id CROSS JOIN attendance a ON a.session_id = x.id`+join+` WHERE `+where+`
		GROUP BY a.enrolment_id, a.status`, args...)
	if err != nil {
		return nil, storageError(err)
	}
	tallies := map[int64][]data.StatusTally{}
	for rows.Next() {
		var id int64
		var t data.StatusTally
		var jp float64
		if err := rows.Scan(&id, &t.Status, &t.Sessions, &jp); err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		t.JP = int(jp)
		tallies[id] = append(tallies[id], t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}

	if err := courseKeys(ctx, q, sel, out.Programs); err != nil {
		return nil, err
	}

	post, err := postTestScores(ctx, q, sel)
	if err != nil {
		return nil, err
	}

	where, args = sel.programs, append([]any{}, sel.args...)
	if sel.enrolments != "" {
		where += " AND " + sel.enrolments
		args = append(args, sel.eargs...)
	}
	rows, err = q.QueryContext(ctx, "SELECT "+enrolmentColumns+` FROM program p CROSS JOIN enrolment e ON e.program_id = p.id
		WHERE `+where+" ORDER BY e.id", args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEnrolment(rows)
		if err != nil {
			return nil, storageError(err)
		}
		po := out.Programs[e.ProgramID]
		p := po.Program
		in := data.EligibilityInput{Program: p, Enrolment: e, Complete: po.Complete, Ended: po.Ended,
			Attendance: data.RateFromTallies(po.HeldJP, po.HeldSessions, tallies[e.ID], p.ExcusedCountPresent)}
		if score, ok := post[[2]int64{e.ProgramID, e.ParticipantID}]; ok {
			in.PostTest = &score
		}
		eo := EnrolmentOutcome{Enrolment: e, Eligibility: data.DecideEligibility(in)}
		out.Enrolments = append(out.Enrolments, eo)
	}
	return out, storageError(rows.Err())
}

// courseKeys sets the course key (data.CourseKey) of every program of the selection from its title and
// subjects.
func courseKeys(ctx context.Context, q querier, sel selection, programs map[int64]*ProgramOutcome) error {
	rows, err := q.QueryContext(ctx, `SELECT x.program_id, x.name FROM program p CROSS JOIN subject x ON x.program_id = p.id
		WHERE `+sel.programs, sel.args...)
	if err != nil {
		return storageError(err)
	}
	defer rows.Close()
	subjects := map[int64][]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return storageError(err)
		}
		subjects[id] = append(subjects[id], name)
	}
	if err := rows.Err(); err != nil {
		return storageError(err)
	}
	for id, po := range programs {
		po.Course = data.CourseKey(po.Program.Title, subjects[id])
	}
	return nil
}

// Repeats applies the once-per-course rule (data.CourseRepeats) to the completed enrolments of the outcomes:
// each enrolment that repeats a course its person completed earlier in the same year, with the one that counted.
func (o *Outcomes) Repeats() map[int64]int64 {
	var takes []data.CourseTake
	for _, eo := range o.Enrolments {
		if eo.Completed() {
			po := o.Programs[eo.Enrolment.ProgramID]
			takes = append(takes, data.CourseTake{Enrolment: eo.Enrolment.ID, Person: eo.Enrolment.ParticipantID,
				Course: po.Course, End: po.Program.EndDate})
		}
	}
	return data.CourseRepeats(takes)
}

// postTestScores reads, for the programs of the selection that have a pass score, each participant's best
// post-test score on 0–100, by program and participant: the points of the visible test items answered with
// the correct option over the points of all of them, as data.Response.Score counts them.
func postTestScores(ctx context.Context, q querier, sel selection) (map[[2]int64]float64, error) {
	rows, err := q.QueryContext(ctx, `SELECT pf.program_id, r.participant_id, max(100.0 *
			(SELECT total(t.points) FROM answer a JOIN question t ON t.id = a.question_id WHERE a.response_id = r.id
				AND t.kind = 'test_item' AND t.hidden = 0 AND a.text = t.correct) /
			(SELECT total(t.points) FROM question t WHERE t.form_id = pf.form_id AND t.kind = 'test_item' AND t.hidden = 0))
		FROM program p CROSS JOIN program_form pf ON pf.program_id = p.id JOIN form f ON f.id = pf.form_id
		CROSS JOIN response r ON r.program_form_id = pf.id
		WHERE `+sel.programs+` AND p.pass_score > 0 AND f.kind = 'posttest' AND r.participant_id IS NOT NULL
		GROUP BY pf.program_id, r.participant_id`, sel.args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[[2]int64]float64{}
	for rows.Next() {
		var program, participant int64
		var score sql.NullFloat64
		if err := rows.Scan(&program, &participant, &score); err != nil {
			return nil, storageError(err)
		}
		if score.Valid {
			out[[2]int64{program, participant}] = score.Float64
		}
	}
	return out, storageError(rows.Err())
}
