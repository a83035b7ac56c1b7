package rules

import (
	"sort"
	"strconv"
	"strings"

	"tdkt/internal/domain"
)

// Regime is a legal regime: the law and decree in force for an evaluation
// year (rules.md "Legal regimes"). A new regime is a new row, not new code.
type Regime struct {
	Code     string // R2017, R2024, R2025
	Name     string
	Basis    string // legal basis as cited in documents
	FromYear int    // first evaluation year (0: open)
	ToYear   int    // last evaluation year (0: open)
	// Citations are the documents' "Căn cứ" lines of the regime, one per
	// line: the law, the decree, the circulars that guide them.
	Citations string
}

// CitationLines are the regime's Căn cứ lines, blank lines dropped.
func (r Regime) CitationLines() []string {
	var out []string
	for _, l := range strings.Split(r.Citations, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Covers reports whether the regime governs evaluation year y.
func (r Regime) Covers(y int) bool {
	return (r.FromYear == 0 || y >= r.FromYear) && (r.ToYear == 0 || y <= r.ToYear)
}

// Scope of an award type: who can receive it.
const (
	ForPerson     = "person"
	ForCollective = "collective"
	ForBoth       = "both"
)

// AwardType is a title (danh hiệu thi đua) or a form (hình thức khen thưởng)
// of the catalogue, with its stable code from rules.md.
type AwardType struct {
	Code      string
	Name      string
	For       string // ForPerson, ForCollective or ForBoth
	Title     bool   // true: danh hiệu thi đua; false: hình thức khen thưởng
	Level     string // Cơ sở / Bộ, ngành / Nhà nước
	Bonus     float64
	ValidFrom domain.Date
	ValidTo   domain.Date
	SortOrder int
	// Template is the achievement report form the award is reported on in
	// a year-end round; Form is that form's label in the decree's appendix
	// ("Mẫu số …"), as the office reads it, printed under the report.
	Template domain.ReportTemplate
	Form     string
}

// AppliesTo reports whether subjects of kind k can receive the award.
func (a AwardType) AppliesTo(k domain.SubjectKind) bool {
	switch a.For {
	case ForBoth:
		return true
	case ForPerson:
		return k == domain.SubjectPerson
	case ForCollective:
		return k == domain.SubjectCollective
	}
	return false
}

// Param is one threshold or switch of the rules, valid for a regime (empty:
// every regime) and a period. Values are text so that numbers, ratings,
// scopes and booleans share one table that an administrator can edit.
type Param struct {
	Key         string
	Regime      string
	Value       string
	ValidFrom   domain.Date
	ValidTo     domain.Date
	Description string
}

// Catalogue is the whole rule catalogue as the engine reads it.
type Catalogue struct {
	Regimes          []Regime
	Awards           []AwardType
	Params           []Param
	Authorities      []Authority
	AwardAuthorities []AwardAuthority
}

// RegimeFor returns the regime in force on 31 December of year y.
func (c Catalogue) RegimeFor(y int) (Regime, bool) {
	for _, r := range c.Regimes {
		if r.Covers(y) {
			return r, true
		}
	}
	return Regime{}, false
}

// Award returns the award type with the code.
func (c Catalogue) Award(code string) (AwardType, bool) {
	for _, a := range c.Awards {
		if a.Code == code {
			return a, true
		}
	}
	return AwardType{}, false
}

// AwardName is the award's name as people read it, or its code when the
// catalogue does not have it.
func (c Catalogue) AwardName(code string) string {
	if a, ok := c.Award(code); ok {
		return a.Name
	}
	return code
}

// Param returns the value of key for regime on day d: a regime-specific row
// wins over a general one; rows outside their validity are ignored.
func (c Catalogue) Param(key, regime string, d domain.Date) (string, bool) {
	var general *Param
	for i := range c.Params {
		p := &c.Params[i]
		if p.Key != key || !d.InRange(p.ValidFrom, p.ValidTo) {
			continue
		}
		if p.Regime == regime {
			return p.Value, true
		}
		if p.Regime == "" && general == nil {
			general = p
		}
	}
	if general != nil {
		return general.Value, true
	}
	return "", false
}

// ParamInt is Param read as an integer.
func (c Catalogue) ParamInt(key, regime string, d domain.Date) (int, bool) {
	v, ok := c.Param(key, regime, d)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// Sorted returns the award types in display order.
func (c Catalogue) Sorted() []AwardType {
	out := append([]AwardType(nil), c.Awards...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].SortOrder < out[j].SortOrder })
	return out
}

// The Căn cứ lines of the regimes: the texts in force for the achievements
// of their years.
const (
	citeLaw2003 = "Căn cứ Luật Thi đua, khen thưởng năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2005 và năm 2013"
	citeND91    = "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
	citeLaw2022 = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"
	citeND98    = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
	citeND152   = "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết và hướng dẫn thi hành Luật Thi đua, khen thưởng"
	citeTT01    = "Căn cứ Thông tư số 01/2024/TT-BNV của Bộ trưởng Bộ Nội vụ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
	citeTT15    = "Căn cứ Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ quy định chi tiết thi hành Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP"
	citeTT79    = "Căn cứ Thông tư số 79/2023/TT-BTC ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Tài chính hướng dẫn công tác thi đua, khen thưởng thuộc ngành Tài chính"
)

// DefaultCatalogue is the catalogue a new database starts with: the regimes,
// award codes and default parameters of rules.md. The store seeds it once;
// after that the database copy, edited by an administrator, is the truth.
func DefaultCatalogue() Catalogue {
	return Catalogue{
		Regimes: []Regime{
			{Code: "R2017", Name: "Luật TĐKT 2003 (sửa đổi) và Nghị định 91/2017/NĐ-CP", Basis: "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định số 91/2017/NĐ-CP", FromYear: 0, ToYear: 2023,
				Citations: citeLaw2003 + "\n" + citeND91},
			{Code: "R2024", Name: "Luật 06/2022/QH15 và Nghị định 98/2023/NĐ-CP", Basis: "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP; Thông tư số 01/2024/TT-BNV", FromYear: 2024, ToYear: 2024,
				Citations: citeLaw2022 + "\n" + citeND98 + "\n" + citeTT01 + "\n" + citeTT79},
			{Code: "R2025", Name: "Luật 06/2022/QH15 và Nghị định 152/2025/NĐ-CP", Basis: "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 152/2025/NĐ-CP; Thông tư số 15/2025/TT-BNV", FromYear: 2025, ToYear: 0,
				Citations: citeLaw2022 + "\n" + citeND152 + "\n" + citeTT15 + "\n" + citeTT79},
		},
		Awards: []AwardType{
			{Code: "LDTT", Name: "Lao động tiên tiến", For: ForPerson, Title: true, Level: "Cơ sở", Bonus: 0.3, SortOrder: 10, Template: domain.TemplateNone},
			{Code: "CSTDCS", Name: "Chiến sĩ thi đua cơ sở", For: ForPerson, Title: true, Level: "Cơ sở", Bonus: 1.0, SortOrder: 20, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "CSTD_BO", Name: "Chiến sĩ thi đua cấp bộ, ngành", For: ForPerson, Title: true, Level: "Bộ, ngành", Bonus: 3.0, SortOrder: 30, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "CSTD_TQ", Name: "Chiến sĩ thi đua toàn quốc", For: ForPerson, Title: true, Level: "Nhà nước", Bonus: 4.5, SortOrder: 40, Template: domain.TemplateNationalSE, Form: "Mẫu báo cáo thành tích đề nghị tặng danh hiệu Chiến sĩ thi đua toàn quốc, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "TTLDTT", Name: "Tập thể lao động tiên tiến", For: ForCollective, Title: true, Level: "Cơ sở", Bonus: 0.8, SortOrder: 50, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "TTLDXS", Name: "Tập thể lao động xuất sắc", For: ForCollective, Title: true, Level: "Bộ, ngành", Bonus: 1.5, SortOrder: 60, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "CO_BO", Name: "Cờ thi đua cấp bộ, ngành", For: ForCollective, Title: true, Level: "Bộ, ngành", SortOrder: 70, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "CO_CP", Name: "Cờ thi đua của Chính phủ", For: ForCollective, Title: true, Level: "Nhà nước", Bonus: 12, SortOrder: 80, Template: domain.TemplateGovFlag, Form: "Mẫu báo cáo thành tích đề nghị tặng Cờ thi đua của Chính phủ, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "GK", Name: "Giấy khen", For: ForBoth, Level: "Cơ sở", SortOrder: 90, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "BK_BO", Name: "Bằng khen cấp bộ, ngành", For: ForBoth, Level: "Bộ, ngành", SortOrder: 100, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "BK_TTG", Name: "Bằng khen của Thủ tướng Chính phủ", For: ForBoth, Level: "Nhà nước", SortOrder: 110, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
			{Code: "HCLD3", Name: "Huân chương Lao động hạng Ba", For: ForBoth, Level: "Nhà nước", SortOrder: 120, Template: domain.TemplateMerit, Form: "Mẫu báo cáo thành tích khen thưởng công trạng, Phụ lục Nghị định số 152/2025/NĐ-CP"},
		},
		Params: []Param{
			{Key: "ldtt.min_rating", Value: "HTTNV", Description: "Xếp loại tối thiểu để đạt LĐTT"},
			{Key: "ldtt.recruited_by", Regime: "R2017", Value: "03-01", Description: "Tuyển dụng trước ngày (tháng-ngày) của năm xét: đủ 10 tháng công tác"},
			{Key: "ldtt.recruited_by", Value: "07-01", Description: "Tuyển dụng trước ngày (tháng-ngày) của năm xét: đủ 6 tháng công tác"},
			{Key: "cstdcs.htxsnv_suffices", Regime: "R2017", Value: "false", Description: "HTXSNV một mình đủ cho CSTĐCS (không cần sáng kiến)"},
			{Key: "cstdcs.htxsnv_suffices", Value: "true", Description: "HTXSNV một mình đủ cho CSTĐCS (không cần sáng kiến)"},
			{Key: "cstdcs.quota_percent", Value: "15", Description: "Số CSTĐCS tối đa, % số LĐTT của cùng đơn vị"},
			{Key: "cstdcs.quota_per_department", Value: "false", Description: "Tính tỷ lệ CSTĐCS theo từng phòng (false: cả cơ quan)"},
			{Key: "cstd_bo.cstdcs_years", Value: "3", Description: "Số năm CSTĐCS liên tục cho CSTĐ cấp bộ, ngành"},
			{Key: "cstd_bo.initiative_scope", Value: "BO_NGANH", Description: "Phạm vi sáng kiến tối thiểu cho CSTĐ cấp bộ, ngành"},
			{Key: "cstd_tq.initiative_years", Value: "6", Description: "Số năm (Y-5..Y) xét sáng kiến toàn quốc cho CSTĐ toàn quốc"},
			{Key: "bk_bo.person_initiatives", Value: "2", Description: "Số sáng kiến chưa dùng cho Bằng khen cấp bộ (cá nhân)"},
			{Key: "bk_ttg.years", Value: "5", Description: "Số năm sau Bằng khen cấp bộ để xét Bằng khen Thủ tướng"},
			{Key: "bk_ttg.min_rating", Regime: "R2017", Value: "HTXSNV", Description: "Xếp loại tối thiểu mỗi năm trong thời gian xét"},
			{Key: "bk_ttg.min_rating", Value: "HTTNV", Description: "Xếp loại tối thiểu mỗi năm trong thời gian xét"},
			{Key: "bk_ttg.cstdcs_count", Value: "3", Description: "Số CSTĐCS tối thiểu trong thời gian xét"},
			{Key: "bk_ttg.initiatives", Regime: "R2017", Value: "5", Description: "Số sáng kiến cơ sở tối thiểu trong thời gian xét"},
			{Key: "hcld3.years", Value: "5", Description: "Số năm sau Bằng khen Thủ tướng để xét Huân chương Lao động hạng Ba"},
			{Key: "hcld3.cstdcs_count", Value: "3", Description: "Số CSTĐCS tối thiểu trong thời gian xét"},
			{Key: "ttldtt.ldtt_percent", Value: "50", Description: "Tỷ lệ thành viên đạt LĐTT phải vượt quá (%)"},
			{Key: "ttldxs.ldtt_percent", Value: "70", Description: "Tỷ lệ thành viên đạt LĐTT tối thiểu (%)"},
			{Key: "ttldxs.discipline_clause", Regime: "R2017", Value: "true", Description: "Không có thành viên bị kỷ luật từ cảnh cáo trở lên"},
			{Key: "ttldxs.discipline_clause", Value: "false", Description: "Không có thành viên bị kỷ luật từ cảnh cáo trở lên"},
			{Key: "cstdcs.initiative_scope", Value: "CO_SO", Description: "Phạm vi sáng kiến tối thiểu cho CSTĐCS"},
			{Key: "cstd_tq.initiative_scope", Value: "TOAN_QUOC", Description: "Phạm vi sáng kiến tối thiểu cho CSTĐ toàn quốc"},
			{Key: "bk_bo.years", Value: "2", Description: "Số năm liên tục CSTĐCS hoặc HTXSNV (và khoảng xét sáng kiến) cho Bằng khen cấp bộ (cá nhân)"},
			{Key: "bk_bo.initiative_scope", Value: "CO_SO", Description: "Phạm vi sáng kiến tối thiểu cho Bằng khen cấp bộ (cá nhân)"},
			{Key: "bk_bo.collective_years", Value: "2", Description: "Số năm liên tục tập thể HTXSNV cho Bằng khen cấp bộ (tập thể)"},
			{Key: "bk_ttg.initiative_scope", Value: "CO_SO", Description: "Phạm vi sáng kiến tối thiểu khi Bằng khen Thủ tướng xét theo số sáng kiến"},
			{Key: "bk_ttg.collective_rating", Value: "HTXSNV", Description: "Xếp loại tập thể tối thiểu mỗi năm sau Bằng khen cấp bộ, cho Bằng khen Thủ tướng (tập thể)"},
			{Key: "hcld3.min_rating", Value: "HTTNV", Description: "Xếp loại tối thiểu mỗi năm sau Bằng khen Thủ tướng"},
			{Key: "hcld3.htxsnv_count", Value: "1", Description: "Số năm HTXSNV tối thiểu sau Bằng khen Thủ tướng"},
			{Key: "gk.min_rating", Value: "HTTNV", Description: "Xếp loại tối thiểu để xét Giấy khen (cá nhân và tập thể)"},
			{Key: "ttldtt.min_rating", Value: "HTTNV", Description: "Xếp loại tập thể tối thiểu cho TTLĐTT"},
			{Key: "ttldtt.discipline_form", Value: "CANH_CAO", Description: "Hình thức kỷ luật nhẹ nhất của thành viên làm tập thể không đạt TTLĐTT (và TTLĐXS khi bật điều khoản kỷ luật)"},
			{Key: "ttldxs.member_min_rating", Value: "HTNV", Description: "Xếp loại tối thiểu của mọi thành viên cho TTLĐXS"},
			{Key: "ttldxs.cstdcs_members", Value: "1", Description: "Số thành viên đạt CSTĐCS tối thiểu cho TTLĐXS"},
			{Key: "co_bo.cluster_rank", Value: "1", Description: "Thứ hạng trong cụm thi đua cần đạt cho Cờ thi đua cấp bộ"},
			{Key: "council.cstd_percent", Value: "90", Description: "Tỷ lệ phiếu đồng ý tối thiểu trên tổng số thành viên Hội đồng (bỏ phiếu kín) cho CSTĐ cấp bộ, toàn quốc"},
			{Key: "council.other_percent", Value: "50", Description: "Tỷ lệ phiếu đồng ý phải vượt quá trên tổng số thành viên Hội đồng cho các hình thức khác"},
			{Key: "dien_hinh.person_titles", Value: "CSTD_BO,CSTD_TQ", Description: "Gương điển hình: cá nhân đạt một trong các danh hiệu này trong giai đoạn (mã, cách nhau bởi dấu phẩy)"},
			{Key: "dien_hinh.higher_awards", Value: "BK_TTG,HCLD3,CO_CP", Description: "Gương điển hình: tập thể, cá nhân được một trong các hình thức này trong giai đoạn (mã, cách nhau bởi dấu phẩy)"},
			{Key: "dien_hinh.cstdcs_years", Value: "3", Description: "Gương điển hình: số năm đạt Chiến sĩ thi đua cơ sở trong giai đoạn"},
			{Key: "dien_hinh.initiative_scope", Value: "BO_NGANH", Description: "Gương điển hình: phạm vi sáng kiến tối thiểu trong giai đoạn"},
			{Key: "dien_hinh.vote_percent", Value: "50", Description: "Gương điển hình: tỷ lệ phiếu đồng ý phải vượt quá (%) trên tổng số đại biểu triệu tập Hội nghị điển hình tiên tiến"},
			{Key: "dien_hinh.ttldxs_years", Value: "3", Description: "Gương điển hình: số năm tập thể đạt Tập thể lao động xuất sắc trong giai đoạn"},
			{Key: "council.written_opinions_count", Value: "true", Description: "Ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả biểu quyết"},
		},
		Authorities:      defaultAuthorities(),
		AwardAuthorities: defaultAwardAuthorities(),
	}
}
