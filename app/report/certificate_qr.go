package report

import (
	"context"
	"sync"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

// CertificateQRs returns the QR code of each certificate: the one the register keeps when there is one, else
// a new one, encoded in parallel. fresh lists the indexes of the new codes, for the caller to keep.
func CertificateQRs(ctx context.Context, certs []*data.Certificate, progress func(done, total int)) (codes []pdf.QRCode, fresh []int, err error) {
	codes = make([]pdf.QRCode, len(certs))
	var texts []string
	for i, c := range certs {
		if q, ok := pdf.UnmarshalQR(c.QR); ok {
			codes[i] = q
			continue
		}
		fresh = append(fresh, i)
		texts = append(texts, c.Payload)
	}
	var mu sync.Mutex
	done := 0
	err = pdf.EncodeQRs(ctx, texts, func(i int, q pdf.QRCode) {
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
