package classroom

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store/storetest"
)

func (f *fixture) mark(t *testing.T, i int) *data.Mark {
	t.Helper()
	marks, err := f.st.Marks(context.Background(), f.session.ID)
	if err != nil {
		t.Fatal(err)
	}
	return marks[f.enrol[f.people[i].ID]]
}

func TestCheckInMarksPresentLateAndKeepsMarks(t *testing.T) {
	f := newFixture(t, 4)
	code := f.srv.Code()

	f.setClock(at("07:10")) // 50 minutes early: within the window, present
	status, body := f.phone().checkIn(t, nipOf(0), code)
	if status != http.StatusOK || !strings.Contains(body, "Kehadiran tercatat: Hadir, pukul 07.10") {
		t.Fatalf("early check-in = %d %s", status, pageText(body))
	}
	if m := f.mark(t, 0); m == nil || m.Status != data.Present || m.Note != CheckInNote {
		t.Errorf("mark after early check-in = %+v, want H", m)
	}

	f.setClock(at("08:15")) // the last minute of the grace period
	f.phone().checkIn(t, nipOf(1), code)
	if m := f.mark(t, 1); m == nil || m.Status != data.Present {
		t.Errorf("mark at 08:15 = %+v, want H", m)
	}

	f.setClock(at("08:16"))
	_, body = f.phone().checkIn(t, nipOf(2), code)
	if m := f.mark(t, 2); m == nil || m.Status != data.Late || m.Time != "08:16" || !strings.Contains(body, "Terlambat (T), pukul 08.16") {
		t.Errorf("mark at 08:16 = %+v (%s), want T 08:16", m, pageText(body))
	}

	// A second check-in changes nothing.
	f.setClock(at("09:00"))
	_, body = f.phone().checkIn(t, nipOf(0), code)
	if m := f.mark(t, 0); m.Status != data.Present || m.Time != "" || !strings.Contains(body, "sudah tercatat: Hadir") {
		t.Errorf("second check-in: mark %+v, page %s", m, pageText(body))
	}
	// The coordinator's mark stays.
	ctx := context.Background()
	if err := f.st.SetMark(ctx, &data.Mark{SessionID: f.session.ID, EnrolmentID: f.enrol[f.people[3].ID], Status: data.Sick}); err != nil {
		t.Fatal(err)
	}
	_, body = f.phone().checkIn(t, nipOf(3), code)
	if m := f.mark(t, 3); m.Status != data.Sick || !strings.Contains(body, "sudah tercatat: Sakit") {
		t.Errorf("coordinator's S after check-in: %+v, %s", m, pageText(body))
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM attendance WHERE session_id = ?", f.session.ID); n != 4 {
		t.Errorf("%d marks, want 4 (one per participant)", n)
	}
}

func TestGraceSetting(t *testing.T) {
	f := newFixture(t, 1)
	if err := f.st.SetSetting(context.Background(), GraceSetting, "5"); err != nil {
		t.Fatal(err)
	}
	srv, err := New(context.Background(), Config{Store: f.st, ProgramID: f.program.ID, SessionID: f.session.ID, Now: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	f.ts.Config.Handler = srv.Handler()
	f.srv = srv
	f.setClock(at("08:06"))
	f.phone().checkIn(t, nipOf(0), srv.Code())
	if m := f.mark(t, 0); m == nil || m.Status != data.Late || m.Time != "08:06" {
		t.Errorf("with a 5-minute grace, 08:06 = %+v, want T 08:06", m)
	}
}

func TestCheckInWindow(t *testing.T) {
	f := newFixture(t, 1)
	for _, tt := range []struct {
		clock, want string
	}{
		{"06:59", "dibuka pukul 07.00"},
		{"10:01", "sudah berakhir pukul 10.00"},
	} {
		f.setClock(at(tt.clock))
		status, body := f.phone().checkIn(t, nipOf(0), f.srv.Code())
		if status != http.StatusForbidden || !strings.Contains(body, tt.want) {
			t.Errorf("check-in at %s = %d %s, want %q", tt.clock, status, pageText(body), tt.want)
		}
	}
	if m := f.mark(t, 0); m != nil {
		t.Errorf("mark outside the window: %+v", m)
	}
}

func TestCheckInCodes(t *testing.T) {
	f := newFixture(t, 3)
	first := f.srv.Code()
	wrong := strconv.Itoa(1000 + (mustAtoi(first)-1000+1)%9000)
	status, body := f.phone().checkIn(t, nipOf(0), wrong)
	if status != http.StatusForbidden || !strings.Contains(body, "Kode salah atau sudah kedaluwarsa") {
		t.Errorf("wrong code = %d %s", status, pageText(body))
	}
	second := f.srv.RotateCode()
	if status, _ := f.phone().checkIn(t, nipOf(0), first); status != http.StatusOK {
		t.Errorf("the previous code after one change = %d, want accepted", status)
	}
	f.srv.RotateCode()
	if status, body := f.phone().checkIn(t, nipOf(1), first); status != http.StatusForbidden || !strings.Contains(body, "kedaluwarsa") {
		t.Errorf("a code two changes old = %d %s, want refused", status, pageText(body))
	}
	if status, _ := f.phone().checkIn(t, nipOf(1), " "+second[:2]+" "+second[2:]); status != http.StatusOK {
		t.Errorf("the previous code typed with spaces = %d, want accepted", status)
	}
	if m := f.mark(t, 2); m != nil {
		t.Errorf("unexpected mark %+v", m)
	}
}

func mustAtoi(s string) int { n, _ := strconv.Atoi(s); return n }

func TestCheckInNIP(t *testing.T) {
	f := newFixture(t, 2)
	code := f.srv.Code()
	status, body := f.phone().checkIn(t, "198609262015051999", code)
	if status != http.StatusForbidden || !strings.Contains(body, "tidak terdaftar sebagai peserta program ini") {
		t.Errorf("NIP not enrolled = %d %s", status, pageText(body))
	}
	if status, body := f.phone().checkIn(t, "  ", code); status != http.StatusBadRequest || !strings.Contains(body, "Tulis NIP Anda") {
		t.Errorf("empty NIP = %d %s", status, pageText(body))
	}
	n := nipOf(1)
	typed := "NIP. " + n[:8] + " " + n[8:14] + "." + n[14:15] + "." + n[15:]
	if status, body := f.phone().checkIn(t, typed, code); status != http.StatusOK {
		t.Errorf("NIP %q = %d %s, want accepted", typed, status, pageText(body))
	}
	if f.mark(t, 1) == nil {
		t.Error("NIP typed with spaces and dots: no mark")
	}
	// Someone enrolled while Mode Kelas runs checks in too.
	ctx := context.Background()
	late := &data.Participant{NIP: "199001012015011001", Name: "Peserta Susulan"}
	if err := f.st.CreateParticipant(ctx, late); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Enrol(ctx, f.program.ID, late.ID, data.RoleParticipant); err != nil {
		t.Fatal(err)
	}
	if status, body := f.phone().checkIn(t, late.NIP, code); status != http.StatusOK {
		t.Errorf("participant enrolled after the start = %d %s", status, pageText(body))
	}
}

func TestWrongCodeFloodIsLimitedPerClient(t *testing.T) {
	f := newFixture(t, 2)
	h := f.srv.Handler()
	post := func(client, nip, code string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", f.srv.Path()+"masuk", strings.NewReader(url.Values{"nip": {nip}, "kode": {code}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.RemoteAddr = client + ":5555"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	for i := range MaxFailures {
		if w := post("10.0.0.7", nipOf(0), fmt.Sprintf("%04d", i)); w.Code != http.StatusForbidden {
			t.Fatalf("wrong code %d = %d", i, w.Code)
		}
	}
	w := post("10.0.0.7", nipOf(0), f.srv.Code())
	if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "Terlalu banyak percobaan") {
		t.Errorf("right code after a flood = %d %s, want 429", w.Code, pageText(w.Body.String()))
	}
	if f.mark(t, 0) != nil {
		t.Error("a blocked client was marked")
	}
	if w := post("10.0.0.8", nipOf(1), f.srv.Code()); w.Code != http.StatusSeeOther {
		t.Errorf("another phone during the flood = %d, want accepted", w.Code)
	}
	// Unknown NIPs with the right code count too: a phone trying NIPs is stopped the same way.
	for i := range MaxFailures {
		if w := post("10.0.0.9", fmt.Sprintf("19900101201501%04d", i), f.srv.Code()); w.Code != http.StatusForbidden {
			t.Fatalf("unknown NIP %d = %d", i, w.Code)
		}
	}
	if w := post("10.0.0.9", nipOf(1), f.srv.Code()); w.Code != http.StatusTooManyRequests {
		t.Errorf("enrolled NIP after a flood of unknown ones = %d, want 429", w.Code)
	}
	f.setClock(f.clock().Add(FailureWindow + time.Second))
	if w := post("10.0.0.7", nipOf(0), f.srv.Code()); w.Code != http.StatusSeeOther {
		t.Errorf("after the window = %d, want accepted", w.Code)
	}
}

func TestFormsListedForParticipant(t *testing.T) {
	f := newFixture(t, 2)
	p := f.phone()
	_, body := p.checkIn(t, nipOf(0), f.srv.Code())
	for _, want := range []string{"Evaluasi Penyelenggaraan", "Evaluasi Narasumber: Dr. Budi Santoso", "Kesan anonim", "Evaluasi 30 butir", "Peserta Nomor 1"} {
		if !strings.Contains(body, want) {
			t.Errorf("forms page lacks %q: %s", want, pageText(body))
		}
	}
	for _, absent := range []string{"Formulir kemarin", "Atasan", nipOf(0), nipOf(1), "Peserta Nomor 2"} {
		if strings.Contains(body, absent) {
			t.Errorf("forms page shows %q", absent)
		}
	}
	status, body := p.get(t, fmt.Sprintf("%sisi/%d", f.srv.Path(), f.superior))
	if status != http.StatusNotFound {
		t.Errorf("superior's form = %d %s", status, pageText(body))
	}
	status, body = p.get(t, fmt.Sprintf("%sisi/%d", f.srv.Path(), f.closed))
	if status != http.StatusGone || !strings.Contains(body, "sudah ditutup") {
		t.Errorf("closed form = %d %s", status, pageText(body))
	}
	// Without checking in, nothing but the check-in page.
	if status, body := f.phone().get(t, f.srv.Path()+"formulir"); status != http.StatusForbidden || strings.Contains(body, "Evaluasi") {
		t.Errorf("forms without check-in = %d %s", status, pageText(body))
	}
	if _, body := f.phone().get(t, f.srv.Path()); strings.Contains(body, nipOf(0)) || strings.Contains(body, "Peserta Nomor") {
		t.Errorf("check-in page shows people: %s", pageText(body))
	}
}

func TestSubmitStoresAndReplaces(t *testing.T) {
	f := newFixture(t, 2)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	hidden := p.open(t, f.big, "")
	status, body := p.send(t, f.big, hidden, allAnswers(f.bigForm, "3"))
	if status != http.StatusOK || !strings.Contains(body, `id="terkirim"`) || strings.Contains(body, nipOf(0)) {
		t.Fatalf("submit = %d %s", status, pageText(body))
	}
	status, body = p.send(t, f.big, p.open(t, f.big, ""), allAnswers(f.bigForm, "4"))
	if status != http.StatusOK {
		t.Fatalf("second submit = %d %s", status, pageText(body))
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response WHERE program_form_id = ? AND participant_id = ?", f.big, f.people[0].ID); n != 1 {
		t.Errorf("%d responses after submitting twice, want 1", n)
	}
	if n := storetest.Count(t, f.st, `SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id
		WHERE r.program_form_id = ? AND a.number = 4`, f.big); n != 30 {
		t.Errorf("%d answers of 4 after the second submission, want 30 (the later one replaces)", n)
	}
	// The speaker form, for its speaker.
	spk, err := f.st.Form(context.Background(), mustFormID(t, f, f.speaker))
	if err != nil {
		t.Fatal(err)
	}
	if status, body := p.send(t, f.speaker, p.open(t, f.speaker, "0"), allAnswers(spk, "4")); status != http.StatusOK {
		t.Fatalf("speaker form = %d %s", status, pageText(body))
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response WHERE program_form_id = ? AND speaker = 'Dr. Budi Santoso'", f.speaker); n != 1 {
		t.Errorf("%d speaker responses, want 1", n)
	}
	_, body = p.get(t, f.srv.Path()+"formulir")
	if strings.Count(body, "Terkirim") != 2 {
		t.Errorf("the list should show two forms sent: %s", pageText(body))
	}
}

func mustFormID(t *testing.T, f *fixture, pf int64) int64 {
	t.Helper()
	x, err := f.st.ProgramForm(context.Background(), pf)
	if err != nil {
		t.Fatal(err)
	}
	return x.FormID
}

func TestAnonymousFormStoredWithoutParticipantOnce(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	fm, _ := f.st.Form(context.Background(), mustFormID(t, f, f.anon))
	if status, body := p.send(t, f.anon, p.open(t, f.anon, ""), allAnswers(fm, "2")); status != http.StatusOK {
		t.Fatalf("anonymous submit = %d %s", status, pageText(body))
	}
	status, body := p.send(t, f.anon, p.open(t, f.anon, ""), allAnswers(fm, "3"))
	if status != http.StatusConflict || !strings.Contains(body, "sudah mengirim formulir anonim") {
		t.Errorf("anonymous twice = %d %s", status, pageText(body))
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response WHERE program_form_id = ? AND participant_id IS NULL AND respondent_name = ''", f.anon); n != 1 {
		t.Errorf("%d anonymous responses without a name, want 1", n)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response WHERE program_form_id = ?", f.anon); n != 1 {
		t.Errorf("%d anonymous responses in all, want 1", n)
	}
}

func TestFormAfterItClosed(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	ctx := context.Background()
	pf, _ := f.st.ProgramForm(ctx, f.big)
	pf.ClosesOn = today
	if err := f.st.UpdateProgramForm(ctx, pf); err != nil {
		t.Fatal(err)
	}
	hidden := p.open(t, f.big, "")
	f.setClock(at("07:55").AddDate(0, 0, 1)) // the next morning: the form closed yesterday
	status, body := p.send(t, f.big, hidden, allAnswers(f.bigForm, "3"))
	if status != http.StatusGone || !strings.Contains(body, "sudah ditutup") {
		t.Errorf("submit after closing = %d %s", status, pageText(body))
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response WHERE program_form_id = ?", f.big); n != 0 {
		t.Errorf("%d responses stored after the form closed", n)
	}
}

// TestFormNotYetOpen: a form that opens tomorrow is not listed, and neither its page nor a submission (from a
// page opened before the coordinator moved the date) is accepted.
func TestFormNotYetOpen(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	hidden := p.open(t, f.big, "")
	ctx := context.Background()
	pf, _ := f.st.ProgramForm(ctx, f.big)
	pf.OpensOn = today.AddDate(0, 0, 1)
	if err := f.st.UpdateProgramForm(ctx, pf); err != nil {
		t.Fatal(err)
	}
	f.setClock(f.clock().Add(3 * time.Second)) // past the two seconds the list of forms is kept
	if _, body := p.get(t, f.srv.Path()+"formulir"); strings.Contains(body, "Evaluasi 30 butir") {
		t.Errorf("a form opening tomorrow is listed: %s", pageText(body))
	}
	if status, body := p.get(t, fmt.Sprintf("%sisi/%d", f.srv.Path(), f.big)); status != http.StatusGone || !strings.Contains(body, "belum dibuka; jawaban dapat dikirim mulai "+indo.Date(pf.OpensOn)) {
		t.Errorf("page of a form opening tomorrow = %d %s", status, pageText(body))
	}
	if status, body := p.send(t, f.big, hidden, allAnswers(f.bigForm, "3")); status != http.StatusGone || !strings.Contains(body, "belum dibuka") {
		t.Errorf("submission to a form opening tomorrow = %d %s", status, pageText(body))
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response"); n != 0 {
		t.Errorf("%d responses stored to a form not yet open", n)
	}
}

func TestBadSubmissionsStoreNothing(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	answers := allAnswers(f.bigForm, "3")
	q1 := fieldOf(f.bigForm.Visible()[0])
	for _, tt := range []struct {
		name   string
		edit   func(hidden url.Values, a map[string]string)
		status int
		want   string
	}{
		{"tampered signature", func(h url.Values, a map[string]string) { h.Set("sig", strings.Repeat("0", 32)) }, http.StatusBadRequest, "Isian tersembunyi formulir ini berubah"},
		{"tampered speaker index", func(h url.Values, a map[string]string) { h.Set("n", "0") }, http.StatusNotFound, "tidak ada di daftar"},
		{"point off the scale", func(h url.Values, a map[string]string) { a[q1] = "7" }, http.StatusUnprocessableEntity, "Pertanyaan 1 (Butir 1): Nilai 7 di luar skala"},
		{"word for a point", func(h url.Values, a map[string]string) { a[q1] = "baik" }, http.StatusUnprocessableEntity, "tidak dapat dibaca"},
		{"required left empty", func(h url.Values, a map[string]string) { delete(a, q1) }, http.StatusUnprocessableEntity, "Pertanyaan wajib yang belum dijawab (ditandai merah): 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			hidden := p.open(t, f.big, "")
			a := map[string]string{}
			for k, v := range answers {
				a[k] = v
			}
			tt.edit(hidden, a)
			status, body := p.send(t, f.big, hidden, a)
			if status != tt.status || !strings.Contains(pageText(body), tt.want) {
				t.Errorf("= %d %s, want %d %q", status, pageText(body), tt.status, tt.want)
			}
		})
	}
	// A form shown again keeps what was chosen.
	hidden := p.open(t, f.big, "")
	a := map[string]string{}
	for k, v := range answers {
		a[k] = v
	}
	delete(a, q1)
	_, body := p.send(t, f.big, hidden, a)
	if strings.Count(body, " checked>") != 29 {
		t.Errorf("form shown again with %d answers kept, want 29", strings.Count(body, " checked>"))
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response"); n != 0 {
		t.Errorf("%d responses stored by bad submissions", n)
	}
}

func TestLargePostRefused(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	hidden := p.open(t, f.big, "")
	a := allAnswers(f.bigForm, "3")
	a["isi"] = strings.Repeat("x", 10<<20)
	status, body := p.send(t, f.big, hidden, a)
	if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Kiriman terlalu besar") {
		t.Errorf("10 MB POST = %d %s", status, pageText(body))
	}
	status, _ = p.post(t, f.srv.Path()+"masuk", url.Values{"nip": {strings.Repeat("1", 10<<20)}, "kode": {f.srv.Code()}})
	if status != http.StatusRequestEntityTooLarge {
		t.Errorf("10 MB check-in = %d", status)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response"); n != 0 {
		t.Errorf("%d responses stored by a 10 MB POST", n)
	}
}

// TestHalfSentFormStoresNothing sends a form whose connection breaks halfway: the body announced is longer
// than what arrives.
func TestHalfSentFormStoresNothing(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	hidden := p.open(t, f.big, "")
	v := url.Values{}
	for k, x := range hidden {
		v[k] = x
	}
	for k, x := range allAnswers(f.bigForm, "3") {
		v.Set(k, x)
	}
	body := v.Encode()
	u, _ := url.Parse(f.ts.URL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	cookies := p.c.Jar.Cookies(&url.URL{Scheme: "http", Host: u.Host, Path: f.srv.Path()})
	fmt.Fprintf(conn, "POST %sisi/%d HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nCookie: %s=%s\r\n\r\n%s",
		f.srv.Path(), f.big, u.Host, len(body), ticketCookie, cookies[0].Value, body[:len(body)/2])
	conn.(*net.TCPConn).CloseWrite()
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err == nil {
		res.Body.Close()
		if res.StatusCode == http.StatusSeeOther {
			t.Errorf("half a form answered %d", res.StatusCode)
		}
	}
	time.Sleep(100 * time.Millisecond)
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response"); n != 0 {
		t.Errorf("%d responses stored from half a form", n)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM answer"); n != 0 {
		t.Errorf("%d answers stored from half a form", n)
	}
}

func TestOnlyClassroomPagesServed(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	for _, path := range []string{"/", "/favicon.ico", "/" + strings.ToUpper(f.srv.Token()) + "/", "/abc/", f.srv.Path() + "../etc/passwd", f.srv.Path() + "web/pages.html"} {
		status, body := p.get(t, path)
		if status != http.StatusNotFound || !strings.Contains(body, "Halaman tidak ditemukan") {
			t.Errorf("GET %s = %d %s, want 404", path, status, pageText(body))
		}
		// A guessed address learns neither the token (from a style sheet's or a link's address) nor the program.
		if !strings.HasPrefix(path, f.srv.Path()) && (strings.Contains(strings.ToLower(body), f.srv.Token()) || strings.Contains(body, f.program.Title)) {
			t.Errorf("GET %s gives away the token or the program: %s", path, body)
		}
	}
	// Nor does a POST from another site to a guessed address.
	req, _ := http.NewRequest("POST", f.ts.URL+"/masuk", strings.NewReader("nip=1&kode=2"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if status, body := p.do(t, req); status != http.StatusForbidden || strings.Contains(strings.ToLower(body), f.srv.Token()) || strings.Contains(body, f.program.Title) {
		t.Errorf("cross-site POST to a guessed address = %d %s", status, body)
	}
	status, body := p.get(t, f.srv.Path())
	if status != http.StatusOK || !strings.Contains(body, `name="nip"`) || !strings.Contains(body, `name="kode"`) {
		t.Errorf("check-in page = %d", status)
	}
	if strings.Contains(body, "http://") || strings.Contains(body, "https://") || strings.Contains(body, "<script") {
		t.Errorf("the check-in page refers outside the server or runs scripts")
	}
	if status, _ := p.get(t, f.srv.Path()+"gaya.css"); status != http.StatusOK {
		t.Errorf("style sheet = %d", status)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	f := newFixture(t, 1)
	req, _ := http.NewRequest("POST", f.base()+"masuk", strings.NewReader(url.Values{"nip": {nipOf(0)}, "kode": {f.srv.Code()}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	status, body := f.phone().do(t, req)
	if status != http.StatusForbidden || !strings.Contains(body, "Kiriman ditolak") {
		t.Errorf("cross-site POST = %d %s", status, pageText(body))
	}
	if f.mark(t, 0) != nil {
		t.Error("a cross-site POST marked someone")
	}
}

func TestStartListensOnChosenAddressAndStops(t *testing.T) {
	f := newFixture(t, 1)
	ctx := context.Background()
	for _, addr := range []string{"0.0.0.0:0", ":0", "localhost"} {
		srv, _ := New(ctx, Config{Store: f.st, ProgramID: f.program.ID, Addr: addr})
		if err := srv.Start(); err == nil {
			srv.Close()
			t.Errorf("Start on %q succeeded, want refused", addr)
		}
	}
	codes := make(chan string, 10)
	srv, err := New(ctx, Config{Store: f.st, ProgramID: f.program.ID, Addr: "127.0.0.1:0", CodeEvery: 50 * time.Millisecond,
		OnCode: func(c string) { codes <- c }})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Errorf("URL = %s", srv.URL())
	}
	first, second := <-codes, <-codes
	if len(first) != 4 || first == second {
		t.Errorf("codes %q then %q, want two different 4-digit codes", first, second)
	}
	res, err := http.Get(srv.URL())
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %v %v", srv.URL(), res, err)
	}
	res.Body.Close()
	if err := srv.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
	if _, err := http.Get(srv.URL()); err == nil {
		t.Error("the server still answers after Close")
	}
}

func TestStatusCounts(t *testing.T) {
	f := newFixture(t, 3)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	spk, _ := f.st.Form(context.Background(), mustFormID(t, f, f.speaker))
	org, _ := f.st.Form(context.Background(), mustFormID(t, f, f.org))
	anon, _ := f.st.Form(context.Background(), mustFormID(t, f, f.anon))
	p.send(t, f.big, p.open(t, f.big, ""), allAnswers(f.bigForm, "3"))
	p.send(t, f.org, p.open(t, f.org, ""), allAnswers(org, "3"))
	p.send(t, f.speaker, p.open(t, f.speaker, "0"), allAnswers(spk, "3"))
	p.send(t, f.anon, p.open(t, f.anon, ""), allAnswers(anon, "3"))
	f.phone().checkIn(t, nipOf(1), f.srv.Code())
	st, err := f.srv.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Forms != 4 || st.CheckedIn != 2 || st.Answered != 1 || st.NotYet != 1 || len(st.People) != 3 {
		t.Errorf("status = forms %d, checked in %d, answered %d, not yet %d, people %d; want 4, 2, 1, 1, 3",
			st.Forms, st.CheckedIn, st.Answered, st.NotYet, len(st.People))
	}
	states := map[string]int{}
	for _, x := range st.People {
		states[x.State()]++
	}
	if states["Sudah mengisi"] != 1 || states["Sudah hadir"] != 1 || states["Belum"] != 1 {
		t.Errorf("states = %v", states)
	}
}

func TestSessionNow(t *testing.T) {
	a := &data.Session{ID: 1, Date: today, Start: "08:00", End: "10:00"}
	b := &data.Session{ID: 2, Date: today, Start: "13:00", End: "15:00"}
	list := []*data.Session{a, b}
	for _, tt := range []struct {
		clock string
		want  int64
	}{{"06:00", 1}, {"07:30", 1}, {"10:30", 2}, {"12:30", 2}, {"15:30", 0}} {
		got := SessionNow(list, at(tt.clock))
		if id := int64(0); got != nil && got.ID != tt.want || got == nil && tt.want != id {
			t.Errorf("SessionNow at %s = %v, want session %d", tt.clock, got, tt.want)
		}
	}
}

// TestDoubleTapStoresOne sends the same form twice at the same moment, as a double tap on "Kirim" does: one
// response is stored, for a named form and for an anonymous one.
func TestDoubleTapStoresOne(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	anon, _ := f.st.Form(context.Background(), mustFormID(t, f, f.anon))
	for _, tt := range []struct {
		pf int64
		a  map[string]string
	}{{f.big, allAnswers(f.bigForm, "2")}, {f.anon, allAnswers(anon, "2")}} {
		hidden := p.open(t, tt.pf, "")
		statuses := make(chan int, 2)
		for range 2 {
			go func() {
				status, _ := p.send(t, tt.pf, hidden, tt.a)
				statuses <- status
			}()
		}
		got := []int{<-statuses, <-statuses}
		if got[0] != http.StatusOK && got[1] != http.StatusOK {
			t.Errorf("form %d: neither tap was stored: %v", tt.pf, got)
		}
		if n := storetest.Count(t, f.st, "SELECT count(*) FROM response WHERE program_form_id = ?", tt.pf); n != 1 {
			t.Errorf("form %d: %d responses after a double tap, want 1", tt.pf, n)
		}
	}
}

var anyHiddenRE = regexp.MustCompile(`<input type="hidden" name="([^"]*)" value="([^"]*)">`)

// TestFormOneSectionAtATime walks the built-in organisation form a section at a time, as a phone shows it:
// Lanjut checks only the section shown, Kembali keeps the answers, nothing is stored before Kirim, and Kirim
// stores every section's answers.
func TestFormOneSectionAtATime(t *testing.T) {
	f := newFixture(t, 1)
	p := f.phone()
	p.checkIn(t, nipOf(0), f.srv.Code())
	org, _ := f.st.Form(context.Background(), mustFormID(t, f, f.org))
	sections := sectionsOf(org)
	if len(sections) < 2 {
		t.Fatalf("the organisation form has %d sections; the test needs several", len(sections))
	}
	path := fmt.Sprintf("%sisi/%d", f.srv.Path(), f.org)
	status, body := p.get(t, path)
	want := fmt.Sprintf("Bagian 1 dari %d", len(sections))
	if status != http.StatusOK || !strings.Contains(body, want) || strings.Contains(body, `name="`+fieldOf(sections[1][0])+`"`) {
		t.Fatalf("first page = %d, want %q and no question of section 2: %s", status, want, pageText(body))
	}
	all := allAnswers(org, "3")
	post := func(body string, step int, aksi string) (int, string) {
		v := url.Values{}
		for _, m := range anyHiddenRE.FindAllStringSubmatch(body, -1) {
			v.Add(m[1], html.UnescapeString(m[2]))
		}
		for _, q := range sections[step] {
			for _, name := range []string{fieldOf(q), field2Of(q)} {
				if a, ok := all[name]; ok {
					v.Set(name, a)
				}
			}
		}
		v.Set("aksi", aksi)
		return p.post(t, path, v)
	}
	// Lanjut with the section empty: refused, still section 1.
	v := url.Values{}
	for _, m := range anyHiddenRE.FindAllStringSubmatch(body, -1) {
		v.Add(m[1], m[2])
	}
	v.Set("aksi", "lanjut")
	if status, page := p.post(t, path, v); status != http.StatusUnprocessableEntity || !strings.Contains(page, want) || !strings.Contains(page, "belum dijawab") {
		t.Errorf("Lanjut with nothing answered = %d %s", status, pageText(page))
	}
	for step := range sections {
		aksi := "lanjut"
		if step == len(sections)-1 {
			aksi = "kirim"
		}
		status, body = post(body, step, aksi)
		if step == 0 {
			// Back and forth keeps what was chosen.
			_, back := p.post(t, path, func() url.Values {
				v := url.Values{}
				for _, m := range anyHiddenRE.FindAllStringSubmatch(body, -1) {
					v.Add(m[1], html.UnescapeString(m[2]))
				}
				v.Set("aksi", "kembali")
				return v
			}())
			if !strings.Contains(back, want) || strings.Count(back, " checked>") == 0 {
				t.Errorf("Kembali lost the answers of section 1: %s", pageText(back))
			}
		}
		if n := storetest.Count(t, f.st, "SELECT count(*) FROM response"); n != 0 && step < len(sections)-1 {
			t.Fatalf("%d responses stored before Kirim", n)
		}
		if aksi == "lanjut" && (status != http.StatusOK || !strings.Contains(body, fmt.Sprintf("Bagian %d dari %d", step+2, len(sections)))) {
			t.Fatalf("after section %d: %d %s", step+1, status, pageText(body))
		}
	}
	if status != http.StatusOK || !strings.Contains(body, `id="terkirim"`) {
		t.Fatalf("Kirim on the last section = %d %s", status, pageText(body))
	}
	want2 := 0
	for _, q := range org.Visible() {
		if _, ok := all[fieldOf(q)]; ok {
			want2++
		}
	}
	if n := storetest.Count(t, f.st, `SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.program_form_id = ?`, f.org); n != want2 {
		t.Errorf("%d answers stored, want %d (every section's)", n, want2)
	}
}
