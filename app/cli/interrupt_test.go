package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCtrlCCancelsTheCommand: Ctrl+C (SIGINT) ends the context a command works under, so that the command
// stops the way a cancel button stops it; the cancelled work is failed work, exit code 1 with one line.
func TestCtrlCCancelsTheCommand(t *testing.T) {
	var errOut bytes.Buffer
	stopped := false
	r := &Runner{DB: filepath.Join(t.TempDir(), "a.db"), Stdout: io.Discard, Stderr: &errOut,
		commands: []command{{name: "tunggu", usage: "tunggu", run: func(c *cli, args []string) error {
			if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
				return err
			}
			select {
			case <-c.ctx.Done():
				stopped = true
				return c.ctx.Err()
			case <-time.After(interruptGrace / 2):
				return nil
			}
		}}}}
	code := r.Run([]string{"tunggu"})
	if !stopped || code != 1 || errOut.String() != "pembina: Dibatalkan\n" {
		t.Errorf("Ctrl+C = stopped %v, exit %d, %q; want the context ended, 1 and \"pembina: Dibatalkan\"", stopped, code, errOut.String())
	}
}
