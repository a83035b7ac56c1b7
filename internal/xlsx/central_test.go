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
		AwardOrder: []string{"LDTT", "GK", "CSTD_BO", "BK_BO"},
		Nominations: []docs.CentralNomination{
			{ID: 11, Ref: 3, UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Subject: domain.SubjectPerson, Code: "H1", CCCD: "042185001234",
				Name: "Nguyễn Thị Ánh", Award: "CSTD_BO", AwardName: "Chiến sĩ thi đua Bộ Tài chính", Eligible: true, Reasons: []string{"Đủ 1", "Đủ 2"},
				Voted: true, For: 8, Against: 1, Pct: 88.88888, Passed: true, Decision: domain.DecisionRefused, DecisionNote: "Chưa tiêu biểu"},
			{ID: 12, Ref: 4, UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Subject: domain.SubjectPerson, Code: "H2",
				Name: "Lê Văn An", Award: "BK_BO", AwardName: "Bằng khen của Bộ trưởng Bộ Tài chính", Eligible: true},
			{ID: 14, Ref: 5, UnitCode: "HTI", UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Subject: domain.SubjectPerson, Code: "H3",
				Name: "Phan Thị Cúc", Award: "GK", AwardName: "Giấy khen", Eligible: true, Voted: true, For: 9, Pct: 100, Passed: true, Own: true},
			{ID: 13, Ref: 1, UnitCode: "QNI", UnitName: "Bảo hiểm xã hội tỉnh Quảng Ninh", Subject: domain.SubjectPerson, Code: "Q1",
				Name: "Trần Văn Bình", Award: "LDTT", AwardName: "Lao động tiên tiến", Eligible: true, Voted: true, For: 9, Pct: 100, Passed: true, Own: true},
		},
		OwnDecisions: []docs.CentralOwnDecision{
			{UnitCode: "QNI", UnitName: "Bảo hiểm xã hội tỉnh Quảng Ninh", Award: "LDTT", AwardName: "Lao động tiên tiến", Number: "12/QĐ-BHXH",
				Date: domain.MustDate("20/01/2026"), Signer: "Giám đốc Bảo hiểm xã hội tỉnh Quảng Ninh", Count: 1},
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
	if got := strings.Join(f.GetSheetList(), "|"); got != "Theo đơn vị|Theo hình thức|Danh sách đề nghị|Đơn vị tự khen thưởng|Xếp hạng cụm" {
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
		{"", "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Chiến sĩ thi đua Bộ Tài chính", "1", "1", "1", "0", "1"},
		{"", "HTI", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Bằng khen của Bộ trưởng Bộ Tài chính", "1", "1", "0", "0", "0"},
		// The office's own Lao động tiên tiến is not a proposal.
		{"2", "QNI", "Bảo hiểm xã hội tỉnh Quảng Ninh", "Cộng", "0", "0", "0", "0", "0"},
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
	if strings.Join(last[2:], "|") != "Toàn quốc|2|2|1|0|1|2" {
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
	if len(rows) != 5 {
		t.Errorf("%d rows of proposals, want 2 (own awards apart)", len(rows)-3)
	}
	// What the offices decided themselves: counted apart, with the decision
	// or a note that none is recorded yet.
	rows, _ = f.GetRows(SheetOwn)
	if len(rows) != 5 ||
		strings.Join(rows[3], "|") != "1|HTI|Bảo hiểm xã hội tỉnh Hà Tĩnh|Giấy khen|1|Chưa ghi quyết định" ||
		strings.Join(rows[4], "|") != "2|QNI|Bảo hiểm xã hội tỉnh Quảng Ninh|Lao động tiên tiến|1|12/QĐ-BHXH|20/01/2026|Giám đốc Bảo hiểm xã hội tỉnh Quảng Ninh|1" {
		t.Errorf("own awards %q", rows[3:])
	}
	rows, _ = f.GetRows(SheetClusters)
	if strings.Join(rows[3][:4], "|") != "Cụm 3|1|QNI|Bảo hiểm xã hội tỉnh Quảng Ninh" || strings.Join(rows[4][:5], "|") != "Cụm 3|2|HTI|Bảo hiểm xã hội tỉnh Hà Tĩnh|95.5" {
		t.Errorf("ranking %q", rows[3:])
	}
}
