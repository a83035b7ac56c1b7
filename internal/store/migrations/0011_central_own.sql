-- The centre keeps apart what an office decides itself from what it
-- proposes up: each received nomination says who confers its award and
-- whether that is the office's own director (then the centre only counts
-- it, never decides it), and the office's own decisions of the round are
-- kept, number and count, for the centre's statistics.
ALTER TABLE central_nomination ADD COLUMN own INTEGER NOT NULL DEFAULT 0;
ALTER TABLE central_nomination ADD COLUMN conferred_by TEXT NOT NULL DEFAULT '';

CREATE TABLE central_own_decision (
    package_id INTEGER NOT NULL REFERENCES central_package(id) ON DELETE CASCADE,
    unit_code  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    award      TEXT NOT NULL,
    award_name TEXT NOT NULL DEFAULT '',
    number     TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    signer     TEXT NOT NULL DEFAULT '',
    count      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (package_id, award)
);
CREATE INDEX central_own_decision_year ON central_own_decision(year);
