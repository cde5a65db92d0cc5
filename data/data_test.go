package data

import (
	"strings"
	"testing"
)

func TestSearchKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"José RAMÍREZ", "jose ramirez"},
		{"  Dra.  Siti   Aminah, M.Pd. ", "dra siti aminah m pd"},
		{"SMK Négeri 1", "smk negeri 1"},
		{"Çağlar", "caglar"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := SearchKey(tt.in); got != tt.want {
			t.Errorf("SearchKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := SearchKeyDigits("NIP. 19690309 199403 2 001"), "196903091994032001"; got != want {
		t.Errorf("SearchKeyDigits = %q, want %q", got, want)
	}
}

func TestFullNameAndSignatoryLines(t *testing.T) {
	if got, want := FullName("Dr.", "Hendra Gunawan", "S.Pd., M.Si."), "Dr. Hendra Gunawan, S.Pd., M.Si."; got != want {
		t.Errorf("FullName = %q, want %q", got, want)
	}
	if got, want := FullName("", "Budi", ""), "Budi"; got != want {
		t.Errorf("FullName = %q, want %q", got, want)
	}
	tests := []struct {
		g    Signatory
		want string
	}{
		{Signatory{Position: "Kepala Dinas Pendidikan"}, "KEPALA DINAS PENDIDIKAN,"},
		{Signatory{Position: "Kepala Dinas Pendidikan", Delegation: "Plt."}, "Plt. KEPALA DINAS PENDIDIKAN,"},
		{Signatory{Position: "Sekretaris", Delegation: "a.n.", OnBehalfOf: "Kepala Dinas Pendidikan"}, "a.n. KEPALA DINAS PENDIDIKAN,|SEKRETARIS,"},
		{Signatory{Position: "Sekretaris", Delegation: "a.n."}, "SEKRETARIS,"}, // saved before the office was required
	}
	for _, tt := range tests {
		if got := strings.Join(tt.g.PositionLines(), "|"); got != tt.want {
			t.Errorf("PositionLines = %q, want %q", got, tt.want)
		}
	}
}

func TestAttended(t *testing.T) {
	tests := []struct {
		s       AttendanceStatus
		excused bool
		want    bool
	}{
		{Present, false, true}, {Late, false, true}, {Leave, false, false}, {Sick, true, true}, {Duty, true, true},
		{Holiday, true, false}, {Absent, true, false},
	}
	for _, tt := range tests {
		if got := tt.s.Attended(tt.excused); got != tt.want {
			t.Errorf("%s.Attended(%v) = %v, want %v", tt.s, tt.excused, got, tt.want)
		}
	}
	if AttendanceStatus("X").Valid() || !Duty.Valid() {
		t.Error("Valid is wrong")
	}
}

func TestParticipantNormalizeFillsFromNIP(t *testing.T) {
	p := Participant{NIP: "NIP. 200012312024211001", Name: " Andi  Saputra ", RankCode: "IX", Sex: "laki-laki"}
	p.Normalize()
	if p.NIP != "200012312024211001" || p.Name != "Andi Saputra" || p.EmploymentStatus != "PPPK" || p.Sex != "L" ||
		FormatDate(p.BirthDate) != "2000-12-31" {
		t.Errorf("Normalize = %+v", p)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate = %v", err)
	}
	p.Sex = "P"
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "Jenis kelamin") {
		t.Errorf("sex against NIP: %v", err)
	}
}

func TestParseDate(t *testing.T) {
	for _, in := range []string{"2026-11-28", "28/11/2026", "28-11-2026", "28.11.2026"} {
		d, err := ParseDate(in)
		if err != nil || FormatDate(d) != "2026-11-28" {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	if _, err := ParseDate("31/02/2026"); err == nil || ErrorKind(err) != KindInvalid {
		t.Errorf("ParseDate(31/02/2026) = %v", err)
	}
}
