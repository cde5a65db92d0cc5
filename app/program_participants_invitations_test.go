package app

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store/storetest"
)

// The Peserta tab's Surat undangan button: per unit kerja, with a dress code typed, the PDF holds every
// participant and the dress code, its letters are in the register; a program without participants says so
// and writes nothing.
func TestParticipantsTabInvitations(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	p := programCalled(t, s, "PTD-I/2026")
	u.Navigate("programs")
	u.openProgramAt(p.ID, "Peserta")
	u.WaitIdle()
	path := filepath.Join(t.TempDir(), "undangan.pdf")
	var suggested string
	u.dialogs.savePath = func(name string, done func(string)) { suggested = name; done(path) }

	test.Tap(findButton(t, u, "Surat undangan…"))
	var mode *widget.RadioGroup
	var dress *keyEntry
	for _, o := range objects(u) {
		switch x := o.(type) {
		case *widget.RadioGroup:
			mode = x
		case *keyEntry:
			if x.Text == data.DefaultDressCode {
				dress = x
			}
		}
	}
	if mode == nil || dress == nil {
		t.Fatal("the invitation dialog has no choice of letters or no dress code")
	}
	mode.SetSelected("Satu surat per kepala unit kerja, nama peserta sebagai lampiran")
	dress.SetText("Batik lengan panjang")
	test.Tap(findButton(t, u, "Buat surat…"))
	u.WaitIdle()
	if suggested != "Surat Undangan – PTD-I-2026 – "+sampleDay.Format("2006-01-02")+".pdf" {
		t.Errorf("suggested %q", suggested)
	}
	if text := dialogText(t, u); !strings.Contains(text, "surat untuk") || !strings.Contains(text, "Kepala <unit>") {
		t.Fatalf("after saving the dialog says %q", text)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(out)), " ")
	rows, _ := s.Enrolments(ctx, p.ID)
	people := 0
	for _, r := range rows {
		if r.Role != data.RoleParticipant || r.Withdrawn {
			continue
		}
		people++
		if !strings.Contains(flat, r.Name) {
			t.Errorf("%s is not in the letters", r.Name)
		}
	}
	if !strings.Contains(flat, "Batik lengan panjang") || !strings.Contains(flat, "DAFTAR PESERTA") {
		t.Error("the letters lack the dress code or the lampiran")
	}
	if n := storetest.Count(t, s, "SELECT count(DISTINCT lp.participant_id) FROM letter l JOIN letter_person lp ON lp.letter_id = l.id WHERE l.kind = 'invitation' AND l.program_id = ?", p.ID); n != people {
		t.Errorf("the register has %d people invited, want %d", n, people)
	}
	closeDialogs(u)

	// A program without participants.
	empty := &data.Program{Code: "KOSONG-1", Title: "Program Tanpa Peserta", Kind: "Pelatihan Teknis", BudgetYear: 2026,
		StartDate: sampleDay, EndDate: sampleDay, TotalJP: 4, Organiser: "Dinas", Place: "Aula", AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, empty); err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	u.openProgramAt(empty.ID, "Peserta")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Surat undangan…"))
	if text := dialogText(t, u); !strings.Contains(text, "belum memiliki peserta") {
		t.Errorf("an empty program says %q", text)
	}
	for _, o := range objects(u) {
		if _, ok := o.(*widget.RadioGroup); ok {
			t.Error("the invitation dialog opened for an empty program")
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a file was written for an empty program")
	}
}
