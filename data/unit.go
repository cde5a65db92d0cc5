package data

import (
	"strings"

	"github.com/pembina/pembina/data/nip"
)

// Unit is a unit kerja with its head: letters about a unit's people (the JP follow-up, a surat panggilan) are
// addressed to the head. Units are named as participants' unit field names them; a unit no one has filled in
// yet has only its name.
type Unit struct {
	ID           int64 // 0 until saved
	Name         string
	HeadName     string
	HeadNIP      string // 18 digits, or empty
	HeadPosition string // "Kepala SMP Negeri 1 Sukamaju"
	Address      string
}

// Validate checks the name and, when given, the head's NIP.
func (u *Unit) Validate() error {
	var fe FieldErrors
	u.Name = strings.Join(strings.Fields(u.Name), " ")
	u.HeadName = strings.TrimSpace(u.HeadName)
	u.HeadPosition = strings.Join(strings.Fields(u.HeadPosition), " ")
	u.Address = strings.TrimSpace(u.Address)
	if u.Name == "" {
		fe.Add("Nama unit kerja", "wajib diisi")
	}
	if strings.TrimSpace(u.HeadNIP) != "" {
		n, err := nip.Parse(u.HeadNIP)
		if err != nil {
			fe.Add("NIP kepala", "%v", err)
		} else {
			u.HeadNIP = n.Digits
		}
	} else {
		u.HeadNIP = ""
	}
	return fe.Err()
}

// HasHead reports whether the head's name and position are filled in.
func (u *Unit) HasHead() bool { return u.HeadName != "" && u.HeadPosition != "" }

// Addressee is who a letter to the unit goes to: the head's position, or "Kepala <unit>" while it is unknown.
func (u *Unit) Addressee() string {
	if u.HeadPosition != "" {
		return u.HeadPosition
	}
	return "Kepala " + u.Name
}
