package data

// SIASNKind is the jenisDiklatId a program's rows carry in SIASN's training history (docs/domain.md §2). Forms
// that SIASN names (Diklat Struktural, Fungsional, Workshop, Bimbingan Teknis, Sosialisasi, Seminar, Magang)
// keep their code; every other form is a training of its competency kind: Teknis 3 (Diklat Teknis), Manajerial
// 5 (Pelatihan Manajerial), Sosial Kultural 6 (Pelatihan Sosial Kultural). So a coaching on managerial
// competency is recorded as managerial training, not as technical training.
func SIASNKind(p *Program) int {
	kind, ok := ProgramKindByName(p.Kind)
	if ok && kind.SIASNID != 3 && kind.SIASNID != 5 && kind.SIASNID != 6 {
		return kind.SIASNID
	}
	switch p.CompetencyKind {
	case "Manajerial":
		return 5
	case "Sosial Kultural":
		return 6
	}
	return 3
}
