-- The centre's record of the offices' period packages: each office's
-- exemplary models of a period, with the conference's vote, and the
-- figures of its review as the package gave them (JSON, by year).
CREATE TABLE central_period_model (
    id          INTEGER PRIMARY KEY,
    package_id  INTEGER NOT NULL REFERENCES central_package(id) ON DELETE CASCADE,
    unit_code   TEXT NOT NULL,
    unit_name   TEXT NOT NULL DEFAULT '',
    from_year   INTEGER NOT NULL,
    to_year     INTEGER NOT NULL,
    subject     TEXT NOT NULL CHECK (subject IN ('person', 'collective')),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    sub_unit    TEXT NOT NULL DEFAULT '',
    reasons     TEXT NOT NULL DEFAULT '',
    votes_for   INTEGER NOT NULL DEFAULT 0,
    pct         REAL NOT NULL DEFAULT 0,
    selected    INTEGER NOT NULL DEFAULT 0,
    delegate    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX central_period_model_period ON central_period_model(from_year, to_year);

CREATE TABLE central_period (
    package_id INTEGER PRIMARY KEY REFERENCES central_package(id) ON DELETE CASCADE,
    unit_code  TEXT NOT NULL,
    from_year  INTEGER NOT NULL,
    to_year    INTEGER NOT NULL,
    figures    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX central_period_unit ON central_period(unit_code, from_year, to_year);
