package app

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// fixToday makes the window's today the sample data's day, on which the schedule tab counts attendance.
func fixToday(u *UI) { u.now = func() time.Time { return sampleDay } }

// openSchedule shows the Jadwal & Presensi tab of the first program with the given status on its inner tab
// (0 Jadwal, 1 Presensi, 2 Rekap) and returns it.
func openSchedule(t *testing.T, u *UI, s *store.Store, status data.ProgramStatus, tab int) *scheduleTab {
	t.Helper()
	rows, err := s.Programs(context.Background(), store.ProgramFilter{Status: status})
	if err != nil || len(rows) == 0 {
		t.Fatalf("no %s program: %v", status, err)
	}
	return showSchedule(t, u, rows[0].Program, tab)
}

func showSchedule(t *testing.T, u *UI, p *data.Program, tab int) *scheduleTab {
	t.Helper()
	fixToday(u)
	st := u.newScheduleTab(p)
	u.setPageView(st.tabs)
	u.WaitIdle()
	st.tabs.SelectIndex(tab)
	u.WaitIdle()
	return st
}

func findTabs(t *testing.T, u *UI, first string) *container.AppTabs {
	t.Helper()
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok && len(tabs.Items) > 0 && tabs.Items[0].Text == first {
			return tabs
		}
	}
	t.Fatalf("no tabs starting with %q", first)
	return nil
}

// storedMark reads a participant's mark for the session from the database.
func storedMark(t *testing.T, s *store.Store, sessionID, enrolmentID int64) *data.Mark {
	t.Helper()
	marks, err := s.Marks(context.Background(), sessionID)
	if err != nil {
		t.Fatal(err)
	}
	return marks[enrolmentID]
}

func TestKeyboardAttendanceEntry(t *testing.T) {
	u, s := newTestUI(t, true)
	fixToday(u)
	rows, _ := s.Programs(context.Background(), store.ProgramFilter{Status: data.StatusRunning})
	u.Navigate("programs")
	u.openProgram(rows[0].ID)
	u.WaitIdle()
	findTabs(t, u, "Ringkasan").SelectIndex(2)
	u.WaitIdle()
	findTabs(t, u, "Jadwal").SelectIndex(1)
	u.WaitIdle()
	var ml *markList
	for _, o := range objects(u) {
		if l, ok := o.(*markList); ok {
			ml = l
		}
	}
	if ml == nil {
		t.Fatal("no attendance list on the Presensi tab")
	}
	v := ml.v
	if v.session == nil || !v.session.Date.Equal(sampleDay) || v.session.Number != 3 {
		t.Fatalf("attendance opens on %+v, want today's first session (3)", v.session)
	}
	if len(v.roster) < 10 {
		t.Fatalf("roster of %d", len(v.roster))
	}
	u.win.Canvas().Focus(ml)
	x, r := v.session.ID, v.roster
	key := func(name fyne.KeyName) { u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name}) }
	want := func(row int, status data.AttendanceStatus) {
		t.Helper()
		m := storedMark(t, s, x, r[row].EnrolmentID)
		if status == "" {
			if m != nil {
				t.Errorf("row %d (%s) stored %q, want no mark", row, r[row].Name, m.Status)
			}
			return
		}
		if m == nil || m.Status != status || m.Source != data.SourceScreen {
			t.Errorf("row %d (%s) stored %+v, want %s from the screen", row, r[row].Name, m, status)
		}
	}

	test.Type(ml, "h") // row 0 present, on to row 1
	u.WaitIdle()
	want(0, data.Present)
	if ml.cur != 1 {
		t.Errorf("after a letter the current row is %d, want 1", ml.cur)
	}
	key(fyne.KeyDown) // row 2
	test.Type(ml, "A")
	u.WaitIdle()
	want(1, "")
	want(2, data.Absent)
	key(fyne.KeyUp)
	key(fyne.KeyUp) // row 1
	test.Type(ml, "s")
	key(fyne.KeyTab) // from row 2 to row 3
	test.Type(ml, "d")
	u.WaitIdle()
	want(1, data.Sick)
	want(3, data.Duty)
	test.Type(ml, "x") // not a status: nothing happens
	if ml.cur != 4 {
		t.Fatalf("current row %d, want 4", ml.cur)
	}

	// T marks late at once with the time now and moves on, without a dialog: the next letter marks the
	// next row. Enter on the late row edits its time in the row; Enter stores it.
	u.now = func() time.Time { return sampleDay.Add(8*time.Hour + 7*time.Minute) }
	test.Type(ml, "t")
	u.WaitIdle()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("T opened a dialog")
	}
	if m := storedMark(t, s, x, r[4].EnrolmentID); m == nil || m.Status != data.Late || m.Time != "08:07" {
		t.Fatalf("T stored %+v, want T at 08:07", m)
	}
	if ml.cur != 5 || u.win.Canvas().Focused() != ml {
		t.Fatalf("after T the current row is %d and the focus on %T, want row 5 on the list", ml.cur, u.win.Canvas().Focused())
	}
	key(fyne.KeyUp)
	key(fyne.KeyReturn)
	clock, ok := u.win.Canvas().Focused().(*keyEntry)
	if !ok || ml.editing != 4 || clock.Text != "08:07" {
		t.Fatalf("Enter on the late row focused %T (editing row %d), want its time in the row", u.win.Canvas().Focused(), ml.editing)
	}
	test.Type(clock, "820") // replaces the selected time
	key(fyne.KeyReturn)
	u.WaitIdle()
	if m := storedMark(t, s, x, r[4].EnrolmentID); m == nil || m.Status != data.Late || m.Time != "08:20" {
		t.Errorf("late mark %+v, want T at 08:20", m)
	}
	if u.win.Canvas().Focused() != ml || ml.editing != -1 {
		t.Fatal("after Enter the keyboard is not back on the list")
	}
	// Escape leaves the time as it was; the note stays in the dialog of the pencil button.
	key(fyne.KeyReturn)
	test.Type(u.win.Canvas().Focused(), "9")
	key(fyne.KeyEscape)
	u.WaitIdle()
	if m := storedMark(t, s, x, r[4].EnrolmentID); m.Time != "08:20" || u.win.Canvas().Focused() != ml {
		t.Errorf("after Escape the time is %q and the focus on %T", m.Time, u.win.Canvas().Focused())
	}
	v.details(4)
	findEntry(t, u, "Misalnya: surat tugas dari sekolah").SetText("Ban bocor")
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	u.WaitIdle()
	if m := storedMark(t, s, x, r[4].EnrolmentID); m == nil || m.Status != data.Late || m.Time != "08:20" || m.Note != "Ban bocor" {
		t.Errorf("late mark %+v, want T at 08:20 with the note", m)
	}
	v.details(4)
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Escape cancels
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape in the note did not close the dialog")
	}

	// Delete clears; two quick letters on one row end as the second in the database.
	u.win.Canvas().Focus(ml)
	key(fyne.KeyHome)
	key(fyne.KeyDelete)
	ml.moveTo(5)
	test.Type(ml, "h")
	ml.moveTo(5)
	test.Type(ml, "c")
	u.WaitIdle()
	want(0, "")
	want(5, data.Holiday)
	if got := v.countsText.Text; !strings.Contains(got, "Hadir 0 · Terlambat 1 · Izin 0 · Sakit 1 · Dinas Luar 1 · Cuti 1 · Alpa 1") {
		t.Errorf("live counts %q", got)
	}

	// A status button does the same as its letter.
	ml.moveTo(6)
	v.setMark(6, data.Leave, nil, nil)
	u.WaitIdle()
	want(6, data.Leave)

	// Semua hadir marks the rest present and keeps the exceptions.
	test.Tap(findButton(t, u, "Semua hadir"))
	u.WaitIdle()
	want(0, data.Present)
	want(2, data.Absent)
	want(4, data.Late)
	marks, _ := s.Marks(context.Background(), x)
	if len(marks) != len(r) {
		t.Errorf("%d marks after Semua hadir, want %d", len(marks), len(r))
	}
	if !strings.Contains(v.countsText.Text, "Belum diisi 0") {
		t.Errorf("counts after Semua hadir: %q", v.countsText.Text)
	}
}

func TestRecapHighlightsAndSorts(t *testing.T) {
	u, s := newTestUI(t, true)
	st := openSchedule(t, u, s, data.StatusFinished, 2)
	v := st.recap
	r := v.recap
	if r == nil || len(r.Rows) == 0 || r.HeldCount() != len(r.Sessions) {
		t.Fatalf("recap %+v", r)
	}
	below := r.BelowThreshold()
	if below == 0 {
		t.Fatal("the sample has people below the threshold in every program")
	}
	n := len(r.Sessions)
	if rows, cols := v.table.Length(); rows != len(r.Rows)+len(recapCountRows) || cols != recapFirstSession+n {
		t.Errorf("table %d × %d, want %d × %d", rows, cols, len(r.Rows)+len(recapCountRows), recapFirstSession+n)
	}
	red := 0
	for row := range r.Rows {
		if v.style(row, recapName) == widget.DangerImportance {
			red++
			if v.cell(row, recapStatus) != "Di bawah batas" {
				t.Errorf("row %d is red but says %q", row, v.cell(row, recapStatus))
			}
		}
	}
	if red != below {
		t.Errorf("%d rows highlighted, want %d", red, below)
	}
	// The count rows: present of session 1 equals the H cells of its column.
	h := 0
	for row := range r.Rows {
		if v.cell(row, recapFirstSession) == "H" {
			h++
		}
	}
	if got := v.cell(len(r.Rows), recapFirstSession); got != fmt.Sprint(h) || v.cell(len(r.Rows), recapName) != "Jumlah Hadir (H)" {
		t.Errorf("count row: %q %q, want %d", v.cell(len(r.Rows), recapName), got, h)
	}
	// Sorting by % JP puts those below the threshold first; tapping again reverses.
	v.sortBy(recapJPRate)
	if v.style(0, recapName) != widget.DangerImportance || v.style(below, recapName) == widget.DangerImportance {
		t.Errorf("sorted by rate, the first %d rows are not the ones below the threshold", below)
	}
	v.sortBy(recapJPRate)
	if v.style(0, recapName) == widget.DangerImportance {
		t.Error("reversed, the best rate is not first")
	}
	v.sortBy(recapName)
	if a, b := v.cell(0, recapName), v.cell(1, recapName); data.SearchKey(a) > data.SearchKey(b) {
		t.Errorf("by name: %q before %q", a, b)
	}

	// Counting excused absence as present changes the program and the rates at once.
	before := r.BelowThreshold()
	v.excused.SetChecked(true)
	u.WaitIdle()
	p, _ := s.Program(context.Background(), st.p.ID)
	if !p.ExcusedCountPresent || v.recap.BelowThreshold() > before {
		t.Errorf("excused rule: stored %v, below %d then %d", p.ExcusedCountPresent, before, v.recap.BelowThreshold())
	}
}

func TestScheduleEditing(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	st := openSchedule(t, u, s, data.StatusPlanned, 0)
	before := len(st.sessions)

	// A session outside the program's dates is saved only after the warning.
	test.Tap(findButton(t, u, "Tambah sesi"))
	date := findEntry(t, u, "HH/BB/TTTT")
	outside := st.p.EndDate.AddDate(0, 0, 3)
	date.SetText(outside.Format("02/01/2006"))
	findEntry(t, u, "08:00").SetText("13.00")
	findEntry(t, u, "16:00").SetText("15:30")
	findEntry(t, u, "Materi yang dibahas").SetText("Tindak lanjut")
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	if !hasLabel(u, "Tanggal di luar program") && !strings.Contains(test.RenderObjectToMarkup(u.win.Canvas().Overlays().Top()), "di luar tanggal program") {
		t.Fatal("no warning for a date outside the program")
	}
	if n, _ := s.Sessions(ctx, st.p.ID); len(n) != before {
		t.Fatal("saved before the warning was confirmed")
	}
	test.Tap(findButton(t, u, "Simpan"))
	u.WaitIdle()
	list, _ := s.Sessions(ctx, st.p.ID)
	last := list[len(list)-1]
	if len(list) != before+1 || !last.Date.Equal(outside) || last.Start != "13:00" || last.Topic != "Tindak lanjut" {
		t.Fatalf("after saving: %d sessions, last %+v", len(list), last)
	}
	if !strings.Contains(st.plan.summary.Text, "di luar tanggal program") {
		t.Errorf("summary %q does not warn", st.plan.summary.Text)
	}

	// Move it up to first place.
	st.plan.selected = len(st.sessions) - 1
	st.plan.refresh()
	findButton(t, u, "Naik")
	for i := 0; i < before; i++ {
		test.Tap(st.plan.up)
		u.WaitIdle()
	}
	if first, _ := s.SessionByNumber(ctx, st.p.ID, 1); first.ID != last.ID || st.plan.current().ID != last.ID {
		t.Errorf("after moving up, session 1 is %q", first.Topic)
	}

	// Deleting a session with marks asks first and says how many marks go.
	enrol, _ := s.Roster(ctx, st.p.ID)
	s.SetMark(ctx, &data.Mark{SessionID: last.ID, EnrolmentID: enrol[0].EnrolmentID, Status: data.Present})
	st.reload()
	u.WaitIdle()
	st.plan.selected = 0
	st.plan.refresh()
	test.Tap(findButton(t, u, "Hapus"))
	if !strings.Contains(test.RenderObjectToMarkup(u.win.Canvas().Overlays().Top()), "1 tanda hadir") {
		t.Error("the confirmation does not name the marks that go")
	}
	buttons := 0
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Hapus" {
			test.Tap(b)
			buttons++
		}
	}
	u.WaitIdle()
	list, _ = s.Sessions(ctx, st.p.ID)
	if buttons != 1 || len(list) != before || list[0].Number != 1 {
		t.Errorf("after deleting: %d sessions (want %d), first number %d", len(list), before, list[0].Number)
	}
}

func TestGenerateSessionsFromTheWindow(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	p := &data.Program{Code: "BARU-1", Title: "Bimtek Penyusunan Modul Ajar", Kind: "Bimbingan Teknis", StartDate: sampleDay.AddDate(0, 0, 10),
		EndDate: sampleDay.AddDate(0, 0, 13), TotalJP: 30, AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	st := showSchedule(t, u, p, 1)
	if !hasLabel(u, "Belum ada sesi. Buat jadwalnya dulu di tab Jadwal.") {
		t.Error("the empty attendance tab does not say what to do")
	}
	st.tabs.SelectIndex(0)
	u.WaitIdle()
	test.Tap(findButton(t, u, "Buat sesi per hari"))
	test.Tap(findButton(t, u, "Buat"))
	u.WaitIdle()
	list, _ := s.Sessions(ctx, p.ID)
	if len(list) != 4 || list[0].JP != 8 || list[3].JP != 7 || list[0].Start != "08:00" {
		t.Fatalf("generated %d sessions: %+v", len(list), list)
	}
	if !strings.Contains(st.plan.summary.Text, "4 sesi, 30 JP terjadwal dari 30 JP program.") {
		t.Errorf("summary %q", st.plan.summary.Text)
	}
}

func TestPrintSignInSheetFromTheWindow(t *testing.T) {
	u, s := newTestUI(t, true)
	st := openSchedule(t, u, s, data.StatusRunning, 1)
	path := filepath.Join(t.TempDir(), "hadir.pdf")
	saved := ""
	u.dialogs.savePath = func(suggested string, done func(string)) { saved = suggested; done(path) }
	test.Tap(findButton(t, u, "Cetak daftar hadir sesi ini"))
	test.Tap(findButton(t, u, "Simpan PDF…"))
	u.WaitIdle()
	if !strings.HasPrefix(saved, "Daftar Hadir Sesi 3 – ") || !strings.HasSuffix(saved, ".pdf") {
		t.Errorf("suggested name %q", saved)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("no PDF written: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, _ := exec.Command("pdftotext", "-layout", path, "-").Output()
		if !strings.Contains(string(out), st.entry.roster[0].Name) || !strings.Contains(string(out), "Sabtu, 28 November 2026") {
			t.Errorf("the sheet lacks the first participant or the date")
		}
	}
	if v, _ := s.Setting(context.Background(), settingSignInPaper, ""); v != "A4" {
		t.Errorf("paper remembered as %q", v)
	}
}

func TestImportMeetingReportFromTheWindow(t *testing.T) {
	u, s := newTestUI(t, true)
	st := openSchedule(t, u, s, data.StatusRunning, 1)
	v := st.entry
	roster := v.roster
	// A Zoom report of session 3 (225 minutes): all but the first person stayed long enough; a stranger came too.
	var b strings.Builder
	b.WriteString("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n")
	for i, r := range roster {
		minutes := 220
		if i == 0 {
			minutes = 40
		}
		fmt.Fprintf(&b, "\"%s\",,,,%d,Yes\n", r.Name, minutes)
	}
	b.WriteString("Laptop Ruang Rapat,,,,200,Yes\n")
	path := filepath.Join(t.TempDir(), "zoom.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	u.dialogs.openIn = func(_ string, _ []string, _ string, done func(string)) { done(path) }

	test.Tap(findButton(t, u, "Impor laporan rapat daring…"))
	u.WaitIdle()
	save := findButton(t, u, fmt.Sprintf("Simpan %d tanda hadir", len(roster)-1))
	// Match the laptop to the first person by hand: their minutes add up to more than enough.
	findTabs(t, u, fmt.Sprintf("Cocok (%d)", len(roster))).SelectIndex(1)
	tapped := false
	for _, o := range objects(u) {
		if bt, ok := o.(*widget.Button); ok && bt.Text == "Cocokkan…" && bt.OnTapped != nil && !tapped {
			test.Tap(bt)
			tapped = true
		}
	}
	u.WaitIdle()
	findEntry(t, u, "Cari nama atau NIP…")
	var picker *widget.List
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.List); ok {
			picker = l
		}
	}
	if picker == nil {
		t.Fatal("no participant picker")
	}
	picker.Select(0)
	u.WaitIdle()
	if save.Text != fmt.Sprintf("Simpan %d tanda hadir", len(roster)) {
		t.Errorf("after matching by hand the button says %q", save.Text)
	}
	test.Tap(save)
	u.WaitIdle()
	marks, _ := s.Marks(context.Background(), v.session.ID)
	if len(marks) != len(roster) {
		t.Fatalf("%d marks stored, want %d", len(marks), len(roster))
	}
	if m := marks[roster[0].EnrolmentID]; m.Status != data.Present || m.Source != data.SourceImport || *m.Minutes != 240 {
		t.Errorf("the hand-matched person: %+v", m)
	}
	if !hasLabel(u, fmt.Sprintf("%d tanda hadir baru, 0 diperbarui, 0 sudah sama, 0 tidak diubah karena dicatat manual.", len(roster))) {
		t.Error("no summary of the import")
	}
	if !strings.Contains(v.countsText.Text, fmt.Sprintf("Hadir %d", len(roster))) {
		t.Errorf("attendance not refreshed: %q", v.countsText.Text)
	}
}

func TestNormalClock(t *testing.T) {
	for in, want := range map[string]string{"08:00": "08:00", "8.00": "08:00", " 8:15 ": "08:15", "0815": "08:15", "815": "08:15",
		"13.30": "13:30", "2400": "24:00", "abc": "abc"} {
		if got := normalClock(in); got != want {
			t.Errorf("normalClock(%q) = %q, want %q", in, got, want)
		}
	}
	if clockValidator("2400") == nil || clockValidator("0815") != nil {
		t.Error("clockValidator accepts 24:00 or refuses 0815")
	}
}
