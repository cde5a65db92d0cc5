package classroom

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store/storetest"
)

// chromium finds a Chromium or Chrome binary; `make deps` installs Debian's chromium.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestRealBrowserOnPhone drives headless Chromium at a phone's viewport (390 × 844, touch, mobile): check in
// with a NIP typed with spaces and the code, open the 30-item form, tap an answer on every question, send it,
// and see "Terkirim"; then the database holds the mark and the whole response. Only 127.0.0.1 is reached.
func TestRealBrowserOnPhone(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium found (chromium, chromium-browser, google-chrome); `make deps` installs Debian's chromium")
	}
	f := newFixture(t, 3)
	f.setClock(at("08:05"))
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("no-proxy-server", true), chromedp.WindowSize(390, 844))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTime()

	n := nipOf(1)
	typed := n[:8] + " " + n[8:14] + " " + n[14:15] + " " + n[15:]
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	fitsWidth := func() bool {
		t.Helper()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
		if err != nil {
			t.Fatalf("measuring the page: %v", err)
		}
		return ok
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(f.base()),
		chromedp.WaitVisible(css("#nip")),
		chromedp.SendKeys(css("#nip"), typed),
		chromedp.SendKeys(css("#kode"), f.srv.Code()),
		chromedp.Click(css("#masuk")),
		chromedp.WaitVisible(css("#pesan")),
	)
	if err != nil {
		t.Fatalf("check-in in Chromium: %v", err)
	}
	shoot(t, ctx, "daftar")
	flash, err := chromedp.Run(ctx, chromedp.Text(css("#pesan")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(flash, "Kehadiran tercatat: Hadir, pukul 08.05") {
		t.Errorf("after check-in the page says %q", flash)
	}
	if !fitsWidth() {
		t.Error("the forms page is wider than the phone")
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(fmt.Sprintf(`a[href$="isi/%d"]`, f.big))), chromedp.WaitVisible(css("#kirim"))); err != nil {
		t.Fatalf("opening the form in Chromium: %v", err)
	}
	smallest, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`Math.min(...[...document.querySelectorAll('.choice')].map(e => e.getBoundingClientRect().height))`))
	if err != nil {
		t.Fatal(err)
	}
	if !fitsWidth() {
		t.Error("the form is wider than the phone")
	}
	shoot(t, ctx, "formulir")
	tap := func(q int) chromedp.Action[chromedp.Void] {
		// Tap the answer's tile, as a thumb does: the label carries the radio.
		return chromedp.Click(css(fmt.Sprintf(`label.choice:has(input[name="%s"][value="4"])`, fieldOf(f.bigForm.Visible()[q]))))
	}
	// Everything but the first question, then Kirim: the form comes back with the first marked and the
	// other 29 answers kept.
	var taps []chromedp.Action[chromedp.Void]
	for q := 1; q < 30; q++ {
		taps = append(taps, tap(q))
	}
	taps = append(taps, chromedp.Click(css("#kirim")), chromedp.WaitVisible(css("#pesan")))
	if err := chromedp.Do(ctx, taps...); err != nil {
		t.Fatalf("answering the form in Chromium: %v", err)
	}
	shoot(t, ctx, "belum-lengkap")
	missing, err := chromedp.Run(ctx, chromedp.Text(css("#pesan")))
	if err != nil {
		t.Fatal(err)
	}
	kept, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('input[type=radio]:checked').length`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(missing, "Pertanyaan wajib yang belum dijawab (ditandai merah): 1.") || kept != 29 {
		t.Errorf("form sent back says %q with %d answers kept, want question 1 named and 29 kept", missing, kept)
	}
	if got := storetest.Count(t, f.st, "SELECT count(*) FROM response"); got != 0 {
		t.Errorf("%d responses stored from an incomplete form", got)
	}
	if err := chromedp.Do(ctx, tap(0), chromedp.Click(css("#kirim")), chromedp.WaitVisible(css("#terkirim"))); err != nil {
		t.Fatalf("completing the form in Chromium: %v", err)
	}
	shoot(t, ctx, "terkirim")
	sent, err := chromedp.Run(ctx, chromedp.Text(css("main")))
	if err != nil {
		t.Fatal(err)
	}
	if smallest < 44 {
		t.Errorf("the smallest answer target is %.0f px high, want at least 44", smallest)
	}
	if !strings.Contains(sent, "Jawaban Anda untuk Evaluasi 30 butir sudah tersimpan") || strings.Contains(sent, n) {
		t.Errorf("sent page = %q", sent)
	}
	// A five-point scale keeps its points on one row at the phone's width.
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%sisi/%d", f.base(), f.anon)), chromedp.WaitVisible(css(".choices.row"))); err != nil {
		t.Fatalf("opening the anonymous form: %v", err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[...document.querySelector('.choices.row').querySelectorAll('.choice')].map(e => Math.round(e.getBoundingClientRect().top))`))
	if err != nil {
		t.Fatal(err)
	}
	shoot(t, ctx, "skala-5")
	if len(rows) != 5 || slices.Min(rows) != slices.Max(rows) || !fitsWidth() {
		t.Errorf("the five points of a 1–5 scale stand at tops %v, want one row within the phone's width", rows)
	}
	// The organisation form a section at a time: Lanjut, then Kirim on the last.
	org, err := f.st.Form(context.Background(), mustFormID(t, f, f.org))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%sisi/%d", f.base(), f.org)), chromedp.WaitVisible(css("#bagian"))); err != nil {
		t.Fatalf("opening the organisation form: %v", err)
	}
	choose := func(name, value string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(css(fmt.Sprintf(`label.choice:has(input[name="%s"][value="%s"])`, name, value)))
	}
	sections := sectionsOf(org)
	for i, qs := range sections {
		var steps []chromedp.Action[chromedp.Void]
		for _, q := range qs {
			switch q.Kind {
			case data.QuestionImportancePerf:
				steps = append(steps, choose(fieldOf(q), "3"), choose(field2Of(q), "3"))
			case data.QuestionScale:
				steps = append(steps, choose(fieldOf(q), "3"))
			case data.QuestionYesNo:
				steps = append(steps, choose(fieldOf(q), data.Yes))
			case data.QuestionSingleChoice, data.QuestionMultiChoice:
				steps = append(steps, choose(fieldOf(q), "0"))
			case data.QuestionShortText, data.QuestionLongText:
				steps = append(steps, chromedp.SendKeys(css(fmt.Sprintf(`[name="%s"]`, fieldOf(q))), "Tempat parkir kurang."))
			}
		}
		next := "#lanjut"
		wait := fmt.Sprintf("Bagian %d dari %d", i+2, len(sections))
		if i == len(sections)-1 {
			next, wait = "#kirim", ""
		}
		steps = append(steps, chromedp.Click(css(next)))
		if wait != "" {
			steps = append(steps, chromedp.WaitVisible(css(fmt.Sprintf(`[name="%s"]`, fieldOf(sections[i+1][0])))))
		} else {
			steps = append(steps, chromedp.WaitVisible(css("#terkirim")))
		}
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("section %d of the organisation form: %v", i+1, err)
		}
		if wait != "" {
			if got, _ := chromedp.Run(ctx, chromedp.Text(css("#bagian"))); got != wait {
				t.Fatalf("after section %d the page says %q, want %q", i+1, got, wait)
			}
		}
	}
	if got := storetest.Count(t, f.st, `SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id
		WHERE r.program_form_id = ? AND r.participant_id = ?`, f.org, f.people[1].ID); got != len(org.Visible()) {
		t.Errorf("%d answers of the organisation form stored, want %d", got, len(org.Visible()))
	}
	if m := f.mark(t, 1); m == nil || m.Note != CheckInNote {
		t.Errorf("mark after the browser's check-in = %+v", m)
	}
	if got := storetest.Count(t, f.st, `SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id
		WHERE r.program_form_id = ? AND r.participant_id = ? AND a.number = 4`, f.big, f.people[1].ID); got != 30 {
		t.Errorf("%d answers of 4 stored from the browser, want 30", got)
	}
}

// shoot saves what the phone shows when PEMBINA_SHOT_DIR names a folder, to look at the pages:
// PEMBINA_SHOT_DIR=/tmp/kelas go test -tags ci ./app/classroom -run TestRealBrowser
func shoot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("PEMBINA_SHOT_DIR")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}
