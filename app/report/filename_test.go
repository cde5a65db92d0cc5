package report

import (
	"testing"
	"time"
)

func TestFileName(t *testing.T) {
	day := time.Date(2026, 12, 6, 15, 4, 0, 0, time.UTC)
	tests := []struct{ kind, code, ext, want string }{
		{"Sertifikat", "PTD-II/2026", ".pdf", "Sertifikat – PTD-II-2026 – 2026-12-06.pdf"},
		{"Laporan Evaluasi", "PTD-I/2026", ".pdf", "Laporan Evaluasi – PTD-I-2026 – 2026-12-06.pdf"},
		{"Register Sertifikat", `A:B*C?"D<E>F|G\H`, ".xlsx", "Register Sertifikat – A-B-C--D-E-F-G-H – 2026-12-06.xlsx"},
		{"Daftar Program", "", ".xlsx", "Daftar Program – 2026-12-06.xlsx"},
		{"Formulir  kosong\t", "X. ", ".pdf", "Formulir kosong – X – 2026-12-06.pdf"},
	}
	for _, tt := range tests {
		if got := FileName(tt.kind, tt.code, day, tt.ext); got != tt.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tt.kind, tt.code, got, tt.want)
		}
	}
}
