package archtest

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// use is one import of a file of the module. The store's connection and transactions need no check of their
// own: the store no longer exports them, so the compiler refuses a use outside data/store.
type use struct {
	pkg  string // the package's folder relative to the module root, "." for main
	file string // the file's name in that folder
	test bool   // a _test.go file
	what string // an import path, with the module's own shortened to its folder ("app/importer")
}

// rule is one direction the imports must keep.
type rule struct {
	name string
	// broken says whether a use breaks the rule.
	broken func(u use) bool
}

var rules = []rule{
	{
		name: "data imports no app package",
		broken: func(u use) bool {
			return under(u.pkg, "data") && under(u.what, "app")
		},
	},
	{
		name: "documents out (app/report) and documents in (app/importer) import neither the other",
		broken: func(u use) bool {
			// A test may read a document back with the importer: the participant export imports as the template.
			return !u.test && (under(u.pkg, "app/report") && under(u.what, "app/importer") ||
				under(u.pkg, "app/importer") && under(u.what, "app/report"))
		},
	},
	{
		name: "only data/store speaks SQL",
		broken: func(u use) bool {
			if under(u.pkg, "data/store") {
				return false
			}
			return u.what == "database/sql" || u.what == "github.com/mattn/go-sqlite3"
		},
	},
}

// fyneRule is the rule about Fyne; it needs the packages the command line links, known once every file is read.
func fyneRule(cliLinks map[string]bool) rule {
	return rule{
		name: "only the window imports Fyne",
		broken: func(u use) bool {
			return strings.HasPrefix(u.what, "fyne.io/") && !fyneAllowed(u.pkg, cliLinks)
		},
	}
}

// fyneAllowed says whether a package may import Fyne: the window (app and the packages of its screens) and
// assets (the resources). The command line (app/cli, its tests included) and every package it links stay
// free of it, so that the command line does not link a GUI toolkit; so do the packages named below, which the
// command line shares with the window even where it does not link them yet.
func fyneAllowed(pkg string, cliLinks map[string]bool) bool {
	if pkg == "assets" {
		return true
	}
	if !under(pkg, "app") || cliLinks[pkg] {
		return false
	}
	for _, free := range []string{"app/cli", "app/certify", "app/classroom", "app/importer", "app/report", "app/participantcols"} {
		if under(pkg, free) {
			return false
		}
	}
	return true
}

// linkedBy returns the module's packages that root links: its imports (those of its tests too) and theirs,
// without the tests of the packages it imports.
func linkedBy(root string, uses []use) map[string]bool {
	imports := map[string][]string{}
	for _, u := range uses {
		if !u.test || u.pkg == root {
			imports[u.pkg] = append(imports[u.pkg], u.what)
		}
	}
	linked := map[string]bool{}
	var visit func(pkg string)
	visit = func(pkg string) {
		if linked[pkg] {
			return
		}
		linked[pkg] = true
		for _, imp := range imports[pkg] {
			if _, ok := imports[imp]; ok {
				visit(imp)
			}
		}
	}
	visit(root)
	return linked
}

// exception is a known break of a rule, with the reason it is still there. The test fails when an exception
// is no longer needed, so that the list shrinks as the leaks are fixed and cannot rot.
type exception struct {
	pkgs []string // the packages (folders) that may break the rule this way; "x/..." includes those under x
	what string   // the import path or store use
	note string
}

var exceptions = []exception{
	{[]string{"app/cli/..."}, "database/sql",
		"hostile_cli_test.go sets a database's user_version back so that a migration must run over its index, a file the store never writes (justified)"},
	{[]string{"app/cli/..."}, "github.com/mattn/go-sqlite3",
		"the same test opens that file with the SQLite driver (justified)"},
}

// TestImportDirections reads the imports of every Go file of the module (tests included, build tags ignored)
// and checks the directions the architecture promises: no data package imports an app package, only
// data/store speaks SQL, only the window imports Fyne. A break fails with the package, the file and the
// import, unless it is a listed exception; an exception nothing needs any more fails too.
func TestImportDirections(t *testing.T) {
	root, module := moduleRoot(t)
	uses := readUses(t, root, module)
	if len(uses) < 100 {
		t.Fatalf("read %d imports under %s; the module has far more", len(uses), root)
	}
	cliLinks := linkedBy("app/cli", uses)
	if len(cliLinks) < 5 {
		t.Fatalf("app/cli links %d of the module's packages; the test no longer finds the command line", len(cliLinks))
	}
	all := append(rules[:len(rules):len(rules)], fyneRule(cliLinks))
	needed := make([]bool, len(exceptions))
	var broken []string
	for _, u := range uses {
		for _, r := range all {
			if !r.broken(u) {
				continue
			}
			if i := exceptionFor(u); i >= 0 {
				needed[i] = true
				continue
			}
			linked := ""
			if cliLinks[u.pkg] {
				linked = ", linked by the command line"
			}
			broken = append(broken, fmt.Sprintf("%s: package %s (%s%s) uses %s", r.name, u.pkg, u.file, linked, u.what))
		}
	}
	sort.Strings(broken)
	for _, b := range broken {
		t.Error(b)
	}
	for i, e := range exceptions {
		if !needed[i] {
			t.Errorf("the exception for %s in %s is no longer needed (%s): delete it from the list", e.what, strings.Join(e.pkgs, ", "), e.note)
		}
	}
}

// exceptionFor returns the index of the exception that allows u, or -1. Where several would, the one naming
// the package most closely wins ("app/cli/..." over "app/..."), so that each exception is needed for its own.
func exceptionFor(u use) int {
	best, bestLen := -1, -1
	for i, e := range exceptions {
		if e.what != u.what {
			continue
		}
		for _, p := range e.pkgs {
			folder, tree := strings.CutSuffix(p, "/...")
			if (folder == u.pkg || tree && under(u.pkg, folder)) && len(p) > bestLen {
				best, bestLen = i, len(p)
			}
		}
	}
	return best
}

// under says whether path is folder or inside it ("app/report" is under "app", "apple" is not).
func under(path, folder string) bool {
	return path == folder || strings.HasPrefix(path, folder+"/")
}

// moduleRoot finds go.mod above the test's folder and returns its folder and module path.
func moduleRoot(t *testing.T) (string, string) {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
					return dir, f[1]
				}
			}
			t.Fatalf("%s/go.mod names no module", dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// readUses parses the imports of every .go file under root that belongs to the module (not testdata, not a
// folder with a go.mod of its own), and the places where a file reaches the store's connection or batch
// transaction.
func readUses(t *testing.T, root, module string) []use {
	t.Helper()
	var uses []use
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "dist" || name == "ci-artifacts") {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // a module of its own
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		base := use{pkg: filepath.ToSlash(rel), file: d.Name(), test: strings.HasSuffix(path, "_test.go")}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			if p == module {
				p = "."
			} else {
				p = strings.TrimPrefix(p, module+"/")
			}
			u := base
			u.what = p
			uses = append(uses, u)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses
}
