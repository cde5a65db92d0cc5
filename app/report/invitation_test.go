package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store/storetest"
)

// The invitations of a program read back: per unit, one letter per unit with its people as lampiran, the
// unit with a head addressed by its position and the others to "Kepala <unit>"; per participant, one letter
// each. Every participant (role peserta, not withdrawn) appears, the numbers are new each time, and the register
// lists the letters in the people's history.
func TestInvitationsReadBack(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	p, err := s.ProgramByCode(ctx, "PTD-I/2026")
	if err != nil {
		t.Fatal(err)
	}
	inv, err := LoadInvitation(ctx, s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	units := inv.Units()
	if len(units) < 2 {
		t.Fatalf("the sample's program has %d units", len(units))
	}
	head := &data.Unit{Name: units[0].Unit.Name, HeadName: "Drs. Ujang Rahmat", HeadPosition: "Kepala Unit Uji Undangan"}
	if err := s.SaveUnits(ctx, []*data.Unit{head}); err != nil {
		t.Fatal(err)
	}
	if inv, err = LoadInvitation(ctx, s, p.ID); err != nil {
		t.Fatal(err)
	}
	inv.Dress = "Batik lengan panjang"
	rows, err := s.Enrolments(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var participants []string
	for _, r := range rows {
		if r.Role == data.RoleParticipant && !r.Withdrawn {
			participants = append(participants, r.Name)
		}
	}
	if len(participants) != len(inv.People) || len(participants) == 0 {
		t.Fatalf("%d participants, the invitation has %d", len(participants), len(inv.People))
	}
	dir := t.TempDir()
	for _, perUnit := range []bool{true, false} {
		path := filepath.Join(dir, "undangan.pdf")
		res, err := SaveInvitations(ctx, s, inv, path, perUnit, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, b)
		// Without -layout a wrapped table cell reads as its lines one after the other.
		raw, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(text), " ")
		flatRaw := strings.Join(strings.Fields(string(raw)), " ")
		wantLetters := len(participants)
		if perUnit {
			wantLetters = len(inv.Units())
		}
		if res.Letters != wantLetters || res.People != len(participants) || strings.Count(flat, "Yth.") != wantLetters {
			t.Errorf("per unit %v: %d letters (%d in the text) for %d people, want %d", perUnit, res.Letters, strings.Count(flat, "Yth."), res.People, wantLetters)
		}
		for _, want := range []string{p.Title, p.Place, "Batik lengan panjang", "Hari/tanggal", "08.00", res.Numbers[0], res.Numbers[len(res.Numbers)-1]} {
			if !strings.Contains(flat, want) {
				t.Errorf("per unit %v: the letters lack %q", perUnit, want)
			}
		}
		for _, name := range participants {
			if !strings.Contains(flatRaw, strings.Join(strings.Fields(name), " ")) {
				t.Errorf("per unit %v: %s is not in the letters", perUnit, name)
			}
		}
		if perUnit {
			if !strings.Contains(flat, "Kepala Unit Uji Undangan") || !strings.Contains(flat, "Kepala "+units[1].Unit.Name) ||
				!strings.Contains(flat, "DAFTAR PESERTA") {
				t.Errorf("the unit letters lack their addressees or lampiran:\n%s", text)
			}
			if len(res.WithoutHead) != len(units)-1 {
				t.Errorf("without head %v", res.WithoutHead)
			}
		}
	}
	n := storetest.Count(t, s, "SELECT count(*) FROM letter WHERE kind = 'invitation' AND program_id = ?", p.ID)
	if n != len(inv.Units())+len(participants) {
		t.Errorf("%d invitations recorded", n)
	}
	if d := storetest.Count(t, s, "SELECT count(DISTINCT number) FROM letter"); d != storetest.Count(t, s, "SELECT count(*) FROM letter") {
		t.Errorf("a letter number was given twice")
	}
	history, err := s.ParticipantLetters(ctx, inv.People[0].ParticipantID)
	if err != nil || len(history) != 2 || history[0].Kind != data.LetterInvitation {
		t.Errorf("history %v, %v", history, err)
	}
}

// A program without participants gets no invitation and no file; the message says what to do.
func TestInvitationEmptyProgram(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	p := &data.Program{Code: "KOSONG-1", Title: "Program Tanpa Peserta", Kind: "Pelatihan Teknis", BudgetYear: 2026,
		StartDate: sampleDay, EndDate: sampleDay, TotalJP: 4, Organiser: "Dinas", Place: "Aula", AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	_, err := LoadInvitation(ctx, s, p.ID)
	if !data.IsKind(err, data.KindInvalid) || !strings.Contains(data.ErrorMessage(err), "belum memiliki peserta") {
		t.Errorf("err = %v", err)
	}
	path := filepath.Join(t.TempDir(), "undangan.pdf")
	if _, err := SaveInvitations(ctx, s, &Invitation{Program: p}, path, true, sampleDay); !data.IsKind(err, data.KindInvalid) {
		t.Errorf("saving an empty invitation: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a file was written for an empty program: %v", err)
	}
	if storetest.Count(t, s, "SELECT count(*) FROM letter") != 0 {
		t.Error("a letter was numbered for an empty program")
	}
}
