package data

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"syscall"
)

// This file is the one error vocabulary of Pembina: ErrorMessage turns what the operating system, SQLite and the
// standard library say in English ("no such file or directory", "database disk image is malformed") into an
// Indonesian sentence at the edge (the window's dialogs, the command line's stderr), and ErrorDetail keeps the
// technical text for a log line or a "Detail" section. Domain errors keep their own message; an English cause
// that a message embeds with %v is replaced inside that message, so every caller gets the sentence without
// changing how it wraps.

// ErrorMessage returns the readable message of err: the domain message with any context added around it by
// fmt.Errorf, where the operating-system, SQLite or library cause (typed, or quoted as text) is replaced by an
// Indonesian sentence. It never returns the English of a foreign error when it knows a sentence for it.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	// Typed causes first: they carry the path, which the sentence names.
	for e := err; e != nil; e = unwrapOne(e) {
		if s, ok := causeSentence(e); ok {
			if t := e.Error(); t != "" && strings.Contains(msg, t) {
				i := strings.Index(msg, t)
				before := dropRepeatedClause(msg[:i], pathOf(e))
				msg = before + s + msg[i+len(t):]
			} else if msg == "" {
				msg = s
			}
			break
		}
	}
	return translateLeftovers(msg)
}

// ErrorDetail returns the technical text behind err (the English of the operating system or SQLite, the causes
// a domain message hides) for a log line or a "Detail" section, or "" when it would only repeat ErrorMessage.
func ErrorDetail(err error) string {
	if err == nil {
		return ""
	}
	full := err.Error()
	var de *Error
	if errors.As(err, &de) && de.Err != nil && de.Message != "" {
		if c := de.Err.Error(); !strings.Contains(full, c) {
			full += " (" + c + ")"
		}
	}
	if full == ErrorMessage(err) {
		return ""
	}
	return full
}

// pathOf is the path an operating-system error names, or "".
func pathOf(e error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(e, &pe):
		return pe.Path
	case errors.As(e, &le):
		return le.New
	}
	return ""
}

// dropRepeatedClause removes the clause that ends before (after its last ". ", "; " or ": ") when it names
// path too: "Berkas X tidak dapat dibaca: " before a sentence that says "Berkas X tidak ditemukan" says the
// same thing twice.
func dropRepeatedClause(before, path string) string {
	if path == "" || !strings.HasSuffix(before, ": ") {
		return before
	}
	body := before[:len(before)-2]
	start := 0
	for _, sep := range []string{". ", "; ", ": "} {
		if j := strings.LastIndex(body, sep); j >= 0 && j+len(sep) > start {
			start = j + len(sep)
		}
	}
	if strings.Contains(body[start:], path) {
		return before[:start]
	}
	return before
}

// unwrapOne follows the first cause of e, also through errors.Join.
func unwrapOne(e error) error {
	switch u := e.(type) {
	case interface{ Unwrap() error }:
		return u.Unwrap()
	case interface{ Unwrap() []error }:
		if errs := u.Unwrap(); len(errs) > 0 {
			return errs[0]
		}
	}
	return nil
}

// causeSentence says in Indonesian what a foreign error means, when it is one Pembina knows.
func causeSentence(e error) (string, bool) {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(e, &pe) && e == error(pe):
		return pathSentence(pe.Op, pe.Path, pe.Err), true
	case errors.As(e, &le) && e == error(le):
		return pathSentence(le.Op, le.New, le.Err), true
	case errors.As(e, &se) && e == error(se):
		return pathSentence(se.Syscall, "", se.Err), true
	}
	var errno syscall.Errno
	if errors.As(e, &errno) && e == error(errno) {
		return pathSentence("", "", errno), true
	}
	switch {
	case e == context.Canceled:
		return "Dibatalkan", true
	case e == context.DeadlineExceeded:
		return "Waktu habis; coba lagi", true
	case e == io.ErrUnexpectedEOF:
		return "Isi berkas berakhir sebelum waktunya (berkas terpotong?)", true
	case e == zip.ErrFormat:
		return "Berkas bukan arsip .xlsx yang utuh; buka di Excel lalu simpan ulang sebagai .xlsx", true
	}
	if s, ok := sqliteSentence(e.Error()); ok && unwrapOne(e) == nil {
		return s, true
	}
	return "", false
}

// pathSentence is the sentence for an operation on a path that failed with err.
func pathSentence(op, path string, err error) string {
	what := "Berkas"
	if path != "" {
		what = "Berkas " + path
	}
	var errno syscall.Errno
	errors.As(err, &errno)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if path == "" {
			return "Berkas atau folder tidak ditemukan"
		}
		return what + " tidak ditemukan; periksa nama dan foldernya"
	case errors.Is(err, fs.ErrPermission):
		return what + " tidak dapat " + verb(op) + ": tidak ada izin; periksa izin berkas atau foldernya"
	case errors.Is(err, fs.ErrExist):
		return what + " sudah ada"
	case errno == syscall.EISDIR:
		if path == "" {
			return "Yang dipilih adalah folder, bukan berkas"
		}
		return path + " adalah folder, bukan berkas"
	case errno == syscall.ENOTDIR:
		if path == "" {
			return "Salah satu bagian jalurnya bukan folder"
		}
		if op == "mkdir" || op == "mkdirall" {
			what = "Folder " + path
		}
		return what + " tidak dapat " + verb(op) + ": salah satu bagian jalurnya bukan folder"
	case errno == syscall.ENOSPC:
		return "Disk penuh: " + strings.ToLower(what[:1]) + what[1:] + " tidak dapat ditulis; kosongkan ruang disk lalu coba lagi"
	case errno == syscall.EROFS:
		return what + " berada di disk hanya-baca; pilih folder lain"
	case errno == syscall.ENAMETOOLONG:
		return "Nama berkas terlalu panjang; pilih nama atau folder yang lebih pendek"
	case errno == syscall.ELOOP:
		return what + " adalah tautan (symlink) yang berputar-putar; pilih berkas lain"
	case errno == syscall.EBUSY || errno == syscall.ETXTBSY:
		return what + " sedang dipakai program lain; tutup program itu lalu coba lagi"
	case errno == syscall.EMFILE || errno == syscall.ENFILE:
		return "Terlalu banyak berkas terbuka; tutup beberapa program lalu coba lagi"
	case errno == syscall.EIO:
		return "Kesalahan baca/tulis disk pada " + strings.ToLower(what[:1]) + what[1:] + "; periksa disk atau flashdisk-nya"
	case errno == syscall.EXDEV:
		return what + " tidak dapat dipindah ke disk lain; pilih folder di disk yang sama"
	case errno == syscall.EINVAL:
		return what + " tidak dapat " + verb(op) + ": permintaan tidak valid untuk berkas ini"
	}
	return what + " tidak dapat " + verb(op)
}

// verb names an operation of package os in Indonesian.
func verb(op string) string {
	switch op {
	case "open", "read", "stat", "lstat", "readdir", "readlink", "fstat":
		return "dibaca"
	case "write", "create", "truncate", "sync", "fsync", "chmod", "chtimes":
		return "ditulis"
	case "mkdir", "mkdirall":
		return "dibuat"
	case "remove", "unlink", "rmdir", "unlinkat":
		return "dihapus"
	case "rename", "link", "symlink":
		return "dipindah"
	case "close":
		return "ditutup"
	}
	return "dipakai"
}

// sqliteMessages are SQLite's own result texts (sqlite3_errstr) and what they mean to a coordinator.
var sqliteMessages = []struct{ english, sentence string }{
	{"database disk image is malformed", "Basis data rusak; pulihkan dari cadangan (Pengaturan > Basis data & cadangan, atau pembina restore)"},
	{"file is not a database", "Berkas ini bukan basis data Pembina atau rusak; pilih berkas lain atau pulihkan dari cadangan"},
	{"file is encrypted or is not a database", "Berkas ini bukan basis data Pembina atau rusak; pilih berkas lain atau pulihkan dari cadangan"},
	{"database is locked", "Basis data sedang dipakai proses lain; coba lagi sebentar lagi"},
	{"database table is locked", "Basis data sedang dipakai proses lain; coba lagi sebentar lagi"},
	{"database or disk is full", "Disk penuh: basis data tidak dapat ditulis; kosongkan ruang disk lalu coba lagi"},
	{"attempt to write a readonly database", "Basis data hanya-baca: perubahan tidak dapat disimpan"},
	{"unable to open database file", "Berkas basis data tidak dapat dibuka; periksa folder dan izinnya"},
	{"disk I/O error", "Kesalahan baca/tulis disk pada basis data; periksa disk lalu coba lagi"},
	{"interrupted", "Dibatalkan"},
	{"out of memory", "Memori tidak cukup untuk pekerjaan ini"},
	{"no such table", "Struktur basis data tidak lengkap (rusak atau diubah program lain); pulihkan dari cadangan"},
	{"no such column", "Struktur basis data tidak lengkap (rusak atau diubah program lain); pulihkan dari cadangan"},
	{"constraint failed", "Data bertentangan dengan data yang sudah tersimpan (ganda atau masih dipakai)"},
	{"duplicate column name", "Struktur basis data tidak sesuai dengan versi Pembina ini (rusak atau diubah program lain); pulihkan dari cadangan"},
	{"already exists", "Struktur basis data tidak sesuai dengan versi Pembina ini (rusak atau diubah program lain); pulihkan dari cadangan"},
}

// sqliteSentence recognises a SQLite error by its text (the data layer does not import the driver).
func sqliteSentence(text string) (string, bool) {
	for _, m := range sqliteMessages {
		if strings.Contains(text, m.english) {
			return m.sentence, true
		}
	}
	return "", false
}

// leftovers are English phrases of foreign errors that reached a message as text (formatted with %v, or from
// a cause outside the chain); the operation and path before them ("open /x/y: ") are folded into the sentence.
var leftovers = []struct {
	re       *regexp.Regexp
	sentence func(op, path string) string
}{
	{phrase("no such file or directory"), func(op, p string) string { return pathSentence(op, p, fs.ErrNotExist) }},
	{phrase("The system cannot find the (?:file|path) specified\\."), func(op, p string) string { return pathSentence(op, p, fs.ErrNotExist) }},
	{phrase("permission denied|operation not permitted|Access is denied\\."), func(op, p string) string { return pathSentence(op, p, fs.ErrPermission) }},
	{phrase("is a directory"), func(op, p string) string { return pathSentence(op, p, syscall.EISDIR) }},
	{phrase("not a directory"), func(op, p string) string { return pathSentence(op, p, syscall.ENOTDIR) }},
	{phrase("no space left on device"), func(op, p string) string { return pathSentence(op, p, syscall.ENOSPC) }},
	{phrase("read-only file system"), func(op, p string) string { return pathSentence(op, p, syscall.EROFS) }},
	{phrase("file exists"), func(op, p string) string { return pathSentence(op, p, fs.ErrExist) }},
	{phrase("file name too long"), func(op, p string) string { return pathSentence(op, p, syscall.ENAMETOOLONG) }},
	{phrase("input/output error"), func(op, p string) string { return pathSentence(op, p, syscall.EIO) }},
	{phrase("unexpected EOF"), func(string, string) string { return "Isi berkas berakhir sebelum waktunya (berkas terpotong?)" }},
	{phrase("zip: not a valid zip file"), func(string, string) string {
		return "Berkas bukan arsip .xlsx yang utuh; buka di Excel lalu simpan ulang sebagai .xlsx"
	}},
	{phrase("context canceled"), func(string, string) string { return "Dibatalkan" }},
}

// phrase matches an English error text, optionally preceded by "OP PATH: " as package os writes it.
func phrase(english string) *regexp.Regexp {
	return regexp.MustCompile(`(?:\b(open|read|write|stat|lstat|create|mkdir|remove|rename|unlinkat|readdir|close|truncate|sync|chmod) ([^:\n]+?): )?(?:` + english + `)`)
}

// translateLeftovers replaces the English of foreign errors still in msg.
func translateLeftovers(msg string) string {
	for _, l := range leftovers {
		msg = l.re.ReplaceAllStringFunc(msg, func(m string) string {
			sub := l.re.FindStringSubmatch(m)
			return l.sentence(sub[1], sub[2])
		})
	}
	for _, m := range sqliteMessages {
		if m.english == "interrupted" || m.english == "already exists" || m.english == "out of memory" {
			continue // too common as words to replace inside a sentence
		}
		if i := strings.Index(msg, m.english); i >= 0 {
			msg = msg[:i] + m.sentence + msg[i+len(m.english):]
		}
	}
	return msg
}
