package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// lockedBuffer is stdout written by the server's goroutines and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kelas.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	today := data.Day(time.Now())
	p := &data.Program{Code: "KLS-1", Title: "Pelatihan Mode Kelas", Kind: "Pelatihan Teknis", BudgetYear: today.Year(),
		StartDate: today, EndDate: today, TotalJP: 4, Organiser: "Dinas", Place: "Aula", AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	x := &data.Session{ProgramID: p.ID, Date: today, Start: "00:00", End: "23:59", TimeZone: "WIB", JP: 4}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	who := &data.Participant{NIP: "198609262015051001", Name: "Ani Lestari"}
	if err := s.CreateParticipant(ctx, who); err != nil {
		t.Fatal(err)
	}
	e, err := s.Enrol(ctx, p.ID, who.ID, data.RoleParticipant)
	if err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve"}, 2, "--program"},
		{[]string{"serve", "--program", "KLS-1", "--addr", "nonsense"}, 2, "--addr"},
		{[]string{"serve", "--program", "KLS-1", "--addr", "0.0.0.0:0"}, 1, "tidak dapat dipakai"},
		{[]string{"serve", "--program", "NOPE", "--addr", "127.0.0.1:0"}, 1, "NOPE"},
		{[]string{"serve", "--program", "KLS-1", "--session", "5", "--addr", "127.0.0.1:0"}, 1, "Sesi 5 tidak ada"},
	} {
		code, _, stderr := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v = %d %q, want %d with %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}

	// Mode Kelas as the command line runs it, on a clock fixed at 12:34:56 today, until Ctrl+C.
	var out lockedBuffer
	noon := today.Add(12*time.Hour + 34*time.Minute + 56*time.Second)
	r := &Runner{DB: db, Stdout: &out, Stderr: &out, Now: func() time.Time { return noon }}
	done := make(chan int, 1)
	go func() { done <- r.Run([]string{"serve", "--program", "KLS-1", "--addr", "127.0.0.1:0"}) }()
	urlRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/[a-z0-9]+/`)
	codeRE := regexp.MustCompile(`12:34:56  kode presensi: (\d{4})`)
	deadline := time.Now().Add(10 * time.Second)
	for !urlRE.MatchString(out.String()) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	text := out.String()
	address, code := urlRE.FindString(text), codeRE.FindStringSubmatch(text)
	if address == "" || code == nil {
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		t.Fatalf("serve printed no address or no code at 12:34:56 by Runner.Now:\n%s", text)
	}
	res, err := http.PostForm(address+"masuk", url.Values{"nip": {"19860926 201505 1 001"}, "kode": {code[1]}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	marks, err := s.Marks(ctx, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The server keeps the command's clock: at 12:34 a session that began at 00:00 is long past its grace.
	if m := marks[e.ID]; m == nil || m.Status != data.Late || m.Time != "12:34" {
		t.Errorf("after a check-in through serve at 12:34:56 the mark is %+v, want T 12:34", m)
	}
	// Ctrl+C: the command's context ends, the server closes, exit code 0.
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve ended with exit code %d:\n%s", code, out.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on Ctrl+C")
	}
	if !strings.Contains(out.String(), "Mode Kelas berhenti") {
		t.Errorf("no stop line:\n%s", out.String())
	}
	if _, err := http.Get(address); err == nil {
		t.Error("the server still answers after serve ended")
	}
}
