package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pembina/pembina/data"
)

// The window remembers the database it used last in a small file beside the default database, so that a
// coordinator who opened or moved a database finds it again at the next start. --db and PEMBINA_DB still
// come first.
const lastDatabaseFile = "basis-data-terakhir.txt"

// dataFolder is Pembina's folder in the user's application data (%AppData%\Pembina on Windows,
// ~/.config/Pembina on Linux), created when missing.
func dataFolder() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil { // Go's reason names environment variables in English: it goes to the log only
		return "", data.Wrap(data.KindInvalid, err, "Folder data pengguna tidak ditemukan (variabel lingkungan HOME, XDG_CONFIG_HOME atau APPDATA tidak diatur); pilih berkas basis data dengan --db BERKAS")
	}
	dir = filepath.Join(dir, "Pembina")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", data.Wrap(data.KindInvalid, err, "Folder %s tidak dapat dibuat (%s); pilih berkas basis data dengan --db BERKAS", dir, strings.TrimSuffix(data.ErrorMessage(err), "; periksa nama dan foldernya"))
	}
	return dir, nil
}

// DefaultDatabasePath is the database the window used last when it still exists, else pembina.db in the
// user's application data folder. notice says why the remembered one was not used, "" when nothing is amiss.
func DefaultDatabasePath() (path, notice string, err error) {
	dir, err := dataFolder()
	if err != nil {
		return "", "", err
	}
	fallback := filepath.Join(dir, "pembina.db")
	b, err := os.ReadFile(filepath.Join(dir, lastDatabaseFile))
	if err != nil {
		return fallback, "", nil
	}
	last := strings.TrimSpace(string(b))
	if last == "" || last == fallback {
		return fallback, "", nil
	}
	if fi, err := os.Stat(last); err != nil || fi.IsDir() {
		return fallback, fmt.Sprintf("Basis data yang terakhir dipakai, %s, tidak ditemukan (mungkin di flashdisk yang tidak terpasang, atau sudah dipindahkan). Pembina membuka %s. Buka berkas lain lewat Berkas > Buka basis data.", last, fallback), nil
	}
	return last, "", nil
}

// RememberDatabase records path as the database to open next time.
func RememberDatabase(path string) error {
	dir, err := dataFolder()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, lastDatabaseFile), []byte(path+"\n"), 0o644)
}

// CounterFolder is the folder of the user's application data where the highest certificate and letter
// numbers are also kept, one file per office signing key (store.Options.CounterFolder), or "" when the user
// has no such folder: the counters are then kept beside the database only.
func CounterFolder() string {
	dir, err := dataFolder()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "nomor")
}
