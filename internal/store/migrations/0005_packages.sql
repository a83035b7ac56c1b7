-- Submission packages (issue 6). Province side: the packages sent to the
-- centre, the feedback packages received back, and the centre's decision
-- on each nominee. Central side (a database created in central mode): the
-- keyring of the offices' public keys, the packages received with what
-- they carried, people matched across offices by CCCD, and the centre's
-- decisions. Keys themselves live in the setting table, the private ones
-- only sealed with the director's passphrase.

-- The centre's decision on a nominee, from a feedback package.
ALTER TABLE nominee ADD COLUMN decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'DUOC_KHEN', 'KHONG_KHEN'));
ALTER TABLE nominee ADD COLUMN decision_note TEXT NOT NULL DEFAULT '';

CREATE TABLE package_sent (
    id         INTEGER PRIMARY KEY,
    round_id   INTEGER REFERENCES round(id) ON DELETE SET NULL,
    file_name  TEXT NOT NULL,
    path       TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'submission',
    created_at TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    bytes      INTEGER NOT NULL,
    encrypted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX package_sent_round ON package_sent(round_id);

-- Feedback packages imported; the hash makes a second import a no-op.
CREATE TABLE feedback_received (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL,
    round_id    INTEGER REFERENCES round(id) ON DELETE SET NULL,
    year        INTEGER NOT NULL,
    created_at  TEXT NOT NULL, -- the manifest's
    imported_at TEXT NOT NULL,
    granted     INTEGER NOT NULL DEFAULT 0,
    refused     INTEGER NOT NULL DEFAULT 0
);

-- Central side ---------------------------------------------------------------

CREATE TABLE unit_key (
    unit_code   TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL, -- base64 Ed25519
    fingerprint TEXT NOT NULL,
    added_at    TEXT NOT NULL
);

-- Every package received, whatever became of it: loaded (current),
-- superseded by a newer package of the same round, held (unknown office,
-- its bytes kept until the office's key is added) or rejected.
CREATE TABLE central_package (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    file_name     TEXT NOT NULL,
    unit_code     TEXT NOT NULL DEFAULT '',
    unit_name     TEXT NOT NULL DEFAULT '',
    year          INTEGER NOT NULL DEFAULT 0,
    round_ref     INTEGER NOT NULL DEFAULT 0,
    round_name    TEXT NOT NULL DEFAULT '',
    round_kind    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT '',
    imported_at   TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('loaded', 'superseded', 'held', 'rejected')),
    superseded_by INTEGER REFERENCES central_package(id) ON DELETE SET NULL,
    problems      TEXT NOT NULL DEFAULT '[]', -- JSON [{code, path, message}]
    manifest      TEXT NOT NULL DEFAULT '',
    bytes         INTEGER NOT NULL DEFAULT 0,
    content       BLOB -- held packages only
);
CREATE INDEX central_package_round ON central_package(unit_code, round_ref);
CREATE INDEX central_package_year ON central_package(year, status);

-- People matched across offices: by CCCD when known, else by office and
-- staff code. The latest package's details win.
CREATE TABLE central_person (
    person_key TEXT PRIMARY KEY, -- the CCCD, or "<unit code>/<staff code>"
    cccd       TEXT UNIQUE,
    full_name  TEXT NOT NULL,
    birth_date TEXT NOT NULL DEFAULT '',
    gender     TEXT NOT NULL DEFAULT '',
    unit_code  TEXT NOT NULL, -- the office of the latest package
    staff_code TEXT NOT NULL DEFAULT '',
    unit_name  TEXT NOT NULL DEFAULT '', -- the sub-unit in that office
    position   TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '{}', -- JSON of the person as sent (ratings, awards, discipline)
    seen_at    TEXT NOT NULL -- the created_at of the package the details come from
);

CREATE TABLE central_nomination (
    id            INTEGER PRIMARY KEY,
    package_id    INTEGER NOT NULL REFERENCES central_package(id) ON DELETE CASCADE,
    unit_code     TEXT NOT NULL,
    year          INTEGER NOT NULL,
    ref           INTEGER NOT NULL, -- the province's nominee id
    subject       TEXT NOT NULL CHECK (subject IN ('person', 'collective')),
    code          TEXT NOT NULL,
    cccd          TEXT NOT NULL DEFAULT '',
    person_key    TEXT REFERENCES central_person(person_key) ON UPDATE CASCADE,
    name          TEXT NOT NULL,
    sub_unit      TEXT NOT NULL DEFAULT '', -- the sub-unit code of a person or collective
    award         TEXT NOT NULL,
    award_name    TEXT NOT NULL DEFAULT '',
    eligible      INTEGER NOT NULL DEFAULT 0,
    reasons       TEXT NOT NULL DEFAULT '[]',
    justification TEXT NOT NULL DEFAULT '',
    voted         INTEGER NOT NULL DEFAULT 0,
    vote_for      INTEGER NOT NULL DEFAULT 0,
    vote_against  INTEGER NOT NULL DEFAULT 0,
    vote_abstain  INTEGER NOT NULL DEFAULT 0,
    vote_pct      REAL NOT NULL DEFAULT 0,
    passed        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (package_id, ref)
);
CREATE INDEX central_nomination_person ON central_nomination(person_key);
CREATE INDEX central_nomination_unit ON central_nomination(unit_code, year);

CREATE TABLE central_assessment (
    package_id INTEGER PRIMARY KEY REFERENCES central_package(id) ON DELETE CASCADE,
    unit_code  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    cluster    TEXT NOT NULL DEFAULT '',
    total      REAL NOT NULL,
    max        REAL NOT NULL
);

-- The centre's decisions (quyết định khen thưởng) and what each granted or refused.
CREATE TABLE central_decision (
    id         INTEGER PRIMARY KEY,
    number     TEXT NOT NULL,
    date       TEXT NOT NULL,
    issuer     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE central_decision_item (
    decision_id   INTEGER NOT NULL REFERENCES central_decision(id) ON DELETE CASCADE,
    nomination_id INTEGER NOT NULL REFERENCES central_nomination(id) ON DELETE CASCADE,
    granted       INTEGER NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (decision_id, nomination_id)
);
CREATE INDEX central_decision_item_nomination ON central_decision_item(nomination_id);
