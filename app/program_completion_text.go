package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/pembina/pembina/data"
)

// reasonText is one reason of the completion rule in the interface language: the rule gives its Indonesian
// template and figures (data.Reason.Template), the translations give the English.
func reasonText(r data.Reason) string {
	text, args := r.Template()
	if args == nil {
		return L(text)
	}
	return L(text, args)
}

// phraseText is a phrase (data.Phrase) in the interface language: its template and every phrase among its
// values translated, dates written as the window writes them.
func phraseText(p data.Phrase) string {
	return p.Fill(func(text string, args map[string]any) string {
		if args == nil {
			return L(text)
		}
		return L(text, args)
	}, uiDate)
}

// reasonsText joins an enrolment's reasons in the interface language.
func reasonsText(rs data.Reasons) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = reasonText(r)
	}
	return strings.Join(parts, "; ")
}

// sessionNumbers names sessions briefly: "sesi 3, 4".
func sessionNumbers(sessions []*data.Session) string {
	numbers := make([]string, len(sessions))
	for i, x := range sessions {
		numbers[i] = strconv.Itoa(x.Number)
	}
	return L("sesi {{.Numbers}}", map[string]any{"Numbers": strings.Join(numbers, ", ")})
}

// sessionList names sessions with their day and topic: "sesi 3 (Sabtu, 28 November 2026, Evaluasi)".
func sessionList(sessions []*data.Session) string {
	parts := make([]string, len(sessions))
	for i, x := range sessions {
		what := uiDateWithDay(x.Date)
		if t := strings.TrimSpace(x.Topic); t != "" {
			what += ", " + t
		}
		parts[i] = L("sesi {{.Numbers}}", map[string]any{"Numbers": x.Number}) + " (" + what + ")"
	}
	return strings.Join(parts, "; ")
}

// sameCourseNote says which of the people just enrolled in p (ids) already completed the same course in
// another program, or "" when none did: their JP would count only once a year. It reads the store, so it runs
// off the UI goroutine.
func (u *UI) sameCourseNote(p *data.Program, ids []int64) string {
	if len(ids) == 0 {
		return ""
	}
	done, err := u.store.SameCourseCompleted(context.Background(), p.ID, ids, u.now.today())
	if err != nil || len(done) == 0 {
		return ""
	}
	var codes []string
	n := 0
	for _, id := range ids {
		if d, ok := done[id]; ok {
			n++
			if !slices.Contains(codes, d.Program) {
				codes = append(codes, d.Program)
			}
		}
	}
	if n == 0 {
		return ""
	}
	slices.Sort(codes)
	return L("{{.N}} peserta sudah menuntaskan kursus yang sama ({{.Programs}}); JP kursus ini hanya dihitung sekali setahun.",
		map[string]any{"N": n, "Programs": strings.Join(codes, ", ")})
}
