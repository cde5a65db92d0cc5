package importer

import (
	"bytes"
	"path/filepath"

	"golang.org/x/text/encoding/unicode"

	"github.com/pembina/pembina/data"
)

// hasUTF16BOM tells a UTF-16 text file, as Excel writes for "Unicode Text" and some meeting tools export,
// from a binary file: both hold NUL bytes, but UTF-16 text starts with a byte-order mark.
func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// openUTF16 decodes a UTF-16 text file (either byte order, as its mark says) and reads it as CSV.
func openUTF16(path string, b []byte) (*Source, error) {
	decoded, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "%s tidak dapat dibaca sebagai teks UTF-16; simpan sebagai CSV UTF-8", filepath.Base(path))
	}
	return openCSV(path, decoded)
}
