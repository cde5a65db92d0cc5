-- 006: a certificate is a record of what was printed. The holder's NIP, role, rank, position, unit, agency,
-- birth, final score and predicate, and the program's code, title, kind, batch, organiser, place, dates, JP
-- and budget year are kept with it at issue, so that a later correction of the person or the program neither
-- invalidates it nor changes a reprint. Certificates issued before take what their enrolment, participant and
-- program say now (the best record there is); their signed text stays as printed and is what they verify against.
ALTER TABLE certificate ADD COLUMN nip TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN role TEXT NOT NULL DEFAULT 'peserta';
ALTER TABLE certificate ADD COLUMN rank_code TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN position TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN agency TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN birth_place TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN birth_date TEXT;
ALTER TABLE certificate ADD COLUMN final_score REAL;
ALTER TABLE certificate ADD COLUMN predicate TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN program_code TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN program_title TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN program_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN organiser TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE certificate ADD COLUMN batch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE certificate ADD COLUMN budget_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE certificate ADD COLUMN jp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE certificate ADD COLUMN start_date TEXT;
ALTER TABLE certificate ADD COLUMN end_date TEXT;

UPDATE certificate SET nip = COALESCE(p.nip, ''), role = e.role, rank_code = e.rank_code, position = e.position,
    unit = e.unit, agency = e.agency, birth_place = p.birth_place, birth_date = p.birth_date, final_score = e.final_score,
    program_code = g.code, program_title = g.title, program_kind = g.kind, organiser = g.organiser, place = g.place,
    batch = g.batch, budget_year = g.budget_year, jp = g.total_jp, start_date = g.start_date, end_date = g.end_date
FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN program g ON g.id = e.program_id
WHERE e.id = certificate.enrolment_id;
