package data

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
)

// MaxImageBytes is the largest logo, scanned signature or certificate background Pembina stores: every
// document embeds it (a scanned A4 page at 300 dpi as JPEG is about 2 MB).
const MaxImageBytes = 8 << 20

// MaxImagePixels is the most pixels a picture may have: a 5 MB PNG of one colour can claim 30,000×30,000
// pixels, which decoding would hold as gigabytes; 30 million pixels (a 6,000×5,000 photo) decode within
// about 250 MB. It is checked from the picture's header, before anything is decoded.
const MaxImagePixels = 30_000_000

// CheckImage checks that b is a whole PNG or JPEG picture (decoded to the last pixel, so that a truncated or
// damaged file is caught here and not when a certificate is printed). what names the picture in the message:
// "Logo instansi".
func CheckImage(b []byte, what string) error {
	if len(b) > MaxImageBytes {
		return Errorf(KindInvalid, "%s terlalu besar (%.1f MB, paling besar %d MB); perkecil gambarnya lalu pilih lagi", what,
			float64(len(b))/(1<<20), MaxImageBytes>>20)
	}
	var decode func([]byte) error
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		decode = func(b []byte) error { _, err := png.Decode(bytes.NewReader(b)); return err }
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		decode = func(b []byte) error { _, err := jpeg.Decode(bytes.NewReader(b)); return err }
	default:
		return Errorf(KindInvalid, "%s harus berupa gambar PNG atau JPEG; berkas ini jenis lain. Simpan gambarnya sebagai PNG lalu pilih lagi", what)
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil && cfg.Width*cfg.Height > MaxImagePixels {
		return Errorf(KindInvalid, "%s terlalu besar (%d×%d piksel, paling banyak %d juta piksel); perkecil gambarnya lalu pilih lagi", what,
			cfg.Width, cfg.Height, MaxImagePixels/1_000_000)
	}
	if err := decode(b); err != nil {
		return Wrap(KindInvalid, err, "%s rusak atau terpotong dan tidak dapat dibaca (%v); buka gambarnya di program lain, simpan ulang sebagai PNG lalu pilih lagi", what, err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err == nil && (cfg.Width < 16 || cfg.Height < 16) {
		return Errorf(KindInvalid, "%s terlalu kecil (%d×%d piksel); pakai gambar paling sedikit 16×16 piksel", what, cfg.Width, cfg.Height)
	}
	return nil
}
