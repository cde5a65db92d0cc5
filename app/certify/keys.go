package certify

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"os"
	"strings"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// keyPrefix starts the line of an exported key that holds the key itself.
const keyPrefix = "pembina-ed25519:"

// PublicKeyText is this database's public key as the text file another office imports: who it belongs to,
// its ID (as QR texts name it) and the key. The key pair is made on first use.
func PublicKeyText(ctx context.Context, s *store.Store) (string, error) {
	pub, label, err := s.OwnPublicKey(ctx)
	if err != nil {
		return "", err
	}
	if label == "" {
		label = "(nama instansi belum diisi di Pengaturan)"
	}
	return "Kunci publik sertifikat Pembina\n" +
		"Kantor: " + label + "\n" +
		"Kode kunci: " + data.KeyID(pub) + "\n" +
		"Impor berkas ini di Pembina kantor lain (tab Sertifikat, Percayai kunci kantor lain) agar sertifikat kantor ini dapat diverifikasi di sana.\n" +
		keyPrefix + base64.RawURLEncoding.EncodeToString(pub) + "\n", nil
}

// ExportPublicKey writes PublicKeyText to path, for Pengaturan, the Sertifikat tab and the command line.
func ExportPublicKey(ctx context.Context, s *store.Store, path string) error {
	text, err := PublicKeyText(ctx, s)
	if err != nil {
		return err
	}
	return report.SaveText(path, text)
}

// ParsePublicKey reads a key written by PublicKeyText (or only its pembina-ed25519 line) and the office it
// names.
func ParsePublicKey(text string) (ed25519.PublicKey, string, error) {
	var pub ed25519.PublicKey
	label := ""
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "Kantor:"):
			label = strings.TrimSpace(strings.TrimPrefix(line, "Kantor:"))
		case strings.HasPrefix(line, keyPrefix):
			b, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(line, keyPrefix))
			if err != nil || len(b) != ed25519.PublicKeySize {
				return nil, "", data.Errorf(data.KindInvalid, "Kunci publik di berkas ini rusak atau terpotong; minta berkasnya lagi dari kantor penerbit")
			}
			pub = ed25519.PublicKey(b)
		}
	}
	if pub == nil {
		return nil, "", data.Errorf(data.KindInvalid, "Berkas ini bukan kunci publik sertifikat Pembina (tidak ada baris %s…)", keyPrefix)
	}
	return pub, label, nil
}

// maxKeyFileBytes is the largest file read as an exported key: PublicKeyText writes a few hundred bytes. A
// bigger file is not a key, and reading a 3 GB one whole peaked at 6.3 GB.
const maxKeyFileBytes = 64 << 10

// ReadPublicKeyFile reads an exported key (PublicKeyText) from path: the key and the office it names. A
// folder, a device or pipe, or a file larger than a key can be is refused before it is read.
func ReadPublicKeyFile(path string) (ed25519.PublicKey, string, error) {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, "", data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat dibaca: %v", path, err)
	case fi.IsDir():
		return nil, "", data.Errorf(data.KindInvalid, "%s adalah folder; pilih berkas kunci publik (.txt)", path)
	case !fi.Mode().IsRegular():
		return nil, "", data.Errorf(data.KindInvalid, "%s bukan berkas biasa (perangkat, pipa atau soket); pilih berkas kunci publik (.txt)", path)
	case fi.Size() > maxKeyFileBytes:
		return nil, "", data.Errorf(data.KindInvalid, "Berkas %s terlalu besar untuk sebuah kunci publik (%s KB; kunci hanya beberapa ratus byte); pilih berkas dari key export", path, indo.Int(fi.Size()>>10))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", data.Wrap(data.KindInvalid, err, "Berkas %s tidak dapat dibaca: %v", path, err)
	}
	return ParsePublicKey(string(b))
}

// TrustPublicKeyFile reads another office's exported key from path and trusts it under label (the label in
// the file when label is empty). It returns the label used.
func TrustPublicKeyFile(ctx context.Context, s *store.Store, path, label string) (string, error) {
	pub, named, err := ReadPublicKeyFile(path)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(label) == "" {
		label = named
	}
	if strings.TrimSpace(label) == "" {
		return "", data.Errorf(data.KindInvalid, "Berkas kunci tidak menyebut kantornya; beri nama kantor pemilik kunci ini")
	}
	return label, s.TrustKey(ctx, pub, label)
}
