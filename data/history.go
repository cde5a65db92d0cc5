package data

import (
	"sort"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// AnnualJPTarget is the yearly competency development every PNS is entitled to: at least 20 JP (jam pelajaran)
// a year (PP 11/2017 as amended by PP 17/2020; docs/domain.md §2). A coordinator's key question is who has not
// reached it yet.
const AnnualJPTarget = 20

// TrainingRecord is one program in a person's training history: the program as it stands now and the
// person's enrolment in it.
type TrainingRecord struct {
	EnrolmentID int64
	ProgramID   int64
	Code        string
	Title       string
	Kind        string
	Organiser   string
	Batch       int
	Status      ProgramStatus
	StartDate   time.Time
	EndDate     time.Time
	ProgramJP   int
	Role        EnrolmentRole
	Withdrawn   bool
	// Completed is the completion rule's word (Eligibility.Completed: eligible as a participant, the program
	// ended and not cancelled), as the store decided it when it read the history.
	Completed bool
	// Ended is whether the program has ended (ProgramDay.Ended); before then its JP may still come.
	Ended bool
	// Course is the program's CourseKey; RepeatOf is set by JPByYear's rule (CourseRepeats) when the same
	// course was completed earlier in the year: then its JP do not count again.
	Course   string
	RepeatOf int64
}

// EarnedJP is the JP this record adds to the person's yearly total: the program's JP when the person completed
// it (DecideEligibility's Completed), otherwise 0. Every screen and report that shows JP per year (the person's
// history, the leadership workbook's JP Pegawai, Unit Kerja and SIASN sheets, the dashboard) follows it; the
// store decides Completed in bulk (store.Outcomes), never one query per person.
func (r TrainingRecord) EarnedJP() int {
	if !r.Completed || r.RepeatOf != 0 {
		return 0
	}
	return r.ProgramJP
}

// Pending reports whether the record earns nothing yet but may: the person takes part as a participant in a
// program that has not ended and was not cancelled.
func (r TrainingRecord) Pending() bool {
	return !r.Completed && !r.Ended && !r.Withdrawn && r.Role == RoleParticipant && r.Status != StatusCancelled
}

// MarkRepeats sets RepeatOf on the records of a course completed a second time in one year (CourseRepeats):
// their JP count once.
func MarkRepeats(records []TrainingRecord) {
	var takes []CourseTake
	for _, r := range records {
		if r.Completed && r.Course != "" {
			takes = append(takes, CourseTake{Enrolment: r.EnrolmentID, Course: r.Course, End: r.EndDate})
		}
	}
	repeats := CourseRepeats(takes)
	for i := range records {
		records[i].RepeatOf = repeats[records[i].EnrolmentID]
	}
}

// Dates writes the program's date range in Indonesian.
func (r TrainingRecord) Dates() string { return indo.DateRange(r.StartDate, r.EndDate) }

// Year is the calendar year a record's JP count towards: the year the program ended, when the hours were
// earned (a program from 29 December to 2 January counts for the new year).
func (r TrainingRecord) Year() int { return r.EndDate.Year() }

// YearJP is a person's competency development in one year.
type YearJP struct {
	Year     int
	JP       int // earned, see TrainingRecord.EarnedJP
	Programs int // programs that earned JP
	Pending  int // programs of the year that earn nothing yet (not ended) but may later
}

// Reached reports whether the year reached AnnualJPTarget.
func (y YearJP) Reached() bool { return y.JP >= AnnualJPTarget }

// Shortfall is how many JP the year still lacks, 0 once the target is reached.
func (y YearJP) Shortfall() int { return max(0, AnnualJPTarget-y.JP) }

// JPByYear sums a person's earned JP per calendar year, newest year first. Every year the person has a record
// in appears, even with 0 JP (a withdrawn or cancelled program), so the history never hides a year.
func JPByYear(records []TrainingRecord) []YearJP {
	MarkRepeats(records)
	byYear := map[int]*YearJP{}
	for _, r := range records {
		y := byYear[r.Year()]
		if y == nil {
			y = &YearJP{Year: r.Year()}
			byYear[r.Year()] = y
		}
		if jp := r.EarnedJP(); jp > 0 {
			y.JP += jp
			y.Programs++
		} else if r.Pending() {
			y.Pending++
		}
	}
	out := make([]YearJP, 0, len(byYear))
	for _, y := range byYear {
		out = append(out, *y)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year > out[j].Year })
	return out
}
