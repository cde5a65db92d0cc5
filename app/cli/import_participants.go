package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/app/participantcols"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

func runImportParticipants(c *cli, args []string) error {
	o := newOptions("import participants")
	code := o.String("program", "", "")
	dryRun := o.Bool("dry-run", false, "")
	skipInvalid := o.Bool("skip-invalid", false, "")
	file, err := o.parse(args, "berkas daftar peserta (.xlsx atau .csv)")
	if err != nil {
		return err
	}
	var programID int64
	if *code != "" {
		p, err := c.store.ProgramByCode(c.ctx, *code)
		if err != nil {
			return err
		}
		programID = p.ID
	}
	start := time.Now()
	f, err := importer.ReadParticipants(file)
	if err != nil {
		return err
	}
	plan, err := f.Plan(c.ctx, c.store, f.Mapping(), programID, nil)
	if err != nil {
		return err
	}
	printPlan(c.stdout, f, plan)
	if *dryRun {
		fmt.Fprintln(c.stdout, "Uji coba (--dry-run): tidak ada yang disimpan.")
		if plan.Invalid > 0 && !*skipInvalid {
			return invalidRows(plan)
		}
		if plan.Invalid == len(plan.Rows) {
			return data.Errorf(data.KindInvalid, "semua %s baris tidak valid; tidak ada yang akan disimpan", indo.Int(int64(plan.Invalid)))
		}
		return nil
	}
	if plan.Invalid > 0 && !*skipInvalid {
		return invalidRows(plan)
	}
	res, err := applyParticipants(c, f, plan, programID, *skipInvalid)
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("Tersimpan dalam %s detik: %s peserta baru, %s diperbarui, %s tidak berubah", indo.Decimal(time.Since(start).Seconds(), 2),
		indo.Int(int64(res.Added)), indo.Int(int64(res.Updated)), indo.Int(int64(res.Unchanged)))
	if programID != 0 {
		msg += fmt.Sprintf(", %s didaftarkan ke %s", indo.Int(int64(res.Enrolled)), *code)
	}
	if res.Skipped > 0 {
		msg += fmt.Sprintf("; %s baris tidak valid dilewati", indo.Int(int64(res.Skipped)))
	}
	fmt.Fprintln(c.stdout, msg+".")
	return nil
}

// applyParticipants writes the plan. When another import stored the same people after the plan was made
// (importer.ErrPlanOutdated), the file is planned again against the database as it now is and written, up to
// three times, so that two imports racing both succeed instead of one reporting a duplicate NIP.
func applyParticipants(c *cli, f *importer.ParticipantFile, plan *importer.ParticipantPlan, programID int64, skipInvalid bool) (importer.ParticipantResult, error) {
	for attempt := 1; ; attempt++ {
		res, err := plan.Apply(c.ctx, c.store, skipInvalid, nil)
		if err == nil || !errors.Is(err, importer.ErrPlanOutdated) || attempt == 3 {
			return res, err
		}
		if plan, err = f.Plan(c.ctx, c.store, f.Mapping(), programID, nil); err != nil {
			return res, err
		}
		if plan.Invalid > 0 && !skipInvalid {
			return res, invalidRows(plan)
		}
	}
}

func invalidRows(plan *importer.ParticipantPlan) error {
	return data.Errorf(data.KindInvalid, "%s baris tidak valid (lihat daftar di atas); tidak ada yang disimpan. Perbaiki berkasnya, atau pakai --skip-invalid untuk menyimpan baris yang valid saja",
		indo.Int(int64(plan.Invalid)))
}

// printPlan writes what the import would do: where the list was found, how its columns were read, the counts,
// then one tab-separated line per invalid row (row, column, reason), per warning and per updated person.
func printPlan(w io.Writer, f *importer.ParticipantFile, plan *importer.ParticipantPlan) {
	if f.Format == "csv" {
		fmt.Fprintf(w, "Berkas %s, judul kolom di baris %d.\n", f.Path, f.Header+1)
	} else {
		fmt.Fprintf(w, "Berkas %s, lembar %q, judul kolom di baris %d.\n", f.Path, f.Sheet, f.Header+1)
	}
	var cols []string
	for i, c := range f.Columns {
		if m := plan.Mapping[i]; m != participantcols.FieldNone {
			cols = append(cols, fmt.Sprintf("%s → %s", c.Heading, m.Label()))
		}
	}
	fmt.Fprintf(w, "Kolom: %s.\n", strings.Join(cols, "; "))
	if plan.Footer > 0 {
		fmt.Fprintf(w, "Baris %d dan seterusnya dianggap catatan kaki (jumlah, tanda tangan) dan tidak dibaca.\n", plan.Footer)
	}
	fmt.Fprintln(w, plan.Summary()+".")
	for _, r := range plan.Rows {
		for _, p := range r.Problems {
			tsv(w, "tidak valid", fmt.Sprintf("baris %d", r.Line), p.Column, p.Message)
		}
	}
	for _, r := range plan.Rows {
		for _, p := range r.Warnings {
			tsv(w, "peringatan", fmt.Sprintf("baris %d", r.Line), p.Column, p.Message)
		}
	}
	for _, r := range plan.Rows {
		if r.Status == importer.RowUpdated {
			tsv(w, "diperbarui", fmt.Sprintf("baris %d", r.Line), r.Name(), strings.Join(r.Changes, ", "))
		}
	}
}
