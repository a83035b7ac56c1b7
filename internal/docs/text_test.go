package docs

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

func TestDateLine(t *testing.T) {
	scenarios := []struct {
		place string
		date  domain.Date
		want  string
	}{
		{"Hà Tĩnh", domain.NewDate(2026, time.January, 5), "Hà Tĩnh, ngày 05 tháng 01 năm 2026"},
		{"Hà Tĩnh", domain.NewDate(2026, time.February, 28), "Hà Tĩnh, ngày 28 tháng 02 năm 2026"},
		{"Hà Tĩnh", domain.NewDate(2026, time.March, 15), "Hà Tĩnh, ngày 15 tháng 3 năm 2026"},
		{"Hà Tĩnh", domain.NewDate(2025, time.September, 9), "Hà Tĩnh, ngày 09 tháng 9 năm 2025"},
		{"Nghệ An", domain.NewDate(2025, time.October, 10), "Nghệ An, ngày 10 tháng 10 năm 2025"},
		{"Hà Nội", domain.NewDate(2025, time.December, 31), "Hà Nội, ngày 31 tháng 12 năm 2025"},
		{" Huế ", domain.NewDate(2024, time.November, 1), "Huế, ngày 01 tháng 11 năm 2024"},
		{"", domain.NewDate(2026, time.January, 5), "ngày 05 tháng 01 năm 2026"},
		// Unknown parts are left blank for a hand to fill in.
		{"Hà Tĩnh", domain.Date{Year: 2026}, "Hà Tĩnh, ngày        tháng        năm 2026"},
		{"Hà Tĩnh", domain.Date{Year: 2026, Month: time.February}, "Hà Tĩnh, ngày        tháng 02 năm 2026"},
		{"Hà Tĩnh", domain.Date{}, "Hà Tĩnh, ngày        tháng        năm       "},
	}
	for _, sc := range scenarios {
		if got := DateLine(sc.place, sc.date); got != sc.want {
			t.Errorf("DateLine(%q, %+v) = %q, want %q", sc.place, sc.date, got, sc.want)
		}
	}
	h := Header{Place: "Hà Tĩnh", Date: domain.MustDate("05/01/2026")}
	if h.DateLine() != "Hà Tĩnh, ngày 05 tháng 01 năm 2026" {
		t.Errorf("Header.DateLine = %q", h.DateLine())
	}
}

func TestNumber(t *testing.T) {
	scenarios := []struct {
		n          int
		typ, issue string
		want       string
	}{
		{5, "TTr", "BHXH", "05/TTr-BHXH"},
		{12, "TTr", "BHXH", "12/TTr-BHXH"},
		{9, "BB", "HĐTĐKT", "09/BB-HĐTĐKT"},
		{10, "QĐ", "BHXH", "10/QĐ-BHXH"},
		{1234, "BC", "BHXH", "1234/BC-BHXH"},
		{7, "", "BHXH-TĐKT", "07/BHXH-TĐKT"}, // công văn: no type code
		{3, "TTr", "bhxh", "03/TTr-BHXH"},    // ký hiệu of the body in upper case
		{0, "TTr", "BHXH", "     /TTr-BHXH"}, // left for the clerk
		{-1, "TTr", "BHXH", "     /TTr-BHXH"},
		{4, "TTr", "", "04/TTr"},
		{4, "", "", "04"},
	}
	for _, sc := range scenarios {
		if got := Number(sc.n, sc.typ, sc.issue); got != sc.want {
			t.Errorf("Number(%d, %q, %q) = %q, want %q", sc.n, sc.typ, sc.issue, got, sc.want)
		}
	}
}

func TestUpper(t *testing.T) {
	scenarios := []struct{ in, want string }{
		{"đ", "Đ"},
		{"Bảo hiểm xã hội tỉnh Hà Tĩnh", "BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH"},
		{"Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"},
		{"phó giám đốc", "PHÓ GIÁM ĐỐC"},
		{"ơ ư ặ ỹ ữ ỗ ẫ ằ ậ ẩ ẻ ị ọ ụ ỳ ỵ", "Ơ Ư Ặ Ỹ Ữ Ỗ Ẫ Ằ Ậ Ẩ Ẻ Ị Ọ Ụ Ỳ Ỵ"},
		{"THỦ TRƯỞNG", "THỦ TRƯỞNG"},
		{"", ""},
		// Decomposed input (as some keyboards and PDFs give it) comes out precomposed.
		{norm.NFD.String("thủ trưởng đơn vị"), "THỦ TRƯỞNG ĐƠN VỊ"},
	}
	for _, sc := range scenarios {
		got := Upper(sc.in)
		if got != sc.want {
			t.Errorf("Upper(%q) = %q, want %q", sc.in, got, sc.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("Upper(%q) is not NFC", sc.in)
		}
	}
}

func TestListLines(t *testing.T) {
	scenarios := []struct {
		name   string
		in     []string
		prefix string
		want   []string
	}{
		{"recipients", []string{"Như trên", "Giám đốc (để b/c)", "Lưu: VT, TĐKT"}, "- ",
			[]string{"- Như trên;", "- Giám đốc (để b/c);", "- Lưu: VT, TĐKT."}},
		{"typed punctuation replaced", []string{"- Như trên;", "Lưu: VT, TĐKT."}, "- ",
			[]string{"- Như trên;", "- Lưu: VT, TĐKT."}},
		{"blank dropped", []string{"", "  ", "Lưu: VT"}, "- ", []string{"- Lưu: VT."}},
		{"none", nil, "- ", nil},
		{"no prefix", []string{"Căn cứ A,", "Căn cứ B;"}, "", []string{"Căn cứ A;", "Căn cứ B."}},
	}
	for _, sc := range scenarios {
		if got := ListLines(sc.in, sc.prefix); !reflect.DeepEqual(got, sc.want) {
			t.Errorf("%s: ListLines = %q, want %q", sc.name, got, sc.want)
		}
	}
	if got := RecipientLines([]string{"Như trên", "Lưu: VT, TĐKT"}); !reflect.DeepEqual(got, []string{"- Như trên;", "- Lưu: VT, TĐKT."}) {
		t.Errorf("RecipientLines = %q", got)
	}
}

func TestCanCu(t *testing.T) {
	got := CanCu("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Căn cứ Nghị định số 152/2025/NĐ-CP;")
	want := []Block{
		Paragraph{Text: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", Style: Italic},
		Paragraph{Text: "Căn cứ Nghị định số 152/2025/NĐ-CP.", Style: Italic},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CanCu = %#v", got)
	}
}

func TestSignerColumn(t *testing.T) {
	head := domain.Signer{Name: "Nguyễn Văn An", Position: "Giám đốc"}
	deputy := domain.Signer{Name: "Trần Thị Bình", Position: "Phó Giám đốc"}
	if got, want := SignerColumn(head, "Giám đốc"), (SignatureColumn{Position: "GIÁM ĐỐC", Name: "Nguyễn Văn An"}); got != want {
		t.Errorf("head: %+v", got)
	}
	if got, want := SignerColumn(deputy, "Giám đốc"), (SignatureColumn{Authority: "KT. GIÁM ĐỐC", Position: "PHÓ GIÁM ĐỐC", Name: "Trần Thị Bình"}); got != want {
		t.Errorf("deputy: %+v", got)
	}
	if got := SignerColumn(deputy, ""); got.Authority != "" {
		t.Errorf("no head given: %+v", got)
	}
	if !(Signature{}).IsZero() || (Signature{Right: got1()}).IsZero() {
		t.Error("Signature.IsZero")
	}
}

func got1() SignatureColumn { return SignatureColumn{Position: "GIÁM ĐỐC"} }

func TestNewHeader(t *testing.T) {
	p := domain.OfficeProfile{UnitName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", ParentName: "Bảo hiểm xã hội Việt Nam", Place: "Hà Tĩnh", DocNumberCode: "BHXH"}
	d := domain.MustDate("05/01/2026")
	h := NewHeader(p, Number(12, "TTr", p.DocNumberCode), d)
	want := Header{ParentName: "Bảo hiểm xã hội Việt Nam", IssuerName: "Bảo hiểm xã hội tỉnh Hà Tĩnh", Number: "12/TTr-BHXH", Place: "Hà Tĩnh", Date: d}
	if h != want {
		t.Errorf("NewHeader = %+v", h)
	}
}

func TestDocument_Validate(t *testing.T) {
	cols := []Column{{Header: "STT", Width: 1}, {Header: "Họ và tên", Width: 4}}
	scenarios := []struct {
		name string
		doc  Document
		err  string // substring of the error; "" for none
	}{
		{"empty document", Document{}, ""},
		{"good table", Document{Body: []Block{Table{Columns: cols, Rows: []Row{GroupRow("A. TẬP THỂ"), Cells("1", "Phòng Thu"), Cells("2")}}}}, ""},
		{"pointer blocks", Document{Body: []Block{&Paragraph{Text: "x"}, &Table{Columns: cols}}}, ""},
		{"nil block", Document{Body: []Block{Paragraph{}, nil}}, "khối 2"},
		{"nil pointer", Document{Body: []Block{(*Table)(nil)}}, "khối 1"},
		{"no columns", Document{Body: []Block{Table{}}}, "không có cột"},
		{"too many cells", Document{Body: []Block{Table{Columns: cols, Rows: []Row{Cells("1", "a", "b")}}}}, "dòng 1 có 3 ô"},
		{"group with two cells", Document{Body: []Block{Table{Columns: cols, Rows: []Row{{Cells: []string{"A", "B"}, Group: true}}}}}, "dòng nhóm"},
		{"negative width", Document{Body: []Block{Table{Columns: []Column{{Width: -1}}}}}, "độ rộng âm"},
		{"bad orientation", Document{Orientation: 7}, "hướng trang"},
	}
	for _, sc := range scenarios {
		err := sc.doc.Validate()
		switch {
		case sc.err == "" && err != nil:
			t.Errorf("%s: unexpected error %v", sc.name, err)
		case sc.err != "" && (err == nil || !strings.Contains(err.Error(), sc.err)):
			t.Errorf("%s: error %v, want one containing %q", sc.name, err, sc.err)
		case err != nil && !errors.Is(err, ErrInvalidDocument):
			t.Errorf("%s: %v does not wrap ErrInvalidDocument", sc.name, err)
		}
	}
}

func TestTable_Widths(t *testing.T) {
	tb := Table{Columns: []Column{{Width: 1}, {Width: 3}}}
	if got := tb.Widths(160); !reflect.DeepEqual(got, []float64{40, 120}) {
		t.Errorf("relative widths: %v", got)
	}
	tb = Table{Columns: []Column{{}, {}, {}, {}}}
	if got := tb.Widths(160); !reflect.DeepEqual(got, []float64{40, 40, 40, 40}) {
		t.Errorf("equal widths: %v", got)
	}
}

func TestValue(t *testing.T) {
	if Value(&Heading{Text: "I"}) != (Heading{Text: "I"}) {
		t.Error("pointer heading")
	}
	if Value((*Paragraph)(nil)) != nil || Value(nil) != nil {
		t.Error("nil")
	}
	if Value(PageBreak{}) != (PageBreak{}) {
		t.Error("value")
	}
}

func TestUpperFirst(t *testing.T) {
	for in, want := range map[string]string{"": "", "mỗi cá nhân": "Mỗi cá nhân", "đạt": "Đạt", "Bằng khen": "Bằng khen"} {
		if got := upperFirst(in); got != want {
			t.Errorf("upperFirst(%q) = %q, want %q", in, got, want)
		}
	}
}
