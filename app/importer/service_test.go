package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store/storetest"
)

// The optional STATUS KEAKTIFAN column marks people retired or transferred; a list without it leaves the
// stored status alone.
func TestServiceColumn(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	dir := t.TempDir()
	with := filepath.Join(dir, "dengan.csv")
	os.WriteFile(with, []byte("NIP,NAMA,STATUS KEAKTIFAN\n"+
		"198609262015051001,Budi Santoso,Pensiun\n"+
		"196903091994032001,Siti Aminah,aktif\n"+
		"200012312024211001,Agus Salim,cuti panjang\n"), 0o644)
	p := plan(t, s, with, 0)
	if p.Invalid != 0 || p.Rows[2].Participant.Service != data.ServiceActive || len(p.Rows[2].Warnings) != 1 {
		t.Fatalf("plan: %s, row 4 %+v", p.Summary(), p.Rows[2])
	}
	if _, err := p.Apply(ctx, s, false, nil); err != nil {
		t.Fatal(err)
	}
	budi, _ := s.ParticipantByNIP(ctx, "198609262015051001")
	if budi.Service != data.ServiceRetired {
		t.Errorf("Budi's service %q", budi.Service)
	}
	without := filepath.Join(dir, "tanpa.csv")
	os.WriteFile(without, []byte("NIP,NAMA,UNIT KERJA\n198609262015051001,Budi Santoso,SD Negeri 1\n"), 0o644)
	if _, err := plan(t, s, without, 0).Apply(ctx, s, false, nil); err != nil {
		t.Fatal(err)
	}
	if budi, _ = s.ParticipantByNIP(ctx, "198609262015051001"); budi.Service != data.ServiceRetired || budi.Unit != "SD Negeri 1" {
		t.Errorf("after a list without the column: %q, %q", budi.Service, budi.Unit)
	}
}
