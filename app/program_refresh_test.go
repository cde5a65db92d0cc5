package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// programTabs opens the program and returns its tabs (Ringkasan … Laporan).
func programTabs(t *testing.T, u *UI, p *data.Program) *container.AppTabs {
	t.Helper()
	fixToday(u)
	u.Navigate("programs")
	u.openProgram(p.ID)
	u.WaitIdle()
	return findTabs(t, u, "Ringkasan")
}

// showTab selects the tab with the given title and returns what it shows.
func showTab(t *testing.T, u *UI, tabs *container.AppTabs, title string) []fyne.CanvasObject {
	t.Helper()
	for i, item := range tabs.Items {
		if item.Text == title {
			tabs.SelectIndex(i)
			u.WaitIdle()
			return test.LaidOutObjects(item.Content)
		}
	}
	t.Fatalf("no tab %q", title)
	return nil
}

func tableOf(t *testing.T, objs []fyne.CanvasObject) *listTable {
	t.Helper()
	for _, o := range objs {
		if tb, ok := o.(*listTable); ok {
			return tb
		}
	}
	t.Fatal("no table in the tab")
	return nil
}

func labelWith(objs []fyne.CanvasObject, part string) bool {
	for _, o := range objs {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, part) {
			return true
		}
	}
	return false
}

// figureOf reads a key figure of the Laporan tab: the label after the one naming it.
func figureOf(t *testing.T, objs []fyne.CanvasObject, name string) string {
	t.Helper()
	var labels []*widget.Label
	for _, o := range objs {
		if l, ok := o.(*widget.Label); ok {
			labels = append(labels, l)
		}
	}
	for i, l := range labels {
		if l.Text == name && i+1 < len(labels) {
			return labels[i+1].Text
		}
	}
	t.Fatalf("no figure %q", name)
	return ""
}

// TestProgramTabsRefresh enrols a participant on Peserta and marks attendance, then checks that every other tab
// shows the change when it is shown, without reopening the program.
func TestProgramTabsRefresh(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	rows, _ := s.Programs(ctx, store.ProgramFilter{Status: data.StatusRunning})
	p := rows[0].Program
	person := notEnrolled(t, s, p)
	tabs := programTabs(t, u, p)

	// every tab once, as they were
	before, _ := s.Enrolments(ctx, p.ID)
	enrolledBefore := figureOf(t, showTab(t, u, tabs, "Laporan"), "Peserta terdaftar")
	forms, _ := s.ProgramForms(ctx, p.ID)
	showTab(t, u, tabs, "Evaluasi")
	showTab(t, u, tabs, "Sertifikat")
	showTab(t, u, tabs, "Jadwal & Presensi")
	findTabs(t, u, "Jadwal").SelectIndex(1)
	u.WaitIdle()

	// enrol on Peserta, by NIP and Enter
	showTab(t, u, tabs, "Peserta")
	entry := entries(u, "Ketik NIP lalu Enter untuk mendaftarkan")[0]
	test.Type(entry, person.PrintedNIP())
	u.WaitIdle()
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	after, _ := s.Enrolments(ctx, p.ID)
	if len(after) != len(before)+1 {
		t.Fatalf("enrolments %d → %d", len(before), len(after))
	}

	t.Run("Ringkasan", func(t *testing.T) {
		objs := showTab(t, u, tabs, "Ringkasan")
		n := 0
		for _, e := range after {
			if e.Role == data.RoleParticipant && !e.Withdrawn {
				n++
			}
		}
		if want := fmt.Sprintf("%d peserta terdaftar", n); !labelWith(test.LaidOutObjects(tabs.Items[0].Content), want) {
			t.Errorf("Ringkasan does not say %q", want)
		}
		if !hasButton(objs, "Muat ulang") {
			t.Error("Ringkasan has no Muat ulang")
		}
	})
	t.Run("Presensi", func(t *testing.T) {
		showTab(t, u, tabs, "Jadwal & Presensi")
		var ml *markList
		for _, o := range objects(u) {
			if l, ok := o.(*markList); ok {
				ml = l
			}
		}
		if ml == nil {
			t.Fatal("no attendance list")
		}
		found := false
		for _, r := range ml.v.roster {
			found = found || r.ParticipantID == person.ID
		}
		if !found {
			t.Errorf("%s, enrolled on Peserta, is missing from Presensi", person.FullName())
		}
	})
	t.Run("Sertifikat", func(t *testing.T) {
		objs := showTab(t, u, tabs, "Sertifikat")
		if !tableHas(tableOf(t, objs), 1, person.FullName()) {
			t.Errorf("%s, enrolled on Peserta, is missing from Sertifikat", person.FullName())
		}
		if !hasButton(objs, "Muat ulang") {
			t.Error("Sertifikat has no Muat ulang")
		}
	})
	t.Run("Laporan", func(t *testing.T) {
		got := figureOf(t, showTab(t, u, tabs, "Laporan"), "Peserta terdaftar")
		if got == enrolledBefore {
			t.Errorf("Laporan still shows %s enrolled", got)
		}
	})

	// marks made for the new participant (as Presensi stores them) change the Sertifikat tab's attendance
	sessions, _ := s.Sessions(ctx, p.ID)
	var enrolment int64
	for _, e := range after {
		if e.ParticipantID == person.ID {
			enrolment = e.ID
		}
	}
	tb := tableOf(t, showTab(t, u, tabs, "Sertifikat"))
	hadir := colOf(t, tb, "Hadir")
	was := tb.cell(rowOf(t, tb, person.FullName()), hadir)
	for _, x := range sessions {
		if !x.Date.After(sampleDay) {
			if err := s.SetMark(ctx, &data.Mark{SessionID: x.ID, EnrolmentID: enrolment, Status: data.Present}); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Run("Sertifikat after marks", func(t *testing.T) {
		showTab(t, u, tabs, "Jadwal & Presensi")
		tb := tableOf(t, showTab(t, u, tabs, "Sertifikat"))
		if now := tb.cell(rowOf(t, tb, person.FullName()), hadir); now == was {
			t.Errorf("attendance on Sertifikat stays %q after the marks", now)
		}
	})

	t.Run("Evaluasi", func(t *testing.T) {
		all, _ := s.Forms(ctx)
		pf := &data.ProgramForm{ProgramID: p.ID, FormID: all[0].ID, Level: 1, Respondent: data.RespondentAnonymous}
		if err := s.AttachForm(ctx, pf); err != nil {
			t.Fatal(err)
		}
		objs := showTab(t, u, tabs, "Evaluasi")
		if n, _ := tableOf(t, objs).Length(); n != len(forms)+1 {
			t.Errorf("Evaluasi lists %d forms, want %d", n, len(forms)+1)
		}
		if !hasButton(objs, "Muat ulang") {
			t.Error("Evaluasi has no Muat ulang")
		}
	})
	t.Run("Peserta", func(t *testing.T) {
		other := notEnrolled(t, s, p)
		if _, err := s.Enrol(ctx, p.ID, other.ID, data.RoleParticipant); err != nil {
			t.Fatal(err)
		}
		if !tableHas(tableOf(t, showTab(t, u, tabs, "Peserta")), 2, other.FullName()) {
			t.Errorf("%s, enrolled elsewhere, is missing from Peserta", other.FullName())
		}
	})
}

func hasButton(objs []fyne.CanvasObject, text string) bool {
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}
