package rank

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"III/b", "III/b", true},
		{"III.b", "III/b", true},
		{"IIIb", "III/b", true},
		{"iii/B", "III/b", true},
		{"III - b", "III/b", true},
		{"3b", "III/b", true},
		{"Gol. IV/a", "IV/a", true},
		{"Penata Muda Tk. I", "III/b", true},
		{"Penata Muda Tk.I", "III/b", true},
		{"Penata Muda Tingkat I (III/b)", "III/b", true},
		{"Penata Muda Tingkat I, III/b", "III/b", true},
		{"Pembina Utama Muda", "IV/c", true},
		{"pembina", "IV/a", true},
		{"Penata", "III/c", true},
		{"Penata Tkt. I", "III/d", true},
		{"Juru Muda", "I/a", true},
		{"IX", "IX", true},
		{"Golongan IX", "IX", true},
		{"XVII", "XVII", true},
		{"IX (PPPK)", "IX", true},
		{"Penata Muda Tingkat 1", "III/b", true},
		{"Pengatur Tk 1", "II/d", true},
		{"IIIB (Penata Muda Tk I)", "III/b", true},
		{"III/a - Penata Muda", "III/a", true},
		{"III/a – Penata Muda", "III/a", true},
		{"III/a-Penata Muda", "III/a", true},
		{"Penata Muda - III/a", "III/a", true},
		{"III - b (Penata Muda Tingkat I)", "III/b", true},
		{"III/a Penata Muda", "III/a", true}, // code and name with only a space between
		{"IV/a Pembina", "IV/a", true},
		{"Penata Muda Tingkat I III/b", "III/b", true},
		{"penata muda tk 1 / III b", "III/b", true},
		{"Gol. III/c Penata", "III/c", true},
		{"Pembina Tingkat I", "IV/b", true}, // ends in a bare golongan: the name decides
		{"III/a Penata", "III/a", true},     // the code wins over a name that disagrees
		{"Guru Kelas 4 B", "", false},       // a code-like end beside words that are no rank's name
		{"SD Negeri 2 a", "", false},
		{"IV (Pembina)", "IV/a", true}, // the name is more precise than a bare golongan
		{"Pembina, IV", "IV/a", true},  // likewise after a comma
		{"IV", "IV", true},             // a bare golongan is PPPK's; FitsStatus refuses it on a PNS
		{"Gol. III", "III", true},
		{"Golongan IX (PPPK)", "IX", true},
		{"", "", true},
		{"-", "", true},
		{"III/f", "", false},
		{"Penata Madya", "", false},
		{"XVIII", "", false},
		{"Kepala Sekolah", "", false},
	}
	for _, tt := range tests {
		got, ok := Normalize(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Normalize(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

// A golongan fits a PNS only with its ruang, and a PPPK only without one: a spelling read as the other kind
// is an error for the caller to report, never a silent PPPK golongan on a PNS.
func TestFitsStatus(t *testing.T) {
	tests := []struct {
		spelling, status string
		ok               bool
		reason           string // part of the reason
	}{
		{"III/b", "PNS", true, ""},
		{"Penata Muda Tingkat 1", "CPNS", true, ""},
		{"IV", "PNS", false, "golongan IV tanpa ruang hanya dipakai PPPK"},
		{"Gol. III", "PNS", false, "misalnya III/a"},
		{"IX", "PNS", false, "golongan IX hanya ada pada PPPK"},
		{"IX", "PPPK", true, ""},
		{"IV", "PPPK Paruh Waktu", true, ""},
		{"III/a - Penata Muda", "PPPK", false, "III/a (Penata Muda) adalah pangkat PNS"},
		{"IV", "Non-ASN", true, ""},
		{"III/b", "", true, ""},
		{"", "PNS", true, ""},
	}
	for _, tt := range tests {
		code, _ := Normalize(tt.spelling)
		ok, reason := FitsStatus(code, tt.status)
		if ok != tt.ok || !strings.Contains(reason, tt.reason) || (!ok && reason == "") {
			t.Errorf("FitsStatus(%q from %q, %q) = %v, %q; want %v with %q", code, tt.spelling, tt.status, ok, reason, tt.ok, tt.reason)
		}
	}
}

func TestOrderAndNames(t *testing.T) {
	all := All()
	if got, want := len(all), 17+17; got != want {
		t.Fatalf("len(All()) = %d, want %d", got, want)
	}
	for i := 1; i < len(all); i++ {
		if all[i].Ordinal <= all[i-1].Ordinal {
			t.Errorf("%s sorts before %s", all[i].Code, all[i-1].Code)
		}
	}
	r, ok := ByCode("IV/e")
	if !ok || r.Name != "Pembina Utama" || r.Label() != "Pembina Utama (IV/e)" {
		t.Errorf("ByCode(IV/e) = %+v, %v", r, ok)
	}
	if Ordinal("III/a") >= Ordinal("III/b") || Ordinal("") != 0 {
		t.Error("ordinals out of order")
	}
	if r, _ := ByCode("IX"); r.Label() != "Golongan IX (PPPK)" {
		t.Errorf("PPPK label = %q", r.Label())
	}
}
