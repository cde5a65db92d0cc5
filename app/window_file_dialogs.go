package app

import (
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileDialogs are the dialogs every page uses to pick a file or a folder. They are a field of the UI rather
// than package variables so that a test answers them for its own window only, and tests can run in parallel.
type fileDialogs struct {
	// openIn asks for a file to open with one of the extensions (".xlsx"), under a title and starting in a
	// folder (the backup folder, the database's folder) when they are not empty; done gets its path.
	openIn func(title string, exts []string, dir string, done func(path string))
	// folder asks for a folder. Pembina's own files (a new database, a backup, a moved database) are named in
	// a form under a folder chosen here, never through the save dialog: that dialog empties an existing file
	// the moment it is picked, before Pembina could refuse it.
	folder func(title, dir string, done func(path string))
	// saveFile asks where to save a file named name; done gets the open file.
	saveFile func(name string, done func(w io.WriteCloser, path string))
	// savePath asks where to write a document, suggesting a name.
	savePath func(suggested string, done func(path string))
}

// open is openIn without a title or a folder to start in.
func (d fileDialogs) open(exts []string, done func(path string)) { d.openIn("", exts, "", done) }

// windowDialogs are Fyne's file dialogs over u's window; errors are shown with u.showError. The save dialog
// no longer empties the file it was given (deferFileTruncation).
func windowDialogs(u *UI) fileDialogs {
	deferFileTruncation()
	saveFile := func(name string, done func(w io.WriteCloser, path string)) {
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
	return fileDialogs{
		openIn: func(title string, exts []string, dir string, done func(path string)) {
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
		},
		folder: func(title, dir string, done func(path string)) {
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
		},
		saveFile: saveFile,
		savePath: func(suggested string, done func(path string)) {
			saveFile(suggested, func(w io.WriteCloser, path string) {
				w.Close()
				done(path)
			})
		},
	}
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
