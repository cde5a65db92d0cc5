package cli

import (
	"errors"
	"strings"
)

// importKind is one kind of file `pembina import` reads: `import participants FILE …`; the kinds are listed in
// importKinds (commands.go).
type importKind struct {
	usage   string // after "import ": "participants BERKAS [--program KODE] [--dry-run] [--skip-invalid]"
	summary string
	run     func(c *cli, args []string) error
}

// runImport runs the kind of import args[0] names; a usage error of the kind ends with the kind's own usage
// line, which the message of wrong usage then shows instead of the import command's.
func runImport(c *cli, args []string) error {
	kinds := importKinds()
	if len(args) == 0 {
		var lines []string
		for _, k := range strings.Split(names(kinds), "|") {
			lines = append(lines, "pembina import "+kinds[k].usage)
		}
		return usagef("sebutkan jenis berkas: %s\n%s", names(kinds), strings.Join(lines, "\n"))
	}
	k, ok := kinds[args[0]]
	if !ok {
		return usagef("jenis impor %q tidak dikenal; pilih %s", args[0], names(kinds))
	}
	err := k.run(c, args[1:])
	var ue usageError
	if errors.As(err, &ue) && !strings.Contains(ue.msg, "\n") {
		return usagef("%s\npembina import %s", ue.msg, k.usage)
	}
	return err
}
