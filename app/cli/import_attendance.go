package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

const importAttendanceUsage = "import attendance BERKAS --program KODE --session N [--share 75] [--below KODE] [--dry-run]"

// runImportAttendance is `pembina import attendance`: an online meeting's participant report marks one
// session's attendance.
func runImportAttendance(c *cli, args []string) error {
	o := newOptions("import attendance")
	code := o.program()
	session := o.session(true)
	share := o.String("share", "75", "")
	below := o.String("below", "", "")
	dryRun := o.Bool("dry-run", false, "")
	file, err := o.parse(args, "berkas laporan peserta")
	if err != nil {
		return err
	}
	percent, err := indo.ParseDecimal(strings.TrimSuffix(strings.TrimSpace(*share), "%"))
	if err != nil || percent <= 0 || percent > 100 {
		return usagef("--share harus persen antara 1 dan 100, misalnya 75")
	}
	status := data.AttendanceStatus(strings.ToUpper(*below))
	if status != "" && !status.Valid() {
		return usagef("--below harus salah satu kode H, T, I, S, DL, C atau A")
	}
	p, err := c.store.ProgramByCode(c.ctx, *code)
	if err != nil {
		return err
	}
	x, err := c.store.SessionByNumber(c.ctx, p.ID, *session)
	if err != nil {
		return err
	}
	f, err := importer.ReadAttendance(file)
	if err != nil {
		return err
	}
	a, err := f.Plan(c.ctx, c.store, x, percent/100, c.now())
	if err != nil {
		return err
	}
	for _, w := range a.Warnings {
		fmt.Fprintf(c.stderr, "Peringatan: %s\n", w)
	}
	var short []*importer.AttendancePerson
	for i, person := range a.People {
		if person.Status == "" {
			if status != "" {
				a.Decide(i, status)
			}
			short = append(short, person)
		}
	}
	by := map[string]int{}
	for _, person := range a.People {
		by[person.MatchedBy]++
	}
	fmt.Fprintf(c.stdout, "Sesi %d (%s, %s): %d baris laporan, %d peserta cocok (%d lewat email, %d NIP, %d nama), %d tidak cocok.\n",
		x.Number, indo.DateWithDay(x.Date), x.TimeLabel(), len(a.File.Lines), len(a.People), by[importer.ByEmail], by[importer.ByNIP],
		by[importer.ByName], len(a.Unmatched))
	if len(short) > 0 {
		what := "belum ditandai; putuskan di jendela Pembina atau ulangi dengan --below KODE"
		if status != "" {
			what = "ditandai " + string(status)
		}
		fmt.Fprintf(c.stdout, "Kurang dari %s%% lama sesi (%d dari %d menit), %s:\n", indo.Number(percent, 1), a.Need(), a.SessionMinutes(), what)
		for _, person := range short {
			tsv(c.stdout, "", person.NIP, person.Name, strconv.Itoa(person.Minutes)+" menit")
		}
	}
	if len(a.Unmatched) > 0 {
		fmt.Fprintln(c.stdout, "Tidak cocok dengan peserta program (cocokkan di jendela Pembina bila perlu):")
		for _, u := range a.Unmatched {
			tsv(c.stdout, "", u.Name, u.Email, strconv.Itoa(u.Minutes)+" menit", u.Reason)
		}
	}
	if *dryRun {
		fmt.Fprintf(c.stdout, "Uji coba (--dry-run): %d tanda hadir akan disimpan; belum ada yang disimpan.\n", len(a.Marks()))
		return nil
	}
	res, err := a.Apply(c.ctx, c.store)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Disimpan: %d baru, %d diperbarui, %d sudah sama, %d tidak diubah karena dicatat manual.\n",
		res.Added, res.Updated, res.Unchanged, res.Kept)
	return nil
}
