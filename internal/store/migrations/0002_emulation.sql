-- Emulation: movements (phong trào thi đua) with their reviews and targets,
-- the yearly registrations (đăng ký thi đua), the collectives' target
-- values, the emulation cluster (cụm thi đua) with its pact, and the
-- scoring table (bảng chấm điểm) with the office's self-scores and their
-- evidence. Evidence files live in the database so a backup keeps them.

CREATE TABLE movement (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    doc_no    TEXT NOT NULL DEFAULT '',
    doc_date  TEXT,
    issuer    TEXT NOT NULL DEFAULT '',
    kind      TEXT NOT NULL CHECK (kind IN ('THUONG_XUYEN', 'CHUYEN_DE')),
    from_year INTEGER NOT NULL,
    to_year   INTEGER NOT NULL DEFAULT 0, -- 0: open
    own       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE movement_review (
    movement_id INTEGER NOT NULL REFERENCES movement(id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('SO_KET', 'TONG_KET')),
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (movement_id, year, kind)
);

CREATE TABLE target (
    id            INTEGER PRIMARY KEY,
    movement_id   INTEGER NOT NULL REFERENCES movement(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    unit          TEXT NOT NULL DEFAULT '',
    higher_better INTEGER NOT NULL DEFAULT 1,
    sort_order    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX target_movement ON target(movement_id);

-- One row per registered award; the note is the subject's note for the year.
CREATE TABLE registration (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    person_id  INTEGER REFERENCES person(id) ON DELETE CASCADE,
    unit_code  TEXT REFERENCES unit(code) ON UPDATE CASCADE ON DELETE CASCADE,
    award_code TEXT NOT NULL REFERENCES award_type(code) ON UPDATE CASCADE,
    note       TEXT NOT NULL DEFAULT '',
    CHECK ((person_id IS NULL) <> (unit_code IS NULL))
);
CREATE UNIQUE INDEX registration_key ON registration(ifnull(person_id, 0), ifnull(unit_code, ''), year, award_code);
CREATE INDEX registration_year ON registration(year);

CREATE TABLE target_value (
    year      INTEGER NOT NULL,
    unit_code TEXT NOT NULL REFERENCES unit(code) ON UPDATE CASCADE ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,
    planned   REAL NOT NULL,
    actual    REAL, -- NULL until the year's result is known
    PRIMARY KEY (year, unit_code, target_id)
);
CREATE INDEX target_value_target ON target_value(target_id);

CREATE TABLE cluster (
    id   INTEGER PRIMARY KEY,
    year INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    pact TEXT NOT NULL DEFAULT '' -- giao ước thi đua
);

CREATE TABLE cluster_member (
    cluster_id INTEGER NOT NULL REFERENCES cluster(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    own        INTEGER NOT NULL DEFAULT 0,
    role       TEXT NOT NULL DEFAULT '' CHECK (role IN ('', 'TRUONG', 'PHO')),
    total      REAL, -- NULL until scored
    PRIMARY KEY (cluster_id, position),
    UNIQUE (cluster_id, name)
);

-- A node of the year's scoring table: a group (no method) or a criterion.
CREATE TABLE criterion (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    code        TEXT NOT NULL,
    parent_code TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    max_points  REAL NOT NULL DEFAULT 0 CHECK (max_points >= 0),
    method      TEXT NOT NULL DEFAULT '' CHECK (method IN ('', 'TY_LE', 'DAT', 'THUONG', 'TRU', 'THU_CONG')),
    target_id   INTEGER REFERENCES target(id) ON DELETE SET NULL,
    cap_percent REAL NOT NULL DEFAULT 0,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (year, code)
);

CREATE TABLE self_score (
    year  INTEGER NOT NULL,
    code  TEXT NOT NULL,
    score REAL NOT NULL,
    note  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, code),
    FOREIGN KEY (year, code) REFERENCES criterion(year, code) ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE self_score_attachment (
    year      INTEGER NOT NULL,
    code      TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content   BLOB NOT NULL,
    PRIMARY KEY (year, code, file_name),
    FOREIGN KEY (year, code) REFERENCES criterion(year, code) ON UPDATE CASCADE ON DELETE CASCADE
);
