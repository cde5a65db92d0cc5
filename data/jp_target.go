package data

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// JPTargets are the yearly competency-development hours an office expects of each employment status: every
// PNS is entitled to at least AnnualJPTarget (20 JP) a year, and for CPNS and PPPK the office's own rule
// applies, so each status has its own target. A status with target 0 (Non-ASN by default) has none: such
// people are never in the denominator of a "mencapai 20 JP" figure.
type JPTargets map[string]int

// DefaultJPTargets are the targets of a new database: AnnualJPTarget for every ASN status (PNS, CPNS, PPPK and
// part-time PPPK, which is PPPK too), none for Non-ASN.
func DefaultJPTargets() JPTargets {
	return JPTargets{"PNS": AnnualJPTarget, "CPNS": AnnualJPTarget, "PPPK": AnnualJPTarget,
		"PPPK Paruh Waktu": AnnualJPTarget, "Non-ASN": 0}
}

// For is the target of an employment status: 0 when it has none.
func (t JPTargets) For(status string) int { return t[status] }

// Phrase is how figures and headings name reaching the target: "20 JP" while every status that has a target
// shares one number (the default), "target JP" once the office set different targets for different statuses,
// so that no label promises a number some people are not measured against.
func (t JPTargets) Phrase() string {
	common := 0
	for _, jp := range t {
		switch {
		case jp <= 0:
		case common == 0:
			common = jp
		case jp != common:
			return "target JP"
		}
	}
	if common == 0 {
		common = AnnualJPTarget
	}
	return strconv.Itoa(common) + " JP"
}

// Validate checks that every status is known and every target lies between 0 and 200 JP.
func (t JPTargets) Validate() error {
	var fe FieldErrors
	statuses := slices.Sorted(maps.Keys(t))
	for _, status := range statuses {
		if !oneOf(status, EmploymentStatuses) {
			fe.Add("Target JP", "status kepegawaian %q tidak dikenal", status)
		} else if jp := t[status]; jp < 0 || jp > 200 {
			fe.Add("Target JP "+status, "isi 0 sampai 200 JP (0: tanpa target)")
		}
	}
	return fe.Err()
}

// Label writes the targets in Indonesian, "PNS 20 JP, CPNS 20 JP, …", statuses without a target left out.
func (t JPTargets) Label() string {
	var parts []string
	for _, s := range EmploymentStatuses {
		if jp := t[s]; jp > 0 {
			parts = append(parts, fmt.Sprintf("%s %d JP", s, jp))
		}
	}
	if len(parts) == 0 {
		return "tanpa target"
	}
	return strings.Join(parts, ", ")
}
