package app

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// errorDialog returns the visible labels of the dialog on top (topDialog), joined with " | ", and the text
// folded under its Detail accordion ("" without one).
func errorDialog(t *testing.T, u *UI) (shown, detail string) {
	t.Helper()
	var parts []string
	for _, o := range topDialog(t, u) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Visible() {
				parts = append(parts, x.Text)
			}
		case *widget.Accordion:
			detail = x.Items[0].Detail.(*widget.Label).Text
		}
	}
	return strings.Join(parts, " | "), detail
}

// A refusal of the data layer reaches the window's dialog in the window's language: deleting a participant
// who has a training history, typing a NIP whose birth date cannot be and a budget year out of range, in
// Indonesian and in English.
func TestErrorsSpeakTheWindowLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, title, enrolled, deleted, badNIP, badYear, notWant string
	}{
		{"id", "Tidak dapat dilanjutkan", "Peserta ini terdaftar di ", " program; riwayatnya harus tetap ada, jadi data tidak dapat dihapus",
			"NIP 19901345 202524 2 014: 8 digit pertama (19901345) bukan tanggal lahir yang benar (TTTTBBHH)",
			"harus tahun antara 2000 dan 2100", "This participant"},
		{"en", "Cannot continue", "This participant is enrolled in ", " program(s); their history must stay, so the data cannot be deleted",
			"NIP 19901345 202524 2 014: the first 8 digits (19901345) are not a valid birth date (YYYYMMDD)",
			"must be a year between 2000 and 2100", "terdaftar"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, s := newTestUI(t, true)
			ctx := context.Background()
			if err := u.SetLanguage(c.lang); err != nil {
				t.Fatal(err)
			}
			u.WaitIdle()
			p := plannedProgram(t, s)
			rows, _ := s.Enrolments(ctx, p.ID)
			if len(rows) == 0 {
				t.Fatal("the planned program has no participants")
			}
			person := rows[0].ParticipantID
			u.openParticipant(person)
			u.WaitIdle()
			test.Tap(findButton(t, u, L("Hapus peserta")))
			u.WaitIdle()
			confirmTop(t, u)
			got, _ := errorDialog(t, u)
			if !strings.Contains(got, c.title) || !strings.Contains(got, c.enrolled) || !strings.Contains(got, c.deleted) || strings.Contains(got, c.notWant) {
				t.Errorf("the refusal dialog shows %q; want %q and %q…%q", got, c.title, c.enrolled, c.deleted)
			}
			if _, err := s.Participant(ctx, person); err != nil {
				t.Errorf("the participant was deleted: %v", err)
			}
			u.win.Canvas().Overlays().Top().Hide()

			openParticipantsTab(t, u, p)
			test.Type(entries(u, L("Ketik NIP lalu Enter untuk mendaftarkan"))[0], "199013452025242014")
			u.WaitIdle()
			if !labelContaining(u, c.badNIP) {
				t.Errorf("the NIP's problem is not shown as %q", c.badNIP)
			}

			// A field problem of the program form (data.FieldErrors) under its field.
			u.dropPage("programs")
			u.Navigate("programs")
			u.show(u.current)
			u.WaitIdle()
			test.Tap(findButton(t, u, L("Program baru")))
			u.WaitIdle()
			test.Type(entries(u, strconv.Itoa(u.now().Year()))[0], "1999")
			u.WaitIdle()
			if !labelContaining(u, c.badYear) {
				t.Errorf("the budget year's problem is not shown as %q", c.badYear)
			}
		})
	}
}

// In English the error dialog writes the domain sentence in English and keeps only the operating system's
// own English behind Detail, never the Indonesian message.
func TestErrorDialogInEnglish(t *testing.T) {
	u, _ := newTestUI(t, false)
	if err := u.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hilang.db")
	_, cause := os.Open(path)
	for _, c := range []struct {
		err          error
		want, detail string
	}{
		{data.Wrap(data.KindInvalid, cause, "Berkas %s tidak dapat dibaca: %v", path, cause),
			"The file " + path + " cannot be read: open " + path + ": no such file or directory", ""},
		{data.Wrap(data.KindInternal, cause, "Basis data %s tidak dapat dibuka", path),
			"Database " + path + " cannot be opened", "open " + path + ": no such file or directory"},
	} {
		u.showError(c.err)
		shown, detail := errorDialog(t, u)
		if !strings.Contains(shown, c.want) || strings.Contains(shown, "tidak") {
			t.Errorf("the dialog says %q; want %q", shown, c.want)
		}
		if detail != c.detail {
			t.Errorf("Detail = %q; want %q", detail, c.detail)
		}
		u.win.Canvas().Overlays().Top().Hide()
	}
}
