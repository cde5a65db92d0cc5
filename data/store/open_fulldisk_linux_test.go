package store

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOpenOnFullDisk creates a database in a child process whose file size limit (RLIMIT_FSIZE) stands in for
// a full disk: writes past 8 KiB fail as they would with no space left.
func TestOpenOnFullDisk(t *testing.T) {
	if path := os.Getenv("PEMBINA_FULL_DISK_DB"); path != "" {
		signal.Ignore(syscall.SIGXFSZ)
		lim := syscall.Rlimit{Cur: 8192, Max: 8192}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			fmt.Println("SETRLIMIT", err)
			os.Exit(3)
		}
		_, err := Open(path)
		fmt.Println("RESULT:", err)
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "pembina.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenOnFullDisk$")
	cmd.Env = append(os.Environ(), "PEMBINA_FULL_DISK_DB="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	got := string(out)
	if !strings.Contains(got, "RESULT:") || strings.Contains(got, "RESULT: <nil>") {
		t.Fatalf("creating a database on a full disk did not fail:\n%s", got)
	}
	if !strings.Contains(got, "disk") {
		t.Errorf("message does not mention the disk:\n%s", got)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a half-made database was left at %s", path)
	}
}
