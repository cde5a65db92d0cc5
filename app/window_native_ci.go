//go:build ci

package app

// placeWindow does nothing under the test driver, which has no screen.
func (u *UI) placeWindow(*savedGeometry) {}

// currentGeometry reads nothing under the test driver.
func (u *UI) currentGeometry() (savedGeometry, bool) { return savedGeometry{}, false }
