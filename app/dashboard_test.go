package app

import (
	"context"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

func findDashboard(t *testing.T, u *UI) *dashboard {
	t.Helper()
	for _, o := range objects(u) {
		if d, ok := o.(*dashboard); ok {
			return d
		}
	}
	t.Fatal("no Beranda on screen")
	return nil
}

// Beranda's figures equal what the store says: its plain counts, each person's history and each program's
// analysis; this week's sessions and the attention list open the right pages.
func TestDashboardFiguresEqualTheStore(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	u.Navigate("dashboard")
	u.WaitIdle()
	d := findDashboard(t, u)

	programs := storetest.Count(t, s, "SELECT count(*) FROM program WHERE end_date BETWEEN '2026-01-01' AND '2026-12-31'")
	trained, reached, employees, noJP := 0, 0, 0, 0
	people, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 10000)
	for _, p := range people {
		h, err := s.ParticipantHistory(ctx, p.ID, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		year := data.YearJP{Year: 2026}
		for _, y := range data.JPByYear(h) {
			if y.Year == 2026 {
				year = y
			}
		}
		if year.Programs > 0 {
			trained++
		}
		if p.EmploymentStatus != "Non-ASN" {
			employees++
			if year.Reached() {
				reached++
			}
			if year.JP == 0 {
				noJP++
			}
		}
	}
	var sum float64
	rated := 0
	rows, _ := s.Programs(ctx, store.ProgramFilter{IncludeArchived: true})
	for _, r := range rows {
		if r.EndDate.Year() != 2026 {
			continue
		}
		rep, err := analysis.Load(ctx, s, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !math.IsNaN(rep.Satisfaction.Percent) {
			sum += rep.Satisfaction.Percent
			rated++
		}
	}
	want := map[string]string{
		"Program tahun ini":         indo.Int(int64(programs)),
		"Orang yang dilatih":        indo.Int(int64(trained)),
		"Pegawai mencapai 20 JP":    indo.Int(int64(reached)),
		"Indeks kepuasan rata-rata": indo.Decimal(sum/float64(rated), 2),
	}
	for name, figure := range want {
		if got := d.figures[name]; got != figure {
			t.Errorf("%s shows %q, the store says %q", name, got, figure)
		}
		if !hasLabel(u, figure) {
			t.Errorf("%s's figure %q is not on screen", name, figure)
		}
	}
	if reached == 0 || trained == 0 {
		t.Fatal("the sample should have people trained and at 20 JP")
	}
	if !labelContaining(u, "dari "+indo.Int(int64(employees))+" pegawai ASN") || !labelContaining(u, indo.Int(int64(noJP))+" pegawai ASN belum memiliki JP tahun ini") {
		t.Errorf("employees (%d) or those without JP (%d) not shown", employees, noJP)
	}

	// This week: Monday 23 to Sunday 29 November 2026.
	week := storetest.Count(t, s, `SELECT count(*) FROM session x JOIN program p ON p.id = x.program_id WHERE x.date BETWEEN '2026-11-23' AND '2026-11-29'
		AND p.status <> 'cancelled'`)
	if len(d.sessions) != week || week == 0 || len(d.week.Objects) != week {
		t.Errorf("%d sessions this week shown (%d rows), the store has %d", len(d.sessions), len(d.week.Objects), week)
	}
	forms, _ := s.OpenForms(ctx, sampleDay)
	if len(d.forms) != len(forms) || len(forms) == 0 {
		t.Errorf("%d open forms, the store has %d", len(d.forms), len(forms))
	}

	// An attention item opens the program on the tab where it is dealt with.
	var uncertified *widget.Button
	for _, row := range d.attention.Objects {
		if strings.Contains(textOf(row), "belum bersertifikat") {
			uncertified = buttonOf(row)
			break
		}
	}
	if uncertified == nil {
		t.Fatal("no eligible people without certificates listed")
	}
	test.Tap(uncertified)
	u.WaitIdle()
	if u.CurrentPage() != "programs" || selectedTab(u) != "Sertifikat" {
		t.Errorf("the item opened %s on tab %q", u.CurrentPage(), selectedTab(u))
	}
	u.Navigate("dashboard")
	u.WaitIdle()
	d = findDashboard(t, u)
	test.Tap(buttonOf(d.week.Objects[0]))
	u.WaitIdle()
	if selectedTab(u) != "Jadwal & Presensi" {
		t.Errorf("a session opened tab %q", selectedTab(u))
	}
}

// textOf and buttonOf read a link row of the dashboard.
func textOf(row fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(row) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text)
		}
	}
	return b.String()
}

func buttonOf(row fyne.CanvasObject) *widget.Button {
	for _, o := range test.LaidOutObjects(row) {
		if b, ok := o.(*widget.Button); ok {
			return b
		}
	}
	return nil
}
