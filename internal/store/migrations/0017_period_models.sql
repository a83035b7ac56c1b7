-- The exemplary models of a period (gương điển hình tiên tiến): the
-- candidates put before the Hội nghị điển hình tiên tiến, its vote, the
-- account of each for the booklet, and the office's delegates to the
-- congress; and the conference itself on the period.
CREATE TABLE period_model (
    id           INTEGER PRIMARY KEY,
    period_id    INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'collective')),
    subject_code TEXT NOT NULL,
    name         TEXT NOT NULL,
    unit         TEXT NOT NULL DEFAULT '',
    reasons      TEXT NOT NULL DEFAULT '',
    by_hand      INTEGER NOT NULL DEFAULT 0,
    votes_for    INTEGER,
    account      TEXT NOT NULL DEFAULT '',
    delegate     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (period_id, subject_kind, subject_code)
);
CREATE INDEX period_model_period ON period_model(period_id);

ALTER TABLE period ADD COLUMN conference_date TEXT;
ALTER TABLE period ADD COLUMN conference_members INTEGER NOT NULL DEFAULT 0;
ALTER TABLE period ADD COLUMN conference_present INTEGER NOT NULL DEFAULT 0;
