package classroom

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// entry is one form a participant answers now: an attached form, and for a speaker form one of the speakers.
type entry struct {
	pf      store.ProgramFormRow
	n       int // the speaker's index in s.speakers, -1 for other forms
	speaker string
	done    bool
}

func (e entry) title() string {
	if e.speaker != "" {
		return e.pf.FormTitle + ": " + e.speaker
	}
	return e.pf.FormTitle
}

func (s *Server) href(kind string, e entry) string {
	h := s.Path() + kind + "/" + strconv.FormatInt(e.pf.ID, 10)
	if e.n >= 0 {
		h += "?n=" + strconv.Itoa(e.n)
	}
	return h
}

// formLink is one line of the participant's list of forms.
type formLink struct {
	Title, Href, State string
	Done               bool
}

// answersParticipants reports whether participants answer the attached form on their phones: forms for the
// participant by name and anonymous ones; a superior's form is answered by someone else.
func answersParticipants(pf *data.ProgramForm) bool {
	return pf.Respondent == data.RespondentParticipant || pf.Respondent == data.RespondentAnonymous
}

// programForms returns the program's attached forms, read again at most every two seconds: sixty phones
// opening their lists at once then cost one query, and a date the coordinator changes counts at once.
func (s *Server) programForms(ctx context.Context) ([]store.ProgramFormRow, error) {
	s.mu.Lock()
	now := s.cfg.Now()
	rows, fresh := s.pfCache, !s.pfRead.IsZero() && now.Sub(s.pfRead) < 2*time.Second && !now.Before(s.pfRead)
	s.mu.Unlock()
	if fresh {
		return rows, nil
	}
	rows, err := s.st.ProgramForms(ctx, s.program.ID)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.pfCache, s.pfRead = rows, now
	s.mu.Unlock()
	return rows, nil
}

// entries lists the forms open today for the participant, with what they have answered when withDone.
func (s *Server) entries(ctx context.Context, participantID int64, today time.Time, withDone bool) ([]entry, error) {
	rows, err := s.programForms(ctx)
	if err != nil {
		return nil, err
	}
	var answered map[int64]map[string]bool
	if withDone {
		if answered, err = s.st.ParticipantAnswered(ctx, s.program.ID, participantID); err != nil {
			return nil, err
		}
	}
	var out []entry
	for _, pf := range rows {
		if !pf.IsOpen(today) || !answersParticipants(pf.ProgramForm) {
			continue
		}
		judged := answered[pf.ID]
		done := func(speaker string) bool {
			if pf.Respondent == data.RespondentAnonymous {
				s.mu.Lock()
				defer s.mu.Unlock()
				return s.anon[anonKey{pf.ID, participantID, speaker}]
			}
			return judged[speaker]
		}
		if pf.FormKind != data.FormSpeaker {
			out = append(out, entry{pf: pf, n: -1, done: done("")})
			continue
		}
		for i, sp := range s.speakers {
			out = append(out, entry{pf: pf, n: i, speaker: sp, done: done(sp)})
		}
	}
	return out, nil
}

// isDone reports whether the participant has answered the entry's form (and speaker).
func (s *Server) isDone(ctx context.Context, e entry, participantID int64) (bool, error) {
	if e.pf.Respondent == data.RespondentAnonymous {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.anon[anonKey{e.pf.ID, participantID, e.speaker}], nil
	}
	judged, err := s.st.SpeakersJudged(ctx, e.pf.ID, participantID)
	return judged[e.speaker], err
}

// find returns the participant's entry for a form and speaker index, or a page saying why there is none.
func (s *Server) find(w http.ResponseWriter, r *http.Request, v *visitor, n int) (entry, bool) {
	id, err := strconv.ParseInt(r.PathValue("pf"), 10, 64)
	now := s.cfg.Now()
	list, lerr := s.entries(r.Context(), v.participantID, data.Day(now), false)
	if lerr != nil {
		s.message(w, http.StatusInternalServerError, "Gangguan", data.ErrorMessage(lerr), true)
		return entry{}, false
	}
	if err == nil {
		for _, e := range list {
			if e.pf.ID == id && e.n == n {
				return e, true
			}
		}
		if pf, err := s.st.ProgramForm(r.Context(), id); err == nil && pf.ProgramID == s.program.ID && answersParticipants(pf) && !pf.IsOpen(data.Day(now)) {
			text := "Formulir ini belum dibuka; jawaban belum dapat dikirim."
			if !pf.OpensOn.IsZero() && data.Day(now).Before(pf.OpensOn) {
				text = fmt.Sprintf("Formulir ini belum dibuka; jawaban dapat dikirim mulai %s.", indo.Date(pf.OpensOn))
			}
			if !pf.ClosesOn.IsZero() && data.Day(now).After(pf.ClosesOn) {
				text = fmt.Sprintf("Formulir ini sudah ditutup pada %s; jawaban tidak disimpan lagi.", indo.Date(pf.ClosesOn))
			}
			s.message(w, http.StatusGone, "Formulir tidak dibuka", text, true)
			return entry{}, false
		}
	}
	s.message(w, http.StatusNotFound, "Formulir tidak ditemukan",
		"Formulir ini tidak ada di daftar Anda. Pilih formulir dari daftar.", true)
	return entry{}, false
}

func speakerIndex(s string) int {
	if s == "" {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return -2 // matches no entry
	}
	return n
}

// formList shows the forms open for the participant.
func (s *Server) formList(w http.ResponseWriter, r *http.Request) {
	_, v := s.visitorOf(r)
	if v == nil {
		s.notCheckedIn(w)
		return
	}
	list, err := s.entries(r.Context(), v.participantID, data.Day(s.cfg.Now()), true)
	if err != nil {
		s.message(w, http.StatusInternalServerError, "Gangguan", data.ErrorMessage(err), true)
		return
	}
	p := s.newPage("Formulir evaluasi")
	s.mu.Lock()
	p.Flash, v.flash = v.flash, ""
	p.Name = v.name
	s.mu.Unlock()
	for _, e := range list {
		l := formLink{Title: e.title(), Href: s.href("isi", e), State: "Belum diisi", Done: e.done}
		if e.done {
			l.State = "Terkirim"
		}
		p.Forms = append(p.Forms, l)
	}
	s.render(w, http.StatusOK, "forms", p)
}

// signature signs the hidden fields of a form page for this phone, so that a changed field is noticed.
func (s *Server) signature(ticket string, e entry) string {
	m := hmac.New(sha256.New, s.key)
	fmt.Fprintf(m, "%s|%d|%d|%d", ticket, e.pf.ID, e.pf.FormID, e.n)
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// form returns a form by ID, loaded once per run (a form with responses cannot lose questions, only hide
// them, and the server shows what it loaded).
func (s *Server) form(ctx context.Context, id int64) (*data.Form, error) {
	s.mu.Lock()
	f := s.forms[id]
	s.mu.Unlock()
	if f != nil {
		return f, nil
	}
	f, err := s.st.Form(ctx, id)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.forms[id] = f
	s.mu.Unlock()
	return f, nil
}

// fill shows a form to answer.
func (s *Server) fill(w http.ResponseWriter, r *http.Request) {
	ticket, v := s.visitorOf(r)
	if v == nil {
		s.notCheckedIn(w)
		return
	}
	e, ok := s.find(w, r, v, speakerIndex(r.URL.Query().Get("n")))
	if !ok {
		return
	}
	f, err := s.form(r.Context(), e.pf.FormID)
	if err != nil {
		s.message(w, http.StatusInternalServerError, "Gangguan", data.ErrorMessage(err), true)
		return
	}
	if e.done, err = s.isDone(r.Context(), e, v.participantID); err != nil {
		s.message(w, http.StatusInternalServerError, "Gangguan", data.ErrorMessage(err), true)
		return
	}
	p := s.newPage(e.title())
	p.Form = s.formView(f, e, ticket, nil, nil, 0)
	p.Form.Questions = s.blankQuestions(f, p.Form)
	s.render(w, http.StatusOK, "form", p)
}

// submit stores a response: the whole body is read and checked first, then one transaction stores it,
// replacing the participant's earlier response to the form (and speaker).
func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	ticket, v := s.visitorOf(r)
	if v == nil {
		s.notCheckedIn(w)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.bodyError(w, err)
		return
	}
	e, ok := s.find(w, r, v, speakerIndex(r.PostForm.Get("n")))
	if !ok {
		return
	}
	if !hmac.Equal([]byte(r.PostForm.Get("sig")), []byte(s.signature(ticket, e))) {
		s.message(w, http.StatusBadRequest, "Formulir tidak sah",
			"Isian tersembunyi formulir ini berubah, sehingga jawabannya tidak disimpan. Buka lagi formulirnya dari daftar dan isi dari awal.", true)
		return
	}
	f, err := s.form(r.Context(), e.pf.FormID)
	if err != nil {
		s.message(w, http.StatusInternalServerError, "Gangguan", data.ErrorMessage(err), true)
		return
	}
	resp, problems := readAnswers(f, r.PostForm)
	resp.ProgramFormID, resp.Source, resp.Speaker = e.pf.ID, data.ResponseApp, e.speaker
	resp.ParticipantID = v.participantID
	step, _ := strconv.Atoi(r.PostForm.Get("b"))
	sections := sectionsOf(f)
	step = min(max(step, 0), max(len(sections)-1, 0))
	again := func(status int, step int, problems map[int64]string, errs []string) {
		p := s.newPage(e.title())
		p.Form = s.formView(f, e, ticket, r.PostForm, problems, step)
		p.Form.Errors, p.Form.Summary = errs, summarise(f, problems)
		s.render(w, status, "form", p)
	}
	switch r.PostForm.Get("aksi") {
	case "kembali":
		again(http.StatusOK, step-1, nil, nil)
		return
	case "lanjut":
		// The section's answers are checked before the next one shows; nothing is stored until Kirim.
		here := map[int64]string{}
		if step < len(sections) {
			for _, q := range sections[step] {
				if msg := problems[q.ID]; msg != "" {
					here[q.ID] = msg
				}
			}
		}
		if len(here) > 0 {
			again(http.StatusUnprocessableEntity, step, here, nil)
			return
		}
		again(http.StatusOK, step+1, nil, nil)
		return
	}
	var errs []string
	if len(problems) == 0 {
		if err := resp.Validate(f); err != nil {
			errs = append(errs, data.ErrorMessage(err))
		}
	}
	if len(problems) > 0 || len(errs) > 0 {
		// Back to the first section with a problem.
		first := step
	found:
		for i, qs := range sections {
			for _, q := range qs {
				if problems[q.ID] != "" {
					first = i
					break found
				}
			}
		}
		again(http.StatusUnprocessableEntity, first, problems, errs)
		return
	}
	anonymous := e.pf.Respondent == data.RespondentAnonymous
	key := anonKey{e.pf.ID, v.participantID, e.speaker}
	if anonymous {
		s.mu.Lock()
		sent := s.anon[key]
		s.anon[key] = true // reserved now, so that a double tap stores one response
		s.mu.Unlock()
		if sent {
			s.message(w, http.StatusConflict, "Sudah terkirim",
				"Anda sudah mengirim formulir anonim ini. Jawaban anonim tidak disimpan dengan nama Anda, jadi tidak dapat diganti.", true)
			return
		}
	}
	s.writing.Lock()
	err = s.st.SaveResponse(r.Context(), resp, true)
	s.writing.Unlock()
	if err != nil {
		if anonymous {
			s.mu.Lock()
			delete(s.anon, key)
			s.mu.Unlock()
		}
		s.message(w, http.StatusUnprocessableEntity, "Jawaban belum tersimpan", data.ErrorMessage(err), true)
		return
	}
	s.changed()
	http.Redirect(w, r, s.href("terkirim", e), http.StatusSeeOther)
}

// sent thanks the participant and offers the next form not yet answered.
func (s *Server) sent(w http.ResponseWriter, r *http.Request) {
	_, v := s.visitorOf(r)
	if v == nil {
		s.notCheckedIn(w)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("pf"), 10, 64)
	n := speakerIndex(r.URL.Query().Get("n"))
	list, err := s.entries(r.Context(), v.participantID, data.Day(s.cfg.Now()), true)
	if err != nil {
		s.message(w, http.StatusInternalServerError, "Gangguan", data.ErrorMessage(err), true)
		return
	}
	p := s.newPage("Terkirim")
	p.Text = "Jawaban Anda sudah tersimpan. Terima kasih!"
	for _, e := range list {
		if e.pf.ID == id && e.n == n {
			p.Text = fmt.Sprintf("Jawaban Anda untuk %s sudah tersimpan. Terima kasih!", e.title())
		}
	}
	for _, e := range list {
		if !e.done {
			p.Next = &formLink{Title: e.title(), Href: s.href("isi", e)}
			break
		}
	}
	s.render(w, http.StatusOK, "sent", p)
}

// blankKey is a form and the section shown.
type blankKey struct {
	formID int64
	step   int
}

// blankQuestions renders the questions of a blank form once per form and run: they are the same for every
// participant (only the signed hidden fields differ), and escaping thirty questions' tiles is most of the
// work of a form page when sixty phones open it at once.
func (s *Server) blankQuestions(f *data.Form, fv *formView) template.HTML {
	key := blankKey{f.ID, fv.Step}
	s.mu.Lock()
	h, ok := s.blank[key]
	s.mu.Unlock()
	if ok {
		return h
	}
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, "questions", fv); err != nil {
		return "" // the page renders the questions itself
	}
	h = template.HTML(buf.String())
	s.mu.Lock()
	s.blank[key] = h
	s.mu.Unlock()
	return h
}
