package cli

import "fmt"

func runBackup(c *cli, args []string) error {
	if len(args) != 1 {
		return usagef("sebutkan satu berkas tujuan")
	}
	if err := c.store.Backup(c.ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Cadangan ditulis ke %s\n", args[0])
	return nil
}
