-- What the council's minutes record besides the votes: the summary of the
-- discussion as the secretary edits it; the Ban kiểm phiếu of a secret
-- ballot, one name a line with its head first (a list that is only ever
-- read and written whole, with the council); and the written opinion
-- (ý kiến bằng văn bản) an absent member sent.
ALTER TABLE council ADD COLUMN discussion TEXT NOT NULL DEFAULT '';
ALTER TABLE council ADD COLUMN tellers TEXT NOT NULL DEFAULT '';
ALTER TABLE council_member ADD COLUMN opinion TEXT NOT NULL DEFAULT '';

-- Whether those written opinions count in the vote: the law lets them,
-- and the catalogue says so, so that an office may decide otherwise. Only
-- a file whose catalogue is already there (its regimes, which only the
-- program's seed writes) gets the row here: a new file has it from the
-- default catalogue. And only where the key is not there yet, so an
-- administrator's own row is kept.
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'council.written_opinions_count', '', 'true', 'Ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả biểu quyết'
    WHERE EXISTS (SELECT 1 FROM regime)
      AND NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'council.written_opinions_count');
