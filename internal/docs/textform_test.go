package docs

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tdkt/internal/domain"
)

// smallDocument has one of everything the text form writes, with names
// typed decomposed.
func smallDocument() Document {
	return Document{
		Header: Header{ParentName: "Bảo hiểm xã hội Việt Nam", IssuerName: d("Bảo hiểm xã hội tỉnh\nHà Tĩnh"),
			Number: "12/TTr-BHXH", Place: "Hà Tĩnh", Date: domain.NewDate(2026, 1, 8)},
		Kind:    "TỜ TRÌNH",
		Title:   []string{"Về việc đề nghị tặng Giấy khen năm 2025"},
		KinhGui: []string{"Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh"},
		Body: []Block{
			Paragraph{Text: "Căn cứ Luật Thi đua, khen thưởng;", Style: Italic},
			Heading{Text: "I. TÌNH HÌNH"},
			Heading{Text: "1. Đặc điểm", Level: 2},
			Paragraph{Text: "Dòng một\nDòng hai"},
			&Paragraph{Text: "QUYẾT ĐỊNH:", Style: Bold, Align: AlignCenter},
			Paragraph{Text: "Ghi chú", Style: BoldItalic, Align: AlignRight, NoIndent: true},
			Paragraph{},
			Table{
				Columns: []Column{{Header: "STT", Width: 1, Align: AlignCenter}, {Header: "Họ và tên\n(tập thể)", Width: 4}, {Header: "Tỷ lệ", Width: 1.5, Align: AlignRight}},
				Rows: []Row{
					GroupRow("A. TẬP THỂ"),
					Cells("1", d("Phòng Kế toán | Tài vụ")),
					{Cells: []string{"", "Tổng cộng", "100%"}, Bold: true},
				},
				RepeatHeader: true, NumberRow: true, FontSize: 11,
			},
			PageBreak{},
			Paragraph{Text: "Trang sau."},
		},
		Signature: Signature{
			Left:  SignatureColumn{Position: "THỦ TRƯỞNG ĐƠN VỊ", Note: "(Ký, đóng dấu)"},
			Right: SignatureColumn{Authority: "TM. HỘI ĐỒNG\nKT. CHỦ TỊCH", Position: "PHÓ CHỦ TỊCH", Name: d("Trần Thị Bình")},
		},
		Recipients:  []string{"Như trên", "Lưu: VT, TĐKT"},
		Orientation: Landscape,
	}
}

func TestPlainText_SmallDocument(t *testing.T) {
	want := `[Trang A4 ngang]
[Bên trái]
Cơ quan chủ quản: Bảo hiểm xã hội Việt Nam
Cơ quan ban hành: Bảo hiểm xã hội tỉnh
  Hà Tĩnh
Số: 12/TTr-BHXH
[Bên phải]
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 08 tháng 01 năm 2026

[Tên loại] TỜ TRÌNH
[Trích yếu] Về việc đề nghị tặng Giấy khen năm 2025

Kính gửi: Giám đốc Bảo hiểm xã hội tỉnh Hà Tĩnh

[Nội dung]
*Căn cứ Luật Thi đua, khen thưởng;*
# I. TÌNH HÌNH
## 1. Đặc điểm
Dòng một
  Dòng hai
[giữa] **QUYẾT ĐỊNH:**
[phải, sát lề] ***Ghi chú***
[dòng trống]

[Bảng 3 cột; độ rộng 1 : 4 : 1,5; lặp tiêu đề mỗi trang; dòng số cột (1), (2), …; cỡ chữ 11]
| STT | Họ và tên<br>(tập thể) | Tỷ lệ |
| :-: | --- | --: |
| [nhóm] A. TẬP THỂ |
| 1 | Phòng Kế toán \| Tài vụ |  |
|  | **Tổng cộng** | **100%** |

--- ngắt trang ---

Trang sau.

[Ký bên trái]
Chức vụ: THỦ TRƯỞNG ĐƠN VỊ
Ghi chú: (Ký, đóng dấu)

[Ký bên phải]
Thẩm quyền: TM. HỘI ĐỒNG
  KT. CHỦ TỊCH
Chức vụ: PHÓ CHỦ TỊCH
Họ và tên: Trần Thị Bình

Nơi nhận:
- Như trên;
- Lưu: VT, TĐKT.
`
	got := PlainText(smallDocument())
	if got != want {
		t.Errorf("PlainText:\n%s\nwant:\n%s\n%s", got, want, firstDifference(want, got))
	}
	if !norm.NFC.IsNormalString(got) {
		t.Error("text form not in NFC")
	}
	if again := PlainText(smallDocument()); again != got {
		t.Error("text form differs between two calls")
	}
}

// A document with nothing in it still says its page and the national
// header, and leaves out the sections it does not have.
func TestPlainText_EmptyDocument(t *testing.T) {
	want := "[Trang A4 dọc]\n[Bên trái]\n[Bên phải]\n" + nationalTitle + "\n" + nationalMotto + "\n"
	if got := PlainText(Document{}); got != want {
		t.Errorf("PlainText(Document{}) = %q, want %q", got, want)
	}
}

// Several addressees are a punctuated list under the label, as printed; a
// number of blanks only prints no "Số:" line, and blanks before a number
// (the space left for the văn thư) are kept.
func TestPlainText_KinhGuiAndNumber(t *testing.T) {
	doc := Document{KinhGui: []string{"Bảo hiểm xã hội Việt Nam", " ", "Bộ Tài chính"}, Header: Header{Number: "     "}}
	got := PlainText(doc)
	if !strings.Contains(got, "\nKính gửi:\n- Bảo hiểm xã hội Việt Nam;\n- Bộ Tài chính.\n") {
		t.Errorf("several addressees:\n%s", got)
	}
	if strings.Contains(got, "Số:") {
		t.Errorf("a blank number printed:\n%s", got)
	}
	doc.Header.Number = "     /ĐK-BHXH"
	if got := PlainText(doc); !strings.Contains(got, "\nSố:      /ĐK-BHXH\n") {
		t.Errorf("blank space before the number lost:\n%s", got)
	}
}

// The snapshot covers body text: changing one word of one paragraph, one
// cell or one signer changes the text form, and only in that line.
func TestPlainText_ShowsWordingChange(t *testing.T) {
	base := PlainText(smallDocument())
	scenarios := []struct {
		name   string
		change func(*Document)
	}{
		{"paragraph", func(d *Document) { d.Body[3] = Paragraph{Text: "Dòng một\nDòng hai đã sửa"} }},
		{"cell", func(d *Document) { d.Body[7].(Table).Rows[1].Cells[1] = "Phòng Tài vụ" }},
		{"style", func(d *Document) { d.Body[0] = Paragraph{Text: "Căn cứ Luật Thi đua, khen thưởng;"} }},
		{"signer", func(d *Document) { d.Signature.Right.Name = "Trần Thị Bính" }},
		{"recipient", func(d *Document) { d.Recipients[0] = "Như trên (để báo cáo)" }},
	}
	for _, sc := range scenarios {
		doc := smallDocument()
		sc.change(&doc)
		got := PlainText(doc)
		if got == base {
			t.Errorf("%s: a change of wording leaves the text form as it was", sc.name)
			continue
		}
		was, is := strings.Split(base, "\n"), strings.Split(got, "\n")
		if len(was) != len(is) {
			t.Errorf("%s: %d lines became %d", sc.name, len(was), len(is))
			continue
		}
		changed := 0
		for i := range was {
			if was[i] != is[i] {
				changed++
			}
		}
		if changed != 1 {
			t.Errorf("%s: %d lines changed, want the one line that says it", sc.name, changed)
		}
	}
}
