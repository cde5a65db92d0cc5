package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
)

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func ctxT() context.Context { return context.Background() }

func indoCount(n int) string { return indo.Int(int64(n)) }

// demoPrograms loads the sample data and returns the code of a finished and of the planned program.
func demoPrograms(t *testing.T, db string) (finished, planned string) {
	t.Helper()
	sampletest.CopyTo(t, db, time.Time{})
	_, out, _ := pembina(t, "--db", db, "list", "programs")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(l, "\t")
		switch f[4] {
		case "finished":
			finished = f[0]
		case "planned":
			planned = f[0]
		}
	}
	if finished == "" || planned == "" {
		t.Fatalf("no finished or planned program in\n%s", out)
	}
	return finished, planned
}

func attendanceLines(t *testing.T, db, program string, session int) [][]string {
	t.Helper()
	code, out, e := pembina(t, "--db", db, "list", "attendance", "--program", program, "--session", fmt.Sprint(session))
	if code != 0 {
		t.Fatalf("list attendance = %d %s", code, e)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		rows = append(rows, strings.Split(l, "\t"))
	}
	return rows
}
