package data

import (
	"strconv"
	"strings"
	"testing"
)

// A final score's predicate is the predicate of the score as printed, at every boundary, and the pass score
// is checked on it too.
func TestScorePrintedAndPredicate(t *testing.T) {
	tests := []struct {
		score     float64
		printed   string
		predicate string
	}{
		{100, "100", "Sangat Memuaskan"},
		{90.01, "90,01", "Sangat Memuaskan"},
		{90.005, "90,01", "Sangat Memuaskan"}, // stored as 90,00499…: printed 90 and judged 90,01 before
		{90.0049, "90", "Memuaskan"},
		{90.004, "90", "Memuaskan"},
		{89.995, "90", "Memuaskan"},
		{90, "90", "Memuaskan"},
		{80.005, "80,01", "Memuaskan"},
		{80.004999, "80", "Cukup Memuaskan"},
		{70.5, "70,5", "Cukup Memuaskan"},
		{70.005, "70,01", "Cukup Memuaskan"},
		{70, "70", "Kurang Memuaskan"},
		{60.005, "60,01", "Kurang Memuaskan"},
		{60.0049, "60", "Tidak Memuaskan"},
		{0, "0", "Tidak Memuaskan"},
	}
	for _, tt := range tests {
		if got := FormatScoreValue(tt.score); got != tt.printed {
			t.Errorf("FormatScoreValue(%v) = %q, want %q", tt.score, got, tt.printed)
		}
		if got := Predicate(tt.score); got != tt.predicate {
			t.Errorf("Predicate(%v) = %q, want %q", tt.score, got, tt.predicate)
		}
	}
	// Every score with up to three decimals gets the predicate of its printed figure read back.
	for thousandths := 0; thousandths <= 100000; thousandths++ {
		score := float64(thousandths) / 1000
		printed := FormatScoreValue(score)
		back, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(printed, ".", ""), ",", "."), 64)
		if err != nil {
			t.Fatal(err)
		}
		if Predicate(score) != Predicate(back) {
			t.Fatalf("%v printed as %s is %s, but %s reads %s", score, printed, Predicate(score), printed, Predicate(back))
		}
	}
}

// The pass score is compared with the score as printed: 74,995 prints as 75 and passes 75; the reason of a
// score that fails prints it the same way.
func TestPassScoreOnPrintedScore(t *testing.T) {
	all := AttendanceRate{JPAttended: 10, JPScheduled: 10, SessionsAttended: 1, SessionsScheduled: 1}
	for _, tt := range []struct {
		score  float64
		met    bool
		reason string
	}{{74.995, true, ""}, {75, true, ""}, {74.9949, false, "nilai akhir 74,99, kurang dari nilai lulus 75"},
		{74.5, false, "nilai akhir 74,5, kurang"}} {
		score := tt.score
		got := DecideEligibility(EligibilityInput{Program: &Program{AttendanceThreshold: 80, PassScore: 75},
			Enrolment: &Enrolment{Role: RoleParticipant, FinalScore: &score}, Attendance: all, Complete: true})
		if got.Eligible() != tt.met || !strings.Contains(got.Reasons.String(), tt.reason) {
			t.Errorf("score %v (printed %s) with pass score 75: eligible %v %v, want %v %q", tt.score, FormatScoreValue(tt.score),
				got.Eligible(), got.Reasons, tt.met, tt.reason)
		}
	}
}

// The certificate prints the score and the predicate it earned alike: 90,005 is "90,01" and SANGAT MEMUASKAN,
// 90,0049 is "90" and MEMUASKAN.
func TestCertificateScoreAndPredicate(t *testing.T) {
	for _, tt := range []struct {
		score           float64
		nilai, predikat string
	}{{90.005, "90,01", "SANGAT MEMUASKAN"}, {90.0049, "90", "MEMUASKAN"}} {
		score := tt.score
		v := CertificateValues(testProgram(), &Certificate{HolderName: "Budi", Role: RoleParticipant, FinalScore: &score})
		if v["nilai"] != tt.nilai || v["predikat"] != tt.predikat {
			t.Errorf("score %v prints nilai %q predikat %q, want %q %q", tt.score, v["nilai"], v["predikat"], tt.nilai, tt.predikat)
		}
	}
}
