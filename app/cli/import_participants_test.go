package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestImportParticipantsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	sampletest.CopyTo(t, db, time.Time{})
	list := filepath.Join(dir, "daftar.csv")
	os.WriteFile(list, []byte("\xef\xbb\xbfNO;NIP;NAMA;PANGKAT/GOL;UNIT KERJA\n"+
		"1;198609262015051001;Budi Santoso, S.Pd.;III/b;SD Negeri 1\n"+
		"2;1.98609E+17;Siti Aminah;IV/a;SMP Negeri 2\n"+
		"3;;Asep Hidayat;;SD Negeri 3\n"+
		"JUMLAH;;3 orang\n"), 0o644)
	_, programs, _ := pembina(t, "--db", db, "list", "programs")
	var planned string
	for _, l := range strings.Split(strings.TrimSpace(programs), "\n") {
		if f := strings.Split(l, "\t"); f[4] == "planned" {
			planned = f[0]
		}
	}

	// Default: an invalid row stops everything, every error is listed, exit 1 with one line on stderr.
	code, out, errOut := pembina(t, "--db", db, "import", "participants", list, "--program", planned)
	if code != 1 || !strings.Contains(out, "baris 3\tNIP\t") || !strings.Contains(out, "Teks (Text)") ||
		strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "1 baris tidak valid") || !strings.Contains(errOut, "--skip-invalid") {
		t.Fatalf("import with an invalid row = %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "3 baris: 2 baru, 0 diperbarui, 0 tidak berubah, 1 tidak valid; 2 akan didaftarkan") ||
		!strings.Contains(out, "Baris 5 dan seterusnya dianggap catatan kaki") {
		t.Errorf("plan output:\n%s", out)
	}
	_, before, _ := pembina(t, "--db", db, "list", "participants")

	// --dry-run with --skip-invalid: nothing is written, exit 0.
	code, out, errOut = pembina(t, "--db", db, "import", "participants", "--dry-run", "--skip-invalid", list)
	if code != 0 || !strings.Contains(out, "tidak ada yang disimpan") {
		t.Errorf("dry run = %d\n%s\n%s", code, out, errOut)
	}
	if _, after, _ := pembina(t, "--db", db, "list", "participants"); after != before {
		t.Error("a refused import or a dry run changed the participants")
	}

	// --skip-invalid writes the valid rows and enrols them.
	code, out, errOut = pembina(t, "--db", db, "import", "participants", list, "--program", planned, "--skip-invalid")
	if code != 0 || !strings.Contains(out, "2 peserta baru") || !strings.Contains(out, "2 didaftarkan") || !strings.Contains(out, "1 baris tidak valid dilewati") {
		t.Fatalf("skip invalid = %d\n%s\n%s", code, out, errOut)
	}
	_, enrolled, _ := pembina(t, "--db", db, "list", "participants", "--program", planned)
	if !strings.Contains(enrolled, "198609262015051001\tBudi Santoso, S.Pd.\tIII/b\tSD Negeri 1") || !strings.Contains(enrolled, "Asep Hidayat") {
		t.Errorf("enrolled after import:\n%s", enrolled)
	}

	// Importing again updates nothing and reports the change of one field.
	os.WriteFile(list, []byte("NIP;NAMA;UNIT KERJA\n198609262015051001;Budi Santoso;SD Negeri 9\n"), 0o644)
	code, out, _ = pembina(t, "--db", db, "import", "participants", list)
	if code != 0 || !strings.Contains(out, "diperbarui\tbaris 2\tBudi Santoso, S.Pd.\tUnit kerja") || !strings.Contains(out, "1 diperbarui") {
		t.Errorf("update = %d\n%s", code, out)
	}
}
