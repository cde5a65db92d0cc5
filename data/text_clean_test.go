package data

import (
	"strings"
	"testing"
)

func TestCleanLineAndText(t *testing.T) {
	lines := []struct{ in, want string }{
		{"  Budi \x1b[31mSantoso\x1b[0m ", "Budi [31mSantoso[0m"},
		{"Siti\x00Aminah\a", "SitiAminah"},
		{"Dadang\tHakim\r\nS.Pd.", "Dadang Hakim S.Pd."},
		{"Dadang 😀 Hakim 👨‍👩‍👧", "Dadang 😀 Hakim 👨‍👩‍👧"},
		{"abc\u202Eevil\u202C", "abcevil"},
		{"\x85\x9b", ""},
		{"Ni Luh Putu Wédhasari", "Ni Luh Putu Wédhasari"},
		{"bad \xff bytes", "bad bytes"},
		{" Budi", "Budi"}, {"Budi ", "Budi"}, {"Budi  Santoso", "Budi Santoso"}, {" ", ""}, {"", ""},
		{"SD Negeri 1 Sukamaju", "SD Negeri 1 Sukamaju"}, {"a\x7fb", "ab"},
	}
	for _, c := range lines {
		if got := CleanLine(c.in); got != c.want {
			t.Errorf("CleanLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// The fast path for clean ASCII gives what the full path gives.
	for _, in := range []string{"Budi Santoso", "Budi  Santoso", " x", "x ", "S.Pd., M.Pd.", "a\tb", "~!@#$%^&*()"} {
		if fast, full := CleanLine(in), strings.Join(strings.Fields(stripControls(in, false)), " "); fast != full {
			t.Errorf("CleanLine(%q) = %q, the full path %q", in, fast, full)
		}
	}
	texts := []struct{ in, want string }{
		{"Baris satu  \r\nbaris\x1b dua\rbaris tiga\n\n", "Baris satu\nbaris dua\nbaris tiga"},
		{"\n  Materi\tbagus 👍\x07\n", "Materi bagus 👍"},
	}
	for _, c := range texts {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	p := &Participant{Name: "\x1b]0;judul\x07Budi", Unit: "SD\x1b[2J Negeri 1"}
	p.Normalize()
	if p.Name != "]0;judulBudi" || p.Unit != "SD[2J Negeri 1" {
		t.Errorf("Participant.Normalize kept control characters: %q %q", p.Name, p.Unit)
	}
}
