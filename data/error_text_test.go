package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// englishPhrases are texts of foreign errors that must never reach a coordinator.
var englishPhrases = []string{"no such file", "is a directory", "not a directory", "permission denied",
	"malformed", "already exists", "database is locked", "no space left", "file exists", "context canceled",
	"unexpected EOF", "not a valid zip", "constraint failed"}

type sqliteLike struct{ text string } // the driver's error: only a text, no cause

func (e sqliteLike) Error() string { return e.text }

func TestErrorMessageSpeaksIndonesian(t *testing.T) {
	dir := t.TempDir()
	_, notExist := os.Open(filepath.Join(dir, "tidak-ada.xlsx"))
	_, isDir := os.ReadFile(dir)
	os.WriteFile(filepath.Join(dir, "berkas.txt"), nil, 0o644)
	_, notDir := os.Open(filepath.Join(dir, "berkas.txt", "x"))
	cases := []struct {
		name string
		err  error
		want string // a part of the message
	}{
		{"not exist", notExist, "tidak-ada.xlsx tidak ditemukan"},
		{"not exist wrapped", fmt.Errorf("impor: %w", notExist), "impor: Berkas " + dir},
		{"not exist inside a domain message", Wrap(KindInvalid, notExist, "Daftar tidak dapat dibaca: %v", notExist), "Daftar tidak dapat dibaca: Berkas " + dir},
		{"the same path said once", fmt.Errorf("impor: %w", Wrap(KindInvalid, notExist, "Berkas %s tidak dapat dibaca: %v", filepath.Join(dir, "tidak-ada.xlsx"), notExist)),
			"impor: Berkas " + filepath.Join(dir, "tidak-ada.xlsx") + " tidak ditemukan; periksa"},
		{"directory", isDir, dir + " adalah folder, bukan berkas"},
		{"not a directory", notDir, "bukan folder"},
		{"errno alone", syscall.ENOSPC, "Disk penuh"},
		{"permission", &fs.PathError{Op: "open", Path: "/root/x.pdf", Err: syscall.EACCES}, "/root/x.pdf tidak dapat dibaca: tidak ada izin"},
		{"malformed", fmt.Errorf("list: %w", sqliteLike{"database disk image is malformed"}), "list: Basis data rusak"},
		{"migration", Wrap(KindInternal, fmt.Errorf("migration 3: %w", sqliteLike{"index idx_a already exists"}), "Kesalahan basis data: %v", fmt.Errorf("migration 3: %w", sqliteLike{"index idx_a already exists"})), "Struktur basis data tidak sesuai"},
		{"busy", sqliteLike{"database is locked"}, "sedang dipakai proses lain"},
		{"as text only", errors.New("open /tmp/a b/c.csv: no such file or directory"), "Berkas /tmp/a b/c.csv tidak ditemukan"},
		{"canceled", fmt.Errorf("cetak: %w", context.Canceled), "cetak: Dibatalkan"},
		{"domain message kept", Errorf(KindInvalid, "NIP wajib diisi"), "NIP wajib diisi"},
	}
	for _, c := range cases {
		got := ErrorMessage(c.err)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: ErrorMessage = %q, want it to contain %q", c.name, got, c.want)
		}
		for _, p := range englishPhrases {
			if strings.Contains(got, p) {
				t.Errorf("%s: ErrorMessage = %q still says %q", c.name, got, p)
			}
		}
	}
}

func TestErrorDetailKeepsTheCause(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "x.csv"))
	if got := ErrorDetail(err); !strings.Contains(got, "no such file or directory") {
		t.Errorf("ErrorDetail = %q, want the English cause", got)
	}
	hidden := Wrap(KindInternal, sqliteLike{"database disk image is malformed"}, "Basis data rusak")
	if got := ErrorDetail(hidden); !strings.Contains(got, "malformed") {
		t.Errorf("ErrorDetail of a hidden cause = %q, want it", got)
	}
	if got := ErrorDetail(Errorf(KindInvalid, "NIP wajib diisi")); got != "" {
		t.Errorf("ErrorDetail of a plain domain error = %q, want empty", got)
	}
	if ErrorMessage(nil) != "" || ErrorDetail(nil) != "" {
		t.Error("nil error gives text")
	}
}
