package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// switchTab is Halaman > Tab berikutnya / sebelumnya (Ctrl+PageDown, Ctrl+PageUp; with Shift, the tabs inside
// the current tab): it shows the next or previous tab of the current view, so that an opened program's tabs
// (and Jadwal, Presensi, Rekap inside Jadwal & Presensi) are reachable without the mouse. Fyne's tab bars take
// no keyboard focus. The focus moves to the shown tab's main control when it names one (viewCommands.Focus),
// else it is dropped, as a click on a tab does, since it may lie in the tab now hidden.
func (u *UI) switchTab(step int, inner bool) bool {
	var bars []*container.AppTabs
	walkVisible(u.currentView(), func(o fyne.CanvasObject) bool {
		if t, ok := o.(*container.AppTabs); ok && len(t.Items) > 1 {
			bars = append(bars, t)
		}
		return len(bars) < 2
	})
	if len(bars) == 0 {
		return false
	}
	t := bars[0]
	if inner && len(bars) > 1 {
		t = bars[1]
	}
	n := len(t.Items)
	t.SelectIndex(((t.SelectedIndex()+step)%n + n) % n)
	u.win.Canvas().Unfocus()
	if c, ok := t.Selected().Content.(commander); ok && c.commands().Focus != nil {
		c.commands().Focus()
	}
	return true
}
