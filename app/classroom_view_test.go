package app

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/classroom"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// classroomProgram is a one-day program today for the Mode Kelas window's tests.
func classroomProgram(t *testing.T, s *store.Store, today time.Time) *data.Program {
	t.Helper()
	p := &data.Program{Code: "KLS-1", Title: "Pelatihan Mode Kelas", Kind: "Pelatihan Teknis", BudgetYear: today.Year(),
		StartDate: today, EndDate: today, TotalJP: 4, Organiser: "Dinas", Place: "Aula", AttendanceThreshold: 80}
	if err := s.CreateProgram(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestClassroomViewLiveListAndManualMark(t *testing.T) {
	u, s := newTestUI(t, false)
	ctx := context.Background()
	today := data.Day(time.Now())
	p := classroomProgram(t, s, today)
	x := &data.Session{ProgramID: p.ID, Date: today, Start: "00:00", End: "23:59", TimeZone: "WIB", JP: 4}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	var enrolments []int64
	for i, nip := range []string{"198609262015051001", "198609262015052002"} {
		who := &data.Participant{NIP: nip, Name: []string{"Ani Lestari", "Budi Hartono"}[i], Unit: "SMP Negeri 2"}
		if err := s.CreateParticipant(ctx, who); err != nil {
			t.Fatal(err)
		}
		e, err := s.Enrol(ctx, p.ID, who.ID, data.RoleParticipant)
		if err != nil {
			t.Fatal(err)
		}
		enrolments = append(enrolments, e.ID)
	}
	// A free port on the loopback interface, remembered as if chosen last time.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	s.SetSetting(ctx, classroom.AddressSetting, "127.0.0.1")
	s.SetSetting(ctx, classroom.PortSetting, strconv.Itoa(port))

	u.now = func() time.Time { return today.Add(9*time.Hour + 20*time.Minute) } // the server keeps the window's clock
	defer func(d time.Duration) { classroomPoll = d }(classroomPoll)
	classroomPoll = 50 * time.Millisecond
	cv := u.openClassroom(p, x)
	u.WaitIdle()
	if cv.srv == nil {
		t.Fatalf("Mode Kelas did not start: %s", cv.problem.Text)
	}
	address := cv.srv.URL()
	if !strings.HasPrefix(address, "http://127.0.0.1:"+strconv.Itoa(port)+"/") || cv.url.Text != address {
		t.Errorf("address %q shown as %q", address, cv.url.Text)
	}
	if cv.code.Text != cv.srv.Code() || len(cv.code.Text) != 4 {
		t.Errorf("code shown %q, server's %q", cv.code.Text, cv.srv.Code())
	}
	if cv.qr.Image == nil || cv.qr.Image.Bounds().Dx() < 21 {
		t.Error("no QR code shown")
	}
	if !labelIn(cv.win, "Hadir 0 · Sudah mengisi 0 · Belum 2 · dari 2 peserta") {
		t.Errorf("counts = %q", cv.counts.Text)
	}
	if c := cv.srv.RotateCode(); cv.code.Text != c {
		t.Errorf("after a change the code shown is %q, want %q", cv.code.Text, c)
	}

	// A phone checks in: the list follows.
	res, err := http.PostForm(address+"masuk", url.Values{"nip": {"19860926 201505 1 001"}, "kode": {cv.srv.Code()}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	u.WaitIdle()
	if !labelIn(cv.win, "Hadir 1 · Sudah mengisi 0 · Belum 1") {
		t.Errorf("after a check-in the counts are %q", cv.counts.Text)
	}
	// Late by the window's clock: the row says T and the time of arrival.
	if !labelIn(cv.win, "Sudah hadir · T 09.20") {
		t.Error("the live list does not show the late arrival as T 09.20")
	}
	// Sorted by name, Ani comes first; not yet first, Budi, who has not checked in.
	if cv.people[0].Name != "Ani Lestari" {
		t.Errorf("by name the list starts with %s", cv.people[0].Name)
	}
	cv.sortBy.SetSelectedIndex(1)
	if cv.people[0].Name != "Budi Hartono" || cv.people[1].Name != "Ani Lestari" {
		t.Errorf("not yet first: %s, %s", cv.people[0].Name, cv.people[1].Name)
	}
	cv.sortBy.SetSelectedIndex(0)
	// The door sheet: one page with the address as QR code and text.
	sheet := filepath.Join(t.TempDir(), "pintu.pdf")
	suggested := ""
	u.dialogs.savePath = func(name string, done func(string)) { suggested = name; done(sheet) }
	test.Tap(buttonIn(t, cv.win, "Lembar QR untuk pintu (PDF)…"))
	u.WaitIdle()
	text, err := exec.Command("pdftotext", sheet, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext of the door sheet: %v", err)
	}
	if flat := strings.Join(strings.Fields(string(text)), " "); !strings.Contains(flat, "Pindai untuk presensi dan evaluasi") || !strings.Contains(flat, address) || !strings.HasPrefix(suggested, "Mode Kelas") {
		t.Errorf("door sheet %q reads %q", suggested, flat)
	}
	// Tandai manual for the one without a phone.
	test.Tap(buttonIn(t, cv.win, "Tandai hadir"))
	u.WaitIdle()
	marks, _ := s.Marks(ctx, x.ID)
	if m := marks[enrolments[1]]; m == nil || m.Status != data.Present {
		t.Errorf("manual mark = %+v, want H", m)
	}
	if !labelIn(cv.win, "Hadir 2 · Sudah mengisi 0 · Belum 0") {
		t.Errorf("after the manual mark the counts are %q", cv.counts.Text)
	}
	if n := storetest.Count(t, s, "SELECT count(*) FROM attendance WHERE session_id = ?", x.ID); n != 2 {
		t.Errorf("%d marks, want 2", n)
	}

	// A mark keyed in the attendance grid meanwhile shows at the next poll, without any phone.
	if err := s.SetMark(ctx, &data.Mark{SessionID: x.ID, EnrolmentID: enrolments[0], Status: data.Sick}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100 && !labelIn(cv.win, "Hadir 1 · Sudah mengisi 0 · Belum 1"); i++ {
		time.Sleep(20 * time.Millisecond)
		u.WaitIdle()
	}
	if !labelIn(cv.win, "Hadir 1 · Sudah mengisi 0 · Belum 1") {
		t.Errorf("after a mark keyed elsewhere the counts are %q", cv.counts.Text)
	}

	// The address is remembered; closing the window stops the server.
	if v, _ := s.Setting(ctx, classroom.AddressSetting, ""); v != "127.0.0.1" {
		t.Errorf("remembered address %q", v)
	}
	cv.win.Close()
	u.WaitIdle()
	client := &http.Client{Timeout: 2 * time.Second}
	if _, err := client.Get(address); err == nil {
		t.Error("the server still answers after the window closed")
	}
}

func TestClassroomGuideDialog(t *testing.T) {
	u, _ := newTestUI(t, false)
	u.showClassroomGuide()
	for _, want := range []string{"Cara 1: hotspot laptop (Windows)", "Saat Windows Firewall bertanya", "Bila Wi-Fi kantor memisahkan perangkat"} {
		if !hasLabel(u, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
}

func TestSettingsGracePeriod(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabDefaults)
	grace := findEntry(t, u, "15")
	grace.SetText("lima")
	test.Tap(findButton(t, u, "Simpan"))
	if v, _ := s.Setting(context.Background(), classroom.GraceSetting, ""); v != "" {
		t.Errorf("a grace of %q was stored", v)
	}
	if !hasLabel(u, "Mode Kelas, terlambat setelah: tulis menit 0 sampai 180, misalnya 15") {
		t.Error("no message for a grace period in words")
	}
	grace.SetText("10")
	test.Tap(findButton(t, u, "Simpan"))
	if v, _ := s.Setting(context.Background(), classroom.GraceSetting, ""); v != "10" {
		t.Errorf("stored grace %q, want 10", v)
	}
}

// freePort is a port free on the loopback interface now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestClassroomViewNetworkChoice: the laptop's addresses are offered and listed again on request without moving
// the phones' address; a port typed and applied moves the server there (the old port closes) and is remembered;
// a port out of range is refused with a message.
func TestClassroomViewNetworkChoice(t *testing.T) {
	u, s := newTestUI(t, false)
	ctx := context.Background()
	p := classroomProgram(t, s, data.Day(time.Now()))
	first := freePort(t)
	s.SetSetting(ctx, classroom.AddressSetting, "127.0.0.1")
	s.SetSetting(ctx, classroom.PortSetting, strconv.Itoa(first))
	cv := u.openClassroom(p, nil)
	u.WaitIdle()
	defer cv.win.Close()
	if cv.srv == nil {
		t.Fatalf("Mode Kelas did not start: %s", cv.problem.Text)
	}
	var labels []string
	for _, a := range classroom.Addresses() {
		labels = append(labels, a.Label())
	}
	if got := cv.address.Options; strings.Join(got, "|") != strings.Join(labels, "|") || !strings.HasPrefix(cv.address.Selected, "127.0.0.1 (") {
		t.Errorf("addresses offered %v (selected %q), want %v with the remembered 127.0.0.1", got, cv.address.Selected, labels)
	}
	address := cv.srv.URL()
	// Listed again (a hotspot turned on later): the address in use stays, and so does the server.
	var again *widget.Button
	for _, o := range windowObjects(cv.win) {
		if b, ok := o.(*widget.Button); ok && b.Icon == theme.ViewRefreshIcon() {
			again = b
		}
	}
	if again == nil {
		t.Fatal("no button to list the addresses again")
	}
	test.Tap(again)
	u.WaitIdle()
	if cv.srv == nil || cv.srv.URL() != address {
		t.Errorf("listing the addresses again moved the server from %s to %v", address, cv.srv)
	}
	// Another port, applied: the server moves, the old port closes, the new one is remembered.
	second := freePort(t)
	cv.port.SetText(strconv.Itoa(second))
	test.Tap(buttonIn(t, cv.win, "Pakai"))
	u.WaitIdle()
	if cv.srv == nil || !strings.HasPrefix(cv.srv.URL(), "http://127.0.0.1:"+strconv.Itoa(second)+"/") || cv.url.Text != cv.srv.URL() {
		t.Fatalf("after applying port %d the address is %q (%s)", second, cv.url.Text, cv.problem.Text)
	}
	if v, _ := s.Setting(ctx, classroom.PortSetting, ""); v != strconv.Itoa(second) {
		t.Errorf("remembered port %q, want %d", v, second)
	}
	client := &http.Client{Timeout: 2 * time.Second}
	if _, err := client.Get(address); err == nil {
		t.Errorf("the old address %s still answers", address)
	}
	res, err := client.Get(cv.srv.URL())
	if err != nil {
		t.Fatalf("the new address: %v", err)
	}
	res.Body.Close()
	// A port out of range: a message, no server, and the remembered port unchanged.
	cv.port.SetText("80")
	test.Tap(buttonIn(t, cv.win, "Pakai"))
	u.WaitIdle()
	if cv.srv != nil || !cv.problem.Visible() || !strings.Contains(cv.problem.Text, "Port harus angka 1024 sampai 65535") || cv.code.Text != "" {
		t.Errorf("port 80: server %v, message %q, code %q", cv.srv, cv.problem.Text, cv.code.Text)
	}
	if v, _ := s.Setting(ctx, classroom.PortSetting, ""); v != strconv.Itoa(second) {
		t.Errorf("remembered port after a refused one %q, want %d", v, second)
	}
}

// modeKelasWindow returns the Mode Kelas window open now, or nil.
func modeKelasWindow(u *UI) fyne.Window {
	for _, w := range u.app.Driver().AllWindows() {
		if strings.HasPrefix(w.Title(), "Mode Kelas · ") {
			return w
		}
	}
	return nil
}

// TestModeKelasFromBothTabs: the Mode Kelas button of Jadwal & Presensi > Presensi serves the session chosen
// there, the one of Evaluasi the session under way (or the evaluations only); each window serves its address
// until it closes.
func TestModeKelasFromBothTabs(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	s.SetSetting(ctx, classroom.AddressSetting, "127.0.0.1")
	for _, tt := range []struct {
		name string
		open func() string // opens the tab and returns what the window should say of the session
	}{
		{"Jadwal & Presensi", func() string {
			st := openSchedule(t, u, s, data.StatusRunning, 1)
			return sessionLabel(st.entry.session)
		}},
		{"Evaluasi", func() string {
			rows, err := s.Programs(ctx, store.ProgramFilter{Status: data.StatusRunning})
			if err != nil || len(rows) == 0 {
				t.Fatalf("no running program: %v", err)
			}
			fixToday(u)
			evaluationOf(t, u, s, rows[0].Program.Code)
			list, _ := s.Sessions(ctx, rows[0].Program.ID)
			if x := classroom.SessionNow(list, u.now()); x != nil {
				return sessionLabel(x)
			}
			return "Evaluasi saja (tanpa presensi)"
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s.SetSetting(ctx, classroom.PortSetting, strconv.Itoa(freePort(t)))
			want := tt.open()
			test.Tap(buttonIn(t, u.win, "Mode Kelas"))
			u.WaitIdle()
			w := modeKelasWindow(u)
			if w == nil {
				t.Fatal("no Mode Kelas window")
			}
			if !labelIn(w, want) {
				t.Errorf("the window does not say %q", want)
			}
			var address string
			for _, o := range windowObjects(w) {
				if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "http://127.0.0.1:") {
					address = l.Text
				}
			}
			client := &http.Client{Timeout: 2 * time.Second}
			res, err := client.Get(address)
			if err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("GET %q = %v %v", address, res, err)
			}
			res.Body.Close()
			w.Close()
			u.WaitIdle()
			if _, err := client.Get(address); err == nil {
				t.Errorf("%s still answers after the window closed", address)
			}
		})
	}
}
