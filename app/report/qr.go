package report

import (
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"math/bits"
	"runtime"
	"strconv"
	"sync"

	"codeberg.org/go-pdf/fpdf"
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
// code where this takes about one: the difference between 1,000 certificates in 1 s or in 7.
func EncodeQR(text string) (QRCode, error) {
	enc := coding.String(text)
	v := coding.Version(coding.MinVersion)
	for ; v <= coding.MaxVersion && enc.Bits(v) > v.DataBytes(coding.M)*8; v++ {
	}
	if v > coding.MaxVersion {
		return QRCode{}, data.Errorf(data.KindInvalid, "Kode QR tidak dapat dibuat: teksnya terlalu panjang (%d karakter)", len(text))
	}
	var best *coding.Code
	bestPenalty := -1
	for mask := coding.Mask(0); mask < 8; mask++ {
		plan, err := qrPlan(v, mask)
		if err != nil {
			return QRCode{}, data.Wrap(data.KindInternal, err, "Kode QR tidak dapat dibuat: %v", err)
		}
		code, err := plan.Encode(enc)
		if err != nil {
			return QRCode{}, data.Wrap(data.KindInvalid, err, "Kode QR tidak dapat dibuat (teksnya %d karakter): %v", len(text), err)
		}
		if p := qrPenalty(code); bestPenalty < 0 || p < bestPenalty {
			best, bestPenalty = code, p
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

// qrPenalty scores a masked code by the four rules of ISO/IEC 18004 §7.8.3.1: runs of five or more modules
// of one colour in a row or column (N1 = 3, plus one per module beyond five), 2 × 2 blocks of one colour
// (N2 = 3 each), finder-like 1:1:3:1:1 patterns with four light modules on one side (N3 = 40 each), and the
// share of dark modules away from half (N4 = 10 per 5%). The mask with the lowest score reads best.
func qrPenalty(c *coding.Code) int {
	n := c.Size
	// rows and cols hold the modules (1 dark) of each row and each column, with four light modules of quiet
	// zone on both ends so that finder-like patterns at the edge are seen; rowBits holds each row as a bitset
	// for the 2 × 2 rule. A code is at most 177 modules wide: three words a row.
	w := n + 8
	buf := make([]uint8, 2*n*w)
	rowBits := make([][3]uint64, n)
	darkCount := 0
	for y := 0; y < n; y++ {
		line := c.Bitmap[y*c.Stride:]
		row := buf[y*w : (y+1)*w]
		for x := 0; x < n; x++ {
			if line[x>>3]&(0x80>>(x&7)) != 0 {
				row[x+4] = 1
				buf[(n+x)*w+y+4] = 1
				rowBits[y][x>>6] |= 1 << (x & 63)
				darkCount++
			}
		}
	}
	const (
		finderLightBefore = 0b00001011101 // four light, then dark-light-dark-dark-dark-light-dark
		finderLightAfter  = 0b10111010000
	)
	penalty := 0
	for l := 0; l < 2*n; l++ {
		line := buf[l*w : (l+1)*w]
		window, run, prev := 0, 0, uint8(2)
		for i, m := range line {
			window = (window<<1 | int(m)) & 0x7ff
			if i >= 10 && (window == finderLightBefore || window == finderLightAfter) {
				penalty += 40
			}
			if i < 4 || i >= n+4 {
				continue
			}
			if m == prev {
				run++
				continue
			}
			if run >= 5 {
				penalty += run - 2
			}
			run, prev = 1, m
		}
		if run >= 5 {
			penalty += run - 2
		}
	}
	for y := 0; y+1 < n; y++ {
		for k := 0; k*64 < n-1; k++ {
			r0, r1 := rowBits[y][k], rowBits[y+1][k]
			var next0, next1 uint64 // the module right of each bit, across word boundaries
			next0, next1 = r0>>1, r1>>1
			if k+1 < 3 {
				next0 |= rowBits[y][k+1] << 63
				next1 |= rowBits[y+1][k+1] << 63
			}
			same := ^(r0 ^ next0) & ^(r0 ^ r1) & ^(r1 ^ next1)
			valid := n - 1 - k*64 // blocks start at x = 0 … n-2
			if valid < 64 {
				same &= 1<<valid - 1
			}
			penalty += 3 * bitsOnes(same)
		}
	}
	deviation := darkCount*100/(n*n) - 50
	if deviation < 0 {
		deviation = -deviation
	}
	return penalty + deviation/5*10
}

func bitsOnes(v uint64) int { return bits.OnesCount64(v) }

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
