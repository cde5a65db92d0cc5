package classroom

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"strings"

	"github.com/pembina/pembina/data/indo"
)

//go:embed web/pages.html web/gaya.css
var webFiles embed.FS

var pages = template.Must(template.New("").ParseFS(webFiles, "web/pages.html"))

var styleSheet = func() []byte {
	b, err := webFiles.ReadFile("web/gaya.css")
	if err != nil {
		panic(err)
	}
	return b
}()

// page is what every page template gets.
type page struct {
	Base    string // the token path, "/TOKEN/"
	Program string
	Session string
	Title   string
	Text    string
	Back    bool // a link back to the start
	Error   string

	Flash   string
	Name    string
	Forms   []formLink
	Form    *formView
	Next    *formLink
	NoEntry bool // check-in page without a session: identification only
	Search  string
	Picks   []pick // the name picker's names, when a search found some
}

func (s *Server) newPage(title string) *page {
	p := &page{Base: s.Path(), Title: title, Program: s.program.Title + " · " + s.program.BatchLabel()}
	if s.session != nil {
		p.Session = strings.TrimSpace("Sesi " + itoa(s.session.Number) + " · " + indo.Date(s.session.Date) + " · " + s.session.TimeLabel())
	}
	return p
}

// render writes a page, or a plain error when the template fails (a programming error).
func (s *Server) render(w http.ResponseWriter, status int, name string, p *page) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, p); err != nil {
		http.Error(w, "Halaman tidak dapat dibuat: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// message shows a page with a title and a sentence in Indonesian, with a link back to the start when back.
func (s *Server) message(w http.ResponseWriter, status int, title, text string, back bool) {
	p := s.newPage(title)
	p.Text, p.Back = text, back
	s.render(w, status, "message", p)
}

func (s *Server) css(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	w.Write(styleSheet)
}
