package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"tdkt/internal/docs"
	"tdkt/internal/domain"
)

// individuals is the number of people in the sample's table: enough for the
// table to run over the page break, few enough for two pages.
const individuals = 16

// sampleToTrinh is a two-page Tờ trình: Căn cứ lines, a table with group
// rows that runs over the page break, a signature signed "KT." and a Nơi nhận.
func sampleToTrinh() docs.Document {
	body := []docs.Block{}
	body = append(body, docs.CanCu(
		"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
		"Căn cứ Nghị định số 152/2025/NĐ-CP ngày 15 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
		"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Bảo hiểm xã hội tỉnh ngày 30 tháng 12 năm 2025",
	)...)
	body = append(body,
		docs.Paragraph{Text: "Năm 2025, Bảo hiểm xã hội tỉnh Hà Tĩnh đã tổ chức thực hiện tốt các chỉ tiêu, nhiệm vụ được giao: tỷ lệ bao phủ bảo hiểm y tế đạt 95,2% dân số, số thu đạt 101,3% kế hoạch, nợ đóng giảm còn 1,8% so với số phải thu; công tác cải cách hành chính và chuyển đổi số được đẩy mạnh, thủ tục giải quyết đúng hạn đạt 99,9%."},
		docs.Paragraph{Text: "Căn cứ thành tích đạt được và kết quả bình xét của Hội đồng Thi đua - Khen thưởng, Bảo hiểm xã hội tỉnh Hà Tĩnh kính đề nghị Tổng Giám đốc Bảo hiểm xã hội Việt Nam xem xét, tặng Bằng khen cho 03 tập thể và 24 cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025 (có danh sách kèm theo)."},
		docs.Heading{Text: "DANH SÁCH ĐỀ NGHỊ", Level: 1},
	)
	tbl := docs.Table{
		Columns: []docs.Column{
			{Header: "STT", Width: 1.2, Align: docs.AlignCenter},
			{Header: "Họ và tên / Tên tập thể", Width: 5},
			{Header: "Chức vụ, đơn vị công tác", Width: 6},
			{Header: "Tỷ lệ phiếu", Width: 2, Align: docs.AlignCenter},
		},
		RepeatHeader: true,
		Rows: []docs.Row{
			docs.GroupRow("A. TẬP THỂ"),
			docs.Cells("1", "Phòng Quản lý thu và Phát triển người tham gia", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "100%"),
			docs.Cells("2", "Bảo hiểm xã hội cơ sở Hồng Lĩnh", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "100%"),
			docs.Cells("3", "Phòng Giám định bảo hiểm y tế", "Bảo hiểm xã hội tỉnh Hà Tĩnh", "94%"),
			docs.GroupRow("B. CÁ NHÂN"),
		},
	}
	given := []string{"An", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hằng", "Hiếu", "Hoa", "Huệ", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngọc", "Phương", "Quỳnh", "Thảo"}[:individuals]
	for i, g := range given {
		tbl.Rows = append(tbl.Rows, docs.Cells(
			fmt.Sprint(i+1),
			"Nguyễn Thị "+g,
			fmt.Sprintf("Chuyên viên, Bảo hiểm xã hội cơ sở số %d", i+1),
			fmt.Sprintf("%d%%", 100-i%7),
		))
	}
	body = append(body, tbl,
		docs.Paragraph{Text: "Bảo hiểm xã hội tỉnh Hà Tĩnh kính trình Tổng Giám đốc xem xét, quyết định./."},
	)
	return docs.Document{
		Header: docs.Header{
			ParentName: "Bảo hiểm xã hội Việt Nam",
			IssuerName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
			Number:     docs.Number(12, "TTr", "BHXH"),
			Place:      "Hà Tĩnh",
			Date:       domain.MustDate("05/01/2026"),
		},
		Kind:    "Tờ trình",
		Title:   []string{"Về việc đề nghị tặng Bằng khen của Tổng Giám đốc", "Bảo hiểm xã hội Việt Nam năm 2025"},
		KinhGui: []string{"Tổng Giám đốc Bảo hiểm xã hội Việt Nam"},
		Body:    body,
		Signature: docs.Signature{Right: docs.SignerColumn(
			domain.Signer{Name: "Trần Thị Bình", Position: "Phó Giám đốc"}, "Giám đốc")},
		Recipients: []string{"Như trên", "Giám đốc (để b/c)", "Lưu: VT, TĐKT"},
	}
}

// sampleBCTT is a landscape two-party document: a Báo cáo thành tích with no
// number, the superior unit confirming on the left.
func sampleBCTT() docs.Document {
	return docs.Document{
		Header: docs.Header{
			ParentName: "Bảo hiểm xã hội tỉnh Hà Tĩnh",
			IssuerName: "Bảo hiểm xã hội cơ sở Hồng Lĩnh",
			Place:      "Hồng Lĩnh",
			Date:       domain.Date{Year: 2026},
		},
		Kind:  "Báo cáo thành tích",
		Title: []string{"Đề nghị tặng danh hiệu Tập thể lao động xuất sắc năm 2025"},
		Body: []docs.Block{
			docs.Heading{Text: "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"},
			docs.Heading{Text: "1. Đặc điểm, tình hình", Level: 2},
			docs.Paragraph{Text: "Bảo hiểm xã hội cơ sở Hồng Lĩnh được thành lập theo Quyết định số 391/QĐ-BHXH ngày 28 tháng 02 năm 2025, quản lý thu, chi và giải quyết chế độ trên địa bàn 12 xã, phường."},
			docs.Heading{Text: "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"},
			docs.Table{
				Columns: []docs.Column{
					{Header: "Năm", Width: 1, Align: docs.AlignCenter},
					{Header: "Danh hiệu thi đua", Width: 3},
					{Header: "Số, ngày tháng năm của quyết định công nhận; cơ quan ban hành", Width: 5},
				},
				NumberRow: true,
				Rows: []docs.Row{
					docs.Cells("2023", "Tập thể lao động xuất sắc", "Quyết định số 120/QĐ-BHXH ngày 15/01/2024 của Bảo hiểm xã hội Việt Nam"),
					docs.Cells("2024", "Tập thể lao động xuất sắc", "Quyết định số 98/QĐ-BHXH ngày 10/01/2025 của Bảo hiểm xã hội Việt Nam"),
				},
			},
		},
		Signature: docs.Signature{
			Left:  docs.SignatureColumn{Position: "Thủ trưởng đơn vị cấp trên trực tiếp nhận xét, xác nhận", Note: "(Ký, đóng dấu)"},
			Right: docs.SignatureColumn{Position: "Thủ trưởng đơn vị", Note: "(Ký, đóng dấu)", Name: "Lê Văn Cường"},
		},
		Orientation: docs.Landscape,
	}
}

// TestWriteSamples writes the sample documents to $PDFCHECK_DIR, to look at
// them with pdftoppm; it does nothing otherwise.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PDFCHECK_DIR")
	if dir == "" {
		t.Skip("set PDFCHECK_DIR to write the sample PDFs")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]docs.Document{"sample.pdf": sampleToTrinh(), "bctt.pdf": sampleBCTT(), "big.pdf": bigDocument()} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := Render(doc, f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// bigDocument is the sample followed by a 500-row danh sách, about 20
// pages in all, for the benchmark.
func bigDocument() docs.Document {
	doc := sampleToTrinh()
	tbl := docs.Table{
		Columns: []docs.Column{
			{Header: "STT", Width: 1.5, Align: docs.AlignCenter},
			{Header: "Họ và tên", Width: 4.5},
			{Header: "Đơn vị công tác", Width: 5},
			{Header: "Thành tích làm căn cứ", Width: 7},
		},
		RepeatHeader: true,
	}
	for i := range 500 {
		if i%100 == 0 {
			tbl.Rows = append(tbl.Rows, docs.GroupRow(fmt.Sprintf("%c. NHÓM %d", 'A'+i/100, i/100+1)))
		}
		merit := "HTXSNV năm 2025"
		if i%2 == 0 {
			merit = "CSTĐCS năm 2024; HTXSNV các năm 2023, 2024 và 2025"
		}
		tbl.Rows = append(tbl.Rows, docs.Cells(fmt.Sprint(i+1), "Phạm Quốc Hưng",
			"BHXH Thạch Hà", merit))
	}
	doc.Body = append(doc.Body, docs.PageBreak{}, tbl)
	return doc
}
