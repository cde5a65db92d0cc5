//go:build !ci

package app

import (
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// glfwWindow returns the GLFW window behind a Fyne window, or nil. Fyne 2.7 offers neither the work area nor
// the window's position or maximising, which GLFW has; its window keeps the GLFW window in the unexported
// field "viewport". When a later Fyne renames it, the window simply keeps Fyne's default placement.
func glfwWindow(w fyne.Window) *glfw.Window {
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("viewport")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*glfw.Window)(nil)) || !f.CanAddr() {
		return nil
	}
	return *(**glfw.Window)(unsafe.Pointer(f.UnsafeAddr()))
}

// workAreas returns the work area of each monitor (the primary one first), in pixels. GLFW must be
// initialised and this must run on the main goroutine.
func workAreas() []rect {
	var areas []rect
	if m := glfw.GetPrimaryMonitor(); m != nil {
		x, y, w, h := m.GetWorkarea()
		areas = append(areas, rect{x, y, w, h})
	}
	for _, m := range glfw.GetMonitors() {
		x, y, w, h := m.GetWorkarea()
		if r := (rect{x, y, w, h}); len(areas) == 0 || r != areas[0] {
			areas = append(areas, r)
		}
	}
	return areas
}

// placeWindow puts the shown main window where planWindow says: it runs once the window is on the screen
// (the Fyne app's OnStarted), on the main goroutine.
func (u *UI) placeWindow(saved *savedGeometry) {
	gw := glfwWindow(u.win)
	areas := workAreas()
	if gw == nil || len(areas) == 0 || areas[0].empty() {
		return
	}
	work := areas[0]
	if x, y := gw.GetPos(); saved == nil {
		// the monitor the window opened on
		for _, a := range areas {
			if x >= a.X && x < a.X+a.W && y >= a.Y && y < a.Y+a.H {
				work = a
				break
			}
		}
	}
	l, t, r, b := gw.GetFrameSize()
	w, h := gw.GetSize()
	p := planWindow(work, areas, frameInsets{l, t, r, b}, rect{W: w, H: h}, saved)
	if p.Maximize {
		// without a window manager (a bare X server) maximising does nothing: fill the work area ourselves
		gw.SetPos(p.Area.X, p.Area.Y)
		gw.SetSize(p.Area.W, p.Area.H)
		gw.Maximize()
		return
	}
	gw.SetPos(p.Area.X, p.Area.Y)
	if p.Area.W != w || p.Area.H != h {
		gw.SetSize(p.Area.W, p.Area.H)
	}
}

// currentGeometry reads the main window's geometry, to remember it; false when it cannot be read.
func (u *UI) currentGeometry() (savedGeometry, bool) {
	gw := glfwWindow(u.win)
	if gw == nil {
		return savedGeometry{}, false
	}
	x, y := gw.GetPos()
	return savedGeometry{X: x, Y: y, Size: u.win.Canvas().Size(), Maximized: gw.GetAttrib(glfw.Maximized) == glfw.True}, true
}
