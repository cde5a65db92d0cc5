package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pembina/pembina/data/store/storetest"
)

// Rank spellings of real lists read right, and a golongan that fits only the other kind of employment
// (a bare "IV" or "Gol. III" on a PNS, a PNS rank on a PPPK) refuses the row, naming the column, instead of
// turning a PNS into a PPPK golongan.
func TestRankSpellingsAndEmploymentStatus(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gol.csv")
	os.WriteFile(path, []byte("NIP;NAMA;STATUS;GOL\n"+
		"198609262015051001;Budi;PNS;Penata Muda Tingkat 1\n"+
		"196903091994032001;Siti;;IIIB (Penata Muda Tk I)\n"+
		"197203151998031004;Asep;;III/a - Penata Muda\n"+
		"196811201994032003;Euis;PNS;IV\n"+
		"198501012010011001;Dedi;;Gol. III\n"+
		"200012312024211001;Rina;PPPK;III/b\n"+
		"199009132025242014;Tini;PPPK;IX\n"), 0o644)
	p := plan(t, storetest.New(t), path, 0)
	if len(p.Rows) != 7 {
		t.Fatalf("%d rows", len(p.Rows))
	}
	for i, want := range []string{"III/b", "III/b", "III/a"} {
		if r := p.Rows[i]; r.Status != RowNew || r.Participant.RankCode != want || len(r.Warnings) != 0 {
			t.Errorf("row %d: %v, rank %q, warnings %v; want new with %s", r.Line, r.Status, r.Participant.RankCode, r.Warnings, want)
		}
	}
	for line, want := range map[int]string{
		5: "GOL: golongan IV tanpa ruang hanya dipakai PPPK, sedangkan statusnya PNS",
		6: "GOL: golongan III tanpa ruang hanya dipakai PPPK, sedangkan statusnya PNS",
		7: "GOL: III/b (Penata Muda Tingkat I) adalah pangkat PNS, sedangkan statusnya PPPK",
	} {
		if got := problemAt(p, line); !strings.Contains(got, want) {
			t.Errorf("row %d: %q, want %q", line, got, want)
		}
	}
	if r := p.Rows[6]; r.Status != RowNew || r.Participant.RankCode != "IX" {
		t.Errorf("PPPK golongan IX: %v %q %v", r.Status, r.Participant.RankCode, r.Problems)
	}
	if p.Invalid != 3 || p.New != 4 {
		t.Errorf("%d invalid, %d new; want 3 and 4", p.Invalid, p.New)
	}
}
