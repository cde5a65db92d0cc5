package app

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// The file dialogs every page uses. They are variables so that tests can answer them without a window.

// chooseFile asks for a file to open with one of the extensions (".xlsx"); done gets its path. Tests replace it.
var chooseFile = func(u *UI, exts []string, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// chooseSaveFile asks where to save a file named name; done gets the open file. Tests replace it.
var chooseSaveFile = func(u *UI, name string, done func(w io.WriteCloser, path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		done(w, w.URI().Path())
	}, u.win)
	d.SetFileName(name)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// chooseSavePath asks where to write a document, suggesting a name; tests replace it.
var chooseSavePath = func(u *UI, suggested string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		done(path)
	}, u.win)
	d.SetFileName(suggested)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// chooseFolder asks for a folder; done gets its path. Tests replace it.
var chooseFolder = func(u *UI, done func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l != nil {
			done(l.Path())
		}
	}, u.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
