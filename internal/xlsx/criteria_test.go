package xlsx

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

func TestReadCriteria_MessyLeaderTable(t *testing.T) {
	rows := [][]any{
		{"BẢO HIỂM XÃ HỘI VIỆT NAM"},
		{"BẢNG CHẤM ĐIỂM THI ĐUA CỤM SỐ 3 NĂM 2025"},
		nil,
		{"STT", "Nội dung", "Điểm chuẩn", "Phương pháp", "Chỉ tiêu", "Ghi chú"},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)"},
		{"1", "Công tác chuyên môn"},                                                                           // 6: group without points
		{"1.1", "Thu BHXH, BHYT, BHTN", 10, "theo tỷ lệ", "Thu BHXH, BHYT, BHTN so với kế hoạch", "trần 100%"}, // 7
		{1.2, "Phát triển người tham gia", "8"},                                                                // 8: a number cell, manual
		{"1.2", "Trùng mã", 5},                                                                                 // 9: duplicate
		{"1.3", "Giải quyết hồ sơ", "6", "Bậc thang"},                                                          // 10: unknown method
		{"2.", "Công tác khác", "20"},                                                                          // 11: group with points
		{"2.1", "Cải cách hành chính", "5", "ĐẠT / KHÔNG ĐẠT"},                                                 // 12
		{"2.2", "Chuyển đổi số"},                                                                               // 13: group
		{"2.2.1", "Mô hình VssID", "3,5", "Điểm cộng"},                                                         // 14
		{"2.2.2", "Chậm gửi báo cáo", -2},                                                                      // 15: penalty by its sign
		{"2.3", "Chưa có điểm"},                                                                                // 16: no points, no children
		{"3.1", "Không có nhóm", 2},                                                                            // 17: parent 3 missing
		{"x-1", "Mã sai", 1},                                                                                   // 18
		{"", "Tổng cộng", 38},
	}
	got, issues, err := ReadCriteria(book(t, rows))
	if err != nil {
		t.Fatal(err)
	}
	type short struct {
		Code, Parent string
		Group        bool
		Max          float64
		Method       domain.ScoringMethod
		Target       string
	}
	var codes []short
	for _, r := range got {
		codes = append(codes, short{r.Code, r.ParentCode, r.Group, r.MaxPoints, r.Method, r.Target})
	}
	want := []short{
		{"1", "", true, 0, "", ""},
		{"1.1", "1", false, 10, domain.MethodProportional, "Thu BHXH, BHYT, BHTN so với kế hoạch"},
		{"1.2", "1", false, 8, domain.MethodManual, ""},
		{"2", "", true, 20, "", ""},
		{"2.1", "2", false, 5, domain.MethodPassFail, ""},
		{"2.2", "2", true, 0, "", ""},
		{"2.2.1", "2.2", false, 3.5, domain.MethodBonus, ""},
		{"2.2.2", "2.2", false, 2, domain.MethodPenalty, ""},
	}
	if !reflect.DeepEqual(codes, want) {
		t.Errorf("accepted:\n%+v\nwant\n%+v", codes, want)
	}
	if got[1].Row != 7 || got[1].Note != "trần 100%" {
		t.Errorf("row 1.1: %+v", got[1])
	}
	wantIssues := map[int]string{
		9:  "trùng với dòng 8",
		10: "Bậc thang",
		16: "chưa có điểm tối đa",
		17: "không có dòng của nhóm 3",
		18: "không đúng dạng",
	}
	if len(issues) != len(wantIssues) {
		t.Errorf("%d issues, want %d: %+v", len(issues), len(wantIssues), issues)
	}
	for _, is := range issues {
		w, ok := wantIssues[is.Row]
		if !ok || is.Warning || !strings.Contains(is.Reason, w) {
			t.Errorf("issue %+v, want a rejection saying %q", is, w)
		}
	}
	for _, is := range issues {
		if is.Row == 10 && is.Column != "Phương pháp" {
			t.Errorf("unknown method reported on column %q", is.Column)
		}
	}
}

func TestReadCriteria_NumberedAfreshUnderEachGroup(t *testing.T) {
	rows := [][]any{
		{"Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình"},
		{"I", "Chuyên môn", 30},
		{"1", "Thu", 10, "9,5", "Báo cáo số 12"},
		{"2", "Chi", 20, "abc"},
		{"II.", "Đoàn thể", nil},
		{"1", "Công đoàn", nil},
		{"a)", "Vững mạnh", 4},
		{"b)", "Chậm báo cáo", -1, 1},
	}
	got, issues, err := ReadCriteria(book(t, rows))
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, r := range got {
		codes = append(codes, r.Code+"<"+r.ParentCode)
	}
	if want := []string{"I<", "I.1<I", "I.2<I", "II<", "II.1<II", "II.1.a<II.1", "II.1.b<II.1"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("codes %q, want %q", codes, want)
	}
	if r := got[1]; !r.HasScore || r.Score != 9.5 || r.Note != "Báo cáo số 12" {
		t.Errorf("I.1 score %+v", r)
	}
	if r := got[6]; r.Method != domain.MethodPenalty || r.MaxPoints != 1 || !r.HasScore || r.Score != -1 {
		t.Errorf("II.1.b %+v: a penalty whose score is typed as its size", r)
	}
	if len(issues) != 1 || !issues[0].Warning || issues[0].Row != 4 || issues[0].Column != "Điểm tự chấm" {
		t.Errorf("issues %+v, want one warning about the score “abc” of row 4", issues)
	}
}

func TestReadCriteria_NoHeader(t *testing.T) {
	_, _, err := ReadCriteria(book(t, [][]any{{"Họ và tên", "Ngày sinh"}, {"A", "B"}}))
	var he *HeaderError
	if !errors.As(err, &he) || !strings.Contains(err.Error(), "Điểm tối đa") {
		t.Fatalf("err %v, want a header error naming the columns", err)
	}
	if _, _, err := ReadCriteria(strings.NewReader("not a workbook")); !errors.Is(err, ErrNotWorkbook) {
		t.Fatalf("err %v, want ErrNotWorkbook", err)
	}
}

// TestReadCriteria_ReadsOurExport: the "Chấm điểm" sheet of our own
// assessment workbook reads back as the same table and scores.
func TestReadCriteria_ReadsOurExport(t *testing.T) {
	crit := func(code, parent, name string, max float64, m domain.ScoringMethod) domain.Criterion {
		return domain.Criterion{Code: code, ParentCode: parent, Name: name, MaxPoints: max, Method: m}
	}
	sheet := domain.NewScoreSheet([]domain.Criterion{
		crit("I", "", "Chuyên môn", 20, ""),
		crit("I.1", "I", "Bao phủ BHYT", 12, domain.MethodProportional),
		crit("I.2", "I", "CCHC", 8, domain.MethodPassFail),
		crit("II", "", "Điểm thưởng, điểm trừ", 0, ""),
		crit("II.1", "II", "Mô hình mới", 3, domain.MethodBonus),
		crit("II.2", "II", "Chậm báo cáo", 5, domain.MethodPenalty),
		crit("III", "", "Tự chấm", 4, domain.MethodManual),
	}, []domain.SelfScore{
		{Code: "I.1", Score: 11.25, Note: "Đạt 98%"},
		{Code: "II.1", Score: 2, Note: "QĐ 12", Attachments: []string{"qd.pdf"}},
		{Code: "II.2", Score: -1},
	})
	lines := sheet.Lines
	in := docs.AssessmentInput{Year: 2025, Date: domain.NewDate(2026, 3, 1), Sheet: sheet,
		Profile: domain.OfficeProfile{UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh"}}
	var buf bytes.Buffer
	if err := WriteAssessment(in, &buf); err != nil {
		t.Fatal(err)
	}
	got, issues, err := ReadCriteria(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) != 0 {
		t.Errorf("issues reading our own export: %+v", issues)
	}
	if len(got) != len(lines) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(lines), got)
	}
	for i, l := range lines {
		g, c := got[i], l.Criterion
		wantMax := c.MaxPoints
		if l.Group && wantMax == 0 {
			wantMax = sheet.LineMax(i)
		}
		note := l.Note
		if len(l.Evidence) > 0 {
			note += "; " + strings.Join(l.Evidence, "; ")
		}
		// A group reads back as a group, without a score of its own.
		hasScore, score := l.HasScore && !l.Group, l.Score
		if l.Group {
			score = 0
		}
		if g.Code != c.Code || g.ParentCode != c.ParentCode || g.Name != c.Name || g.Group != l.Group ||
			g.MaxPoints != wantMax || g.Method != c.Method || g.HasScore != hasScore || g.Score != score || g.Note != note {
			t.Errorf("row %d: got %+v, want %+v (max %v, note %q)", i, g, l, wantMax, note)
		}
	}
}

func TestParseMethodAndPoints(t *testing.T) {
	for text, want := range map[string]domain.ScoringMethod{
		"": "", "Điểm trừ": domain.MethodPenalty, "DIEM TRU": domain.MethodPenalty, "TY_LE": domain.MethodProportional,
		"Theo tỷ lệ hoàn thành": domain.MethodProportional, "đạt/không đạt": domain.MethodPassFail,
		"Chấm trực tiếp.": domain.MethodManual, "thu_cong": domain.MethodManual, "Điểm thưởng": domain.MethodBonus,
	} {
		if got, ok := ParseMethod(text); !ok || got != want {
			t.Errorf("ParseMethod(%q) = %q %v, want %q", text, got, ok, want)
		}
	}
	if _, ok := ParseMethod("bậc thang"); ok {
		t.Error("an unknown method matched")
	}
	for text, want := range map[string]float64{"95,5": 95.5, "95.5": 95.5, "1.234,5": 1234.5, " 7 điểm": 7, "−2": -2, "120%": 120} {
		if got, ok, err := ParsePoints(text); err != nil || !ok || got != want {
			t.Errorf("ParsePoints(%q) = %v %v %v, want %v", text, got, ok, err, want)
		}
	}
	if _, ok, err := ParsePoints("  "); ok || err != nil {
		t.Error("blank is no number and no error")
	}
	if _, _, err := ParsePoints("mười"); err == nil {
		t.Error("words parsed")
	}
}
