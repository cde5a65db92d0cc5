package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store/storetest"
)

// `pembina summary` on a copy of the sample whose program under way counts excused absence as present, with a
// cuti, a sakit and two unmarked participants on its first session and today's sessions not entered: read back
// with pdftotext, every held session's row adds up to the number enrolled (HADIR with the sakit, CUTI, ALPA,
// BELUM DIISI, JUMLAH), and each session due but not entered is "belum diisi" for the whole class, never alpa.
// The expected figures are counted with SQL.
func TestSummaryAttendanceAddsUp(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	s := openStore(t, db)
	sql := storetest.DB(t, s)
	var programID int64
	var code string
	if err := sql.QueryRow("SELECT id, code FROM program WHERE status = 'running' ORDER BY id LIMIT 1").Scan(&programID, &code); err != nil {
		t.Fatalf("the sample has no program under way: %v", err)
	}
	today := time.Now().Format("2006-01-02")
	type session struct {
		id   int64
		date string
	}
	var sessions []session
	rows, err := sql.Query("SELECT id, date FROM session WHERE program_id = ? ORDER BY date, start_time, id", programID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var x session
		rows.Scan(&x.id, &x.date)
		sessions = append(sessions, x)
	}
	rows.Close()
	var people []int64
	rows, err = sql.Query(`SELECT a.enrolment_id FROM attendance a JOIN enrolment e ON e.id = a.enrolment_id
		WHERE a.session_id = ? AND a.status = 'H' AND e.role = 'peserta' ORDER BY a.enrolment_id LIMIT 4`, sessions[0].id)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		people = append(people, id)
	}
	rows.Close()
	if len(people) < 4 {
		t.Fatalf("the first session of %s has %d people present", code, len(people))
	}
	for _, q := range []struct {
		query string
		args  []any
	}{
		{"UPDATE program SET excused_count_present = 1 WHERE id = ?", []any{programID}},
		{"UPDATE attendance SET status = 'C' WHERE session_id = ? AND enrolment_id = ?", []any{sessions[0].id, people[0]}},
		{"UPDATE attendance SET status = 'S' WHERE session_id = ? AND enrolment_id = ?", []any{sessions[0].id, people[1]}},
		{"DELETE FROM attendance WHERE session_id = ? AND enrolment_id IN (?, ?)", []any{sessions[0].id, people[2], people[3]}},
	} {
		if _, err := sql.Exec(q.query, q.args...); err != nil {
			t.Fatal(err)
		}
	}

	out := filepath.Join(dir, "laporan.pdf")
	if code, stdout, errOut := pembina(t, "--db", db, "summary", "--program", code, "--out", out); code != 0 {
		t.Fatalf("summary = %d\n%s\n%s", code, stdout, errOut)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	if i := strings.Index(flat, "B. Kehadiran per Sesi"); i >= 0 {
		flat = flat[i:]
	}
	if i := strings.Index(flat, "C. Evaluasi"); i >= 0 {
		flat = flat[:i]
	}

	var enrolled int
	sql.QueryRow("SELECT count(*) FROM enrolment WHERE program_id = ? AND role = 'peserta' AND status = 'enrolled'", programID).Scan(&enrolled)
	n := indo.Plain(int64(enrolled))
	count := func(sessionID int64, statuses string) int {
		var c int
		sql.QueryRow(`SELECT count(*) FROM attendance a JOIN enrolment e ON e.id = a.enrolment_id WHERE a.session_id = ?
			AND e.role = 'peserta' AND e.status = 'enrolled' AND a.status IN (`+statuses+`)`, sessionID).Scan(&c)
		return c
	}
	held, unentered := 0, 0
	for i, x := range sessions {
		marks := count(x.id, "'H','T','I','S','DL','C','A'")
		var want string
		switch {
		case x.date > today:
			continue
		case marks == 0:
			unentered++
			// "belum diisi" wraps in its narrow column: pdftotext may put "belum" before the row's cells.
			want = "– – – " + n + " " + n + " belum diisi"
			if !strings.Contains(flat, want) {
				want = "– – – " + n + " " + n + " diisi"
			}
		default:
			held++
			attended, cuti, alpa := count(x.id, "'H','T','I','S','DL'"), count(x.id, "'C'"), count(x.id, "'A'")
			unmarked := enrolled - marks
			if attended+cuti+alpa+unmarked != enrolled {
				t.Fatalf("session %d: the SQL counts add up to %d of %d", i+1, attended+cuti+alpa+unmarked, enrolled)
			}
			if i == 0 && (cuti < 1 || unmarked < 2) {
				t.Fatalf("setup: %d cuti, %d unmarked", cuti, unmarked)
			}
			want = strings.Join([]string{indo.Plain(int64(attended)), indo.Plain(int64(cuti)), indo.Plain(int64(alpa)),
				indo.Plain(int64(unmarked)), n, indo.Percent(float64(attended)/float64(enrolled), 1)}, " ")
		}
		if !strings.Contains(flat, want) {
			t.Errorf("session %d (%s) lacks the row %q\n%s", i+1, x.date, want, flat)
		}
	}
	if held == 0 || unentered == 0 {
		t.Errorf("the sample's program under way should have sessions held and sessions of today not entered: %d and %d", held, unentered)
	}
	if strings.Contains(flat, "IZIN/") || !strings.Contains(flat, "izin, sakit dan dinas luar dihitung hadir") {
		t.Errorf("excused absence counts as present, yet the table has its column or lacks the note\n%s", flat)
	}
}
