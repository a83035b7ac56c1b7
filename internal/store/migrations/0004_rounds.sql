-- Nomination rounds (đợt đề nghị khen thưởng): the nominees with the
-- engine's verdict, the director's justification and the drafted
-- achievement report; evidence files kept in the database; the council
-- meeting (Hội đồng Thi đua - Khen thưởng) with its members and the vote
-- on each nominee.

CREATE TABLE round (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('thuong-xuyen', 'chuyen-de', 'dot-xuat')),
    name        TEXT NOT NULL,
    movement_id INTEGER REFERENCES movement(id) ON DELETE SET NULL,
    status      TEXT NOT NULL DEFAULT 'NHAP' CHECK (status IN ('NHAP', 'CHO_DUYET', 'DA_DUYET', 'DA_GUI')),
    number      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE INDEX round_year ON round(year);

CREATE TABLE nominee (
    id            INTEGER PRIMARY KEY,
    round_id      INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
    person_id     INTEGER REFERENCES person(id) ON DELETE CASCADE,
    unit_code     TEXT REFERENCES unit(code) ON UPDATE CASCADE ON DELETE CASCADE,
    award_code    TEXT NOT NULL REFERENCES award_type(code) ON UPDATE CASCADE,
    eligible      INTEGER NOT NULL DEFAULT 0,
    reasons       TEXT NOT NULL DEFAULT '[]', -- JSON array of Vietnamese sentences
    justification TEXT NOT NULL DEFAULT '',
    duties        TEXT NOT NULL DEFAULT '',
    achievements  TEXT NOT NULL DEFAULT '',
    policy        TEXT NOT NULL DEFAULT '',
    CHECK ((person_id IS NULL) <> (unit_code IS NULL))
);
CREATE UNIQUE INDEX nominee_key ON nominee(round_id, ifnull(person_id, 0), ifnull(unit_code, ''), award_code);
CREATE INDEX nominee_person ON nominee(person_id);
CREATE INDEX nominee_unit ON nominee(unit_code);

CREATE TABLE nominee_attachment (
    nominee_id INTEGER NOT NULL REFERENCES nominee(id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    content    BLOB NOT NULL,
    PRIMARY KEY (nominee_id, file_name)
);

CREATE TABLE council (
    round_id INTEGER PRIMARY KEY REFERENCES round(id) ON DELETE CASCADE,
    date     TEXT,
    place    TEXT NOT NULL DEFAULT '',
    method   TEXT NOT NULL DEFAULT 'GIO_TAY' CHECK (method IN ('GIO_TAY', 'BO_PHIEU_KIN'))
);

CREATE TABLE council_member (
    round_id INTEGER NOT NULL REFERENCES council(round_id) ON DELETE CASCADE,
    position INTEGER NOT NULL, -- order in the minutes
    name     TEXT NOT NULL,
    title    TEXT NOT NULL DEFAULT '', -- chức vụ
    role     TEXT NOT NULL DEFAULT '', -- vai trò trong Hội đồng
    present  INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (round_id, position)
);

CREATE TABLE vote (
    nominee_id    INTEGER PRIMARY KEY REFERENCES nominee(id) ON DELETE CASCADE,
    for_count     INTEGER NOT NULL DEFAULT 0 CHECK (for_count >= 0),
    against_count INTEGER NOT NULL DEFAULT 0 CHECK (against_count >= 0),
    abstain_count INTEGER NOT NULL DEFAULT 0 CHECK (abstain_count >= 0)
);
