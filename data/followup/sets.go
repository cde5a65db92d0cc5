package followup

import (
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// JPFilter is one of the Peserta page's filters on this year's JP.
type JPFilter string

// The JP filters. Each keeps active ASN with a JP target only (overview.Person.Employee), as the dashboard
// and the JP Pegawai sheet count them.
const (
	JPAny     JPFilter = ""
	JPZero    JPFilter = "zero"    // no JP at all this year: the dashboard's "belum memiliki JP"
	JPBelow   JPFilter = "below"   // below their target: the JP Pegawai rows marked Belum, the follow-up's people
	JPReached JPFilter = "reached" // at or above their target
)

// Label is the filter in Indonesian.
func (f JPFilter) Label() string {
	switch f {
	case JPZero:
		return "Belum memiliki JP"
	case JPBelow:
		return "Di bawah target JP"
	case JPReached:
		return "Mencapai target JP"
	}
	return "Semua JP"
}

// JPFilters are the filters in the order the page offers them.
var JPFilters = []JPFilter{JPAny, JPZero, JPBelow, JPReached}

// JPSet returns the people of the overview that pass f, for store.ParticipantFilter.Only; nil for JPAny.
func JPSet(o *overview.Overview, f JPFilter) *store.ParticipantSet {
	if f == JPAny {
		return nil
	}
	set := &store.ParticipantSet{Label: f.Label() + " · " + o.Period.Label(), IDs: map[int64]bool{}}
	for _, p := range o.People {
		if !p.Employee() {
			continue
		}
		var keep bool
		switch f {
		case JPZero:
			keep = p.JP == 0
		case JPBelow:
			keep = !p.Reached()
		case JPReached:
			keep = p.Reached()
		}
		if keep {
			set.IDs[p.ID] = true
		}
	}
	return set
}
