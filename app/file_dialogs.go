package app

import (
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// The file dialogs every page uses. They are variables so that tests can answer them without a window.

// chooseFile asks for a file to open with one of the extensions (".xlsx"); done gets its path. Tests replace it.
var chooseFile = func(u *UI, exts []string, done func(path string)) { chooseFileIn(u, "", exts, "", done) }

// chooseFileIn is chooseFile with a title and a folder to start in (the backup folder, the database's
// folder); tests replace it.
var chooseFileIn = func(u *UI, title string, exts []string, dir string, done func(path string)) {
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
	if title != "" {
		d.SetTitleText(title)
	}
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	startIn(d, dir)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// chooseFolder asks for a folder; tests replace it. Pembina's own files (a new database, a backup, a moved
// database) are named in a form under a folder chosen here, never through the save dialog: that dialog
// empties an existing file the moment it is picked, before Pembina could refuse it.
var chooseFolder = func(u *UI, title, dir string, done func(path string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l != nil {
			done(l.Path())
		}
	}, u.win)
	d.SetTitleText(title)
	startIn(d, dir)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startIn opens a file dialog in dir, or in the nearest folder above it that exists.
func startIn(d *dialog.FileDialog, dir string) {
	for dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
			return
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return
		}
		dir = parent
	}
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
