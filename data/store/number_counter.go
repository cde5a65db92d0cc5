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
	"strings"
	"sync"

	"github.com/pembina/pembina/data"
)

// The certificate number counters are kept three times: in the database (number_counter), in a small file
// beside it, "<database>.nomor.json", with the highest sequence of each counter ever issued from this database
// file, and, when the program has an application data folder (Options.CounterFolder), in a file there named
// after the database's signing key, which every backup and copy of the database shares. A backup holds only
// the database, so restoring an older backup over the database, or opening one directly, would roll the
// counters back and give again numbers that are already printed and handed out; the files are not restored,
// and Open lifts every counter either file knows higher (CounterLifts says which). The file beside the
// database also serves the command line run with another user's folder, and a database carried to another
// computer.

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

// Phrase says what was lifted and why, for the window to translate. A letter counter (its prefix starts with
// letterCounterPrefix, an internal mark) is named a letter counter, with the pattern as Pengaturan shows it.
func (l CounterLift) Phrase() data.Phrase {
	if pattern, ok := strings.CutPrefix(l.Prefix, letterCounterPrefix); ok {
		return data.Phrase{Text: "Penghitung nomor surat {{.Prefix}} tahun {{.Year}} dinaikkan dari {{.From}} ke {{.To}}: nomor sampai " +
			"{{.To}} sudah pernah diberikan dari basis data ini atau salinannya (mungkin ini cadangan yang lebih lama), jadi tidak diberikan lagi",
			Args: map[string]any{"Prefix": pattern, "Year": l.Year, "From": l.From, "To": l.To}}
	}
	return data.Phrase{Text: "Penghitung nomor sertifikat {{.Prefix}} tahun {{.Year}} dinaikkan dari {{.From}} ke {{.To}}: nomor sampai " +
		"{{.To}} sudah pernah diterbitkan dari basis data ini atau salinannya (mungkin ini cadangan yang lebih lama), jadi tidak diberikan lagi",
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

// counterFiles lists the files that keep this database's counters: the one beside it, and the one in the
// user's counter folder named after the database's signing key when both exist (a database that never
// issued a certificate has no key yet, and no number to protect).
func (s *Store) counterFiles(ctx context.Context, q querier) ([]string, error) {
	files := []string{CounterFile(s.path)}
	if s.options.CounterFolder == "" {
		return files, nil
	}
	var pub []byte
	err := q.QueryRowContext(ctx, "SELECT public_key FROM signing_key WHERE private_key IS NOT NULL ORDER BY id LIMIT 1").Scan(&pub)
	if errors.Is(err, sql.ErrNoRows) {
		return files, nil
	}
	if err != nil {
		return nil, storageError(err)
	}
	return append(files, userCounterFile(s.options.CounterFolder, pub)), nil
}

// userCounterFile is the counter file in folder of the database whose signing key is pub.
func userCounterFile(folder string, pub []byte) string {
	return filepath.Join(folder, "nomor-"+data.KeyID(pub)+".json")
}

// liftCounters raises the database's counters to what the counter files say was issued already. A file that
// cannot be read is not fatal (the database is whole without it): notice says so, and the next issue writes
// it again from the database's counters.
func (s *Store) liftCounters(ctx context.Context) (lifts []CounterLift, notice string, err error) {
	paths, err := s.counterFiles(ctx, s.db)
	if err != nil {
		return nil, "", err
	}
	file := map[counterKey]int{}
	var notices []string
	for _, path := range paths {
		known, ferr := readCounterFile(path)
		if ferr != nil {
			notices = append(notices, fmt.Sprintf("Berkas penghitung nomor sertifikat %s tidak terbaca (%v); periksa isinya. Tanpanya nomor yang "+
				"sudah dicetak dapat diberikan lagi bila basis data ini berasal dari cadangan lama", path, ferr))
			continue
		}
		for k, v := range known {
			file[k] = max(file[k], v)
		}
	}
	notice = strings.Join(notices, "; ")
	if len(file) == 0 {
		return nil, notice, nil
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
	return lifts, notice, err
}

var counterFileMu sync.Mutex

// recordCounters writes the database's counters into its counter files (see counterFiles), keeping any
// higher value a file has, each through a temporary file so that a crash never leaves half a file.
func (s *Store) recordCounters(ctx context.Context) error {
	// One writer at a time, reading the database inside the lock: the last file written then holds the newest
	// counters, never an older reading that lost the race.
	counterFileMu.Lock()
	defer counterFileMu.Unlock()
	have, err := dbCounters(ctx, s.db)
	if err != nil || len(have) == 0 {
		return err
	}
	paths, err := s.counterFiles(ctx, s.db)
	if err != nil {
		return err
	}
	notes := []string{
		"Nomor sertifikat tertinggi yang pernah diterbitkan dari basis data " + filepath.Base(s.path) +
			"; Pembina memakainya agar nomor tidak terulang setelah pemulihan cadangan. Jangan dihapus.",
		"Nomor sertifikat tertinggi yang pernah diterbitkan dari basis data yang bertanda tangan dengan kunci ini (" +
			filepath.Base(s.path) + " dan cadangan atau salinannya); Pembina memakainya agar nomor tidak terulang " +
			"bila cadangan lama dibuka. Jangan dihapus.",
	}
	var errs []error
	for i, path := range paths {
		if i > 0 {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		errs = append(errs, writeCounterFile(path, notes[i], have))
	}
	return errors.Join(errs...)
}

// writeCounterFile writes counters into the counter file at path, keeping any higher value it has.
func writeCounterFile(path, note string, have map[counterKey]int) error {
	file, err := readCounterFile(path)
	if err != nil {
		file = map[counterKey]int{} // a damaged file is replaced by what the database knows
	}
	for k, v := range have {
		file[k] = max(file[k], v)
	}
	c := counterFileContent{Note: note}
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
