package cli

import (
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// The workbook and brief commands say how many active ASN reached the target the office set: "24 JP" when
// every status shares 24, "target JP" once statuses differ; a retired and a transferred employee leave the
// denominator, and Non-ASN never enter it. The expected counts come from SQL.
func TestTargetFiguresCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	year := strconv.Itoa(time.Now().Year())
	s := openStore(t, db)
	people, err := s.ListParticipants(ctxT(), store.ParticipantFilter{}, 0, 2)
	if err != nil || len(people) < 2 {
		t.Fatal(len(people), err)
	}
	for i, service := range []data.ServiceStatus{data.ServiceRetired, data.ServiceTransferred} {
		p, _ := s.Participant(ctxT(), people[i].ID)
		p.Service = service
		if err := s.UpdateParticipant(ctxT(), p); err != nil {
			t.Fatal(err)
		}
	}
	employees := storetest.Count(t, s, "SELECT count(*) FROM participant WHERE employment_status <> 'Non-ASN' AND service = 'active'")
	all := storetest.Count(t, s, "SELECT count(*) FROM participant WHERE employment_status <> 'Non-ASN'")
	if employees != all-2 {
		t.Fatalf("setup: %d active ASN of %d", employees, all)
	}
	workbook := regexp.MustCompile(`\(([\d.]+) dari ([\d.]+) pegawai ASN mencapai (.+?)\)`)
	brief := regexp.MustCompile(`([\d.]+) dari ([\d.]+) pegawai ASN mencapai (.+?)\.\n`)
	for _, tt := range []struct {
		targets data.JPTargets
		phrase  string
	}{
		{data.JPTargets{"PNS": 24, "CPNS": 24, "PPPK": 24, "PPPK Paruh Waktu": 24}, "24 JP"},
		{data.JPTargets{"PPPK": 12, "PPPK Paruh Waktu": 12}, "target JP"},
	} {
		if err := s.SetJPTargets(ctxT(), tt.targets); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []struct {
			name string
			re   *regexp.Regexp
		}{{"workbook", workbook}, {"brief", brief}} {
			ext := map[string]string{"workbook": ".xlsx", "brief": ".pdf"}[cmd.name]
			code, stdout, errOut := pembina(t, "--db", db, cmd.name, "--year", year, "--out", filepath.Join(dir, "out"+ext))
			m := cmd.re.FindStringSubmatch(stdout)
			if code != 0 || m == nil {
				t.Fatalf("%s = %d\n%s\n%s", cmd.name, code, stdout, errOut)
			}
			if m[2] != indoCount(employees) || m[3] != tt.phrase {
				t.Errorf("%s with targets %v: %s of %s reached %q; want %d active ASN and %q", cmd.name, tt.targets, m[1], m[2], m[3],
					employees, tt.phrase)
			}
		}
	}
}
