package data_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
)

// english is a small translation table as the window builds it from assets/translations/*.en.json.
var english = map[string]string{
	"%s":                               "%s", // the window takes a format without words as its own translation
	"Berkas %s tidak dapat dibaca: %v": "The file %s cannot be read: %v",
	"Unit kerja baris %d (%s): %v":     "Work unit in row %d (%s): %v",
	"Program %s belum memiliki peserta; tidak ada sertifikat yang dibuat": "Program %s has no participants yet; no certificate was made",
	"Presensi program %s belum diisi untuk %s":                            "The attendance of program %s has not been filled in for %s",
	"sesi {{.Numbers}}":                            "session {{.Numbers}}",
	"Tahun anggaran":                               "Budget year",
	"harus tahun antara 2000 dan 2100":             "must be a year between 2000 and 2100",
	"NIP harus 18 digit, yang diisi %d digit (%s)": "A NIP must have 18 digits; %d digits were filled in (%s)",
	"Pertanyaan %d":                                "Question %d",
	"wajib diisi":                                  "required",
}

func translator() data.ErrorTranslator {
	return data.ErrorTranslator{
		Text: func(s string) (string, bool) { en, ok := english[s]; return en, ok },
		Phrase: func(p data.Phrase) string {
			return strings.ReplaceAll(english[p.Text], "{{.Numbers}}", fmt.Sprint(p.Args["Numbers"]))
		},
	}
}

// sentenceField is a form problem whose message is another error's sentence.
func sentenceField(s data.Sentence) error {
	var fe data.FieldErrors
	fe.Add("Tahun anggaran", "%s", s)
	return fe.Err()
}

func TestErrorTranslatorWritesEnglish(t *testing.T) {
	_, nipErr := nip.Parse("1234")
	fe := data.FieldErrors{}
	fe.Add("Tahun anggaran", "harus tahun antara 2000 dan 2100")
	fe.Add("Pertanyaan 12", "wajib diisi")
	cases := []struct {
		name string
		err  error
		want string
		indo string // "" when the Indonesian is not checked
	}{
		{"plain", data.Errorf(data.KindInvalid, "Program %s belum memiliki peserta; tidak ada sertifikat yang dibuat", "PTD-1"),
			"Program PTD-1 has no participants yet; no certificate was made", "Program PTD-1 belum memiliki peserta; tidak ada sertifikat yang dibuat"},
		{"foreign cause as argument", data.Wrap(data.KindInternal, fs.ErrNotExist, "Berkas %s tidak dapat dibaca: %v", "a.xlsx", &fs.PathError{Op: "open", Path: "a.xlsx", Err: fs.ErrNotExist}),
			"The file a.xlsx cannot be read: open a.xlsx: file does not exist", ""},
		{"nested domain and NIP errors", data.Errorf(data.KindInvalid, "Unit kerja baris %d (%s): %v", 3, "SDN 1", nipErr),
			"Work unit in row 3 (SDN 1): A NIP must have 18 digits; 4 digits were filled in (1234)", "Unit kerja baris 3 (SDN 1): NIP harus 18 digit, yang diisi 4 digit (1234)"},
		{"phrase argument", data.Errorf(data.KindConflict, "Presensi program %s belum diisi untuk %s", "PTD-1", data.Phrase{Text: "sesi {{.Numbers}}", Args: map[string]any{"Numbers": "2"}}),
			"The attendance of program PTD-1 has not been filled in for session 2", "Presensi program PTD-1 belum diisi untuk sesi 2"},
		{"field errors", fe.Err(), "Budget year: must be a year between 2000 and 2100; Question 12: required",
			"Tahun anggaran: harus tahun antara 2000 dan 2100; Pertanyaan 12: wajib diisi"},
		{"sentence of a domain error", sentenceField(data.SentenceOf(nipErr)),
			"Budget year: A NIP must have 18 digits; 4 digits were filled in (1234)", "Tahun anggaran: NIP harus 18 digit, yang diisi 4 digit (1234)"},
		{"sentence of a foreign error", data.Wrap(data.KindInvalid, fs.ErrNotExist, "Berkas %s tidak dapat dibaca: %v", "a.xlsx", data.SentenceOf(&fs.PathError{Op: "open", Path: "a.xlsx", Err: fs.ErrNotExist})),
			"The file a.xlsx cannot be read: open a.xlsx: file does not exist", "Berkas a.xlsx tidak dapat dibaca: Berkas a.xlsx tidak ditemukan; periksa nama dan foldernya"},
		{"context around a domain error", fmt.Errorf("baris 4: %w", data.Errorf(data.KindInvalid, "Program %s belum memiliki peserta; tidak ada sertifikat yang dibuat", "X")),
			"baris 4: Program X has no participants yet; no certificate was made", ""},
	}
	for _, c := range cases {
		got, ok := translator().Error(c.err)
		if !ok || got != c.want {
			t.Errorf("%s: English = %q, %v; want %q", c.name, got, ok, c.want)
		}
		if c.indo != "" && data.ErrorMessage(c.err) != c.indo {
			t.Errorf("%s: the Indonesian message changed to %q", c.name, data.ErrorMessage(c.err))
		}
	}
}

// An error with a part that has no English is not half translated: the caller shows the Indonesian.
func TestErrorTranslatorRefusesMissingEnglish(t *testing.T) {
	for _, err := range []error{
		data.Errorf(data.KindInvalid, "Kalimat tanpa terjemahan %d", 1),
		data.Errorf(data.KindInvalid, "Unit kerja baris %d (%s): %v", 3, "SDN 1", data.Errorf(data.KindInvalid, "Kalimat tanpa terjemahan")),
		&data.Error{Kind: data.KindConflict, Message: "dibangun tanpa format"},
	} {
		if got, ok := translator().Error(err); ok {
			t.Errorf("%v: translated to %q although part of it has no English", err, got)
		}
	}
	if got, ok := translator().Error(errors.New("disk I/O error")); !ok || got != "disk I/O error" {
		t.Errorf("a foreign error = %q, %v; want its own English text", got, ok)
	}
}
