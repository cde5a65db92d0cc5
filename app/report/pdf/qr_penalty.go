package pdf

import (
	"math/bits"

	"rsc.io/qr/coding"
)

// qrLine is one row or column of a QR code as a bitset, a dark module set: module i at bit i+qrPad, so that
// the quiet zone's light modules stand on both ends. A code is at most 177 modules wide: 185 bits, three words.
type qrLine [3]uint64

const qrPad = 4 // light modules of quiet zone before and after each line, as finder-like patterns need

// shr moves every bit k places down (k < 64): bit i of the result is bit i+k of l.
func (l qrLine) shr(k uint) qrLine {
	if k == 0 {
		return l
	}
	return qrLine{l[0]>>k | l[1]<<(64-k), l[1]>>k | l[2]<<(64-k), l[2] >> k}
}

// shl1 moves every bit one place up: bit i of the result is bit i-1 of l.
func (l qrLine) shl1() qrLine {
	return qrLine{l[0] << 1, l[1]<<1 | l[0]>>63, l[2]<<1 | l[1]>>63}
}

func (l qrLine) and(m qrLine) qrLine  { return qrLine{l[0] & m[0], l[1] & m[1], l[2] & m[2]} }
func (l qrLine) not() qrLine          { return qrLine{^l[0], ^l[1], ^l[2]} }
func (l qrLine) xnor(m qrLine) qrLine { return qrLine{^(l[0] ^ m[0]), ^(l[1] ^ m[1]), ^(l[2] ^ m[2])} }
func (l qrLine) ones() int {
	return bits.OnesCount64(l[0]) + bits.OnesCount64(l[1]) + bits.OnesCount64(l[2])
}
func (l *qrLine) set(i int) { l[i>>6] |= 1 << (i & 63) }

// qrRange is the bitset of bits from through to, inclusive.
func qrRange(from, to int) qrLine {
	var l qrLine
	for i := from; i <= to; i++ {
		l.set(i)
	}
	return l
}

// qrPenalty scores a masked code by the four rules of ISO/IEC 18004 §7.8.3.1: runs of five or more modules
// of one colour in a row or column (N1 = 3, plus one per module beyond five), 2 × 2 blocks of one colour
// (N2 = 3 each), finder-like 1:1:3:1:1 patterns with four light modules on one side (N3 = 40 each), and the
// share of dark modules away from half (N4 = 10 per 5%). The mask with the lowest score reads best.
//
// It works on whole rows and columns as bitsets, 64 modules an operation: a certificate's code is scored
// eight times (once per mask), and module by module that was half of the time of encoding it.
func qrPenalty(c *coding.Code) int {
	n := c.Size
	code := qrRange(qrPad, qrPad+n-1) // the code's own modules
	lines := make([]qrLine, 2*n)
	rows, cols := lines[:n], lines[n:]
	for y := 0; y < n; y++ {
		row := &rows[y]
		for j, b := range c.Bitmap[y*c.Stride : y*c.Stride+(n+7)/8] {
			// The bitmap holds eight modules a byte, the first in the high bit; the line holds them low bit first.
			at := 8*j + qrPad
			v := uint64(bits.Reverse8(b))
			row[at>>6] |= v << (at & 63)
			if at&63 > 56 {
				row[at>>6+1] |= v >> (64 - at&63)
			}
		}
		*row = row.and(code) // without the padding bits of the bitmap's last byte
		for w, v := range row {
			for v != 0 {
				x := 64*w + bits.TrailingZeros64(v) - qrPad
				cols[x].set(y + qrPad)
				v &= v - 1
			}
		}
	}
	// sameSpan holds the positions whose module has a next one inside the code; starts the positions where
	// an 11-module finder-like window fits inside the padded line.
	sameSpan := qrRange(qrPad, qrPad+n-2)
	starts := qrRange(0, n+2*qrPad-11)
	light := qrRange(0, n+2*qrPad-1) // the padded line: beyond it a light bit means nothing
	penalty, dark := 0, 0
	for i, l := range lines {
		if i < n {
			dark += l.ones()
		}
		// Rule 1: a run of k ≥ 5 equal modules has k−1 equal neighbours, so k−4 windows of four equal
		// neighbours in a row, and one start of such windows: (k−4) + 2 = k−2 = 3 + (k−5).
		same := l.xnor(l.shr(1)).and(sameSpan)
		four := same.and(same.shr(1)).and(same.shr(2)).and(same.shr(3))
		penalty += four.ones() + 2*four.and(four.shl1().not()).ones()
		// Rule 3: finder-like patterns, 40 each: the core dark-light-dark-dark-dark-light-dark with four light
		// modules before it or after it.
		lit := l.not().and(light)
		core := l.and(lit.shr(1)).and(l.shr(2)).and(l.shr(3)).and(l.shr(4)).and(lit.shr(5)).and(l.shr(6))
		lit4 := lit.and(lit.shr(1)).and(lit.shr(2)).and(lit.shr(3))
		penalty += 40 * (lit4.and(core.shr(4)).and(starts).ones() + core.and(lit4.shr(7)).and(starts).ones())
	}
	// Rule 2: 2 × 2 blocks of one colour, 3 each.
	for y := 0; y+1 < n; y++ {
		r0, r1 := rows[y], rows[y+1]
		block := r0.xnor(r0.shr(1)).and(r0.xnor(r1)).and(r1.xnor(r1.shr(1))).and(sameSpan)
		penalty += 3 * block.ones()
	}
	// Rule 4: the share of dark modules, 10 per 5% away from half.
	deviation := dark*100/(n*n) - 50
	if deviation < 0 {
		deviation = -deviation
	}
	return penalty + deviation/5*10
}
