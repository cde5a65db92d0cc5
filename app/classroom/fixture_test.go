package classroom

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// fixture is a program with one session today 08:00–10:00, participants, and forms attached: the built-in
// organisation and speaker forms, an anonymous form, a form that closed yesterday, a superior's form and a
// 30-item form.
type fixture struct {
	st                                        *store.Store
	program                                   *data.Program
	session                                   *data.Session
	people                                    []*data.Participant
	enrol                                     map[int64]int64 // participant → enrolment
	org, speaker, anon, closed, superior, big int64           // program form IDs
	bigForm                                   *data.Form

	mu  sync.Mutex
	now time.Time

	srv *Server
	ts  *httptest.Server
}

var today = data.Day(time.Now())

func at(clock string) time.Time {
	t, _ := time.Parse("15:04", clock)
	y, m, d := today.Date()
	return time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, time.Local)
}

func nipOf(i int) string { return fmt.Sprintf("19860926201505%d%03d", 1+i%2, i+1) }

func scaleForm(title string, n int) *data.Form {
	sec := &data.Section{Title: "Penilaian"}
	for i := range n {
		sec.Questions = append(sec.Questions, &data.Question{Kind: data.QuestionScale, Text: fmt.Sprintf("Butir %d", i+1), Required: true})
	}
	return &data.Form{Title: title, Kind: data.FormOther, Scale: data.Scale4, Sections: []*data.Section{sec}}
}

func newFixture(t testing.TB, participants int) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{st: storetest.New(t), enrol: map[int64]int64{}, now: at("07:55")}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f.program = &data.Program{Code: "KLS-1", Title: "Pelatihan Mode Kelas", Kind: "Pelatihan Teknis", BudgetYear: today.Year(),
		StartDate: today, EndDate: today, TotalJP: 4, Organiser: "Dinas Pendidikan", Place: "Aula", AttendanceThreshold: 80}
	must(f.st.CreateProgram(ctx, f.program))
	f.session = &data.Session{ProgramID: f.program.ID, Date: today, Start: "08:00", End: "10:00", TimeZone: "WIB",
		Topic: "Pembukaan", Speaker: "Dr. Budi Santoso", JP: 4}
	must(f.st.CreateSession(ctx, f.session))
	var ids []int64
	for i := range participants {
		p := &data.Participant{NIP: nipOf(i), Name: fmt.Sprintf("Peserta Nomor %d", i+1), Unit: "SMP Negeri 1"}
		must(f.st.CreateParticipant(ctx, p))
		f.people = append(f.people, p)
		ids = append(ids, p.ID)
	}
	_, _, err := f.st.EnrolMany(ctx, f.program.ID, ids, data.RoleParticipant)
	must(err)
	roster, err := f.st.Roster(ctx, f.program.ID)
	must(err)
	for _, r := range roster {
		f.enrol[r.ParticipantID] = r.EnrolmentID
	}
	attach := func(formID int64, who data.Respondent, closes time.Time) int64 {
		pf := &data.ProgramForm{ProgramID: f.program.ID, FormID: formID, Level: 1, Respondent: who, ClosesOn: closes}
		must(f.st.AttachForm(ctx, pf))
		return pf.ID
	}
	builtin := func(key string) int64 {
		fm, err := f.st.FormByBuiltin(ctx, key)
		must(err)
		return fm.ID
	}
	f.org = attach(builtin(data.BuiltinOrganisation), data.RespondentParticipant, time.Time{})
	f.speaker = attach(builtin(data.BuiltinSpeaker), data.RespondentParticipant, time.Time{})
	anon := scaleForm("Kesan anonim", 3)
	anon.Scale = data.Scale5 // five points to a row on the phone
	must(f.st.CreateForm(ctx, anon))
	f.anon = attach(anon.ID, data.RespondentAnonymous, time.Time{})
	old := scaleForm("Formulir kemarin", 2)
	must(f.st.CreateForm(ctx, old))
	f.closed = attach(old.ID, data.RespondentParticipant, today.AddDate(0, 0, -1))
	f.superior = attach(builtin(data.BuiltinFollowUpSuperior), data.RespondentSuperior, time.Time{})
	f.bigForm = scaleForm("Evaluasi 30 butir", 30)
	must(f.st.CreateForm(ctx, f.bigForm))
	f.big = attach(f.bigForm.ID, data.RespondentParticipant, time.Time{})
	f.srv, err = New(ctx, Config{Store: f.st, ProgramID: f.program.ID, SessionID: f.session.ID, Now: f.clock})
	must(err)
	f.ts = httptest.NewServer(f.srv.Handler())
	t.Cleanup(f.ts.Close)
	return f
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) setClock(t time.Time) {
	f.mu.Lock()
	f.now = t
	f.mu.Unlock()
}

func (f *fixture) base() string { return f.ts.URL + f.srv.Path() }

// phone is one participant's browser: its own cookies.
type phone struct {
	f *fixture
	c *http.Client
}

func (f *fixture) phone() *phone {
	jar, _ := cookiejar.New(nil)
	// Each phone has its own connections, as real phones do.
	return &phone{f: f, c: &http.Client{Jar: jar, Timeout: 20 * time.Second, Transport: &http.Transport{}}}
}

func (p *phone) do(t testing.TB, req *http.Request) (int, string) {
	t.Helper()
	res, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (p *phone) get(t testing.TB, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", p.f.ts.URL+path, nil)
	return p.do(t, req)
}

func (p *phone) post(t testing.TB, path string, v url.Values) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", p.f.ts.URL+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(t, req)
}

func (p *phone) checkIn(t testing.TB, nip, code string) (int, string) {
	t.Helper()
	return p.post(t, p.f.srv.Path()+"masuk", url.Values{"nip": {nip}, "kode": {code}})
}

var hiddenRE = regexp.MustCompile(`name="(n|sig)" value="([^"]*)"`)

// open opens a form page and returns its hidden fields.
func (p *phone) open(t testing.TB, pf int64, n string) url.Values {
	t.Helper()
	path := fmt.Sprintf("%sisi/%d", p.f.srv.Path(), pf)
	if n != "" {
		path += "?n=" + n
	}
	status, body := p.get(t, path)
	if status != http.StatusOK {
		t.Fatalf("GET %s = %d: %s", path, status, pageText(body))
	}
	v := url.Values{}
	for _, m := range hiddenRE.FindAllStringSubmatch(body, -1) {
		v.Set(m[1], m[2])
	}
	return v
}

// send posts answers (field → value) with the hidden fields of the form page.
func (p *phone) send(t testing.TB, pf int64, hidden url.Values, answers map[string]string) (int, string) {
	t.Helper()
	v := url.Values{}
	for k, x := range hidden {
		v[k] = x
	}
	for k, x := range answers {
		v.Set(k, x)
	}
	return p.post(t, fmt.Sprintf("%sisi/%d", p.f.srv.Path(), pf), v)
}

// allAnswers answers every visible question of a form: the given point on scales, the first option otherwise.
func allAnswers(fm *data.Form, point string) map[string]string {
	out := map[string]string{}
	for _, q := range fm.Visible() {
		switch q.Kind {
		case data.QuestionScale, data.QuestionNumber:
			out[fieldOf(q)] = point
		case data.QuestionImportancePerf:
			out[fieldOf(q)], out[field2Of(q)] = point, point
		case data.QuestionYesNo:
			out[fieldOf(q)] = data.Yes
		case data.QuestionSingleChoice, data.QuestionTestItem, data.QuestionMultiChoice:
			out[fieldOf(q)] = "0"
		default:
			out[fieldOf(q)] = "Baik sekali"
		}
	}
	return out
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// pageText is a page without its tags, for messages.
func pageText(body string) string {
	return strings.Join(strings.Fields(tagRE.ReplaceAllString(body, " ")), " ")
}
