package data

import (
	"strings"
	"testing"
)

// Signing "a.n." needs the office signed for; the NIP may arrive with a line break inside.
func TestSignatoryValidate(t *testing.T) {
	tests := []struct {
		name string
		g    Signatory
		want string // a part of the error, "" when valid
	}{
		{"plain", Signatory{Name: "Asep", Position: "Kepala Dinas"}, ""},
		{"a.n. with the office", Signatory{Name: "Euis", Position: "Sekretaris", Delegation: "a.n.", OnBehalfOf: "Kepala Dinas"}, ""},
		{"a.n. without the office", Signatory{Name: "Euis", Position: "Sekretaris", Delegation: "a.n."}, "Atas nama: wajib diisi"},
		{"a.n. with spaces only", Signatory{Name: "Euis", Position: "Sekretaris", Delegation: "a.n.", OnBehalfOf: "  \t"}, "Atas nama: wajib diisi"},
		{"Plt. needs no office", Signatory{Name: "Dedi", Position: "Kepala Dinas", Delegation: "Plt."}, ""},
		{"NIP with a line break", Signatory{Name: "Asep", Position: "Kepala Dinas", NIP: "19720315\n199803 1 004"}, ""},
		{"NIP with a tab", Signatory{Name: "Asep", Position: "Kepala Dinas", NIP: "NIP.\t19720315\t199803\t1\t004"}, ""},
		{"bad NIP", Signatory{Name: "Asep", Position: "Kepala Dinas", NIP: "19720315 199803 1 00"}, "NIP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.g
			g.Normalize()
			err := g.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate() = %v, want an error with %q", err, tt.want)
			}
		})
	}
	g := Signatory{Name: "Dedi", Position: "Kepala Dinas", Delegation: "Plt.", OnBehalfOf: "Bupati"}
	g.Normalize()
	if g.OnBehalfOf != "" {
		t.Errorf("Plt. kept the office %q, which it never prints", g.OnBehalfOf)
	}
}
