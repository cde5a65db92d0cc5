package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// Target says where imported responses go.
type Target struct {
	Program     *data.Program
	Form        *data.Form        // an existing form, or a new one made by Infer
	NewForm     bool              // the form is stored with the responses, in the same transaction
	ProgramForm *data.ProgramForm // the attachment to fill; nil: the form's attachment to the program, made when missing
	Enrolled    []*data.Participant
	Speakers    []string // the program's speakers, for a speaker form
	Speaker     string   // the speaker every row judges, when the file has no speaker column
}

// respondent is who the attachment asks; anonymous forms match nobody.
func (t *Target) respondent() data.Respondent {
	if t.ProgramForm != nil {
		return t.ProgramForm.Respondent
	}
	return t.Form.Kind.DefaultRespondent()
}

// UnmatchedResponse is a row whose respondent is not an enrolled participant: it is kept as an anonymous response.
type UnmatchedResponse struct {
	Line              int
	Name, Email, NIP  string
	Reason            string
	AnonymousResponse bool
}

// Superseded is an earlier row of a respondent who answered again: the later response wins.
type Superseded struct {
	Line   int    // the row left out
	By     int    // the later row kept (0: a response already stored)
	Who    string // the respondent as the coordinator knows them
	Stored bool   // the row replaced, or lost to, a response stored before this import
}

type planned struct {
	line    int
	resp    *data.Response
	index   []int // the visible question each answer is for, parallel to resp.Answers
	who     string
	group   string // respondent and speaker: rows with the same group are the same person's answers
	hasTime bool
	order   int
}

// ResponsePlan is what an import would write, worked out before anything is written: the window shows it
// and the command line prints it, then Apply writes it in one transaction.
type ResponsePlan struct {
	File       *ResponseFile
	Target     Target
	Columns    []ResponseColumn
	Problems   []Problem
	Unmatched  []UnmatchedResponse
	Superseded []Superseded
	Skipped    []int // rows left out because of errors (with skipInvalid)
	responses  []*planned
}

// Responses is how many responses the plan would write (before those already stored are skipped).
func (p *ResponsePlan) Responses() int { return len(p.responses) }

// Matched is how many of them belong to an enrolled participant.
func (p *ResponsePlan) Matched() int {
	n := 0
	for _, r := range p.responses {
		if r.resp.ParticipantID != 0 {
			n++
		}
	}
	return n
}

// Errors lists the problems that stop the import.
func (p *ResponsePlan) Errors() []Problem {
	var out []Problem
	for _, pr := range p.Problems {
		if pr.Error {
			out = append(out, pr)
		}
	}
	return out
}

// Warnings lists the problems that do not.
func (p *ResponsePlan) Warnings() []Problem {
	var out []Problem
	for _, pr := range p.Problems {
		if !pr.Error {
			out = append(out, pr)
		}
	}
	return out
}

// Err is nil when the plan can be applied; otherwise an invalid-kind error naming the first problems on one
// line.
func (p *ResponsePlan) Err() error {
	errs := p.Errors()
	if len(errs) == 0 {
		if len(p.responses) == 0 {
			return data.Errorf(data.KindInvalid, "%s tidak berisi jawaban yang dapat diimpor", p.File.Name)
		}
		return nil
	}
	if len(errs) == 1 && errs[0].Line == 0 {
		return data.Errorf(data.KindInvalid, "%s: %s; tidak ada yang diimpor", p.File.Name, errs[0].Message)
	}
	var parts []string
	for _, e := range errs[:min(3, len(errs))] {
		parts = append(parts, e.String())
	}
	msg := fmt.Sprintf("%s memiliki %d kesalahan; tidak ada yang diimpor. %s", p.File.Name, len(errs), strings.Join(parts, "; "))
	if len(errs) > 3 {
		msg += fmt.Sprintf("; dan %d lainnya", len(errs)-3)
	}
	return data.Errorf(data.KindInvalid, "%s. Perbaiki berkasnya, petakan kolomnya dengan benar, atau lewati baris yang salah", msg)
}

// respondentMatcher finds enrolled participants by NIP, then email, then name (only a name that one person has).
type respondentMatcher struct {
	byNIP, byEmail, byName map[string]*data.Participant
	ambiguous              map[string]bool
}

func newRespondentMatcher(people []*data.Participant) *respondentMatcher {
	m := &respondentMatcher{byNIP: map[string]*data.Participant{}, byEmail: map[string]*data.Participant{},
		byName: map[string]*data.Participant{}, ambiguous: map[string]bool{}}
	for _, p := range people {
		if p.NIP != "" {
			m.byNIP[p.NIP] = p
		}
		if p.Email != "" {
			m.byEmail[strings.ToLower(p.Email)] = p
		}
		k := personKey(p.Name)
		if _, dup := m.byName[k]; dup {
			m.ambiguous[k] = true
		}
		m.byName[k] = p
	}
	return m
}

// Plan reads every row with the given column mapping: the respondent (matched to an enrolled
// participant, or kept anonymous and listed), the speaker, the time, and each mapped answer checked against
// its question. Values off the scale, unknown words and choices, and unreadable numbers are errors that name
// the row and column; with skipInvalid the rows that have them are left out instead. Empty required answers,
// shortened long texts, columns left out and unmatched respondents are warnings. When a respondent answered
// twice (for the same speaker) the later row wins and the earlier one is listed.
func (rf *ResponseFile) Plan(t Target, cols []ResponseColumn, skipInvalid bool) *ResponsePlan {
	p := &ResponsePlan{File: rf, Target: t, Columns: cols}
	f := t.Form
	qs := f.Visible()
	loc := zoneOf(t.Program.TimeZone)
	anonymous := t.respondent() == data.RespondentAnonymous
	role := map[Role]int{}
	for _, c := range cols {
		if c.Role != RoleQuestion && c.Role != RoleIgnore {
			if _, ok := role[c.Role]; !ok {
				role[c.Role] = c.Index
			}
		}
		if c.Role == RoleIgnore && c.Header != "" && c.Note != "" && c.Note != "data responden, bukan pertanyaan" {
			p.Problems = append(p.Problems, Problem{Column: c.Header, Message: "dilewati: " + c.Note})
		}
	}
	if f.Kind == data.FormSpeaker && t.Speaker == "" {
		if _, ok := role[RoleSpeaker]; !ok {
			p.Problems = append(p.Problems, Problem{Error: true, Message: "formulir narasumber memerlukan kolom Narasumber " +
				"(nama narasumber yang dinilai); tambahkan kolom itu, atau pilih satu narasumber untuk seluruh berkas"})
		}
	}
	mapped := 0
	readers := map[int]*scaleReader{}
	for _, c := range cols {
		if c.Role != RoleQuestion || c.Question < 0 || c.Question >= len(qs) {
			continue
		}
		mapped++
		q := qs[c.Question]
		if q.Kind == data.QuestionScale || q.Kind == data.QuestionImportancePerf {
			words := f.PointLabels(q)
			if c.Part == PartImportance {
				words = f.ScaleOf(q).ImportanceLabels()
			}
			readers[c.Index] = newScaleReader(f.ScaleOf(q), words, rf.column(c.Index))
		}
	}
	var absent []string
	for qi, q := range qs {
		if q.Required && !hasColumn(cols, qi) {
			absent = append(absent, fmt.Sprint(qi+1))
		}
	}
	if len(absent) > 0 && mapped > 0 {
		p.Problems = append(p.Problems, Problem{Message: "pertanyaan wajib " + strings.Join(absent, ", ") +
			" tidak ada di berkas; respons diimpor tanpa jawabannya"})
	}
	if mapped == 0 {
		p.Problems = append(p.Problems, Problem{Error: true, Message: "tidak ada kolom yang cocok dengan pertanyaan formulir " +
			quote(f.Title) + "; periksa apakah berkasnya benar, atau petakan kolomnya"})
		return p
	}
	var stamps []time.Time
	var stampOK []bool
	if col, ok := role[RoleTimestamp]; ok {
		stamps, stampOK = readTimestamps(rf.column(col), func(i int) bool { return rf.numeric(i, col) }, loc)
	}
	m := newRespondentMatcher(t.Enrolled)
	speakerKeys := map[string]string{}
	for _, sp := range t.Speakers {
		speakerKeys[data.SearchKey(sp)] = sp
	}
	unknownSpeakers := map[string]bool{}
	groups := map[string]*planned{}
	keys := map[string]int{}

	for row := range rf.Rows {
		line := rf.Lines[row]
		var rowProblems []Problem
		problem := func(col, msg string, isError bool) {
			rowProblems = append(rowProblems, Problem{Line: line, Column: col, Message: msg, Error: isError})
		}
		r := &data.Response{Source: data.ResponseImport, ImportKey: rowKey(rf.Rows[row])}
		if first, dup := keys[r.ImportKey]; dup {
			p.Problems = append(p.Problems, Problem{Line: line, Message: fmt.Sprintf("sama persis dengan baris %d; dilewati", first)})
			continue
		}
		keys[r.ImportKey] = line
		pl := &planned{line: line, resp: r, order: row}
		if stamps != nil {
			if stampOK[row] {
				r.SubmittedAt, pl.hasTime = stamps[row], true
			} else if cell := rf.Cell(row, role[RoleTimestamp]); cell != "" {
				problem(rf.Columns[role[RoleTimestamp]].Header, "waktu "+quote(cell)+" tidak dikenali; urutan baris dipakai sebagai gantinya", false)
			}
		}
		// The respondent.
		name, email, nipCell := "", "", ""
		if col, ok := role[RoleName]; ok {
			name = rf.Cell(row, col)
		}
		if col, ok := role[RoleEmail]; ok {
			email = strings.ToLower(rf.Cell(row, col))
		}
		if col, ok := role[RoleNIP]; ok {
			nipCell = rf.Cell(row, col)
			if nipCell != "" && rf.numeric(row, col) {
				problem(rf.Columns[col].Header, "NIP "+quote(nipCell)+" tersimpan sebagai angka di Excel sehingga digit terakhirnya bisa "+
					"berubah; dicocokkan dengan email atau nama saja. Format kolom NIP sebagai Teks", false)
				nipCell = ""
			}
		}
		if !anonymous {
			var who *data.Participant
			digits := nip.Clean(nipCell)
			switch {
			case len(digits) == 18 && m.byNIP[digits] != nil:
				who = m.byNIP[digits]
			case email != "" && m.byEmail[email] != nil:
				who = m.byEmail[email]
			case name != "" && !m.ambiguous[personKey(name)] && m.byName[personKey(name)] != nil:
				who = m.byName[personKey(name)]
			}
			if who != nil {
				r.ParticipantID = who.ID
				pl.who = who.FullName()
				pl.group = fmt.Sprintf("p%d", who.ID)
				if t.respondent() == data.RespondentSuperior {
					r.RespondentName, r.RespondentEmail = name, email
				}
			} else {
				r.RespondentName, r.RespondentEmail, r.RespondentNIP = name, email, digits
				reason := "tidak ada peserta program dengan NIP, email atau nama ini"
				if name == "" && email == "" && digits == "" {
					reason = "baris tanpa nama, email atau NIP"
				} else if name != "" && m.ambiguous[personKey(name)] {
					reason = "ada lebih dari satu peserta bernama ini; tambahkan NIP atau email"
				}
				p.Unmatched = append(p.Unmatched, UnmatchedResponse{Line: line, Name: name, Email: email, NIP: nipCell, Reason: reason,
					AnonymousResponse: true})
				switch {
				case email != "":
					pl.group, pl.who = "e"+email, email
				case name != "":
					pl.group, pl.who = "n"+personKey(name), name
				}
				if name != "" {
					pl.who = name
				}
			}
		}
		// The speaker.
		if f.Kind == data.FormSpeaker {
			sp := t.Speaker
			if col, ok := role[RoleSpeaker]; ok && t.Speaker == "" {
				sp = rf.Cell(row, col)
				if canonical, ok := speakerKeys[data.SearchKey(sp)]; ok {
					sp = canonical
				} else if sp == "" {
					problem(rf.Columns[col].Header, "nama narasumber kosong", true)
				} else if len(t.Speakers) > 0 && !unknownSpeakers[sp] {
					unknownSpeakers[sp] = true
					problem(rf.Columns[col].Header, "narasumber "+quote(sp)+" tidak ada di jadwal program; tetap dinilai dengan nama ini", false)
				}
			}
			r.Speaker = sp
			if pl.group != "" {
				pl.group += "\x1f" + data.SearchKey(sp)
			}
		}
		// The answers.
		byQuestion := map[int]int{} // question → index in r.Answers
		for _, c := range cols {
			if c.Role != RoleQuestion || c.Question < 0 || c.Question >= len(qs) {
				continue
			}
			q := qs[c.Question]
			cell := rf.Cell(row, c.Index)
			if cell == "" {
				continue
			}
			i, ok := byQuestion[c.Question]
			if !ok {
				i = len(r.Answers)
				byQuestion[c.Question] = i
				r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID})
				pl.index = append(pl.index, c.Question)
			}
			a := &r.Answers[i]
			if msg := readCell(f, q, c, readers[c.Index], cell, a); msg != "" {
				isError := !strings.HasPrefix(msg, "jawaban dipendekkan")
				problem(c.Header, msg, isError)
			}
		}
		for _, c := range cols {
			if c.Role != RoleQuestion || c.Question < 0 || c.Question >= len(qs) || !qs[c.Question].Required {
				continue
			}
			if rf.Cell(row, c.Index) == "" {
				problem(c.Header, "jawaban wajib kosong; respons tetap diimpor tanpa jawaban ini", false)
			}
		}
		failed := false
		for _, pr := range rowProblems {
			failed = failed || pr.Error
		}
		if failed && skipInvalid {
			p.Skipped = append(p.Skipped, line)
			for i := range rowProblems {
				rowProblems[i].Error = false
				rowProblems[i].Message += " (baris dilewati)"
			}
			p.Problems = append(p.Problems, rowProblems...)
			continue
		}
		p.Problems = append(p.Problems, rowProblems...)
		if len(r.Answers) == 0 {
			p.Problems = append(p.Problems, Problem{Line: line, Message: "tidak ada jawaban; baris dilewati"})
			continue
		}
		// Later response wins.
		if pl.group != "" {
			if prev, ok := groups[pl.group]; ok {
				keep, drop := pl, prev
				if prev.hasTime && pl.hasTime && prev.resp.SubmittedAt.After(pl.resp.SubmittedAt) {
					keep, drop = prev, pl
				}
				p.Superseded = append(p.Superseded, Superseded{Line: drop.line, By: keep.line, Who: keep.who})
				groups[pl.group] = keep
				if keep == prev {
					continue
				}
				for i, x := range p.responses {
					if x == prev {
						p.responses[i] = pl
					}
				}
				continue
			}
			groups[pl.group] = pl
		}
		p.responses = append(p.responses, pl)
	}
	return p
}

func hasColumn(cols []ResponseColumn, question int) bool { return columnFor(cols, question) != "" }

func columnFor(cols []ResponseColumn, question int) string {
	for _, c := range cols {
		if c.Role == RoleQuestion && c.Question == question {
			return c.Header
		}
	}
	return ""
}

// readCell puts one cell's answer into a, returning what is wrong with it ("" when nothing is).
func readCell(f *data.Form, q *data.Question, c ResponseColumn, reader *scaleReader, cell string, a *data.Answer) string {
	switch q.Kind {
	case data.QuestionScale, data.QuestionImportancePerf:
		v, msg := reader.read(cell)
		if msg != "" {
			return msg
		}
		if q.Kind == data.QuestionImportancePerf && c.Part == PartImportance {
			a.Number, a.HasNumber = v, true
		} else if q.Kind == data.QuestionImportancePerf {
			a.Number2, a.HasNumber2 = v, true
		} else {
			a.Number, a.HasNumber = v, true
		}
		return ""
	case data.QuestionNumber:
		v, err := indo.ParseDecimal(cell)
		if err != nil {
			return "jawaban " + quote(cell) + " bukan angka"
		}
		a.Number, a.HasNumber = v, true
		return ""
	case data.QuestionMultiChoice:
		for _, part := range strings.Split(cell, ", ") {
			if part = strings.TrimSpace(part); part != "" {
				a.Choices = append(a.Choices, part)
			}
		}
	case data.QuestionShortText, data.QuestionLongText:
		if n := utf8.RuneCountInString(cell); n > data.MaxTextAnswer {
			a.Text = string([]rune(cell)[:data.MaxTextAnswer])
			return fmt.Sprintf("jawaban dipendekkan dari %s menjadi %s karakter", indo.Int(int64(n)), indo.Int(data.MaxTextAnswer))
		}
		a.Text = cell
		return ""
	default:
		a.Text = cell
	}
	if err := data.CheckAnswer(f, q, a); err != nil {
		return err.Error()
	}
	return ""
}

// rowKey fingerprints a row's cells (trailing empty cells aside), so that importing the same export again,
// or a later export that holds the same rows, adds nothing.
func rowKey(cells []string) string {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	h := sha256.New()
	for _, c := range cells[:n] {
		h.Write([]byte(strings.TrimSpace(c)))
		h.Write([]byte{0x1f})
	}
	return "gf:" + hex.EncodeToString(h.Sum(nil)[:16])
}

// ResponseResult is what an import wrote.
type ResponseResult struct {
	Form            *data.Form
	FormCreated     bool
	ProgramForm     *data.ProgramForm
	Attached        bool // the form was attached to the program by the import
	Imported        int  // responses written
	AlreadyImported int  // rows skipped because an earlier import wrote them
	Replaced        int  // stored responses replaced by a later one from the file
	KeptStored      int  // rows skipped because the respondent's stored response is later
	Unmatched       []UnmatchedResponse
	Superseded      []Superseded
	Warnings        []Problem
	Skipped         []int
}

// Apply writes the plan in one transaction: the new form (when Infer made one), the attachment (when the
// form is not attached yet), then each response. A row imported before (the same fingerprint) is skipped;
// a matched participant's stored response is replaced when the row is later, and kept otherwise. Nothing is
// written when anything fails or ctx is cancelled.
func (p *ResponsePlan) Apply(ctx context.Context, s *store.Store, progress func(done, total int)) (*ResponseResult, error) {
	if err := p.Err(); err != nil {
		return nil, err
	}
	t := p.Target
	batch := &store.ResponseBatch{Program: t.Program, Form: t.Form, NewForm: t.NewForm, ProgramForm: t.ProgramForm,
		Anonymous: p.Matched() == 0 && t.NewForm}
	for _, pl := range p.responses {
		batch.Responses = append(batch.Responses, store.ImportedResponse{Response: pl.resp, Line: pl.line, Questions: pl.index,
			Timed: pl.hasTime})
	}
	written, err := s.ImportResponses(ctx, batch, progress)
	if err != nil {
		return nil, err
	}
	res := &ResponseResult{Form: t.Form, FormCreated: written.FormCreated, ProgramForm: written.ProgramForm,
		Attached: written.Attached, Unmatched: p.Unmatched, Superseded: append([]Superseded(nil), p.Superseded...),
		Warnings: p.Warnings(), Skipped: p.Skipped}
	for i, outcome := range written.Outcomes {
		pl := p.responses[i]
		switch outcome {
		case store.ResponseImported:
			res.Imported++
		case store.ResponseAlreadyImported:
			res.AlreadyImported++
		case store.ResponseKeptStored:
			res.KeptStored++
			res.Superseded = append(res.Superseded, Superseded{Line: pl.line, Who: pl.who, Stored: true})
		case store.ResponseReplaced:
			res.Imported++
			res.Replaced++
			res.Superseded = append(res.Superseded, Superseded{By: pl.line, Who: pl.who, Stored: true})
		}
	}
	return res, nil
}

// OpenTarget prepares importing into a program: its enrolled participants and speakers, and the form (by
// ID, or nil to make one from the file). It is the part of the import the command line and the window share.
func OpenTarget(ctx context.Context, s *store.Store, program *data.Program, form *data.Form, pf *data.ProgramForm) (Target, error) {
	t := Target{Program: program, Form: form, ProgramForm: pf}
	var err error
	if t.Enrolled, err = s.EnrolledPeople(ctx, program.ID); err != nil {
		return t, err
	}
	if t.Speakers, err = s.ProgramSpeakers(ctx, program.ID); err != nil {
		return t, err
	}
	return t, nil
}

// MatchedQuestions counts the file's columns that map to a question of f: how well the file fits the form.
func MatchedQuestions(rf *ResponseFile, f *data.Form) int {
	n := 0
	for _, c := range rf.MapTo(f) {
		if c.Role == RoleQuestion && c.Question >= 0 {
			n++
		}
	}
	return n
}

// NewFormTitle is the title of a form made from a file: "Impor evaluasi-hari-1".
func NewFormTitle(rf *ResponseFile) string {
	name := strings.TrimSuffix(rf.Name, filepathExt(rf.Name))
	return "Impor " + strings.TrimSpace(name)
}

func filepathExt(name string) string {
	if i := strings.LastIndex(name, "."); i > 0 {
		return name[i:]
	}
	return ""
}

// Lines says what an import did, one sentence a line, in Indonesian: for the command line's output and the
// window's report.
func (r *ResponseResult) Lines(programCode string) []string {
	var out []string
	if r.FormCreated {
		out = append(out, fmt.Sprintf("Formulir baru dibuat dari kolom berkas: ID %d, %q (%d pertanyaan).", r.Form.ID, r.Form.Title,
			len(r.Form.Visible())))
	}
	if r.Attached {
		out = append(out, fmt.Sprintf("Formulir dilampirkan ke program %s sebagai %s, responden %s.", programCode,
			data.LevelLabel(r.ProgramForm.Level), strings.ToLower(r.ProgramForm.Respondent.Label())))
	}
	out = append(out, fmt.Sprintf("Diimpor %s jawaban ke %q (formulir ID %d) program %s.", indo.Int(int64(r.Imported)), r.Form.Title,
		r.Form.ID, programCode))
	if r.AlreadyImported > 0 {
		out = append(out, fmt.Sprintf("%s baris sudah pernah diimpor dan dilewati.", indo.Int(int64(r.AlreadyImported))))
	}
	if r.Replaced > 0 {
		out = append(out, fmt.Sprintf("%s jawaban tersimpan diganti jawaban yang lebih baru dari berkas.", indo.Int(int64(r.Replaced))))
	}
	if r.KeptStored > 0 {
		out = append(out, fmt.Sprintf("%s baris dilewati karena jawaban tersimpan dari responden yang sama lebih baru.", indo.Int(int64(r.KeptStored))))
	}
	if len(r.Skipped) > 0 {
		var ns []string
		for _, n := range r.Skipped {
			ns = append(ns, fmt.Sprint(n))
		}
		out = append(out, fmt.Sprintf("%s baris bermasalah dilewati: %s.", indo.Int(int64(len(r.Skipped))), strings.Join(ns, ", ")))
	}
	return append(out, UnmatchedLines(r.Unmatched, r.Superseded)...)
}

// UnmatchedLines lists the rows kept anonymous and the respondents who answered twice.
func UnmatchedLines(unmatched []UnmatchedResponse, superseded []Superseded) []string {
	var out []string
	if len(unmatched) > 0 {
		out = append(out, fmt.Sprintf("%s baris tidak cocok dengan peserta program dan disimpan sebagai jawaban anonim:", indo.Int(int64(len(unmatched)))))
		for _, u := range unmatched {
			who := strings.Join(strings.Fields(strings.Join([]string{u.Name, u.Email, u.NIP}, " ")), " ")
			if who == "" {
				who = "(tanpa identitas)"
			}
			out = append(out, fmt.Sprintf("  baris %d: %s — %s", u.Line, who, u.Reason))
		}
	}
	for _, s := range superseded {
		switch {
		case !s.Stored:
			out = append(out, fmt.Sprintf("Jawaban ganda dari %s: baris %d dipakai (lebih baru), baris %d dilewati.", s.Who, s.By, s.Line))
		case s.By > 0:
			out = append(out, fmt.Sprintf("Jawaban ganda dari %s: baris %d menggantikan jawaban yang sudah tersimpan.", s.Who, s.By))
		default:
			out = append(out, fmt.Sprintf("Jawaban ganda dari %s: jawaban tersimpan lebih baru, baris %d dilewati.", s.Who, s.Line))
		}
	}
	return out
}
