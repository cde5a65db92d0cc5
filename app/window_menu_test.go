package app

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

func TestMenuHasShortcuts(t *testing.T) {
	u, _ := newTestUI(t, true)
	want := []struct {
		menu, label string
		key         fyne.KeyName
	}{
		{"Berkas", "Baru", fyne.KeyN},
		{"Berkas", "Basis data baru…", ""},
		{"Berkas", "Buka basis data…", fyne.KeyO},
		{"Berkas", "Cetak…", fyne.KeyP},
		{"Berkas", "Ekspor…", fyne.KeyE},
		{"Berkas", "Cadangkan sekarang…", fyne.KeyB},
		{"Berkas", "Pulihkan dari cadangan…", ""},
		{"Berkas", "Keluar", fyne.KeyQ},
		{"Halaman", "Cari di halaman ini", fyne.KeyF},
		{"Halaman", "Beranda", fyne.Key1},
		{"Halaman", "Pengaturan", fyne.Key6},
		{"Bantuan", "Tentang Pembina", ""},
	}
	for _, w := range want {
		it := menuItem(t, u, w.menu, w.label)
		sc, _ := it.Shortcut.(*desktop.CustomShortcut)
		switch {
		case w.key == "" && it.Shortcut != nil:
			t.Errorf("%s has a shortcut", w.label)
		case w.key != "" && (sc == nil || sc.KeyName != w.key || sc.Modifier != fyne.KeyModifierShortcutDefault):
			t.Errorf("%s: shortcut %v, want Ctrl+%s", w.label, it.Shortcut, w.key)
		}
		if it.Action == nil {
			t.Errorf("%s does nothing", w.label)
		}
	}
	if !menuItem(t, u, "Berkas", "Keluar").IsQuit {
		t.Error("Keluar is not the quit item: Fyne would add a second one")
	}
}

func TestContextCommandsExplainWhatIsMissing(t *testing.T) {
	u, s := newTestUI(t, true)
	u.Navigate("programs")
	u.WaitIdle()

	menuItem(t, u, "Berkas", "Baru").Action() // the Program page plugs in its new-program form
	u.WaitIdle()
	if !u.opened || u.win.Canvas().Overlays().Top() != nil {
		t.Error("Baru on Program did not open the new-program form")
	}
	menuItem(t, u, "Halaman", "Program").Action()
	u.WaitIdle()
	menuItem(t, u, "Berkas", "Cetak…").Action()
	if msg := dialogText(t, u); !strings.Contains(msg, "Dokumen dicetak dari program yang dibuka") {
		t.Errorf("Cetak on Program says %q", msg)
	}
	closeDialogs(u)

	menuItem(t, u, "Halaman", "Cari di halaman ini").Action()
	search := findEntry(t, u, "Cari kode, nama program, jenis, penyelenggara atau tempat…")
	if u.win.Canvas().Focused() != search {
		t.Error("Ctrl+F on Program does not focus the search box")
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+F opened a dialog although the page has a search box")
	}

	rows, _ := s.Programs(ctx, store.ProgramFilter{Status: data.StatusFinished})
	u.openProgram(rows[0].ID)
	u.WaitIdle()
	menuItem(t, u, "Berkas", "Cetak…").Action()
	if msg := dialogText(t, u); !strings.Contains(msg, "Pada program yang dibuka") {
		t.Errorf("Cetak on a program's summary says %q", msg)
	}
	closeDialogs(u)
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok && len(tabs.Items) == 6 {
			tabs.SelectIndex(2) // Jadwal & Presensi prints sign-in sheets
		}
	}
	u.WaitIdle()
	menuItem(t, u, "Berkas", "Cetak…").Action()
	if msg := dialogText(t, u); !strings.Contains(msg, "Semua sesi") {
		t.Errorf("Cetak on Jadwal & Presensi says %q", msg)
	}
	closeDialogs(u)

	menuItem(t, u, "Halaman", "Pengaturan").Action()
	if u.CurrentPage() != "settings" {
		t.Fatalf("Ctrl+6 opened %s", u.CurrentPage())
	}
	menuItem(t, u, "Halaman", "Cari di halaman ini").Action()
	if msg := dialogText(t, u); !strings.Contains(msg, "tidak memiliki kotak pencarian") {
		t.Errorf("Ctrl+F on Pengaturan says %q", msg)
	}
	closeDialogs(u)

	// The program list again from an opened program: Halaman > Program leaves the opened view.
	u.openProgram(rows[0].ID)
	menuItem(t, u, "Halaman", "Program").Action()
	u.WaitIdle()
	if u.opened || findTable(t, u).cell(0, 0) == "" {
		t.Error("Halaman > Program left the opened program on screen")
	}
}

func TestViewsPlugIntoContextCommands(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.Navigate("participants")
	var got []string
	inner := withCommands(widget.NewLabel("tab"), viewCommands{
		Print: func() { got = append(got, "print inner") },
	})
	tabs := container.NewAppTabs(container.NewTabItem("A", inner), container.NewTabItem("B", widget.NewLabel("b")))
	outer := withCommands(container.NewBorder(widget.NewLabel("judul"), nil, nil, nil, tabs), viewCommands{
		New:    func() { got = append(got, "new outer") },
		Print:  func() { got = append(got, "print outer") },
		Export: func() { got = append(got, "export outer") },
	})
	u.setPageView(outer)
	for _, label := range []string{"Baru", "Cetak…", "Ekspor…"} {
		menuItem(t, u, "Berkas", label).Action()
	}
	if want := "new outer,print inner,export outer"; strings.Join(got, ",") != want {
		t.Errorf("commands ran %v, want %s (the selected tab's own Print wins)", got, want)
	}
	got = nil
	tabs.SelectIndex(1) // the other tab has no Print: the view's own applies
	menuItem(t, u, "Berkas", "Cetak…").Action()
	if strings.Join(got, ",") != "print outer" {
		t.Errorf("on the second tab Cetak ran %v", got)
	}
}

func TestCommandsOnTheWelcomePage(t *testing.T) {
	u, _ := newTestUI(t, false)
	menuItem(t, u, "Berkas", "Baru").Action()
	if msg := dialogText(t, u); !strings.Contains(msg, "Muat data contoh") {
		t.Errorf("Baru on the welcome page says %q", msg)
	}
	closeDialogs(u)
	menuItem(t, u, "Halaman", "Peserta").Action()
	if !hasLabel(u, "Selamat datang di Pembina") {
		t.Error("a page shortcut left the welcome page of an empty database")
	}
}

func TestAboutShowsTheVersion(t *testing.T) {
	u, s := newTestUI(t, true)
	menuItem(t, u, "Bantuan", "Tentang Pembina").Action()
	msg := dialogText(t, u)
	if !strings.Contains(msg, "Versi "+Version) || !strings.Contains(msg, s.Path()) {
		t.Errorf("About says %q", msg)
	}
}

func TestVersionMatchesFyneApp(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil || string(m[1]) != Version {
		t.Errorf("FyneApp.toml has version %q, app.Version is %q: keep them equal", m, Version)
	}
}

func TestMenuWaitsForARunningJob(t *testing.T) {
	u, s := newTestUI(t, true)
	picked := false
	u.dialogs.openIn = func(string, []string, string, func(string)) { picked = true }
	u.runTask("Memuat data contoh", func(context.Context, Progress) error { return nil }, nil)
	menuItem(t, u, "Berkas", "Buka basis data…").Action()
	menuItem(t, u, "Berkas", "Keluar").Action()
	u.db.closeWindow() // the window's close button
	if picked || u.db.backedUp || !windowOpen(u) {
		t.Error("a menu command ran behind a running job")
	}
	u.WaitIdle()
	menuItem(t, u, "Berkas", "Buka basis data…").Action()
	if !picked || u.store != s {
		t.Error("the menu stayed blocked after the job")
	}
}
