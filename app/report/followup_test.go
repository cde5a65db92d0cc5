package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store/storetest"
)

// The follow-up list is, person for person, the JP Pegawai rows of the leadership workbook marked "Belum";
// each unit's letter names the unit, its head (or "Kepala <unit>"), its figures and its people; the workbook
// lists the same people; the letter numbers are recorded and never reused.
func TestFollowUpMatchesWorkbook(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	var buf bytes.Buffer
	if _, err := WriteWorkbook(ctx, &buf, s, overview.Year(2026), sampleDay, nil); err != nil {
		t.Fatal(err)
	}
	wbf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, r := range sheetRows(t, wbf, SheetJP) {
		if i > 0 && len(r) > 8 && r[7] == "Belum" {
			want = append(want, r[0]+"|"+r[1]+"|"+r[5]+"|"+r[8])
		}
	}
	if len(want) == 0 {
		t.Fatal("the sample has no one below target")
	}

	// One unit gets a head; one gets a name no file system takes.
	f, err := followup.Load(ctx, s, 2026, "", sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	headed, odd := f.Units[0].Unit.Name, f.Units[1].Unit.Name
	if err := s.SaveUnits(ctx, []*data.Unit{{Name: headed, HeadName: "Drs. Ujang Suryana", HeadPosition: "Kepala Bidang Uji Coba"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := storetest.DB(t, s).Exec("UPDATE participant SET unit = ? WHERE unit = ?", `SMP "A/B": 1?`, odd); err != nil {
		t.Fatal(err)
	}
	if f, err = followup.Load(ctx, s, 2026, "", sampleDay, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range f.Below() {
		got = append(got, p.NIP+"|"+p.Name+"|"+indo.Plain(int64(p.JP))+"|"+indo.Plain(int64(p.Shortfall())))
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("follow-up (%d people) differs from the workbook's rows below target (%d)", len(got), len(want))
	}

	dir := t.TempDir()
	ls, err := LoadLetterSettings(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := SaveFollowUp(ctx, s, f, ls, dir, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	if res.People != len(want) || len(res.Letters) != len(f.Units) {
		t.Fatalf("result %+v, want %d people in %d letters", res, len(want), len(f.Units))
	}
	if len(res.WithoutHead) != len(f.Units)-1 {
		t.Errorf("%d units without head, want %d", len(res.WithoutHead), len(f.Units)-1)
	}
	numbers := map[string]bool{}
	for i, u := range f.Units {
		path := res.Letters[i]
		if filepath.Dir(path) != dir || strings.ContainsAny(filepath.Base(path), `"?:`) {
			t.Errorf("unsafe letter path %q", path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, b)
		flat := strings.Join(strings.Fields(text), " ")
		v := FollowUpValues(f, u, ls.Institution)
		addressee := "Kepala " + u.Unit.Name
		if u.Unit.Name == headed {
			addressee = "Kepala Bidang Uji Coba"
		}
		for _, w := range []string{"NOTA DINAS", "Yth. : " + addressee, u.Unit.Name, "Pegawai ASN aktif : " + v["pegawai"] + " orang",
			"Belum memenuhi target JP : " + v["belum"] + " orang", "Jumlah kekurangan JP : " + v["kekurangan"] + " JP"} {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: %q missing", filepath.Base(path), w)
			}
		}
		for _, p := range u.People {
			if !strings.Contains(flat, strings.Fields(p.Name)[0]) {
				t.Errorf("%s: %s missing", filepath.Base(path), p.Name)
			}
		}
		number := between(flat, "Nomor : ", " Sifat")
		if number == "" || numbers[number] {
			t.Errorf("%s: number %q empty or repeated", filepath.Base(path), number)
		}
		numbers[number] = true
	}
	xf, err := excelize.OpenFile(res.Workbook)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows := sheetRows(t, xf, SheetFollowUp)
	if len(rows)-1 != len(want) {
		t.Errorf("workbook has %d rows, want %d", len(rows)-1, len(want))
	}
	// Letters are recorded with their people: a person's history shows the letter.
	p := f.Units[0].People[0]
	letters, err := s.ParticipantLetters(ctx, p.ID)
	if err != nil || len(letters) != 1 || !numbers[letters[0].Number] {
		t.Fatalf("letters of %s: %v, %v", p.Name, letters, err)
	}
	// A second run takes new numbers.
	res2, err := SaveFollowUp(ctx, s, f, ls, t.TempDir(), sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(res2.Letters[0])
	text, _ := pdfText(t, b)
	if n := between(strings.Join(strings.Fields(text), " "), "Nomor : ", " Sifat"); numbers[n] {
		t.Errorf("number %s given twice", n)
	}
}

// With no one below target the follow-up says so and writes nothing.
func TestFollowUpNobodyBelowTarget(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	if err := s.SetJPTargets(ctx, data.JPTargets{"PNS": 0, "CPNS": 0, "PPPK": 0, "PPPK Paruh Waktu": 0}); err != nil {
		t.Fatal(err)
	}
	f, err := followup.Load(ctx, s, 2026, "", sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	ls, _ := LoadLetterSettings(ctx, s)
	dir := t.TempDir()
	_, err = SaveFollowUp(ctx, s, f, ls, dir, sampleDay)
	if err == nil || !strings.Contains(err.Error(), "tidak ada berkas yang ditulis") {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files written", len(entries))
	}
	if n := storetest.Count(t, s, "SELECT count(*) FROM letter"); n != 0 {
		t.Errorf("%d letters numbered", n)
	}
}

// A damaged logo stops the follow-up before a number is taken or a file written.
func TestFollowUpBadLogo(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	f, err := followup.Load(ctx, s, 2026, "", sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	ls, _ := LoadLetterSettings(ctx, s)
	ls.Institution.Logo = []byte("\x89PNG bukan gambar")
	dir := t.TempDir()
	if _, err := SaveFollowUp(ctx, s, f, ls, dir, sampleDay); err == nil || !strings.Contains(err.Error(), "logo") {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 || storetest.Count(t, s, "SELECT count(*) FROM letter") != 0 {
		t.Errorf("%d files, %d letters after a bad logo", len(entries), storetest.Count(t, s, "SELECT count(*) FROM letter"))
	}
}

func TestSafeFileName(t *testing.T) {
	for in, want := range map[string]string{`SMP "A/B": 1?`: "SMP -A-B-- 1", "CON": "_CON", " . ": "x", "Bidang\tUmum ": "Bidang-Umum"} {
		if got := SafeFileName(in, "x"); got != want {
			t.Errorf("SafeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return ""
}

// A person with no JP, enrolled in a finished program of the year and marked A at every session, gets a surat
// panggilan to their unit's head; the letter is recorded in their history; with nobody to summon nothing is
// written.
func TestSummons(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	f, err := followup.Load(ctx, s, 2026, "", sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	ls, _ := LoadLetterSettings(ctx, s)
	already := len(f.Absences())
	var target *followup.Person
	for _, p := range f.Below() {
		if p.JP == 0 && p.Programs == 0 {
			target = p
			break
		}
	}
	if target == nil {
		t.Fatal("the sample has no one without JP")
	}
	var programID int64
	if err := storetest.DB(t, s).QueryRow(`SELECT p.id FROM program p WHERE p.status = 'finished' AND p.end_date LIKE '2026-%'
		AND EXISTS (SELECT 1 FROM session x WHERE x.program_id = p.id) ORDER BY p.id LIMIT 1`).Scan(&programID); err != nil {
		t.Fatal(err)
	}
	e, err := s.Enrol(ctx, programID, target.ID, data.RoleParticipant)
	if err != nil {
		t.Fatal(err)
	}
	sessions, err := s.Sessions(ctx, programID)
	if err != nil {
		t.Fatal(err)
	}
	var marks []*data.Mark
	for _, x := range sessions {
		marks = append(marks, &data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: data.AttendanceStatus("A")})
	}
	if err := s.SetMarks(ctx, marks); err != nil {
		t.Fatal(err)
	}
	if f, err = followup.Load(ctx, s, 2026, "", sampleDay, nil); err != nil {
		t.Fatal(err)
	}
	abs := f.Absences()
	if len(abs) != already+1 {
		t.Fatalf("%d absences, want %d", len(abs), already+1)
	}
	path := filepath.Join(t.TempDir(), SummonsFileName(2026))
	n, err := SaveSummons(ctx, s, f, ls, path, sampleDay)
	if err != nil || n != len(abs) {
		t.Fatalf("summons %d, %v", n, err)
	}
	b, _ := os.ReadFile(path)
	text, _ := pdfText(t, b)
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range []string{"Kepala " + strings.Fields(target.Unit)[0], target.Name, "Hal : Ketidakhadiran Pegawai", "tidak hadir pada " + indo.Plain(int64(len(sessions))) + " sesi"} {
		if !strings.Contains(flat, w) {
			t.Errorf("summons lacks %q:\n%s", w, flat)
		}
	}
	letters, err := s.ParticipantLetters(ctx, target.ID)
	if err != nil || len(letters) != 1 || letters[0].Kind != data.LetterSummons || letters[0].ProgramID != programID {
		t.Errorf("history letters %+v, %v", letters, err)
	}

	empty := &followup.FollowUp{Year: 2026}
	if _, err := SaveSummons(ctx, s, empty, ls, filepath.Join(t.TempDir(), "x.pdf"), sampleDay); err == nil || !strings.Contains(err.Error(), "tidak ada berkas") {
		t.Errorf("empty summons: %v", err)
	}
}
