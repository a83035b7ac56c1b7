-- Local accounts and what the director's decisions leave behind: who moved
-- a round along its flow (and why it was reopened), and who signed off a
-- year's self-assessment. Times are RFC 3339 text in UTC.

-- account: a person who may log in. The role decides what the service lets
-- them do; the password is kept only as an argon2id PHC string.
CREATE TABLE account (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE CHECK (username <> '' AND username = lower(username)),
    full_name           TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('GIAM_DOC', 'CHUYEN_VIEN', 'CHI_XEM')),
    password_hash       TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failures            INTEGER NOT NULL DEFAULT 0, -- failed logins in a row
    locked_until        TEXT,                       -- NULL: not locked
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);

-- round_event: one row per status change of a round (Nháp → Chờ duyệt →
-- Đã duyệt → Đã gửi, and reopening), with the reason a reopening needs.
-- from_status is '' for the row that records the round's creation.
CREATE TABLE round_event (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL CHECK (to_status IN ('NHAP', 'CHO_DUYET', 'DA_DUYET', 'DA_GUI')),
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX round_event_round ON round_event(round_id, id);

-- assessment_signoff: the director's sign-off (ký duyệt) of a year's
-- self-assessment; while it exists the year's criteria and self-scores
-- are frozen.
CREATE TABLE assessment_signoff (
    year  INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    at    TEXT NOT NULL
);
