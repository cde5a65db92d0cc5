package app

import (
	"fyne.io/fyne/v2"
)

// rect is a rectangle of the screen in pixels: a monitor's work area (the screen less the taskbar) or a
// window's client area.
type rect struct{ X, Y, W, H int }

func (r rect) empty() bool { return r.W <= 0 || r.H <= 0 }

// reaches reports whether at least a grabbable part of o (its top 40 pixels, 100 wide) lies inside r, so a
// window remembered on a monitor that has since gone is not put where nobody can reach it.
func (r rect) reaches(o rect) bool {
	return o.X+100 > r.X && o.X < r.X+r.W-100 && o.Y >= r.Y-10 && o.Y+40 < r.Y+r.H
}

// frameInsets are the window manager's decorations around the client area (title bar, borders), in pixels.
type frameInsets struct{ Left, Top, Right, Bottom int }

// smallScreen is the largest work area on which the window opens maximised the first time: an office laptop's
// 1366×768 (about 1366×728 once the taskbar is taken) leaves no room for a window with a border around it.
const smallScreenW, smallScreenH = 1366, 768

// savedGeometry is where the window was when it last closed: the client area's position in pixels, its size in
// Fyne units (the scale may differ next time) and whether it was maximised.
type savedGeometry struct {
	X, Y      int
	Size      fyne.Size
	Maximized bool
}

// placement is where the window goes once it is on the screen.
type placement struct {
	Maximize bool
	Area     rect // the client area in pixels; with Maximize, the work area (for a desktop without a window manager)
}

// planWindow decides where the window goes once shown: back where it was when it closed, when that still lies
// on one of the work areas; otherwise maximised on a small screen, or at its current size (shrunk to the work
// area when larger) centred in the work area. size is the client area as created, in pixels; saved is nil on
// the first start.
func planWindow(work rect, areas []rect, frame frameInsets, size rect, saved *savedGeometry) placement {
	if saved != nil {
		at := rect{saved.X, saved.Y, size.W, size.H}
		for _, a := range areas {
			if !a.reaches(at) {
				continue
			}
			if saved.Maximized {
				return placement{Maximize: true, Area: a}
			}
			return placement{Area: fitArea(a, frame, at)}
		}
		if saved.Maximized {
			return placement{Maximize: true, Area: work}
		}
	}
	if saved == nil && work.W <= smallScreenW && work.H <= smallScreenH {
		return placement{Maximize: true, Area: work}
	}
	w, h := size.W, size.H
	availW, availH := work.W-frame.Left-frame.Right, work.H-frame.Top-frame.Bottom
	w, h = min(w, availW), min(h, availH)
	return placement{Area: rect{
		X: work.X + frame.Left + (availW-w)/2,
		Y: work.Y + frame.Top + (availH-h)/2,
		W: w, H: h,
	}}
}

// fitArea shrinks and moves a remembered client area so that it and its frame lie inside the work area.
func fitArea(work rect, frame frameInsets, at rect) rect {
	availW, availH := work.W-frame.Left-frame.Right, work.H-frame.Top-frame.Bottom
	at.W, at.H = min(at.W, availW), min(at.H, availH)
	at.X = max(work.X+frame.Left, min(at.X, work.X+work.W-frame.Right-at.W))
	at.Y = max(work.Y+frame.Top, min(at.Y, work.Y+work.H-frame.Bottom-at.H))
	return at
}

// Preference keys of the window's geometry.
const (
	prefWindowX         = "window.x"
	prefWindowY         = "window.y"
	prefWindowWidth     = "window.width"
	prefWindowHeight    = "window.height"
	prefWindowMaximized = "window.maximized"
)

// loadGeometry reads the geometry the window had when it last closed; nil when it never closed.
func loadGeometry(p fyne.Preferences) *savedGeometry {
	w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight)
	if w <= 0 || h <= 0 {
		return nil
	}
	return &savedGeometry{
		X: p.Int(prefWindowX), Y: p.Int(prefWindowY),
		Size:      fyne.NewSize(float32(w), float32(h)),
		Maximized: p.Bool(prefWindowMaximized),
	}
}

// storeGeometry remembers the window's geometry for the next start.
func storeGeometry(p fyne.Preferences, g savedGeometry) {
	p.SetInt(prefWindowX, g.X)
	p.SetInt(prefWindowY, g.Y)
	p.SetFloat(prefWindowWidth, float64(g.Size.Width))
	p.SetFloat(prefWindowHeight, float64(g.Size.Height))
	p.SetBool(prefWindowMaximized, g.Maximized)
}
