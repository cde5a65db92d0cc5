package pdf

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pembina/pembina/data"
)

// emojiName is a name as typed on a phone: a plain emoji, a skin tone, a family joined with ZWJ and a flag.
const emojiName = "Siti 😀 Nurhaliza 👍🏽 👨‍👩‍👧 🇮🇩"

// drawableSeeds are texts documents meet: Indonesian names with diacritics, emoji of every build, scripts Noto
// Sans lacks, control characters and broken UTF-8.
var drawableSeeds = []string{
	"", "Siti Nurhaliza, S.Pd.", "Ni Luh Putu Ayu Wédhasari", emojiName, "😀", "😀😀", "a\u200db", "👩🏻‍💻 guru",
	"🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "1\u20e3", "☃ ✓ ♥ ★", "日本語 العربية हिन्दी",
	"line one\nline two\r\n\tindented", "\x1b[31mmerah\x1b[0m", "\xff\xfe broken \xc3", "\uFFFD", "\U0010FFFF",
	"\U0001F600\uFE0F\u200D", "\u200D\U0001F600", "🇮🇩🇯🇵🇮", strings.Repeat("😀", 500),
}

func TestDrawableReplacesWhatTheFontLacks(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Siti Nurhaliza, S.Pd.", "Siti Nurhaliza, S.Pd."},
		{"Wédhasari – Ø", "Wédhasari – Ø"},
		{emojiName, "Siti � Nurhaliza � � �"},
		{"😀😀", "��"},
		{"🇮🇩🇯🇵", "��"},
		{"\x1b[31mmerah", "[31mmerah"},
		{"a\tb\r\nc", "a b\nc"},
		{"日本", "��"},
	}
	for _, c := range cases {
		if got := Drawable(c.in); got != c.want {
			t.Errorf("Drawable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// checkDrawable is what every output of Drawable must be: valid UTF-8 of characters the font draws, no more
// marks than characters, the same result when drawn again, and a document that takes it without panicking.
func checkDrawable(t *testing.T, s string) { checkDrawableOutput(t, s, true) }

func checkDrawableOutput(t *testing.T, s string, output bool) {
	got := Drawable(s)
	if !utf8.ValidString(got) {
		t.Fatalf("Drawable(%q) = %q is not valid UTF-8", s, got)
	}
	cov := coverage()
	for _, r := range got {
		if r != '\n' && (r >= 0x10000 || !cov[r]) {
			t.Fatalf("Drawable(%q) = %q keeps %U, which the font lacks", s, got, r)
		}
	}
	if again := Drawable(got); again != got {
		t.Fatalf("Drawable is not idempotent: %q then %q", got, again)
	}
	if utf8.RuneCountInString(got) > utf8.RuneCountInString(s)+1 {
		t.Fatalf("Drawable(%q) = %q grew", s, got)
	}
	// One style of the font is registered (SetFont registers the style it selects): Drawable keeps only what all
	// styles have.
	pdf := newDoc(fpdf.New("P", "mm", "A4", ""))
	pdf.SetFont(Font, "", 10)
	pdf.SetTitle(s, true)
	pdf.AddPage()
	pdf.CellFormat(0, 5, s, "", 1, "L", false, 0, "")
	pdf.MultiCell(60, 5, s, "", "L", false)
	pdf.SplitText(s, 40)
	pdf.Text(20, 50, s)
	pdf.Write(5, s)
	if !output {
		return
	}
	var b bytes.Buffer
	if err := Finish(pdf, &b); err != nil {
		t.Fatalf("a document with %q: %v", s, err)
	}
}

func TestDrawableSeeds(t *testing.T) {
	for _, s := range drawableSeeds {
		checkDrawable(t, s)
	}
}

// FuzzDrawable feeds random Unicode to Drawable and draws it: `go test ./app/report/pdf -fuzz FuzzDrawable
// -fuzztime 30s`. It skips writing the PDF, which takes 50 ms a run (TestDrawableSeeds writes it for every
// seed): fpdf panics at Output only on a character beyond U+FFFF, which checkDrawable already rules out.
func FuzzDrawable(f *testing.F) {
	for _, s := range drawableSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDrawableOutput(t, s, false) })
}

func TestDrawingPanicBecomesAnError(t *testing.T) {
	draw := func() (err error) {
		defer DrawingPanic(&err)
		var pages []int
		_ = pages[3]
		return nil
	}
	err := draw()
	if err == nil || !strings.Contains(data.ErrorMessage(err), "PDF tidak dapat dibuat") || !strings.Contains(data.ErrorDetail(err), "index out of range") {
		t.Errorf("a panic while drawing = %v (detail %q)", err, data.ErrorDetail(err))
	}
}
