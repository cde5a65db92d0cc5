package report

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	kflate "github.com/klauspost/compress/flate"
)

// sheetXML is worksheet XML as the leadership workbook writes it for n people.
func sheetXML(n int) []byte {
	rng := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	b.WriteString(`<worksheet><sheetData>`)
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>1986%014d</t></is></c><c r="B%d" t="inlineStr"><is><t>Peserta Nomor %d</t></is></c>`+
			`<c r="C%d" t="inlineStr"><is><t>SD Negeri %d Sukamaju</t></is></c><c r="D%d"><v>%d</v></c><c r="E%d" t="inlineStr"><is><t>%s</t></is></c></row>`,
			r, r, rng.Int64N(1e14), r, r, r, 1+rng.IntN(300), r, rng.IntN(40), r, []string{"Ya", "Belum"}[rng.IntN(2)])
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Bytes()
}

// BenchmarkDeflate compresses the worksheet XML of 100,000 people (about 33 MB) as the workbook's zip writer
// does, with klauspost's flate (what newWorkbook uses) and with compress/flate, both at BestSpeed, and reports
// the compressed size as a share of the input. The figures are in newWorkbook's comment.
func BenchmarkDeflate(b *testing.B) {
	in := sheetXML(100_000)
	for _, c := range []struct {
		name string
		new  func(w io.Writer) io.WriteCloser
	}{
		{"stdlib", func(w io.Writer) io.WriteCloser { fw, _ := flate.NewWriter(w, flate.BestSpeed); return fw }},
		{"klauspost", func(w io.Writer) io.WriteCloser { fw, _ := kflate.NewWriter(w, kflate.BestSpeed); return fw }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			var out bytes.Buffer
			for i := 0; i < b.N; i++ {
				out.Reset()
				w := c.new(&out)
				io.Copy(w, bytes.NewReader(in))
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len())*100/float64(len(in)), "%size")
		})
	}
}
