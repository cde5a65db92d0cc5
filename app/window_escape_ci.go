//go:build ci

package app

// hookEscape does nothing under the test driver, which has no GLFW window; tests press Escape through the
// focused widget or the canvas, as keyEntry and handleDialogKeys receive it.
func (u *UI) hookEscape() {}
