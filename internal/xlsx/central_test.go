package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

func TestWriteCentralReport(t *testing.T) {
	in := docs.CentralReportInput{Year: 2025, Centre: "Bảo hiểm xã hội Việt Nam", Date: domain.MustDate("01/03/2026"),
		AwardOrder: []string{"CSTDCS", "LDTT"},
		Nominations: []docs.CentralNomination{
			{ID: 11, Ref: 3, UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Subject: domain.SubjectPerson, Code: "H1", CCCD: "042185001234",
				Name: "Nguyễn Thị Ánh", Award: "CSTDCS", AwardName: "Chiến sĩ thi đua cơ sở", Eligible: true, Reasons: []string{"Đủ 1", "Đủ 2"},
				Voted: true, For: 8, Against: 1, Pct: 88.88888, Passed: true, Decision: domain.DecisionRefused, DecisionNote: "Chưa tiêu biểu"},
			{ID: 12, Ref: 4, UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Subject: domain.SubjectPerson, Code: "H2",
				Name: "Lê Văn An", Award: "LDTT", AwardName: "Lao động tiên tiến", Eligible: true},
			{ID: 13, Ref: 1, UnitCode: "QNI", UnitName: "Bảo hiểm xã hội tỉnh Quảng Ninh", Subject: domain.SubjectPerson, Code: "Q1",
				Name: "Trần Văn Bình", Award: "LDTT", AwardName: "Lao động tiên tiến", Eligible: true, Voted: true, For: 9, Pct: 100, Passed: true, Decision: domain.DecisionGranted},
		},
		Assessments: []docs.CentralAssessment{
			{UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Cluster: "Cụm 3", Total: 95.5, Max: 100},
			{UnitCode: "QNI", UnitName: "Bảo hiểm xã hội tỉnh Quảng Ninh", Cluster: "Cụm 3", Total: 97, Max: 100},
		},
	}
	var buf bytes.Buffer
	if err := WriteCentralReport(docs.BuildCentralReport(in), &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Theo đơn vị|Theo hình thức|Danh sách đề nghị|Xếp hạng cụm" {
		t.Fatalf("sheets %q", got)
	}
	for _, sh := range f.GetSheetList() {
		panes, _ := f.GetPanes(sh)
		if !panes.Freeze || panes.YSplit != 3 {
			t.Errorf("%s: panes %+v", sh, panes)
		}
		pl, _ := f.GetPageLayout(sh)
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
			t.Errorf("%s: page layout %+v", sh, pl)
		}
		filter := false
		for _, n := range f.GetDefinedName() {
			if n.Name == "_xlnm._FilterDatabase" && n.Scope == sh {
				filter = strings.Contains(n.RefersTo, "$3")
			}
		}
		if !filter {
			t.Errorf("%s: no autofilter on the header row", sh)
		}
	}
	rows, _ := f.GetRows(SheetByOffice)
	if !strings.Contains(rows[0][0], "THEO ĐƠN VỊ") || strings.Join(rows[2], "|") != "STT|Mã đơn vị|Tên đơn vị|Danh hiệu, hình thức khen thưởng|Số đề nghị|Đủ điều kiện|Hội đồng thông qua|Được khen|Không được khen" {
		t.Errorf("by office head %q", rows[:3])
	}
	want := [][]string{
		{"1", "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Cộng", "2", "2", "1", "0", "1"},
		{"", "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Chiến sĩ thi đua cơ sở", "1", "1", "1", "0", "1"},
		{"", "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Lao động tiên tiến", "1", "1", "0", "0", "0"},
		{"2", "QNI", "Bảo hiểm xã hội tỉnh Quảng Ninh", "Cộng", "1", "1", "1", "1", "0"},
	}
	for i, w := range want {
		if got := strings.Join(rows[3+i], "|"); got != strings.Join(w, "|") {
			t.Errorf("by office row %d: %q, want %q", 4+i, got, strings.Join(w, "|"))
		}
	}
	// Counts are numbers.
	if v, _ := f.GetCellValue(SheetByOffice, "E4", excelize.Options{RawCellValue: true}); v != "2" {
		t.Errorf("E4 raw %q", v)
	}
	if typ, _ := f.GetCellType(SheetByOffice, "E4"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("count stored as text (%v)", typ)
	}
	rows, _ = f.GetRows(SheetByAward)
	last := rows[len(rows)-1]
	if strings.Join(last[2:], "|") != "Toàn quốc|3|3|2|1|1|2" {
		t.Errorf("nationwide row %q", last)
	}
	rows, _ = f.GetRows(SheetNominations)
	first := rows[3]
	if first[1] != "11" || first[7] != "042185001234" || first[9] != "Có" || first[10] != "Đủ 1\nĐủ 2" || first[15] != "88.9" || first[16] != "Có" ||
		first[17] != "Không được khen thưởng: Chưa tiêu biểu" || first[18] != "3" {
		t.Errorf("first nomination %q", first)
	}
	if rows[4][12] != "" || rows[4][16] != "Không" {
		t.Errorf("an unvoted nomination shows a vote: %q", rows[4])
	}
	rows, _ = f.GetRows(SheetClusters)
	if strings.Join(rows[3][:4], "|") != "Cụm 3|1|QNI|Bảo hiểm xã hội tỉnh Quảng Ninh" || strings.Join(rows[4][:5], "|") != "Cụm 3|2|HTI|Bảo hiểm xã hội tỉnh Hà Tĩnh|95.5" {
		t.Errorf("ranking %q", rows[3:])
	}
}
