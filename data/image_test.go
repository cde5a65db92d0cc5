package data

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func picture(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	return img
}

func TestCheckImage(t *testing.T) {
	var pngBytes, jpegBytes, gifBytes, tiny bytes.Buffer
	png.Encode(&pngBytes, picture(120, 80))
	jpeg.Encode(&jpegBytes, picture(120, 80), nil)
	gif.Encode(&gifBytes, picture(40, 40), nil)
	png.Encode(&tiny, picture(8, 8))
	huge := append(append([]byte(nil), pngBytes.Bytes()...), make([]byte, MaxImageBytes)...)
	// A PNG whose header claims 30,000×30,000 pixels: decoding it would allocate 900 MB before finding no data.
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32([]byte("IHDR"), 30_000), 30_000)
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // 8-bit grey
	bomb := binary.BigEndian.AppendUint32([]byte("\x89PNG\r\n\x1a\n"), uint32(len(ihdr)-4))
	bomb = binary.BigEndian.AppendUint32(append(bomb, ihdr...), crc32.ChecksumIEEE(ihdr))
	tests := []struct {
		name string
		b    []byte
		want string // "" for valid
	}{
		{"png", pngBytes.Bytes(), ""},
		{"jpeg", jpegBytes.Bytes(), ""},
		{"png cut in half", pngBytes.Bytes()[:pngBytes.Len()/2], "rusak atau terpotong"},
		{"jpeg cut in half", jpegBytes.Bytes()[:jpegBytes.Len()/2], "rusak atau terpotong"},
		{"png header only", []byte("\x89PNG\r\n\x1a\nbroken"), "rusak atau terpotong"},
		{"gif", gifBytes.Bytes(), "PNG atau JPEG"},
		{"text", []byte("bukan gambar"), "PNG atau JPEG"},
		{"too big", huge, "terlalu besar"},
		{"too small", tiny.Bytes(), "terlalu kecil"},
		{"too many pixels", bomb, "terlalu besar (30000×30000 piksel, paling banyak 30 juta piksel)"},
	}
	for _, tt := range tests {
		err := CheckImage(tt.b, "Logo")
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || ErrorKind(err) != KindInvalid):
			t.Errorf("%s: %v, want an invalid error saying %q", tt.name, err, tt.want)
		}
	}
	in := Institution{TimeZone: "WIB", DefaultScale: "1-4", CertificateKind: "sertifikat", Logo: pngBytes.Bytes()[:100]}
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), "Logo: berkas gambarnya rusak") {
		t.Errorf("institution with a broken logo: %v", err)
	}
	g := Signatory{Name: "A", Position: "Kepala", Signature: []byte("x")}
	if err := g.Validate(); err == nil || !strings.Contains(err.Error(), "Tanda tangan:") {
		t.Errorf("signatory with a broken signature: %v", err)
	}
}
