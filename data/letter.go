package data

import "time"

// LetterKind is what a numbered letter was for.
type LetterKind string

// The letter kinds Pembina numbers.
const (
	LetterFollowUp   LetterKind = "followup"   // nota dinas to a unit head: who still lacks JP
	LetterSummons    LetterKind = "summons"    // surat panggilan: why an invited employee did not come
	LetterInvitation LetterKind = "invitation" // surat undangan to a program
)

// Label is the kind in Indonesian.
func (k LetterKind) Label() string {
	switch k {
	case LetterSummons:
		return "Surat panggilan"
	case LetterInvitation:
		return "Surat undangan"
	}
	return "Nota dinas tindak lanjut JP"
}

// LetterRecord is a numbered letter as the register keeps it: what it was, its number and date, the unit and
// addressee, and the participants it concerns (their history lists it).
type LetterRecord struct {
	ID        int64
	Kind      LetterKind
	Number    string // given by store.RecordLetters
	Date      time.Time
	Unit      string
	Addressee string
	Subject   string
	ProgramID int64 // 0 when none
	People    []int64
}

// DefaultLetterPattern is the letter number pattern of a new database; Pengaturan changes it.
const DefaultLetterPattern = "800/{seq:03}/{month_roman}/{year}"
