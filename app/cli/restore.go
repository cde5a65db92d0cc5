package cli

import (
	"fmt"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// runRestore works on the file, not on an open store: the database being replaced may be one that no longer
// opens.
func runRestore(c *cli, args []string) error {
	backup, err := oneArg(args, "berkas cadangan")
	if err != nil {
		return err
	}
	s, aside, err := store.RestoreAndOpen(c.ctx, backup, c.dbPath, c.opts)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Counts(c.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Basis data %s dipulihkan dari %s: %s program, %s peserta.\n", s.Path(), backup,
		indo.Int(int64(n.Programs)), indo.Int(int64(n.Participants)))
	if aside != "" {
		fmt.Fprintf(c.stdout, "Berkas sebelumnya disimpan sebagai %s\n", aside)
	}
	for _, l := range s.CounterLifts {
		fmt.Fprintln(c.stdout, l.Message())
	}
	if s.CounterNotice != "" {
		fmt.Fprintln(c.stdout, s.CounterNotice)
	}
	return nil
}
