-- The periods of the five-year cycle (giai đoạn): the years a review of
-- the emulation movements covers and the congress it prepares, with the
-- number of delegates the centre allots the office.
CREATE TABLE period (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    from_year     INTEGER NOT NULL,
    to_year       INTEGER NOT NULL CHECK (to_year >= from_year),
    congress      TEXT NOT NULL DEFAULT '',
    congress_date TEXT,
    delegates     INTEGER NOT NULL DEFAULT 0 CHECK (delegates >= 0),
    results       TEXT NOT NULL DEFAULT '',
    lessons       TEXT NOT NULL DEFAULT '',
    directions    TEXT NOT NULL DEFAULT '',
    UNIQUE (from_year, to_year)
);
