package report

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// TestSIASNRows: the SIASN sheet lists ASN with a NIP only, gives each row the training kind of its program's
// form and competency kind, names the batch only for a course that runs in several, and marks a row without a
// certificate number.
func TestSIASNRows(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	// A coaching on managerial competency: recorded as managerial training (5), not technical (3).
	skk, _ := s.ProgramByCode(ctx, "SKK-I/2026")
	skk.Kind, skk.CompetencyKind = "Coaching", "Manajerial"
	if err := s.UpdateProgram(ctx, skk); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := WriteWorkbook(ctx, &buf, s, overview.Year(2026), sampleDay, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetSIASN)
	if len(rows) < 2 || rows[0][11] != "CATATAN" {
		t.Fatalf("SIASN: %d rows, heading %v", len(rows), rows[0])
	}
	programs := map[string]*data.Program{}
	list, _ := s.Programs(ctx, store.ProgramFilter{Year: 2026, IncludeArchived: true})
	for _, r := range list {
		programs[r.Title+" "+r.BatchLabel()] = r.Program
		programs[r.Title] = r.Program
	}
	people, _ := s.People(ctx, "")
	status := map[string]string{}
	for _, p := range people {
		status[p.NIP] = p.EmploymentStatus
	}
	marked, numbered, batched, single, repeats := 0, 0, 0, 0, 0
	for _, r := range rows[1:] {
		for len(r) < 12 {
			r = append(r, "")
		}
		if r[0] == "" || status[r[0]] == "" || status[r[0]] == "Non-ASN" {
			t.Errorf("row of someone SIASN does not know: %v", r)
		}
		p := programs[r[2]]
		if p == nil {
			t.Fatalf("course %q is no program", r[2])
		}
		if strings.Contains(r[2], "Angkatan") {
			batched++
		} else {
			single++
		}
		if want := data.SIASNKind(p); r[4] != strconv.Itoa(want) || r[5] != data.SIASNKinds[want] {
			t.Errorf("%s: kind %s %s, want %d", p.Code, r[4], r[5], want)
		}
		if p.ID == skk.ID && r[4] != "5" {
			t.Errorf("managerial coaching recorded as kind %s", r[4])
		}
		note := r[11]
		if strings.Contains(note, "Kursus yang sama sudah diselesaikan tahun ini") {
			repeats++ // the same course completed twice: marked, its JP count once
			note = strings.Split(note, "; Kursus yang sama")[0]
			if strings.HasPrefix(note, "Kursus yang sama") {
				note = ""
			}
		}
		switch {
		case r[7] == "" && note == noCertificateNote:
			marked++
		case r[7] != "" && note == "":
			numbered++
		default:
			t.Errorf("number %q with note %q", r[7], r[11])
		}
	}
	// The sample runs the digital-teaching training in two batches and everything else once; it issued the
	// certificates of the first batch only.
	if marked == 0 || numbered == 0 || batched == 0 || single == 0 || repeats == 0 {
		t.Errorf("%d rows marked without number, %d with one; %d with Angkatan, %d without; %d repeats", marked, numbered,
			batched, single, repeats)
	}
	// The people who repeated a course carry the note on JP Pegawai too.
	jp, _ := f.GetRows(SheetJP)
	noted := 0
	for _, r := range jp[1:] {
		if len(r) > 9 && strings.HasPrefix(r[9], "Menyelesaikan kursus yang sama") {
			noted++
		}
	}
	if noted == 0 || noted > repeats {
		t.Errorf("%d people marked on JP Pegawai for %d repeated completions", noted, repeats)
	}
}
