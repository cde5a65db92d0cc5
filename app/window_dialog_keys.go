package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// handleDialogKeys gives every dialog of w the keys people expect: Escape presses its dismissing button
// (Batal, Tidak, Tutup), Enter its default one (the highlighted button, or the only one). Fyne's dialogs
// have no keys of their own, and a key reaches the window only when no widget has the focus, which is the
// case in a dialog until something in it is clicked or tabbed to; text fields in dialogs pass Escape on when
// they are keyEntry. Keys that are not for a dialog go to other (which may be nil).
func handleDialogKeys(w fyne.Window, other func(*fyne.KeyEvent)) {
	c := w.Canvas()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if dialogKey(c, e.Name) {
			return
		}
		if other != nil {
			other(e)
		}
	})
}

// dialogKey handles Escape or Enter for the dialog on top of c and reports whether it did.
func dialogKey(c fyne.Canvas, key fyne.KeyName) bool {
	if c == nil || key != fyne.KeyEscape && key != fyne.KeyReturn && key != fyne.KeyEnter {
		return false
	}
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	dismiss, confirm, ok := dialogButtons(top)
	if !ok {
		// A pop-up that is not a dialog (a calendar, a menu): Escape closes it.
		if p, isPopUp := top.(*widget.PopUp); isPopUp && key == fyne.KeyEscape {
			p.Hide()
			return true
		}
		return false
	}
	b := confirm
	if key == fyne.KeyEscape {
		b = dismiss
	}
	if b == nil || b.Disabled() || b.OnTapped == nil {
		return true // a dialog without that button (a progress) keeps the key
	}
	b.OnTapped()
	return true
}

// dialogButtons finds the buttons of a Fyne dialog (the modal pop-up dialog.New… makes: a container of
// icon, background, content, button row and title): the dismissing one (the first of medium or low
// importance) and the default one (the highlighted one; the only one when there is one).
func dialogButtons(o fyne.CanvasObject) (dismiss, confirm *widget.Button, ok bool) {
	p, isPopUp := o.(*widget.PopUp)
	if !isPopUp {
		return nil, nil, false
	}
	box, isBox := p.Content.(*fyne.Container)
	if !isBox || len(box.Objects) != 5 {
		return nil, nil, false
	}
	if _, titled := box.Objects[4].(*widget.Label); !titled {
		return nil, nil, false
	}
	var buttons []*widget.Button
	var collect func(o fyne.CanvasObject)
	collect = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Visible() {
				buttons = append(buttons, x)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				collect(c)
			}
		}
	}
	collect(box.Objects[3])
	for _, b := range buttons {
		switch b.Importance {
		case widget.MediumImportance, widget.LowImportance:
			if dismiss == nil {
				dismiss = b
			}
		default:
			if confirm == nil {
				confirm = b
			}
		}
	}
	if confirm == nil && len(buttons) == 1 {
		confirm = buttons[0]
	}
	return dismiss, confirm, true
}

// keyEntry is a text field for dialogs that passes Escape on: to onEscape when set, else to the dialog
// it sits in (its dismissing button), since a focused field otherwise swallows the key.
type keyEntry struct {
	widget.Entry
	onEscape    func()
	onFocusLost func() // e.g. an inline editor that stores what was typed when the focus moves on
}

// AcceptsTab is false even for a multi-line field: Tab moves on to the next field or button, as a keyboard
// user of a dialog or of the kiosk expects, instead of typing a tab character.
func (e *keyEntry) AcceptsTab() bool { return false }

// FocusLost tells onFocusLost after the entry's own handling.
func (e *keyEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// newKeyEntry is widget.NewEntry for a keyEntry. Every text field of the app is one (a test fails on a plain
// widget.NewEntry), since any of them may sit in a dialog or the kiosk.
func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry: the field scrolls, it does not widen
	e.ExtendBaseWidget(e)
	return e
}

// newKeyMultiLineEntry is widget.NewMultiLineEntry for a keyEntry.
func newKeyMultiLineEntry() *keyEntry {
	e := newKeyEntry()
	e.MultiLine = true
	return e
}

// newKeyPasswordEntry is widget.NewPasswordEntry for a keyEntry; the entry adds its show-password button
// itself when it first draws a password field that has none.
func newKeyPasswordEntry() *keyEntry {
	e := newKeyEntry()
	e.Password = true
	return e
}

// TypedKey handles Escape, and Enter in a one-line field that has no OnSubmitted of its own (it presses the
// dialog's default button); every other key goes to the entry.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
			return
		}
		dialogKey(fyne.CurrentApp().Driver().CanvasForObject(e), fyne.KeyEscape)
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && !e.MultiLine && e.OnSubmitted == nil:
		if !dialogKey(fyne.CurrentApp().Driver().CanvasForObject(e), ev.Name) {
			e.Entry.TypedKey(ev)
		}
	default:
		e.Entry.TypedKey(ev)
	}
}
