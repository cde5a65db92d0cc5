package report

import (
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"runtime"
	"strconv"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/boombuler/barcode/qr"

	"github.com/pembina/pembina/data"
)

// QRQuietZone is the light margin around a QR code, in modules; readers need 4 (ISO/IEC 18004).
const QRQuietZone = 4

// QRCode is a QR code's modules without the quiet zone: Size × Size, row by row, dark set.
type QRCode struct {
	Size int
	bits []byte // packed, row-major, most significant bit first
}

// EncodeQR makes the QR code of text in byte mode with error correction level M (15% of the code may be
// damaged or dirty and it still reads), with boombuler/barcode, which picks the best of the eight masks as
// the standard asks. It takes about 10 ms for a certificate's text, so batches encode in parallel
// (EncodeQRs) and the register keeps the codes (MarshalQR).
func EncodeQR(text string) (QRCode, error) {
	code, err := qr.Encode(text, qr.M, qr.Unicode)
	if err != nil {
		return QRCode{}, data.Wrap(data.KindInvalid, err, "Kode QR tidak dapat dibuat (teksnya %d karakter): %v", len(text), err)
	}
	b := code.Bounds()
	q := QRCode{Size: b.Dx(), bits: make([]byte, (b.Dx()*b.Dy()+7)/8)}
	type getter interface{ Get(x, y int) bool }
	g, fast := code.(getter)
	for y := 0; y < q.Size; y++ {
		for x := 0; x < q.Size; x++ {
			var dark bool
			if fast {
				dark = g.Get(x+b.Min.X, y+b.Min.Y)
			} else {
				r, _, _, _ := code.At(x+b.Min.X, y+b.Min.Y).RGBA()
				dark = r < 0x8000
			}
			if dark {
				i := y*q.Size + x
				q.bits[i/8] |= 0x80 >> (i % 8)
			}
		}
	}
	return q, nil
}

// Dark reports whether the module at column x, row y is dark.
func (q QRCode) Dark(x, y int) bool {
	i := y*q.Size + x
	return q.bits[i/8]&(0x80>>(i%8)) != 0
}

// Valid reports whether the code holds modules.
func (q QRCode) Valid() bool { return q.Size >= 21 && len(q.bits) == (q.Size*q.Size+7)/8 }

// MarshalQR writes the code compactly for the register: its size in two bytes, then the packed modules
// (about 420 bytes for a certificate's code).
func MarshalQR(q QRCode) []byte {
	out := make([]byte, 2, 2+len(q.bits))
	binary.BigEndian.PutUint16(out, uint16(q.Size))
	return append(out, q.bits...)
}

// UnmarshalQR reads what MarshalQR wrote; ok is false for anything else (the code is then made again).
func UnmarshalQR(b []byte) (q QRCode, ok bool) {
	if len(b) < 2 {
		return QRCode{}, false
	}
	q = QRCode{Size: int(binary.BigEndian.Uint16(b)), bits: b[2:]}
	return q, q.Valid()
}

// Image is the code with its quiet zone as a one-pixel-per-module grey image, for the window's preview.
func (q QRCode) Image() *image.Gray {
	n := q.Size + 2*QRQuietZone
	img := image.NewGray(image.Rect(0, 0, n, n))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := 0; y < q.Size; y++ {
		for x := 0; x < q.Size; x++ {
			if q.Dark(x, y) {
				img.SetGray(x+QRQuietZone, y+QRQuietZone, color.Gray{})
			}
		}
	}
	return img
}

// drawQR draws the code as vector rectangles, side: the width of the code with its quiet zone, in mm, with its
// top left corner at (x, y). The quiet zone is painted white, so the code reads on a background image too.
// The whole code is one path in module units; neighbouring dark modules of a row are one rectangle, and equal
// runs in consecutive rows one taller rectangle: about 6 KB of page content before compression.
func drawQR(pdf *fpdf.Fpdf, q QRCode, x, y, side float64) {
	k := pdf.GetConversionRatio()
	_, pageH := pdf.GetPageSize()
	n := q.Size + 2*QRQuietZone
	m := side / float64(n) * k
	b := make([]byte, 0, 8192)
	b = append(b, "q "...)
	b = strconv.AppendFloat(b, m, 'f', 4, 64)
	b = append(b, " 0 0 "...)
	b = strconv.AppendFloat(b, -m, 'f', 4, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, x*k, 'f', 4, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageH-y)*k, 'f', 4, 64)
	b = append(b, " cm\n1 g 0 0 "...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, " re f 0 g\n"...)
	rect := func(col, row, w, h int) {
		b = strconv.AppendInt(b, int64(col+QRQuietZone), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(row+QRQuietZone), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(w), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(h), 10)
		b = append(b, " re\n"...)
	}
	// width[c] and first[c] describe the run starting at column c that is still growing downwards (width 0:
	// none); a run ends, and is drawn, when the next row has no run of the same start and width.
	width, first := make([]int, q.Size), make([]int, q.Size)
	for row := 0; row <= q.Size; row++ {
		col := 0
		for col < q.Size {
			dark := row < q.Size && q.Dark(col, row)
			if !dark {
				if width[col] > 0 {
					rect(col, first[col], width[col], row-first[col])
					width[col] = 0
				}
				col++
				continue
			}
			start := col
			for col < q.Size && q.Dark(col, row) {
				col++
			}
			// Runs of the row above that begin inside this one end here, unless it is the same run.
			for c := start; c < col; c++ {
				if width[c] > 0 && (c != start || width[c] != col-start) {
					rect(c, first[c], width[c], row-first[c])
					width[c] = 0
				}
			}
			if width[start] == 0 {
				width[start], first[start] = col-start, row
			}
		}
	}
	b = append(b, "f Q"...)
	pdf.RawWriteStr(string(b))
}

func fmtPt(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }

// EncodeQRs encodes many texts on every processor at once, reporting each finished code to done (from the
// workers' goroutines). It stops early when ctx is cancelled.
func EncodeQRs(ctx context.Context, texts []string, done func(i int, q QRCode)) error {
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	next := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				q, err := EncodeQR(texts[i])
				if err != nil {
					errs <- err
					return
				}
				done(i, q)
			}
		}()
	}
	var err error
feed:
	for i := range texts {
		select {
		case next <- i:
		case err = <-errs:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if err == nil {
		err = <-errs
	}
	if err == context.Canceled {
		return data.Wrap(data.KindConflict, err, "Dibatalkan")
	}
	return err
}

// CertificateQRs returns the QR code of each certificate: the one the register keeps when there is one, else
// a new one, encoded in parallel. fresh lists the indexes of the new codes, for the caller to keep.
func CertificateQRs(ctx context.Context, certs []*data.Certificate, progress func(done, total int)) (codes []QRCode, fresh []int, err error) {
	codes = make([]QRCode, len(certs))
	var texts []string
	for i, c := range certs {
		if q, ok := UnmarshalQR(c.QR); ok {
			codes[i] = q
			continue
		}
		fresh = append(fresh, i)
		texts = append(texts, c.Payload)
	}
	var mu sync.Mutex
	done := 0
	err = EncodeQRs(ctx, texts, func(i int, q QRCode) {
		codes[fresh[i]] = q
		if progress != nil {
			// One call at a time, in order: progress callbacks expect a single caller.
			mu.Lock()
			done++
			progress(done, len(texts))
			mu.Unlock()
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return codes, fresh, nil
}
