-- Foundation schema: the office, its units and people, their history, and
-- the rule catalogue. Dates are ISO text (yyyy-mm-dd) or NULL when unknown.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE office_profile (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    unit_code         TEXT NOT NULL,
    unit_name         TEXT NOT NULL,
    parent_name       TEXT NOT NULL,
    place             TEXT NOT NULL,
    director_name     TEXT NOT NULL DEFAULT '',
    director_position TEXT NOT NULL DEFAULT '',
    deputies          TEXT NOT NULL DEFAULT '[]', -- JSON [{name, position}]
    doc_code          TEXT NOT NULL DEFAULT 'BHXH'
);

CREATE TABLE unit (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    parent_code TEXT REFERENCES unit(code) ON UPDATE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('TINH', 'PHONG', 'CO_SO')),
    valid_from  TEXT,
    valid_to    TEXT,
    CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX unit_parent ON unit(parent_code);

-- Mergers and renamings of 2025: history under an old code follows the new one.
CREATE TABLE unit_code_change (
    old_code  TEXT NOT NULL,
    new_code  TEXT NOT NULL,
    effective TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (old_code, new_code)
);

CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    staff_code   TEXT NOT NULL UNIQUE,
    full_name    TEXT NOT NULL,
    birth_date   TEXT NOT NULL,
    gender       TEXT NOT NULL CHECK (gender IN ('NAM', 'NU')),
    cccd         TEXT,
    position     TEXT NOT NULL DEFAULT '',
    ethnicity    TEXT NOT NULL DEFAULT '',
    recruited_on TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    deleted_at   TEXT -- soft delete, so a mistaken delete can be undone
);
CREATE UNIQUE INDEX person_cccd ON person(cccd) WHERE cccd IS NOT NULL;

-- Unit history: a person belongs to exactly one open assignment.
CREATE TABLE assignment (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    unit_code TEXT NOT NULL REFERENCES unit(code) ON UPDATE CASCADE,
    from_date TEXT NOT NULL,
    to_date   TEXT,
    position  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assignment_person ON assignment(person_id);
CREATE UNIQUE INDEX assignment_open ON assignment(person_id) WHERE to_date IS NULL;

CREATE TABLE regime (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    basis     TEXT NOT NULL DEFAULT '',
    from_year INTEGER NOT NULL DEFAULT 0,
    to_year   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE award_type (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    for_subject TEXT NOT NULL CHECK (for_subject IN ('person', 'collective', 'both')),
    is_title    INTEGER NOT NULL DEFAULT 0,
    level       TEXT NOT NULL DEFAULT '',
    bonus       REAL NOT NULL DEFAULT 0,
    valid_from  TEXT,
    valid_to    TEXT,
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE catalogue_param (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL,
    regime      TEXT NOT NULL DEFAULT '',
    value       TEXT NOT NULL,
    valid_from  TEXT,
    valid_to    TEXT,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX catalogue_param_key ON catalogue_param(key);

CREATE TABLE person_rating (
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    year      INTEGER NOT NULL,
    rating    TEXT NOT NULL CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
    PRIMARY KEY (person_id, year)
);

CREATE TABLE unit_rating (
    unit_code TEXT NOT NULL REFERENCES unit(code) ON UPDATE CASCADE ON DELETE CASCADE,
    year      INTEGER NOT NULL,
    rating    TEXT NOT NULL CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
    PRIMARY KEY (unit_code, year)
);

CREATE TABLE award (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER REFERENCES person(id) ON DELETE CASCADE,
    unit_code     TEXT REFERENCES unit(code) ON UPDATE CASCADE ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    award_code    TEXT NOT NULL REFERENCES award_type(code) ON UPDATE CASCADE,
    decision_no   TEXT NOT NULL DEFAULT '',
    decision_date TEXT,
    issuer        TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL DEFAULT 'CONG_TRANG' CHECK (kind IN ('CONG_TRANG', 'DOT_XUAT', 'CHUYEN_DE', 'CONG_HIEN')),
    CHECK ((person_id IS NULL) <> (unit_code IS NULL))
);
CREATE UNIQUE INDEX award_key ON award(ifnull(person_id, 0), ifnull(unit_code, ''), year, award_code);

CREATE TABLE initiative (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    year          INTEGER NOT NULL,
    scope         TEXT NOT NULL CHECK (scope IN ('CO_SO', 'BO_NGANH', 'TOAN_QUOC')),
    decision_no   TEXT NOT NULL DEFAULT '',
    decision_date TEXT,
    issuer        TEXT NOT NULL DEFAULT '',
    UNIQUE (title, year)
);

CREATE TABLE initiative_author (
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, person_id)
);
CREATE INDEX initiative_author_person ON initiative_author(person_id);

-- "One achievement, one award": the initiatives an award rested on.
CREATE TABLE award_initiative (
    award_id      INTEGER NOT NULL REFERENCES award(id) ON DELETE CASCADE,
    initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    PRIMARY KEY (award_id, initiative_id)
);

CREATE TABLE discipline (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    form        TEXT NOT NULL CHECK (form IN ('KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CHUC', 'CACH_CHUC', 'BUOC_THOI_VIEC')),
    from_date   TEXT NOT NULL,
    to_date     TEXT,
    decision_no TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, form, from_date)
);
