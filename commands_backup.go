package main

import "fmt"

func init() {
	commands["backup"] = command{usage: "backup BERKAS", summary: "tulis salinan basis data yang utuh", run: runBackup}
}

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
