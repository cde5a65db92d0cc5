package app

import (
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
