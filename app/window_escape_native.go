//go:build !ci

package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// hookEscape gives the main window's Escape to the dialog on top before Fyne hands the key to the focused
// widget. Fyne has no window-level hook for a key without a modifier, so Escape with the focus on a dialog's
// button, choice or list would do nothing (a keyEntry passes it on itself). GLFW has one: the window's key
// callback, which Fyne set when it made the window and which SetKeyCallback returns. The hook presses the
// dismissing button of the dialog on top (or closes the pop-up) on a press of Escape and passes every other
// key, and Escape when no dialog is open, on to Fyne. Runs on the main goroutine once the window is shown.
func (u *UI) hookEscape() {
	gw := glfwWindow(u.win)
	if gw == nil {
		return
	}
	c := u.win.Canvas()
	modifiers := glfw.ModShift | glfw.ModControl | glfw.ModAlt | glfw.ModSuper
	var fyneKeys glfw.KeyCallback
	fyneKeys = gw.SetKeyCallback(func(w *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		if key == glfw.KeyEscape && action == glfw.Press && mods&modifiers == 0 && dialogKey(c, fyne.KeyEscape) {
			return
		}
		if fyneKeys != nil {
			fyneKeys(w, key, scancode, action, mods)
		}
	})
}
