package rank

import "testing"

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
