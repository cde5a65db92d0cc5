package app

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestNoPlainEntries fails when the app makes a text field that is not a keyEntry: a plain widget.Entry that
// has the focus swallows Escape, so the dialog it sits in would not close on Escape.
func TestNoPlainEntries(t *testing.T) {
	plain := map[string]bool{"NewEntry": true, "NewMultiLineEntry": true, "NewPasswordEntry": true, "NewEntryWithData": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("*/*.go")
	checked := 0
	for _, name := range append(files, more...) {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			var sel *ast.SelectorExpr
			switch x := n.(type) {
			case *ast.CallExpr:
				sel, _ = x.Fun.(*ast.SelectorExpr)
				if sel == nil || !plain[sel.Sel.Name] {
					return true
				}
			case *ast.CompositeLit:
				sel, _ = x.Type.(*ast.SelectorExpr)
				if sel == nil || sel.Sel.Name != "Entry" {
					return true
				}
			default:
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "widget" {
				t.Errorf("%s: widget.%s makes a text field that swallows Escape; use newKeyEntry, newKeyMultiLineEntry or newKeyPasswordEntry",
					fset.Position(n.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	if checked < 50 {
		t.Fatalf("only %d source files checked; is the test running in the app directory?", checked)
	}
}

// TestEscapeAndEnterInFormDialog: in Formulir baru, with the cursor in the title, Escape cancels the dialog and
// Enter creates the form, as the dialog's Batal and Buat buttons do.
func TestEscapeAndEnterInFormDialog(t *testing.T) {
	u, s := newTestUI(t, false)
	ctx := context.Background()
	before, err := s.Forms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := u.win.Canvas()

	u.newFormDialog()
	title, ok := c.Focused().(*keyEntry)
	if !ok {
		t.Fatalf("Formulir baru opened with the focus on %T, want its title field", c.Focused())
	}
	test.Type(title, "Evaluasi Bimtek Kurikulum")
	pressKey(u.win, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Escape typed in the title did not close Formulir baru")
	}
	if after, _ := s.Forms(ctx); len(after) != len(before) {
		t.Fatalf("Escape stored a form: %d forms, were %d", len(after), len(before))
	}

	u.newFormDialog()
	title = c.Focused().(*keyEntry)
	pressKey(u.win, fyne.KeyReturn) // the title is required: Buat is disabled, Enter does nothing
	if c.Overlays().Top() == nil {
		t.Fatal("Enter with an empty title closed the dialog")
	}
	test.Type(title, "Evaluasi Bimtek Kurikulum")
	pressKey(u.win, fyne.KeyReturn)
	u.WaitIdle()
	after, _ := s.Forms(ctx)
	if len(after) != len(before)+1 || after[len(after)-1].Title != "Evaluasi Bimtek Kurikulum" {
		t.Fatalf("Enter in the title did not create the form: %+v", after)
	}
}

// TestEscapeInConfirmDialogEntry: the reason field of the Terbitkan ulang confirmation passes Escape on to the
// confirmation, which closes without issuing anything.
func TestEscapeInConfirmDialogEntry(t *testing.T) {
	u, s := newTestUI(t, true)
	ctx := context.Background()
	openCertificateTab(t, u, s, "PTD-I/2026")
	table := findTable(t, u)
	number := colOf(t, table, "Nomor sertifikat")
	rows, _ := table.Length()
	row := -1
	for r := 0; r < rows && row < 0; r++ {
		if c, _ := s.CertificateByNumber(ctx, table.cell(r, number)); c != nil {
			row = r
		}
	}
	if row < 0 {
		t.Fatal("no certificate listed")
	}
	table.Select(widget.TableCellID{Row: row, Col: 1})
	u.WaitIdle()
	cert, _ := s.CertificateByNumber(ctx, table.cell(row, number))
	tapDialogButton(t, u, "Terbitkan ulang…")
	reason := findEntry(t, u, "Alasan, misalnya: NIP dikoreksi sesuai SK")
	u.win.Canvas().Focus(reason)
	test.Type(reason, "NIP dikoreksi")
	pressKey(u.win, fyne.KeyEscape)
	u.WaitIdle()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Escape in the reason left %T open", top)
	}
	if again, _ := s.CertificateByNumber(ctx, cert.Number); again == nil || len(again.Earlier) != len(cert.Earlier) {
		t.Fatalf("Escape issued the certificate again: %+v", again)
	}
}
