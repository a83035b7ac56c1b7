-- The achievement report form each award is reported on (NĐ 152/2025's
-- appendix has one per kind of award), and the Căn cứ lines of each legal
-- regime, so that documents cite the texts of the regime from the
-- catalogue. The values of the default catalogue are written by the
-- program when this migration runs (rules.DefaultCatalogue), so that the
-- defaults have one home.
ALTER TABLE award_type ADD COLUMN report_template TEXT NOT NULL DEFAULT '';
ALTER TABLE award_type ADD COLUMN report_form TEXT NOT NULL DEFAULT '';
ALTER TABLE regime ADD COLUMN citations TEXT NOT NULL DEFAULT '';
