package store

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

// TestInspectChecksAgainWhenTheFileChanged: a check that finds damage while another process writes to the
// file (here: its time moves during the first check) is run again and the sound file opens; damage found in
// a file that did not change is reported after one check.
func TestInspectChecksAgainWhenTheFileChanged(t *testing.T) {
	path := tempDB(t)
	mustOpen(t, path).Close()
	defer func() { inspectCheck = inspectFile }()

	calls := 0
	inspectCheck = func(p string) (int, error) {
		calls++
		if calls == 1 {
			later := time.Now().Add(time.Second)
			if err := os.Chtimes(p, later, later); err != nil {
				t.Fatal(err)
			}
			return 0, damaged(p, "wrong # of entries in index participant_unit")
		}
		return inspectFile(p)
	}
	if v, err := inspect(path); err != nil || v != len(migrations) || calls != 2 {
		t.Fatalf("file changed during the first check: version %d, err %v after %d checks; want version %d, nil after 2",
			v, err, calls, len(migrations))
	}

	calls = 0
	inspectCheck = func(p string) (int, error) {
		calls++
		return 0, damaged(p, "wrong # of entries in index participant_unit")
	}
	if _, err := inspect(path); err == nil || !strings.Contains(err.Error(), "rusak") || calls != 1 {
		t.Fatalf("damage in an unchanged file: err %v after %d checks; want the damage after 1", err, calls)
	}
}

// TestDamagedFileMessageNamesItInIndonesian: a file SQLite calls malformed is refused with a message that names
// it, in Indonesian (for open and for restore alike); SQLite's English stays in the detail for the log.
func TestDamagedFileMessageNamesItInIndonesian(t *testing.T) {
	content := validDatabase(t)
	for i := 5 * 4096; i < len(content) && i < 40*4096; i++ {
		content[i] = 0xde
	}
	path := writeFile(t, "rusak.db", content)
	dest := tempDB(t)
	_, openErr := Open(path)
	_, _, restoreErr := RestoreAndOpen(context.Background(), path, dest, Options{})
	for what, err := range map[string]error{"open": openErr, "restore": restoreErr} {
		msg, detail := data.ErrorMessage(err), data.ErrorDetail(err)
		if err == nil || !strings.Contains(msg, path+" rusak dan tidak dapat dibuka") || strings.Contains(msg, "malformed") ||
			!strings.Contains(detail, "malformed") {
			t.Errorf("%s: message %q, detail %q; want the file named in Indonesian, SQLite's words in the detail only", what, msg, detail)
		}
	}
}
