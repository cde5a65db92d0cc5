-- 007: units kerja with their heads (letters about a unit's people go to its head), and a record of the
-- letters Pembina numbered (nota dinas of the JP follow-up, surat panggilan), with the people each concerns,
-- so that a participant's history shows the letters sent about them. Letter numbers take their sequence from
-- number_counter under a "surat:" prefix, so that they too are never given twice.
CREATE TABLE unit (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
	head_name     TEXT NOT NULL DEFAULT '',
	head_nip      TEXT NOT NULL DEFAULT '',
	head_position TEXT NOT NULL DEFAULT '',
	address       TEXT NOT NULL DEFAULT ''
);
CREATE TABLE letter (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL CHECK (kind IN ('followup', 'summons', 'invitation')),
	number    TEXT NOT NULL UNIQUE,
	pattern   TEXT NOT NULL,
	year      INTEGER NOT NULL,
	seq       INTEGER NOT NULL,
	sent_on   TEXT NOT NULL,
	unit      TEXT NOT NULL DEFAULT '',
	addressee TEXT NOT NULL DEFAULT '',
	subject   TEXT NOT NULL DEFAULT '',
	program_id INTEGER REFERENCES program(id) ON DELETE SET NULL
);
CREATE TABLE letter_person (
	letter_id      INTEGER NOT NULL REFERENCES letter(id) ON DELETE CASCADE,
	participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
	PRIMARY KEY (letter_id, participant_id)
);
CREATE INDEX letter_person_participant ON letter_person(participant_id);
