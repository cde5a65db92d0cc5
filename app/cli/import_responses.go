package cli

import (
	"fmt"
	"strings"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// runImportResponses is `pembina import responses FILE --program CODE [--form ID]`: it imports a Google Forms
// export into a program's evaluation. With --form the columns are matched to that form's questions; without
// it they go to the program's attached form most of their question columns match (the share is printed), or,
// when none does, to a new form made from the columns, attached to the program, its ID printed: the same file
// imported twice adds nothing. --new-form asks for a new form outright. --speaker names the
// speaker every row judges (a file per speaker); --skip-invalid leaves out the rows with errors instead of
// refusing the file; --dry-run shows what would be imported without writing.
func runImportResponses(c *cli, args []string) error {
	o := newOptions("import responses")
	code := o.program()
	formID := o.Int64("form", 0, "")
	newForm := o.Bool("new-form", false, "")
	speaker := o.String("speaker", "", "")
	skip := o.Bool("skip-invalid", false, "")
	dry := o.Bool("dry-run", false, "")
	file, err := o.parse(args, "berkas jawaban (.csv atau .xlsx)")
	if err != nil {
		return err
	}
	if *formID != 0 && *newForm {
		return usagef("pilih salah satu: --form ID (formulir yang ada) atau --new-form (formulir baru dari kolom berkas)")
	}
	program, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	rf, err := importer.ReadResponses(file)
	if err != nil {
		return err
	}
	var form *data.Form
	var attached *data.ProgramForm
	switch {
	case *formID != 0:
		if form, err = c.store.Form(c.ctx, *formID); err != nil {
			return err
		}
	case *newForm:
		fmt.Fprintln(c.stdout, "Formulir baru dibuat dari kolom berkas (--new-form).")
	default:
		choice, err := importer.ChooseForm(c.ctx, c.store, program, rf)
		if err != nil {
			return err
		}
		form, attached = choice.Form, choice.ProgramForm
		fmt.Fprintln(c.stdout, choice.Reason)
	}
	target, err := importer.OpenTarget(c.ctx, c.store, program, form, attached)
	if err != nil {
		return err
	}
	var cols []importer.ResponseColumn
	if form != nil {
		cols = rf.MapTo(form)
	} else {
		target.Form, cols = rf.Infer(importer.NewFormTitle(rf))
		target.NewForm = true
	}
	target.Speaker = strings.TrimSpace(*speaker)
	plan := rf.Plan(target, cols, *skip)
	for _, w := range plan.Warnings() {
		fmt.Fprintf(c.stdout, "Peringatan: %s\n", oneLine(w.String()))
	}
	if err := plan.Err(); err != nil {
		for _, e := range plan.Errors() {
			fmt.Fprintf(c.stdout, "Kesalahan: %s\n", oneLine(e.String()))
		}
		return err
	}
	if *dry {
		fmt.Fprintf(c.stdout, "Uji coba: %s jawaban akan diimpor ke %q (%s cocok dengan peserta, %s anonim); tidak ada yang disimpan.\n",
			indo.Int(int64(plan.Responses())), target.Form.Title, indo.Int(int64(plan.Matched())),
			indo.Int(int64(plan.Responses()-plan.Matched())))
		printUnmatched(c, plan.Unmatched, plan.Superseded)
		return nil
	}
	res, err := plan.Apply(c.ctx, c.store, nil)
	if err != nil {
		return err
	}
	for _, l := range res.Lines(program.Code) {
		fmt.Fprintln(c.stdout, l)
	}
	return nil
}

func printUnmatched(c *cli, unmatched []importer.UnmatchedResponse, superseded []importer.Superseded) {
	for _, l := range importer.UnmatchedLines(unmatched, superseded) {
		fmt.Fprintln(c.stdout, l)
	}
}
