package data

import "testing"

func TestJPTargetsPhrase(t *testing.T) {
	for _, c := range []struct {
		name    string
		targets JPTargets
		want    string
	}{
		{"default", DefaultJPTargets(), "20 JP"},
		{"all raised to 24", JPTargets{"PNS": 24, "CPNS": 24, "PPPK": 24, "PPPK Paruh Waktu": 24, "Non-ASN": 0}, "24 JP"},
		{"PPPK without a target", JPTargets{"PNS": 20, "CPNS": 20, "PPPK": 0}, "20 JP"},
		{"different targets", JPTargets{"PNS": 20, "CPNS": 20, "PPPK": 10}, "target JP"},
		{"nothing set", JPTargets{}, "20 JP"},
	} {
		if got := c.targets.Phrase(); got != c.want {
			t.Errorf("%s: Phrase() = %q, want %q", c.name, got, c.want)
		}
	}
}
