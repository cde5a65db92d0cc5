package report

import (
	"context"
	"io"
	"runtime"
	"testing"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/internal/peakmem"
)

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(b []byte) (int, error) { w.n += int64(len(b)); return len(b), nil }

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkCertificates1000 writes 1,000 certificates into one PDF, as a reprint does: the QR codes come from
// the register (encoded at the first print). The goal is 1.0 s and 150 MB at most.
func BenchmarkCertificates1000(b *testing.B) {
	batch := testBatch(1000)
	codes := encodeAll(b, batch)
	for i, c := range batch.Certificates {
		c.QR = pdf.MarshalQR(codes[i])
	}
	runtime.GC()
	b.ResetTimer()
	var size int64
	var peak float64
	for i := 0; i < b.N; i++ {
		stop := peakmem.Start()
		qrs, fresh, err := CertificateQRs(context.Background(), batch.Certificates, nil)
		if err != nil || len(fresh) != 0 {
			b.Fatal(err, len(fresh))
		}
		var w countingWriter
		if err := WriteCertificates(context.Background(), &w, batch, qrs, nil); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
		size = w.n
	}
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric(float64(size)/1000/1024, "KB/page")
	b.ReportMetric(float64(size)/(1<<20), "MB/pdf")
}

// BenchmarkCertificates1000FirstPrint is the first print of 1,000 new certificates: every QR code is encoded
// (in parallel, on every core) before the PDF is written. The goal is 1.0 s; cpu-s/op, the processor time of
// all threads, says what it costs on a machine shared with other work, where the wall clock says little.
func BenchmarkCertificates1000FirstPrint(b *testing.B) {
	batch := testBatch(1000)
	runtime.GC()
	b.ResetTimer()
	cpu := cpuTime()
	var peak float64
	for i := 0; i < b.N; i++ {
		stop := peakmem.Start()
		qrs, fresh, err := CertificateQRs(context.Background(), batch.Certificates, nil)
		if err != nil || len(fresh) != 1000 {
			b.Fatal(err, len(fresh))
		}
		if err := WriteCertificates(context.Background(), io.Discard, batch, qrs, nil); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
	}
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkEncodeQR is one certificate's QR code.
func BenchmarkEncodeQR(b *testing.B) {
	text := testBatch(1).Certificates[0].Payload
	for i := 0; i < b.N; i++ {
		if _, err := pdf.EncodeQR(text); err != nil {
			b.Fatal(err)
		}
	}
}
