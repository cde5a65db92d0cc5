package classroom

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// The name picker, for a participant who does not know their NIP by heart (or has none, as a non-civil-servant
// participant): after at least MinPickLetters letters of their name it lists the participants whose name holds
// them, with name and unit only, at most MaxPicks of them; the one chosen is sent with the code as an opaque
// value instead of a NIP.
const (
	MinPickLetters = 3
	MaxPicks       = 8
)

// pick is one name offered by the picker.
type pick struct {
	Name, Unit, Value string
	Checked           bool
}

// pickValue is the opaque value that stands for an enrolment in the picker: it names no NIP and no database
// ID, and means nothing to another run of the server.
func (s *Server) pickValue(enrolmentID int64) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("pick|" + strconv.FormatInt(enrolmentID, 10)))
	return hex.EncodeToString(m.Sum(nil))[:20]
}

// picked returns the roster row a picker value stands for.
func (s *Server) picked(value string) (store.RosterRow, bool) {
	if value == "" {
		return store.RosterRow{}, false
	}
	s.mu.Lock()
	people := s.people
	s.mu.Unlock()
	for _, r := range people {
		if hmac.Equal([]byte(value), []byte(s.pickValue(r.EnrolmentID))) {
			return r, true
		}
	}
	return store.RosterRow{}, false
}

func pickOf(s *Server, r store.RosterRow, checked bool) pick {
	return pick{Name: r.Name, Unit: r.Unit, Value: s.pickValue(r.EnrolmentID), Checked: checked}
}

// letters counts the letters of a search.
func letters(q string) int {
	n := 0
	for _, r := range q {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// findNames lists the participants whose name holds the search, or says why none are shown.
func (s *Server) findNames(q string) ([]pick, string) {
	if letters(q) < MinPickLetters {
		return nil, "Ketik sedikitnya 3 huruf nama Anda, lalu tekan Cari nama."
	}
	key := data.SearchKey(q)
	s.mu.Lock()
	people := s.people
	s.mu.Unlock()
	var out []pick
	for _, r := range people {
		if strings.Contains(data.SearchKey(r.Name), key) {
			if len(out) == MaxPicks {
				return nil, "Terlalu banyak nama yang cocok. Ketik lebih banyak huruf nama Anda."
			}
			out = append(out, pickOf(s, r, false))
		}
	}
	if len(out) == 0 {
		return nil, "Tidak ada peserta program ini dengan nama itu. Periksa ejaannya, atau masuk dengan NIP."
	}
	if len(out) == 1 {
		out[0].Checked = true
	}
	return out, ""
}
