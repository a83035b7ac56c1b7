package docs

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"tdkt/internal/domain"
)

// fixturePeriod is the review of 2020 - 2025 of the hand-made office:
// awards of the director's and of the bodies above, initiatives at two
// scopes and none at the third, two movements (one that started in 2022)
// and the cluster ranks with one year unranked. Names come decomposed.
func fixturePeriod() PeriodInput {
	return PeriodInput{
		Profile: fixtureProfile(),
		Period: domain.Period{
			ID: 1, Name: "Giai đoạn 2020 - 2025", FromYear: 2020, ToYear: 2025,
			Congress:     d("Đại hội Thi đua yêu nước ngành Bảo hiểm xã hội Việt Nam lần thứ VI"),
			CongressDate: domain.MustDate("20/10/2025"),
		},
		Date:  domain.MustDate("15/08/2025"),
		Years: []int{2020, 2021, 2022, 2023, 2024, 2025},
		Awards: []PeriodAwardRow{
			{Code: "LDTT", Name: d("Lao động tiên tiến"), Level: "Cơ sở", Own: true, People: []int{120, 124, 126, 130, 131, 0}},
			{Code: "CSTDCS", Name: d("Chiến sĩ thi đua cơ sở"), Level: "Cơ sở", Own: true, People: []int{14, 15, 15, 16, 17, 0}},
			{Code: "TTLDXS", Name: d("Tập thể lao động xuất sắc"), Level: "Cơ sở", Own: true, Collectives: []int{4, 5, 5, 6, 6, 0}},
			{Code: "GK_GD", Name: d("Giấy khen của Giám đốc"), Level: "Cơ sở", Own: true, People: []int{10, 8, 12, 9, 11, 3}, Collectives: []int{2, 1, 3, 2, 2, 1}},
			{Code: "BK_TGD", Name: d("Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam"), Level: "Bộ, ngành", People: []int{3, 4, 2, 5, 4, 0}, Collectives: []int{1, 1, 2, 1, 1, 0}},
			{Code: "CO_BN", Name: d("Cờ thi đua của Bảo hiểm xã hội Việt Nam"), Level: "Bộ, ngành", Collectives: []int{0, 1, 0, 1, 0, 0}},
			// Counts shorter than the years: the history stops in 2023.
			{Code: "BK_TTG", Name: d("Bằng khen của Thủ tướng Chính phủ"), Level: "Nhà nước", People: []int{0, 1, 0, 1}},
		},
		Initiatives: []PeriodScopeRow{
			{Scope: domain.ScopeGrassroots, Counts: []int{5, 6, 4, 7, 8, 2}},
			{Scope: domain.ScopeMinistry, Counts: []int{0, 1, 0, 1, 2, 0}},
			{Scope: domain.ScopeNational, Counts: []int{0, 0, 0, 0, 0, 0}},
		},
		Movements: []PeriodMovementRow{
			{Name: d("Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị"), Met: []int{3, 4, 4, 3, 4, 2}, Measured: []int{4, 4, 4, 4, 4, 3}},
			{Name: d("Phong trào thi đua “Đẩy mạnh cải cách hành chính, chuyển đổi số”"), Met: []int{0, 0, 2, 2, 3, 0}, Measured: []int{0, 0, 3, 3, 3, 0}},
		},
		ClusterRanks: []int{2, 1, 3, 1, 2, 0},
		Models: []domain.ExemplaryCandidate{
			{Subject: domain.UnitSubject("HT01"), Name: d("Phòng Quản lý thu và Phát triển người tham gia"), Reasons: []domain.ModelReason{
				{Criterion: "TTLDXS_3", Text: d("Tập thể lao động xuất sắc 3 năm liên tục (2022, 2023, 2024)")},
				{Text: "Bằng khen của Tổng Giám đốc năm 2023."},
			}},
			{Subject: domain.PersonSubject("HT00012"), Name: d("Hoàng Thị Ngọc Quỳnh"), Unit: d("Phòng Giám định bảo hiểm y tế"), Reasons: []domain.ModelReason{
				{Criterion: "CSTD_BN", Text: d("Chiến sĩ thi đua cấp bộ, ngành năm 2024")},
			}},
		},
	}
}

// cellInt reads a count cell; an empty cell counts nothing.
func cellInt(t *testing.T, s string) int {
	t.Helper()
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("cell %q is not a count: %v", s, err)
	}
	return n
}

// cellRatio reads a "met/measured" cell; an empty cell is 0/0.
func cellRatio(t *testing.T, s string) (met, measured int) {
	t.Helper()
	if s == "" {
		return 0, 0
	}
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		t.Fatalf("cell %q is not met/measured", s)
	}
	return cellInt(t, a), cellInt(t, b)
}

func TestPeriodReport(t *testing.T) {
	in := fixturePeriod()
	doc := PeriodReport(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	checkNFC(t, doc)
	if doc.Kind != "Báo cáo" || !reflect.DeepEqual(doc.Title, []string{"Tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025"}) {
		t.Errorf("kind %q title %q", doc.Kind, doc.Title)
	}
	if doc.Header.Number != "     /BC-BHXH" || doc.Header.DateLine() != "Hà Tĩnh, ngày 15 tháng 8 năm 2025" {
		t.Errorf("header %+v", doc.Header)
	}
	if doc.Orientation != Portrait {
		t.Error("six years fit a portrait page")
	}
	wantHeadings := []string{
		"I. KẾT QUẢ PHONG TRÀO THI ĐUA",
		"1. Kết quả thực hiện các phong trào thi đua",
		"2. Công tác khen thưởng",
		"3. Sáng kiến",
		"4. Kết quả xếp hạng trong cụm thi đua",
		"II. BÀI HỌC KINH NGHIỆM",
		"III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO",
		"IV. GƯƠNG ĐIỂN HÌNH TIÊN TIẾN",
	}
	if got := headingTexts(doc); !reflect.DeepEqual(got, wantHeadings) {
		t.Errorf("headings %q", got)
	}
	if doc.Signature.Right != (SignatureColumn{Position: "GIÁM ĐỐC", Name: "Nguyễn Văn Hùng"}) {
		t.Errorf("signature %+v", doc.Signature.Right)
	}
	if want := []string{"Bảo hiểm xã hội Việt Nam (Ban Thi đua - Khen thưởng)", "Lưu: VT, TĐKT"}; !reflect.DeepEqual(doc.Recipients, want) {
		t.Errorf("nơi nhận %q", doc.Recipients)
	}
	text := allText(doc)
	for _, want := range []string{
		"tiến tới Đại hội Thi đua yêu nước ngành Bảo hiểm xã hội Việt Nam lần thứ VI (ngày 20/10/2025), Bảo hiểm xã hội tỉnh Hà Tĩnh báo cáo kết quả như sau:",
		"- Năm 2020: xếp thứ 2;", "- Năm 2024: xếp thứ 2.",
		"Trên đây là báo cáo tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025 của Bảo hiểm xã hội tỉnh Hà Tĩnh./.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(text, "Năm 2025: xếp") {
		t.Error("an unranked year is listed")
	}

	tbs := tables(doc)
	if len(tbs) != 4 {
		t.Fatalf("%d tables, want 4 (movements, awards, initiatives, models)", len(tbs))
	}
	mv, aw, ini, md := tbs[0], tbs[1], tbs[2], tbs[3]
	years := len(in.Years)

	// Movements: met/measured by year, the total the sum of the years, and
	// the Tổng cộng row the sum of the movements.
	if got := headers(mv); !reflect.DeepEqual(got, []string{"STT", "Phong trào thi đua", "Năm 2020", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025", "Cả giai đoạn"}) {
		t.Errorf("movement headers %q", got)
	}
	if len(mv.Rows) != len(in.Movements)+1 {
		t.Fatalf("%d movement rows", len(mv.Rows))
	}
	colMet, colMeasured := make([]int, years+1), make([]int, years+1)
	for i, m := range in.Movements {
		r := mv.Rows[i].Cells
		if r[1] != clean(m.Name) {
			t.Errorf("movement %d named %q", i+1, r[1])
		}
		rowMet, rowMeasured := 0, 0
		for k := range years {
			a, b := cellRatio(t, r[2+k])
			if a != m.Met[k] || b != m.Measured[k] {
				t.Errorf("movement %d, %d: %q", i+1, in.Years[k], r[2+k])
			}
			rowMet, rowMeasured = rowMet+a, rowMeasured+b
			colMet[k], colMeasured[k] = colMet[k]+a, colMeasured[k]+b
		}
		if a, b := cellRatio(t, r[2+years]); a != rowMet || b != rowMeasured {
			t.Errorf("movement %d total %q, want %d/%d", i+1, r[2+years], rowMet, rowMeasured)
		}
		colMet[years], colMeasured[years] = colMet[years]+rowMet, colMeasured[years]+rowMeasured
	}
	if mv.Rows[1].Cells[2] != "" {
		t.Errorf("a year the movement did not run prints %q", mv.Rows[1].Cells[2])
	}
	last := mv.Rows[len(mv.Rows)-1]
	if !last.Bold || last.Cells[1] != "Tổng cộng" {
		t.Errorf("movement total row %+v", last)
	}
	for k := range years + 1 {
		if a, b := cellRatio(t, last.Cells[2+k]); a != colMet[k] || b != colMeasured[k] {
			t.Errorf("movement Tổng cộng column %d = %q, want %d/%d", k+1, last.Cells[2+k], colMet[k], colMeasured[k])
		}
	}

	// Awards: the director's under A, the others under B, each numbered
	// from 1; a cell is people and collectives together.
	if got := headers(aw); !reflect.DeepEqual(got[:3], []string{"STT", "Danh hiệu, hình thức khen thưởng", "Cấp"}) || got[len(got)-1] != "Cả giai đoạn" || len(got) != 3+years+1 {
		t.Errorf("award headers %q", got)
	}
	var groups []string
	byName := map[string]Row{}
	for _, r := range aw.Rows {
		switch {
		case r.Group:
			groups = append(groups, r.Cells[0])
		case !r.Bold:
			byName[r.Cells[1]] = r
		}
	}
	if want := []string{"A. KHEN THƯỞNG THUỘC THẨM QUYỀN CỦA GIÁM ĐỐC", "B. KHEN THƯỞNG CẤP TRÊN"}; !reflect.DeepEqual(groups, want) {
		t.Errorf("award groups %q", groups)
	}
	if !aw.Rows[0].Group || aw.Rows[1].Cells[0] != "1" || aw.Rows[6].Cells[0] != "1" || !aw.Rows[5].Group {
		t.Errorf("award rows out of their groups or numbered through: %+v", aw.Rows)
	}
	colSum := make([]int, years+1)
	for _, a := range in.Awards {
		r, ok := byName[clean(a.Name)]
		if !ok {
			t.Errorf("no row for %s", clean(a.Name))
			continue
		}
		if r.Cells[2] != a.Level {
			t.Errorf("%s level %q", a.Code, r.Cells[2])
		}
		rowSum := 0
		for k := range years {
			want := 0
			if k < len(a.People) {
				want += a.People[k]
			}
			if k < len(a.Collectives) {
				want += a.Collectives[k]
			}
			if got := cellInt(t, r.Cells[3+k]); got != want {
				t.Errorf("%s, %d: %d, want %d", a.Code, in.Years[k], got, want)
			}
			rowSum += want
			colSum[k] += want
		}
		if got := cellInt(t, r.Cells[3+years]); got != rowSum {
			t.Errorf("%s total %d, want %d", a.Code, got, rowSum)
		}
		colSum[years] += rowSum
	}
	total := aw.Rows[len(aw.Rows)-1]
	if !total.Bold || total.Cells[1] != "Tổng cộng" {
		t.Errorf("award total row %+v", total)
	}
	for k := range years + 1 {
		if got := cellInt(t, total.Cells[3+k]); got != colSum[k] {
			t.Errorf("award Tổng cộng column %d = %d, want %d", k+1, got, colSum[k])
		}
	}

	// Initiatives: one row a scope, narrowest first, and the Tổng cộng.
	if len(ini.Rows) != len(in.Initiatives)+1 {
		t.Fatalf("%d initiative rows", len(ini.Rows))
	}
	colSum = make([]int, years+1)
	for i, s := range in.Initiatives {
		r := ini.Rows[i].Cells
		if r[1] != s.Scope.Label() {
			t.Errorf("scope row %d %q", i+1, r[1])
		}
		rowSum := 0
		for k := range years {
			if got := cellInt(t, r[2+k]); got != s.Counts[k] {
				t.Errorf("%s, %d: %d", s.Scope, in.Years[k], got)
			}
			rowSum += s.Counts[k]
			colSum[k] += s.Counts[k]
		}
		if got := cellInt(t, r[2+years]); got != rowSum {
			t.Errorf("%s total %d, want %d", s.Scope, got, rowSum)
		}
		colSum[years] += rowSum
	}
	total = ini.Rows[len(ini.Rows)-1]
	for k := range years + 1 {
		if got := cellInt(t, total.Cells[2+k]); got != colSum[k] || !total.Bold {
			t.Errorf("initiative Tổng cộng column %d = %d, want %d", k+1, got, colSum[k])
		}
	}

	// Models: the facts joined, the unit of a collective left empty.
	if got := headers(md); !reflect.DeepEqual(got, []string{"STT", "Tên tập thể, cá nhân", "Đơn vị", "Thành tích tiêu biểu"}) {
		t.Errorf("model headers %q", got)
	}
	wantModels := [][]string{
		{"1", "Phòng Quản lý thu và Phát triển người tham gia", "", "Tập thể lao động xuất sắc 3 năm liên tục (2022, 2023, 2024); Bằng khen của Tổng Giám đốc năm 2023"},
		{"2", "Hoàng Thị Ngọc Quỳnh", "Phòng Giám định bảo hiểm y tế", "Chiến sĩ thi đua cấp bộ, ngành năm 2024"},
	}
	for i, w := range wantModels {
		if !reflect.DeepEqual(md.Rows[i].Cells, w) {
			t.Errorf("model row %d = %q, want %q", i+1, md.Rows[i].Cells, w)
		}
	}
	if !strings.Contains(text, "lựa chọn 1 tập thể và 1 cá nhân là gương điển hình tiên tiến") {
		t.Error("model intro")
	}
}

// TestPeriodReport_DraftsEmptySections: with no narrative the report
// prints the draft, whose figures are the tables' totals; edited text is
// printed as written, a paragraph a line.
func TestPeriodReport_DraftsEmptySections(t *testing.T) {
	in := fixturePeriod()
	results, lessons, directions := DraftPeriodNarrative(in)
	for name, s := range map[string]string{"results": results, "lessons": lessons, "directions": directions} {
		if n := len(strings.Split(s, "\n")); strings.TrimSpace(s) == "" || n < 3 {
			t.Errorf("draft %s has %d lines: %q", name, n, s)
		}
	}
	people, collectives, own, higher := 0, 0, 0, 0
	for _, a := range in.Awards {
		n := 0
		for _, c := range a.People {
			people += c
			n += c
		}
		for _, c := range a.Collectives {
			collectives += c
			n += c
		}
		if a.Own {
			own += n
		} else {
			higher += n
		}
	}
	initiatives, byScope := 0, map[domain.InitiativeScope]int{}
	for _, s := range in.Initiatives {
		for _, c := range s.Counts {
			initiatives += c
			byScope[s.Scope] += c
		}
	}
	met, measured := 0, 0
	for _, m := range in.Movements {
		for k := range m.Met {
			met += m.Met[k]
			measured += m.Measured[k]
		}
	}
	n := strconv.Itoa
	for _, want := range []string{
		"Giai đoạn 2020 - 2025, Bảo hiểm xã hội tỉnh Hà Tĩnh đã tổ chức triển khai",
		"hoàn thành " + n(met) + "/" + n(measured) + " lượt chỉ tiêu của 2 phong trào thi đua",
		"có " + n(people+collectives) + " lượt tập thể, cá nhân được tặng, công nhận danh hiệu thi đua và hình thức khen thưởng (" + n(people) + " lượt cá nhân, " + n(collectives) + " lượt tập thể), trong đó " + n(own) + " lượt thuộc thẩm quyền của Giám đốc và " + n(higher) + " lượt do cấp trên khen thưởng.",
		"Có " + n(initiatives) + " sáng kiến được cấp có thẩm quyền công nhận (phạm vi cơ sở: " + n(byScope[domain.ScopeGrassroots]) + "; phạm vi bộ, ngành: " + n(byScope[domain.ScopeMinistry]) + ")",
		"Đơn vị dẫn đầu cụm thi đua 2 năm (năm 2021 và 2023).",
	} {
		if !strings.Contains(results, want) {
			t.Errorf("draft results lack %q:\n%s", want, results)
		}
	}
	if !strings.Contains(directions, "giai đoạn 2025 - 2030") {
		t.Errorf("directions do not name the next period:\n%s", directions)
	}

	doc := PeriodReport(in)
	text := allText(doc)
	for _, s := range []string{results, lessons, directions} {
		for _, l := range strings.Split(s, "\n") {
			if !strings.Contains(text, l) {
				t.Errorf("the report lacks the drafted line %q", l)
			}
		}
	}

	in.Results = "Dòng thứ nhất.\r\n\n  Dòng thứ hai.  "
	in.Lessons = d("Bài học riêng của đơn vị.")
	doc = PeriodReport(in)
	text = allText(doc)
	if strings.Contains(text, "đã tổ chức triển khai sâu rộng") || !strings.Contains(text, "Bài học riêng của đơn vị.") || strings.Contains(text, "yếu tố quyết định") {
		t.Error("an edited section should replace its draft")
	}
	var after []string
	for i, b := range doc.Body {
		if h, ok := Value(b).(Heading); ok && h.Text == "I. KẾT QUẢ PHONG TRÀO THI ĐUA" {
			for _, p := range doc.Body[i+1 : i+3] {
				after = append(after, Value(p).(Paragraph).Text)
			}
		}
	}
	if !reflect.DeepEqual(after, []string{"Dòng thứ nhất.", "Dòng thứ hai."}) {
		t.Errorf("edited results %q, want a paragraph a line", after)
	}
	checkNFC(t, doc)
}

// TestPeriodReport_Empty: a period with no figures still reads as a
// report, each part saying there is nothing, with no table and no blank.
func TestPeriodReport_Empty(t *testing.T) {
	in := PeriodInput{Profile: fixtureProfile(), Period: domain.Period{FromYear: 2020, ToYear: 2025}, Date: domain.MustDate("15/08/2025")}
	doc := PeriodReport(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	if n := len(tables(doc)); n != 0 {
		t.Errorf("%d tables without figures", n)
	}
	if got := headingTexts(doc); len(got) != 7 {
		t.Errorf("headings %q: no section IV without models", got)
	}
	for _, b := range doc.Body {
		if p, ok := Value(b).(Paragraph); ok && strings.TrimSpace(p.Text) == "" {
			t.Error("blank paragraph")
		}
	}
	text := allText(doc)
	for _, want := range []string{
		"Tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025",
		"chưa có lượt khen thưởng nào",
		"chưa có sáng kiến được cấp có thẩm quyền công nhận",
		"chưa có kết quả xếp hạng trong cụm thi đua",
		"chưa có phong trào thi đua có chỉ tiêu",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(text, "tiến tới") {
		t.Error("no congress recorded, none named")
	}
}

func TestPeriodReport_ManyYearsLandscape(t *testing.T) {
	in := fixturePeriod()
	in.Years = []int{2019, 2020, 2021, 2022, 2023, 2024, 2025}
	doc := PeriodReport(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	if doc.Orientation != Landscape {
		t.Error("seven years should turn the report to landscape")
	}
	if doc.Title[0] != "Tổng kết phong trào thi đua yêu nước giai đoạn 2019 - 2025" {
		t.Errorf("title %q", doc.Title)
	}
}
