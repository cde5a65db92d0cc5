package data

import "strings"

// ServiceStatus is whether a participant is still in service at the office: people retire or move to another
// agency, but their training history stays. Only active ASN are counted in the denominator of the
// "mencapai 20 JP" figures.
type ServiceStatus string

// The service statuses.
const (
	ServiceActive      ServiceStatus = "active"
	ServiceRetired     ServiceStatus = "retired"
	ServiceTransferred ServiceStatus = "transferred"
)

// ServiceStatuses are the values in the order the participant form offers them.
var ServiceStatuses = []ServiceStatus{ServiceActive, ServiceRetired, ServiceTransferred}

// Label is the status in Indonesian.
func (s ServiceStatus) Label() string {
	switch s {
	case ServiceRetired:
		return "Pensiun"
	case ServiceTransferred:
		return "Pindah"
	}
	return "Aktif"
}

// ParseServiceStatus reads a status as offices write it in a participant list ("aktif", "pensiun",
// "purnatugas", "pindah", "mutasi", or the English words); empty is active.
func ParseServiceStatus(text string) (ServiceStatus, bool) {
	switch strings.ToLower(strings.Join(strings.Fields(text), " ")) {
	case "", "aktif", "active", "ya":
		return ServiceActive, true
	case "pensiun", "purnatugas", "purna tugas", "retired":
		return ServiceRetired, true
	case "pindah", "mutasi", "pindah tugas", "keluar", "transferred":
		return ServiceTransferred, true
	}
	return "", false
}
