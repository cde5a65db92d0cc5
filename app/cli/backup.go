package cli

import "fmt"

func runBackup(c *cli, args []string) error {
	path, err := oneArg(args, "berkas tujuan")
	if err != nil {
		return err
	}
	if err := c.store.Backup(c.ctx, path); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Cadangan ditulis ke %s\n", path)
	return nil
}
