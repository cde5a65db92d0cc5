package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// fileRepository is everything Fyne's own repository of file:// locations does (the file dialogs list, read
// and write through it).
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// lazyWriteRepository is Fyne's file repository, except that a writer opens its file only when the first byte
// is written. Fyne's save dialog opens the chosen file for writing (emptying it) before it hands it over;
// Pembina's documents only take the path from it and save through a temporary file (report's saveFile), so
// with Fyne's own writer a document picked to be replaced was emptied even when the save then failed or was
// cancelled, and a named pipe picked there hung the window on opening it.
type lazyWriteRepository struct{ fileRepository }

// Writer returns a writer that opens u on its first write.
func (r lazyWriteRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{repo: r.fileRepository, uri: u}, nil
}

type lazyWriter struct {
	repo fileRepository
	uri  fyne.URI
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.repo.Writer(l.uri)
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

// Close closes the file if a write opened it; a writer never written to leaves the file as it was.
func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}

var lazyWritesOnce sync.Once

// deferFileTruncation puts lazyWriteRepository in place of the file repository the driver registered, once.
func deferFileTruncation() {
	lazyWritesOnce.Do(func() {
		r, err := repository.ForScheme("file")
		if full, ok := r.(fileRepository); err == nil && ok {
			repository.Register("file", lazyWriteRepository{full})
		}
	})
}
