package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store/storetest"
)

// The per-session table of the summary, read back, on a session with an izin, a sakit, a cuti and two
// participants without a mark: every participant is in exactly one column, so each row adds up to the
// number enrolled, whether the program counts excused absence as present or not; cuti and "belum diisi" are
// never printed as alpa. The expected figures are counted with SQL, not with the code under test.
func TestSummarySessionTableAddsUp(t *testing.T) {
	s := sampleStore(t)
	p := programByPrefix(t, s, "PTD-I/")
	db := storetest.DB(t, s)
	var sessionID int64
	if err := db.QueryRow("SELECT id FROM session WHERE program_id = ? ORDER BY date, start_time, id LIMIT 1", p.ID).Scan(&sessionID); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT e.id FROM enrolment e WHERE e.program_id = ? AND e.role = 'peserta' AND e.status = 'enrolled'
		ORDER BY e.id LIMIT 5`, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) < 5 {
		t.Fatalf("the sample program has %d participants", len(ids))
	}
	set := func(id int64, status string) {
		t.Helper()
		if _, err := db.Exec(`INSERT INTO attendance (session_id, enrolment_id, status) VALUES (?, ?, ?)
			ON CONFLICT (session_id, enrolment_id) DO UPDATE SET status = excluded.status`, sessionID, id, status); err != nil {
			t.Fatal(err)
		}
	}
	set(ids[0], "C")
	set(ids[1], "I")
	set(ids[2], "S")
	if _, err := db.Exec("DELETE FROM attendance WHERE session_id = ? AND enrolment_id IN (?, ?)", sessionID, ids[3], ids[4]); err != nil {
		t.Fatal(err)
	}

	count := func(statuses string) int {
		t.Helper()
		var n int
		q := `SELECT COUNT(*) FROM attendance a JOIN enrolment e ON e.id = a.enrolment_id
			WHERE a.session_id = ? AND e.role = 'peserta' AND e.status = 'enrolled' AND a.status IN (` + statuses + `)`
		if err := db.QueryRow(q, sessionID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var enrolled int
	db.QueryRow("SELECT COUNT(*) FROM enrolment WHERE program_id = ? AND role = 'peserta' AND status = 'enrolled'", p.ID).Scan(&enrolled)
	present, excusedN, cuti, alpa := count("'H','T'"), count("'I','S','DL'"), count("'C'"), count("'A'")
	unmarked := enrolled - count("'H','T','I','S','DL','C','A'")
	if excusedN < 2 || cuti < 1 || unmarked < 2 {
		t.Fatalf("setup: %d excused, %d cuti, %d unmarked", excusedN, cuti, unmarked)
	}

	for _, excused := range []bool{false, true} {
		t.Run(fmt.Sprint("excused present ", excused), func(t *testing.T) {
			if _, err := db.Exec("UPDATE program SET excused_count_present = ? WHERE id = ?", excused, p.ID); err != nil {
				t.Fatal(err)
			}
			_, flat, _ := summaryText(t, s, p.ID)
			attended := present
			cells := []int{present, excusedN}
			heading := "HADIR IZIN/ SAKIT/DL CUTI ALPA BELUM DIISI JUMLAH"
			if excused {
				attended += excusedN
				cells = []int{attended}
				heading = "HADIR (TERMASUK I/S/DL) CUTI ALPA BELUM DIISI JUMLAH"
			}
			cells = append(cells, cuti, alpa, unmarked)
			sum := 0
			var want []string
			for _, c := range cells {
				sum += c
				want = append(want, indo.Plain(int64(c)))
			}
			if sum != enrolled {
				t.Fatalf("the columns add up to %d of %d", sum, enrolled)
			}
			want = append(want, indo.Plain(int64(enrolled)), indo.Percent(float64(attended)/float64(enrolled), 1))
			row := strings.Join(want, " ")
			if !strings.Contains(flat, row) {
				t.Errorf("the first session's row lacks %q\n%s", row, excerpt(flat, "B. Kehadiran per Sesi", 900))
			}
			table := excerpt(flat, "0% 1 2 3", 200) // from the chart's axis into the table's heading
			for _, w := range strings.Fields(heading) {
				if !strings.Contains(table, w) {
					t.Errorf("the table's heading lacks %q\n%s", w, table)
				}
			}
			if excused && strings.Contains(table, "IZIN/") {
				t.Errorf("excused absence has its own column although it counts as present\n%s", table)
			}
			if !strings.Contains(flat, "Cuti dan belum diisi") {
				t.Error("the table does not say that cuti and unmarked are not alpa")
			}
		})
	}
}

// excerpt is n characters of s from the first occurrence of from, for failure messages.
func excerpt(s, from string, n int) string {
	i := max(strings.Index(s, from), 0)
	return s[i:min(len(s), i+n)]
}

// A session that is due but has no attendance entered at all is "belum diisi" on the summary: the whole class
// in the BELUM DIISI column (the row still adds up to the number enrolled), never alpa and never mistaken for
// a session to come; a program whose due sessions are all unentered still gets its table.
func TestSummaryUnenteredSession(t *testing.T) {
	s := sampleStore(t)
	p := programByPrefix(t, s, "PTD-I/")
	db := storetest.DB(t, s)
	var enrolled int
	db.QueryRow("SELECT COUNT(*) FROM enrolment WHERE program_id = ? AND role = 'peserta' AND status = 'enrolled'", p.ID).Scan(&enrolled)
	var last, sessions int
	db.QueryRow("SELECT COUNT(*) FROM session WHERE program_id = ?", p.ID).Scan(&sessions)
	if _, err := db.Exec(`DELETE FROM attendance WHERE session_id = (SELECT id FROM session WHERE program_id = ?
		ORDER BY date DESC, start_time DESC, id DESC LIMIT 1)`, p.ID); err != nil {
		t.Fatal(err)
	}
	last = sessions
	n := indo.Plain(int64(enrolled))
	_, flat, _ := summaryText(t, s, p.ID)
	table := excerpt(flat, "B. Kehadiran per Sesi", 4000)
	// The % cell "belum diisi" wraps in its narrow column: pdftotext puts "belum" before the row's cells.
	row := "– – – – " + n + " " + n + " diisi"
	if got := strings.Count(table, row); got != 1 {
		t.Errorf("%d rows read %q; the unentered last session (%d) should, alone\n%s", got, row, last, table)
	}

	if _, err := db.Exec("DELETE FROM attendance WHERE session_id IN (SELECT id FROM session WHERE program_id = ?)", p.ID); err != nil {
		t.Fatal(err)
	}
	_, flat, _ = summaryText(t, s, p.ID)
	if strings.Contains(flat, "Belum ada sesi yang terlaksana") {
		t.Error("sessions due but unentered are reported as not held")
	}
	if got := strings.Count(excerpt(flat, "B. Kehadiran per Sesi", 6000), row); got != sessions {
		t.Errorf("%d of the %d unentered sessions read %q\n%s", got, sessions, row, excerpt(flat, "B. Kehadiran per Sesi", 6000))
	}
}
