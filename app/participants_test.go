package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

const nipPlaceholder = "18 angka, misalnya 19860926 201505 1 001"

func TestAddParticipantByNIPShowsDerivedData(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("participants")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Peserta baru"))
	u.WaitIdle()
	nipEntry := entries(u, nipPlaceholder)[0]
	test.Type(nipEntry, "19860926 2015")
	u.WaitIdle()
	if !hasLabel(u, "12 dari 18 angka") {
		t.Error("a NIP being typed does not show its progress")
	}
	if labelContaining(u, "NIP harus 18 digit") {
		t.Error("a NIP being typed is already called wrong")
	}
	test.Type(nipEntry, "05 1 001")
	u.WaitIdle()
	if !hasLabel(u, "lahir 26 September 1986 · TMT CPNS Mei 2015 · Laki-laki · PNS") {
		t.Fatal("the whole NIP does not show the birth date, TMT, sex and kind it encodes")
	}
	if got := entries(u, "HH/BB/TTTT")[0].Text; got != "26/09/1986" {
		t.Errorf("birth date filled from the NIP = %q", got)
	}
	if got := selectWith(t, u, "Laki-laki").Selected; got != "Laki-laki" {
		t.Errorf("sex filled from the NIP = %q", got)
	}
	test.Type(entries(u, "nama tanpa gelar")[0], "Rizki Pratama")
	test.Type(entries(u, "S.Pd., M.Pd.")[0], "S.Pd.")
	selectWith(t, u, "Penata Muda Tingkat I (III/b)").SetSelected("Penata Muda Tingkat I (III/b)")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	p, err := s.ParticipantByNIP(context.Background(), "198609262015051001")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Rizki Pratama" || p.BackTitle != "S.Pd." || p.Sex != "L" || p.EmploymentStatus != "PNS" ||
		data.FormatDate(p.BirthDate) != "1986-09-26" || p.RankCode != "III/b" {
		t.Errorf("stored = %+v", p)
	}
	if !hasLabel(u, "Belum pernah mengikuti program.") || !hasLabel(u, "Rizki Pratama, S.Pd.") {
		t.Error("the saved participant's page with an empty history is not shown")
	}
}

func TestNIPProblemsAndDoubts(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.Navigate("participants")
	u.newParticipant("")
	u.WaitIdle()
	nipEntry := entries(u, nipPlaceholder)[0]
	for _, tt := range []struct {
		nip, want  string
		importance widget.Importance
	}{
		{"198609262015131001", "harus bulan TMT 01–12 (PNS) atau 21–29 (PPPK)", widget.DangerImportance},
		{"1.98609E+17", "format kolom NIP sebagai Teks", widget.DangerImportance},
		{"198609262000051001", "umur saat TMT hanya 13 tahun", widget.WarningImportance},
	} {
		nipEntry.SetText(tt.nip)
		u.WaitIdle()
		found := false
		for _, o := range objects(u) {
			if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, tt.want) {
				found = true
				if l.Importance != tt.importance {
					t.Errorf("%s: %q shown with importance %v, want %v", tt.nip, tt.want, l.Importance, tt.importance)
				}
			}
		}
		if !found {
			t.Errorf("%s: %q not shown", tt.nip, tt.want)
		}
	}
}

func TestExistingNIPOpensThatPerson(t *testing.T) {
	u, s := newTestUI(t, true)
	rows, _ := s.ListParticipants(context.Background(), store.ParticipantFilter{Search: "Ade Permana"}, 0, 1)
	existing, _ := s.Participant(context.Background(), rows[0].ID)
	u.Navigate("participants")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Peserta baru"))
	u.WaitIdle()
	test.Type(entries(u, nipPlaceholder)[0], existing.NIP)
	u.WaitIdle()
	if !labelContaining(u, "sudah terdaftar atas nama "+existing.FullName()) || !hasLabel(u, existing.FullName()) {
		t.Fatal("typing a stored NIP does not open that person")
	}
	if got := entries(u, "nama tanpa gelar")[0].Text; got != existing.Name {
		t.Errorf("the form shows %q, want the stored %q", got, existing.Name)
	}
	n, _ := s.CountParticipants(context.Background(), store.ParticipantFilter{})
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	if m, _ := s.CountParticipants(context.Background(), store.ParticipantFilter{}); m != n {
		t.Error("a twin was created")
	}
}

func TestParticipantHistoryShowsJPPerYear(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	rows, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 500)
	var person store.ParticipantRow
	var years []data.YearJP
	for _, r := range rows {
		h, _ := s.ParticipantHistory(ctx, r.ID, sampleDay)
		if y := data.JPByYear(h); len(h) >= 2 && len(y) > 0 && y[0].JP > 0 && r.EmploymentStatus == "PNS" {
			person, years = r, y
			break
		}
	}
	if person.ID == 0 {
		t.Fatal("no sample participant with a history")
	}
	u.Navigate("participants")
	u.openParticipant(person.ID)
	u.WaitIdle()
	y := years[0]
	want := strconv.Itoa(y.Year) + ": " + strconv.Itoa(y.JP) + " JP dari " + strconv.Itoa(y.Programs) + " program"
	if !labelContaining(u, want) {
		t.Fatalf("history does not show %q", want)
	}
	verdict := "kurang " + strconv.Itoa(y.Shortfall()) + " JP untuk mencapai 20 JP"
	if y.Reached() {
		verdict = "mencapai 20 JP"
	}
	if !labelContaining(u, verdict) || !labelContaining(u, "JP dihitung dari program yang selesai") {
		t.Errorf("history does not judge the year against 20 JP (%q)", verdict)
	}
	table := findTable(t, u)
	if n, _ := table.Length(); n < 2 {
		t.Errorf("history lists %d programs", n)
	}
}

// plannedProgram returns the sample's planned program.
func plannedProgram(t *testing.T, s *store.Store) *data.Program {
	t.Helper()
	rows, _ := s.Programs(context.Background(), store.ProgramFilter{Status: data.StatusPlanned})
	if len(rows) == 0 {
		t.Fatal("no planned program")
	}
	return rows[0].Program
}

// notEnrolled returns a stored participant with a NIP who is not enrolled in p.
func notEnrolled(t *testing.T, s *store.Store, p *data.Program) *data.Participant {
	t.Helper()
	ctx := context.Background()
	enrolled, _ := s.EnrolledParticipants(ctx, p.ID)
	rows, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 500)
	for _, r := range rows {
		if !enrolled[r.ID] && r.NIP != "" {
			person, _ := s.Participant(ctx, r.ID)
			return person
		}
	}
	t.Fatal("everyone is enrolled")
	return nil
}

func openParticipantsTab(t *testing.T, u *UI, p *data.Program) {
	t.Helper()
	u.Navigate("programs")
	u.openProgram(p.ID)
	u.WaitIdle()
	for _, o := range objects(u) {
		if tabs, ok := o.(interface{ SelectIndex(int) }); ok {
			tabs.SelectIndex(1)
		}
	}
	u.WaitIdle()
}

func TestEnrolByNIPInProgram(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p := plannedProgram(t, s)
	person := notEnrolled(t, s, p)
	openParticipantsTab(t, u, p)
	entry := entries(u, "Ketik NIP lalu Enter untuk mendaftarkan")[0]
	test.Type(entry, person.PrintedNIP())
	u.WaitIdle()
	if !labelContaining(u, person.FullName()+" · "+person.Unit) {
		t.Fatal("the typed NIP does not show whose it is")
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	rows, _ := s.Enrolments(ctx, p.ID)
	var got *store.EnrolmentRow
	for i := range rows {
		if rows[i].ParticipantID == person.ID {
			got = &rows[i]
		}
	}
	if got == nil || got.Role != data.RoleParticipant || got.Unit != person.Unit {
		t.Fatalf("after Enter: %+v", got)
	}
	if entry.Text != "" || !labelContaining(u, person.FullName()+" didaftarkan sebagai peserta.") {
		t.Error("the entry is not cleared for the next NIP")
	}

	// A NIP nobody has: the derived data shows, the person is created and enrolled.
	test.Type(entry, "199009132025242014")
	u.WaitIdle()
	if !labelContaining(u, "lahir 13 September 1990") || !labelContaining(u, "Belum ada di data peserta") {
		t.Fatal("an unknown NIP does not show its data and the way to add the person")
	}
	test.Tap(findButton(t, u, "Buat data peserta"))
	u.WaitIdle()
	names := entries(u, "nama tanpa gelar")
	test.Type(names[len(names)-1], "Rina Marlina")
	u.WaitIdle()
	saves := []*widget.Button{}
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Simpan" {
			saves = append(saves, b)
		}
	}
	test.Tap(saves[len(saves)-1])
	u.WaitIdle()
	rina, err := s.ParticipantByNIP(ctx, "199009132025242014")
	if err != nil || rina.EmploymentStatus != "PPPK" || rina.Sex != "P" {
		t.Fatalf("created = %+v, %v", rina, err)
	}
	if enrolled, _ := s.EnrolledParticipants(ctx, p.ID); !enrolled[rina.ID] {
		t.Error("the created person was not enrolled")
	}
}

func TestPasteNIPsAndEditEnrolment(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p := plannedProgram(t, s)
	person := notEnrolled(t, s, p)
	openParticipantsTab(t, u, p)
	test.Tap(findButton(t, u, "Tempel daftar NIP"))
	u.WaitIdle()
	paste := entries(u, "Satu NIP per baris")[0]
	paste.SetText("NIP. " + person.PrintedNIP() + "\n199009132025242014\nbukan nip\n")
	test.Tap(dialogButton(t, u, "Daftarkan"))
	u.WaitIdle()
	if !labelContaining(u, "1 didaftarkan, 0 sudah terdaftar") || !labelContaining(u, "19900913 202524 2 014") || !labelContaining(u, "bukan nip") {
		t.Fatal("the paste result does not list the enrolled, unknown and invalid lines")
	}
	u.win.Canvas().Overlays().Top().Hide()

	rows, _ := s.Enrolments(ctx, p.ID)
	var row store.EnrolmentRow
	for _, r := range rows {
		if r.ParticipantID == person.ID {
			row = r
		}
	}
	tab := findTable(t, u)
	index := -1
	for i := range rows {
		if tab.cell(i, 2) == row.Name {
			index = i
		}
	}
	if index < 0 {
		t.Fatal("the pasted person is not listed")
	}
	tab.OnSelected(widget.TableCellID{Row: index, Col: 2})
	u.WaitIdle()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widget.Select); ok && c.Selected == "Peserta" {
			c.SetSelected("Panitia")
		}
	}
	var unit *keyEntry
	for _, o := range objects(u) {
		if e, ok := o.(*keyEntry); ok && e.Text == person.Unit && e.Visible() {
			unit = e
		}
	}
	unit.SetText("SD Negeri 7 Sukamaju")
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	e, _ := s.Enrolment(ctx, row.ID)
	if e.Role != data.RoleCommittee || e.Unit != "SD Negeri 7 Sukamaju" {
		t.Errorf("edited enrolment = %+v", e)
	}
	if again, _ := s.Participant(ctx, person.ID); again.Unit != person.Unit {
		t.Error("editing the snapshot changed the participant")
	}

	tab.OnSelected(widget.TableCellID{Row: index, Col: 2})
	u.WaitIdle()
	test.Tap(findButton(t, u, "Hapus dari program"))
	u.WaitIdle()
	confirmTop(t, u)
	if enrolled, _ := s.EnrolledParticipants(ctx, p.ID); enrolled[person.ID] {
		t.Error("the person was not removed from the program")
	}
}

func TestPickParticipantsFromList(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p := plannedProgram(t, s)
	openParticipantsTab(t, u, p)
	before, _ := s.EnrolledParticipants(ctx, p.ID)
	test.Tap(findButton(t, u, "Pilih dari daftar"))
	u.WaitIdle()
	var picker *listTable
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if tb, ok := o.(*listTable); ok {
			picker = tb
		}
	}
	if picker == nil {
		t.Fatal("no participant list in the picker")
	}
	picked := 0
	for row := 0; picked < 3; row++ {
		if picker.cell(row, 0) == "" {
			picker.OnSelected(widget.TableCellID{Row: row, Col: 1})
			picked++
		}
	}
	u.WaitIdle()
	if !hasLabel(u, "3 dipilih") {
		t.Error("the picker does not count the chosen")
	}
	test.Tap(findButton(t, u, "Daftarkan yang dipilih"))
	u.WaitIdle()
	after, _ := s.EnrolledParticipants(ctx, p.ID)
	if len(after) != len(before)+3 {
		t.Errorf("%d enrolled after picking 3, before %d", len(after), len(before))
	}
}

// importFile makes the window's file dialog answer path for the rest of the test.
func importFile(u *UI, path string) {
	u.dialogs.openIn = func(_ string, exts []string, _ string, done func(string)) { done(path) }
}

func TestImportPreviewListsInvalidRows(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	existing, _ := s.ListParticipants(ctx, store.ParticipantFilter{Search: "Ade Permana"}, 0, 1)
	path := filepath.Join(t.TempDir(), "daftar.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"DAFTAR PESERTA BIMTEK"},
		{},
		{"NO", "NIP", "NAMA", "PANGKAT/GOL", "UNIT KERJA"},
		{1, "198609262015051001", "Rizki Pratama, S.Pd.", "III/b", "SD Negeri 1 Sukamaju"},
		{2, 198609262015051001, "Dobel Angka", "III/a", "SD Negeri 2"},
		{3, existing[0].NIP, "Ade Permana", "IV/a", "SMP Negeri 9 Sukamaju"},
		{4, "", "", "III/c", "SD Negeri 3"},
		{5, "199009132025242014", "Rina Marlina", "Gol. Z", "SD Negeri 4"},
	}
	for i, r := range rows {
		cellRef, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cellRef, &r)
	}
	f.SetCellDefault("Sheet1", "B5", "1.98609262015051E+17") // a NIP Excel turned into a number, as Excel stores it
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	importFile(u, path)
	u.Navigate("participants")
	u.WaitIdle()
	test.Tap(findButton(t, u, "Impor daftar"))
	u.WaitIdle()
	test.Tap(findButton(t, u, "Pilih berkas…"))
	u.WaitIdle()
	table := findTable(t, u)
	if n, _ := table.Length(); n != 2 {
		t.Fatalf("the preview shows %d rows first, want the 2 invalid ones", n)
	}
	details := table.cell(0, 4) + " | " + table.cell(1, 4)
	if table.cell(0, 0) != "5" || table.cell(0, 1) != "Tidak valid" || !strings.Contains(details, "NIP: NIP 1.98609262015051E+17 tersimpan sebagai angka") ||
		table.cell(1, 0) != "7" || !strings.Contains(details, "NAMA: wajib diisi") {
		t.Errorf("invalid rows: %q %q %q / %q %q %q", table.cell(0, 0), table.cell(0, 1), table.cell(0, 4), table.cell(1, 0), table.cell(1, 1), table.cell(1, 4))
	}
	if !labelContaining(u, "5 baris: 2 baru, 1 diperbarui, 0 tidak berubah, 2 tidak valid.") {
		t.Error("the preview does not count the outcomes")
	}
	apply := findButton(t, u, "Impor 3 baris")
	if !apply.Disabled() {
		t.Error("invalid rows do not block the import by default")
	}
	selectWith(t, u, "Diperbarui (1)").SetSelected("Diperbarui (1)")
	if table.cell(0, 1) != "Diperbarui" || !strings.Contains(table.cell(0, 4), "berubah: Pangkat/Golongan, Unit kerja") {
		t.Errorf("updated row: %q %q", table.cell(0, 1), table.cell(0, 4))
	}
	selectWith(t, u, "Dengan peringatan (1)").SetSelected("Dengan peringatan (1)")
	if !strings.Contains(table.cell(0, 4), "PANGKAT/GOL: pangkat/golongan \"Gol. Z\" tidak dikenali") {
		t.Errorf("warning row: %q", table.cell(0, 4))
	}
	// The mapping can be corrected: ignoring the rank column removes the warning.
	selectShowing(t, u, "Pangkat/Golongan").SetSelected("(abaikan)")
	u.WaitIdle()
	if !labelContaining(u, "5 baris: 2 baru, 1 diperbarui") || len(selectWith(t, u, "Dengan peringatan (0)").Options) == 0 {
		t.Error("changing the mapping does not check the rows again")
	}
	for _, o := range objects(u) { // the rank column is the fourth; the others show what they hold
		if c, ok := o.(*widget.Select); ok && c.Selected == "(abaikan)" {
			c.SetSelected("Pangkat/Golongan")
		}
	}
	u.WaitIdle()

	before, _ := s.CountParticipants(ctx, store.ParticipantFilter{})
	for _, o := range objects(u) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Lewati baris yang tidak valid dan simpan yang valid" {
			c.SetChecked(true)
		}
	}
	apply = findButton(t, u, "Impor 3 baris")
	if apply.Disabled() {
		t.Fatal("skipping invalid rows does not allow the import")
	}
	test.Tap(apply)
	u.WaitIdle()
	if after, _ := s.CountParticipants(ctx, store.ParticipantFilter{}); after != before+2 {
		t.Errorf("%d participants after the import, want %d", after, before+2)
	}
	ade, _ := s.Participant(ctx, existing[0].ID)
	if ade.Unit != "SMP Negeri 9 Sukamaju" || ade.RankCode != "IV/a" {
		t.Errorf("updated = %+v", ade)
	}
	if !labelContaining(u, "2 peserta baru, 1 diperbarui, 0 tidak berubah.") || u.CurrentPage() != "participants" {
		t.Error("the import does not report and return to the list")
	}
}

func TestImportIntoProgramAndTemplate(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p := plannedProgram(t, s)
	dir := t.TempDir()
	template := filepath.Join(dir, "templat.xlsx")
	u.dialogs.saveFile = func(name string, done func(w io.WriteCloser, path string)) {
		f, err := os.Create(template)
		if err != nil {
			t.Fatal(err)
		}
		done(f, template)
	}
	openParticipantsTab(t, u, p)
	test.Tap(findButton(t, u, "Impor dari berkas"))
	u.WaitIdle()
	test.Tap(findButton(t, u, "Unduh templat"))
	u.WaitIdle()
	if !labelContaining(u, "Templat daftar peserta disimpan di "+template) {
		t.Fatal("saving the template is not confirmed")
	}
	u.win.Canvas().Overlays().Top().Hide()
	importFile(u, template)
	test.Tap(findButton(t, u, "Pilih berkas…"))
	u.WaitIdle()
	if !labelContaining(u, "1 akan didaftarkan ke program") {
		t.Fatal("the template's example row is not planned for enrolment")
	}
	test.Tap(findButton(t, u, "Impor 1 baris"))
	u.WaitIdle()
	budi, err := s.ParticipantByNIP(ctx, "198609262015051001")
	if err != nil {
		t.Fatal(err)
	}
	if enrolled, _ := s.EnrolledParticipants(ctx, p.ID); !enrolled[budi.ID] {
		t.Error("the imported person was not enrolled")
	}
	if !hasLabel(u, p.Code+" · "+p.Title) {
		t.Error("the import does not return to the program")
	}
}

// dialogButton returns the button with text in the dialog on top.
func dialogButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog", text)
	return nil
}

// selectShowing returns the first select on screen with selected chosen.
func selectShowing(t *testing.T, u *UI, selected string) *widget.Select {
	t.Helper()
	for _, o := range objects(u) {
		if s, ok := o.(*widget.Select); ok && s.Selected == selected {
			return s
		}
	}
	t.Fatalf("no choice showing %q", selected)
	return nil
}
