package store

import (
	"os"
	"strings"
	"testing"
	"time"
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
