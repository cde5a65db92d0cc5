package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pembina/pembina/assets"
)

// The English files of the areas are merged into one map: a key given two different values would show one
// of them in every place, whichever file is read last ("Keterangan" once showed as "Delegation" on the
// attendance list). Each key has one value; a word that needs two translations needs two source strings.
func TestTranslationsAgree(t *testing.T) {
	entries, err := assets.Translations.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{} // key → file
	values := map[string]string{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "en.json") {
			continue
		}
		m, err := readTranslations("translations/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range m {
			if old, ok := values[k]; ok && old != v {
				t.Errorf("%q is %q in %s and %q in %s", k, old, seen[k], v, e.Name())
			}
			seen[k], values[k] = e.Name(), v
		}
	}
}

// sourceStrings are the Indonesian strings the window translates: the arguments of L and the column titles
// of its tables.
var sourceStrings = regexp.MustCompile(`\bL\(("(?:[^"\\]|\\.)*")|\btitle:\s*("(?:[^"\\]|\\.)*")`)

// Every string the window passes through L (and every column title) has its English: without it the English
// window shows Indonesian.
func TestEveryStringTranslated(t *testing.T) {
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sourceStrings.FindAllStringSubmatch(string(b), -1) {
			lit := m[1] + m[2]
			s, err := strconv.Unquote(lit)
			if err != nil || s == "" {
				continue
			}
			if _, ok := en[s]; !ok {
				t.Errorf("%s: %q has no English", f, s)
			}
		}
	}
}
