package report

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
)

// Blocks compressed apart and joined must inflate to the input, whatever its length.
func TestParallelDeflateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 1, 1000, deflateBlockSize - 1, deflateBlockSize, deflateBlockSize + 1, 5*deflateBlockSize + 12345} {
		var in bytes.Buffer
		for in.Len() < size {
			fmt.Fprintf(&in, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%x</t></is></c></row>`, in.Len(), rng.IntN(1e6), rng.Uint64())
		}
		in.Truncate(size)
		var out bytes.Buffer
		d := newParallelDeflate(&out)
		// Write in uneven pieces, as io.Copy does.
		for rest := in.Bytes(); len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(70000))
			if _, err := d.Write(rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(flate.NewReader(&out))
		if err != nil || !bytes.Equal(got, in.Bytes()) {
			t.Fatalf("size %d: inflated %d bytes (%v), want the %d written", size, len(got), err, in.Len())
		}
	}
}
