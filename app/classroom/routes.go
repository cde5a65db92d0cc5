package classroom

import (
	"net/http"
	"strings"
)

// ticketCookie holds the random ticket of a checked-in participant on their phone.
const ticketCookie = "kelas"

// routes is the whole site: the classroom pages under the token, nothing else. Every request passes the
// cross-origin check (a form on another site cannot post here), the body limit and the security headers.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	p := s.Path()
	mux.HandleFunc("GET "+p+"{$}", s.home)
	mux.HandleFunc("POST "+p+"masuk", s.checkIn)
	mux.HandleFunc("GET "+p+"formulir", s.formList)
	mux.HandleFunc("GET "+p+"isi/{pf}", s.fill)
	mux.HandleFunc("POST "+p+"isi/{pf}", s.submit)
	mux.HandleFunc("GET "+p+"terkirim/{pf}", s.sent)
	mux.HandleFunc("POST "+p+"keluar", s.logout)
	mux.HandleFunc("GET "+p+"gaya.css", s.css)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.outsider(w, r, http.StatusNotFound, "Halaman tidak ditemukan",
			"Alamat ini tidak dikenal. Pindai lagi kode QR di layar koordinator atau ketik alamat yang tertulis di sana.")
	})
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.outsider(w, r, http.StatusForbidden, "Kiriman ditolak",
			"Kiriman ini tidak berasal dari halaman Mode Kelas. Buka lagi alamat di layar koordinator dan isi dari sana.")
	}))
	return cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		}
		mux.ServeHTTP(w, r)
	}))
}

// outsider answers a request refused before any page: under the token it is an ordinary message page; outside
// it (a guessed or mistyped address) the page names neither the token, which its style sheet's and links'
// addresses would give away, nor the program.
func (s *Server) outsider(w http.ResponseWriter, r *http.Request, status int, title, text string) {
	if strings.HasPrefix(r.URL.Path, s.Path()) {
		s.message(w, status, title, text, false)
		return
	}
	s.render(w, status, "message", &page{Title: title, Text: text})
}

// visitorOf returns the participant recognised by the request's ticket, or nil.
func (s *Server) visitorOf(r *http.Request) (string, *visitor) {
	c, err := r.Cookie(ticketCookie)
	if err != nil || c.Value == "" {
		return "", nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.visitors[c.Value]
	if v == nil {
		return "", nil
	}
	return c.Value, v
}

func (s *Server) setTicket(w http.ResponseWriter, ticket string) {
	http.SetCookie(w, &http.Cookie{Name: ticketCookie, Value: ticket, Path: s.Path(), HttpOnly: true,
		SameSite: http.SameSiteStrictMode, MaxAge: 24 * 60 * 60})
}

// notCheckedIn answers a request that needs a checked-in participant.
func (s *Server) notCheckedIn(w http.ResponseWriter) {
	s.message(w, http.StatusForbidden, "Belum masuk",
		"Masukkan NIP dan kode dari layar koordinator dulu, lalu formulir evaluasi Anda akan tampil.", true)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if ticket, _ := s.visitorOf(r); ticket != "" {
		s.mu.Lock()
		delete(s.visitors, ticket)
		s.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: ticketCookie, Value: "", Path: s.Path(), MaxAge: -1})
	http.Redirect(w, r, s.Path(), http.StatusSeeOther)
}
