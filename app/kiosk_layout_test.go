package app

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/pembina/pembina/data"
)

// insideWindow fails unless o lies wholly inside w's canvas (and is shown).
func insideWindow(t *testing.T, w fyne.Window, o fyne.CanvasObject, what string) {
	t.Helper()
	if !o.Visible() {
		t.Fatalf("%s is hidden", what)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size, win := o.Size(), w.Canvas().Size()
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > win.Width+0.5 || pos.Y+size.Height > win.Height+0.5 || size.Height < 20 {
		t.Fatalf("%s at %v size %v is not inside the %v window", what, pos, size, win)
	}
}

// The kiosk is laid out at real laptop and desktop sizes with the real theme under the kiosk's: the send
// button and the required-answer message sit in a footer that is always on screen, and the form scrolls
// down to its last question.
func TestKioskSendButtonInsideTheWindow(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1920, Height: 1080}, {Width: 1280, Height: 720}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			u, s := newTestUI(t, true)
			u.app.Settings().SetTheme(theme.DefaultTheme())
			tab := evaluationOf(t, u, s, "KPP-I/2026")
			org := attachment(t, tab, data.FormOrganisation)
			k := u.openKiosk(tab, org)
			k.win.Resize(size)
			u.WaitIdle()
			rate, _ := s.ResponseRate(context.Background(), org.ID)
			first := rate.Missing()[0]
			k.begin(&first)
			u.WaitIdle()
			send := buttonIn(t, k.win, "Kirim jawaban")
			insideWindow(t, k.win, send, "Kirim jawaban before scrolling")
			// The scroll can move down to the end of the last question: it stops at the content's minimum
			// height, which must reach that far (the mouse wheel moves within it).
			last := k.cards[k.form.Visible()[len(k.form.Visible())-1].ID]
			end := fyne.CurrentApp().Driver().AbsolutePositionForObject(last.box).Y - fyne.CurrentApp().Driver().AbsolutePositionForObject(k.scroll.Content).Y + last.box.Size().Height
			if min := k.scroll.Content.MinSize().Height; min < end {
				t.Errorf("the scroll stops at %.0f, inside the last question, which ends at %.0f", min, end)
			}
			k.scroll.ScrollToBottom()
			insideWindow(t, k.win, send, "Kirim jawaban at the end of the form")
			// The scroll reaches the last question's whole box.
			last = k.cards[k.form.Visible()[len(k.form.Visible())-1].ID]
			lastPos := fyne.CurrentApp().Driver().AbsolutePositionForObject(last.box)
			scrollPos := fyne.CurrentApp().Driver().AbsolutePositionForObject(k.scroll)
			if bottom, view := lastPos.Y+last.box.Size().Height, scrollPos.Y+k.scroll.Size().Height; bottom > view+0.5 {
				t.Errorf("scrolled to the end, the last question ends at %.0f, below the scroll area's %.0f", bottom, view)
			}

			test.Tap(send)
			u.WaitIdle()
			if !k.message.Visible() {
				t.Fatal("no required-answer message")
			}
			insideWindow(t, k.win, k.message, "the required-answer message")
			insideWindow(t, k.win, send, "Kirim jawaban after the required-answer message")
			k.scroll.ScrollToBottom()
			insideWindow(t, k.win, send, "Kirim jawaban after the message, scrolled to the end")
			if dir := os.Getenv("PEMBINA_KIOSK_CAPTURE"); dir != "" {
				writePNG(t, filepath.Join(dir, fmt.Sprintf("kiosk-%.0f.png", size.Width)), k.win.Canvas().Capture())
			}
		})
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// noShrink keeps the minimum height it was laid out at, so a scroll reaches the end of content whose
// minimum shrank after it was laid out.
func TestNoShrinkKeepsTheLaidOutHeight(t *testing.T) {
	box := canvasBox(100, 300)
	c := container.New(&noShrink{}, box)
	c.Resize(fyne.NewSize(100, 500))
	box.SetMinSize(fyne.NewSize(100, 200))
	if got := c.MinSize().Height; got != 500 {
		t.Errorf("after the content shrank, the minimum height is %.0f, want the laid-out 500", got)
	}
	box.SetMinSize(fyne.NewSize(100, 800))
	if got := c.MinSize().Height; got != 800 {
		t.Errorf("after the content grew, the minimum height is %.0f, want 800", got)
	}
}

func canvasBox(w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}
