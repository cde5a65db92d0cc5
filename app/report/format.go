package report

import (
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
)

// formatNIP prints a NIP in its 8-6-1-3 form.
func formatNIP(digits string) string { return nip.Format(digits) }

// rankLine is the rank as written under a signature: "Pembina Utama Muda (IV/c)".
func rankLine(code string) string {
	if r, ok := rank.ByCode(code); ok {
		return r.Label()
	}
	return code
}
