-- Audit journal (nhật ký thay đổi): one row per changed record, written by
-- triggers that Open generates for every table (audit.go), so tables added
-- by later migrations are covered without touching this file. The triggers
-- fill tbl, op, row_key, before and after; Store.Write fills tx, at, actor,
-- prev and hash before it commits, chaining each entry to the one before so
-- that an entry edited or deleted outside the application is detected.

CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    tx         INTEGER,          -- number of the Write that made the change
    at         TEXT,             -- RFC 3339 UTC, when that Write began
    actor      TEXT,             -- account user name, or 'hệ thống'
    tbl        TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    row_key    TEXT NOT NULL,    -- JSON of the primary key columns (or rowid)
    before     TEXT,             -- JSON of every column; NULL for an INSERT
    after      TEXT,             -- JSON of every column; NULL for a DELETE
    prev       TEXT,             -- hash of the entry before ('' for the first)
    hash       TEXT,             -- NULL: not chained, i.e. not written by the application
    -- Whose history the entry belongs to, copied by the trigger from the
    -- row's person_id, round_id and nominee_id (the id itself for a person,
    -- round or nominee row), so a person's or a round's page finds its
    -- entries through an index without parsing the JSON of every entry,
    -- which an index on json_extract would do on every insert.
    person_id  INTEGER,
    round_id   INTEGER,
    nominee_id INTEGER
);
CREATE INDEX audit_row ON audit(tbl, row_key);
CREATE INDEX audit_tx ON audit(tx);
-- The undo list: the transactions that deleted records.
CREATE INDEX audit_deletes ON audit(tx) WHERE op = 'DELETE';
CREATE INDEX audit_person ON audit(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX audit_round ON audit(round_id) WHERE round_id IS NOT NULL;
CREATE INDEX audit_nominee ON audit(nominee_id) WHERE nominee_id IS NOT NULL;

-- The chain head, moved in the same transaction as the entries: without it,
-- deleting the newest entries would leave a shorter chain that still
-- verifies.
CREATE TABLE audit_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_id   INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    last_tx   INTEGER NOT NULL
);
INSERT INTO audit_head(id, last_id, last_hash, last_tx) VALUES (1, 0, '', 0);
