-- Parameters of rules.md that the first catalogue lacked; the eligibility
-- engine reads them. Inserted only where the key is not there yet, so an
-- administrator's own rows are kept.
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'cstdcs.initiative_scope', '', 'CO_SO', 'Phạm vi sáng kiến tối thiểu cho CSTĐCS'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'cstdcs.initiative_scope');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'cstd_tq.initiative_scope', '', 'TOAN_QUOC', 'Phạm vi sáng kiến tối thiểu cho CSTĐ toàn quốc'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'cstd_tq.initiative_scope');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'bk_bo.years', '', '2', 'Số năm liên tục CSTĐCS hoặc HTXSNV (và khoảng xét sáng kiến) cho Bằng khen cấp bộ (cá nhân)'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'bk_bo.years');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'bk_bo.initiative_scope', '', 'CO_SO', 'Phạm vi sáng kiến tối thiểu cho Bằng khen cấp bộ (cá nhân)'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'bk_bo.initiative_scope');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'bk_bo.collective_years', '', '2', 'Số năm liên tục tập thể HTXSNV cho Bằng khen cấp bộ (tập thể)'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'bk_bo.collective_years');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'bk_ttg.initiative_scope', '', 'CO_SO', 'Phạm vi sáng kiến tối thiểu khi Bằng khen Thủ tướng xét theo số sáng kiến'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'bk_ttg.initiative_scope');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'bk_ttg.collective_rating', '', 'HTXSNV', 'Xếp loại tập thể tối thiểu mỗi năm sau Bằng khen cấp bộ, cho Bằng khen Thủ tướng (tập thể)'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'bk_ttg.collective_rating');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'hcld3.min_rating', '', 'HTTNV', 'Xếp loại tối thiểu mỗi năm sau Bằng khen Thủ tướng'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'hcld3.min_rating');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'hcld3.htxsnv_count', '', '1', 'Số năm HTXSNV tối thiểu sau Bằng khen Thủ tướng'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'hcld3.htxsnv_count');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'gk.min_rating', '', 'HTTNV', 'Xếp loại tối thiểu để xét Giấy khen (cá nhân và tập thể)'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'gk.min_rating');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'ttldtt.min_rating', '', 'HTTNV', 'Xếp loại tập thể tối thiểu cho TTLĐTT'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'ttldtt.min_rating');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'ttldtt.discipline_form', '', 'CANH_CAO', 'Hình thức kỷ luật nhẹ nhất của thành viên làm tập thể không đạt TTLĐTT (và TTLĐXS khi bật điều khoản kỷ luật)'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'ttldtt.discipline_form');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'ttldxs.member_min_rating', '', 'HTNV', 'Xếp loại tối thiểu của mọi thành viên cho TTLĐXS'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'ttldxs.member_min_rating');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'ttldxs.cstdcs_members', '', '1', 'Số thành viên đạt CSTĐCS tối thiểu cho TTLĐXS'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'ttldxs.cstdcs_members');
INSERT INTO catalogue_param(key, regime, value, description)
    SELECT 'co_bo.cluster_rank', '', '1', 'Thứ hạng trong cụm thi đua cần đạt cho Cờ thi đua cấp bộ'
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_param WHERE key = 'co_bo.cluster_rank');
