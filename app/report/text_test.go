package report

import (
	"bytes"
	"context"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/assets/fonts"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
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
	// One style of the font is enough here (Drawable keeps only what all styles have) and four times faster.
	pdf := newDoc(fpdf.New("P", "mm", "A4", ""))
	pdf.AddUTF8FontFromBytes(Font, "", fonts.Regular)
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
	if err := finish(pdf, &b); err != nil {
		t.Fatalf("a document with %q: %v", s, err)
	}
}

func TestDrawableSeeds(t *testing.T) {
	for _, s := range drawableSeeds {
		checkDrawable(t, s)
	}
}

// FuzzDrawable feeds random Unicode to Drawable and draws it: `go test -tags ci ./app/report -fuzz FuzzDrawable
// -fuzztime 30s`. It skips writing the PDF, which takes 50 ms a run (TestDrawableSeeds writes it for every
// seed): fpdf panics at Output only on a character beyond U+FFFF, which checkDrawable already rules out.
func FuzzDrawable(f *testing.F) {
	for _, s := range drawableSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDrawableOutput(t, s, false) })
}

// TestEveryDocumentIsADoc keeps the one place: no file of this package but text.go handles a bare *fpdf.Fpdf,
// so no text reaches fpdf without Drawable.
func TestEveryDocumentIsADoc(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if name == "text.go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte("*fpdf.Fpdf")) {
			t.Errorf("%s uses *fpdf.Fpdf; use *Doc so that its text goes through Drawable", name)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if strings.Contains(line, "fpdf.New") && !strings.Contains(line, "newDoc(fpdf.New") {
				t.Errorf("%s makes a bare fpdf document: %s; wrap it with newDoc", name, strings.TrimSpace(line))
			}
		}
	}
	var _ *fpdf.Fpdf = newDocument(A4, "P", "").Fpdf
}

func TestEmojiInEveryDocument(t *testing.T) {
	t.Run("certificates", func(t *testing.T) {
		b := testBatch(2)
		b.Certificates[0].HolderName = emojiName
		var buf bytes.Buffer
		if err := WriteCertificates(context.Background(), &buf, b, encodeAll(t, b), nil); err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, buf.Bytes())
		if flat := strings.Join(strings.Fields(text), " "); !strings.Contains(flat, "Siti � Nurhaliza") {
			t.Errorf("the certificate lacks the name with its substitute:\n%s", flat)
		}
	})
	t.Run("sign-in sheet", func(t *testing.T) {
		doc := signInDoc(3, A4)
		doc.People[1].Name = emojiName
		doc.People[2].Unit = "SD 🏫 Negeri"
		var buf bytes.Buffer
		if err := WriteSignInSheets(&buf, doc); err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, buf.Bytes())
		if !strings.Contains(text, "Siti � Nurhaliza") || !strings.Contains(text, "SD � Negeri") {
			t.Errorf("the sheet lacks the texts with their substitute:\n%s", text)
		}
	})
	t.Run("summary", func(t *testing.T) {
		s := sampleStore(t)
		p := programByPrefix(t, s, "PTD-I/")
		doc, err := LoadSummary(context.Background(), s, p.ID, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		put := false
		for _, f := range doc.Report.Forms {
			for _, q := range f.Result.Questions {
				if len(q.Texts) > 0 && !put {
					q.Texts[0], put = "Mantap sekali 👍😀 terima kasih 🙏", true
				}
			}
		}
		if !put {
			t.Fatal("the sample program has no comment to put an emoji in")
		}
		var buf bytes.Buffer
		if err := WriteSummary(&buf, doc); err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, buf.Bytes())
		if flat := strings.Join(strings.Fields(text), " "); !strings.Contains(flat, "Mantap sekali �� terima kasih �") {
			i := strings.Index(flat, "Mantap")
			t.Errorf("the summary lacks the comment with its substitutes: %q", flat[max(i, 0):min(max(i, 0)+80, len(flat))])
		}
	})
	t.Run("paper form", func(t *testing.T) {
		forms := builtinFormsWithIDs()
		p := testBatch(1).Program
		p.Title = "Pelatihan 🚀 Digital"
		var buf bytes.Buffer
		if err := WritePaperForm(&buf, PaperForm{Institution: institution(), Program: p, Form: forms[data.BuiltinOrganisation],
			Attachment: &data.ProgramForm{Level: 1, Respondent: data.RespondentAnonymous}}); err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, buf.Bytes())
		if !strings.Contains(strings.ToUpper(text), "PELATIHAN � DIGITAL") {
			t.Errorf("the paper form lacks the title with its substitute:\n%s", text)
		}
	})
}

func TestDrawingPanicBecomesAnError(t *testing.T) {
	draw := func() (err error) {
		defer drawingPanic(&err)
		var pages []int
		_ = pages[3]
		return nil
	}
	err := draw()
	if err == nil || !strings.Contains(data.ErrorMessage(err), "PDF tidak dapat dibuat") || !strings.Contains(data.ErrorDetail(err), "index out of range") {
		t.Errorf("a panic while drawing = %v (detail %q)", err, data.ErrorDetail(err))
	}
}

// TestEmojiStaysInExcel: a workbook is not drawn, so a name keeps its emoji there.
func TestEmojiStaysInExcel(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	rows, err := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 1)
	if err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	p, err := s.Participant(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = emojiName
	if err := s.UpdateParticipant(ctx, p); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := WriteParticipants(ctx, &buf, s, store.ParticipantFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sheet := range f.GetSheetList() {
		cells, _ := f.GetRows(sheet)
		for _, row := range cells {
			for _, c := range row {
				found = found || strings.Contains(c, emojiName)
			}
		}
	}
	if !found {
		t.Errorf("the participants workbook lacks %q", emojiName)
	}
}
