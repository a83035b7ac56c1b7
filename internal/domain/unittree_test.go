package domain

import (
	"strings"
	"testing"
)

func TestUnitTree(t *testing.T) {
	units := []Unit{
		{Code: "CS2", Name: "BHXH cơ sở Can Lộc", ParentCode: "HT", Kind: UnitGrassroots, ValidFrom: MustDate("01/07/2025")},
		{Code: "P2", Name: "Văn phòng", ParentCode: "HT", Kind: UnitDepartment},
		{Code: "HT", Name: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Kind: UnitProvince},
		{Code: "H1", Name: "BHXH huyện Đức Thọ", ParentCode: "HT", Kind: UnitGrassroots, ValidTo: MustDate("30/06/2025")},
		{Code: "P1", Name: "Phòng Chế độ BHXH", ParentCode: "HT", Kind: UnitDepartment},
		{Code: "T1", Name: "Tổ một cửa", ParentCode: "P2", Kind: UnitDepartment},
		{Code: "X", Name: "Mồ côi", ParentCode: "NONE", Kind: UnitDepartment},
		{Code: "S", Name: "Tự trỏ", ParentCode: "S", Kind: UnitDepartment},
	}
	tr := NewUnitTree(units)
	if got := strings.Join(tr.Order, " "); got != "HT P1 P2 T1 CS2 H1 X S" && got != "HT P1 P2 T1 CS2 H1 S X" {
		t.Fatalf("order %s", got)
	}
	if tr.Depth["T1"] != 2 || tr.Depth["P1"] != 1 || tr.Depth["HT"] != 0 || tr.Depth["X"] != 0 {
		t.Fatalf("depth %v", tr.Depth)
	}
	if r, ok := tr.Root(); !ok || r.Code != "HT" {
		t.Fatalf("root %v", r)
	}
	var codes []string
	for _, u := range tr.ActiveIn(2026) {
		codes = append(codes, u.Code)
	}
	if strings.Contains(strings.Join(codes, " "), "H1") || !strings.Contains(strings.Join(codes, " "), "CS2") {
		t.Fatalf("active in 2026: %v", codes)
	}
	codes = nil
	for _, u := range tr.ActiveIn(2024) {
		codes = append(codes, u.Code)
	}
	if !strings.Contains(strings.Join(codes, " "), "H1") || strings.Contains(strings.Join(codes, " "), "CS2") {
		t.Fatalf("active in 2024: %v", codes)
	}
	if tr.Name("P1") != "Phòng Chế độ BHXH" || tr.Name("??") != "??" {
		t.Fatal("Name")
	}
}
