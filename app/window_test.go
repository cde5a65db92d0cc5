package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

func TestPlanWindow(t *testing.T) {
	laptop := rect{0, 0, 1366, 728} // 1366×768 less a 40-pixel taskbar
	big := rect{0, 0, 1920, 1040}
	frame := frameInsets{Top: 30}
	created := rect{W: 1200, H: 760}
	tests := []struct {
		name  string
		work  rect
		areas []rect
		saved *savedGeometry
		want  placement
	}{
		{"first start on a laptop: maximised", laptop, []rect{laptop}, nil, placement{Maximize: true, Area: laptop}},
		{"first start on 1280×720: maximised", rect{0, 0, 1280, 680}, []rect{{0, 0, 1280, 680}}, nil,
			placement{Maximize: true, Area: rect{0, 0, 1280, 680}}},
		{"first start on a large screen: centred in the work area", big, []rect{big}, nil,
			placement{Area: rect{X: 360, Y: 30 + (1010-760)/2, W: 1200, H: 760}}},
		{"remembered place", big, []rect{big}, &savedGeometry{X: 100, Y: 80, Size: fyne.NewSize(1200, 760)},
			placement{Area: rect{100, 80, 1200, 760}}},
		{"remembered maximised", big, []rect{big}, &savedGeometry{X: 0, Y: 30, Maximized: true},
			placement{Maximize: true, Area: big}},
		{"remembered on a monitor that has gone: centred", big, []rect{big}, &savedGeometry{X: 2500, Y: 80},
			placement{Area: rect{X: 360, Y: 155, W: 1200, H: 760}}},
		{"remembered larger than the laptop now: shrunk into its work area", laptop, []rect{laptop},
			&savedGeometry{X: 50, Y: 40}, placement{Area: rect{50, 30, 1200, 698}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := planWindow(tc.work, tc.areas, frame, created, tc.saved)
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if !got.Maximize {
				a := got.Area
				if a.X-frame.Left < tc.work.X || a.Y-frame.Top < tc.work.Y || a.X+a.W > tc.work.X+tc.work.W || a.Y+a.H > tc.work.Y+tc.work.H {
					t.Errorf("window %+v with its frame leaves the work area %+v", a, tc.work)
				}
			}
		})
	}
}

func TestWindowGeometryRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	if g := loadGeometry(a.Preferences()); g != nil {
		t.Fatalf("a first start remembers %+v", g)
	}
	want := savedGeometry{X: 40, Y: 60, Size: fyne.NewSize(1100, 700), Maximized: true}
	storeGeometry(a.Preferences(), want)
	if got := loadGeometry(a.Preferences()); got == nil || *got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

// laptopCanvas is what a maximised window leaves for Pembina's content on a 1280×720 screen: the taskbar and
// the title bar take about 70 pixels.
var laptopCanvas = fyne.NewSize(1280, 650)

// dialogFits fails when the dialog on top needs more room than the window has.
func dialogFits(t *testing.T, u *UI, what string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s: no dialog", what)
	}
	if m, c := top.MinSize(), u.win.Canvas().Size(); m.Width > c.Width || m.Height > c.Height {
		t.Errorf("%s needs %v, the window has %v", what, m, c)
	}
	u.win.Canvas().Overlays().Remove(top)
}

func TestDialogsFitSmallScreen(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.win.Resize(laptopCanvas)
	u.showVerifyDialog()
	dialogFits(t, u, "Verifikasi Sertifikat")
	u.participantDialog("", func(*data.Participant) {})
	u.WaitIdle()
	dialogFits(t, u, "Peserta baru")
	sl := u.signatoriesTab()
	u.WaitIdle()
	sl.edit(nil)
	u.WaitIdle()
	dialogFits(t, u, "Penandatangan baru")
}

func TestAttendanceHeaderCompact(t *testing.T) {
	u, s := newTestUI(t, true)
	u.win.Resize(fyne.NewSize(1366, 690))
	st := openSchedule(t, u, s, data.StatusRunning, 1)
	hint := "Ketik H, T, I, S, D (Dinas Luar), C atau A untuk mengisi lalu lanjut ke baris berikutnya (T mencatat jam datang sekarang); ↑ ↓ atau Tab untuk pindah; Enter mengubah jam datang di baris, atau membuka catatan; Delete untuk mengosongkan. Setiap tanda langsung tersimpan."
	if hasLabel(u, hint) {
		t.Error("the keyboard hint takes rows above the list; it belongs behind the ? button")
	}
	var help *widget.Button
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon != nil && strings.Contains(b.Icon.Name(), "question") {
			help = b
		}
	}
	if help == nil {
		t.Fatal("no ? button on the Presensi tab")
	}
	test.Tap(help)
	if !hasLabel(u, hint) {
		t.Error("the ? button does not show the keyboard hint")
	}
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	// the list starts in the upper half, leaving the rest of the height to the participants
	list := st.entry.list
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(list)
	if pos.Y > 690*0.45 {
		t.Errorf("the attendance list starts at y=%v of 690", pos.Y)
	}
	// the name takes the spare width, not the note
	w := (&columnsLayout{cols: markColumns}).widths(1100)
	if w[1] <= 220 || w[4] != 170 {
		t.Errorf("column widths at 1100: name %v, note %v", w[1], w[4])
	}
}

// Arsipkan keeps a program out of the list; its icon must not say "download".
func TestArchiveIconAndDangerConfirm(t *testing.T) {
	u, s := newTestUI(t, true)
	rows, _ := s.Programs(context.Background(), store.ProgramFilter{Status: data.StatusRunning})
	u.Navigate("programs")
	u.openProgram(rows[0].ID)
	u.WaitIdle()
	b := findButton(t, u, "Arsipkan")
	if b.Icon == nil || b.Icon.Name() == theme.DownloadIcon().Name() {
		t.Errorf("Arsipkan shows %v", b.Icon)
	}
	showDangerConfirm("Hapus", "Hapus?", func(bool) {}, u.win)
	found := false
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Importance == widget.DangerImportance {
			found = true
		}
	}
	if !found {
		t.Error("a destructive confirmation has no button in the danger colour")
	}
}

// A raw operating-system error reaches the coordinator as an Indonesian sentence; its English stays behind
// "Detail".
func TestErrorDialogSentenceAndDetail(t *testing.T) {
	u, _ := newTestUI(t, false)
	_, err := os.Open(filepath.Join(t.TempDir(), "hilang.xlsx"))
	u.showError(fmt.Errorf("impor: %w", err))
	var texts []string
	var detail *widget.Accordion
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Visible() {
				texts = append(texts, x.Text)
			}
		case *widget.Accordion:
			detail = x
		}
	}
	shown := strings.Join(texts, " ")
	if strings.Contains(shown, "no such file") || !strings.Contains(shown, "hilang.xlsx") {
		t.Errorf("the dialog says %q", shown)
	}
	if detail == nil || detail.Items[0].Title != "Detail" || !strings.Contains(detail.Items[0].Detail.(*widget.Label).Text, "no such file") {
		t.Error("the technical text is not behind Detail")
	}
}
