package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
)

// The fuzz targets feed each reader arbitrary bytes: it must return rows or a domain error, never panic,
// and what it returns must keep within the limits. Their seeds run as ordinary tests; `go test -fuzz
// FuzzReadCSV ./app/importer` explores further.

// fuzzFile writes b under name in a fresh directory.
func fuzzFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkRead fails on an error without a kind (a low-level error leaking to the user) and on sheets beyond
// the limits.
func checkRead(t *testing.T, src *Source, err error) {
	t.Helper()
	if err != nil {
		if k := data.ErrorKind(err); k != data.KindInvalid && k != data.KindNotFound {
			t.Fatalf("error without a kind: %v", err)
		}
		return
	}
	cells := 0
	for _, s := range src.Sheets {
		if len(s.Rows) > MaxSheetRows {
			t.Fatalf("sheet %q has %d rows", s.Name, len(s.Rows))
		}
		for r, row := range s.Rows {
			if len(row) > MaxColumns {
				t.Fatalf("row %d has %d columns", r, len(row))
			}
			cells += len(row)
			for c := range row {
				s.IsNumeric(r, c)
			}
		}
	}
	if cells > maxCells {
		t.Fatalf("%d cells", cells)
	}
}

func workbookBytes(f testing.TB, fill func(x *excelize.File)) []byte {
	x := excelize.NewFile()
	defer x.Close()
	fill(x)
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"NIP,NAMA\n198609262015051001,Budi\n",
		"NIP;NAMA;UNIT\r\n198609262015051001;Budi;\"SD 1; Sukamaju\"\r\n",
		"NIP\tNAMA\r1\tBudi\r",
		"NIP,NAMA\n1,\"Budi\n2,Siti\n",
		"NIP,NAMA\n1,Budi \"Ubed\" Santoso\n",
		"\xef\xbb\xbfNAMA;UNIT\nJos\xe9;SD\n",
		"\"\"\"\n\"",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		path := fuzzFile(t, "daftar.csv", b)
		src, err := Open(path)
		checkRead(t, src, err)
		if err == nil {
			ReadParticipants(path)
		}
	})
}

func FuzzReadWorkbook(f *testing.F) {
	f.Add(workbookBytes(f, func(x *excelize.File) {
		x.SetCellStr("Sheet1", "A1", "DAFTAR PESERTA")
		x.MergeCell("Sheet1", "A1", "C1")
		x.SetSheetRow("Sheet1", "A3", &[]any{"NIP", "NAMA", "UNIT KERJA"})
		x.SetSheetRow("Sheet1", "A4", &[]any{"198609262015051001", "Budi", "SD 1"})
		x.SetCellDefault("Sheet1", "A5", "1.98609262015051E+17")
	}))
	f.Add(workbookBytes(f, func(x *excelize.File) {
		x.NewSheet("Kedua")
		x.SetCellFormula("Sheet1", "B2", "A1*2")
		x.SetCellValue("Kedua", "C3", 3.25)
	}))
	f.Add([]byte("PK\x03\x04 not a zip"))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := fuzzFile(t, "daftar.xlsx", b)
		src, err := Open(path)
		checkRead(t, src, err)
		if err == nil {
			ReadParticipants(path)
		}
	})
}

func FuzzReadGoogleForms(f *testing.F) {
	f.Add([]byte("Timestamp,Email Address,Nama Lengkap,NIP,Materi [Relevansi],Materi [Kedalaman],Saran\r\n" +
		"2026/11/20 8:01:02 AM GMT+7,budi@guru.sd.belajar.id,Budi,198609262015051001,Sangat Baik,Cukup,\"lebih lama,\r\nterima kasih\"\r\n" +
		"2026/11/20 8:03:10 AM GMT+7,siti@guru.sd.belajar.id,Siti,,4,Ragu-ragu,-\r\n"))
	f.Add([]byte("Stempel waktu;Nama;Apa yang paling bermanfaat?;Penilaian (1-5)\n20/11/2026 08.01.02;Budi;praktik;5\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := fuzzFile(t, "jawaban.csv", b)
		rf, err := ReadResponses(path)
		if err != nil {
			if data.ErrorKind(err) != data.KindInvalid {
				t.Fatalf("error without a kind: %v", err)
			}
			return
		}
		form, cols := rf.Infer(NewFormTitle(rf))
		if err := form.Validate(); err != nil {
			return // a file too odd for a form is refused when saved
		}
		rf.Plan(Target{Program: &data.Program{ID: 1, Code: "X"}, Form: form, NewForm: true}, cols, true)
	})
}

func FuzzReadZoomReport(f *testing.F) {
	f.Add([]byte("Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n" +
		"812 3456 7890,Bimtek,11/18/2026 08:00:00 AM,11/18/2026 12:00:00 PM,host@x.id,240,3\n\n" +
		"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n" +
		"Budi Santoso,budi@guru.sd.belajar.id,11/18/2026 08:00:00 AM,11/18/2026 12:00:00 PM,240,Yes\n" +
		"HP Samsung (Siti Aminah),,11/18/2026 08:10:00 AM,11/18/2026 11:00:00 AM,1:05:00,Yes\n"))
	f.Add([]byte("Nama,Email,Durasi\nBudi_198609262015051001,,85 menit\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := fuzzFile(t, "zoom.csv", b)
		if _, err := ReadAttendance(path); err != nil && data.ErrorKind(err) != data.KindInvalid {
			t.Fatalf("error without a kind: %v", err)
		}
	})
}
