package pdf

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/jpeg" // logos and scanned signatures come as JPEG too
	"image/png"

	"github.com/pembina/pembina/data"
)

// MaxImageSide is the longest side, in pixels, of a logo or signature as stored: 22 mm of letterhead at
// 800 px is over 900 dpi, and a smaller picture keeps every PDF small.
const MaxImageSide = 800

// PrepareImage turns a chosen logo or scanned signature (PNG or JPEG, checked by data.CheckImage) into what
// documents embed best: an 8-bit, non-interlaced PNG (fpdf refuses interlaced PNGs, which Photoshop and web exports
// often write) no larger than
// MaxImageSide, keeping transparency. what names the picture in error messages.
func PrepareImage(b []byte, what string) ([]byte, error) {
	if err := data.CheckImage(b, what); err != nil {
		return nil, err
	}
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "%s tidak dapat dibaca: %v", what, err)
	}
	r := src.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(rgba, rgba.Bounds(), src, r.Min, draw.Src)
	out := shrink(rgba, MaxImageSide)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out); err != nil {
		return nil, data.Wrap(data.KindInternal, err, "%s tidak dapat disimpan: %v", what, err)
	}
	return buf.Bytes(), nil
}

// shrink scales img down by averaging boxes of pixels (premultiplied, so transparent edges stay clean) until
// its longest side is at most side; a smaller picture is returned as it is.
func shrink(img *image.RGBA, side int) *image.RGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if w <= side && h <= side {
		return img
	}
	nw, nh := side, h*side/w
	if h > w {
		nw, nh = w*side/h, side
	}
	nw, nh = max(nw, 1), max(nh, 1)
	out := image.NewRGBA(image.Rect(0, 0, nw, nh))
	for y := 0; y < nh; y++ {
		y0, y1 := y*h/nh, max((y+1)*h/nh, y*h/nh+1)
		for x := 0; x < nw; x++ {
			x0, x1 := x*w/nw, max((x+1)*w/nw, x*w/nw+1)
			var sum [4]int
			for sy := y0; sy < y1; sy++ {
				row := img.Pix[sy*img.Stride+x0*4 : sy*img.Stride+x1*4]
				for i := 0; i < len(row); i += 4 {
					sum[0] += int(row[i])
					sum[1] += int(row[i+1])
					sum[2] += int(row[i+2])
					sum[3] += int(row[i+3])
				}
			}
			n := (y1 - y0) * (x1 - x0)
			o := out.Pix[y*out.Stride+x*4:]
			for c := 0; c < 4; c++ {
				o[c] = uint8(sum[c] / n)
			}
		}
	}
	return out
}
