package app

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// dateField is a date typed as dd/mm/yyyy (widget.DateEntry follows the system's region, MM/DD/YYYY on an
// English Windows: docs/FYNE-NOTES.md) with a button that opens an Indonesian calendar.
type dateField struct {
	*keyEntry
	button *widget.Button
	box    *fyne.Container
	u      *UI
}

// newDateField makes an empty date field; onChanged runs after every edit, typed or picked.
func newDateField(u *UI, onChanged func()) *dateField {
	d := &dateField{keyEntry: newKeyEntry(), u: u}
	d.SetPlaceHolder(L("HH/BB/TTTT"))
	d.Validator = func(s string) error {
		if _, err := d.Date(); err != nil {
			return fmt.Errorf("%s", L("tulis sebagai HH/BB/TTTT, misalnya 24/11/2026"))
		}
		return nil
	}
	d.Entry.OnChanged = func(string) {
		if onChanged != nil {
			onChanged()
		}
	}
	d.button = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.showCalendar)
	d.box = container.NewBorder(nil, nil, nil, d.button, d.keyEntry)
	return d
}

// Date returns the typed date; empty gives the zero time and no error.
func (d *dateField) Date() (time.Time, error) {
	if d.Text == "" {
		return time.Time{}, nil
	}
	return data.ParseDate(d.Text)
}

// SetDate shows t (nothing for the zero time).
func (d *dateField) SetDate(t time.Time) {
	if t.IsZero() {
		d.SetText("")
		return
	}
	d.SetText(t.Format("02/01/2006"))
}

func (d *dateField) showCalendar() {
	start, err := d.Date()
	if err != nil || start.IsZero() {
		start = d.u.now.today()
	}
	var pop *widget.PopUp
	cal := newCalendar(start, func(t time.Time) {
		d.SetDate(t)
		pop.Hide()
	})
	pop = widget.NewPopUp(cal, d.u.win.Canvas())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.box)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, d.box.Size().Height)))
}

// calendar is a month of days to pick from, with Indonesian month and day names (Fyne's Calendar writes the
// month in English whatever the language).
type calendar struct {
	month    time.Time // the first of the month shown
	selected time.Time
	pick     func(time.Time)
	title    *widget.Label
	days     *fyne.Container
	box      *fyne.Container
}

func newCalendar(selected time.Time, pick func(time.Time)) fyne.CanvasObject {
	c := &calendar{selected: data.Day(selected), pick: pick}
	c.month = time.Date(selected.Year(), selected.Month(), 1, 0, 0, 0, 0, time.UTC)
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.month = c.month.AddDate(0, -1, 0); c.refresh() })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.month = c.month.AddDate(0, 1, 0); c.refresh() })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	c.days = container.NewGridWithColumns(7)
	c.box = container.NewBorder(container.NewBorder(nil, nil, prev, next, c.title), nil, nil, nil, c.days)
	c.refresh()
	return c.box
}

func (c *calendar) refresh() {
	c.title.SetText(fmt.Sprintf("%s %d", uiMonth(c.month.Month()), c.month.Year()))
	var cells []fyne.CanvasObject
	for i := 1; i <= 7; i++ { // Monday first, as Indonesian calendars are printed
		l := widget.NewLabelWithStyle(indo.Days[i%7][:3], fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		cells = append(cells, l)
	}
	offset := (int(c.month.Weekday()) + 6) % 7
	for i := 0; i < offset; i++ {
		cells = append(cells, layout.NewSpacer())
	}
	for day := c.month; day.Month() == c.month.Month(); day = day.AddDate(0, 0, 1) {
		b := widget.NewButton(strconv.Itoa(day.Day()), func() { c.pick(day) })
		if day.Equal(c.selected) {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		cells = append(cells, b)
	}
	c.days.Objects = cells
	c.days.Refresh()
}
