package app

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// formRow is one labelled input of an editing form with a line under it for its problem (red) or a note
// (amber, grey), hidden while empty.
type formRow struct {
	label string // Indonesian source string; also the field name data.FieldErrors use
	input fyne.CanvasObject
	hint  *widget.Label
}

func newFormRow(label string, input fyne.CanvasObject) *formRow {
	hint := widget.NewLabel("")
	hint.Wrapping = fyne.TextWrapWord
	hint.Hide()
	return &formRow{label: label, input: input, hint: hint}
}

// show sets the hint line; an empty text hides it.
func (r *formRow) show(text string, importance widget.Importance) { setNote(r.hint, text, importance) }

// setNote shows text in l with the importance's colour, or hides l for an empty text.
func setNote(l *widget.Label, text string, importance widget.Importance) {
	if text == "" {
		l.Hide()
		return
	}
	l.Importance = importance
	l.SetText(text)
	l.Show()
}

// fieldMaker makes the inputs of an editing form: each gets its formRow, reports edits to changed and saves
// on Enter through submit.
type fieldMaker struct {
	rows    map[string]*formRow
	changed func(label string)
	submit  func()
}

func (m fieldMaker) entry(label, text, placeholder string) *keyEntry {
	w := newKeyEntry()
	w.SetText(text)
	w.SetPlaceHolder(placeholder)
	w.OnChanged = func(string) { m.changed(label) }
	w.OnSubmitted = func(string) { m.submit() }
	m.rows[label] = newFormRow(label, w)
	return w
}

func (m fieldMaker) choice(label string, options []string, selected string) *widget.Select {
	w := widget.NewSelect(options, nil)
	w.PlaceHolder = L("(pilih)")
	w.SetSelected(selected)
	w.OnChanged = func(string) { m.changed(label) }
	m.rows[label] = newFormRow(label, w)
	return w
}

// doThen runs work off the UI goroutine, then done on it; a failure is shown instead.
func (u *UI) doThen(work func() error, done func()) {
	u.goBackground(func() {
		err := work()
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			done()
		})
	})
}

// formGrid lays rows out as label | input with the hint under the input.
func formGrid(rows ...*formRow) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, r := range rows {
		label := widget.NewLabelWithStyle(L(r.label), fyne.TextAlignTrailing, fyne.TextStyle{})
		objs = append(objs, label, container.NewVBox(r.input, r.hint))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// fieldProblems splits a validation error into messages by field label; messages that name no field go under "".
func fieldProblems(err error) map[string][]string {
	out := map[string][]string{}
	if err == nil {
		return out
	}
	var fe data.FieldErrors
	if errors.As(err, &fe) {
		for _, f := range fe {
			out[f.Field] = append(out[f.Field], fieldText(f))
		}
		return out
	}
	out[""] = append(out[""], errorText(err))
	return out
}

// intOf reads a whole number typed in an entry; an empty entry is 0.
func intOf(s string) (int, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ".", ""))
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// floatOf reads a number typed with a decimal comma or point; an empty entry is 0.
func floatOf(s string) (float64, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if s == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// numberText writes a stored number for an entry: no decimals when it has none, a decimal comma otherwise.
func numberText(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	return strings.ReplaceAll(s, ".", ",")
}

// heading is a page's title in the heading size.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = "headingText"
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// subheading titles a part of a page.
func subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = "subHeadingText"
	l.Wrapping = fyne.TextWrapWord
	return l
}

// dropPage forgets the built view of the page with key, so that its next showing reads the database again
// (after a program or participant changed elsewhere).
func (u *UI) dropPage(key string) {
	for _, p := range u.pages {
		if p.key == key {
			p.view = nil
		}
	}
}

// gateSave names, beside the save button, what still blocks saving (the fields with problems, then the rules
// of the data layer no field shows) and enables the button only when nothing does.
func gateSave(summary *widget.Label, save *widget.Button, missing []string, problems map[string][]string, shown map[string]bool) {
	for label, msgs := range problems {
		if !shown[label] {
			missing = append(missing, strings.TrimPrefix(label+": ", ": ")+strings.Join(msgs, "; "))
		}
	}
	if len(missing) > 0 {
		summary.SetText(L("Belum dapat disimpan; periksa:") + " " + strings.Join(missing, ", "))
		save.Disable()
	} else {
		summary.SetText("")
		save.Enable()
	}
}
