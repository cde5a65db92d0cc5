-- 001: every entity of Pembina. Dates are TEXT 'YYYY-MM-DD', times 'HH:MM', instants 'YYYY-MM-DD HH:MM:SS' (UTC).
-- Columns named search hold data.SearchKey of the searchable fields, filled by the store.

-- Application-wide settings that are not the institution's identity: language, backup preferences, defaults.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- People who sign documents, with the delegation prefix used when they sign for someone else.
CREATE TABLE signatory (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    front_title TEXT NOT NULL DEFAULT '',
    back_title  TEXT NOT NULL DEFAULT '',
    nip         TEXT NOT NULL DEFAULT '' CHECK (nip = '' OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*')),
    position    TEXT NOT NULL CHECK (length(trim(position)) > 0), -- "Kepala Dinas Pendidikan"
    delegation  TEXT NOT NULL DEFAULT '' CHECK (delegation IN ('', 'Plt.', 'Plh.', 'a.n.')),
    on_behalf_of TEXT NOT NULL DEFAULT '',  -- with a.n.: the office signed for, "Kepala Dinas Pendidikan"
    rank_code   TEXT NOT NULL DEFAULT '',
    signature   BLOB,                       -- a scanned signature image (PNG or JPEG), optional
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- The institution: exactly one row. Its name lines head every document.
CREATE TABLE institution (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    parent_name           TEXT NOT NULL DEFAULT '',   -- "PEMERINTAH KABUPATEN ..."
    name                  TEXT NOT NULL DEFAULT '',   -- "DINAS PENDIDIKAN"
    unit                  TEXT NOT NULL DEFAULT '',   -- "Bidang Ketenagaan" or "UPT ..."
    address               TEXT NOT NULL DEFAULT '',
    city                  TEXT NOT NULL DEFAULT '',
    phone                 TEXT NOT NULL DEFAULT '',
    email                 TEXT NOT NULL DEFAULT '',
    website               TEXT NOT NULL DEFAULT '',
    time_zone             TEXT NOT NULL DEFAULT 'WIB' CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
    logo                  BLOB,
    default_signatory_id  INTEGER REFERENCES signatory(id) ON DELETE SET NULL,
    attendance_threshold  REAL NOT NULL DEFAULT 80 CHECK (attendance_threshold BETWEEN 0 AND 100),
    excused_count_present INTEGER NOT NULL DEFAULT 0 CHECK (excused_count_present IN (0, 1)),
    default_scale         TEXT NOT NULL DEFAULT '1-4' CHECK (default_scale IN ('1-4', '1-5', '0-100')),
    certificate_kind      TEXT NOT NULL DEFAULT 'sertifikat' CHECK (certificate_kind IN ('sertifikat', 'sttp', 'piagam')),
    number_pattern        TEXT NOT NULL DEFAULT '800/{seq:03}/DISDIK/{month_roman}/{year}',
    updated_at            TEXT NOT NULL DEFAULT (datetime('now'))
) STRICT;
INSERT INTO institution (id) VALUES (1);

CREATE TABLE program (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
    title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind                  TEXT NOT NULL,           -- data.ProgramKinds: "Pelatihan Teknis", "Workshop/Lokakarya", ...
    competency_kind       TEXT NOT NULL DEFAULT 'Teknis' CHECK (competency_kind IN ('Teknis', 'Manajerial', 'Sosial Kultural')),
    delivery              TEXT NOT NULL DEFAULT 'luring' CHECK (delivery IN ('luring', 'daring', 'blended')),
    batch                 INTEGER NOT NULL DEFAULT 1 CHECK (batch >= 1),
    budget_year           INTEGER NOT NULL CHECK (budget_year BETWEEN 2000 AND 2100),
    organiser             TEXT NOT NULL DEFAULT '',
    place                 TEXT NOT NULL DEFAULT '',
    start_date            TEXT NOT NULL CHECK (start_date = date(start_date)),
    end_date              TEXT NOT NULL CHECK (end_date = date(end_date)),
    total_jp              INTEGER NOT NULL CHECK (total_jp > 0),
    status                TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'finished', 'cancelled')),
    archived              INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    time_zone             TEXT NOT NULL DEFAULT 'WIB' CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
    attendance_threshold  REAL NOT NULL DEFAULT 80 CHECK (attendance_threshold BETWEEN 0 AND 100),
    excused_count_present INTEGER NOT NULL DEFAULT 0 CHECK (excused_count_present IN (0, 1)),
    pass_score            REAL CHECK (pass_score IS NULL OR pass_score BETWEEN 0 AND 100),
    signatory_id          INTEGER REFERENCES signatory(id) ON DELETE SET NULL,
    number_pattern        TEXT NOT NULL DEFAULT '',
    description           TEXT NOT NULL DEFAULT '',
    search                TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at            TEXT NOT NULL DEFAULT (datetime('now')),
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX program_start ON program(start_date);
CREATE INDEX program_year ON program(budget_year);

-- How a program's certificates look; one row per program, created with defaults from the institution.
CREATE TABLE certificate_design (
    program_id      INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL DEFAULT 'sertifikat' CHECK (kind IN ('sertifikat', 'sttp', 'piagam')),
    title           TEXT NOT NULL DEFAULT 'SERTIFIKAT',
    orientation     TEXT NOT NULL DEFAULT 'landscape' CHECK (orientation IN ('landscape', 'portrait')),
    body            TEXT NOT NULL DEFAULT '',      -- template with placeholders; empty means the built-in text
    background      BLOB,                          -- optional full-page image
    signature_mode  TEXT NOT NULL DEFAULT 'none' CHECK (signature_mode IN ('none', 'image', 'box')),
    subjects_page   INTEGER NOT NULL DEFAULT 0 CHECK (subjects_page IN (0, 1)),
    place           TEXT NOT NULL DEFAULT '',      -- empty means the institution's city
    issue_date      TEXT CHECK (issue_date IS NULL OR issue_date = date(issue_date))
) STRICT;

-- Mata pelatihan: what a program teaches and for how many JP; listed on the certificate's second page.
CREATE TABLE subject (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    jp         INTEGER NOT NULL CHECK (jp > 0)
) STRICT;
CREATE INDEX subject_program ON subject(program_id, position);

CREATE TABLE session (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,   -- the session's number within the program, from 1
    date       TEXT NOT NULL CHECK (date = date(date)),
    start_time TEXT NOT NULL DEFAULT '08:00' CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time   TEXT NOT NULL DEFAULT '16:00' CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    time_zone  TEXT NOT NULL DEFAULT 'WIB' CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
    topic      TEXT NOT NULL DEFAULT '',
    subject_id INTEGER REFERENCES subject(id) ON DELETE SET NULL,
    speaker    TEXT NOT NULL DEFAULT '',
    jp         INTEGER NOT NULL CHECK (jp >= 0),
    CHECK (end_time > start_time)
) STRICT;
CREATE INDEX session_program ON session(program_id, position);
CREATE INDEX session_date ON session(date);

CREATE TABLE participant (
    id                INTEGER PRIMARY KEY,
    nip               TEXT CHECK (nip IS NULL OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*')),
    nik               TEXT NOT NULL DEFAULT '' CHECK (nik = '' OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
    employment_status TEXT NOT NULL DEFAULT 'PNS' CHECK (employment_status IN ('PNS', 'CPNS', 'PPPK', 'PPPK Paruh Waktu', 'Non-ASN')),
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    front_title       TEXT NOT NULL DEFAULT '',
    back_title        TEXT NOT NULL DEFAULT '',
    sex               TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'L', 'P')),
    birth_place       TEXT NOT NULL DEFAULT '',
    birth_date        TEXT CHECK (birth_date IS NULL OR birth_date = date(birth_date)),
    rank_code         TEXT NOT NULL DEFAULT '',
    position          TEXT NOT NULL DEFAULT '',
    position_kind     TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    agency            TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    search            TEXT NOT NULL DEFAULT '',
    sort_name         TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at        TEXT NOT NULL DEFAULT (datetime('now'))
) STRICT;
CREATE UNIQUE INDEX participant_nip ON participant(nip) WHERE nip IS NOT NULL;
CREATE INDEX participant_sort ON participant(sort_name, id, search, unit);

-- A revision number bumped by every change to participant, so the store's in-memory search index knows when
-- to reload, whoever wrote (this process, an import, another copy of Pembina).
CREATE TABLE participant_rev (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    rev INTEGER NOT NULL
) STRICT;
INSERT INTO participant_rev (id, rev) VALUES (1, 0);
CREATE TRIGGER participant_rev_insert AFTER INSERT ON participant BEGIN UPDATE participant_rev SET rev = rev + 1; END;
CREATE TRIGGER participant_rev_update AFTER UPDATE ON participant BEGIN UPDATE participant_rev SET rev = rev + 1; END;
CREATE TRIGGER participant_rev_delete AFTER DELETE ON participant BEGIN UPDATE participant_rev SET rev = rev + 1; END;
CREATE INDEX participant_email ON participant(email) WHERE email <> '';
CREATE INDEX participant_unit ON participant(unit);

-- A participant in a program, with rank, position and unit as they were then: the certificate shows those.
CREATE TABLE enrolment (
    id                INTEGER PRIMARY KEY,
    program_id        INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    participant_id    INTEGER NOT NULL REFERENCES participant(id) ON DELETE RESTRICT,
    role              TEXT NOT NULL DEFAULT 'peserta' CHECK (role IN ('peserta', 'narasumber', 'moderator', 'panitia')),
    status            TEXT NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'withdrawn')),
    rank_code         TEXT NOT NULL DEFAULT '',
    position          TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    agency            TEXT NOT NULL DEFAULT '',
    final_score       REAL CHECK (final_score IS NULL OR final_score BETWEEN 0 AND 100),
    eligible_override INTEGER CHECK (eligible_override IS NULL OR eligible_override IN (0, 1)),
    override_reason   TEXT NOT NULL DEFAULT '',
    enrolled_at       TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE (program_id, participant_id),
    CHECK (eligible_override IS NULL OR length(trim(override_reason)) > 0)
) STRICT;
CREATE INDEX enrolment_participant ON enrolment(participant_id);

-- One mark per session and enrolment. Codes as in docs/domain.md §3; time is recorded for T (terlambat).
CREATE TABLE attendance (
    session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    enrolment_id INTEGER NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('H', 'T', 'I', 'S', 'DL', 'C', 'A')),
    time         TEXT NOT NULL DEFAULT '' CHECK (time = '' OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
    note         TEXT NOT NULL DEFAULT '',
    minutes      INTEGER,                  -- minutes online, when imported from a meeting report
    source       TEXT NOT NULL DEFAULT 'screen' CHECK (source IN ('screen', 'paper', 'import')),
    updated_at   TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (session_id, enrolment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_enrolment ON attendance(enrolment_id);

-- A mark may only join a session and an enrolment of the same program.
CREATE TRIGGER attendance_same_program_insert BEFORE INSERT ON attendance
WHEN (SELECT program_id FROM session WHERE id = NEW.session_id) IS NOT (SELECT program_id FROM enrolment WHERE id = NEW.enrolment_id)
BEGIN
    SELECT RAISE(ABORT, 'attendance: the participant is not enrolled in the session''s program');
END;
CREATE TRIGGER attendance_same_program_update BEFORE UPDATE ON attendance
WHEN (SELECT program_id FROM session WHERE id = NEW.session_id) IS NOT (SELECT program_id FROM enrolment WHERE id = NEW.enrolment_id)
BEGIN
    SELECT RAISE(ABORT, 'attendance: the participant is not enrolled in the session''s program');
END;

-- Survey and test templates.
CREATE TABLE form (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('organisation', 'speaker', 'pretest', 'posttest', 'followup_alumni', 'followup_superior', 'other')),
    scale       TEXT NOT NULL DEFAULT '1-4' CHECK (scale IN ('1-4', '1-5', '0-100')),
    description TEXT NOT NULL DEFAULT '',
    builtin     TEXT NOT NULL DEFAULT '',   -- key of a built-in form ('' for the user's own)
    item_bank   TEXT NOT NULL DEFAULT '',   -- forms sharing a value share test items (pre-test and post-test)
    created_at  TEXT NOT NULL DEFAULT (datetime('now'))
) STRICT;

CREATE TABLE form_section (
    id       INTEGER PRIMARY KEY,
    form_id  INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX form_section_form ON form_section(form_id, position);

CREATE TABLE question (
    id         INTEGER PRIMARY KEY,
    form_id    INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES form_section(id) ON DELETE SET NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    kind       TEXT NOT NULL CHECK (kind IN ('scale', 'importance_performance', 'yes_no', 'single_choice', 'multiple_choice',
                                             'short_text', 'long_text', 'number', 'test_item')),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    scale      TEXT NOT NULL DEFAULT '' CHECK (scale IN ('', '1-4', '1-5', '0-100')),
    labels     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(labels)),   -- a label per scale point
    options    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options)),  -- choices
    correct    TEXT NOT NULL DEFAULT '',                                -- test item: the correct choice
    points     REAL NOT NULL DEFAULT 0 CHECK (points >= 0),
    required   INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    item_key   TEXT NOT NULL DEFAULT ''   -- the same item in forms of one item bank
) STRICT;
CREATE INDEX question_form ON question(form_id, position);

-- A form attached to a program, for one Kirkpatrick level and one kind of respondent.
CREATE TABLE program_form (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    form_id    INTEGER NOT NULL REFERENCES form(id) ON DELETE RESTRICT,
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    respondent TEXT NOT NULL DEFAULT 'participant' CHECK (respondent IN ('participant', 'superior', 'anonymous')),
    opens_on   TEXT CHECK (opens_on IS NULL OR opens_on = date(opens_on)),
    closes_on  TEXT CHECK (closes_on IS NULL OR closes_on = date(closes_on)),
    position   INTEGER NOT NULL DEFAULT 0,
    CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on)
) STRICT;
CREATE INDEX program_form_program ON program_form(program_id);

CREATE TABLE response (
    id              INTEGER PRIMARY KEY,
    program_form_id INTEGER NOT NULL REFERENCES program_form(id) ON DELETE CASCADE,
    participant_id  INTEGER REFERENCES participant(id) ON DELETE SET NULL,  -- NULL: anonymous or unmatched
    respondent_name TEXT NOT NULL DEFAULT '',  -- as given, for unmatched and superior respondents
    respondent_email TEXT NOT NULL DEFAULT '',
    speaker         TEXT NOT NULL DEFAULT '',  -- the speaker judged, for speaker evaluations
    source          TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'paper', 'import')),
    import_key      TEXT NOT NULL DEFAULT '',  -- fingerprint of an imported row, so a second import adds nothing
    submitted_at    TEXT NOT NULL DEFAULT (datetime('now'))
) STRICT;
CREATE INDEX response_program_form ON response(program_form_id);
CREATE UNIQUE INDEX response_once ON response(program_form_id, participant_id, speaker) WHERE participant_id IS NOT NULL;
CREATE UNIQUE INDEX response_import ON response(program_form_id, import_key) WHERE import_key <> '';

CREATE TABLE answer (
    response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE RESTRICT,
    number      REAL,     -- scale point, number, importance (for pairs), points scored (test items)
    number2     REAL,     -- performance, for importance × performance pairs
    text        TEXT NOT NULL DEFAULT '',  -- text answers and the chosen option(s), JSON array for multiple choice
    PRIMARY KEY (response_id, question_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX answer_question ON answer(question_id);

-- The certificate number counters: one per pattern and year, so numbers are never reused.
CREATE TABLE number_counter (
    pattern  TEXT NOT NULL,
    year     INTEGER NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    PRIMARY KEY (pattern, year)
) STRICT;

-- The certificate register. A row is never deleted: revoking keeps the number with the reason.
CREATE TABLE certificate (
    id             INTEGER PRIMARY KEY,
    enrolment_id   INTEGER NOT NULL UNIQUE REFERENCES enrolment(id) ON DELETE RESTRICT,
    number         TEXT NOT NULL UNIQUE,
    pattern        TEXT NOT NULL,
    year           INTEGER NOT NULL,
    seq            INTEGER NOT NULL CHECK (seq > 0),
    issued_on      TEXT NOT NULL CHECK (issued_on = date(issued_on)),
    holder_name    TEXT NOT NULL,          -- the name as printed, with titles
    status         TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
    revoked_reason TEXT NOT NULL DEFAULT '',
    revoked_at     TEXT,
    payload        TEXT NOT NULL DEFAULT '',  -- the signed text in the QR code
    created_at     TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE (pattern, year, seq),
    CHECK (status = 'valid' OR length(trim(revoked_reason)) > 0)
) STRICT;

-- What changed on an issued certificate (a corrected name, a revocation), for the register's history.
CREATE TABLE certificate_change (
    id             INTEGER PRIMARY KEY,
    certificate_id INTEGER NOT NULL REFERENCES certificate(id) ON DELETE CASCADE,
    changed_at     TEXT NOT NULL DEFAULT (datetime('now')),
    field          TEXT NOT NULL,
    old_value      TEXT NOT NULL DEFAULT '',
    new_value      TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT ''
) STRICT;

-- The Ed25519 key pair that signs certificate QR codes, made on first use; keys of other offices to trust.
CREATE TABLE signing_key (
    id          INTEGER PRIMARY KEY,
    public_key  BLOB NOT NULL,
    private_key BLOB,                       -- NULL for another office's key, trusted for verification only
    label       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (datetime('now'))
) STRICT;
