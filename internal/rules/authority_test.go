package rules

import (
	"testing"

	"tdkt/internal/domain"
)

func TestCatalogue_ConferredBy(t *testing.T) {
	c := DefaultCatalogue()
	scenarios := []struct {
		award    string
		day      domain.Date
		own      bool
		signer   string
		fullName string
	}{
		{"LDTT", domain.NewDate(2026, 1, 20), true, "", "Lao động tiên tiến"},
		{"GK", domain.NewDate(2026, 1, 20), true, "", "Giấy khen"},
		{"BK_BO", domain.NewDate(2026, 1, 20), false, "Bộ trưởng Bộ Tài chính", "Bằng khen của Bộ trưởng Bộ Tài chính"},
		{"BK_BO", domain.NewDate(2025, 1, 15), false, "Tổng Giám đốc Bảo hiểm xã hội Việt Nam", "Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam"},
		{"CO_BO", domain.NewDate(2025, 3, 1), false, "Bộ trưởng Bộ Tài chính", "Cờ thi đua của Bộ Tài chính"},
		{"CO_BO", domain.NewDate(2025, 2, 28), false, "Tổng Giám đốc Bảo hiểm xã hội Việt Nam", "Cờ thi đua của Bảo hiểm xã hội Việt Nam"},
		{"BK_TTG", domain.NewDate(2026, 1, 20), false, "Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ"},
		{"HCLD3", domain.NewDate(2026, 1, 20), false, "Chủ tịch nước", "Huân chương Lao động hạng Ba"},
		{"KHONG_CO", domain.NewDate(2026, 1, 20), true, "", "KHONG_CO"},
	}
	for _, sc := range scenarios {
		got := c.ConferredBy(sc.award, sc.day)
		if got.Own != sc.own || got.Signer != sc.signer || got.FullName != sc.fullName {
			t.Errorf("%s on %s: own %v, signer %q, name %q; want %v, %q, %q", sc.award, sc.day.VN(), got.Own, got.Signer, got.FullName, sc.own, sc.signer, sc.fullName)
		}
		if !got.Own && got.Via != "Bảo hiểm xã hội Việt Nam" {
			t.Errorf("%s: proposals go to %q", sc.award, got.Via)
		}
	}
	// Every award of the catalogue has an authority every day.
	for _, a := range c.Awards {
		for _, d := range []domain.Date{domain.NewDate(2020, 6, 1), domain.NewDate(2025, 2, 28), domain.NewDate(2025, 3, 1), domain.NewDate(2030, 1, 1)} {
			found := false
			for _, aa := range c.AwardAuthorities {
				found = found || (aa.Award == a.Code && aa.covers(d))
			}
			if !found {
				t.Errorf("%s has no authority on %s", a.Code, d.VN())
			}
		}
	}
}

// An own title recorded as the centre's decision is flagged; the
// director's own record, a ministry's award and a record without issuer
// are not.
func TestCatalogue_Misattributed(t *testing.T) {
	c := DefaultCatalogue()
	rec := func(code, issuer string) domain.AwardRecord {
		return domain.AwardRecord{Year: 2025, AwardCode: code, DecisionDate: domain.NewDate(2026, 2, 20), Issuer: issuer}
	}
	for _, tc := range []struct {
		a    domain.AwardRecord
		want bool
	}{
		{rec("CSTDCS", "Tổng Giám đốc Bảo hiểm xã hội Việt Nam"), true},
		{rec("GK", "Bộ trưởng Bộ Tài chính"), true},
		{rec("CSTDCS", "Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh"), false},
		{rec("BK_BO", "Bộ trưởng Bộ Tài chính"), false},
		{rec("TTLDTT", ""), false},
		{domain.AwardRecord{Year: 2022, AwardCode: "LDTT", Issuer: "Bảo hiểm xã hội Việt Nam"}, true},
	} {
		if got := c.Misattributed(tc.a); got != tc.want {
			t.Errorf("%s by %q: %v, want %v", tc.a.AwardCode, tc.a.Issuer, got, tc.want)
		}
	}
}

// Whoever decides: the office's director for its own awards, the
// authority's signer for the others.
func TestConferral_DecidedBy(t *testing.T) {
	c := DefaultCatalogue()
	day := domain.NewDate(2026, 1, 20)
	if got := c.ConferredBy("CSTDCS", day).DecidedBy("Giám đốc X"); got != "Giám đốc X" {
		t.Errorf("CSTĐCS decided by %q", got)
	}
	if got := c.ConferredBy("BK_BO", day).DecidedBy("Giám đốc X"); got != "Bộ trưởng Bộ Tài chính" {
		t.Errorf("BK decided by %q", got)
	}
}
