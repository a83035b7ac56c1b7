-- The program's own notes in the audit journal. The program writes one
-- when it installs the journal's triggers for a schema (after every
-- upgrade, and when a new program version generates them differently),
-- when it rewrites journal entries itself (hiding the secret values that
-- older versions copied into the journal, which also recomputes the chain
-- from the first entry rewritten), and when it finds at opening that the
-- triggers were dropped or changed by another program. The table is
-- journaled like any other, so each note is a chained entry, and the
-- journal check compares its rows with the journal, so a note deleted
-- with another program is reported.
--
-- triggers is the SHA-256 of the trigger set installed after the note: at
-- the next opening a different set means someone changed the triggers.
CREATE TABLE journal_note (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,    -- RFC 3339 UTC
    kind           TEXT NOT NULL CHECK (kind IN ('install', 'redact', 'tamper')),
    schema_version INTEGER NOT NULL,
    triggers       TEXT NOT NULL,
    detail         TEXT NOT NULL     -- for people, in Vietnamese
);
