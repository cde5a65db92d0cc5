package data

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// CourseKey identifies a course across its batches and years: the title and the subjects (mata pelatihan),
// folded (case, accents, spacing) and the subjects in any order. Two programs with the same key teach the
// same thing, so a person who completes both in one year earns its JP once.
func CourseKey(title string, subjects []string) string {
	parts := make([]string, len(subjects))
	for i, s := range subjects {
		parts[i] = SearchKey(s)
	}
	slices.Sort(parts)
	return SearchKey(title) + "\x1f" + strings.Join(parts, "\x1e")
}

// CourseTake is one completed enrolment as the once-per-course rule sees it.
type CourseTake struct {
	Enrolment int64
	Person    int64
	Course    string // CourseKey of the program
	End       time.Time
}

// CourseRepeats applies the once-per-course rule: among the completed enrolments of one person in one calendar
// year (the year the program ended) with the same course, the first to end counts; each later one is a
// repeat, returned with the enrolment that counted. The person's history, the workbook and the dashboard all
// ask it, so a course taken twice is counted once everywhere.
func CourseRepeats(takes []CourseTake) map[int64]int64 {
	sorted := slices.Clone(takes)
	slices.SortFunc(sorted, func(a, b CourseTake) int {
		return cmp.Or(a.End.Compare(b.End), cmp.Compare(a.Enrolment, b.Enrolment))
	})
	type key struct {
		person int64
		year   int
		course string
	}
	first := map[key]int64{}
	out := map[int64]int64{}
	for _, t := range sorted {
		k := key{t.Person, t.End.Year(), t.Course}
		if counted, ok := first[k]; ok {
			out[t.Enrolment] = counted
		} else {
			first[k] = t.Enrolment
		}
	}
	return out
}
