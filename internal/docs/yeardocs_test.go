package docs

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

func TestFormatNumber(t *testing.T) {
	scenarios := []struct {
		x    float64
		dec  int
		want string
	}{
		{1234.5, 1, "1.234,5"},
		{94.5, 1, "94,5"},
		{94.5, 2, "94,50"},
		{101.23456, 1, "101,2"},
		{0, 0, "0"},
		{0, 2, "0,00"},
		{999, 0, "999"},
		{1000, 0, "1.000"},
		{1234567.891, 2, "1.234.567,89"},
		{-1234.5, 1, "-1.234,5"},
		{-0.04, 1, "0,0"}, // rounds to zero: no minus sign
		{2.5, 0, "3"},     // half away from zero
		{100, -1, "100"},
		{12345678901, 0, "12.345.678.901"},
		{math.NaN(), 1, ""},
		{math.Inf(1), 1, ""},
	}
	for _, sc := range scenarios {
		if got := FormatNumber(sc.x, sc.dec); got != sc.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", sc.x, sc.dec, got, sc.want)
		}
	}
	short := []struct {
		x    float64
		want string
	}{{95, "95"}, {94.5, "94,5"}, {5200, "5.200"}, {1.8, "1,8"}, {1234.567, "1.234,57"}, {-0.001, "0"}, {0.1 + 0.2, "0,3"}}
	for _, sc := range short {
		if got := FormatShort(sc.x, 2); got != sc.want {
			t.Errorf("FormatShort(%v, 2) = %q, want %q", sc.x, got, sc.want)
		}
	}
	if got := Quantity(94.5, "%"); got != "94,5%" {
		t.Errorf("quantity %% = %q", got)
	}
	if got := Quantity(5200, "tỷ đồng"); got != "5.200 tỷ đồng" {
		t.Errorf("quantity = %q", got)
	}
}

func FuzzFormatNumber(f *testing.F) {
	f.Add(1234.5, 1)
	f.Add(-0.004, 2)
	f.Fuzz(func(t *testing.T, x float64, dec int) {
		dec = ((dec % 4) + 4) % 4
		s := FormatNumber(x, dec)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		// Reading it back the Vietnamese way gives x to the precision asked.
		back := strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
		y, err := strconv.ParseFloat(back, 64)
		if err != nil {
			t.Fatalf("FormatNumber(%v, %d) = %q: not a number (%v)", x, dec, s, err)
		}
		if tol := 0.5*math.Pow(10, -float64(dec)) + math.Abs(x)*1e-15; math.Abs(y-x) > tol*1.0000001 {
			t.Fatalf("FormatNumber(%v, %d) = %q reads back as %v", x, dec, s, y)
		}
	})
}

// tables returns the tables of the document's body in order.
func tables(doc Document) []Table {
	var out []Table
	for _, b := range doc.Body {
		if t, ok := Value(b).(Table); ok {
			out = append(out, t)
		}
	}
	return out
}

func headers(t Table) []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Header
	}
	return out
}

// texts is every string of the document, to check NFC and search for words.
func texts(doc Document) []string {
	out := []string{doc.Header.ParentName, doc.Header.IssuerName, doc.Header.Number, doc.Header.Place, doc.Kind,
		doc.Signature.Right.Authority, doc.Signature.Right.Position, doc.Signature.Right.Name}
	out = append(out, doc.Title...)
	out = append(out, doc.KinhGui...)
	out = append(out, doc.Recipients...)
	for _, b := range doc.Body {
		switch v := Value(b).(type) {
		case Paragraph:
			out = append(out, v.Text)
		case Heading:
			out = append(out, v.Text)
		case Table:
			out = append(out, headers(v)...)
			for _, r := range v.Rows {
				out = append(out, r.Cells...)
			}
		}
	}
	return out
}

func allText(doc Document) string { return strings.Join(texts(doc), "\n") }

func checkNFC(t *testing.T, doc Document) {
	t.Helper()
	for _, s := range texts(doc) {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("text not in NFC: %q", s)
		}
	}
}

func headingTexts(doc Document) []string {
	var out []string
	for _, b := range doc.Body {
		if h, ok := Value(b).(Heading); ok {
			out = append(out, h.Text)
		}
	}
	return out
}

func TestRegistration(t *testing.T) {
	in := fixtureRegistration()
	doc := Registration(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	checkNFC(t, doc)
	if doc.Kind != "Bản đăng ký thi đua" || !reflect.DeepEqual(doc.Title, []string{"Danh hiệu thi đua và hình thức khen thưởng năm 2026"}) {
		t.Errorf("kind %q title %q", doc.Kind, doc.Title)
	}
	if doc.Orientation != Portrait {
		t.Error("registration should be portrait")
	}
	if doc.Header.Number != "07/ĐK-BHXH" || doc.Header.IssuerName != "Bảo hiểm xã hội tỉnh Hà Tĩnh" || doc.Header.DateLine() != "Hà Tĩnh, ngày 15 tháng 01 năm 2026" {
		t.Errorf("header %+v", doc.Header)
	}
	if !reflect.DeepEqual(doc.KinhGui, []string{"Bảo hiểm xã hội Việt Nam"}) {
		t.Errorf("kính gửi %q", doc.KinhGui)
	}
	if got := headingTexts(doc); !reflect.DeepEqual(got, []string{"I. ĐĂNG KÝ TẬP THỂ", "II. ĐĂNG KÝ CÁ NHÂN"}) {
		t.Errorf("headings %q", got)
	}
	// Căn cứ: the law and the movement, italic, the last ending with ".".
	p0, _ := Value(doc.Body[0]).(Paragraph)
	p1, _ := Value(doc.Body[1]).(Paragraph)
	if p0.Style != Italic || !strings.HasPrefix(p0.Text, "Căn cứ Luật Thi đua, khen thưởng") || !strings.HasSuffix(p0.Text, ";") {
		t.Errorf("first basis %+v", p0)
	}
	if want := "Căn cứ văn bản số 15/KH-BHXH ngày 10/01/2026 của Bảo hiểm xã hội Việt Nam phát động Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2026."; p1.Text != want || p1.Style != Italic {
		t.Errorf("movement basis %q", p1.Text)
	}

	tbs := tables(doc)
	if len(tbs) != 2 {
		t.Fatalf("%d tables, want 2", len(tbs))
	}
	coll, ind := tbs[0], tbs[1]
	if got := headers(coll); !reflect.DeepEqual(got, []string{"STT", "Tên tập thể", "Danh hiệu, hình thức đăng ký", "Chỉ tiêu cam kết"}) {
		t.Errorf("collective headers %q", got)
	}
	if len(coll.Rows) != 4 {
		t.Fatalf("%d collective rows", len(coll.Rows))
	}
	office := coll.Rows[0].Cells
	if !reflect.DeepEqual(office, []string{"1", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Cờ thi đua của Bảo hiểm xã hội Việt Nam",
		"Tỷ lệ bao phủ BHYT: 95,5%\nSố thu BHXH, BHYT, BHTN: 5.200 tỷ đồng\nTỷ lệ nợ đóng: 1,8%"}) {
		t.Errorf("office row %q", office)
	}
	if got := coll.Rows[3].Cells; got[1] != "Bảo hiểm xã hội cơ sở Hồng Lĩnh" || got[2] != "Tập thể lao động tiên tiến" || got[3] != "Tỷ lệ bao phủ BHYT: 96%" {
		t.Errorf("grassroots row %q", got)
	}

	if got := headers(ind); !reflect.DeepEqual(got, []string{"STT", "Họ và tên", "Chức vụ", "Danh hiệu đăng ký"}) {
		t.Errorf("individual headers %q", got)
	}
	if !ind.RepeatHeader || !coll.RepeatHeader {
		t.Error("tables should repeat their header on each page")
	}
	// One group row per unit, then its people, numbered through.
	var groups []string
	people := map[string][]string{}
	for _, r := range ind.Rows {
		if r.Group {
			groups = append(groups, r.Cells[0])
			continue
		}
		people[r.Cells[1]] = r.Cells
	}
	if want := []string{"Phòng Quản lý thu và Phát triển người tham gia", "Phòng Giám định bảo hiểm y tế", "Bảo hiểm xã hội cơ sở Hồng Lĩnh"}; !reflect.DeepEqual(groups, want) {
		t.Errorf("group rows %q", groups)
	}
	if len(ind.Rows) != 12+3 {
		t.Errorf("%d individual rows, want 15", len(ind.Rows))
	}
	for i, p := range fixturePeople {
		row, ok := people[p.name] // NFC key: found only if the builder composed the name
		if !ok {
			t.Errorf("no row for %s", p.name)
			continue
		}
		if row[0] != itoa(i+1) || row[2] != p.position {
			t.Errorf("row of %s: %q", p.name, row)
		}
	}
	if got := people["Hoàng Thị Ngọc Quỳnh"][3]; got != "Lao động tiên tiến\nChiến sĩ thi đua cơ sở\nBằng khen của Tổng Giám đốc" {
		t.Errorf("awards of Quỳnh: %q", got)
	}
	text := allText(doc)
	for _, want := range []string{
		"Tổng số: 12 người đăng ký; trong đó: Lao động tiên tiến: 12 người; Chiến sĩ thi đua cơ sở: 3 người; Bằng khen của Tổng Giám đốc: 1 người.",
		"Tổng hợp: Cờ thi đua của Bảo hiểm xã hội Việt Nam: 1 tập thể; Tập thể lao động xuất sắc: 2 tập thể; Tập thể lao động tiên tiến: 1 tập thể.",
		"Bảo hiểm xã hội tỉnh Hà Tĩnh cam kết",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if doc.Signature.Right != (SignatureColumn{Position: "GIÁM ĐỐC", Name: "Nguyễn Văn Hùng"}) || !doc.Signature.Left.IsZero() {
		t.Errorf("signature %+v", doc.Signature)
	}
	if want := []string{"Bảo hiểm xã hội Việt Nam (Ban Thi đua - Khen thưởng)", "Các phòng, Bảo hiểm xã hội cơ sở", "Lưu: VT, TĐKT"}; !reflect.DeepEqual(doc.Recipients, want) {
		t.Errorf("nơi nhận %q", doc.Recipients)
	}
}

func itoa(i int) string { return FormatNumber(float64(i), 0) }

func TestRegistration_BlankNumberAndEmpty(t *testing.T) {
	in := RegistrationInput{Profile: fixtureProfile(), Year: 2026, Date: fixtureRegistration().Date}
	in.Profile.Director.Name = ""
	in.Profile.Director.Position = ""
	doc := Registration(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	if doc.Header.Number != "     /ĐK-BHXH" {
		t.Errorf("blank number %q", doc.Header.Number)
	}
	if len(tables(doc)) != 0 {
		t.Error("no tables expected without entries")
	}
	text := allText(doc)
	if !strings.Contains(text, "Không có tập thể đăng ký.") || !strings.Contains(text, "Không có cá nhân đăng ký.") {
		t.Errorf("empty parts should say so:\n%s", text)
	}
	if doc.Signature.Right.Position != "GIÁM ĐỐC" || doc.Signature.Right.Authority != "" {
		t.Errorf("signature without a director %+v", doc.Signature.Right)
	}
}

func TestAssessment(t *testing.T) {
	doc := Assessment(fixtureAssessment())
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	checkNFC(t, doc)
	if doc.Kind != "Báo cáo" || !reflect.DeepEqual(doc.Title, []string{"Tự đánh giá, chấm điểm thi đua năm 2026"}) {
		t.Errorf("kind %q title %q", doc.Kind, doc.Title)
	}
	if doc.Header.Number != "     /BC-BHXH" {
		t.Errorf("number %q", doc.Header.Number)
	}
	if want := []string{"Bảo hiểm xã hội tỉnh Quảng Ninh (Cụm trưởng Cụm thi đua số 5)", "Bảo hiểm xã hội Việt Nam"}; !reflect.DeepEqual(doc.KinhGui, want) {
		t.Errorf("kính gửi %q", doc.KinhGui)
	}
	if got := headingTexts(doc); !reflect.DeepEqual(got, []string{"I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ", "II. KẾT QUẢ TỰ CHẤM ĐIỂM", "III. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI"}) {
		t.Errorf("headings %q", got)
	}
	text := allText(doc)
	for _, want := range []string{
		"Căn cứ Giao ước thi đua năm 2026 của Cụm thi đua số 5.",
		"Tỷ lệ bao phủ BHYT đạt 94,5% (kế hoạch 93,4%)",
		"Số thu BHXH, BHYT, BHTN đạt 5.123,4 tỷ đồng, bằng 98,5% kế hoạch",
		"Tỷ lệ nợ đóng là 1,8% (kế hoạch không quá 2%);",
		"Thời gian giải quyết hồ sơ: chưa có số liệu thực hiện",
		"Hoàn thành 2/4 chỉ tiêu đã đăng ký (1 chỉ tiêu chưa có số liệu).",
		"Tổng số điểm tự chấm: 91,5/100 điểm.",
		"Tổng số 12 cán bộ, công chức, viên chức, người lao động được đánh giá, xếp loại, trong đó HTXSNV: 3 người; HTTNV: 8 người; HTNV: 1 người. Tập thể: HTXSNV: 1 tập thể; HTTNV: 2 tập thể.",
		"kính báo cáo Cụm trưởng Cụm thi đua số 5 và Bảo hiểm xã hội Việt Nam",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	tbs := tables(doc)
	if len(tbs) != 3 {
		t.Fatalf("%d tables, want 3", len(tbs))
	}
	tg, sc, rt := tbs[0], tbs[1], tbs[2]
	if got := headers(tg); !reflect.DeepEqual(got, []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"}) {
		t.Errorf("target headers %q", got)
	}
	wantTargets := [][]string{
		{"1", "Tỷ lệ bao phủ BHYT", "%", "93,4", "94,5", "101,2", "Đạt"},
		{"2", "Số thu BHXH, BHYT, BHTN", "tỷ đồng", "5.200", "5.123,4", "98,5", "Không đạt"},
		{"3", "Tỷ lệ nợ đóng", "%", "2", "1,8", "111,1", "Đạt"},
		{"4", "Thời gian giải quyết hồ sơ", "ngày", "5", "", "", ""},
	}
	for i, w := range wantTargets {
		if !reflect.DeepEqual(tg.Rows[i].Cells, w) {
			t.Errorf("target row %d = %q, want %q", i+1, tg.Rows[i].Cells, w)
		}
	}
	if got := headers(sc); !reflect.DeepEqual(got, []string{"Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình, tài liệu kiểm chứng"}) {
		t.Errorf("score headers %q", got)
	}
	wantScores := []struct {
		cells []string
		bold  bool
	}{
		{[]string{"I", "Thực hiện các chỉ tiêu chuyên môn", "60", "57,5", ""}, true},
		{[]string{"I.1", "Tỷ lệ bao phủ BHYT", "30", "30", "Đạt 101,2% kế hoạch; Báo cáo 12/BC-BHXH"}, false},
		{[]string{"I.2", "Số thu", "20", "19,5", ""}, false},
		{[]string{"I.3", "Nợ đóng", "10", "8", ""}, false},
		{[]string{"II", "Công tác thi đua, khen thưởng", "40", "33", ""}, true},
		{[]string{"II.1", "Tổ chức phong trào", "20", "18", ""}, true},
		{[]string{"II.1.a", "Ban hành kế hoạch", "10", "10", ""}, false},
		{[]string{"II.1.b", "Sơ kết, tổng kết", "10", "8", ""}, false},
		{[]string{"II.2", "Cải cách hành chính", "20", "15", ""}, false},
		{[]string{"III", "Điểm thưởng, điểm trừ", "0", "1", ""}, true}, // bonus and penalty are outside the scale
		{[]string{"III.1", "Mô hình mới (điểm thưởng)", "3", "2", ""}, false},
		{[]string{"III.2", "Vi phạm kỷ luật (điểm trừ)", "-5", "-1", ""}, false},
		{[]string{"", "TỔNG CỘNG", "100", "91,5", ""}, true},
	}
	if len(sc.Rows) != len(wantScores) {
		t.Fatalf("%d score rows, want %d", len(sc.Rows), len(wantScores))
	}
	for i, w := range wantScores {
		if r := sc.Rows[i]; !reflect.DeepEqual(r.Cells, w.cells) || r.Bold != w.bold || r.Group {
			t.Errorf("score row %d = %q bold %v, want %q bold %v", i+1, r.Cells, r.Bold, w.cells, w.bold)
		}
	}
	if last := rt.Rows[len(rt.Rows)-1]; !reflect.DeepEqual(last.Cells, []string{"", "Tổng cộng", "12", "100,0", "3"}) || !last.Bold {
		t.Errorf("ratings total %q", last.Cells)
	}
	if got := rt.Rows[0].Cells; !reflect.DeepEqual(got, []string{"1", "Hoàn thành xuất sắc nhiệm vụ (HTXSNV)", "3", "25,0", "1"}) {
		t.Errorf("ratings first row %q", got)
	}
	if doc.Signature.Right.Name != "Nguyễn Văn Hùng" || !reflect.DeepEqual(doc.Recipients, []string{"Như trên", "Lưu: VT, TĐKT"}) {
		t.Errorf("signature %+v recipients %q", doc.Signature, doc.Recipients)
	}
}

func TestAssessment_OwnOfficeLeadsAndMovements(t *testing.T) {
	in := fixtureAssessment()
	in.Cluster.Members[0].Role = ""
	in.Cluster.Members[1].Role = "TRUONG"
	in.Targets[3].Movement = "Phong trào chuyển đổi số"
	in.Unrated = 4
	doc := Assessment(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.KinhGui, []string{"Bảo hiểm xã hội Việt Nam"}) {
		t.Errorf("the leader does not write to itself: %q", doc.KinhGui)
	}
	tg := tables(doc)[0]
	if !tg.Rows[0].Group || tg.Rows[0].Cells[0] != "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2026" || !tg.Rows[4].Group {
		t.Errorf("targets of two movements should be grouped: %+v", tg.Rows)
	}
	if text := allText(doc); !strings.Contains(text, "chưa xếp loại: 4 người") || !strings.Contains(text, "Tổng số 16 cán bộ") {
		t.Errorf("unrated people missing:\n%s", text)
	}
}

func TestClusterName(t *testing.T) {
	for in, want := range map[string]string{
		"Cụm 5": "Cụm thi đua số 5", "5": "Cụm thi đua số 5", "Cụm thi đua số 8": "Cụm thi đua số 8",
		"Cụm các tỉnh Bắc Trung Bộ": "Cụm các tỉnh Bắc Trung Bộ", "": "",
	} {
		if got := clusterName(domain.Cluster{Name: in}); got != want {
			t.Errorf("clusterName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMovementReview(t *testing.T) {
	in := fixtureReview(2023, 2021, 2022) // unsorted on purpose: 2023 holds the first values
	doc := MovementReview(in)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	checkNFC(t, doc)
	if doc.Orientation != Landscape {
		t.Error("review should be landscape")
	}
	// The title names the movement's own period; the figures' years
	// follow in the text.
	if want := "Số liệu phục vụ sơ kết phong trào thi đua “Đẩy mạnh cải cách hành chính” giai đoạn 2021 - 2025"; !reflect.DeepEqual(doc.Title, []string{want}) {
		t.Errorf("title %q", doc.Title)
	}
	if text := allText(doc); !strings.Contains(text, "tổng hợp số liệu thực hiện các chỉ tiêu của phong trào từ năm 2021 đến năm 2023 như sau:") {
		t.Errorf("years of the figures:\n%s", text)
	}
	tb := tables(doc)[0]
	wantHeaders := []string{"STT", "Chỉ tiêu", "Đơn vị tính",
		"2021\nKế hoạch", "2021\nThực hiện", "2021\nTỷ lệ (%)",
		"2022\nKế hoạch", "2022\nThực hiện", "2022\nTỷ lệ (%)",
		"2023\nKế hoạch", "2023\nThực hiện", "2023\nTỷ lệ (%)"}
	if got := headers(tb); !reflect.DeepEqual(got, wantHeaders) {
		t.Errorf("headers %q", got)
	}
	if got := tb.Rows[1].Cells; !reflect.DeepEqual(got, []string{"2", "Số thu BHXH, BHYT, BHTN", "tỷ đồng", "4.300", "4.270", "99,3", "4.600", "4.590", "99,8", "4.000", "3.950", "98,8"}) {
		t.Errorf("revenue row %q", got)
	}
	if got := tb.Rows[3].Cells; !reflect.DeepEqual(got, []string{"4", "Thời gian giải quyết hồ sơ", "ngày", "", "", "", "", "", "", "", "", ""}) {
		t.Errorf("row without values %q", got)
	}
	if text := allText(doc); !strings.Contains(text, "Số thu BHXH, BHYT, BHTN hoàn thành 0/3 năm") || !strings.Contains(text, "Tỷ lệ nợ đóng hoàn thành 3/3 năm") {
		t.Errorf("summary:\n%s", text)
	}

	// Five years: one column a year, and the last year of the movement makes it a tổng kết.
	doc = MovementReview(fixtureReview(2021, 2022, 2023, 2024, 2025))
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	tb = tables(doc)[0]
	if got := headers(tb); !reflect.DeepEqual(got, []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025"}) {
		t.Errorf("compact headers %q", got)
	}
	if got := tb.Rows[0].Cells[3]; got != "90,5 / 90\n(100,6%)" {
		t.Errorf("compact cell %q", got)
	}
	if !strings.HasPrefix(doc.Title[0], "Số liệu phục vụ tổng kết") {
		t.Errorf("title %q", doc.Title)
	}

	// A movement with no launching document has nothing to cite.
	in = fixtureReview(2024)
	in.Movement.DocNo, in.Movement.DocDate, in.Movement.Issuer = "", domain.Date{}, ""
	doc = MovementReview(in)
	if strings.Contains(allText(doc), "Căn cứ") {
		t.Errorf("empty Căn cứ printed:\n%s", allText(doc))
	}
	if text := allText(doc); !strings.Contains(text, "của phong trào năm 2024 như sau:") {
		t.Errorf("one year of figures:\n%s", text)
	}

	// A movement of one year: reviewed once, at its end, and its name
	// already saying the year is not followed by it again.
	in = fixtureReview(2025)
	in.Movement.Name, in.Movement.FromYear, in.Movement.ToYear = "Phong trào thi đua thực hiện nhiệm vụ năm 2025", 2025, 2025
	doc = MovementReview(in)
	if want := "Số liệu phục vụ tổng kết phong trào thi đua thực hiện nhiệm vụ năm 2025"; doc.Title[0] != want {
		t.Errorf("one-year movement title %q", doc.Title)
	}
	if text := allText(doc); strings.Contains(text, "năm 2025 năm 2025") {
		t.Errorf("the year said twice:\n%s", text)
	}
}
