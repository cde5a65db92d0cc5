package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// menuItem finds an item of the main menu by the labels of its menu and itself.
func menuItem(t *testing.T, u *UI, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s > %s", menu, label)
	return nil
}

// otherDatabase makes a second database with one program of its own.
func otherDatabase(t *testing.T) string {
	t.Helper()
	s := storetest.New(t)
	p := &data.Program{Code: "LAIN-01", Title: "Pelatihan di basis data lain", Kind: "Pelatihan Teknis", CompetencyKind: "Teknis",
		Delivery: "luring", Batch: 1, BudgetYear: 2026, StartDate: sampleDay, EndDate: sampleDay, TotalJP: 8,
		Status: data.StatusPlanned, TimeZone: "WIB", AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	return path
}

func TestOpenAnotherDatabaseSwitchesCleanly(t *testing.T) {
	u, old := newTestUI(t, true)
	var remembered string
	u.db.onChanged = func(p string) { remembered = p }
	u.Navigate("programs")
	u.WaitIdle()
	other := otherDatabase(t)

	fakeFiles(u, other)
	menuItem(t, u, "Berkas", "Buka basis data…").Action()
	u.WaitIdle()
	if u.store.Path() != other || remembered != other {
		t.Fatalf("store %s, remembered %q; want %s", u.store.Path(), remembered, other)
	}
	if _, err := old.Counts(ctx); err == nil {
		t.Error("the old database is still open")
	}
	if u.CurrentPage() != "programs" || !strings.Contains(u.win.Title(), filepath.Base(other)) {
		t.Errorf("page %s, title %q", u.CurrentPage(), u.win.Title())
	}
	table := findTable(t, u)
	if n, _ := table.Length(); n != 1 || table.cell(0, 0) != "LAIN-01" {
		t.Errorf("the program list shows %d rows of the old database", n)
	}
	backups, _ := store.AutoBackups(store.DefaultBackupFolder(old.Path()), old.Path())
	if len(backups) != 1 {
		t.Errorf("closing the old database made %d automatic backups, want 1", len(backups))
	}

	// A file that is not a Pembina database is refused; the window stays on the database it had.
	notDB := filepath.Join(t.TempDir(), "peserta.db")
	os.WriteFile(notDB, []byte("NIP,Nama\n"), 0o644)
	u.db.open(notDB)
	u.WaitIdle()
	if msg := dialogText(t, u); !strings.Contains(msg, "bukan basis data Pembina") {
		t.Errorf("refusal says %q", msg)
	}
	closeDialogs(u)
	if u.store.Path() != other {
		t.Fatalf("after a refused file the store is %s", u.store.Path())
	}
	if _, err := u.store.Programs(ctx, store.ProgramFilter{}); err != nil {
		t.Errorf("the database in use broke: %v", err)
	}
	if n, _ := findTable(t, u).Length(); n != 1 {
		t.Error("the program list is gone after a refused file")
	}
}

func TestNewDatabaseFromMenu(t *testing.T) {
	u, _ := newTestUI(t, true)
	dir := t.TempDir()
	fakeFolder(u, dir)
	menuItem(t, u, "Berkas", "Basis data baru…").Action()
	test.Tap(dialogButton(t, u, "Pilih folder…"))
	var name *keyEntry
	for _, o := range topDialog(t, u) {
		if e, ok := o.(*keyEntry); ok {
			name = e
		}
	}
	name.SetText("kantor.txt")
	if name.Validate() == nil {
		t.Error("a name without .db was accepted")
	}
	os.WriteFile(filepath.Join(dir, "ada.db"), nil, 0o644)
	name.SetText("ada.db")
	if name.Validate() == nil {
		t.Error("the name of an existing file was accepted")
	}
	name.SetText("kantor-2027.db")
	test.Tap(dialogButton(t, u, "Buat"))
	u.WaitIdle()
	if want := filepath.Join(dir, "kantor-2027.db"); u.store.Path() != want {
		t.Fatalf("store %s, want %s", u.store.Path(), want)
	}
	if !hasLabel(u, "Selamat datang di Pembina") {
		t.Error("a new database does not show the welcome page")
	}
	test.Tap(findButton(t, u, "Muat data contoh"))
	u.WaitIdle()
	if u.CurrentPage() != "programs" {
		t.Error("the sample data did not load into the new database")
	}
}

func TestRestoreFromMenu(t *testing.T) {
	u, s := newTestUI(t, true)
	path := s.Path()
	backup := filepath.Join(t.TempDir(), "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	want, _ := s.CountParticipants(ctx, store.ParticipantFilter{})
	if _, err := sample.Load(ctx, s, sample.Options{}); err == nil {
		t.Fatal("sample data loaded twice")
	}
	extra := &data.Participant{Name: "Peserta Tambahan", EmploymentStatus: "Non-ASN"}
	if err := s.CreateParticipant(ctx, extra); err != nil {
		t.Fatal(err)
	}
	// A certificate numbered after the backup: restoring the backup lifts the counter and says so.
	epa, _ := s.ProgramByCode(ctx, "EPA-I/2026")
	if _, err := s.IssueCertificates(ctx, epa.ID, store.IssueOptions{Today: epa.EndDate}); err != nil {
		t.Fatal(err)
	}
	u.Navigate("participants")
	u.WaitIdle()

	fakeFiles(u, backup)
	menuItem(t, u, "Berkas", "Pulihkan dari cadangan…").Action()
	u.WaitIdle()
	if msg := dialogText(t, u); !strings.Contains(msg, "7 program") || !strings.Contains(msg, "180 peserta") {
		t.Errorf("the confirmation says %q", msg)
	}
	test.Tap(dialogButton(t, u, "Pulihkan"))
	u.WaitIdle()
	if u.store.Path() != path {
		t.Fatalf("restored into %s", u.store.Path())
	}
	if n, _ := u.store.CountParticipants(ctx, store.ParticipantFilter{}); n != want {
		t.Errorf("%d participants after restoring, want %d", n, want)
	}
	if err := store.IntegrityCheck(ctx, path); err != nil {
		t.Error(err)
	}
	msg := dialogText(t, u)
	if !strings.Contains(msg, "sebelum-pemulihan") || !strings.Contains(msg, "dinaikkan") {
		t.Fatalf("the result says %q", msg)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	var aside string
	for _, e := range entries {
		if strings.Contains(e.Name(), "sebelum-pemulihan") && strings.HasSuffix(e.Name(), ".db") {
			aside = filepath.Join(filepath.Dir(path), e.Name())
		}
	}
	kept, err := store.Open(aside)
	if err != nil {
		t.Fatalf("the kept-aside file %q: %v", aside, err)
	}
	defer kept.Close()
	if n, _ := kept.CountParticipants(ctx, store.ParticipantFilter{}); n != want+1 {
		t.Errorf("the kept-aside file has %d participants, want %d", n, want+1)
	}
	if u.CurrentPage() != "participants" {
		t.Errorf("page after restoring: %s", u.CurrentPage())
	}
	if n, _ := findTable(t, u).Length(); n != want {
		t.Errorf("the participant list shows %d rows, want %d", n, want)
	}
}

// TestRestoreRefusesADamagedBackup: a file that is no database, and a Pembina backup lacking a table, are
// refused by the window's restore with the reason; the database in use and the backup stay as they were.
func TestRestoreRefusesADamagedBackup(t *testing.T) {
	u, s := newTestUI(t, true)
	dir := t.TempDir()
	bad := filepath.Join(dir, "rusak.db")
	os.WriteFile(bad, []byte("SQLite format 3\x00 but nothing else"), 0o644)
	noTable := filepath.Join(dir, "tanpa-tabel.db")
	if err := s.Backup(ctx, noTable); err != nil {
		t.Fatal(err)
	}
	damaged, err := store.Open(noTable)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := storetest.DB(t, damaged).Exec("PRAGMA foreign_keys = off; DROP TABLE certificate_change"); err != nil {
		t.Fatal(err)
	}
	damaged.Close()
	for path, want := range map[string]string{bad: "rusak", noTable: "tabel certificate_change tidak ada"} {
		before, _ := os.ReadFile(path)
		u.db.restoreFrom(path)
		u.WaitIdle()
		if msg := dialogText(t, u); !strings.Contains(msg, want) {
			t.Errorf("restoring %s says %q, want %q", filepath.Base(path), msg, want)
		}
		closeDialogs(u)
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Errorf("restoring %s changed it", filepath.Base(path))
		}
		if _, err := s.Programs(ctx, store.ProgramFilter{}); err != nil || u.store != s {
			t.Errorf("the database in use changed or broke: %v", err)
		}
	}
}

func TestMoveDatabase(t *testing.T) {
	u, s := newTestUI(t, true)
	old := s.Path()
	dest := filepath.Join(t.TempDir(), "pindah.db")
	u.db.move(dest)
	u.WaitIdle()
	if u.store.Path() != dest {
		t.Fatalf("store at %s", u.store.Path())
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("the old file is still there")
	}
	if n, _ := u.store.CountParticipants(ctx, store.ParticipantFilter{}); n < 150 {
		t.Errorf("%d participants after moving", n)
	}
}

func TestBackupNowAndOnClose(t *testing.T) {
	u, s := newTestUI(t, true)
	folder := store.DefaultBackupFolder(s.Path())
	menuItem(t, u, "Berkas", "Cadangkan sekarang…").Action()
	test.Tap(dialogButton(t, u, "Cadangkan"))
	u.WaitIdle()
	entries, _ := os.ReadDir(folder)
	if len(entries) != 1 || !strings.Contains(entries[0].Name(), "-cadangan-") {
		t.Fatalf("backup folder holds %v", entries)
	}
	if err := store.IntegrityCheck(ctx, filepath.Join(folder, entries[0].Name())); err != nil {
		t.Error(err)
	}
	closeDialogs(u)

	// Keluar backs up while the window is still there, then closes it; closing the store adds no second one.
	menuItem(t, u, "Berkas", "Keluar").Action()
	u.WaitIdle()
	if windowOpen(u) {
		t.Error("Keluar left the window open")
	}
	u.db.shutdown()
	list, _ := store.AutoBackups(folder, s.Path())
	if len(list) != 1 {
		t.Fatalf("%d automatic backups on close, want 1", len(list))
	}
	if _, err := s.Counts(ctx); err == nil {
		t.Error("the database is still open after closing")
	}
}

func windowOpen(u *UI) bool {
	for _, w := range u.app.Driver().AllWindows() {
		if w == u.win {
			return true
		}
	}
	return false
}

func TestFailedBackupOnCloseAsks(t *testing.T) {
	u, s := newTestUI(t, true)
	blocker := filepath.Join(t.TempDir(), "bukan-folder")
	os.WriteFile(blocker, []byte("x"), 0o644)
	s.SetSetting(ctx, store.SettingBackupFolder, filepath.Join(blocker, "cadangan")) // a folder that cannot exist
	u.db.closeWindow()
	u.WaitIdle()
	if msg := dialogText(t, u); !strings.Contains(msg, "tidak dapat dibuat") || !strings.Contains(msg, "Tutup Pembina tanpa cadangan?") {
		t.Fatalf("a failed backup says %q", msg)
	}
	if !windowOpen(u) {
		t.Fatal("the window closed although the backup failed")
	}
	test.Tap(dialogButton(t, u, "Ya"))
	if windowOpen(u) {
		t.Error("closing without a backup left the window open")
	}
	u.db.shutdown()
}

func TestBackupOnCloseCanBeTurnedOff(t *testing.T) {
	u, s := newTestUI(t, true)
	openSettings(t, u, settingsTabDatabase)
	for _, o := range objects(u) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, "Cadangkan otomatis") {
			c.SetChecked(false)
		}
	}
	u.db.shutdown()
	if list, _ := store.AutoBackups(store.DefaultBackupFolder(s.Path()), s.Path()); len(list) != 0 {
		t.Errorf("%d automatic backups with the backup turned off", len(list))
	}
}

func TestBackupFolderCanBeChanged(t *testing.T) {
	u, s := newTestUI(t, true)
	usb := t.TempDir()
	fakeFolder(u, usb)
	openSettings(t, u, settingsTabDatabase)
	test.Tap(findButton(t, u, "Ganti folder…"))
	u.WaitIdle()
	if !hasLabel(u, usb) {
		t.Error("the settings do not show the new folder")
	}
	u.db.shutdown()
	if list, _ := store.AutoBackups(usb, s.Path()); len(list) != 1 {
		t.Errorf("%d automatic backups in the chosen folder", len(list))
	}
}
