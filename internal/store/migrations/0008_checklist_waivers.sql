-- A document of a nominee's checklist that cannot be had (a lost decision,
-- a proof the centre does not ask for) is waived with a written reason, so
-- that the round can be submitted and the reason travels with it:
-- a JSON object from the document's name to the reason.
ALTER TABLE nominee ADD COLUMN waivers TEXT NOT NULL DEFAULT '{}';
