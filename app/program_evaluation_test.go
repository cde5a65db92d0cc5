package app

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/chart"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/store"
)

// windowObjects lists everything laid out in a window, its dialogs included.
func windowObjects(w fyne.Window) []fyne.CanvasObject {
	all := test.LaidOutObjects(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		all = append(all, test.LaidOutObjects(o)...)
	}
	return all
}

func tilesIn(w fyne.Window) []*choiceTile {
	var out []*choiceTile
	for _, o := range windowObjects(w) {
		if c, ok := o.(*choiceTile); ok {
			out = append(out, c)
		}
	}
	return out
}

func buttonIn(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range windowObjects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q in %s", text, w.Title())
	return nil
}

func labelIn(w fyne.Window, part string) bool {
	for _, o := range windowObjects(w) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, part) {
			return true
		}
	}
	return false
}

// evaluationOf opens a sample program's Evaluasi tab as the page.
func evaluationOf(t *testing.T, u *UI, s *store.Store, code string) *evaluationTab {
	t.Helper()
	p, err := s.ProgramByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	u.Navigate("programs")
	tab := u.newEvaluationTab(p)
	u.setPageView(tab.root)
	u.WaitIdle()
	return tab
}

func attachment(t *testing.T, tab *evaluationTab, kind data.FormKind) store.ProgramFormRow {
	t.Helper()
	for _, r := range tab.rows {
		if r.FormKind == kind {
			return r
		}
	}
	t.Fatalf("no %s form attached", kind)
	return store.ProgramFormRow{}
}

// answerTiles taps, for every question on the kiosk screen, the tile with the given prefix ("4\n"), and the
// first tile of questions that have no such tile (choices, Ya/Tidak).
func answerTiles(k *kiosk, prefix string) {
	for _, card := range k.cards {
		picked := map[*choiceTile]bool{}
		groups := [][]*choiceTile{card.tiles}
		if n := len(card.tiles); n == 8 { // a pair: importance and performance rows
			groups = [][]*choiceTile{card.tiles[:4], card.tiles[4:]}
		}
		for _, g := range groups {
			var chosen *choiceTile
			for _, tile := range g {
				if strings.HasPrefix(tile.Text, prefix) {
					chosen = tile
				}
			}
			if chosen == nil && len(g) > 0 {
				chosen = g[0]
			}
			if chosen != nil && !picked[chosen] {
				picked[chosen] = true
				test.Tap(chosen)
			}
		}
	}
}

func TestKioskRequiredAnswersAndNextRespondent(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	org := attachment(t, tab, data.FormOrganisation)
	k := u.openKiosk(tab, org)
	u.WaitIdle()
	if !k.win.FullScreen() {
		t.Error("kiosk is not full screen")
	}
	if !labelIn(k.win, "Ketuk nama Anda") {
		t.Fatal("kiosk does not ask for the respondent's name")
	}
	rate, _ := s.ResponseRate(ctx, org.ID)
	first := rate.Missing()[0]
	k.begin(&first)
	u.WaitIdle()

	// Sending with nothing answered is refused, names the questions, and writes nothing.
	test.Tap(buttonIn(t, k.win, "Kirim jawaban"))
	u.WaitIdle()
	if !k.message.Visible() || !strings.Contains(k.message.Text, "wajib dijawab") || !strings.Contains(k.message.Text, "1, 2") {
		t.Errorf("missing answers message = %q", k.message.Text)
	}
	if n := len(mustResponses(t, s, org.ID)); n != 0 {
		t.Fatalf("%d responses saved without the required answers", n)
	}
	// Answer all but one required question: still refused, only that question marked.
	answerTiles(k, "4\n")
	var pairID int64
	for _, q := range k.form.Visible() {
		if q.Kind == data.QuestionImportancePerf && q.Required {
			pairID = q.ID
		}
	}
	delete(k.answers, pairID)
	for _, c := range k.cards {
		c.warning.Hide()
	}
	test.Tap(buttonIn(t, k.win, "Kirim jawaban"))
	u.WaitIdle()
	if !k.cards[pairID].warning.Visible() || len(mustResponses(t, s, org.ID)) != 0 {
		t.Fatal("a missing pair answer did not block sending")
	}
	answerTiles(k, "4\n")
	test.Tap(buttonIn(t, k.win, "Kirim jawaban"))
	u.WaitIdle()
	saved := mustResponses(t, s, org.ID)
	if len(saved) != 1 || saved[0].ParticipantID != first.ParticipantID || saved[0].Source != data.ResponseApp {
		t.Fatalf("saved %+v", saved)
	}
	if a := saved[0].Answer(k.form.Visible()[0].ID); a == nil || a.Number != 4 || a.Number2 != 4 {
		t.Errorf("first answer saved as %+v", a)
	}
	if !labelIn(k.win, "Terima kasih, "+first.Name) {
		t.Fatal("no thank-you screen")
	}

	// The next person starts clean: the first respondent is gone from the list, no tile is selected.
	test.Tap(buttonTile(t, k.win, "Peserta berikutnya"))
	u.WaitIdle()
	if !labelIn(k.win, "Ketuk nama Anda") {
		t.Fatal("not back at the start")
	}
	rate, _ = s.ResponseRate(ctx, org.ID)
	for _, m := range rate.Missing() {
		if m.ParticipantID == first.ParticipantID {
			t.Error("the first respondent is still listed")
		}
	}
	second := rate.Missing()[0]
	k.begin(&second)
	u.WaitIdle()
	for _, tile := range tilesIn(k.win) {
		if tile.Selected() {
			t.Fatalf("tile %q is selected for the next respondent", tile.Text)
		}
	}
	if len(k.answers) != 0 || k.message.Visible() {
		t.Errorf("answers %v carried over, message %q", k.answers, k.message.Text)
	}
	for _, c := range k.cards {
		if c.entry != nil && c.entry.Text != "" {
			t.Errorf("entry kept %q", c.entry.Text)
		}
		if c.warning.Visible() {
			t.Error("a warning carried over")
		}
	}

	// Leaving asks first.
	k.askExit()
	if k.win.Canvas().Overlays().Top() == nil || !labelIn(k.win, "Jawaban yang belum dikirim akan hilang.") {
		t.Fatal("leaving the kiosk did not ask for confirmation")
	}
	test.Tap(buttonIn(t, k.win, "Tidak"))
	if k.closed {
		t.Error("dismissing the question closed the kiosk")
	}
	k.askExit()
	test.Tap(buttonIn(t, k.win, "Ya"))
	u.WaitIdle()
	if !k.closed {
		t.Error("confirming did not close the kiosk")
	}
}

func buttonTile(t *testing.T, w fyne.Window, text string) *choiceTile {
	t.Helper()
	for _, c := range tilesIn(w) {
		if c.Text == text {
			return c
		}
	}
	t.Fatalf("no tile %q", text)
	return nil
}

func mustResponses(t *testing.T, s *store.Store, pf int64) []*data.Response {
	t.Helper()
	rs, err := s.Responses(context.Background(), pf)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestKioskSpeakerFormGoesThroughSpeakers(t *testing.T) {
	u, s := newTestUI(t, true)
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	sp := attachment(t, tab, data.FormSpeaker)
	k := u.openKiosk(tab, sp)
	rate, _ := s.ResponseRate(context.Background(), sp.ID)
	who := rate.Missing()[0]
	k.begin(&who)
	u.WaitIdle()
	if len(k.speakers) < 2 || k.speaker != k.speakers[0] {
		t.Fatalf("first speaker %q of %v", k.speaker, k.speakers)
	}
	answerTiles(k, "3\n")
	test.Tap(buttonIn(t, k.win, "Kirim jawaban"))
	u.WaitIdle()
	if k.speaker != k.speakers[1] || len(k.answers) != 0 {
		t.Fatalf("after the first speaker: now %q with %d answers", k.speaker, len(k.answers))
	}
	test.Tap(buttonIn(t, k.win, "Lewati narasumber ini"))
	u.WaitIdle()
	saved := mustResponses(t, s, sp.ID)
	if len(saved) != 1 || saved[0].Speaker != k.speakers[0] {
		t.Errorf("saved %+v", saved)
	}
	// Having rated one of the speakers, the participant has responded, though not rated every speaker.
	after, _ := s.ResponseRate(context.Background(), sp.ID)
	if who.Done != 0 || after.Responded != rate.Responded+1 || after.Completed != rate.Completed {
		t.Errorf("response rate before %d (%d complete), after rating one speaker %d (%d complete)", rate.Responded, rate.Completed,
			after.Responded, after.Completed)
	}
}

func TestPaperEntryByKeyboard(t *testing.T) {
	u, s := newTestUI(t, true)
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	org := attachment(t, tab, data.FormOrganisation)
	pe := u.openPaperEntry(tab, org)
	c := pe.win.Canvas()
	if c.Focused() != pe.who {
		t.Fatal("paper entry does not start in the respondent field")
	}
	test.Type(pe.who, "2")
	pe.who.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	// Pairs take two digits and move on by themselves; y for Ya; text fields end with Enter.
	for _, row := range pe.rows {
		if c.Focused() != row.entry {
			t.Fatalf("focus is not on %q", row.q.Text)
		}
		switch row.q.Kind {
		case data.QuestionImportancePerf:
			test.Type(row.entry, "43")
		case data.QuestionYesNo:
			test.Type(row.entry, "y")
		default:
			test.Type(row.entry, "Praktik, lebih banyak")
			row.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
	}
	saved := mustResponses(t, s, org.ID)
	if len(saved) != 1 || saved[0].Source != data.ResponsePaper || saved[0].ParticipantID != pe.people[1].ParticipantID {
		t.Fatalf("saved %+v (status %q)", saved, pe.status.Text)
	}
	first := saved[0].Answer(pe.rows[0].q.ID)
	if first == nil || first.Number != 4 || first.Number2 != 3 {
		t.Errorf("pair typed 43 saved as %+v", first)
	}
	if !strings.Contains(pe.status.Text, "Lembar ke-1 tersimpan") || c.Focused() != pe.who || pe.who.Text != "" {
		t.Errorf("after saving: status %q, fields not cleared", pe.status.Text)
	}
	// A value off the scale is refused with the question named.
	test.Type(pe.who, "3")
	pe.who.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pe.rows[0].entry.SetText("9")
	pe.save()
	if !strings.Contains(pe.status.Text, "Pertanyaan 1") || len(mustResponses(t, s, org.ID)) != 1 {
		t.Errorf("bad value: status %q", pe.status.Text)
	}
}

func TestAttachStandardSetInTwoClicks(t *testing.T) {
	u, s := newTestUI(t, true)
	tab := evaluationOf(t, u, s, "BTK-I/2026")
	if len(tab.rows) != 0 {
		t.Fatalf("planned program already has %d forms", len(tab.rows))
	}
	test.Tap(findButton(t, u, "Lampirkan set standar"))
	test.Tap(findButton(t, u, "Lampirkan"))
	u.WaitIdle()
	// only the generic forms: tests are made per program, even where the sample's tests are in the database
	if len(tab.rows) != len(data.StandardKeys) {
		t.Fatalf("%d forms attached, want the %d generic ones", len(tab.rows), len(data.StandardKeys))
	}
	levels := map[int]int{}
	for _, r := range tab.rows {
		levels[r.Level]++
	}
	if levels[1] != 2 || levels[2] != 0 || levels[3] != 2 {
		t.Errorf("levels %v", levels)
	}
}

func TestEvaluationTabShowsResults(t *testing.T) {
	u, s := newTestUI(t, true)
	tab := evaluationOf(t, u, s, "PTD-I/2026")
	if !strings.Contains(tab.summary.Text, "Indeks kepuasan: ") || !strings.Contains(tab.summary.Text, "N-gain kelas") {
		t.Errorf("summary %q", tab.summary.Text)
	}
	sp := attachment(t, tab, data.FormSpeaker)
	tab.selected = sp.ID
	tab.showDetail()
	if !hasLabel(u, "Peringkat narasumber") {
		t.Error("speaker ranking not shown")
	}
	org := attachment(t, tab, data.FormOrganisation)
	tab.selected = org.ID
	tab.showDetail()
	found := false
	for _, o := range objects(u) {
		if _, ok := o.(*chart.IPA); ok {
			found = true
		}
	}
	if !found || !hasLabel(u, "Harapan dan kenyataan") {
		t.Error("importance-performance chart not shown")
	}
}

func TestImportWindowAndPrinting(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	org := attachment(t, tab, data.FormOrganisation)
	f, _ := s.Form(ctx, org.FormID)
	rate, _ := s.ResponseRate(ctx, org.ID)
	header := []string{"Timestamp", "Nama Lengkap"}
	row := func(stamp, name string) []string { return []string{stamp, name} }
	var rows [][]string
	for _, q := range f.Visible() {
		switch q.Kind {
		case data.QuestionImportancePerf:
			header = append(header, "Harapan ["+q.Text+"]", "Kenyataan ["+q.Text+"]")
		default:
			header = append(header, q.Text)
		}
	}
	for i, who := range []string{rate.Respondents[0].Name, rate.Respondents[1].Name, "Tamu Undangan"} {
		r := row("2026/11/28 1"+string(rune('0'+i))+":00:00", who)
		for _, q := range f.Visible() {
			switch q.Kind {
			case data.QuestionImportancePerf:
				r = append(r, "Sangat Penting", "Baik")
			case data.QuestionYesNo:
				r = append(r, "Ya")
			default:
				r = append(r, "Bagus, lanjutkan")
			}
		}
		rows = append(rows, r)
	}
	path := filepath.Join(t.TempDir(), "jawaban.csv")
	out, _ := os.Create(path)
	w := csv.NewWriter(out)
	w.Write(header)
	w.WriteAll(rows)
	out.Close()
	u.dialogs.openIn = func(_ string, _ []string, _ string, done func(string)) { done(path) }

	test.Tap(findButton(t, u, "Impor jawaban…"))
	u.WaitIdle()
	if !hasLabel(u, "Yang akan diimpor") {
		t.Fatal("no import window")
	}
	test.Tap(findButton(t, u, "Impor"))
	u.WaitIdle()
	stored := mustResponses(t, s, org.ID)
	if len(stored) != 3 {
		t.Fatalf("%d responses imported into the organisation form, want 3", len(stored))
	}
	matched := 0
	for _, r := range stored {
		if r.ParticipantID != 0 {
			matched++
		}
	}
	if matched != 2 {
		t.Errorf("%d matched", matched)
	}

	// The printable form.
	pdf := filepath.Join(t.TempDir(), "formulir.pdf")
	u.dialogs.savePath = func(name string, done func(string)) {
		if !strings.HasSuffix(name, ".pdf") || !strings.Contains(name, "Evaluasi Penyelenggaraan") {
			t.Errorf("suggested name %q", name)
		}
		done(pdf)
	}
	tab.selected = org.ID
	tab.showDetail()
	test.Tap(findButton(t, u, "Cetak PDF…"))
	u.WaitIdle()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext missing")
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(text), "EVALUASI PENYELENGGARAAN") {
		t.Errorf("printed form: %v\n%s", err, text)
	}
}

func TestFormEditorLocksAnsweredQuestions(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	org, _ := s.FormByBuiltin(ctx, data.BuiltinOrganisation)
	u.Navigate("forms")
	u.WaitIdle()
	table := findTable(t, u)
	if !tableHas(table, 0, "Evaluasi Penyelenggaraan") {
		t.Fatal("built-in form not listed")
	}
	e := u.openFormEditor(org.ID)
	e.list.Select(1) // the first question
	if !hasLabelPart(u, "sudah dijawab") {
		t.Error("no lock note on an answered question")
	}
	test.Tap(findButton(t, u, "Hapus"))
	if d := u.win.Canvas().Overlays().Top(); d == nil {
		t.Fatal("deleting an answered question showed nothing")
	}
	if !hasLabelPart(u, "tidak dapat dihapus") {
		t.Error("the refusal does not say why")
	}
	u.win.Canvas().Overlays().Top().(interface{ Hide() }).Hide()
	// A new question can be added and saved.
	test.Tap(findButton(t, u, "Pertanyaan"))
	for _, o := range objects(u) {
		if en, ok := o.(*keyEntry); ok && en.PlaceHolder == "Teks pertanyaan" {
			test.Type(en, "Materi relevan dengan tugas sekolah")
		}
	}
	test.Tap(findButton(t, u, "Simpan"))
	again, _ := s.Form(ctx, org.ID)
	if len(again.Questions()) != len(org.Questions())+1 || again.Questions()[1].Text != "Materi relevan dengan tugas sekolah" {
		t.Errorf("after saving: %d questions, second %q", len(again.Questions()), again.Questions()[1].Text)
	}
}

func hasLabelPart(u *UI, part string) bool {
	for _, o := range objects(u) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, part) {
			return true
		}
	}
	return false
}

// TestEvaluationLabelsHaveEnglish checks the domain labels the evaluation screens pass through L().
func TestEvaluationLabelsHaveEnglish(t *testing.T) {
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, k := range data.FormKinds {
		labels = append(labels, k.Label())
	}
	for _, k := range data.QuestionKinds {
		labels = append(labels, k.Label())
	}
	for _, r := range data.Respondents {
		labels = append(labels, r.Label())
	}
	for l := 1; l <= 3; l++ {
		labels = append(labels, data.LevelLabel(l))
	}
	for _, q := range analysis.Quadrants {
		labels = append(labels, q.Label())
	}
	for _, sc := range []data.Scale{data.Scale4, data.Scale5, data.Scale100} {
		for _, b := range sc.Legend() {
			labels = append(labels, b.Label)
		}
	}
	labels = append(labels, data.GainHigh, data.GainMedium, data.GainLow)
	for _, src := range []string{data.ResponseApp, data.ResponsePaper, data.ResponseImport} {
		labels = append(labels, sourceLabel(src))
	}
	for _, l := range labels {
		if _, ok := en[l]; !ok {
			t.Errorf("label %q has no English translation", l)
		}
	}
}

// The kiosk of a form that is not open today asks first; confirmed, it opens.
func TestKioskOfAClosedFormAsksFirst(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	tab := evaluationOf(t, u, s, "KPP-I/2026")
	org := attachment(t, tab, data.FormOrganisation)
	org.OpensOn, org.ClosesOn = sampleDay.AddDate(0, 0, -20), sampleDay.AddDate(0, 0, -10)
	if err := s.UpdateProgramForm(ctx, org.ProgramForm); err != nil {
		t.Fatal(err)
	}
	tab.reload()
	u.WaitIdle()
	tab.selected = org.ID
	tab.showDetail()
	windows := len(u.app.Driver().AllWindows())
	test.Tap(findButton(t, u, "Mode kios"))
	if msg := dialogText(t, u); !strings.Contains(msg, "hari ini di luar masa itu") {
		t.Fatalf("the kiosk of a closed form says %q", msg)
	}
	if n := len(u.app.Driver().AllWindows()); n != windows {
		t.Fatal("the kiosk opened before the coordinator confirmed")
	}
	tapDialogButton(t, u, "Ya")
	if n := len(u.app.Driver().AllWindows()); n != windows+1 {
		t.Errorf("confirmed, the kiosk did not open (%d windows)", n)
	}
}
