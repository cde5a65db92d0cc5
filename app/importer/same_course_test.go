package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
)

// Importing someone into a batch of a course they already completed warns on their row.
func TestImportWarnsOfTheSameCourse(t *testing.T) {
	s := sampletest.Open(t, time.Time{})
	ctx := context.Background()
	first, second := programByPrefix(t, s, "PTD-I/"), programByPrefix(t, s, "PTD-II/")
	o, err := s.Outcomes(ctx, store.Scope{ProgramID: first}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	enrolled, _ := s.EnrolledParticipants(ctx, second)
	var nip string
	for _, eo := range o.Enrolments {
		if p, _ := s.Participant(ctx, eo.Enrolment.ParticipantID); eo.Completed() && p.NIP != "" && !enrolled[p.ID] {
			nip = p.NIP
			break
		}
	}
	if nip == "" {
		t.Fatal("nobody completed PTD-I without being in PTD-II")
	}
	path := filepath.Join(t.TempDir(), "angkatan2.csv")
	os.WriteFile(path, []byte("NIP,NAMA\n"+nip+",Nama Di Berkas\n"), 0o644)
	p := plan(t, s, path, second)
	if len(p.Rows) != 1 || len(p.Rows[0].Warnings) != 1 || !strings.Contains(p.Rows[0].Warnings[0].Message, "kursus yang sama") {
		t.Errorf("warnings %+v", p.Rows[0].Warnings)
	}
}

// programByPrefix is the ID of the sample program whose code starts with prefix (codes carry the year).
func programByPrefix(t *testing.T, s *store.Store, prefix string) int64 {
	t.Helper()
	rows, err := s.Programs(context.Background(), store.ProgramFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if strings.HasPrefix(r.Code, prefix) {
			return r.ID
		}
	}
	t.Fatalf("no program %s…", prefix)
	return 0
}
