package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/pembina/pembina/app/report"
)

// interruptGrace is how long a command may take to stop by itself after Ctrl+C before it is ended.
var interruptGrace = 3 * time.Second

// interruptible returns the context a command works under: cancelled by Ctrl+C (SIGINT) or SIGTERM, so that
// the work stops the way a cancel button stops it, with its transaction rolled back and its temporary files
// removed. Work that does not stop within interruptGrace is ended: the temporary files of unfinished saves are
// removed first (report.RemovePendingFiles) and the exit code is 1, failed work.
func interruptible(stderr io.Writer) (context.Context, func()) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
			return
		case <-ctx.Done():
		}
		select {
		case <-done:
		case <-time.After(interruptGrace):
			report.RemovePendingFiles()
			fmt.Fprintln(stderr, "pembina: dibatalkan; berkas yang belum selesai dihapus")
			os.Exit(1)
		}
	}()
	return ctx, func() { close(done); stop() }
}
