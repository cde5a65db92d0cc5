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
	s, aside, err := store.RestoreAndOpen(c.ctx, backup, c.dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	var programs, participants int64
	if err := s.DB().QueryRowContext(c.ctx, "SELECT (SELECT count(*) FROM program), (SELECT count(*) FROM participant)").
		Scan(&programs, &participants); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Basis data %s dipulihkan dari %s: %s program, %s peserta.\n", s.Path(), backup,
		indo.Int(programs), indo.Int(participants))
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
