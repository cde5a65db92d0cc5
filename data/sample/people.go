package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// audience groups the sample people, so that each program draws the people it is meant for.
type audience int

const (
	teacher audience = iota
	head             // school principals and supervisors
	staff            // the office's administrative staff
)

type person struct {
	*data.Participant
	audience audience
}

// people makes participants with unique, valid NIPs whose digits agree with their birth date, sex,
// appointment and rank.
type people struct {
	rng   *rand.Rand
	today time.Time
	nips  map[string]bool
}

func newPeople(rng *rand.Rand, today time.Time) *people {
	return &people{rng: rng, today: today, nips: map[string]bool{}}
}

func (g *people) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *people) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

// nip returns an unused NIP for the given facts: PNS when contract is 0, PPPK otherwise.
func (g *people) nip(birth time.Time, tmt time.Time, female bool, contract int) string {
	code := fmt.Sprintf("%02d", int(tmt.Month()))
	if contract > 0 {
		code = fmt.Sprintf("2%d", contract)
	}
	sex := "1"
	if female {
		sex = "2"
	}
	for {
		n := birth.Format("20060102") + tmt.Format("2006") + code + sex + fmt.Sprintf("%03d", g.between(1, 999))
		if !g.nips[n] {
			g.nips[n] = true
			return n
		}
	}
}

func (g *people) name(female bool) (string, string) {
	if female {
		first := g.pick(femaleNames)
		return first, first + " " + g.pick(femaleSecondNames)
	}
	first := g.pick(maleNames)
	return first, first + " " + g.pick(maleSecondNames)
}

// birthAndTMT draws a birth date and an appointment month that keep the NIP free of plausibility warnings:
// appointed between 23 and 32, never in the future.
func (g *people) birthAndTMT(fromYear, toYear int) (time.Time, time.Time) {
	birth := time.Date(g.between(fromYear, toYear), time.Month(g.between(1, 12)), g.between(1, 28), 0, 0, 0, 0, time.UTC)
	tmtYear := birth.Year() + g.between(23, 32)
	if last := g.today.Year() - 1; tmtYear > last {
		tmtYear = last
	}
	return birth, time.Date(tmtYear, time.Month(g.between(1, 12)), 1, 0, 0, 0, 0, time.UTC)
}

func (g *people) titles(p *data.Participant, degree string) {
	p.BackTitle = degree
	old := p.BirthDate.Year() < 1971
	switch r := g.rng.IntN(100); {
	case old && r < 40:
		if p.Sex == "P" {
			p.FrontTitle = "Dra."
		} else {
			p.FrontTitle = "Drs."
		}
		p.BackTitle = ""
		if r < 15 {
			p.BackTitle = "M.Pd."
		}
	case r < 15:
		p.BackTitle = degree + ", M.Pd."
	case r < 20:
		if p.Sex == "P" {
			p.FrontTitle = "Hj."
		} else {
			p.FrontTitle = "H."
		}
	}
}

func emailLocal(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, " ", "."))
}

func (g *people) phone() string {
	return fmt.Sprintf("08%d%d-%04d-%04d", g.between(1, 5), g.between(1, 9), g.rng.IntN(10000), g.rng.IntN(10000))
}

// school returns a school of the regency with its level ("sd" or "smp").
func (g *people) school() (string, string) {
	d := g.pick(districts)
	if g.rng.IntN(3) == 0 {
		return fmt.Sprintf("SMP Negeri %d %s", g.between(1, 2), d), "smp"
	}
	return fmt.Sprintf("SD Negeri %d %s", g.between(1, 3), d), "sd"
}

func teacherRank(service int) (code, position, kind string) {
	switch {
	case service < 8:
		return []string{"III/a", "III/b"}[service%2], "Guru Ahli Pertama", "Fungsional Ahli Pertama"
	case service < 16:
		return []string{"III/c", "III/d"}[service%2], "Guru Ahli Muda", "Fungsional Ahli Muda"
	}
	return []string{"IV/a", "IV/b", "IV/c"}[service%3], "Guru Ahli Madya", "Fungsional Ahli Madya"
}

// teacher makes a PNS teacher, a PPPK teacher (pppk) or, with nonASN, an honorary teacher without NIP.
func (g *people) teacher(pppk, nonASN bool) person {
	female := g.rng.IntN(100) < 62
	first, name := g.name(female)
	school, level := g.school()
	p := &data.Participant{Name: name, Unit: school, Agency: "Dinas Pendidikan Kabupaten Sukamaju",
		BirthPlace: g.pick(birthPlaces), Phone: g.phone(), Sex: "L"}
	if female {
		p.Sex = "P"
	}
	switch {
	case nonASN:
		p.EmploymentStatus, p.Position, p.PositionKind = "Non-ASN", "Guru Honorer", ""
		p.BirthDate = time.Date(g.between(1990, 2000), time.Month(g.between(1, 12)), g.between(1, 28), 0, 0, 0, 0, time.UTC)
		p.BackTitle = "S.Pd."
	case pppk:
		p.BirthDate = time.Date(g.between(1984, 1997), time.Month(g.between(1, 12)), g.between(1, 28), 0, 0, 0, 0, time.UTC)
		year := g.between(2021, g.today.Year()-1)
		contract := 1
		if year <= 2022 && g.rng.IntN(2) == 0 {
			contract = 2
		}
		p.NIP = g.nip(p.BirthDate, time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), female, contract)
		p.EmploymentStatus, p.RankCode, p.Position, p.PositionKind = "PPPK", "IX", "Guru Ahli Pertama", "Fungsional Ahli Pertama"
		p.BackTitle = "S.Pd."
	default:
		birth, tmt := g.birthAndTMT(1966, 1995)
		p.BirthDate = birth
		p.NIP = g.nip(birth, tmt, female, 0)
		p.EmploymentStatus = "PNS"
		p.RankCode, p.Position, p.PositionKind = teacherRank(g.today.Year() - tmt.Year())
		g.titles(p, "S.Pd.")
	}
	if level == "smp" {
		p.Position += " " + g.pick([]string{"Matematika", "Bahasa Indonesia", "IPA", "IPS", "Bahasa Inggris", "PJOK", "Seni Budaya"})
	} else if p.Position != "Guru Honorer" {
		p.Position = strings.Replace(p.Position, "Guru", "Guru Kelas", 1)
	}
	p.Email = fmt.Sprintf("%s%d@guru.%s.belajar.id", emailLocal(first), g.between(10, 99), level)
	return person{p, teacher}
}

// head makes a school principal or a school supervisor.
func (g *people) head() person {
	female := g.rng.IntN(100) < 45
	first, name := g.name(female)
	birth, tmt := g.birthAndTMT(1966, 1980)
	school, level := g.school()
	p := &data.Participant{Name: name, BirthDate: birth, BirthPlace: g.pick(birthPlaces), EmploymentStatus: "PNS",
		NIP: g.nip(birth, tmt, female, 0), Agency: "Dinas Pendidikan Kabupaten Sukamaju", Phone: g.phone(), Sex: "L",
		PositionKind: "Fungsional Ahli Madya", RankCode: []string{"IV/a", "IV/b", "IV/b", "IV/c"}[g.rng.IntN(4)]}
	if female {
		p.Sex = "P"
	}
	if g.rng.IntN(5) == 0 {
		p.Position, p.Unit = "Pengawas Sekolah Ahli Madya", "Bidang Pembinaan Ketenagaan"
	} else {
		p.Position, p.Unit = "Kepala "+school, school
	}
	g.titles(p, "S.Pd.")
	p.Email = fmt.Sprintf("%s%d@%s.belajar.id", emailLocal(first), g.between(10, 99), level)
	return person{p, head}
}

var staffPositions = []struct{ position, kind, rank, degree string }{
	{"Analis Kepegawaian Ahli Muda", "Fungsional Ahli Muda", "III/c", "S.Sos."},
	{"Analis Kepegawaian Ahli Pertama", "Fungsional Ahli Pertama", "III/a", "S.A.P."},
	{"Pranata Komputer Ahli Pertama", "Fungsional Ahli Pertama", "III/b", "S.Kom."},
	{"Pengadministrasi Perkantoran", "Pelaksana", "II/c", "A.Md."},
	{"Pengelola Data dan Informasi", "Pelaksana", "III/a", "S.E."},
	{"Penata Layanan Operasional", "Pelaksana", "II/d", ""},
	{"Kepala Subbagian Umum dan Kepegawaian", "Pengawas", "III/d", "S.E., M.M."},
	{"Kepala Bidang Pembinaan Ketenagaan", "Administrator", "IV/a", "S.Pd., M.Pd."},
	{"Perencana Ahli Muda", "Fungsional Ahli Muda", "III/d", "S.T."},
}

// staff makes an employee of the office.
func (g *people) staff() person {
	female := g.rng.IntN(100) < 50
	first, name := g.name(female)
	birth, tmt := g.birthAndTMT(1968, 1996)
	sp := staffPositions[g.rng.IntN(len(staffPositions))]
	p := &data.Participant{Name: name, BirthDate: birth, BirthPlace: g.pick(birthPlaces), EmploymentStatus: "PNS",
		NIP: g.nip(birth, tmt, female, 0), Unit: g.pick(offices), Agency: "Dinas Pendidikan Kabupaten Sukamaju",
		Position: sp.position, PositionKind: sp.kind, RankCode: sp.rank, BackTitle: sp.degree, Phone: g.phone(), Sex: "L"}
	if female {
		p.Sex = "P"
	}
	p.Email = fmt.Sprintf("%s.%d@sukamajukab.go.id", emailLocal(first), g.between(10, 99))
	return person{p, staff}
}
