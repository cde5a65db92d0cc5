package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// change is one field of a certificate changed by a correction.
type change struct{ field, label, old, new string }

// recordChanges writes the changes of one correction into the certificate's history. The "payload" change
// keeps the signed text the certificate carried before, so that a copy printed earlier still verifies.
func recordChanges(ctx context.Context, tx *sql.Tx, id int64, reason string, changes []change) error {
	for _, ch := range changes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO certificate_change (certificate_id, field, old_value, new_value, reason)
			VALUES (?, ?, ?, ?, ?)`, id, ch.field, ch.old, ch.new, reason); err != nil {
			return storageError(err)
		}
	}
	return nil
}

// ReissueResult says what ReissueCertificate changed.
type ReissueResult struct {
	Number  string
	Changes data.Phrases // "NIP: 1986… → 1987…", one phrase per field
}

// ReissueCertificate issues a certificate again with what the holder's record and the program say now
// (terbitkan ulang: a NIP corrected, a Non-ASN given a NIP, a program title fixed), keeping its number and issue
// date, with a reason. The new snapshot is signed; the old signed text stays in the history so that the copy
// printed before still verifies, with a note that it was issued again. Nothing changed is refused.
func (s *Store) ReissueCertificate(ctx context.Context, id int64, reason string) (ReissueResult, error) {
	var res ReissueResult
	reason = strings.Join(strings.Fields(reason), " ")
	if reason == "" {
		return res, data.Errorf(data.KindInvalid, "Alasan penerbitan ulang wajib diisi, misalnya NIP dikoreksi")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res = ReissueResult{}
		old, err := scanCertificate(tx.QueryRowContext(ctx, "SELECT "+certificateColumns+certificateFrom+" WHERE c.id = ?", id))
		if err == sql.ErrNoRows {
			return notFound("Sertifikat", id)
		}
		if err != nil {
			return storageError(err)
		}
		res.Number = old.Number
		if old.Revoked {
			return data.Errorf(data.KindConflict, "Sertifikat %s sudah dicabut; sertifikat yang dicabut tidak diterbitkan ulang", old.Number)
		}
		now, err := scanSnapshot(tx.QueryRowContext(ctx, snapshotQuery+` FROM enrolment e JOIN participant p ON p.id = e.participant_id
			WHERE e.id = ?`, old.EnrolmentID))
		if err != nil {
			return storageError(err)
		}
		p, err := scanProgram(tx.QueryRowContext(ctx, "SELECT "+programColumns+` FROM program p
			WHERE p.id = (SELECT program_id FROM enrolment WHERE id = ?)`, old.EnrolmentID))
		if err != nil {
			return storageError(err)
		}
		now.ID, now.Number, now.IssuedOn, now.Seq = old.ID, old.Number, old.IssuedOn, old.Seq
		now.TakeProgram(p)
		var changes []change
		for _, f := range snapshotFields(old, now) {
			changes = append(changes, f)
			res.Changes = append(res.Changes, data.Phrase{Text: "{{.Field}}: {{.Old}} → {{.New}}",
				Args: map[string]any{"Field": data.Phrase{Text: f.label}, "Old": orDash(f.old), "New": orDash(f.new)}})
		}
		if len(changes) == 0 {
			return data.Errorf(data.KindInvalid, "Data sertifikat %s sama dengan data peserta dan program sekarang; tidak ada yang perlu diterbitkan ulang. "+
				"Perbaiki dulu data peserta atau program, atau cetak ulang saja", old.Number)
		}
		key, err := signingKeyTx(ctx, tx)
		if err != nil {
			return err
		}
		payload := data.SignClaim(data.ClaimOf(p, now), key)
		args := append(snapshotArgs(now), payload, id)
		if _, err := tx.ExecContext(ctx, "UPDATE certificate SET "+snapshotColumns+", payload = ?, qr = NULL WHERE id = ?", args...); err != nil {
			return storageError(err)
		}
		return recordChanges(ctx, tx, id, reason, append(changes, change{field: "payload", old: old.Payload, new: payload}))
	})
	return res, err
}

// changeLabels are the Indonesian names of the fields in a certificate's history.
var changeLabels = map[string]string{
	"holder_name": "Nama", "nip": "NIP", "birth": "Tempat/tanggal lahir", "rank_code": "Pangkat/golongan", "position": "Jabatan",
	"unit": "Unit kerja", "agency": "Instansi", "role": "Peran", "final_score": "Nilai akhir", "predicate": "Predikat",
	"program_code": "Kode program", "program_title": "Nama program", "program_kind": "Jenis program", "organiser": "Penyelenggara",
	"place": "Tempat", "batch": "Angkatan", "dates": "Tanggal", "jp": "JP",
	IssuedUnmarked: "Terbit dengan presensi belum diisi",
}

// ChangeLabels are the names of the fields a reissue lists (ReissueResult.Changes), for the window's translations.
func ChangeLabels() []string {
	out := make([]string, 0, len(changeLabels))
	for _, l := range changeLabels {
		out = append(out, l)
	}
	return out
}

// snapshotFields lists what differs between the recorded certificate old and the one issued now, field by
// field as the history keeps them.
func snapshotFields(old, now *data.Certificate) []change {
	var out []change
	add := func(field, a, b string) {
		if a != b {
			out = append(out, change{field: field, label: changeLabels[field], old: a, new: b})
		}
	}
	score := func(c *data.Certificate) string {
		if c.FinalScore == nil {
			return ""
		}
		return data.FormatScoreValue(*c.FinalScore) // as printed: 90,005 is 90,01
	}
	add("holder_name", old.HolderName, now.HolderName)
	add("nip", old.NIP, now.NIP)
	add("birth", strings.TrimSpace(old.BirthPlace+" "+data.FormatDate(old.BirthDate)), strings.TrimSpace(now.BirthPlace+" "+data.FormatDate(now.BirthDate)))
	add("rank_code", old.RankCode, now.RankCode)
	add("position", old.Position, now.Position)
	add("unit", old.Unit, now.Unit)
	add("agency", old.Agency, now.Agency)
	add("role", old.Role.Label(), now.Role.Label())
	add("final_score", score(old), score(now))
	add("predicate", old.PredicateAsPrinted(), now.PredicateAsPrinted())
	add("program_code", old.ProgramCode, now.ProgramCode)
	add("program_title", old.ProgramTitle, now.ProgramTitle)
	add("program_kind", old.ProgramKind, now.ProgramKind)
	add("organiser", old.Organiser, now.Organiser)
	add("place", old.Place, now.Place)
	add("batch", indo.Plain(int64(old.Batch)), indo.Plain(int64(now.Batch)))
	add("dates", data.FormatDate(old.Start)+" "+data.FormatDate(old.End), data.FormatDate(now.Start)+" "+data.FormatDate(now.End))
	add("jp", indo.Plain(int64(old.JP)), indo.Plain(int64(now.JP)))
	return out
}

// orDash writes an empty value as a dash, so that "NIP: – → 1990…" reads as given where there was none.
func orDash(v string) string {
	if v == "" {
		return "–"
	}
	return v
}
