package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// errorFormat is one Indonesian format string of an error built in the source, and where.
type errorFormat struct {
	text, at string
}

// errorFormats finds, by parsing every non-test Go file of the repository, the format strings of the errors
// users see: data.Errorf and data.Wrap (Errorf and Wrap inside package data), FieldErrors.Add (any Add whose
// second argument is a string literal; its literal field label too) and the NIP check's fail. A format written as L("…") is skipped: it is
// translated where it is built and TestEveryStringHasEnglish checks it. Any other non-literal format of
// Errorf or Wrap is returned in odd, so that a new helper that forwards formats is noticed.
func errorFormats(t *testing.T, root string) (formats []errorFormat, odd []string) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		pkg := f.Name.Name
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name, strict := "", true
			switch fn := c.Fun.(type) {
			case *ast.SelectorExpr:
				if id, ok := fn.X.(*ast.Ident); ok && id.Name == "data" {
					name = fn.Sel.Name
				} else if fn.Sel.Name == "Add" && pkg != "app" {
					name, strict = "Add", false
				}
			case *ast.Ident:
				if pkg == "data" && (fn.Name == "Errorf" || fn.Name == "Wrap") || pkg == "nip" && fn.Name == "fail" {
					name = fn.Name
				}
			}
			at := map[string]int{"Errorf": 1, "Wrap": 2, "Add": 1, "fail": 1}
			i, ok := at[name]
			if !ok || len(c.Args) <= i {
				return true
			}
			pos := fset.Position(c.Pos()).String()
			if s, ok := constantString(c.Args[0]); ok && name == "Add" {
				formats = append(formats, errorFormat{s, pos}) // the field's label
			}
			if s, ok := constantString(c.Args[i]); ok {
				formats = append(formats, errorFormat{s, pos})
			} else if strict && !isL(c.Args[i]) {
				odd = append(odd, pos)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return formats, odd
}

// constantString is the value of a string literal, or of literals joined with +.
func constantString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return constantString(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constantString(e.X)
		b, ok2 := constantString(e.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}

// isL reports whether e is a call of L.
func isL(e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == "L"
}

var fmtVerb = regexp.MustCompile(`%[-+# 0]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?[a-zA-Z%]`)

// verbs lists the fmt verbs of a format in order, %% left out.
func verbs(format string) []string {
	var out []string
	for _, v := range fmtVerb.FindAllString(format, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// TestEveryErrorFormatHasEnglish checks that the English window can write every error the source builds:
// each format string has an English translation with the same verbs in the same order, so that the same
// arguments fill it (errorText).
func TestEveryErrorFormatHasEnglish(t *testing.T) {
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	formats, odd := errorFormats(t, "..")
	if len(formats) < 300 {
		t.Fatalf("found only %d error formats; the scan misses calls", len(formats))
	}
	for _, at := range odd {
		t.Errorf("%s: the error's format is neither a literal nor L(…); the English window cannot check it", at)
	}
	seen := map[string]bool{}
	for _, f := range formats {
		if seen[f.text] || !hasLetter(f.text) {
			continue
		}
		seen[f.text] = true
		english, ok := en[f.text]
		if !ok {
			t.Errorf("%s: %q has no English in assets/translations/*en.json", f.at, f.text)
			continue
		}
		if a, b := verbs(f.text), verbs(english); !slices.Equal(a, b) {
			t.Errorf("%s: %q has verbs %v, its English %q has %v", f.at, f.text, a, english, b)
		}
	}
	t.Logf("%d error formats, %d distinct needing English", len(formats), len(seen))
}
