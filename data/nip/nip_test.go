package nip

import (
	"errors"
	"testing"
	"time"
)

var today = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func TestParseVectors(t *testing.T) {
	tests := []struct {
		in       string
		wantCode Code // empty when valid
		kind     Kind
		birth    string
		tmtYear  int
		tmtMonth int
		contract int
		sex      Sex
		serial   int
		warn     bool
	}{
		{in: "198609262015051001", kind: PNS, birth: "1986-09-26", tmtYear: 2015, tmtMonth: 5, sex: Male, serial: 1},
		{in: "19680411 199303 1 009", kind: PNS, birth: "1968-04-11", tmtYear: 1993, tmtMonth: 3, sex: Male, serial: 9},
		{in: "NIP. 19690309 199403 2 001", kind: PNS, birth: "1969-03-09", tmtYear: 1994, tmtMonth: 3, sex: Female, serial: 1},
		{in: "200012312024211001", kind: PPPK, birth: "2000-12-31", tmtYear: 2024, contract: 1, sex: Male, serial: 1},
		{in: "199009132025242014", kind: PPPK, birth: "1990-09-13", tmtYear: 2025, contract: 4, sex: Female, serial: 14},
		{in: "198602302015051001", wantCode: CodeBirthDate},
		{in: "198609262015131001", wantCode: CodeKind},
		{in: "198609262015053001", wantCode: CodeSex},
		{in: "198609262015051000", wantCode: CodeSerial},
		{in: "19860926201505100", wantCode: CodeLength},
		{in: "1986092620150510011", wantCode: CodeLength},
		{in: "198609262000051001", kind: PNS, birth: "1986-09-26", tmtYear: 2000, tmtMonth: 5, sex: Male, serial: 1, warn: true},
		{in: "19860926201505100A", wantCode: CodeLetters},
		{in: "1.98609E+17", wantCode: CodeNumeric},
		{in: "198609262015051000.0", wantCode: CodeNumeric},
		{in: "131110468", wantCode: CodeLegacy},
		{in: "   ", wantCode: CodeEmpty},
		{in: "nip: 1986-0926-2015-05-1-001", kind: PNS, birth: "1986-09-26", tmtYear: 2015, tmtMonth: 5, sex: Male, serial: 1},
		{in: "19860926\n201505 1 001", kind: PNS, birth: "1986-09-26", tmtYear: 2015, tmtMonth: 5, sex: Male, serial: 1},
		{in: "NIP.\r\n19860926\t201505\t1\t001\n", kind: PNS, birth: "1986-09-26", tmtYear: 2015, tmtMonth: 5, sex: Male, serial: 1},
		{in: "\u200b19860926\u2003201505\u00a01\u202f001\ufeff", kind: PNS, birth: "1986-09-26", tmtYear: 2015, tmtMonth: 5, sex: Male, serial: 1},
		{in: "198609262015001001", wantCode: CodeKind},
		{in: "198609262015201001", wantCode: CodeKind},
		{in: "198609262015301001", wantCode: CodeKind},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseAt(tt.in, today)
			if tt.wantCode != "" {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("ParseAt(%q) error = %v, want code %s", tt.in, err, tt.wantCode)
				}
				if e.Code != tt.wantCode {
					t.Errorf("code = %s, want %s (%s)", e.Code, tt.wantCode, e.Message)
				}
				if e.Message == "" {
					t.Error("empty message")
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAt(%q) = %v", tt.in, err)
			}
			if got.Kind != tt.kind || got.BirthDate.Format("2006-01-02") != tt.birth || got.TMTYear != tt.tmtYear ||
				got.TMTMonth != tt.tmtMonth || got.Contract != tt.contract || got.Sex != tt.sex || got.Serial != tt.serial {
				t.Errorf("ParseAt(%q) = %+v", tt.in, got)
			}
			if gotWarn := len(got.Warnings) > 0; gotWarn != tt.warn {
				t.Errorf("warnings = %v, want some: %v", got.Warnings, tt.warn)
			}
		})
	}
}

func TestWarningAgeAtTMT(t *testing.T) {
	n, err := ParseAt("198609262000051001", today)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Warnings) != 1 || n.Warnings[0][:24] != "umur saat TMT hanya 13 t" {
		t.Errorf("warnings = %q, want the age of 13 at TMT", n.Warnings)
	}
}

func TestWarningsFutureAndOld(t *testing.T) {
	tests := []struct{ in, why string }{
		{"199001012028011001", "TMT more than 6 months ahead"},
		{"193001011960011001", "born 1930, implausible for an active employee"},
		{"196001012025011001", "aged 65 at TMT"},
	}
	for _, tt := range tests {
		n, err := ParseAt(tt.in, today)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if len(n.Warnings) == 0 {
			t.Errorf("%s: no warning, want one (%s)", tt.in, tt.why)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"196903091994032001", "19690309 199403 2 001"},
		{"12345", "12345"},
	}
	for _, tt := range tests {
		if got := Format(tt.in); got != tt.want {
			t.Errorf("Format(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSexLabel(t *testing.T) {
	if got, want := Female.Label(), "Perempuan"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// FuzzParse checks that no input panics, that a valid NIP round-trips through its printed form and that
// cleaning is idempotent.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"198609262015051001", "NIP. 19690309 199403 2 001", "1.98609E+17", "131110468", "", "NIP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if Clean(Clean(s)) != Clean(s) {
			t.Fatalf("Clean not idempotent for %q", s)
		}
		n, err := ParseAt(s, today)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Message == "" {
				t.Fatalf("ParseAt(%q) error without code or message: %v", s, err)
			}
			return
		}
		if len(n.Digits) != 18 {
			t.Fatalf("valid NIP %q has %d digits", s, len(n.Digits))
		}
		again, err := ParseAt(n.Printed(), today)
		if err != nil || again.Digits != n.Digits {
			t.Fatalf("printed form %q of %q does not parse back: %v", n.Printed(), s, err)
		}
	})
}
