package app

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

func TestWelcomeLoadsSampleData(t *testing.T) {
	u, s := newTestUI(t, false)
	if !hasLabel(u, "Selamat datang di Pembina") {
		t.Fatal("an empty database does not show the welcome page")
	}
	test.Tap(findButton(t, u, "Muat data contoh"))
	u.WaitIdle()
	if got := u.CurrentPage(); got != "programs" {
		t.Fatalf("after loading, page = %s, want programs", got)
	}
	rows, _ := s.Programs(context.Background(), store.ProgramFilter{})
	if len(rows) < 6 {
		t.Fatalf("%d programs after loading", len(rows))
	}
	table := findTable(t, u)
	if n, _ := table.Length(); n != len(rows) {
		t.Errorf("program table shows %d rows, want %d", n, len(rows))
	}
}

func TestWelcomeStartEmpty(t *testing.T) {
	u, s := newTestUI(t, false)
	test.Tap(findButton(t, u, "Mulai dengan data kosong"))
	if !hasLabel(u, "Pengaturan awal") {
		t.Error("a clean start does not offer the setup")
	}
	test.Tap(findButton(t, u, "Lewati pengaturan awal"))
	if got := u.CurrentPage(); got != "dashboard" {
		t.Errorf("page = %s, want dashboard", got)
	}
	if empty, _ := s.IsEmpty(context.Background()); !empty {
		t.Error("starting empty wrote data")
	}
}

func TestProgramSearchAsYouType(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.Navigate("programs")
	u.WaitIdle()
	table := findTable(t, u)
	all, _ := table.Length()
	test.Type(findEntry(t, u, "Cari kode, nama program, jenis, penyelenggara atau tempat…"), "teknologi DIGITAL")
	u.WaitIdle()
	if n, _ := table.Length(); n != 2 || n >= all {
		t.Errorf("search for the digital-technology training shows %d of %d programs, want its 2 batches", n, all)
	}
}

func TestParticipantSearchAsYouType(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("participants")
	u.WaitIdle()
	table := findTable(t, u)
	total, _ := s.CountParticipants(context.Background(), store.ParticipantFilter{})
	if n, _ := table.Length(); n != total {
		t.Fatalf("list shows %d rows, want %d", n, total)
	}
	first, _ := s.ListParticipants(context.Background(), store.ParticipantFilter{}, 0, 1)
	person, _ := s.Participant(context.Background(), first[0].ID)
	name := strings.Fields(person.Name)
	query := strings.ToUpper(name[len(name)-1])
	test.Type(findEntry(t, u, "Cari nama, NIP, jabatan atau unit kerja…"), query)
	u.WaitIdle()
	want, _ := s.CountParticipants(context.Background(), store.ParticipantFilter{Search: query})
	if n, _ := table.Length(); n != want || want == 0 || want == total {
		t.Errorf("search %q shows %d rows, want %d (of %d)", query, n, want, total)
	}
	u.WaitIdle()
	if !tableHas(table, 1, first[0].Name) {
		t.Errorf("%s is not listed after searching %q", first[0].Name, query)
	}
}

func TestOpenProgramShowsTabsAndParticipants(t *testing.T) {
	u, s := newTestUI(t, true)
	p, _ := s.Programs(context.Background(), store.ProgramFilter{Status: data.StatusFinished})
	u.Navigate("programs")
	u.openProgram(p[0].ID)
	u.WaitIdle()
	for _, tab := range []string{"Ringkasan", "Peserta", "Jadwal & Presensi", "Evaluasi", "Sertifikat", "Laporan"} {
		found := false
		for _, o := range objects(u) {
			if strings.Contains(test.RenderObjectToMarkup(o), tab) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("tab %q missing", tab)
		}
	}
	if !hasLabel(u, p[0].Code+" · "+p[0].Title) {
		t.Error("program title missing")
	}
}

func TestLanguageSwitchKeepsPage(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("participants")
	u.WaitIdle()
	if err := u.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	u.WaitIdle()
	if got := u.CurrentPage(); got != "participants" {
		t.Errorf("page after switching = %s", got)
	}
	if !hasLabel(u, "Participants") {
		t.Error("heading not in English after switching")
	}
	findEntry(t, u, "Search name, NIP, position or unit…")
	if v, _ := s.Setting(context.Background(), "language", ""); v != "en" {
		t.Errorf("stored language = %q", v)
	}
	if err := u.SetLanguage("id"); err != nil {
		t.Fatal(err)
	}
	u.WaitIdle()
	if !hasLabel(u, "Peserta") {
		t.Error("heading not back in Indonesian")
	}
	if got := L("Cancel"); got != "Batal" {
		t.Errorf("Fyne's Cancel in Indonesian = %q", got)
	}
}

// TestEveryStringHasEnglish checks that every Indonesian source string of the window, and every domain label
// it shows, has an English translation, so that English mode never shows Indonesian.
func TestEveryStringHasEnglish(t *testing.T) {
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	patterns := []*regexp.Regexp{
		regexp.MustCompile(`\bL\("((?:[^"\\]|\\.)*)"`),
		regexp.MustCompile(`\btitle:\s*"((?:[^"\\]|\\.)*)"`),
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, re := range patterns {
			for _, m := range re.FindAllStringSubmatch(string(src), -1) {
				for _, lit := range m[1:] {
					s, err := strconv.Unquote(`"` + lit + `"`) // the source's escapes (\" ) are not in the key
					if err != nil {
						s = lit
					}
					if _, ok := en[s]; !ok {
						t.Errorf("%s: %q has no English translation in assets/translations/*en.json", f, s)
					}
				}
			}
		}
	}
	var labels []string
	for _, s := range data.ProgramStatuses {
		labels = append(labels, s.Label())
	}
	for _, r := range data.EnrolmentRoles {
		labels = append(labels, r.Label())
	}
	for _, a := range data.AttendanceStatuses {
		labels = append(labels, a.Label())
	}
	for _, l := range labels {
		if _, ok := en[l]; !ok {
			t.Errorf("label %q has no English translation", l)
		}
	}
}
