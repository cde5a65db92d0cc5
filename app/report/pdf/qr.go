package pdf

import (
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"runtime"
	"strconv"
	"sync"

	"rsc.io/qr/coding"

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
// damaged or dirty and it still reads), in the smallest version that holds it, with the mask of the lowest
// penalty as ISO/IEC 18004 §7.8.3 asks. rsc.io/qr/coding lays out the modules; it leaves the choice of mask
// to its caller (rsc.io/qr always takes mask 0), and boombuler/barcode, which does choose, needs 8–15 ms a
// code where this takes about half of one: the difference between 1,000 certificates in 1 s or in 7.
//
// The data and its error correction are encoded once, with mask 0; the other seven codes differ from that one
// only in the modules their mask inverts and in the format information, which qrMaskChanges holds per version.
func EncodeQR(text string) (QRCode, error) {
	enc := coding.String(text)
	v := coding.Version(coding.MinVersion)
	for ; v <= coding.MaxVersion && enc.Bits(v) > v.DataBytes(coding.M)*8; v++ {
	}
	if v > coding.MaxVersion {
		return QRCode{}, data.Errorf(data.KindInvalid, "Kode QR tidak dapat dibuat: teksnya terlalu panjang (%d karakter)", len(text))
	}
	plan, err := qrPlan(v, 0)
	if err != nil {
		return QRCode{}, data.Wrap(data.KindInternal, err, "Kode QR tidak dapat dibuat: %v", err)
	}
	base, err := plan.Encode(enc)
	if err != nil {
		return QRCode{}, data.Wrap(data.KindInvalid, err, "Kode QR tidak dapat dibuat (teksnya %d karakter): %v", len(text), err)
	}
	changes, err := qrMaskChanges(v)
	if err != nil {
		return QRCode{}, data.Wrap(data.KindInternal, err, "Kode QR tidak dapat dibuat: %v", err)
	}
	best := base
	bestPenalty := qrPenalty(base)
	masked := &coding.Code{Size: base.Size, Stride: base.Stride, Bitmap: make([]byte, len(base.Bitmap))}
	for mask := 1; mask < 8; mask++ {
		for i, b := range base.Bitmap {
			masked.Bitmap[i] = b ^ changes[mask][i]
		}
		if p := qrPenalty(masked); p < bestPenalty {
			best, bestPenalty = masked, p
			masked = &coding.Code{Size: base.Size, Stride: base.Stride, Bitmap: make([]byte, len(base.Bitmap))}
		}
	}
	q := QRCode{Size: best.Size, bits: make([]byte, (best.Size*best.Size+7)/8)}
	for y := 0; y < q.Size; y++ {
		for x := 0; x < q.Size; x++ {
			if best.Black(x, y) {
				i := y*q.Size + x
				q.bits[i/8] |= 0x80 >> (i % 8)
			}
		}
	}
	return q, nil
}

// qrChanges caches qrMaskChanges per version.
var qrChanges sync.Map // version → [8][]byte

// qrMaskChanges returns, for a version and each mask, the modules in which a code with that mask differs from
// the same code with mask 0, as a bitmap laid out as coding.Code's. rsc.io/qr/coding draws a module dark when
// its plan says so, inverted where the data bit is 1; the data's modules are the same for every mask, so two
// codes of one text differ exactly where the two plans do.
func qrMaskChanges(v coding.Version) ([8][]byte, error) {
	if c, ok := qrChanges.Load(int(v)); ok {
		return c.([8][]byte), nil
	}
	var out [8][]byte
	base, err := qrPlan(v, 0)
	if err != nil {
		return out, err
	}
	n := len(base.Pixel)
	stride := (n + 7) &^ 7
	for mask := coding.Mask(0); mask < 8; mask++ {
		plan, err := qrPlan(v, mask)
		if err != nil {
			return out, err
		}
		out[mask] = make([]byte, stride*n)
		for y, row := range plan.Pixel {
			for x, pix := range row {
				if (pix^base.Pixel[y][x])&coding.Black != 0 {
					out[mask][y*stride+x/8] |= 0x80 >> (x % 8)
				}
			}
		}
	}
	qrChanges.Store(int(v), out)
	return out, nil
}

// qrPlans caches the module layouts: making one costs more than encoding with it, and certificates of a batch
// all need the same version. Plans are read-only once made.
var qrPlans sync.Map // [2]int{version, mask} → *coding.Plan

func qrPlan(v coding.Version, mask coding.Mask) (*coding.Plan, error) {
	key := [2]int{int(v), int(mask)}
	if p, ok := qrPlans.Load(key); ok {
		return p.(*coding.Plan), nil
	}
	p, err := coding.NewPlan(v, coding.M, mask)
	if err != nil {
		return nil, err
	}
	qrPlans.Store(key, p)
	return p, nil
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

// DrawQR draws the code as vector rectangles, side: the width of the code with its quiet zone, in mm, with its
// top left corner at (x, y). The quiet zone is painted white, so the code reads on a background image too.
// The whole code is one path in module units; neighbouring dark modules of a row are one rectangle, and equal
// runs in consecutive rows one taller rectangle: about 6 KB of page content before compression.
func DrawQR(pdf *Doc, q QRCode, x, y, side float64) {
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
