package data

import (
	"strconv"
	"strings"

	"github.com/pembina/pembina/data/indo"
)

// NextBatchCode proposes the code of a program's next batch from the code of the batch it copies: the batch
// number in the code (as a Roman numeral, as coordinators write it, or in figures) becomes the new batch and
// the budget year the new year. "PTD-I/2026" becomes "PTD-II/2026"; copied into 2027 as batch I, "PTD-I/2027".
// A code without a batch number gets one appended: "BIMTEK/2026" becomes "BIMTEK/2026-II". The user can still
// change the proposal; the store refuses a code that is taken.
func NextBatchCode(code string, fromBatch, toBatch, fromYear, toYear int) string {
	tokens := splitCode(code)
	batchAt := -1
	for i := len(tokens) - 1; i >= 0 && batchAt < 0; i-- {
		t := tokens[i]
		if t.sep {
			continue
		}
		if strings.EqualFold(t.text, indo.Roman(fromBatch)) || t.text == strconv.Itoa(fromBatch) && len(t.text) < 4 {
			batchAt = i
		}
	}
	for i, t := range tokens {
		if !t.sep && i != batchAt && fromYear != toYear && t.text == strconv.Itoa(fromYear) {
			tokens[i].text = strconv.Itoa(toYear)
		}
	}
	if batchAt >= 0 {
		if _, err := strconv.Atoi(tokens[batchAt].text); err == nil {
			tokens[batchAt].text = strconv.Itoa(toBatch)
		} else {
			tokens[batchAt].text = indo.Roman(toBatch)
		}
	}
	var b strings.Builder
	for _, t := range tokens {
		b.WriteString(t.text)
	}
	if batchAt < 0 {
		b.WriteString("-" + indo.Roman(toBatch))
	}
	return b.String()
}

type codeToken struct {
	text string
	sep  bool
}

// splitCode cuts a program code into words and the separators between them, keeping both.
func splitCode(code string) []codeToken {
	var out []codeToken
	isSep := func(r rune) bool { return strings.ContainsRune("-/._ ", r) }
	start := 0
	runes := []rune(code)
	for i := 1; i <= len(runes); i++ {
		if i == len(runes) || isSep(runes[i]) != isSep(runes[start]) {
			out = append(out, codeToken{text: string(runes[start:i]), sep: isSep(runes[start])})
			start = i
		}
	}
	return out
}

// SubjectJPError reports when a program's subjects (mata pelatihan) do not add up to its JP: the certificate's
// second page lists them with a total that must equal the JP on its first page. A program without subjects is
// fine (not every program prints them).
func SubjectJPError(programJP int, subjects []Subject) error {
	if len(subjects) == 0 {
		return nil
	}
	total := 0
	for _, s := range subjects {
		total += s.JP
	}
	if total == programJP {
		return nil
	}
	var fe FieldErrors
	fe.Add("Mata pelatihan", "jumlah JP mata pelatihan (%d) harus sama dengan jumlah JP program (%d), karena halaman kedua sertifikat mencantumkan keduanya", total, programJP)
	return fe.Err()
}
