package classroom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
)

// CheckInNote is the note of a mark made by a participant's own check-in, so that the coordinator sees where
// it came from.
const CheckInNote = "Mode Kelas"

func itoa(n int) string { return strconv.Itoa(n) }

// home is the check-in page, or the participant's forms when this phone has checked in already.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if _, v := s.visitorOf(r); v != nil {
		http.Redirect(w, r, s.Path()+"formulir", http.StatusSeeOther)
		return
	}
	if q, ok := r.URL.Query()["nama"]; ok {
		// The name picker: the names found, or why none are shown.
		search := strings.TrimSpace(q[0])
		picks, why := s.findNames(search)
		if len(picks) == 0 && letters(search) >= MinPickLetters {
			// Someone enrolled after the server started is found on a fresh roster.
			if err := s.loadRoster(r.Context()); err == nil {
				picks, why = s.findNames(search)
			}
		}
		s.checkInPage(w, http.StatusOK, why, search, picks)
		return
	}
	s.checkInPage(w, http.StatusOK, "", "", nil)
}

// checkInPage is the check-in form: NIP and code, or the names the picker found and the code.
func (s *Server) checkInPage(w http.ResponseWriter, status int, errText, search string, picks []pick) {
	title := "Presensi dan evaluasi"
	if s.session == nil {
		title = "Evaluasi"
	}
	p := s.newPage(title)
	p.Error, p.NoEntry, p.Search, p.Picks = errText, s.session == nil, search, picks
	s.render(w, status, "checkin", p)
}

// window is the time check-in is open for the session, and when lateness starts.
func (s *Server) window(now time.Time) (open, start, lateAfter, end time.Time) {
	loc := now.Location()
	y, m, d := s.session.Date.Date()
	at := func(clock string, def time.Time) time.Time {
		t, err := time.Parse("15:04", clock)
		if err != nil {
			return def
		}
		return time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, loc)
	}
	day := time.Date(y, m, d, 0, 0, 0, 0, loc)
	start = at(s.session.Start, day)
	end = at(s.session.End, day.Add(24*time.Hour-time.Second))
	return start.Add(-EarlyWindow), start, start.Add(s.cfg.Grace), end
}

// checkIn checks the NIP and the code, marks the participant (H, or T with the time after the grace period)
// unless a mark exists, and recognises this phone with a ticket.
func (s *Server) checkIn(w http.ResponseWriter, r *http.Request) {
	now := s.cfg.Now()
	client := clientOf(r)
	if blocked, until := s.limiter.blocked(client, now); blocked {
		s.message(w, http.StatusTooManyRequests, "Terlalu banyak percobaan",
			fmt.Sprintf("Kode atau NIP salah terlalu sering dari ponsel ini. Tunggu sampai pukul %s, lalu coba lagi dengan kode yang tampil di layar koordinator.", until.Format("15.04")), true)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.bodyError(w, err)
		return
	}
	typed := r.PostForm.Get("nip")
	n := nip.Clean(typed)
	chosen, byName := s.picked(r.PostForm.Get("peserta"))
	var picks []pick // the name chosen stays chosen when the page comes back
	if byName {
		picks = []pick{pickOf(s, chosen, true)}
	}
	switch {
	case n == "" && !byName && r.PostForm.Get("peserta") != "":
		s.limiter.fail(client, now)
		s.checkInPage(w, http.StatusBadRequest, "Nama yang dipilih tidak dikenal lagi. Cari lagi nama Anda, atau masuk dengan NIP.", "", nil)
		return
	case n == "" && !byName:
		s.checkInPage(w, http.StatusBadRequest, "Tulis NIP Anda (18 angka; spasi dan titik boleh), atau cari nama Anda.", "", nil)
		return
	}
	if !s.validCode(r.PostForm.Get("kode")) {
		s.limiter.fail(client, now)
		s.checkInPage(w, http.StatusForbidden, "Kode salah atau sudah kedaluwarsa. Ketik kode yang tampil di layar koordinator sekarang.", "", picks)
		return
	}
	s.mu.Lock()
	row, ok := s.roster[n]
	s.mu.Unlock()
	if byName {
		row, ok = chosen, true
	}
	if !ok {
		// Someone enrolled after the server started is found on a fresh roster.
		if err := s.loadRoster(r.Context()); err == nil {
			s.mu.Lock()
			row, ok = s.roster[n]
			s.mu.Unlock()
		}
	}
	if !ok {
		s.limiter.fail(client, now)
		s.checkInPage(w, http.StatusForbidden, "NIP ini tidak terdaftar sebagai peserta program ini. Periksa angkanya, cari nama Anda, atau hubungi koordinator.", "", nil)
		return
	}
	flash := "Selamat datang."
	if s.session != nil {
		var err error
		if flash, err = s.mark(r.Context(), row, now); err != nil {
			s.checkInPage(w, http.StatusForbidden, data.ErrorMessage(err), "", picks)
			return
		}
	}
	ticket := randomText(16)
	s.mu.Lock()
	s.visitors[ticket] = &visitor{enrolmentID: row.EnrolmentID, participantID: row.ParticipantID, name: row.Name, flash: flash}
	s.mu.Unlock()
	s.setTicket(w, ticket)
	s.changed()
	http.Redirect(w, r, s.Path()+"formulir", http.StatusSeeOther)
}

// mark stores the check-in within the session's window and says what was recorded.
func (s *Server) mark(ctx context.Context, row store.RosterRow, now time.Time) (string, error) {
	open, _, lateAfter, end := s.window(now)
	if now.Before(open) {
		return "", data.Errorf(data.KindInvalid, "Presensi sesi ini dibuka pukul %s (60 menit sebelum sesi mulai). Silakan coba lagi nanti.", open.Format("15.04"))
	}
	if now.After(end) {
		return "", data.Errorf(data.KindInvalid, "Sesi ini sudah berakhir pukul %s; presensi sudah ditutup. Hubungi koordinator.", end.Format("15.04"))
	}
	m := &data.Mark{SessionID: s.session.ID, EnrolmentID: row.EnrolmentID, Status: data.Present, Note: CheckInNote, Source: data.SourceScreen}
	if now.After(lateAfter) {
		m.Status, m.Time = data.Late, now.Format("15:04")
	}
	s.writing.Lock()
	held, created, err := s.st.CheckIn(ctx, m)
	s.writing.Unlock()
	if err != nil {
		return "", err
	}
	switch {
	case !created:
		return fmt.Sprintf("Kehadiran Anda sudah tercatat: %s.", markText(held)), nil
	case held.Status == data.Late:
		return fmt.Sprintf("Kehadiran tercatat: Terlambat (T), pukul %s.", now.Format("15.04")), nil
	}
	return fmt.Sprintf("Kehadiran tercatat: Hadir, pukul %s.", now.Format("15.04")), nil
}

func markText(m *data.Mark) string {
	t := m.Status.Label()
	if m.Time != "" {
		t += ", pukul " + m.Time[:2] + "." + m.Time[3:]
	}
	return t
}

// bodyError answers a request whose body could not be read whole: too large, or cut off.
func (s *Server) bodyError(w http.ResponseWriter, err error) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		s.message(w, http.StatusRequestEntityTooLarge, "Kiriman terlalu besar",
			"Kiriman ini lebih besar dari 1 MB dan tidak disimpan. Persingkat jawaban teks Anda lalu kirim lagi.", true)
		return
	}
	s.message(w, http.StatusBadRequest, "Kiriman tidak utuh",
		"Kiriman tidak sampai dengan utuh (sambungan terputus?) dan tidak disimpan. Periksa sambungan Wi-Fi lalu kirim lagi.", true)
}

// SessionNow picks the session to check in to at now: the one whose check-in window holds now, else the next
// one today, else nil.
func SessionNow(list []*data.Session, now time.Time) *data.Session {
	var next *data.Session
	for _, x := range list {
		s := &Server{session: x}
		open, _, _, end := s.window(now)
		if !now.Before(open) && !now.After(end) {
			return x
		}
		y, m, d := x.Date.Date()
		ny, nm, nd := now.Date()
		if y == ny && m == nm && d == nd && now.Before(open) && next == nil {
			next = x
		}
	}
	return next
}
