package data

// AttendanceStatus is a mark on the sign-in sheet, with the codes of docs/domain.md §3.
type AttendanceStatus string

// The attendance statuses.
const (
	Present AttendanceStatus = "H"  // Hadir
	Late    AttendanceStatus = "T"  // Terlambat: present, with the time of arrival
	Leave   AttendanceStatus = "I"  // Izin
	Sick    AttendanceStatus = "S"  // Sakit
	Duty    AttendanceStatus = "DL" // Dinas Luar
	Holiday AttendanceStatus = "C"  // Cuti
	Absent  AttendanceStatus = "A"  // Alpa / tanpa keterangan
)

// AttendanceStatuses lists the statuses in the order sheets and recaps show them.
var AttendanceStatuses = []AttendanceStatus{Present, Late, Leave, Sick, Duty, Holiday, Absent}

// Label is the status in Indonesian.
func (s AttendanceStatus) Label() string {
	switch s {
	case Present:
		return "Hadir"
	case Late:
		return "Terlambat"
	case Leave:
		return "Izin"
	case Sick:
		return "Sakit"
	case Duty:
		return "Dinas Luar"
	case Holiday:
		return "Cuti"
	case Absent:
		return "Alpa"
	}
	return ""
}

// Valid reports whether s is one of the codes.
func (s AttendanceStatus) Valid() bool { return s.Label() != "" }

// Attended reports whether the mark counts as attendance. H and T always do; I, S and DL do only when the
// program counts excused absence as present; C and A never do.
func (s AttendanceStatus) Attended(excusedCountPresent bool) bool {
	switch s {
	case Present, Late:
		return true
	case Leave, Sick, Duty:
		return excusedCountPresent
	}
	return false
}

// MarkSources say where a mark came from.
const (
	SourceScreen = "screen" // keyed in the window
	SourcePaper  = "paper"  // copied from the signed paper sheet
	SourceImport = "import" // from an online-meeting report
)

// Mark is one participant's attendance at one session.
type Mark struct {
	SessionID   int64
	EnrolmentID int64
	Status      AttendanceStatus
	Time        string // arrival "HH:MM", for T (terlambat); optional otherwise
	Note        string
	Minutes     *int // minutes online, from a meeting report
	Source      string
}

// Validate checks the mark.
func (m *Mark) Validate() error {
	var fe FieldErrors
	if !m.Status.Valid() {
		fe.Add("Status", "%q tidak dikenal; pilih H, T, I, S, DL, C atau A", m.Status)
	}
	if m.Time != "" && !ValidClock(m.Time) {
		fe.Add("Jam datang", "tulis sebagai JJ:MM, misalnya 08:15")
	}
	if m.Minutes != nil && *m.Minutes < 0 {
		fe.Add("Durasi", "tidak boleh negatif")
	}
	switch m.Source {
	case "", SourceScreen, SourcePaper, SourceImport:
	default:
		fe.Add("Sumber", "tidak dikenal: %q", m.Source)
	}
	return fe.Err()
}
