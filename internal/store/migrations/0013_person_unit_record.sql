-- What an achievement report's first section says of the person or the
-- collective it is about: a person's home town, residence, religion,
-- qualifications and posts in the Party and the mass organisations; a
-- unit's address and the Party, trade-union and youth organisations its
-- people belong to. Each may be blank: records entered before these
-- columns existed simply have nothing to say yet.
ALTER TABLE person ADD COLUMN home_town TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN residence TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN religion TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN education TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN political_theory TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN academic_rank TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN party_post TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN union_post TEXT NOT NULL DEFAULT '';

ALTER TABLE unit ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN party_org TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN union_org TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN youth_org TEXT NOT NULL DEFAULT '';
