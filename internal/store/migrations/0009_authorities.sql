-- Who confers each award (thẩm quyền quyết định): the office's own
-- director, or a body above it that the office proposes to; and the award's
-- full legal name in each period. The rows of the default catalogue are
-- written by the program when this migration runs (rules.DefaultCatalogue),
-- so that the defaults have one home.
CREATE TABLE authority (
    code   TEXT PRIMARY KEY,
    signer TEXT NOT NULL DEFAULT '',
    via    TEXT NOT NULL DEFAULT '',
    own    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE award_authority (
    id         INTEGER PRIMARY KEY,
    award_code TEXT NOT NULL REFERENCES award_type(code) ON UPDATE CASCADE ON DELETE CASCADE,
    authority  TEXT NOT NULL REFERENCES authority(code) ON UPDATE CASCADE,
    full_name  TEXT NOT NULL,
    valid_from TEXT,
    valid_to   TEXT
);
CREATE INDEX award_authority_award ON award_authority(award_code);
