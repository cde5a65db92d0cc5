package classroom

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

var pickRE = regexp.MustCompile(`name="peserta" value="([^"]*)"`)

// TestNamePicker: a participant who does not know their NIP finds their name after three letters, sees names
// and units only (never a NIP or an ID), and checks in with the name chosen and the code; a participant
// without a NIP too.
func TestNamePicker(t *testing.T) {
	f := newFixture(t, 10)
	ctx := context.Background()
	noNIP := &data.Participant{Name: "Sri Wahyuni", Unit: "Yayasan Pendidikan Harapan"}
	if err := f.st.CreateParticipant(ctx, noNIP); err != nil {
		t.Fatal(err)
	}
	e, err := f.st.Enrol(ctx, f.program.ID, noNIP.ID, data.RoleParticipant)
	if err != nil {
		t.Fatal(err)
	}
	p := f.phone()
	search := func(q string) string {
		t.Helper()
		status, body := p.get(t, f.srv.Path()+"?"+url.Values{"nama": {q}}.Encode())
		if status != http.StatusOK {
			t.Fatalf("search %q = %d", q, status)
		}
		for i := range 10 {
			if strings.Contains(body, nipOf(i)) || strings.Contains(body, nipOf(i)[:8]) {
				t.Errorf("search %q shows a NIP: %s", q, pageText(body))
			}
		}
		return body
	}
	for _, tt := range []struct{ q, want string }{
		{"Pe", "Ketik sedikitnya 3 huruf"},
		{"1 2 ", "Ketik sedikitnya 3 huruf"},
		{"Peserta", "Terlalu banyak nama yang cocok"},
		{"Siti", "Tidak ada peserta program ini dengan nama itu"},
	} {
		body := search(tt.q)
		if !strings.Contains(pageText(body), tt.want) || strings.Contains(body, "Peserta Nomor") || pickRE.MatchString(body) {
			t.Errorf("search %q: %s, want %q and no names", tt.q, pageText(body), tt.want)
		}
	}
	body := search("nomor 1")
	picks := pickRE.FindAllStringSubmatch(body, -1)
	if len(picks) != 2 || !strings.Contains(body, "Peserta Nomor 1<") || !strings.Contains(body, "Peserta Nomor 10<") || !strings.Contains(body, "SMP Negeri 1") {
		t.Fatalf("search %q found %d names: %s", "nomor 1", len(picks), pageText(body))
	}
	for _, m := range picks {
		if len(m[1]) != 20 || strings.ContainsAny(m[1], "-") {
			t.Errorf("picker value %q is not opaque", m[1])
		}
	}
	// Nomor 10 by name with a wrong code: refused, the name stays chosen.
	var ten string
	for _, m := range pickRE.FindAllStringSubmatch(search("NOMOR 10"), -1) {
		ten = m[1]
	}
	status, page := p.post(t, f.srv.Path()+"masuk", url.Values{"peserta": {ten}, "kode": {"0000"}})
	if status != http.StatusForbidden || !strings.Contains(page, "Kode salah") || !strings.Contains(page, `value="`+ten+`" required checked`) {
		t.Errorf("picked name with a wrong code = %d %s", status, pageText(page))
	}
	if f.mark(t, 9) != nil {
		t.Error("marked with a wrong code")
	}
	status, page = p.post(t, f.srv.Path()+"masuk", url.Values{"peserta": {ten}, "kode": {f.srv.Code()}})
	if status != http.StatusOK || !strings.Contains(page, "Kehadiran tercatat: Hadir") || !strings.Contains(page, "Peserta Nomor 10") {
		t.Errorf("check-in by name = %d %s", status, pageText(page))
	}
	if m := f.mark(t, 9); m == nil || m.Status != data.Present || m.Note != CheckInNote {
		t.Errorf("mark after check-in by name = %+v", m)
	}
	// A made-up value is refused and counted as a failure.
	if status, page := f.phone().post(t, f.srv.Path()+"masuk", url.Values{"peserta": {strings.Repeat("a", 20)}, "kode": {f.srv.Code()}}); status != http.StatusBadRequest || !strings.Contains(page, "tidak dikenal lagi") {
		t.Errorf("made-up picker value = %d %s", status, pageText(page))
	}
	// No NIP at all: found by name, whatever the case, and marked.
	q := f.phone()
	_, body = q.get(t, f.srv.Path()+"?nama=wahyu")
	m := pickRE.FindStringSubmatch(body)
	if m == nil || !strings.Contains(body, "Yayasan Pendidikan Harapan") || !strings.Contains(body, " checked>") {
		t.Fatalf("participant without a NIP not found by name: %s", pageText(body))
	}
	if status, page := q.post(t, f.srv.Path()+"masuk", url.Values{"peserta": {m[1]}, "kode": {f.srv.Code()}}); status != http.StatusOK {
		t.Errorf("check-in without a NIP = %d %s", status, pageText(page))
	}
	marks, _ := f.st.Marks(ctx, f.session.ID)
	if marks[e.ID] == nil {
		t.Error("participant without a NIP not marked")
	}
}
