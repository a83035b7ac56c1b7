package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"tdkt/internal/domain"
	"tdkt/internal/rules"
)

// demoVerdicts evaluates 2025 on the default demo office (clock 1/3/2026).
func demoVerdicts(t *testing.T) (*Service, []rules.Verdict) {
	t.Helper()
	s, _, _ := fillDemo(t, DemoOptions{Staff: 300, Seed: 1})
	vs, err := s.Eligibility(context.Background(), 2025, "")
	if err != nil {
		t.Fatal(err)
	}
	return s, vs
}

func TestEligibility_DemoCases(t *testing.T) {
	_, vs := demoVerdicts(t)
	get := func(code, award string) rules.Verdict {
		t.Helper()
		for _, v := range vs {
			if v.Subject.Code == code && v.Award == award {
				return v
			}
		}
		t.Fatalf("no verdict %s %s", code, award)
		return rules.Verdict{}
	}
	cases := []struct {
		code, award       string
		eligible, pending bool
		reason            string
	}{
		{"HTI0001", "HCLD3", true, false, "Bằng khen của Thủ tướng Chính phủ năm 2019"},
		{"HTI0002", "HCLD3", false, false, "Có 0 năm HTXSNV trong 2021–2025, cần 1"},
		{"HTI0003", "BK_TTG", true, false, "Có 3 CSTĐCS trong 2021–2025"},
		{"HTI0004", "LDTT", false, false, "Tuyển dụng 02/07/2025, sau 01/07/2025"},
		{"HTI0005", "LDTT", true, false, "Tuyển dụng 01/07/2025, không sau 01/07/2025"},
		{"HTI0006", "LDTT", false, false, "kỷ luật khiển trách từ 16/03/2025 đến 15/09/2025"},
		{"HTI0007", "LDTT", false, false, "kỷ luật cảnh cáo từ 20/11/2024 (chưa kết thúc)"},
		{"HTI0008", "LDTT", false, false, "Xếp loại năm 2025: HTNV"},
		{"HTI0008", "GK", false, false, "Xếp loại năm 2025: HTNV, cần từ HTTNV trở lên"},
		{"HTI0009", "CSTDCS", true, true, "(2025, phạm vi Cơ sở), chưa dùng cho khen thưởng khác"},
		{"HTI0010", "CSTDCS", false, false, "công nhận năm 2024, không phải năm 2025"},
		{"HTI0011", "CSTDCS", false, false, "đã dùng cho Giấy khen năm 2025 (đột xuất)"},
		{"HTI0013", "LDTT", false, false, "Chưa có xếp loại năm 2025"},
		{"HTI0013", "GK", false, false, "Chưa có xếp loại năm 2025"},
		{"HTI0014", "CSTD_BO", true, true, "2025 (đang xét trong cùng đợt)"},
		{"HTI0015", "CSTD_BO", false, false, "Thiếu CSTĐCS năm 2023"},
		{"HTI0016", "CSTD_BO", false, false, "Không có sáng kiến phạm vi Bộ, ngành trở lên"},
		{"HTI0016", "BK_BO", true, false, "2 sáng kiến chưa dùng"},
		{"HTI0017", "CSTD_TQ", true, true, "Ứng dụng chữ ký số trong giao dịch điện tử BHXH"},
		{"HTI0018", "CSTD_TQ", false, false, "Không có sáng kiến phạm vi Toàn quốc trở lên công nhận trong 2020–2025"},
		{"HTI0019", "BK_BO", true, false, "Xếp loại HTXSNV các năm 2024–2025"},
		{"HTI0020", "BK_BO", false, false, "Có 1 sáng kiến, cần 2"},
		{"HTI0021", "BK_BO", false, false, "Có 1 sáng kiến, cần 2"},
		{"HTI0022", "BK_BO", false, false, "kỷ luật khiển trách từ 02/10/2023 đến 01/04/2024"},
		{"HTI0023", "BK_TTG", false, false, "Có 2 CSTĐCS trong 2021–2025, cần 3"},
		{"HTI0024", "BK_TTG", false, false, "Xếp loại năm 2022: HTNV"},
		{"HTI0025", "BK_TTG", false, false, "khen thưởng đột xuất, không tính vào chuỗi"},
		{"HTI-KHTC", "TTLDXS", true, true, "thành viên đạt CSTĐCS năm 2025"},
		{"HTI-KT", "TTLDXS", false, false, "KHTNV"},
		{"HTI-KT", "TTLDTT", true, true, ""},
		{"HTI-CNTT", "TTLDXS", false, false, "cần ≥ 70%"},
		{"HTI-CNTT", "TTLDTT", true, true, ""},
		{"HTI-THU", "TTLDTT", false, false, "Thành viên HTI0007"},
		{"HTI-CS04", "TTLDTT", false, false, "cần > 50%"},
		{"HTI-CS06", "TTLDTT", false, false, "Xếp loại tập thể năm 2025: HTNV"},
		{"HTI-CS06", "GK", false, false, "Xếp loại tập thể năm 2025: HTNV"},
		{"HTI-VP", "BK_BO", true, false, ""},
		{"HTI-TCCB", "BK_BO", false, false, "Xếp loại tập thể năm 2024: HTTNV"},
		{"HTI-GD", "BK_TTG", true, false, "Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam năm 2020"},
		{"HTI-CD", "BK_TTG", false, false, "Xếp loại tập thể năm 2023: HTTNV"},
		{"HTI-CS01", "BK_BO", true, false, "Xếp loại tập thể năm 2024: HTXSNV"}, // rated under HTI-H01
		{"HTI", "CO_BO", false, false, "Xếp hạng cụm thi đua năm 2025: thứ 2"},
	}
	for _, c := range cases {
		v := get(c.code, c.award)
		if v.Eligible != c.eligible || v.Pending != c.pending {
			t.Errorf("%s %s: eligible=%v pending=%v, want %v %v; %q", c.code, c.award, v.Eligible, v.Pending, c.eligible, c.pending, v.Reasons)
			continue
		}
		if !strings.Contains(strings.Join(v.Reasons, " | "), c.reason) {
			t.Errorf("%s %s: reasons %q lack %q", c.code, c.award, v.Reasons, c.reason)
		}
	}
	// HTI0013, recruited in October and not rated, misses everything.
	for _, v := range vs {
		if v.Subject.Code == "HTI0013" && v.Eligible {
			t.Errorf("HTI0013 eligible for %s", v.Award)
		}
		if len(v.Reasons) == 0 || v.Regime != "R2025" || v.Year != 2025 {
			t.Errorf("%+v", v)
		}
		if (v.Award == "CSTDCS") != (v.Quota != nil) && v.Subject.Kind == domain.SubjectPerson {
			t.Errorf("quota %+v", v)
		}
	}
}

func TestEligibility_UnitFilterAndCounts(t *testing.T) {
	s, all := demoVerdicts(t)
	ctx := context.Background()
	h, err := s.EligibilityHistory(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(h.People)*8 + len(h.Units)*8; len(all) != want {
		t.Errorf("%d verdicts, want %d", len(all), want)
	}
	vs, err := s.Eligibility(ctx, 2025, "HTI-CS07")
	if err != nil {
		t.Fatal(err)
	}
	people := map[string]bool{}
	for _, v := range vs {
		if v.Subject.Kind == domain.SubjectCollective && v.Subject.Code != "HTI-CS07" {
			t.Errorf("collective %s in the filter of HTI-CS07", v.Subject.Code)
		}
		people[v.Subject.Code] = true
	}
	// HTI0012 moved to BHXH cơ sở Kỳ Anh on 1/9/2025.
	if !people["HTI0012"] || people["HTI0001"] {
		t.Errorf("people of HTI-CS07: %v", people)
	}
	// Quotas stay those of the whole office.
	for _, v := range vs {
		if v.Quota != nil && v.Quota.Unit != "HTI" {
			t.Errorf("quota %+v", v.Quota)
		}
	}
	// A former code finds its successor; an unknown one is an error.
	if old, err := s.Eligibility(ctx, 2025, "HTI-H08"); err != nil || len(old) != len(vs) {
		t.Errorf("HTI-H08: %d verdicts, %v", len(old), err)
	}
	if _, err := s.Eligibility(ctx, 2025, "KHONG-CO"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown unit: %v", err)
	}
	if _, err := s.Eligibility(ctx, 0, ""); err == nil {
		t.Error("year 0 accepted")
	}
}
