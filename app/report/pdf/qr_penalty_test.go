package pdf

import (
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"rsc.io/qr/coding"

	"github.com/pembina/pembina/data"
)

// referencePenalty is qrPenalty written the slow, obvious way, module by module, for the test below.
func referencePenalty(c *coding.Code) int {
	n := c.Size
	dark := func(x, y int) bool { return x >= 0 && y >= 0 && x < n && y < n && c.Black(x, y) }
	penalty, darkCount := 0, 0
	for _, transpose := range []bool{false, true} {
		at := func(i, j int) bool {
			if transpose {
				return dark(j, i)
			}
			return dark(i, j)
		}
		for j := 0; j < n; j++ {
			run := 1
			for i := 1; i <= n; i++ {
				if i < n && at(i, j) == at(i-1, j) {
					run++
					continue
				}
				if run >= 5 {
					penalty += 3 + run - 5
				}
				run = 1
			}
			for i := -4; i+11 <= n+4; i++ {
				var pattern []bool
				for k := 0; k < 11; k++ {
					pattern = append(pattern, at(i+k, j))
				}
				s := ""
				for _, d := range pattern {
					if d {
						s += "1"
					} else {
						s += "0"
					}
				}
				if s == "00001011101" || s == "10111010000" {
					penalty += 40
				}
			}
		}
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if dark(x, y) {
				darkCount++
			}
			if x+1 < n && y+1 < n && dark(x, y) == dark(x+1, y) && dark(x, y) == dark(x, y+1) && dark(x, y) == dark(x+1, y+1) {
				penalty += 3
			}
		}
	}
	dev := darkCount*100/(n*n) - 50
	if dev < 0 {
		dev = -dev
	}
	return penalty + dev/5*10
}

// certificatePayload is the signed text a certificate's QR code carries (data.SignClaim).
func certificatePayload() string {
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	day := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	return data.SignClaim(data.CertificateClaim{Format: data.PayloadFormat, Number: "800/001/DISDIK/XI/2026", Holder: "198609262015051001",
		Name: "Peserta Nomor 0001, S.Pd.", Role: data.RoleParticipant, ProgramCode: "PTD-I/2026", Start: day, End: day.AddDate(0, 0, 2),
		JP: 30, Issued: day.AddDate(0, 0, 25)}, key)
}

func TestQRPenaltyMatchesTheRules(t *testing.T) {
	texts := []string{"PBN1|1", strings.Repeat("Sertifikat Pembina ", 12), certificatePayload(),
		strings.Repeat("x", 1200), strings.Repeat("y", 330), strings.Repeat("z", 2300)} // versions up to 40: lines of one, two and three words
	for _, text := range texts {
		enc := coding.String(text)
		v := coding.Version(coding.MinVersion)
		for enc.Bits(v) > v.DataBytes(coding.M)*8 {
			v++
		}
		for mask := coding.Mask(0); mask < 8; mask++ {
			p, err := qrPlan(v, mask)
			if err != nil {
				t.Fatal(err)
			}
			c, err := p.Encode(enc)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := qrPenalty(c), referencePenalty(c); got != want {
				t.Errorf("version %d mask %d: penalty %d, want %d", v, mask, got, want)
			}
		}
	}
}

// The codes EncodeQR derives from mask 0 are, module for module, the ones rsc.io/qr/coding makes with each mask.
func TestQRMaskChangesMatchTheLibrary(t *testing.T) {
	for _, text := range []string{"PBN1|1", certificatePayload(), strings.Repeat("y", 330), strings.Repeat("z", 2300)} {
		enc := coding.String(text)
		v := coding.Version(coding.MinVersion)
		for enc.Bits(v) > v.DataBytes(coding.M)*8 {
			v++
		}
		changes, err := qrMaskChanges(v)
		if err != nil {
			t.Fatal(err)
		}
		p0, _ := qrPlan(v, 0)
		base, err := p0.Encode(enc)
		if err != nil {
			t.Fatal(err)
		}
		for mask := coding.Mask(1); mask < 8; mask++ {
			p, _ := qrPlan(v, mask)
			want, err := p.Encode(enc)
			if err != nil {
				t.Fatal(err)
			}
			differ := 0
			for i := range base.Bitmap {
				if base.Bitmap[i]^changes[mask][i] != want.Bitmap[i] {
					t.Fatalf("version %d mask %d: byte %d is %08b, the library's %08b", v, mask, i, base.Bitmap[i]^changes[mask][i], want.Bitmap[i])
				}
				if changes[mask][i] != 0 {
					differ++
				}
			}
			if differ == 0 {
				t.Errorf("version %d mask %d changes nothing", v, mask)
			}
		}
	}
}
