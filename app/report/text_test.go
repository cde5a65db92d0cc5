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

	"codeberg.org/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// emojiName is a name as typed on a phone: a plain emoji, a skin tone, a family joined with ZWJ and a flag.
const emojiName = "Siti 😀 Nurhaliza 👍🏽 👨‍👩‍👧 🇮🇩"

// TestEveryDocumentIsADoc keeps the one place: no file of this package or of app/report/pdf but pdf/text.go
// handles a bare *fpdf.Fpdf, so no text reaches fpdf without Drawable; the documents start with pdf.New.
func TestEveryDocumentIsADoc(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	machinery, _ := filepath.Glob(filepath.Join("pdf", "*.go"))
	if len(files) < 20 || len(machinery) < 5 {
		t.Fatalf("%d files here and %d in pdf/: run the test from app/report", len(files), len(machinery))
	}
	for _, name := range append(files, machinery...) {
		if name == filepath.Join("pdf", "text.go") || strings.HasSuffix(name, "_test.go") {
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
			if strings.Contains(line, "fpdf.New") && !(strings.HasPrefix(name, "pdf") && strings.Contains(line, "newDoc(fpdf.New")) {
				t.Errorf("%s makes a bare fpdf document: %s; start it with pdf.New", name, strings.TrimSpace(line))
			}
		}
	}
	var _ *fpdf.Fpdf = pdf.New(pdf.A4, "P", "").Fpdf
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
		doc := signInDoc(3, pdf.A4)
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
	t.Run("letters", func(t *testing.T) { // nota dinas, surat panggilan and undangan are all Letters
		for _, form := range []LetterForm{Memo, Outgoing} {
			l := testLetter(form, 2)
			l.To = "Kepala SD 🏫 Negeri 1"
			l.Subject = "Panggilan 📣 pelatihan"
			l.Appendix.Rows[1][1] = emojiName
			l.Signatory.Name = "Ahmad ✍️ Fauzi"
			var buf bytes.Buffer
			if err := WriteLetters(&buf, pdf.A4, "Uji 😀", []*Letter{l}); err != nil {
				t.Fatal(err)
			}
			text, _ := pdfText(t, buf.Bytes())
			flat := strings.Join(strings.Fields(text), " ")
			for _, want := range []string{"Kepala SD � Negeri 1", "Panggilan � pelatihan", "Siti � Nurhaliza", "Ahmad � Fauzi", "disampaikan. �"} {
				if !strings.Contains(flat, want) {
					t.Errorf("letter form %d lacks %q:\n%s", form, want, flat)
				}
			}
		}
	})
	t.Run("brief", func(t *testing.T) {
		s := sampleStore(t)
		b, err := LoadBrief(context.Background(), s, overview.Year(2026), sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		b.Institution.Name = "Dinas 🏛 Pendidikan"
		if len(b.Upcoming) == 0 {
			t.Fatal("the sample brief has no upcoming program to put an emoji in")
		}
		b.Upcoming[0].Title = "Bimtek 🚀 Kepegawaian"
		var buf bytes.Buffer
		if err := WriteBrief(&buf, b); err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, buf.Bytes())
		flat := strings.ToUpper(strings.Join(strings.Fields(text), " "))
		for _, want := range []string{"DINAS � PENDIDIKAN", "BIMTEK � KEPEGAWAIAN"} {
			if !strings.Contains(flat, want) {
				t.Errorf("the brief lacks %q:\n%s", want, flat)
			}
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
