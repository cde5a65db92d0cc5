package classroom

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"html/template"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// Defaults of Config.
const (
	DefaultGrace     = 15 * time.Minute // late (T) after the start plus this
	DefaultCodeEvery = 3 * time.Minute  // the check-in code changes this often
	DefaultPort      = 8787
	// EarlyWindow is how long before a session starts check-in opens.
	EarlyWindow = 60 * time.Minute
	// MaxBody is the largest request body read: a 30-item form with long comments fits many times over.
	MaxBody = 1 << 20
)

// GraceSetting is the setting key of the grace period in minutes (Pengaturan).
const GraceSetting = "classroom.grace_minutes"

// Config says what a Server serves.
type Config struct {
	Store     *store.Store
	ProgramID int64
	SessionID int64 // the session participants check in to; 0 serves the evaluations only
	Addr      string
	Grace     time.Duration // 0: the Pengaturan setting, or DefaultGrace
	CodeEvery time.Duration // 0: DefaultCodeEvery
	Now       func() time.Time
	// OnCode is told each new check-in code (and the first), from the server's own goroutine.
	OnCode func(code string)
	// OnChange is told after a check-in or a stored response, from a request's goroutine.
	OnChange func()
}

// Server is one run of Mode Kelas for one program (and session).
type Server struct {
	cfg     Config
	st      *store.Store
	program *data.Program
	session *data.Session
	token   string
	key     []byte // signs the hidden fields of forms

	// writing queues the server's own writes (marks, responses) in Go: sixty phones at once would otherwise
	// wait for SQLite's write lock in its busy handler, which sleeps in steps of up to 100 ms, and the last
	// ones would wait far longer than the writes take.
	writing sync.Mutex

	mu       sync.Mutex
	codes    [2]string                  // current, previous
	roster   map[string]store.RosterRow // by NIP, cleaned
	people   []store.RosterRow          // everyone, for the name picker
	visitors map[string]*visitor        // by ticket
	anon     map[anonKey]bool           // anonymous forms sent during this run
	forms    map[int64]*data.Form
	blank    map[blankKey]template.HTML // rendered questions of blank forms, by form and section
	pfCache  []store.ProgramFormRow
	pfRead   time.Time
	speakers []string

	limiter *limiter
	handler http.Handler
	srv     *http.Server
	ln      net.Listener
	stop    chan struct{}
	done    sync.WaitGroup
	closed  bool
}

type anonKey struct {
	programFormID, participantID int64
	speaker                      string
}

// visitor is a participant recognised on one phone after checking in.
type visitor struct {
	enrolmentID, participantID int64
	name                       string
	flash                      string // the check-in result, shown once
}

// New prepares a server: it loads the program, the session and the roster and makes the token and the first
// code. Start listens.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.CodeEvery <= 0 {
		cfg.CodeEvery = DefaultCodeEvery
	}
	s := &Server{cfg: cfg, st: cfg.Store, visitors: map[string]*visitor{}, anon: map[anonKey]bool{},
		forms: map[int64]*data.Form{}, blank: map[blankKey]template.HTML{}, limiter: newLimiter(), stop: make(chan struct{})}
	var err error
	if s.program, err = s.st.Program(ctx, cfg.ProgramID); err != nil {
		return nil, err
	}
	if cfg.SessionID != 0 {
		if s.session, err = s.st.Session(ctx, cfg.SessionID); err != nil {
			return nil, err
		}
		if s.session.ProgramID != s.program.ID {
			return nil, data.Errorf(data.KindInvalid, "Sesi ini bukan sesi program %s", s.program.Code)
		}
	}
	if s.cfg.Grace <= 0 {
		s.cfg.Grace = DefaultGrace
		if v, err := s.st.Setting(ctx, GraceSetting, ""); err == nil && v != "" {
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				s.cfg.Grace = time.Duration(n) * time.Minute
			}
		}
	}
	if s.speakers, err = s.st.ProgramSpeakers(ctx, s.program.ID); err != nil {
		return nil, err
	}
	if err := s.loadRoster(ctx); err != nil {
		return nil, err
	}
	s.token = strings.ToLower(randomText(6))
	s.key = []byte(randomText(20))
	s.codes[0] = newCode("")
	s.handler = s.routes()
	return s, nil
}

// randomText is n random bytes in base32 without padding.
func randomText(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
}

func (s *Server) loadRoster(ctx context.Context) error {
	rows, err := s.st.Roster(ctx, s.program.ID)
	if err != nil {
		return err
	}
	m := make(map[string]store.RosterRow, len(rows))
	for _, r := range rows {
		if n := nip.Clean(r.NIP); n != "" {
			m[n] = r
		}
	}
	s.mu.Lock()
	s.roster, s.people = m, rows
	s.mu.Unlock()
	return nil
}

// Program is the program served.
func (s *Server) Program() *data.Program { return s.program }

// Session is the session participants check in to, or nil.
func (s *Server) Session() *data.Session { return s.session }

// Token is the random first part of every address.
func (s *Server) Token() string { return s.token }

// Handler serves the classroom pages (for tests: Start serves it on the chosen address).
func (s *Server) Handler() http.Handler { return s.handler }

// Path is the address of the check-in page without host: "/TOKEN/".
func (s *Server) Path() string { return "/" + s.token + "/" }

// URL is the address participants open, once the server listens.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String() + s.Path()
}

// Code is the check-in code shown now.
func (s *Server) Code() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.codes[0]
}

// RotateCode replaces the code now (the previous one stays valid until the next change) and tells OnCode.
func (s *Server) RotateCode() string {
	s.mu.Lock()
	s.codes[1] = s.codes[0]
	s.codes[0] = newCode(s.codes[1])
	c := s.codes[0]
	s.mu.Unlock()
	if s.cfg.OnCode != nil {
		s.cfg.OnCode(c)
	}
	return c
}

// validCode reports whether typed is the current or the previous code.
func (s *Server) validCode(typed string) bool {
	typed = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, typed)
	s.mu.Lock()
	defer s.mu.Unlock()
	return typed != "" && (typed == s.codes[0] || typed == s.codes[1])
}

// newCode makes a four-digit code different from the previous one.
func newCode(previous string) string {
	for {
		b := make([]byte, 2)
		rand.Read(b)
		c := strconv.Itoa(1000 + (int(b[0])<<8|int(b[1]))%9000)
		if c != previous {
			return c
		}
	}
}

// Start listens on the configured address and serves until Close; the code then changes every CodeEvery.
// An address without a host is refused: Mode Kelas listens on one chosen interface only.
func (s *Server) Start() error {
	host, _, err := net.SplitHostPort(s.cfg.Addr)
	if err != nil || host == "" || net.ParseIP(host) == nil || net.ParseIP(host).IsUnspecified() {
		return data.Errorf(data.KindInvalid, "Alamat %q tidak dapat dipakai; tulis alamat IP laptop dan port, misalnya 192.168.137.1:%d", s.cfg.Addr, DefaultPort)
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return data.Wrap(data.KindInvalid, err, "Mode Kelas tidak dapat memakai alamat %s (%v); pilih alamat lain atau port lain", s.cfg.Addr, err)
	}
	s.ln = ln
	s.srv = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	s.done.Add(2)
	go func() {
		defer s.done.Done()
		s.srv.Serve(ln)
	}()
	go func() {
		defer s.done.Done()
		s.rotate()
	}()
	if s.cfg.OnCode != nil {
		s.cfg.OnCode(s.Code())
	}
	return nil
}

func (s *Server) rotate() {
	t := time.NewTicker(s.cfg.CodeEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.RotateCode()
		}
	}
}

// Close stops the server: it stops listening, waits up to five seconds for the requests under way, and stops
// the code's rotation.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	close(s.stop)
	var err error
	if s.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err = s.srv.Shutdown(ctx); errors.Is(err, context.DeadlineExceeded) {
			err = s.srv.Close()
		}
	}
	s.done.Wait()
	return err
}

// changed tells OnChange.
func (s *Server) changed() {
	if s.cfg.OnChange != nil {
		s.cfg.OnChange()
	}
}
