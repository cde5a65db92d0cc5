package report

import (
	"context"
	"testing"

	"github.com/pembina/pembina/app/report/pdf"
)

// BenchmarkPDFPack writes 1,000 certificates with packStreams (pages written plain, compressed afterwards on
// every core) and with fpdf's own compression (a new zlib writer per page), and reports the file size.
func BenchmarkPDFPack(b *testing.B) {
	batch := testBatch(1000)
	codes := encodeAll(b, batch)
	for i, c := range batch.Certificates {
		c.QR = pdf.MarshalQR(codes[i])
	}
	qrs, _, err := CertificateQRs(context.Background(), batch.Certificates, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { packCertificates = true }()
	for _, pack := range []bool{true, false} {
		name := map[bool]string{true: "packStreams", false: "fpdf"}[pack]
		b.Run(name, func(b *testing.B) {
			packCertificates = pack
			var size int64
			for i := 0; i < b.N; i++ {
				var w countingWriter
				if err := WriteCertificates(context.Background(), &w, batch, qrs, nil); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(size)/(1<<20), "MB/pdf")
		})
	}
}
