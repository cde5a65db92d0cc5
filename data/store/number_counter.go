package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/pembina/pembina/data"
)

// The certificate number counters are kept twice: in the database (number_counter) and in a small file beside
// it, "<database>.nomor.json", with the highest sequence of each counter ever issued from this database file.
// A backup holds only the database, so restoring an older backup would roll the counters back and give again
// numbers that are already printed and handed out; the file is not restored, and Open lifts every counter the
// file knows higher (CounterLifts says which). The file also serves the command line, which has no preferences.

// counterFileSuffix is what the counter file adds to the database's name.
const counterFileSuffix = ".nomor.json"

// CounterFile is the path of the counter file of the database at dbPath.
func CounterFile(dbPath string) string { return dbPath + counterFileSuffix }

// counterEntry is one counter in the file: the prefix the sequence runs in, the year, the highest sequence.
type counterEntry struct {
	Prefix string `json:"pola"`
	Year   int    `json:"tahun"`
	Last   int    `json:"terakhir"`
}

// counterKey names one counter: the prefix its sequence runs in and the year.
type counterKey struct {
	prefix string
	year   int
}

type counterFileContent struct {
	Note     string         `json:"keterangan"`
	Counters []counterEntry `json:"penghitung"`
}

// CounterLift is a counter Open raised because the counter file knew a higher number than the database.
type CounterLift struct {
	Prefix   string
	Year     int
	From, To int
}

// Message says in Indonesian what was lifted and why.
func (l CounterLift) Message() string { return l.Phrase().String() }

// Phrase says what was lifted and why, for the window to translate.
func (l CounterLift) Phrase() data.Phrase {
	return data.Phrase{Text: "Penghitung nomor sertifikat {{.Prefix}} tahun {{.Year}} dinaikkan dari {{.From}} ke {{.To}}: nomor sampai " +
		"{{.To}} sudah pernah diterbitkan dari basis data ini (mungkin dipulihkan dari cadangan yang lebih lama), jadi tidak diberikan lagi",
		Args: map[string]any{"Prefix": l.Prefix, "Year": l.Year, "From": l.From, "To": l.To}}
}

func readCounterFile(path string) (map[counterKey]int, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[counterKey]int{}, nil
	}
	if err != nil {
		return nil, err
	}
	var c counterFileContent
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	out := make(map[counterKey]int, len(c.Counters))
	for _, e := range c.Counters {
		k := counterKey{e.Prefix, e.Year}
		out[k] = max(out[k], e.Last)
	}
	return out, nil
}

// dbCounters reads the counters of the database.
func dbCounters(ctx context.Context, q querier) (map[counterKey]int, error) {
	rows, err := q.QueryContext(ctx, "SELECT pattern, year, last_seq FROM number_counter")
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[counterKey]int{}
	for rows.Next() {
		var prefix string
		var year, last int
		if err := rows.Scan(&prefix, &year, &last); err != nil {
			return nil, storageError(err)
		}
		out[counterKey{prefix, year}] = last
	}
	return out, storageError(rows.Err())
}

// liftCounters raises the database's counters to what the counter file says was issued already. A file that
// cannot be read is not fatal (the database is whole without it): notice says so, and the next issue writes
// it again from the database's counters.
func (s *Store) liftCounters(ctx context.Context) (lifts []CounterLift, notice string, err error) {
	path := CounterFile(s.path)
	file, ferr := readCounterFile(path)
	if ferr != nil {
		return nil, fmt.Sprintf("Berkas penghitung nomor sertifikat %s tidak terbaca (%v); periksa isinya. Tanpanya nomor yang "+
			"sudah dicetak dapat diberikan lagi bila basis data ini berasal dari cadangan lama", path, ferr), nil
	}
	if len(file) == 0 {
		return nil, "", nil
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		lifts = nil
		have, err := dbCounters(ctx, tx)
		if err != nil {
			return err
		}
		for k, last := range file {
			if have[k] >= last {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO number_counter (pattern, year, last_seq) VALUES (?, ?, ?)
				ON CONFLICT (pattern, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`, k.prefix, k.year, last); err != nil {
				return storageError(err)
			}
			lifts = append(lifts, CounterLift{Prefix: k.prefix, Year: k.year, From: have[k], To: last})
		}
		return nil
	})
	sort.Slice(lifts, func(i, j int) bool {
		if lifts[i].Year != lifts[j].Year {
			return lifts[i].Year < lifts[j].Year
		}
		return lifts[i].Prefix < lifts[j].Prefix
	})
	return lifts, "", err
}

var counterFileMu sync.Mutex

// recordCounters writes the database's counters into the counter file, keeping any higher value the file
// has, through a temporary file so that a crash never leaves half a file.
func (s *Store) recordCounters(ctx context.Context) error {
	// One writer at a time, reading the database inside the lock: the last file written then holds the newest
	// counters, never an older reading that lost the race.
	counterFileMu.Lock()
	defer counterFileMu.Unlock()
	path := CounterFile(s.path)
	have, err := dbCounters(ctx, s.db)
	if err != nil {
		return err
	}
	file, err := readCounterFile(path)
	if err != nil {
		file = map[counterKey]int{} // a damaged file is replaced by what the database knows
	}
	for k, v := range have {
		file[k] = max(file[k], v)
	}
	c := counterFileContent{Note: "Nomor sertifikat tertinggi yang pernah diterbitkan dari basis data " + filepath.Base(s.path) +
		"; Pembina memakainya agar nomor tidak terulang setelah pemulihan cadangan. Jangan dihapus."}
	for k, v := range file {
		c.Counters = append(c.Counters, counterEntry{Prefix: k.prefix, Year: k.year, Last: v})
	}
	sort.Slice(c.Counters, func(i, j int) bool {
		a, b := c.Counters[i], c.Counters[j]
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Prefix < b.Prefix
	})
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	// A temporary file of its own, so that two programs issuing at once never write into one file.
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(append(b, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
