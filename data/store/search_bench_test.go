package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pembina/pembina/data"
)

var (
	benchOnce  sync.Once
	benchStore *Store
	benchErr   error
)

// hundredThousand opens (once per test binary) a database with 100,000 participants whose names, units and
// NIPs vary like the sample data's, some with accents.
func hundredThousand(b *testing.B) *Store {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pembina-bench-")
		if err != nil {
			benchErr = err
			return
		}
		s, err := Open(filepath.Join(dir, "search-bench.db"))
		if err != nil {
			benchErr = err
			return
		}
		first := []string{"Siti", "Asep", "José", "Dedi", "Neneng", "Budi", "Ádi", "Rina", "Yuyun", "Hendra", "Lilis", "Agus"}
		second := []string{"Nurhayati", "Saepudin", "Ramírez", "Permana", "Komariah", "Santoso", "Nugroho", "Kartika", "Rahayu", "Gunawan"}
		ctx := context.Background()
		benchErr = s.batch(ctx, func(tx *batchTx) error {
			for i := 0; i < 100_000; i++ {
				p := &data.Participant{
					NIP:  fmt.Sprintf("19%02d%02d%02d20%02d%02d1%03d", 60+i%38, 1+i%12, 1+i%28, 5+i%20, 1+i%12, 1+i%999),
					Name: first[i%len(first)] + " " + second[(i/len(first))%len(second)] + fmt.Sprintf(" %d", i),
					Unit: fmt.Sprintf("SD Negeri %d Kecamatan %d", i%300, i%40), Position: "Guru Kelas Ahli Muda",
				}
				p.Normalize()
				if err := insertParticipant(ctx, tx, p); err != nil {
					return err
				}
			}
			return nil
		})
		benchStore = s
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// BenchmarkSearch100k is what the Peserta page does for each pause in typing: count the matches and fetch
// the first page. Goal: 20 ms or less per query over 100,000 participants, ignoring case and accents.
func BenchmarkSearch100k(b *testing.B) {
	s := hundredThousand(b)
	ctx := context.Background()
	for _, q := range []string{"jose ramirez", "SITI", "nurhayati 99", "sd negeri 12", "19750314", "zzz", ""} {
		b.Run(q, func(b *testing.B) {
			f := ParticipantFilter{Search: q}
			for i := 0; i < b.N; i++ {
				s.participants.mu.Lock()
				s.participants.lastIDs = nil // every iteration is a new search, as after a key press
				s.participants.mu.Unlock()
				if _, err := s.CountParticipants(ctx, f); err != nil {
					b.Fatal(err)
				}
				if _, err := s.ListParticipants(ctx, f, 0, 200); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
