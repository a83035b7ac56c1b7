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
