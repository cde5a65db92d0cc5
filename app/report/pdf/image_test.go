package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func TestPrepareImageMakesPDFReadyPNGs(t *testing.T) {
	deep := image.NewNRGBA64(image.Rect(0, 0, 300, 200)) // 16-bit PNG with transparency: fpdf refuses it as it is
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			deep.Set(x, y, color.NRGBA64{uint16(x * 200), 0, 40000, uint16(y * 300)})
		}
	}
	var deepPNG bytes.Buffer
	png.Encode(&deepPNG, deep)
	photo := image.NewRGBA(image.Rect(0, 0, 2400, 1200))
	for y := 0; y < 1200; y++ {
		for x := 0; x < 2400; x++ {
			photo.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var bigJPEG bytes.Buffer
	jpeg.Encode(&bigJPEG, photo, nil)

	interlaced := interlacedPNG(16)
	pdf := New(A4, "P", "Uji")
	pdf.AddPage()
	if _, _, err := RegisterImage(pdf, "logo", "logo", interlaced); err == nil {
		t.Fatal("fpdf took an interlaced PNG: the reason for PrepareImage is gone")
	}

	for _, tt := range []struct {
		name string
		in   []byte
		w, h int
	}{{"16-bit png", deepPNG.Bytes(), 300, 200}, {"large jpeg", bigJPEG.Bytes(), 800, 400}, {"interlaced png", interlaced, 16, 16}} {
		out, err := PrepareImage(tt.in, "Logo")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
		if err != nil || format != "png" || cfg.Width != tt.w || cfg.Height != tt.h {
			t.Errorf("%s: %s %dx%d (%v), want png %dx%d", tt.name, format, cfg.Width, cfg.Height, err, tt.w, tt.h)
		}
		if out[24] != 8 { // the PNG header's bit depth
			t.Errorf("%s: bit depth %d, want 8", tt.name, out[24])
		}
		pdf := New(A4, "P", "Uji")
		pdf.AddPage()
		if _, _, err := RegisterImage(pdf, "logo", "logo", out); err != nil {
			t.Errorf("%s: the prepared logo does not go into a PDF: %v", tt.name, err)
		}
	}
	if _, err := PrepareImage(deepPNG.Bytes()[:500], "Logo"); err == nil || !strings.Contains(err.Error(), "rusak") {
		t.Errorf("a truncated picture: %v", err)
	}
}

// interlacedPNG writes an n×n Adam7-interlaced RGBA PNG by hand (Go's encoder writes no interlaced files).
func interlacedPNG(n int) []byte {
	chunk := func(out *bytes.Buffer, kind string, body []byte) {
		binary.Write(out, binary.BigEndian, uint32(len(body)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(kind))
		crc.Write(body)
		out.WriteString(kind)
		out.Write(body)
		binary.Write(out, binary.BigEndian, crc.Sum32())
	}
	var raw bytes.Buffer
	passes := [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	for _, p := range passes { // x0, y0, dx, dy
		for y := p[1]; y < n; y += p[3] {
			if p[0] >= n {
				continue
			}
			raw.WriteByte(0)
			for x := p[0]; x < n; x += p[2] {
				raw.Write([]byte{uint8(x * 16), uint8(y * 16), 200, 255})
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(n))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(n))
	ihdr[8], ihdr[9], ihdr[12] = 8, 6, 1 // 8-bit RGBA, interlaced
	chunk(&out, "IHDR", ihdr)
	chunk(&out, "IDAT", z.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes()
}
