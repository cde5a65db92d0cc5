package report

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pembina/pembina/data"
)

// saveFile is how every document of this package reaches the disk: write goes to a hidden temporary file
// beside the destination (".NAME-123456"), which is renamed over the destination only when it is complete, so
// that a failure or a cancel never leaves half a document where an older, complete one was.
//
// A destination that is a symbolic link is written through to the file it points at: the link stays a link
// (renaming over the link would replace it with a file). A destination that exists but is not a regular file,
// such as a folder, a device like /dev/null or a named pipe, is refused before anything is written: renaming
// over it would replace the device node. The temporary file is removed on every failure, a panic included, and
// RemovePendingFiles lets the command line remove it when the process is interrupted.
func saveFile(path string, write func(io.Writer) error) error {
	target, mode, err := saveTarget(path)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+"-*")
	if err != nil {
		return folderError(path, target, err)
	}
	tmp := f.Name()
	pending.add(tmp)
	defer func() {
		f.Close()
		os.Remove(tmp) // after the rename there is nothing left to remove
		pending.remove(tmp)
	}()
	f.Chmod(mode) // CreateTemp makes the file readable by its owner only; a document is an ordinary file
	if err := write(f); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return data.Wrap(data.KindInternal, err, "Berkas %s tidak dapat ditulis: %s", path, data.SentenceOf(err))
	}
	if err := os.Rename(tmp, target); err != nil {
		return data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat ditulis (%s); tutup berkas itu bila sedang dibuka, atau pilih nama lain", path, data.SentenceOf(err))
	}
	return nil
}

// CheckDestination tells, before any work is done, whether a document can be saved at path: its folder
// exists and takes files, and path is not a folder, a device or a pipe. Work that cannot be undone (issuing
// certificate numbers) calls it first.
func CheckDestination(path string) error {
	target, _, err := saveTarget(path)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+"-*")
	if err != nil {
		return folderError(path, target, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// folderError says why no file could be made in the folder of target, the file a save to path replaces
// (path itself, or where its symbolic link leads).
func folderError(path, target string, err error) error {
	dir := filepath.Dir(target)
	_, statErr := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) && errors.Is(statErr, fs.ErrNotExist) && target != path:
		return data.Wrap(data.KindInvalid, err, "%s adalah tautan (symlink) ke %s, tetapi folder %s tidak ada; perbaiki tautannya atau pilih nama berkas lain", path, target, dir)
	case errors.Is(err, fs.ErrNotExist) && errors.Is(statErr, fs.ErrNotExist):
		return data.Wrap(data.KindInvalid, err, "Folder %s tidak ada; buat foldernya dulu atau pilih folder lain", dir)
	case errors.Is(err, fs.ErrPermission):
		return data.Wrap(data.KindInvalid, err, "Tidak ada izin menulis di folder %s; pilih folder lain", dir)
	}
	cause := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err // the path is the hidden temporary file's, which means nothing to the user
	}
	return data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat dibuat di folder %s (%s); pilih folder lain", filepath.Base(target), dir,
		strings.ToLower(data.ErrorMessage(cause)))
}

// saveTarget resolves the file a save to path replaces: path itself, or the file its symbolic links lead to
// (which may not exist yet), with the permissions the new file gets (the old file's, else 0644). It refuses a
// destination that is not a regular file.
func saveTarget(path string) (target string, mode fs.FileMode, err error) {
	target, mode = path, 0o644
	for range 40 { // as many links as the operating system follows
		fi, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, mode, nil
		case err != nil:
			return "", 0, data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat ditulis: %s", path, data.SentenceOf(err))
		case fi.Mode()&fs.ModeSymlink != 0:
			link, err := os.Readlink(target)
			if err != nil {
				return "", 0, data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat ditulis: %s", path, data.SentenceOf(err))
			}
			if !filepath.IsAbs(link) {
				link = filepath.Join(filepath.Dir(target), link)
			}
			target = link
		case fi.IsDir():
			return "", 0, data.Errorf(data.KindInvalid, "%s adalah folder, bukan berkas; tulis nama berkasnya, misalnya %s", path,
				filepath.Join(path, "dokumen"+filepath.Ext(path)))
		case !fi.Mode().IsRegular():
			return "", 0, data.Errorf(data.KindInvalid, "%s bukan berkas biasa (perangkat, pipa atau soket); Pembina tidak menimpanya. Pilih nama berkas lain", path)
		default:
			return target, fi.Mode().Perm(), nil
		}
	}
	return "", 0, data.Errorf(data.KindInvalid, "%s adalah tautan (symlink) yang berputar-putar; pilih nama berkas lain", path)
}

// pending are the temporary files of saves in progress.
var pending = pendingFiles{files: map[string]bool{}}

type pendingFiles struct {
	mu    sync.Mutex
	files map[string]bool
}

func (p *pendingFiles) add(name string) {
	p.mu.Lock()
	p.files[name] = true
	p.mu.Unlock()
}

func (p *pendingFiles) remove(name string) {
	p.mu.Lock()
	delete(p.files, name)
	p.mu.Unlock()
}

// RemovePendingFiles deletes the temporary files of the saves still in progress: the command line calls it
// when it is interrupted (Ctrl+C) and exits before those saves can clean up after themselves.
func RemovePendingFiles() {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	for name := range pending.files {
		os.Remove(name)
		delete(pending.files, name)
	}
}
