-- The dates and numbers of a round's documents are the round's own, entered
-- by the clerk (or left blank for the văn thư to fill in by hand), never
-- the day the dossier is printed: the date of its Tờ trình; the council's
-- start and end times; and the office's own Quyết định for each award it
-- confers itself, with its number, date and signer.
ALTER TABLE round ADD COLUMN submission_date TEXT;
ALTER TABLE council ADD COLUMN start_time TEXT NOT NULL DEFAULT '';
ALTER TABLE council ADD COLUMN end_time TEXT NOT NULL DEFAULT '';

CREATE TABLE round_decision (
    round_id   INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
    award_code TEXT NOT NULL,
    number     TEXT NOT NULL DEFAULT '',
    date       TEXT,
    signer     TEXT NOT NULL DEFAULT '',
    -- Whether the awards it confers were written into the history.
    recorded   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, award_code)
);
